"""Several debts on one budget: avalanche, snowball, the user's order, extras, and when it never ends."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.plans import (
    AlertKind,
    DebtPosition,
    Extra,
    Strategy,
    budget_problems,
    compare_strategies,
    due_dates,
    plan_budget,
)

START = date(2027, 1, 5)


def debt(name: str, principal: str, rate: str = "0", overdue: str = "0", multiplier: str = "1", accrued: str = "0") -> DebtPosition:
    return DebtPosition(
        name=name,
        principal=Decimal(principal),
        overdue_principal=Decimal(overdue),
        accrued=Decimal(accrued),
        daily_rate=Decimal(rate),
        multiplier=Decimal(multiplier),
        due_day=20,
    )


def test_a_paid_off_debt_frees_its_money_for_the_next() -> None:
    plan = plan_budget([debt("A", "500.00"), debt("B", "2000.00")], Decimal("1000.00"), Strategy.SNOWBALL, START)
    a, b = plan.schedules
    assert [row.payment for row in a.rows] == [Decimal("500.00")]
    assert [row.payment for row in b.rows] == [Decimal("500.00"), Decimal("1000.00"), Decimal("500.00")]
    assert [month.paid for month in plan.months] == [Decimal("1000.00"), Decimal("1000.00"), Decimal("500.00")]
    assert plan.paid_off and plan.payoff_date == date(2027, 3, 20) and plan.total_cost == 0
    assert [point.owed for point in plan.series()] == [Decimal("2500.00"), Decimal("1500.00"), Decimal("500.00"), 0]


def test_avalanche_pays_the_dearest_per_day_first_and_snowball_the_smallest() -> None:
    cheap_small = debt("small", "1000.00", rate="0.0002")
    dear_big = debt("big", "5000.00", rate="0.0005")
    overdue = debt("overdue", "3000.00", rate="0.0004", overdue="3000.00", multiplier="1.5")  # 0.06% a day
    plans = compare_strategies([cheap_small, dear_big, overdue], Decimal("2000.00"), START)
    assert plans[Strategy.AVALANCHE].order == (2, 1, 0)
    assert plans[Strategy.SNOWBALL].order == (0, 2, 1)
    assert plans[Strategy.AVALANCHE].total_cost < plans[Strategy.SNOWBALL].total_cost


def test_the_users_own_order_is_followed_and_must_name_every_debt_once() -> None:
    debts = [debt("A", "1000.00", "0.0005"), debt("B", "1000.00", "0.0001")]
    plan = plan_budget(debts, Decimal("600.00"), Strategy.CUSTOM, START, order=[1, 0])
    assert plan.order == (1, 0) and plan.schedules[1].rows[0].principal > plan.schedules[0].rows[0].principal
    for order in ([0], [0, 0], [0, 2], None):
        with pytest.raises(InputError):
            plan_budget(debts, Decimal("600.00"), Strategy.CUSTOM, START, order=order)


def test_an_extra_payment_joins_the_budget_on_the_next_due_date() -> None:
    plan = plan_budget(
        [debt("A", "3000.00")], Decimal("500.00"), Strategy.AVALANCHE, START, extras=[Extra(date(2027, 2, 1), Decimal("1000.00"))]
    )
    assert [month.paid for month in plan.months][:3] == [Decimal("500.00"), Decimal("1500.00"), Decimal("500.00")]
    assert len(plan.months) == 4 and plan.total_paid == Decimal("3000.00")
    with pytest.raises(InputError):
        plan_budget([debt("A", "3000.00")], Decimal("500.00"), Strategy.AVALANCHE, START, extras=[Extra(date(2026, 12, 1), Decimal("1.00"))])


def test_a_budget_below_the_interest_is_never_paid_off_and_says_so() -> None:
    plan = plan_budget([debt("A", "100000.00", rate="0.0005")], Decimal("1000.00"), Strategy.AVALANCHE, START)
    assert not plan.paid_off and plan.payoff_date is None
    assert [alert.kind for alert in plan.alerts] == [AlertKind.NEVER_PAID_OFF]
    assert len(plan.months) <= 2
    assert "never be paid off" in plan.alerts[0].message.render()


def test_minimums_come_first_and_a_warning_when_they_exceed_the_budget() -> None:
    debts = [debt("A", "1000.00"), debt("B", "1000.00")]
    plan = plan_budget(debts, Decimal("500.00"), Strategy.SNOWBALL, START, minimums=[Decimal("100.00"), Decimal("300.00")])
    assert plan.schedules[1].rows[0].payment == Decimal("300.00")
    assert plan.schedules[0].rows[0].payment == Decimal("200.00")
    tight = plan_budget(debts, Decimal("300.00"), Strategy.SNOWBALL, START, minimums=[Decimal("200.00"), Decimal("200.00")])
    assert AlertKind.MINIMUMS_ABOVE_BUDGET in {alert.kind for alert in tight.alerts}
    with pytest.raises(InputError):
        plan_budget(debts, Decimal("300.00"), Strategy.SNOWBALL, START, minimums=[Decimal("1.00")])


def test_penalty_owed_at_the_start_is_paid_before_principal() -> None:
    plan = plan_budget([debt("A", "1000.00", accrued="50.00")], Decimal("300.00"), Strategy.AVALANCHE, START)
    first = plan.schedules[0].rows[0]
    assert first.penalty == Decimal("50.00") and first.principal == Decimal("250.00")


def test_problems_are_reported_beside_their_fields() -> None:
    debts = [debt("A", "1000.00"), DebtPosition(name="B", principal=Decimal("0.00"))]
    problems = budget_problems(
        debts,
        Decimal("0.00"),
        Strategy.CUSTOM,
        START,
        order=[0],
        extras=[Extra(date(2027, 2, 1), Decimal("10.00")), Extra(date(2026, 1, 1), Decimal("10.00"))],
        due_day=32,
    )
    assert set(problems) == {"debts[1]", "budget", "order", "extras[1]", "due_day"}
    assert budget_problems([], Decimal("100.00"), Strategy.SNOWBALL, START).keys() == {"debts"}
    odd_day = DebtPosition(name="C", principal=Decimal("10.00"), due_day=0)
    assert budget_problems([odd_day], Decimal("100.00"), Strategy.SNOWBALL, START).keys() == {"debts[0]"}
    assert budget_problems(debts[:1], Decimal("100.00"), Strategy.SNOWBALL, START) == {}


def test_bad_budgets_are_refused() -> None:
    for budget in (Decimal("0.00"), Decimal("-5.00")):
        with pytest.raises(InputError):
            plan_budget([debt("A", "100.00")], budget, Strategy.SNOWBALL, START)
    with pytest.raises(InputError):
        plan_budget([], Decimal("100.00"), Strategy.SNOWBALL, START)


# ---- avalanche against snowball -------------------------------------------------------------
#
# Conditions (budget module docstring): same budget, extras and due dates; no minimum
# payments; no penalty owed at the start; the budget covers every month's charges.
# Then, in exact arithmetic, paying the dearest yuan first is never worse; with each
# debt's monthly charge rounded to the fen, the totals may move by up to half a fen per
# charge.


def exact_cost(debts: list[dict[str, Any]], budget: Fraction, days: list[int], avalanche: bool) -> Fraction:
    """Total interest and penalty with no rounding, written independently of the package: each month
    every debt's charges are paid, then principal goes to the dearest yuan (avalanche) or to the
    smallest debt (snowball)."""
    balance = [Fraction(d["principal"]) for d in debts]
    overdue = [Fraction(d["overdue"]) for d in debts]
    rates = [Fraction(d["rate"]) for d in debts]
    multipliers = [Fraction(d["multiplier"]) for d in debts]
    smallest_first = sorted(range(len(debts)), key=lambda i: (balance[i], i))
    total = Fraction(0)
    for period in days:
        charges = sum(
            ((balance[i] - overdue[i]) * rates[i] + overdue[i] * rates[i] * multipliers[i]) * period
            for i in range(len(debts))
        )
        total += charges
        money = budget - charges
        assert money >= 0  # the condition: the budget covers the month's charges
        while money > 0 and any(balance):
            if avalanche:
                open_ = [i for i in range(len(debts)) if balance[i] > 0]
                i = min(
                    open_,
                    key=lambda j: (-rates[j] * (multipliers[j] if overdue[j] > 0 else 1), balance[j], j),
                )
                step = min(money, overdue[i] if overdue[i] > 0 else balance[i])
            else:
                i = next(j for j in smallest_first if balance[j] > 0)
                step = min(money, balance[i])
            balance[i] -= step
            overdue[i] = max(Fraction(0), overdue[i] - step)
            money -= step
        if not any(balance):
            break
    return total


debt_specs = st.lists(
    st.fixed_dictionaries(
        {
            "principal": st.integers(min_value=100, max_value=5_000_000).map(lambda f: Decimal(f) / 100),
            "rate": st.integers(min_value=0, max_value=1000).map(lambda u: Decimal(u) / 1_000_000),
            "overdue_share": st.sampled_from([0, 1, 2]),  # none, half, all overdue
            "multiplier": st.sampled_from([Decimal("1"), Decimal("1.3"), Decimal("1.5"), Decimal("2")]),
        }
    ),
    min_size=2,
    max_size=4,
)


@settings(max_examples=120, deadline=None)
@given(specs=debt_specs, spare=st.integers(min_value=1, max_value=300_000))
def test_avalanche_never_costs_more_than_snowball(specs: list[dict[str, Any]], spare: int) -> None:
    debts = []
    for spec in specs:
        principal = spec["principal"]
        overdue = (principal * spec["overdue_share"] / 2).quantize(Decimal("0.01"))
        debts.append({**spec, "overdue": overdue})
    # The budget covers every month's charges (all balances at their dearest rate for 31 days) and
    # repays within about three years, so both strategies finish.
    worst = sum(d["principal"] * d["rate"] * d["multiplier"] * 31 for d in debts)
    total = sum(d["principal"] for d in debts)
    budget = (worst + total / 36 + Decimal(spare) / 100).quantize(Decimal("0.01")) + Decimal("0.01")
    positions = [
        DebtPosition(
            name=str(i),
            principal=d["principal"],
            overdue_principal=d["overdue"],
            daily_rate=d["rate"],
            multiplier=d["multiplier"],
            due_day=20,
        )
        for i, d in enumerate(debts)
    ]
    plans = compare_strategies(positions, budget, START)
    avalanche, snowball = plans[Strategy.AVALANCHE], plans[Strategy.SNOWBALL]
    assert avalanche.paid_off and snowball.paid_off
    charges = sum(len(s.rows) for s in avalanche.schedules) + sum(len(s.rows) for s in snowball.schedules)
    assert avalanche.total_cost <= snowball.total_cost + Decimal("0.005") * charges
    months = max(len(avalanche.months), len(snowball.months)) + 1
    days = [
        (b - a).days for a, b in zip((START, *due_dates(date(2027, 1, 20), months)), due_dates(date(2027, 1, 20), months), strict=False)
    ]
    exact = [{k: Fraction(str(v)) for k, v in d.items() if k != "overdue_share"} for d in debts]
    budget_exact = Fraction(str(budget))
    exact_avalanche = exact_cost(exact, budget_exact, days, avalanche=True)
    exact_snowball = exact_cost(exact, budget_exact, days, avalanche=False)
    assert exact_avalanche <= exact_snowball  # the theorem itself, no rounding
    # and the package, rounding each charge to the fen, stays within that rounding of the exact totals
    slack = Fraction(1, 100) * charges
    assert abs(Fraction(avalanche.total_cost) - exact_avalanche) <= slack
    assert abs(Fraction(snowball.total_cost) - exact_snowball) <= slack
    for plan in (avalanche, snowball):
        paid = sum(row.principal for schedule in plan.schedules for row in schedule.rows)
        assert paid == sum(d["principal"] for d in debts)
        assert all(month.paid <= budget for month in plan.months)


@settings(max_examples=150, deadline=None)
@given(
    specs=st.lists(
        st.tuples(
            st.integers(min_value=-100, max_value=2_000_000),  # principal, fen
            st.integers(min_value=0, max_value=2_000_000),  # overdue, fen
            st.integers(min_value=-10, max_value=12_000),  # daily rate, millionths
            st.integers(min_value=-100, max_value=50_000),  # penalty owed at the start, fen
        ),
        max_size=4,
    ),
    budget_fen=st.integers(min_value=-100, max_value=1_000_000),
    strategy=st.sampled_from(list(Strategy)),
    minimum_fen=st.one_of(st.none(), st.integers(min_value=0, max_value=100_000)),
    extra=st.one_of(st.none(), st.tuples(st.integers(min_value=-30, max_value=400), st.integers(min_value=-5, max_value=500_000))),
)
def test_any_budget_input_gives_problems_in_words_or_a_plan_that_adds_up(
    specs: list[tuple[int, int, int, int]],
    budget_fen: int,
    strategy: Strategy,
    minimum_fen: int | None,
    extra: tuple[int, int] | None,
) -> None:
    positions = [
        DebtPosition(
            name=str(i),
            principal=Decimal(p) / 100,
            overdue_principal=Decimal(o) / 100,
            daily_rate=Decimal(r) / 1_000_000,
            accrued=Decimal(a) / 100,
            multiplier=Decimal("1.5"),
            due_day=31,
        )
        for i, (p, o, r, a) in enumerate(specs)
    ]
    options: dict[str, Any] = {
        "order": list(reversed(range(len(positions)))),
        "minimums": None if minimum_fen is None else [Decimal(minimum_fen) / 100] * len(positions),
        "extras": [] if extra is None else [Extra(START + timedelta(days=extra[0]), Decimal(extra[1]) / 100)],
    }
    budget = Decimal(budget_fen) / 100
    problems = budget_problems(positions, budget, strategy, START, **options)
    if problems:
        with pytest.raises(InputError):
            plan_budget(positions, budget, strategy, START, **options)
        return
    plan = plan_budget(positions, budget, strategy, START, **options)
    extras_total = sum((e.amount for e in options["extras"]), Decimal(0))
    assert plan.total_paid <= budget * len(plan.months) + extras_total
    for position, schedule in zip(positions, plan.schedules, strict=True):
        repaid = sum(row.principal for row in schedule.rows)
        assert repaid + (schedule.rows[-1].balance if schedule.rows else position.principal) == position.principal
        for row in schedule.rows:
            assert row.payment == row.principal + row.interest + row.penalty
            assert min(row.principal, row.interest, row.penalty) >= 0
            assert row.payment.as_tuple().exponent == -2
    if plan.paid_off:
        assert plan.total_paid == sum(p.principal for p in positions) + plan.total_interest + plan.total_penalty
        assert plan.total_penalty >= sum(p.accrued for p in positions)
    else:
        assert {alert.kind for alert in plan.alerts} & {AlertKind.NEVER_PAID_OFF, AlertKind.NOT_PAID_OFF_IN_TIME}
