"""Options side by side with doing nothing; affordability in words; a plan from the self-check."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from helpers.plans import LOAN, MONTH, START

from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.plans import (
    AlertKind,
    DebtPosition,
    Finances,
    Option,
    OptionKind,
    affordability,
    blank_start,
    build_schedule,
    compare_options,
    from_assessment,
    from_selfcheck,
)
from jiebei_tui.domain.selfcheck import CashFlow, Debt, DebtKind, Entry, EssentialCategory, SelfCheckInput, assess


def test_options_are_compared_with_doing_nothing_for_as_long_as_the_longest() -> None:
    options = [Option.instalments_by(OptionKind.EQUAL_PAYMENT, 12), Option.deferral(30), Option.pay_in_full()]
    side = compare_options(LOAN, START, options, finances=MONTH)
    assert [entry.option.kind for entry in side.entries] == [
        OptionKind.EQUAL_PAYMENT,
        OptionKind.DEFERRAL,
        OptionKind.PAY_IN_FULL,
        OptionKind.DO_NOTHING,
    ]
    waiting = side.baseline.schedule
    assert waiting.end == date(2027, 12, 20)  # the last instalment
    for entry in side.entries[:-1]:
        assert entry.cost_difference == entry.schedule.total_cost - waiting.total_cost
        assert entry.to_clear_difference == entry.schedule.total_to_clear - waiting.total_to_clear
        assert entry.cost_difference < 0  # every option costs less than waiting as long
    assert side.cheapest.option.kind is OptionKind.PAY_IN_FULL


def test_the_chart_has_one_series_per_option_on_shared_days() -> None:
    side = compare_options(LOAN, START, [Option.instalments_by(OptionKind.EQUAL_PRINCIPAL, 6)], finances=MONTH)
    assert len(side.chart) == 2 and all(len(series) == len(side.days) for series in side.chart)
    assert side.days[0] == START and list(side.days) == sorted(set(side.days))
    plan, waiting = side.chart
    assert plan[0] == waiting[0] == LOAN.owed
    assert plan[-1] == 0
    assert list(waiting) == sorted(waiting) and waiting[-1] > waiting[0]


def test_doing_nothing_can_be_given_in_days() -> None:
    side = compare_options(LOAN, START, [Option.deferral(30)], wait=Option.do_nothing(days=90))
    assert side.baseline.schedule.end == date(2027, 4, 5)


def test_one_to_three_options() -> None:
    with pytest.raises(InputError):
        compare_options(LOAN, START, [])
    with pytest.raises(InputError):
        compare_options(LOAN, START, [Option.deferral(days) for days in (10, 20, 30, 40)])


def test_a_payment_above_what_is_left_and_one_below_the_essentials_are_named() -> None:
    # available: 9,000 − 4,000 − 500 − 2,300 + the 1,800 this plan replaces = 4,000
    assert MONTH.available(LOAN.regular_payment) == Decimal("4000.00")
    fits = build_schedule(Option.instalments_by(OptionKind.EQUAL_PAYMENT, 12), LOAN, START)
    assert affordability(fits, MONTH, LOAN.regular_payment) == ()
    tight = build_schedule(Option.instalments_by(OptionKind.EQUAL_PAYMENT, 5), LOAN, START)
    kinds = [alert.kind for alert in affordability(tight, MONTH, LOAN.regular_payment)]
    assert kinds == [AlertKind.ABOVE_SURPLUS]
    crushing = build_schedule(Option.instalments_by(OptionKind.EQUAL_PAYMENT, 3), LOAN, START)
    alerts = affordability(crushing, MONTH, LOAN.regular_payment)
    assert [alert.kind for alert in alerts] == [AlertKind.ABOVE_SURPLUS, AlertKind.BELOW_ESSENTIALS]
    assert "less than your essentials of ¥4,000.00" in alerts[1].message.render()
    balloon = build_schedule(Option.instalments_by(OptionKind.INTEREST_FIRST, 6), LOAN, START)
    above = affordability(balloon, MONTH, LOAN.regular_payment)[0]
    assert above.message.params["count"] == "1" and above.message.params["date"] == "2027-06-20"


def test_no_surplus_and_a_lump_sum_above_savings() -> None:
    broke = Finances(income=Decimal("5000.00"), essentials=Decimal("5000.00"), debt_payments=Decimal("1800.00"))
    schedule = build_schedule(Option.instalments_by(OptionKind.EQUAL_PAYMENT, 12), LOAN, START)
    assert AlertKind.NO_SURPLUS in {alert.kind for alert in affordability(schedule, broke, LOAN.regular_payment)}
    lump = build_schedule(Option.pay_in_full(), LOAN, START)
    assert [alert.kind for alert in affordability(lump, MONTH, LOAN.regular_payment)] == [AlertKind.ABOVE_SURPLUS]
    assert affordability(lump, None) == ()


def test_a_plan_starts_from_the_latest_self_check() -> None:
    inp = SelfCheckInput(
        debts=(
            Debt(
                DebtKind.JIEBEI,
                "借呗",
                lender="重庆蚂蚁消费金融有限公司",
                outstanding_principal=Decimal("20000.00"),
                overdue_principal=Decimal("5000.00"),
                overdue_since=date(2026, 11, 26),
                daily_rate=Decimal("0.0005"),
                penalty_multiplier=Decimal("1.5"),
                monthly_payment=Decimal("1800.00"),
                due_day=26,
            ),
            Debt(DebtKind.FAMILY_FRIENDS, "向家人借", outstanding_principal=Decimal("0.00")),
        ),
        cashflow=CashFlow(
            incomes=(Entry("工资", Decimal("9000.00")),),
            essentials={EssentialCategory.RENT: Decimal("2500.00"), EssentialCategory.FOOD: Decimal("1500.00")},
            savings=(Entry("余额宝", Decimal("3000.00")),),
        ),
    )
    point = from_selfcheck(inp, START, checked_on=date(2027, 1, 2))
    assert point.start == START and point.selfcheck_date == date(2027, 1, 2)
    (loan,) = point.positions  # the debt with nothing left is not planned
    assert (loan.name, loan.lender, loan.principal, loan.overdue_principal) == (
        "借呗",
        "重庆蚂蚁消费金融有限公司",
        Decimal("20000.00"),
        Decimal("5000.00"),
    )
    assert loan.days_overdue == 40 and loan.accrued == Decimal("150.00")  # 5,000 × 0.05% × 1.5 × 40
    assert loan.multiplier == Decimal("1.5") and loan.due_day == 26
    assert point.finances is not None and point.finances.surplus == Decimal("3200.00")
    assert point.default_budget() == Decimal("5000.00")  # the surplus plus the 1,800 the plan replaces
    assert from_assessment(assess(inp, START)).positions == point.positions


def test_a_plan_without_a_self_check_works_too() -> None:
    point = blank_start(START, name="网贷", lender="某消费金融公司")
    assert point.finances is None and point.default_budget() is None and point.selfcheck_date is None
    typed = point.positions[0]
    assert typed.multiplier == Decimal("1")  # never assumed
    loan = DebtPosition(name=typed.name, lender=typed.lender, principal=Decimal("6000.00"), daily_rate=Decimal("0.0004"))
    side = compare_options(loan, START, [Option.instalments_by(OptionKind.EQUAL_PAYMENT, 6)])
    assert side.entries[0].alerts == ()
