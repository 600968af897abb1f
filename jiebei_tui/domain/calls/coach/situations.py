"""What the coach says about each situation a collector's words can raise: the rule, calm replies, one key.

The rule is only ever a fact of :mod:`jiebei_tui.domain.facts` (cited with its source); where the
fact table has nothing, a caution worded as advice takes its place, never a rule. Replies are short
lines from the source articles' advice (seeds 000 and 001: stay calm, ask who is calling and for
which institution, ask for things in writing, go to the lender through official channels, keep
codes and private details to yourself). A situation offers one red flag to mark, or, where no flag
fits, a follow-up line: nothing is marked unless the user presses the key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from jiebei_tui.domain.calls.flags import red_flag
from jiebei_tui.domain.facts import Fact, fact
from jiebei_tui.domain.labels import LabelledEnum
from jiebei_tui.i18n import N_


class Situation(LabelledEnum):
    """What a collector's line speaks of; the value is stored with a kept suggestion, so it never changes.

    Declared in the order the panel shows them when one line raises several: safety first.
    """

    THREATS = "threats", N_("Insults or threats")
    PRIVATE_INFO = "private_info", N_("A request for codes, passwords, ID photos or contacts")
    PERSONAL_ACCOUNT = "personal_account", N_("Payment into a personal account or to a third party")
    AUTHORITY_CLAIM = "authority_claim", N_("Claiming to call from a court or the police")
    LEGAL_THREAT = "legal_threat", N_("Courts, police, criminal charges or a black list")
    THIRD_PARTIES = "third_parties", N_("Contacting your family, workplace or contacts")
    NEW_LOAN = "new_loan", N_("Borrowing a new loan to repay")
    VISIT = "visit", N_("A visit to your home or workplace")


@dataclass(frozen=True)
class Coaching:
    """What the panel shows for a situation.

    ``fact_keys`` name the rules (statement and source from the fact table); ``caution`` is advice
    shown when there is no rule to cite. ``replies`` are calm lines the user can say. ``flag_key``
    is the red flag one key marks (None where no flag fits); ``follow_up`` is the line another key
    adds as a note to follow up. ``seeds`` name the articles the replies come from.
    """

    situation: Situation
    fact_keys: tuple[str, ...]
    replies: tuple[str, ...]
    follow_up: str
    flag_key: str | None = None
    caution: str = ""
    seeds: tuple[str, ...] = ("000", "001")

    @property
    def facts(self) -> tuple[Fact, ...]:
        return tuple(fact(key) for key in self.fact_keys)


ASK_WHO = N_("Which institution are you calling for? May I have your name and staff number?")
OFFICIAL_CHANNELS = N_("I will contact the lender myself through official channels.")
IN_WRITING = N_("Please send that to me in writing.")

_COACHING: tuple[Coaching, ...] = (
    Coaching(
        Situation.THREATS,
        ("banned_conduct", "complaint_channels"),
        (
            N_("I am taking notes of this call. Please speak to me respectfully."),
            ASK_WHO,
            N_("I will end this call now and contact the lender through official channels."),
        ),
        N_("Consider a complaint: 12378 for improper collection, 110 for threats or violence."),
        flag_key="threats",
    ),
    Coaching(
        Situation.PRIVATE_INFO,
        ("financial_info_sensitive",),
        (
            N_("I do not give codes, passwords or ID photos over the phone."),
            N_("I will not share my family's or my contacts' details."),
            ASK_WHO,
        ),
        N_("Check with the lender through official channels whether this request came from them."),
        caution=N_("You do not have to give codes, passwords, ID photos or your contacts' details during a call."),
    ),
    Coaching(
        Situation.PERSONAL_ACCOUNT,
        (),
        (
            N_("I will repay only through my loan page in the app."),
            IN_WRITING,
            OFFICIAL_CHANNELS,
        ),
        N_("Check the amount and how to repay on the loan page before paying anything."),
        flag_key="personal_account",
        caution=red_flag("personal_account").warning,
        seeds=("000", "001", "002"),
    ),
    Coaching(
        Situation.AUTHORITY_CLAIM,
        ("must_name_institution",),
        (
            ASK_WHO,
            N_("Please send any document to me in writing."),
            N_("I will check this with the lender through official channels."),
        ),
        N_("Check the caller's claim with the lender through official channels."),
        flag_key="impersonation",
    ),
    Coaching(
        Situation.LEGAL_THREAT,
        ("must_name_institution", "banned_conduct"),
        (
            ASK_WHO,
            N_("Please send any legal document to me in writing."),
            OFFICIAL_CHANNELS,
        ),
        N_("Ask the lender through official channels whether any legal step has been taken."),
        flag_key="threats",
    ),
    Coaching(
        Situation.THIRD_PARTIES,
        ("no_third_parties", "cfc_no_harassment"),
        (
            N_("Please contact me, not my family, colleagues or contacts."),
            ASK_WHO,
            IN_WRITING,
        ),
        N_("Ask family and colleagues whether anyone contacted them about the debt, and when."),
        flag_key="third_parties",
    ),
    Coaching(
        Situation.NEW_LOAN,
        ("banned_conduct",),
        (
            N_("I will not take a new loan to repay this one."),
            N_("I would like to talk about a repayment plan I can keep."),
            OFFICIAL_CHANNELS,
        ),
        N_("Build a plan from your own numbers before the next call."),
        flag_key="new_loan",
        seeds=("000", "001", "002"),
    ),
    Coaching(
        Situation.VISIT,
        ("home_visits", "no_night_collection"),
        (
            ASK_WHO,
            N_("Please tell me in writing who would visit, and when."),
            N_("I will check this with the lender through official channels."),
        ),
        N_("Check with the lender through official channels that this agency is on its published list."),
    ),
)

COACHING: Mapping[Situation, Coaching] = {coaching.situation: coaching for coaching in _COACHING}

for _coaching in _COACHING:  # a typo in a key must fail at import, not on the user's screen mid-call
    for _key in _coaching.fact_keys:
        fact(_key)
    if _coaching.flag_key is not None:
        red_flag(_coaching.flag_key)
if set(COACHING) != set(Situation):
    raise RuntimeError("every situation needs its coaching")


def coaching(situation: Situation) -> Coaching:
    return COACHING[situation]
