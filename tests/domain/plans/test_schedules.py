"""Schedules against the closed forms and against an independent computation in integer fen.

The reference below shares no code with the package: exact fractions for the
level payment, integer fen for every row, half-up rounding written out by hand.
"""

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
    DebtPosition,
    Option,
    OptionKind,
    PenaltyHandling,
    Rate,
    Schedule,
    build_schedule,
    due_dates,
    level_payment,
)

START = date(2027, 1, 10)


def half_up(value: Fraction) -> int:
    """Fen, rounded half up (value ≥ 0)."""
    return int((value * 100 + Fraction(1, 2)) // 1)


def fen(amount: Decimal) -> int:
    return int(amount * 100)


def reference_rows(
    kind: OptionKind, principal: int, rate: Fraction, daily: bool, days: list[int], penalties: list[int]
) -> list[tuple[int, int, int, int, int]]:
    """(payment, principal, interest, penalty, balance) in fen, computed independently."""
    count = len(days)
    factors = [rate * t if daily else rate for t in days]  # interest per yuan per period
    if kind is OptionKind.EQUAL_PAYMENT:
        if rate == 0:
            level = Fraction(principal, 100 * count)
        elif not daily:
            growth = (1 + rate) ** count
            level = Fraction(principal, 100) * rate * growth / (growth - 1)
        else:
            discount, total = Fraction(1), Fraction(0)
            for factor in factors:
                discount /= 1 + factor
                total += discount
            level = Fraction(principal, 100) / total
        level_fen = half_up(level)
    part_fen = half_up(Fraction(principal, 100 * count))
    balance = principal
    rows = []
    for index, factor in enumerate(factors):
        interest = half_up(Fraction(balance, 100) * factor)
        if index == count - 1:
            part = balance
        elif kind is OptionKind.EQUAL_PAYMENT:
            part = min(level_fen - interest, balance)
        elif kind is OptionKind.EQUAL_PRINCIPAL:
            part = min(part_fen, balance)
        else:
            part = 0
        balance -= part
        rows.append((part + interest + penalties[index], part, interest, penalties[index], balance))
    return rows


def position(principal: Decimal, penalty: Decimal = Decimal("0.00")) -> DebtPosition:
    return DebtPosition(name="借呗", lender="某银行", principal=principal, accrued=penalty, daily_rate=Decimal("0.0005"))


def schedule_for(kind: OptionKind, principal: Decimal, rate: Rate, months: int, first_due: date) -> Schedule:
    option = Option(kind, months=months, rate=rate, first_due=first_due, due_day=first_due.day)
    return build_schedule(option, position(principal), START)


def assert_invariants(schedule: Schedule, principal: Decimal) -> None:
    rows = schedule.rows
    assert sum(row.principal for row in rows) == principal  # to the fen
    assert rows[-1].balance == Decimal("0.00") and schedule.still_owed == 0
    for row in rows:
        for value in (row.payment, row.principal, row.interest, row.penalty, row.balance):
            assert value.as_tuple().exponent == -2, value  # quantized to 0.01
            assert value >= 0
        assert row.payment == row.principal + row.interest + row.penalty
    balances = [principal] + [row.balance for row in rows]
    assert all(later <= earlier for earlier, later in zip(balances, balances[1:], strict=False))


# ---- closed forms -------------------------------------------------------------------


def test_equal_payment_matches_the_textbook_example() -> None:
    schedule = schedule_for(
        OptionKind.EQUAL_PAYMENT, Decimal("10000.00"), Rate.monthly(Decimal("0.01")), 12, date(2027, 2, 10)
    )
    assert {row.payment for row in schedule.rows[:-1]} == {Decimal("888.49")}
    assert_invariants(schedule, Decimal("10000.00"))
    assert schedule.total_interest == schedule.total_paid - Decimal("10000.00")


def test_equal_principal_first_payment_charges_interest_on_all_of_the_principal() -> None:
    """payment k = P/n + (P − (k−1)·P/n)·r: k = 1 pays interest on all of P (the k−1, not k)."""
    schedule = schedule_for(
        OptionKind.EQUAL_PRINCIPAL, Decimal("12000.00"), Rate.monthly(Decimal("0.01")), 12, date(2027, 2, 10)
    )
    payments = [row.payment for row in schedule.rows]
    assert payments[0] == Decimal("1120.00")  # 1000 + 12000 × 1%
    assert payments[1] == Decimal("1110.00")
    assert payments[-1] == Decimal("1010.00")
    assert payments == [Decimal(1000) + (Decimal(12000) - (k - 1) * Decimal(1000)) * Decimal("0.01") for k in range(1, 13)]


@settings(max_examples=100, deadline=None)
@given(
    principal_fen=st.integers(min_value=100_000, max_value=100_000_000),
    months=st.integers(min_value=1, max_value=120),
    rate_bp=st.integers(min_value=0, max_value=300),  # 0 .. 3% a month, in hundredths of a percent
)
def test_equal_payment_is_the_closed_form_rounded(principal_fen: int, months: int, rate_bp: int) -> None:
    principal = Decimal(principal_fen) / 100
    r = Decimal(rate_bp) / 10000
    schedule = schedule_for(OptionKind.EQUAL_PAYMENT, principal, Rate.monthly(r), months, date(2027, 2, 10))
    rr = Fraction(rate_bp, 10000)
    exact = (
        Fraction(principal_fen, 100 * months)
        if rr == 0
        else Fraction(principal_fen, 100) * rr * (1 + rr) ** months / ((1 + rr) ** months - 1)
    )
    assert all(fen(row.payment) == half_up(exact) for row in schedule.rows[:-1])
    assert_invariants(schedule, principal)


@settings(max_examples=100, deadline=None)
@given(
    parts_fen=st.integers(min_value=100, max_value=1_000_000),
    months=st.integers(min_value=1, max_value=120),
    rate_bp=st.integers(min_value=0, max_value=300),
)
def test_equal_principal_is_the_closed_form_when_p_divides_by_n(parts_fen: int, months: int, rate_bp: int) -> None:
    principal = Decimal(parts_fen * months) / 100
    r = Fraction(rate_bp, 10000)
    schedule = schedule_for(OptionKind.EQUAL_PRINCIPAL, principal, Rate.monthly(Decimal(rate_bp) / 10000), months, date(2027, 2, 10))
    p = Fraction(parts_fen * months, 100)
    for k, row in enumerate(schedule.rows, start=1):
        closed = p / months + (p - (k - 1) * p / months) * r
        assert fen(row.payment) == half_up(closed)
    assert_invariants(schedule, principal)


# ---- an independent computation, many random loans ---------------------------------------

@st.composite
def loans(draw: st.DrawFn) -> dict[str, object]:
    """A random loan inside realistic consumer-loan ranges, at least ¥1 of principal per instalment."""
    months = draw(st.integers(min_value=1, max_value=120))
    first_due = draw(st.dates(min_value=START + timedelta(days=1), max_value=START + timedelta(days=366)))
    month_end = (first_due + timedelta(days=1)).day == 1
    due_day = draw(st.integers(min_value=first_due.day, max_value=31)) if month_end else first_due.day
    daily = draw(st.booleans())
    return {
        "kind": draw(st.sampled_from([OptionKind.EQUAL_PAYMENT, OptionKind.EQUAL_PRINCIPAL, OptionKind.INTEREST_FIRST])),
        "daily": daily,
        "months": months,
        "principal_fen": months * 100 + draw(st.integers(min_value=0, max_value=200_000_000)),
        # 0 .. 0.1% a day, or 0 .. 3% a month
        "rate_units": draw(st.integers(min_value=0, max_value=1000 if daily else 300)),
        "first_due": first_due,
        "due_day": due_day,
        "penalty_fen": draw(st.integers(min_value=0, max_value=500_000)),
        "spread": draw(st.booleans()),
    }


@settings(max_examples=200, deadline=None)
@given(loan=loans())
def test_schedules_match_an_independent_computation(loan: dict[str, Any]) -> None:
    kind: OptionKind = loan["kind"]
    daily: bool = loan["daily"]
    months: int = loan["months"]
    principal_fen: int = loan["principal_fen"]
    units: int = loan["rate_units"]
    first_due: date = loan["first_due"]
    due_day: int = loan["due_day"]
    if daily:
        rate, plan_rate = Fraction(units, 1_000_000), Rate.daily(Decimal(units) / 1_000_000)
    else:
        rate, plan_rate = Fraction(units, 10_000), Rate.monthly(Decimal(units) / 10_000)
    principal = Decimal(principal_fen) / 100  # not quantized on purpose: the schedule must quantize
    penalty = Decimal(loan["penalty_fen"]) / 100
    handling = PenaltyHandling.SPREAD if loan["spread"] else PenaltyHandling.FIRST
    option = Option(
        kind,
        months=months,
        rate=plan_rate,
        first_due=first_due,
        due_day=due_day,
        penalty=penalty,
        penalty_handling=handling,
    )
    try:
        schedule = build_schedule(option, position(principal, penalty), START)
    except InputError as error:
        # Only a level payment that the interest would swallow is refused (see amortize).
        assert kind is OptionKind.EQUAL_PAYMENT and error.message.startswith("With these terms")
        return
    dues = due_dates(first_due, months, due_day)
    assert tuple(row.due for row in schedule.rows) == dues
    days = [(b - a).days for a, b in zip((START, *dues), dues, strict=False)]
    penalty_fen = loan["penalty_fen"]
    if handling is PenaltyHandling.SPREAD:
        part = penalty_fen // months
        penalties = [part] * (months - 1) + [penalty_fen - part * (months - 1)]
    else:
        penalties = [penalty_fen] + [0] * (months - 1)
    expected = reference_rows(kind, principal_fen, rate, daily, days, penalties)
    got = [(fen(r.payment), fen(r.principal), fen(r.interest), fen(r.penalty), fen(r.balance)) for r in schedule.rows]
    assert got == expected
    assert_invariants(schedule, principal)
    assert schedule.total_penalty == penalty
    assert schedule.payoff_date == dues[-1]


@settings(max_examples=100, deadline=None)
@given(
    principal_fen=st.integers(min_value=12_000, max_value=100_000_000),
    months=st.integers(min_value=1, max_value=120),
    rate_units=st.integers(min_value=0, max_value=10_000),  # up to the 1%-a-day bound
    lead=st.integers(min_value=1, max_value=366),
)
def test_any_allowed_daily_loan_either_builds_cleanly_or_is_refused_in_words(
    principal_fen: int, months: int, rate_units: int, lead: int
) -> None:
    principal = Decimal(principal_fen) / 100
    first_due = START + timedelta(days=lead)
    option = Option.instalments_by(
        OptionKind.EQUAL_PAYMENT, months, rate=Rate.daily(Decimal(rate_units) / 1_000_000), first_due=first_due
    )
    try:
        schedule = build_schedule(option, position(principal), START)
    except InputError as error:
        assert error.message.startswith(("With these terms", "With {months} instalments"))
        return
    assert_invariants(schedule, principal)


def test_level_payment_on_a_daily_rate_takes_the_balance_to_zero_exactly() -> None:
    days = [31, 28, 31, 30]
    payment = level_payment(Decimal("10000"), Rate.daily(Decimal("0.0005")), days)
    balance = Fraction(10000)
    for period in days:
        balance = balance * (1 + Fraction(5, 10000) * period) - Fraction(payment)
    assert abs(balance) < Fraction(1, 10**40)


def test_a_zero_rate_splits_the_principal_and_says_no_interest() -> None:
    schedule = schedule_for(OptionKind.EQUAL_PAYMENT, Decimal("1000.00"), Rate.daily(Decimal(0)), 3, date(2027, 2, 10))
    assert [row.payment for row in schedule.rows] == [Decimal("333.33"), Decimal("333.33"), Decimal("333.34")]
    assert schedule.total_interest == 0
    assert [alert.kind.value for alert in schedule.alerts] == ["zero_rate"]


@pytest.mark.parametrize("kind", [OptionKind.EQUAL_PAYMENT, OptionKind.EQUAL_PRINCIPAL, OptionKind.INTEREST_FIRST])
def test_a_single_instalment_pays_everything_with_one_periods_interest(kind: OptionKind) -> None:
    schedule = schedule_for(kind, Decimal("5000.00"), Rate.daily(Decimal("0.0005")), 1, date(2027, 2, 10))
    (row,) = schedule.rows
    assert row.principal == Decimal("5000.00") and row.interest == Decimal("77.50")  # 31 days × 0.05%
