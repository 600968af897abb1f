"""The only facts the app states, each with its source (BRIEF.md §3).

Anything not in this table is never presented as fact: unverified figures such
as the penalty multiplier are inputs the user copies from their own contract.
Texts are English message ids, translated by the UI.
"""

from __future__ import annotations

from dataclasses import dataclass

from jiebei_tui.i18n import N_

SOURCE_COLLECTION_GUIDELINE = N_(
    "China Banking Association, Guidelines for the Collection of Personal Consumer Loans "
    "by Financial Institutions (trial), 2026-01-30"
)
SOURCE_CFC_MEASURES = N_("NFRA, Measures for the Administration of Consumer Finance Companies (2024)")
SOURCE_CREDIT_REGULATION = N_("Regulation on the Administration of the Credit Reporting Industry, art. 16")
SOURCE_OFFICIAL_QA_2021 = N_("Official Q&A, 2021 (as reported)")
SOURCE_YICAI_2021 = N_("Yicai Global, 2021-11-09")
SOURCE_SPC_2020_17 = N_("Supreme People's Court, Fa Shi [2020] No. 17, art. 1")
SOURCE_PIPL = N_("Personal Information Protection Law, arts. 10 and 28")
SOURCE_EVIDENCE_RULES = N_(
    "SPC Interpretation of the Civil Procedure Law art. 106; Provisions on Evidence in Civil "
    "Procedures arts. 14, 15, 90"
)
SOURCE_COMPLAINT_REPORTS = N_("Several public reports")


@dataclass(frozen=True)
class Fact:
    key: str
    statement: str
    source: str
    confidence: str  # "H", "M" or "M–H", as in BRIEF.md


FACTS: tuple[Fact, ...] = (
    Fact(
        "no_night_collection",
        N_("Collection is not allowed between 22:00 and 08:00 without your consent: no calls, visits or any other form."),
        SOURCE_COLLECTION_GUIDELINE,
        "H",
    ),
    Fact(
        "max_six_unanswered_calls",
        N_("When your phone is not answered, collectors should not try your same number more than six times a day."),
        SOURCE_COLLECTION_GUIDELINE,
        "H",
    ),
    Fact(
        "must_name_institution",
        N_("At first contact the collector must say which institution is calling. Impersonating courts or police is banned."),
        SOURCE_COLLECTION_GUIDELINE,
        "H",
    ),
    Fact(
        "no_third_parties",
        N_(
            "Unrelated third parties must not be collected from. They may only be asked for your contact details "
            "when you cannot be reached, without disclosing the debt, and contact stops if they ask."
        ),
        SOURCE_COLLECTION_GUIDELINE,
        "H",
    ),
    Fact(
        "banned_conduct",
        N_(
            "Banned outright, among others: violence or threats, leaking private information, and pushing you to "
            "take new loans to repay old ones."
        ),
        SOURCE_COLLECTION_GUIDELINE,
        "H",
    ),
    Fact(
        "home_visits",
        N_("Home visits need at least two staff. Lenders publish the list of collection agencies they use."),
        SOURCE_COLLECTION_GUIDELINE,
        "H",
    ),
    Fact(
        "cfc_no_harassment",
        N_(
            "Consumer-finance companies may not collect by violence, threats, intimidation or harassment, "
            "nor from unrelated third parties."
        ),
        SOURCE_CFC_MEASURES,
        "M",
    ),
    Fact(
        "credit_record_five_years",
        N_(
            "A negative credit record is kept for 5 years from the day the bad behaviour or event ends, "
            "that is, from the day the overdue is cleared."
        ),
        SOURCE_CREDIT_REGULATION,
        "M–H",
    ),
    Fact(
        "reported_to_credit_system",
        N_("Jiebei and similar credit-loan lenders report repayment to the credit reference system."),
        SOURCE_OFFICIAL_QA_2021,
        "M",
    ),
    Fact(
        "lender_on_loan_page",
        N_(
            "Jiebei loans are made by Chongqing Ant Consumer Finance or partner banks; the lender of each loan "
            "is shown on its loan page."
        ),
        SOURCE_YICAI_2021,
        "M",
    ),
    Fact(
        "lpr_cap_not_for_licensed",
        N_("The 4×LPR private-lending cap does not apply to licensed lenders."),
        SOURCE_SPC_2020_17,
        "H",
    ),
    Fact(
        "financial_info_sensitive",
        N_(
            "Financial account information is sensitive personal information; disclosing other people's "
            "personal information unlawfully is prohibited."
        ),
        SOURCE_PIPL,
        "H",
    ),
    Fact(
        "recordings_admissible",
        N_(
            "Call recordings are admissible evidence unless obtained by seriously unlawful means. "
            "Keep the originals unedited."
        ),
        SOURCE_EVIDENCE_RULES,
        "M–H",
    ),
    Fact(
        "complaint_channels",
        N_(
            "Where to complain: 12378 (NFRA: banks and consumer finance, including improper collection); "
            "12363 (PBoC: credit-report matters, complain to the institution first); 95188 (Alipay customer "
            "service); 110 for threats or violence; 96110 for suspected fraud."
        ),
        SOURCE_COMPLAINT_REPORTS,
        "M",
    ),
)

_BY_KEY = {fact.key: fact for fact in FACTS}


def fact(key: str) -> Fact:
    """Look a fact up by key; a KeyError means code cites something unverified."""
    return _BY_KEY[key]


@dataclass(frozen=True)
class ComplaintChannel:
    number: str
    purpose: str


COMPLAINT_CHANNELS: tuple[ComplaintChannel, ...] = (
    ComplaintChannel("12378", N_("NFRA consumer hotline: banks and consumer finance, including improper collection")),
    ComplaintChannel("12363", N_("PBoC: credit-report matters (complain to the institution first)")),
    ComplaintChannel("95188", N_("Alipay customer service")),
    ComplaintChannel("110", N_("Police: threats or violence")),
    ComplaintChannel("96110", N_("Anti-fraud hotline")),
)
