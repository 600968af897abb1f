"""The verdict rules at their boundaries, and consistent on any figures."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from jiebei_tui.domain.selfcheck import (
    CLEAR_MONTHS_LIMIT,
    NEXT_CALL_PREP,
    NEXT_PLAN_BUILDER,
    VERDICT_RANK,
    VerdictKind,
    decide,
)

D = Decimal


# ---- verdict boundaries (decide) ------------------------------------------------------------


def verdict(**overrides: str) -> tuple[VerdictKind, str, int | None]:
    values = {
        "income": "8000",
        "essentials": "4000",
        "surplus": "2000",
        "savings": "0",
        "needed": "10000",
        "per_day": "0",
        "monthly_cost": "0",
    }
    values.update(overrides)
    result = decide(**{key: D(value) for key, value in values.items()})
    return result.kind, result.reason, result.months


def test_crisis_boundary() -> None:
    assert verdict(essentials="8000.01")[0] is VerdictKind.CRISIS
    assert verdict(essentials="8000.00", surplus="0")[0] is not VerdictKind.CRISIS
    # even with savings: essentials come before any lender
    with_savings = verdict(essentials="8000.01", savings="999999", needed="1")
    assert with_savings[:2] == (VerdictKind.CRISIS, "essentials_exceed_income")


def test_clear_now_boundary_savings_exactly_equal() -> None:
    assert verdict(savings="10000.00")[:2] == (VerdictKind.CLEAR_NOW, "savings_cover")
    assert verdict(savings="9999.99")[0] is not VerdictKind.CLEAR_NOW


def test_surplus_exactly_zero() -> None:
    assert verdict(savings="10000", surplus="0")[:2] == (VerdictKind.CLEAR_NOW, "savings_cover")
    assert verdict(savings="10000", surplus="-0.01")[:2] == (VerdictKind.NEGOTIATE, "payments_exceed")
    assert verdict(savings="9999.99", surplus="0")[:2] == (VerdictKind.NEGOTIATE, "no_surplus")
    assert verdict(savings="0", surplus="-0.01")[:2] == (VerdictKind.NEGOTIATE, "shortfall")


def test_months_limit_exactly() -> None:
    # (needed − savings) = 6 × (surplus − monthly cost) exactly -> 6 months
    at_limit = verdict(needed="12600", savings="600", surplus="2100", monthly_cost="100")
    assert at_limit == (VerdictKind.CLEAR_IN_MONTHS, "surplus_covers", CLEAR_MONTHS_LIMIT)
    one_fen_more = verdict(needed="12600.01", savings="600", surplus="2100", monthly_cost="100")
    assert one_fen_more == (VerdictKind.NEGOTIATE, "too_slow", CLEAR_MONTHS_LIMIT + 1)


def test_one_month_exactly() -> None:
    assert verdict(needed="10000", savings="8100", surplus="2000", monthly_cost="100") == (
        VerdictKind.CLEAR_IN_MONTHS, "surplus_covers", 1,
    )
    assert verdict(needed="10000", savings="8099.99", surplus="2000", monthly_cost="100")[2] == 2


def test_surplus_must_outpace_the_cost_of_waiting() -> None:
    assert verdict(surplus="100", monthly_cost="100")[:2] == (VerdictKind.NEGOTIATE, "not_outpacing")
    assert verdict(surplus="100.01", monthly_cost="100", needed="0.06", savings="0")[:2] == (
        VerdictKind.CLEAR_IN_MONTHS, "surplus_covers",
    )


def test_nothing_overdue() -> None:
    assert verdict(needed="0", savings="0", surplus="0")[:2] == (VerdictKind.CLEAR_NOW, "nothing_overdue")
    assert verdict(needed="0", savings="0", surplus="-1")[:2] == (VerdictKind.NEGOTIATE, "payments_exceed")
    early = decide(income=D(8000), essentials=D(4000), surplus=D(-1), savings=D(0), needed=D(0),
                   per_day=D(0), monthly_cost=D(0))
    assert "Nothing is overdue yet" in early.explanation.msgid
    assert early.explanation.english().count("¥1.00") == 1


def test_next_steps_and_messages() -> None:
    cases = {
        VerdictKind.CLEAR_NOW: {"savings": "10000"},
        VerdictKind.CLEAR_IN_MONTHS: {"savings": "9000"},
        VerdictKind.NEGOTIATE: {"surplus": "0"},
        VerdictKind.CRISIS: {"essentials": "9000"},
    }
    expected_next = {
        VerdictKind.CLEAR_NOW: NEXT_PLAN_BUILDER,
        VerdictKind.CLEAR_IN_MONTHS: NEXT_PLAN_BUILDER,
        VerdictKind.NEGOTIATE: NEXT_CALL_PREP,
        VerdictKind.CRISIS: NEXT_CALL_PREP,
    }
    for kind, overrides in cases.items():
        values = {"income": "8000", "essentials": "4000", "surplus": "2000", "savings": "0",
                  "needed": "10000", "per_day": "5", "monthly_cost": "150"}
        values.update(overrides)
        result = decide(**{key: D(value) for key, value in values.items()})
        assert result.kind is kind
        assert result.next_step == expected_next[kind]
        result.headline.english()
        text = result.explanation.english()
        for word in ("lazy", "irresponsible", "shame", "fault"):
            assert word not in text.lower()
        for step in result.steps:
            step.english()


# ---- verdict properties ----------------------------------------------------------------------

cents = st.integers(min_value=0, max_value=5_000_000).map(lambda n: D(n).scaleb(-2))
signed_cents = st.integers(min_value=-500_000, max_value=5_000_000).map(lambda n: D(n).scaleb(-2))


@settings(max_examples=400, deadline=None)
@given(income=cents, essentials=cents, surplus=signed_cents, savings=cents, needed=cents, cost=cents, extra=cents)
def test_verdict_is_consistent(
    income: Decimal, essentials: Decimal, surplus: Decimal, savings: Decimal, needed: Decimal, cost: Decimal,
    extra: Decimal,
) -> None:
    def run_decide(s: Decimal) -> object:
        return decide(income=income, essentials=essentials, surplus=surplus, savings=s, needed=needed,
                      per_day=D(0), monthly_cost=cost)

    result = run_decide(savings)
    result.explanation.english()
    if result.kind is VerdictKind.CLEAR_IN_MONTHS:
        n = result.months
        assert n is not None and 1 <= n <= CLEAR_MONTHS_LIMIT
        assert savings + n * surplus >= needed + n * cost  # the claim holds
        assert savings + (n - 1) * surplus < needed + (n - 1) * cost  # and N is the smallest
    if result.kind is VerdictKind.CLEAR_NOW:
        assert savings >= needed and surplus >= 0 and essentials <= income
    if result.kind is VerdictKind.CRISIS:
        assert essentials > income
    # More savings never makes the verdict worse.
    better = run_decide(savings + extra)
    assert VERDICT_RANK[better.kind] >= VERDICT_RANK[result.kind]
    if better.kind is result.kind is VerdictKind.CLEAR_IN_MONTHS:
        assert better.months <= result.months
