"""Paying in full, deferring, waiting, a fixed payment and the lender's typed instalments; bad input in words."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from helpers.plans import LOAN_WITHOUT_PAYMENT as LOAN
from helpers.plans import START
from hypothesis import given, settings
from hypothesis import strategies as st

from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.plans import (
    MAX_INSTALMENTS,
    AlertKind,
    DebtPosition,
    Instalment,
    Option,
    OptionKind,
    Rate,
    YearBasis,
    build_schedule,
    option_problems,
)
from jiebei_tui.domain.selfcheck import Debt, DebtKind, assess_debt


def self_check_accrued(days: int, multiplier: Decimal = Decimal("1.5")) -> Decimal:
    debt = Debt(
        DebtKind.JIEBEI,
        "借呗",
        overdue_principal=Decimal("5000.00"),
        days_overdue=days,
        daily_rate=Decimal("0.0005"),
        penalty_multiplier=multiplier,
    )
    return assess_debt(debt, START).accrued.value


def test_pay_in_full_today_is_principal_plus_what_has_accrued() -> None:
    schedule = build_schedule(Option.pay_in_full(), LOAN, START)
    (row,) = schedule.rows
    assert row.due == START and row.payment == Decimal("20150.00") and row.interest == 0
    assert schedule.repays and schedule.total_cost == Decimal("150.00")


def test_a_deferral_adds_the_self_checks_penalty_and_normal_interest_for_the_days() -> None:
    schedule = build_schedule(Option.deferral(30), LOAN, START)
    (row,) = schedule.rows
    assert row.due == START + timedelta(days=30)
    penalty_added = self_check_accrued(70) - self_check_accrued(40)
    assert penalty_added == Decimal("112.50")  # 5,000 × 0.05% × 1.5 × 30
    assert row.penalty == Decimal("150.00") + penalty_added
    assert row.interest == Decimal("225.00")  # the 15,000 not overdue × 0.05% × 30
    assert row.payment == Decimal("20000.00") + Decimal("225.00") + Decimal("262.50")


def test_the_multiplier_while_waiting_is_an_input_defaulting_to_the_debts_own() -> None:
    plain = DebtPosition(name="x", principal=Decimal("5000.00"), overdue_principal=Decimal("5000.00"), daily_rate=Decimal("0.0005"))
    assert plain.multiplier == Decimal("1")  # never assumed to be 1.5
    assert build_schedule(Option.deferral(10), plain, START).total_penalty == Decimal("25.00")
    raised = build_schedule(Option.deferral(10, multiplier=Decimal("1.5")), plain, START)
    assert raised.total_penalty == Decimal("37.50")


def test_doing_nothing_leaves_everything_owed_and_growing() -> None:
    schedule = build_schedule(Option.do_nothing(days=30), LOAN, START)
    assert not schedule.rows and not schedule.repays and schedule.payoff_date is None
    assert schedule.still_owed == Decimal("20000.00") + Decimal("262.50") + Decimal("225.00")
    assert schedule.total_to_clear == build_schedule(Option.deferral(30), LOAN, START).total_to_clear
    assert [alert.kind for alert in schedule.alerts] == [AlertKind.STILL_OVERDUE]
    assert schedule.alerts[0].message.params["per_day"] == "¥11.25"  # 3.75 penalty + 7.50 interest
    months = build_schedule(Option.do_nothing(months=3), LOAN, START)
    assert months.end == date(2027, 4, 5)
    assert [point.day for point in months.series()] == [START, date(2027, 2, 5), date(2027, 3, 5), date(2027, 4, 5)]
    owed = [point.owed for point in months.series()]
    assert owed == sorted(owed) and owed[0] < owed[-1]


def test_a_fixed_payment_runs_until_paid_and_refuses_one_below_the_interest() -> None:
    schedule = build_schedule(Option.fixed_payment(Decimal("2000.00")), LOAN, START)
    assert {row.payment for row in schedule.rows[:-1]} == {Decimal("2000.00")}
    assert schedule.rows[-1].payment <= Decimal("2000.00") and schedule.rows[-1].balance == 0
    assert schedule.rows[0].penalty == Decimal("150.00")  # penalty is paid first
    with pytest.raises(InputError) as caught:
        build_schedule(Option.fixed_payment(Decimal("100.00")), LOAN, START)
    assert caught.value.params["interest"] == "¥150.00"  # 20,000 × 0.05% × 15 days to the 20th
    assert "never be paid off" in caught.value.english()
    with pytest.raises(InputError) as too_long:
        build_schedule(Option.fixed_payment(Decimal("320.00")), LOAN, START)
    assert too_long.value.params["maximum"] == str(MAX_INSTALMENTS)


def test_typed_instalments_clear_the_balance_and_say_when_the_last_was_changed() -> None:
    typed = (
        Instalment(date(2027, 2, 1), Decimal("5000.00")),
        Instalment(date(2027, 3, 1), Decimal("5000.00")),
        Instalment(date(2027, 4, 1), Decimal("5000.00")),
        Instalment(date(2027, 5, 1), Decimal("5000.00")),
    )
    offer = Option(OptionKind.TYPED, instalments=typed, interest_stopped=True, penalty=Decimal("0.00"), offered_by_lender=True)
    schedule = build_schedule(offer, LOAN, START)
    assert [row.payment for row in schedule.rows] == [Decimal("5000.00")] * 4
    assert schedule.total_cost == 0 and not schedule.alerts
    with_interest = build_schedule(Option.typed(typed), LOAN, START)
    assert with_interest.rows[-1].payment > Decimal("5000.00") and with_interest.rows[-1].balance == 0
    assert [alert.kind for alert in with_interest.alerts] == [AlertKind.LAST_ADJUSTED]
    too_much = (Instalment(date(2027, 2, 1), Decimal("30000.00")), Instalment(date(2027, 3, 1), Decimal("1.00")))
    with pytest.raises(InputError):
        build_schedule(Option.typed(too_much), LOAN, START)


def test_a_reduced_penalty_from_the_lender_replaces_what_accrued() -> None:
    option = Option(OptionKind.EQUAL_PAYMENT, months=6, penalty=Decimal("50.00"), offered_by_lender=True)
    schedule = build_schedule(option, LOAN, START)
    assert schedule.total_penalty == Decimal("50.00")
    assert any("instead of the ¥150.00 accrued" in note.render() for note in schedule.notes)


def test_interest_stopped_by_the_lender_charges_none_and_says_so() -> None:
    option = Option(OptionKind.EQUAL_PRINCIPAL, months=4, interest_stopped=True)
    schedule = build_schedule(option, LOAN, START)
    assert schedule.total_interest == 0
    assert [row.principal for row in schedule.rows] == [Decimal("5000.00")] * 4
    assert "Interest stopped, as the lender offered." in [note.render() for note in schedule.notes]
    assert not schedule.alerts


def test_an_annual_rate_on_360_days_costs_more_than_on_365() -> None:
    annual = Decimal("0.18")
    on_365 = Option.instalments_by(OptionKind.EQUAL_PAYMENT, 12, rate=Rate.daily_from_annual(annual, basis=YearBasis.DAYS_365))
    on_360 = Option.instalments_by(OptionKind.EQUAL_PAYMENT, 12, rate=Rate.daily_from_annual(annual, basis=YearBasis.DAYS_360))
    assert build_schedule(on_360, LOAN, START).total_interest > build_schedule(on_365, LOAN, START).total_interest
    assert "÷ 360" in build_schedule(on_360, LOAN, START).basis.render()


@pytest.mark.parametrize(
    ("option", "field", "words"),
    [
        (Option(OptionKind.EQUAL_PAYMENT, months=0), "months", "at least 1"),
        (Option(OptionKind.EQUAL_PAYMENT, months=-3), "months", "at least 1"),
        (Option(OptionKind.EQUAL_PAYMENT, months=10_000), "months", "typing slip"),
        (Option(OptionKind.EQUAL_PAYMENT, months=12, rate=Rate.daily(Decimal("-0.0005"))), "rate", "negative"),
        (Option(OptionKind.EQUAL_PAYMENT, months=12, rate=Rate.daily(Decimal("0.05"))), "rate", "typing slip"),
        (Option(OptionKind.EQUAL_PAYMENT, months=12, first_due=date(2027, 1, 1)), "first_due", "after the plan starts"),
        (Option(OptionKind.EQUAL_PAYMENT, months=12, first_due=date(2027, 2, 3), due_day=20), "first_due", "due day"),
        (Option(OptionKind.FIXED_PAYMENT, payment=Decimal("10.00")), "payment", "interest"),
        (Option(OptionKind.FIXED_PAYMENT, payment=Decimal("0.00")), "payment", "above ¥0.00"),
        (Option(OptionKind.EQUAL_PAYMENT, months=12, due_day=0), "due_day", "from 1 to 31"),
        (Option(OptionKind.FIXED_PAYMENT, payment=Decimal("2000.00"), due_day=32), "due_day", "from 1 to 31"),
        (Option(OptionKind.DEFERRAL, days=0), "days", "at least 1"),
        (Option(OptionKind.DEFERRAL, days=400), "days", "at most 365"),
        (Option(OptionKind.PAY_IN_FULL, pay_on=date(2027, 1, 4)), "pay_on", "before the plan starts"),
        (Option(OptionKind.TYPED), "instalments", "at least one"),
        (
            Option(OptionKind.TYPED, instalments=(Instalment(date(2026, 12, 1), Decimal("100.00")),)),
            "instalments",
            "before the plan starts",
        ),
        (
            Option(
                OptionKind.TYPED,
                instalments=(Instalment(date(2027, 3, 1), Decimal("100.00")), Instalment(date(2027, 2, 1), Decimal("1.00"))),
            ),
            "instalments",
            "not after the one before",
        ),
        (Option(OptionKind.DO_NOTHING, days=5000), "days", "at most 3650"),
        (Option(OptionKind.DO_NOTHING, months=0), "months", "at least 1 month"),
        (Option(OptionKind.DO_NOTHING, months=500), "months", "at most 120 months"),
        (Option(OptionKind.PAY_IN_FULL, pay_on=date(2029, 1, 5)), "pay_on", "at most 365 days"),
        (Option(OptionKind.DEFERRAL, days=10, multiplier=Decimal("15")), "multiplier", "from 1 to 3"),
        (Option(OptionKind.EQUAL_PAYMENT, months=12, penalty=Decimal("-1.00")), "penalty", "negative"),
    ],
)
def test_bad_input_is_refused_beside_its_field(option: Option, field: str, words: str) -> None:
    problems = option_problems(option, LOAN, START)
    assert field in problems, problems
    assert words in problems[field].english()
    with pytest.raises(InputError):
        build_schedule(option, LOAN, START)


def test_problems_with_the_debt_are_put_on_the_debts_fields() -> None:
    bad = DebtPosition(name="x", principal=Decimal("0.00"), daily_rate=Decimal("0.5"))
    problems = option_problems(Option.pay_in_full(), bad, START)
    assert set(problems) == {"principal", "daily_rate"}
    over = DebtPosition(name="x", principal=Decimal("100.00"), overdue_principal=Decimal("200.00"))
    assert "overdue" in option_problems(Option.pay_in_full(), over, START)["principal"].english()


def test_a_rate_of_zero_is_allowed() -> None:
    free = DebtPosition(name="向家人借", principal=Decimal("3000.00"))
    assert option_problems(Option(OptionKind.EQUAL_PAYMENT, months=3), free, START) == {}
    schedule = build_schedule(Option(OptionKind.EQUAL_PAYMENT, months=3), free, START)
    assert schedule.total_interest == 0 and AlertKind.ZERO_RATE in {alert.kind for alert in schedule.alerts}


def test_too_many_instalments_for_the_amount_is_refused() -> None:
    small = DebtPosition(name="x", principal=Decimal("50.00"), daily_rate=Decimal("0.0005"))
    problems = option_problems(Option(OptionKind.EQUAL_PRINCIPAL, months=60), small, START)
    assert "less than ¥1.00" in problems["months"].english()


@settings(max_examples=100, deadline=None)
@given(
    kind=st.sampled_from(list(OptionKind)),
    months=st.integers(min_value=1, max_value=24),
    days=st.integers(min_value=1, max_value=365),
    stopped=st.booleans(),
    penalty=st.one_of(st.none(), st.integers(min_value=0, max_value=100_000).map(lambda f: Decimal(f) / 100)),
)
def test_options_survive_a_round_trip_and_rebuild_the_same(
    kind: OptionKind, months: int, days: int, stopped: bool, penalty: Decimal | None
) -> None:
    option = Option(
        kind,
        months=months,
        days=days,
        rate=Rate.monthly(Decimal("0.012")),
        payment=Decimal("3000.00"),
        instalments=(Instalment(date(2027, 2, 1), Decimal("8000.00")), Instalment(date(2027, 3, 1), Decimal("1.00"))),
        interest_stopped=stopped,
        penalty=penalty,
    )
    again = Option.from_dict(option.to_dict())
    assert again == option
    assert option_problems(again, LOAN, START).keys() == option_problems(option, LOAN, START).keys()
    if not option_problems(option, LOAN, START):
        assert build_schedule(again, LOAN, START) == build_schedule(option, LOAN, START)


small_ints = st.integers(min_value=-5, max_value=400)
fen_amounts = st.integers(min_value=-100, max_value=5_000_000).map(lambda f: Decimal(f) / 100)


@settings(max_examples=300, deadline=None)
@given(
    kind=st.sampled_from(list(OptionKind)),
    months=st.one_of(st.none(), small_ints),
    days=st.one_of(st.none(), st.integers(min_value=-5, max_value=4000)),
    due_day=st.one_of(st.none(), st.integers(min_value=-1, max_value=33)),
    lead=st.one_of(st.none(), st.integers(min_value=-40, max_value=400)),
    payment=st.one_of(st.none(), fen_amounts),
    penalty=st.one_of(st.none(), fen_amounts),
    rate_units=st.integers(min_value=-10, max_value=20_000),
    principal=fen_amounts,
    overdue=fen_amounts,
    typed=st.lists(st.tuples(st.integers(min_value=-10, max_value=400), fen_amounts), max_size=6),
)
def test_any_input_gives_problems_in_words_or_a_clean_schedule(
    kind: OptionKind,
    months: int | None,
    days: int | None,
    due_day: int | None,
    lead: int | None,
    payment: Decimal | None,
    penalty: Decimal | None,
    rate_units: int,
    principal: Decimal,
    overdue: Decimal,
    typed: list[tuple[int, Decimal]],
) -> None:
    position = DebtPosition(
        name="x", principal=principal, overdue_principal=overdue, daily_rate=Decimal(rate_units) / 1_000_000, due_day=20
    )
    option = Option(
        kind,
        months=months,
        days=days,
        due_day=due_day,
        first_due=None if lead is None else START + timedelta(days=lead),
        pay_on=None if lead is None else START + timedelta(days=lead),
        payment=payment,
        penalty=penalty,
        instalments=tuple(Instalment(START + timedelta(days=d), amount) for d, amount in typed),
    )
    problems = option_problems(option, position, START)  # never anything but InputError
    if problems:
        with pytest.raises(InputError):
            build_schedule(option, position, START)
        return
    schedule = build_schedule(option, position, START)
    rows = schedule.rows
    if kind is OptionKind.DO_NOTHING:
        assert not rows and schedule.still_owed >= schedule.principal
        return
    assert sum(row.principal for row in rows) == schedule.principal and rows[-1].balance == 0
    assert all(row.interest >= 0 and row.penalty >= 0 and row.principal >= 0 for row in rows)
    assert all(row.payment.as_tuple().exponent == -2 for row in rows)
    assert all(earlier.due < later.due for earlier, later in zip(rows, rows[1:], strict=False))
    assert rows[0].due >= START
