"""The self-check form as data: what people type, what it becomes, and what is said beside each field."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jiebei_tui import i18n
from jiebei_tui.domain.facts import COMPLAINT_CHANNELS, FACTS
from jiebei_tui.domain.parsing import money, numbers, rates
from jiebei_tui.domain.selfcheck import DebtKind, EssentialCategory, VerdictKind, assess
from jiebei_tui.domain.selfcheck.form import (
    DEBT_FIELDS,
    MSG_ESSENTIALS_REQUIRED,
    MSG_INCOME_REQUIRED,
    MSG_OUTSTANDING_REQUIRED,
    MSG_SINCE_FORMAT,
    MSG_SINCE_NO_SUCH_DATE,
    MSG_SINCE_TOO_OLD,
    add_debt,
    check_field,
    check_form,
    field_paths,
    form_from_input,
    new_form,
    normalize_form,
    parse_since,
)
from jiebei_tui.domain.selfcheck.validate import MSG_DATE_IN_FUTURE, MSG_OVERDUE_MORE_THAN_OUTSTANDING
from jiebei_tui.ui.selfcheck.widgets.figures import figure_lines, verdict_short
from jiebei_tui.ui.selfcheck.widgets.results import at_stake_items, help_items

TODAY = date(2026, 11, 23)


def filled(**debt: str) -> dict[str, Any]:
    form = new_form()
    form["debts"][0].update(
        {"outstanding": "2.5万", "overdue": "２００００", "since": "2026-10-02", "rate": "0.05%", "multiplier": "1.5",
         "payment": "1,500", "due_day": "15号", "months": "12期", "lender": "重庆蚂蚁消费金融"}
    )
    form["debts"][0].update(debt)
    form["incomes"][0].update({"label": "工资", "amount": "¥8000"})
    form["essentials"].update({"rent": "2500元", "food": "1500"})
    return form


def test_new_form_starts_with_jiebei_and_one_line_per_list() -> None:
    form = new_form()
    assert [d["kind"] for d in form["debts"]] == ["jiebei"]
    assert form["debts"][0]["name"] == "借呗"
    assert all(len(form[key]) == 1 for key in ("incomes", "other_fixed", "savings"))
    assert set(form["essentials"]) == {c.value for c in EssentialCategory}
    assert [add_debt(form)["kind"] for _ in range(6)] == ["huabei", "credit_card", "online_loan", "family_friends", "other", "other"]


def test_a_filled_form_becomes_exact_decimals() -> None:
    checked = check_form(filled(), TODAY)
    assert checked.problems == {}
    assert checked.input is not None
    debt = checked.input.debts[0]
    assert debt.outstanding_principal == Decimal("25000.00")
    assert debt.overdue_principal == Decimal("20000.00")
    assert debt.overdue_since == date(2026, 10, 2) and debt.days_overdue is None
    assert debt.daily_rate == Decimal("0.0005") and debt.penalty_multiplier == Decimal("1.5")
    assert debt.monthly_payment == Decimal("1500.00") and debt.due_day == 15 and debt.remaining_months == 12
    cash = checked.input.cashflow
    assert cash.incomes[0].label == "工资" and cash.incomes[0].amount == Decimal("8000.00")
    assert cash.essentials == {EssentialCategory.RENT: Decimal("2500.00"), EssentialCategory.FOOD: Decimal("1500.00")}


def test_an_empty_form_asks_for_income_and_essentials_without_crashing() -> None:
    form = new_form()
    checked = check_form(form, TODAY)
    assert checked.input is None
    messages = {path: problem.message for path, problem in checked.problems.items()}
    income_uid = form["incomes"][0]["uid"]
    assert messages == {
        ("incomes", income_uid, "amount"): MSG_INCOME_REQUIRED,
        ("essentials", "rent", "amount"): MSG_ESSENTIALS_REQUIRED,
    }


def test_zero_income_is_an_answer_not_a_gap() -> None:
    form = new_form()
    form["incomes"][0]["amount"] = "0"
    form["essentials"]["food"] = "1200"
    checked = check_form(form, TODAY)
    assert checked.input is not None
    assert assess(checked.input, TODAY).verdict.kind is VerdictKind.CRISIS


def test_bad_values_stay_typed_and_get_their_own_message() -> None:
    form = filled(outstanding="abc", rate="5% 年化", since="yesterday")
    checked = check_form(form, TODAY)
    uid = form["debts"][0]["uid"]
    assert checked.input is None
    assert checked.problems[("debts", uid, "outstanding")].message == money.MSG_NOT_AMOUNT
    assert checked.problems[("debts", uid, "rate")].message == rates.MSG_RATE_NOT_DAILY
    assert checked.problems[("debts", uid, "since")].message == MSG_SINCE_FORMAT
    assert form["debts"][0]["outstanding"] == "abc"  # nothing typed is thrown away
    assert checked.first_problem == ("debts", uid, "outstanding")  # form order


def test_cross_field_rules_point_at_the_right_field() -> None:
    form = filled(outstanding="", rate="")
    uid = form["debts"][0]["uid"]
    problems = check_form(form, TODAY).problems
    assert problems[("debts", uid, "outstanding")].message == MSG_OUTSTANDING_REQUIRED
    assert problems[("debts", uid, "rate")].message == rates.MSG_RATE_EMPTY
    problems = check_form(filled(outstanding="10000"), TODAY).problems
    assert problems[("debts", uid, "overdue")].message == MSG_OVERDUE_MORE_THAN_OUTSTANDING
    assert problems[("debts", uid, "overdue")].params == {"outstanding": "¥10,000.00"}


def test_family_loans_may_leave_the_rate_empty_and_blank_debts_are_ignored() -> None:
    form = filled()
    form["debts"][0].update(kind=DebtKind.FAMILY_FRIENDS.value, rate="")
    add_debt(form)  # left untouched
    checked = check_form(form, TODAY)
    assert checked.input is not None
    assert len(checked.input.debts) == 1 and checked.input.debts[0].daily_rate == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-10-02", date(2026, 10, 2)),
        ("2026/10/2", date(2026, 10, 2)),
        ("2026.10.02", date(2026, 10, 2)),
        ("2026年10月2日", date(2026, 10, 2)),
        ("10月2日", date(2026, 10, 2)),
        ("10-2", date(2026, 10, 2)),
        ("12-24", date(2025, 12, 24)),  # no year: the most recent one not after today
        ("２０２６－１０－０２", date(2026, 10, 2)),
        ("52", 52),
        ("52天", 52),
        (" 0 ", 0),
    ],
)
def test_overdue_since_takes_a_date_or_days(text: str, expected: object) -> None:
    assert parse_since(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-11-30", MSG_DATE_IN_FUTURE),
        ("2026-02-30", MSG_SINCE_NO_SUCH_DATE),
        ("2001-01-01", MSG_SINCE_TOO_OLD),
        ("last month", MSG_SINCE_FORMAT),
        ("-3", MSG_SINCE_FORMAT),
        ("99999", numbers.MSG_NUMBER_RANGE),
    ],
)
def test_overdue_since_explains_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(money.InputError) as caught:
        parse_since(text, TODAY)
    assert caught.value.message == message


FIELD_KINDS = sorted({spec.kind for spec in DEBT_FIELDS})


@settings(max_examples=300, deadline=None)
@given(kind=st.sampled_from(FIELD_KINDS), text=st.text(max_size=40))
def test_checking_a_field_never_raises(kind: str, text: str) -> None:
    value, problem = check_field(kind, text, TODAY)
    assert value is None or problem is None


@settings(max_examples=100, deadline=None)
@given(texts=st.lists(st.text(max_size=12), min_size=12, max_size=12))
def test_checking_the_whole_form_never_raises(texts: list[str]) -> None:
    form = new_form()
    for spec, text in zip(DEBT_FIELDS, texts, strict=False):
        form["debts"][0][spec.key] = text
    form["incomes"][0]["amount"] = texts[-1]
    form["essentials"]["rent"] = texts[-2]
    checked = check_form(form, TODAY)
    assert (checked.input is None) == bool(checked.problems)
    assert set(checked.problems) <= set(field_paths(form))


def test_a_saved_input_fills_the_next_form_exactly() -> None:
    original = check_form(filled(since="30天", multiplier=""), TODAY).input
    assert original is not None
    again = check_form(form_from_input(original), TODAY).input
    assert again == original


def test_drafts_are_repaired_or_refused() -> None:
    assert normalize_form(None) is None
    assert normalize_form({"version": 99}) is None
    assert normalize_form(["not", "a", "form"]) is None
    form = normalize_form({"version": 1, "debts": [{"kind": "nonsense", "overdue": 5, "rate": "0.05%"}, "junk"]})
    assert form is not None
    assert form["debts"][0]["kind"] == "other" and form["debts"][0]["overdue"] == "" and form["debts"][0]["rate"] == "0.05%"
    assert len(form["incomes"]) == 1 and form["essentials"]["rent"] == ""
    assert normalize_form(filled()) == filled()


def _sample_assessment(essentials: str = "1500") -> Any:
    form = filled()
    form["essentials"]["food"] = essentials
    checked = check_form(form, TODAY)
    assert checked.input is not None
    return assess(checked.input, TODAY)


def test_every_figure_explains_itself_with_its_inputs() -> None:
    i18n.set_language("en")
    lines = figure_lines(_sample_assessment())
    keys = [line.key for line in lines]
    assert keys[:3] == ["verdict", "surplus", "share"]
    assert {"overdue", "accrued", "per_day", "next_30", "owed", "debt0.per_day"} <= set(keys)
    for line in lines:
        assert line.steps, line.key
    per_day = next(line for line in lines if line.key == "debt0.per_day")
    assert per_day.value == "¥15.00"
    assert any("¥20,000.00 × 0.05% × 1.5" in step for step in per_day.steps)
    inputs = dict(per_day.inputs)
    assert inputs["Penalty multiplier"] == "1.5, from your contract"
    assert inputs["Days overdue"] == "2026-11-23 − 2026-10-02 = 52 days"


def test_explanations_are_translated_days_included() -> None:
    i18n.set_language("zh-Hans")
    per_day = next(line for line in figure_lines(_sample_assessment()) if line.key == "debt0.accrued")
    assert per_day.label == "借呗：至今的罚息和利息"
    assert dict(per_day.inputs)["逾期天数"] == "2026-11-23 − 2026-10-02 = 52 天"
    assert any(step.endswith("× 52 天 = ¥780.00") for step in per_day.steps)


def test_verdict_words_and_facts_with_sources() -> None:
    i18n.set_language("en")
    assert verdict_short(VerdictKind.CLEAR_IN_MONTHS, 1) == "About 1 month at this pace"
    assert verdict_short(VerdictKind.CLEAR_IN_MONTHS, 4) == "About 4 months at this pace"
    text = "\n".join(at_stake_items(_sample_assessment()))
    statements = [fact for fact in FACTS if fact.statement in text]
    assert statements and all(fact.source in text for fact in statements)


def test_help_names_only_the_listed_channels() -> None:
    numbers = set(re.findall(r"\d{3,}", "\n".join(help_items())))
    assert numbers == {channel.number for channel in COMPLAINT_CHANNELS}
