"""The negotiation script and hardship statement: the user's own numbers, no forbidden claims, edits kept."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from helpers.plans import LOAN, MONTH_WITHOUT_SAVINGS, START

from jiebei_tui import i18n
from jiebei_tui.domain.causes import Cause
from jiebei_tui.domain.facts import fact
from jiebei_tui.domain.plans import (
    MATERIAL_KEYS,
    NEGOTIATION_FACTS,
    SAFETY,
    AlertKind,
    DebtPosition,
    DraftText,
    Finances,
    Negotiation,
    Option,
    OptionKind,
    Proposal,
    build_schedule,
    negotiation_alerts,
    render_text,
    script_lines,
    statement_lines,
)

MONTH = MONTH_WITHOUT_SAVINGS

# Claims the app must never make (BRIEF §3: unverified, or promises), and words that shame.
FORBIDDEN = [
    r"24\s*%",
    r"1\.5\s*[×x倍]",
    r"[×x]\s*1\.5",
    r"4001001000",
    r"guarantee",
    r"will be (approved|accepted|stopped|waived)",
    r"must (accept|agree)",
    r"保证",
    r"一定会",
    r"肯定",
    r"老赖",
    r"失信",
    r"shame",
    r"irresponsible",
    r"lazy",
    r"fault",
    r"丢人",
    r"不负责任",
]


def negotiation(**changes: object) -> Negotiation:
    option = Option.instalments_by(OptionKind.EQUAL_PAYMENT, 12)
    schedule = build_schedule(option, LOAN, START)
    base: dict[str, object] = {
        "position": LOAN,
        "proposal": Proposal.of(option, schedule),
        "today": START,
        "name": "张三",
        "causes": (Cause.INCOME_DROP, Cause.ILLNESS_OR_FAMILY),
        "own_words": "十月公司裁员，我在找新工作。",
        "finances": MONTH,
        "fits_budget": True,
    }
    base.update(changes)
    return Negotiation(**base)  # type: ignore[arg-type]


def rendered(lang: str, text_of: object) -> str:
    translation = i18n.load_translation(lang)
    return render_text(text_of, translation.gettext)  # type: ignore[arg-type]


def test_the_script_carries_the_users_own_numbers_and_words() -> None:
    text = render_text(script_lines(negotiation()))
    for expected in (
        "张三",
        "借呗",
        "重庆蚂蚁消费金融有限公司",
        "¥5,000.00 overdue for 40 days",
        "¥150.00",
        "¥20,000.00",
        "My income dropped or stopped",
        "Illness or a family emergency",
        "十月公司裁员，我在找新工作。",
        "¥9,000.00",
        "¥4,000.00",
        "¥4,000.00 a month is left",  # 9,000 − 4,000 − 500 − 2,300 + the 1,800 replaced
        "12 monthly instalments",
        "from 2027-01-20",
        "in writing",
        "reference number",
    ):
        assert expected in text, expected
    schedule = build_schedule(Option.instalments_by(OptionKind.EQUAL_PAYMENT, 12), LOAN, START)
    assert f"¥{schedule.rows[1].payment:,.2f} a month" in text
    assert f"¥{schedule.total_paid:,.2f} in all" in text


def test_the_statement_lists_the_same_figures_and_the_ticked_materials() -> None:
    text = render_text(statement_lines(negotiation(), ["id_card", "nonsense", "loan_contract"]))
    assert text.startswith("Statement of financial hardship")
    assert "To: 重庆蚂蚁消费金融有限公司" in text and "From: 张三" in text
    assert "Attached: Loan contract (借款合同), Your ID." in text  # checklist order, unknown keys dropped
    assert "Other regular debt payments: ¥500.00" in text  # 2,300 minus this loan's own 1,800
    assert "Date: 2027-01-05" in text


@pytest.mark.parametrize("lang", ["en", "zh-Hans", "zh-Hant"])
def test_no_forbidden_claims_or_shaming_words_in_any_language(lang: str) -> None:
    for lines in (script_lines(negotiation()), statement_lines(negotiation(), MATERIAL_KEYS)):
        text = rendered(lang, lines)
        for pattern in FORBIDDEN:
            assert not re.search(pattern, text, re.IGNORECASE), (lang, pattern)
    safety = " ".join(i18n.load_translation(lang).gettext(line) for line in SAFETY)
    for pattern in FORBIDDEN:
        assert not re.search(pattern, safety, re.IGNORECASE), (lang, pattern)


@pytest.mark.parametrize(("lang", "word"), [("zh-Hans", "书面"), ("zh-Hant", "書面")])
def test_the_script_is_translated(lang: str, word: str) -> None:
    text = rendered(lang, script_lines(negotiation()))
    assert word in text and "Hello" not in text
    assert "¥5,000.00" in text and "重庆蚂蚁消费金融有限公司" in text


def test_safety_warnings_name_agents_fees_and_personal_accounts() -> None:
    joined = " ".join(SAFETY)
    assert "停息挂账" in joined and "代理协商" in joined and "personal account" in joined and "official" in joined
    for key in NEGOTIATION_FACTS:
        assert fact(key).source  # only facts from the fact table


def test_without_a_lender_the_script_asks_for_it_instead_of_inventing_one() -> None:
    anonymous = negotiation(position=DebtPosition(name="", principal=Decimal("3000.00")), name="", causes=(), own_words="")
    text = render_text(script_lines(anonymous))
    assert "[the lender shown on your loan page]" in text and "my loan" in text
    assert text.startswith("Hello. I am calling")
    assert "Nothing is overdue yet" in text
    assert [alert.kind for alert in negotiation_alerts(anonymous)] == [AlertKind.LENDER_MISSING]
    assert negotiation_alerts(negotiation()) == ()


def test_the_plan_fitting_is_said_only_when_it_fits() -> None:
    assert "I can keep paying" in render_text(script_lines(negotiation()))
    assert "I can keep paying" not in render_text(script_lines(negotiation(fits_budget=False)))
    short = Finances(income=Decimal("5000.00"), essentials=Decimal("5000.00"), debt_payments=Decimal("1800.00"))
    assert "nothing is left for this loan" in render_text(script_lines(negotiation(finances=short)))


def test_the_lenders_terms_asked_for_are_in_the_proposal() -> None:
    option = Option(OptionKind.EQUAL_PRINCIPAL, months=6, interest_stopped=True, penalty=Decimal("0.00"))
    proposal = Proposal.of(option, build_schedule(option, LOAN, START))
    text = render_text(script_lines(negotiation(proposal=proposal)))
    assert "interest stop" in text and "penalty be reduced to ¥0.00" in text
    assert "6 instalments from 2027-01-20 to 2027-06-20" in text


def test_a_deferral_is_proposed_as_one_payment() -> None:
    option = Option.deferral(30)
    proposal = Proposal.of(option, build_schedule(option, LOAN, START))
    assert proposal.sentence().render() == "to repay ¥20,487.50 in full on 2027-02-04"


def test_pasted_control_characters_cannot_reach_the_terminal() -> None:
    text = render_text(script_lines(negotiation(own_words="ok\x1b]52;c;bad\x07 done")))
    assert "\x1b" not in text and "\x07" not in text


def test_the_users_edits_are_kept_apart_from_the_generated_text() -> None:
    draft = DraftText("generated v1")
    edited = draft.edit("my own words")
    assert edited.text == "my own words" and edited.is_edited and not edited.outdated
    regenerated = edited.regenerate("generated v2")
    assert regenerated.text == "my own words" and regenerated.generated == "generated v2" and regenerated.outdated
    assert regenerated.edit("my newer words").outdated is False
    assert regenerated.discard_edit().text == "generated v2"
    assert DraftText.from_dict(regenerated.to_dict()) == regenerated
