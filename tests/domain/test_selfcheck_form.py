"""The self-check form as data: what people type, what it becomes, and what is said beside each field."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jiebei_tui import i18n
from jiebei_tui.domain.parsing import dates, money, numbers, rates
from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.selfcheck import (
    DEBT_FIELDS,
    DebtKind,
    EssentialCategory,
    VerdictKind,
    add_debt,
    assess,
    check_field,
    check_form,
    field_paths,
    form_from_input,
    new_form,
    normalize_form,
    preview,
)
from jiebei_tui.domain.selfcheck.check import MSG_ESSENTIALS_REQUIRED, MSG_INCOME_REQUIRED, MSG_OUTSTANDING_REQUIRED
from jiebei_tui.domain.selfcheck.fields import MSG_SINCE_FORMAT, parse_since
from jiebei_tui.domain.selfcheck.validate import MSG_OVERDUE_MORE_THAN_OUTSTANDING

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
        ("2026-11-30", dates.MSG_DATE_IN_FUTURE),
        ("2026-02-30", dates.MSG_NO_SUCH_DATE),
        ("2001-01-01", dates.MSG_DATE_TOO_OLD),
        ("last month", MSG_SINCE_FORMAT),
        ("-3", MSG_SINCE_FORMAT),
        ("99999", numbers.MSG_NUMBER_RANGE),
    ],
)
def test_overdue_since_explains_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
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


@pytest.mark.parametrize(
    ("kind", "value", "english"),
    [
        ("money", Decimal("25000"), "¥25,000.00"),
        ("rate", Decimal("0.0005"), "0.05% a day"),
        ("multiplier", Decimal("1.5"), "×1.5"),
        ("since", 1, "1 day overdue"),
        ("since", 52, "52 days overdue"),
        ("since", date(2026, 11, 22), "1 day overdue, since 2026-11-22"),
        ("since", date(2026, 10, 2), "52 days overdue, since 2026-10-02"),
        ("due_day", 15, "day 15 of each month"),
        ("months", 1, "1 instalment left"),
        ("months", 12, "12 instalments left"),
    ],
)
def test_what_a_field_was_read_as(kind: str, value: object, english: str) -> None:
    understood = preview(kind, value, TODAY)
    assert understood is not None and understood.english() == english


def test_a_field_problem_is_an_input_error_shown_in_the_users_language() -> None:
    value, problem = check_field("money", "两万", TODAY)
    assert value is None and isinstance(problem, InputError)
    assert problem.message == money.MSG_NOT_AMOUNT
    assert problem.text() == "请用数字，例如 20000 或 2.5万"  # the default language
    i18n.set_language("en")
    assert problem.text() == problem.english() == "Use digits, e.g. 20000 or 2.5万"


def test_a_form_typed_in_traditional_characters_reads_the_same() -> None:
    simplified = check_form(filled(outstanding="2.5万", rate="万分之五", months="12个月", due_day="15号"), TODAY)
    traditional = check_form(filled(outstanding="2.5萬", rate="萬分之五", months="12個月", due_day="15號"), TODAY)
    assert traditional.problems == {} and traditional.input == simplified.input
