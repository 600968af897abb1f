"""Every stored document survives JSON and back, and malformed data is refused with ValueError."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jiebei_tui.domain.causes import Cause
from jiebei_tui.domain.habits import (
    BorrowAnswers,
    BorrowCheck,
    BorrowVerdictKind,
    BudgetPlan,
    Cadence,
    CheckinMonth,
    EmergencyFund,
    Habit,
    HabitProgress,
    Notice,
    Reflection,
    SpendMonth,
    add_category,
    add_spend,
    adopt_starter,
    check_in,
    default_budget,
    new_habit,
    new_reflection,
    plan_rest,
    start_progress,
)

D = date


def progress() -> HabitProgress:
    habit = Habit("h1", "x", "", Cadence.WEEKLY, D(2026, 12, 21))
    state = start_progress(habit)
    state = check_in(habit, state, CheckinMonth("2026-12"), D(2027, 1, 1), D(2027, 1, 1)).progress
    return plan_rest(habit, state, CheckinMonth("2027-01"), D(2027, 1, 6), D(2027, 1, 1)).progress


def spends() -> SpendMonth:
    plan = add_category(default_budget(None), "外卖", "300")
    month = add_spend(SpendMonth("2027-03"), plan, D(2027, 3, 1), "own-1", "28.5", "奶茶")
    return add_spend(month, plan, D(2027, 3, 31), "food", "1,200")


DOCUMENTS: list[tuple[Callable[[Any], Any], Any]] = [
    (Habit.from_dict, adopt_starter("record_spending", "h1", D(2027, 1, 1))),
    (Habit.from_dict, new_habit("h2", "不点外卖", "省钱", Cadence.DAILY, D(2028, 2, 29))),
    (HabitProgress.from_dict, progress()),
    (
        CheckinMonth.from_dict,
        CheckinMonth("2026-12", {"h1": (D(2026, 12, 2), D(2027, 1, 1))}, {"h1": (D(2026, 12, 28),)}),
    ),
    (BudgetPlan.from_dict, add_category(default_budget(None), "外卖", "300")),
    (SpendMonth.from_dict, spends()),
    (EmergencyFund.from_dict, EmergencyFund(6, Decimal("3700.50"), Decimal("1500.00"), Decimal("0.00"))),
    (Reflection.from_dict, new_reflection("r1", D(2027, 1, 5), [Cause.INCOME_DROP, Cause.OTHER], "裁员", "记账")),
    (
        BorrowCheck.from_dict,
        BorrowCheck(
            "b1",
            D(2027, 1, 5),
            BorrowAnswers(Decimal("10000.00"), Decimal("900.00"), Decimal("0.0005"), True),
            None,
            BorrowVerdictKind.LOAN_FOR_LOAN,
        ),
    ),
    (Notice.from_dict, Notice("{category}: {spent}", {"category": "Food", "spent": "¥1.00"}, frozenset({"category"}))),
]


@pytest.mark.parametrize(("load", "document"), DOCUMENTS, ids=lambda value: type(value).__name__)
def test_round_trip_through_json(load: Callable[[Any], Any], document: Any) -> None:
    text = json.dumps(document.to_dict(), ensure_ascii=False)
    assert load(json.loads(text)) == document


MALFORMED: list[tuple[Callable[[Any], Any], Any]] = [
    (Habit.from_dict, []),
    (Habit.from_dict, {"id": "h", "name": "x", "cadence": "hourly", "started": "2027-01-01"}),
    (Habit.from_dict, {"id": "h", "name": "x", "cadence": "daily", "started": "2027-02-30"}),
    (Habit.from_dict, {"id": "h", "name": "", "cadence": "daily", "started": "2027-01-01"}),
    (Habit.from_dict, {"id": "h", "name": "x", "cadence": "daily", "started": "2027-01-01", "translatable": True}),
    (Habit.from_dict, {"id": "h", "name": "x", "cadence": "daily", "started": "2027-01-01", "starter": "nope"}),
    (HabitProgress.from_dict, {"habit_id": "h", "cadence": "weekly", "base": "2027-01-06"}),  # not a Monday
    (HabitProgress.from_dict, {"habit_id": "h", "cadence": "daily", "base": "2027-01-06", "done": ["2027-01-05"]}),
    (HabitProgress.from_dict, {"habit_id": "h", "cadence": "daily", "base": "2027-01-06", "done": ["2027-06-01"]}),
    (
        HabitProgress.from_dict,
        {"habit_id": "h", "cadence": "daily", "base": "2027-01-06", "carry": 3, "total": 1, "best_before": 3},
    ),
    (
        HabitProgress.from_dict,
        {"habit_id": "h", "cadence": "daily", "base": "2027-01-06", "carry": 3, "total": 3, "best_before": 2},
    ),
    (HabitProgress.from_dict, {"habit_id": "h", "cadence": "daily", "base": "2027-01-06", "total": True}),
    (CheckinMonth.from_dict, {"month": "2027-13"}),
    (CheckinMonth.from_dict, {"month": "2027-01", "done": {"h": ["2027-02-07"]}}),
    (CheckinMonth.from_dict, {"month": "2027-01", "done": {"h": ["2026-12-31"]}}),
    (CheckinMonth.from_dict, {"month": "2027-01", "done": {"h": "2027-01-02"}}),
    (BudgetPlan.from_dict, {"categories": [{"key": "food", "planned": 12.505}]}),  # not whole fen
    (BudgetPlan.from_dict, {"categories": [{"key": "food", "planned": "-1"}]}),
    (BudgetPlan.from_dict, {"categories": [{"key": "hacked", "planned": "1"}]}),
    (BudgetPlan.from_dict, {"categories": [{"key": "food", "planned": "1"}, {"key": "food", "planned": "2"}]}),
    (
        SpendMonth.from_dict,
        {"month": "2027-03", "spends": [{"seq": 1, "day": "2027-04-01", "category": "food", "amount": "1"}]},
    ),
    (
        SpendMonth.from_dict,
        {"month": "2027-03", "spends": [{"seq": 1, "day": "2027-03-01", "category": "food", "amount": "0.001"}]},
    ),
    (
        SpendMonth.from_dict,
        {"month": "2027-03", "spends": [{"seq": 1, "day": "2027-03-01", "category": "food", "amount": "NaN"}]},
    ),
    (EmergencyFund.from_dict, {"target_months": 0}),
    (EmergencyFund.from_dict, {"current": "-5"}),
    (Reflection.from_dict, {"id": "r", "day": "2027-01-01", "causes": ["income_drop", "income_drop"]}),
    (Reflection.from_dict, {"id": "r", "day": "2027-01-01", "causes": ["bad_luck"]}),
    (
        BorrowCheck.from_dict,
        {
            "id": "b",
            "day": "2027-01-01",
            "amount": "1",
            "monthly_payment": "1",
            "daily_rate": "0",
            "repays_other_loan": "yes",
            "surplus": None,
            "verdict": "fits",
        },
    ),
    (
        BorrowCheck.from_dict,
        {
            "id": "b",
            "day": "2027-01-01",
            "amount": "1",
            "monthly_payment": "1",
            "daily_rate": "0",
            "repays_other_loan": False,
            "surplus": None,
            "verdict": "maybe",
        },
    ),
    (Notice.from_dict, {"message": "x", "params": {"a": "1"}, "translated": ["b"]}),
]


@pytest.mark.parametrize(("load", "data"), MALFORMED)
def test_malformed_data_is_refused_with_value_error(load: Callable[[Any], Any], data: Any) -> None:
    with pytest.raises(ValueError):
        load(data)


@settings(max_examples=60, deadline=None)
@given(
    st.dictionaries(
        st.text(min_size=1, max_size=8),
        st.lists(st.dates(min_value=D(2027, 3, 1), max_value=D(2027, 3, 31)), min_size=1, max_size=5),
        max_size=4,
    )
)
def test_any_month_of_check_ins_round_trips(done: dict[str, list[date]]) -> None:
    month = CheckinMonth("2027-03", {key: tuple(sorted(set(days))) for key, days in done.items()})
    assert CheckinMonth.from_dict(json.loads(json.dumps(month.to_dict()))) == month
