"""Home's "today" from small already-loaded inputs."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from jiebei_tui.domain.calls import Commitment, CommitmentStatus
from jiebei_tui.domain.habits import (
    Cadence,
    CheckinMonth,
    DueSource,
    EmergencyFund,
    FundState,
    Habit,
    PlanProgress,
    build_home,
    check_in,
    commitment_due_items,
    debt_due_items,
    plan_instalment_due,
    start_progress,
)
from jiebei_tui.domain.selfcheck import Debt, DebtKind, SelfCheckInput, Summary, VerdictKind

TODAY = date(2027, 5, 20)


def test_an_empty_start_says_nothing_it_does_not_know() -> None:
    home = build_home(TODAY)
    assert (home.total_owed, home.cost_per_day, home.next_payment, home.plan, home.fund) == (None,) * 5
    assert (home.open_commitments, home.habits, home.habits_done, home.latest_reflection) == (0, (), 0, None)


def test_home_collects_today_from_counters() -> None:
    summary = Summary(
        date(2027, 5, 1), Decimal("23456.78"), Decimal("5000"), Decimal("800"), Decimal("7.65"), VerdictKind.NEGOTIATE
    )
    habit = Habit("h", "记账", "", Cadence.DAILY, date(2027, 5, 1))
    progress = start_progress(habit)
    for day in (TODAY - timedelta(days=1), TODAY):
        progress = check_in(habit, progress, CheckinMonth("2027-05"), day, day).progress
    weekly = Habit("w", "看借呗页面", "", Cadence.WEEKLY, date(2027, 5, 1))
    due = [
        plan_instalment_due("p", "分期", 3, 6, TODAY + timedelta(days=3), Decimal("800")),
        plan_instalment_due("p", "分期", 4, 6, TODAY + timedelta(days=34), Decimal("800")),
        # A debt due day is not a "next payment" on Home: whether it was paid is unknown.
        *debt_due_items(
            SelfCheckInput(debts=(Debt(DebtKind.JIEBEI, "借呗", monthly_payment=Decimal("1"), due_day=21),)),
            TODAY,
            TODAY + timedelta(days=7),
        ),
    ]
    home = build_home(
        TODAY,
        summary=summary,
        due=due,
        plan=PlanProgress("p", "分期", Decimal("1600.00"), Decimal("4800.00")),
        open_commitments=2,
        habits=[(habit, progress), (weekly, start_progress(weekly))],
        fund=EmergencyFund(3, Decimal("1000"), Decimal("1500"), Decimal("500")),
        latest_reflection=date(2027, 5, 2),
    )
    assert (home.total_owed, home.cost_per_day, home.owed_as_of) == (
        Decimal("23456.78"),
        Decimal("7.65"),
        date(2027, 5, 1),
    )
    assert home.next_payment is not None
    assert (home.next_payment.item.source, home.next_payment.days_left) == (DueSource.PLAN, 3)
    assert home.plan is not None and (home.plan.fraction, home.plan.remaining) == (Decimal("0.333"), Decimal("3200.00"))
    assert [(row.habit_id, row.done, row.streak) for row in home.habits] == [("w", False, 0), ("h", True, 2)]
    assert home.habits_done == 1 and home.open_commitments == 2
    assert home.fund is not None and (home.fund.state, home.fund.months_to_target) == (FundState.ON_THE_WAY, 3)
    assert home.latest_reflection == date(2027, 5, 2)


def test_an_overdue_promise_comes_before_a_later_instalment() -> None:
    promise = Commitment(
        "r",
        "n",
        "诺：还500",
        Decimal("500"),
        TODAY - timedelta(days=2),
        datetime(2027, 5, 1, tzinfo=timezone.utc),
        CommitmentStatus.OPEN,
    )
    due = [plan_instalment_due("p", "分期", 1, 2, TODAY, Decimal("1")), *commitment_due_items([promise])]
    home = build_home(TODAY, due=due)
    assert home.next_payment is not None
    assert (home.next_payment.item.source, home.next_payment.days_left, home.next_payment.overdue) == (
        DueSource.COMMITMENT,
        -2,
        True,
    )


def test_plan_progress_edges() -> None:
    assert PlanProgress("p", "x", Decimal("4799.99"), Decimal("4800")).fraction == Decimal("0.999")
    assert PlanProgress("p", "x", Decimal("5000"), Decimal("4800")).fraction == Decimal("1")
    assert PlanProgress("p", "x", Decimal("0"), Decimal("0")).fraction == Decimal("1")
    with pytest.raises(ValueError):
        build_home(TODAY, open_commitments=-1)
