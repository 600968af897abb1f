"""The verdict rules at their boundaries (to the fen), and consistent on any figures."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from jiebei_tui.domain.selfcheck import (
    CLEAR_MONTHS_LIMIT,
    NEXT_CALL_PREP,
    NEXT_PLAN_BUILDER,
    RESERVE_MONTHS,
    VERDICT_RANK,
    Verdict,
    VerdictInputs,
    VerdictKind,
    decide,
)

D = Decimal


# ---- verdict boundaries (decide) ------------------------------------------------------------


def run(**overrides: str) -> Verdict:
    values = {
        "income": "8000",
        "essentials": "4000",
        "other_fixed": "2000",  # leaves ¥2,000.00 a month
        "debt_payments": "0",
        "savings": "0",
        "needed": "10000",
        "per_day": "0",
    }
    values.update(overrides)
    return decide(VerdictInputs(**{key: D(value) for key, value in values.items()}))


def verdict(**overrides: str) -> tuple[VerdictKind, str, int | None]:
    result = run(**overrides)
    return result.kind, result.reason, result.months


def test_crisis_boundary() -> None:
    assert verdict(essentials="8000.01", other_fixed="0")[0] is VerdictKind.CRISIS
    assert verdict(essentials="8000.00", other_fixed="0")[0] is not VerdictKind.CRISIS


def test_savings_that_cover_the_overdue_and_a_reserve_outweigh_a_tight_month() -> None:
    # The case: income ¥3,000, essentials ¥3,000.01, savings ¥999,999, overdue ¥10,000.
    case = run(income="3000", essentials="3000.01", other_fixed="0", savings="999999", needed="10000")
    assert (case.kind, case.reason, case.next_step) == (VerdictKind.CLEAR_NOW, "savings_cover_shortfall", NEXT_PLAN_BUILDER)
    # Short ¥3,000.00 a month: the savings must leave 6 × ¥3,000.00 = ¥18,000.00 after the overdue.
    tight = {"income": "3000", "essentials": "6000", "other_fixed": "0", "needed": "10000"}
    at_reserve = run(**tight, savings="28000.00")
    assert (at_reserve.kind, at_reserve.reason) == (VerdictKind.CLEAR_NOW, "savings_cover_shortfall")
    assert at_reserve.params["reserve"] == "¥18,000.00" and at_reserve.params["left"] == "¥18,000.00"
    one_fen_less = run(**tight, savings="27999.99")
    assert (one_fen_less.kind, one_fen_less.reason) == (VerdictKind.CRISIS, "essentials_exceed_income")
    assert one_fen_less.params["required"] == "¥28,000.00"
    assert "¥27,999.99" in one_fen_less.explanation.english()
    assert RESERVE_MONTHS == 6


def test_the_reserve_counts_every_monthly_payment() -> None:
    # Essentials fit, but regular payments leave ¥500.00 short: reserve 6 × ¥500.00 = ¥3,000.00.
    base = {"income": "8000", "essentials": "4000", "other_fixed": "0", "debt_payments": "4500", "needed": "10000"}
    assert verdict(**base, savings="13000.00")[:2] == (VerdictKind.CLEAR_NOW, "savings_cover_shortfall")
    assert verdict(**base, savings="12999.99")[:2] == (VerdictKind.NEGOTIATE, "payments_exceed")
    assert verdict(**base, savings="9999.99")[:2] == (VerdictKind.NEGOTIATE, "shortfall")


def test_essentials_come_first_without_a_reserve() -> None:
    crisis = run(income="3000", essentials="3000.01", other_fixed="0", savings="10000.05", needed="10000")
    assert crisis.kind is VerdictKind.CRISIS and crisis.next_step == NEXT_CALL_PREP
    assert crisis.params["gap"] == "¥0.01"
    assert verdict(income="3000", essentials="3000.01", other_fixed="0", savings="10000.06")[0] is VerdictKind.CLEAR_NOW
    # Nothing overdue: the savings are not weighed against an overdue, essentials still come first.
    assert verdict(income="3000", essentials="3000.01", other_fixed="0", savings="999999", needed="0")[0] is (
        VerdictKind.CRISIS
    )


def test_clear_now_boundary_savings_exactly_equal() -> None:
    assert verdict(savings="10000.00")[:2] == (VerdictKind.CLEAR_NOW, "savings_cover")
    assert verdict(savings="9999.99")[0] is not VerdictKind.CLEAR_NOW


def test_surplus_exactly_zero() -> None:
    assert verdict(savings="10000", other_fixed="4000")[:2] == (VerdictKind.CLEAR_NOW, "savings_cover")
    assert verdict(savings="10000", other_fixed="4000.01")[:2] == (VerdictKind.NEGOTIATE, "payments_exceed")
    assert verdict(savings="9999.99", other_fixed="4000")[:2] == (VerdictKind.NEGOTIATE, "no_surplus")
    assert verdict(savings="0", other_fixed="4000.01")[:2] == (VerdictKind.NEGOTIATE, "shortfall")


def test_months_limit_exactly() -> None:
    # Waiting adds 30 × ¥5.00 = ¥150.00 a month; (needed − savings) = 6 × (¥2,150.00 − ¥150.00) -> 6 months.
    month = {"other_fixed": "1850", "per_day": "5", "savings": "600"}
    assert verdict(**month, needed="12600") == (VerdictKind.CLEAR_IN_MONTHS, "surplus_covers", CLEAR_MONTHS_LIMIT)
    assert verdict(**month, needed="12600.01") == (VerdictKind.NEGOTIATE, "too_slow", CLEAR_MONTHS_LIMIT + 1)


def test_one_month_exactly() -> None:
    month = {"per_day": "5", "needed": "10000"}  # ¥2,000.00 left, ¥150.00 waiting
    assert verdict(**month, savings="8150") == (VerdictKind.CLEAR_IN_MONTHS, "surplus_covers", 1)
    assert verdict(**month, savings="8149.99")[2] == 2


def test_surplus_must_outpace_the_cost_of_waiting() -> None:
    assert verdict(other_fixed="3850", per_day="5")[:2] == (VerdictKind.NEGOTIATE, "not_outpacing")
    assert verdict(other_fixed="3849.99", per_day="5", needed="0.06")[:2] == (VerdictKind.CLEAR_IN_MONTHS, "surplus_covers")


def test_nothing_overdue() -> None:
    assert verdict(needed="0", other_fixed="4000")[:2] == (VerdictKind.CLEAR_NOW, "nothing_overdue")
    assert verdict(needed="0", other_fixed="4001")[:2] == (VerdictKind.NEGOTIATE, "payments_exceed")
    early = run(needed="0", other_fixed="4001")
    assert "Nothing is overdue yet" in early.explanation.msgid
    assert early.explanation.english().count("¥1.00") == 1


def test_the_card_of_too_slow_names_what_its_formula_uses() -> None:
    # The card once said "at ¥2,300.00 a month … about 9 months" while the formula also used savings and waiting.
    slow = run(income="8000", essentials="4500", other_fixed="1200", savings="3000", needed="20150", per_day="10")
    assert (slow.kind, slow.months) == (VerdictKind.NEGOTIATE, 9)
    text = slow.explanation.english()
    for figure in ("¥3,000.00", "¥2,300.00", "¥300.00", "¥20,150.00", "9 months", "6 months"):
        assert figure in text
    steps = [step.english() for step in slow.steps]
    assert "Left over each month: ¥8,000.00 − ¥4,500.00 − ¥1,200.00 − ¥0.00 = ¥2,300.00" in steps
    assert "Months needed: (¥20,150.00 − ¥3,000.00) ÷ (¥2,300.00 − ¥300.00), rounded up = 9" in steps
    labels = [label for label, _value in slow.inputs]
    assert "Other fixed payments each month" in labels and "Longest this app suggests paying off alone" in labels


def test_next_steps_and_messages() -> None:
    cases = {
        VerdictKind.CLEAR_NOW: {"savings": "10000"},
        VerdictKind.CLEAR_IN_MONTHS: {"savings": "9000"},
        VerdictKind.NEGOTIATE: {"other_fixed": "4000"},
        VerdictKind.CRISIS: {"essentials": "9000"},
    }
    expected_next = {
        VerdictKind.CLEAR_NOW: NEXT_PLAN_BUILDER,
        VerdictKind.CLEAR_IN_MONTHS: NEXT_PLAN_BUILDER,
        VerdictKind.NEGOTIATE: NEXT_CALL_PREP,
        VerdictKind.CRISIS: NEXT_CALL_PREP,
    }
    for kind, overrides in cases.items():
        result = run(**{"per_day": "5", **overrides})
        assert result.kind is kind
        assert result.next_step == expected_next[kind]
        result.headline.english()
        for step in result.steps:
            step.english()


# ---- verdict properties ----------------------------------------------------------------------

cents = st.integers(min_value=0, max_value=5_000_000).map(lambda n: D(n).scaleb(-2))
small_cents = st.integers(min_value=0, max_value=50_000).map(lambda n: D(n).scaleb(-2))


@settings(max_examples=400, deadline=None)
@given(
    income=cents, essentials=cents, other=cents, payments=cents, savings=cents, needed=cents, per_day=small_cents,
    extra=cents,
)
def test_verdict_is_consistent(
    income: Decimal, essentials: Decimal, other: Decimal, payments: Decimal, savings: Decimal, needed: Decimal,
    per_day: Decimal, extra: Decimal,
) -> None:
    def run_decide(s: Decimal) -> Verdict:
        return decide(VerdictInputs(income, essentials, other, payments, s, needed, per_day))

    figures = VerdictInputs(income, essentials, other, payments, savings, needed, per_day)
    result = run_decide(savings)
    result.explanation.english()
    surplus, cost = figures.surplus, figures.monthly_cost
    if result.kind is VerdictKind.CLEAR_IN_MONTHS:
        n = result.months
        assert n is not None and 1 <= n <= CLEAR_MONTHS_LIMIT
        assert savings + n * surplus >= needed + n * cost  # the claim holds
        assert savings + (n - 1) * surplus < needed + (n - 1) * cost  # and N is the smallest
    if result.kind is VerdictKind.CLEAR_NOW:
        assert savings >= needed and savings - needed >= RESERVE_MONTHS * figures.shortfall
    if result.kind is VerdictKind.CRISIS:
        assert essentials > income
        assert needed == 0 or savings - needed < RESERVE_MONTHS * figures.shortfall
    # More savings never makes the verdict worse.
    better = run_decide(savings + extra)
    assert VERDICT_RANK[better.kind] >= VERDICT_RANK[result.kind]
    if better.kind is result.kind is VerdictKind.CLEAR_IN_MONTHS:
        assert better.months is not None and result.months is not None and better.months <= result.months
