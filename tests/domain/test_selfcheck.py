"""The self-check: exact accrual, verdict boundaries, explanations that show the inputs."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jiebei_tui.domain.facts import FACTS
from jiebei_tui.domain.parsing.dates import MSG_DATE_IN_FUTURE
from jiebei_tui.domain.selfcheck import (
    Assessment,
    CashFlow,
    Debt,
    DebtKind,
    Direction,
    Entry,
    EssentialCategory,
    RepaymentMethod,
    SelfCheckInput,
    Summary,
    VerdictKind,
    assess,
    assess_debt,
    compare,
    validate_debt,
)
from jiebei_tui.domain.selfcheck.explain import NOTE_PENALTY_INPUTS
from jiebei_tui.domain.selfcheck.validate import MSG_OVERDUE_MORE_THAN_OUTSTANDING, MSG_OVERDUE_NEEDS_DAYS

D = Decimal
TODAY = date(2025, 3, 15)
cents = st.integers(min_value=0, max_value=5_000_000).map(lambda n: D(n).scaleb(-2))


def jiebei(
    overdue: str = "10000",
    *,
    days: int | None = 12,
    rate: str = "0.0005",
    multiplier: str = "1.5",
    outstanding: str | None = None,
    payment: str = "0",
    kind: DebtKind = DebtKind.JIEBEI,
    name: str = "借呗",
    lender: str = "重庆蚂蚁消费金融",
) -> Debt:
    return Debt(
        kind=kind,
        name=name,
        lender=lender,
        outstanding_principal=D(outstanding if outstanding is not None else overdue),
        overdue_principal=D(overdue),
        overdue_since=TODAY - timedelta(days=days) if days is not None else None,
        daily_rate=D(rate),
        penalty_multiplier=D(multiplier),
        monthly_payment=D(payment),
    )


def cash(income: str = "0", essentials: str = "0", savings: str = "0", other_fixed: str = "0") -> CashFlow:
    return CashFlow(
        incomes=(Entry("工资", D(income)),),
        essentials={EssentialCategory.FOOD: D(essentials)},
        other_fixed=(Entry("保险", D(other_fixed)),),
        savings=(Entry("余额宝", D(savings)),),
    )


def run(*debts: Debt, **cashflow: str) -> Assessment:
    return assess(SelfCheckInput(debts=debts, cashflow=cash(**cashflow)), TODAY)


# ---- accrual: exact Decimal examples ----------------------------------------------------


def test_accrual_brief_example_and_explanation_shows_inputs() -> None:
    result = assess_debt(jiebei(), TODAY)
    assert result.days_overdue.value == 12
    assert result.days_source == "date"
    assert result.accrued.value == D("90.00")
    assert result.cost_per_day.value == D("7.50")
    assert result.cost_next_30_days.value == D("225.00")
    assert result.overdue_total.value == D("10090.00")
    assert result.accrued.english() == ["Penalty and interest so far: ¥10,000.00 × 0.05% × 1.5 × 12 days = ¥90.00"]
    assert result.days_overdue.english() == ["Days overdue: 2025-03-15 − 2025-03-03 = 12 days"]
    # The multiplier and principal-only charging are not verified: the figure says it uses the user's inputs.
    assert result.accrued.note == NOTE_PENALTY_INPUTS
    assert "copied" in NOTE_PENALTY_INPUTS


def test_accrual_rounds_half_up_once_at_the_end() -> None:
    # ¥10.00 × 0.05% = ¥0.005 a day: half up gives ¥0.01 (half even would give ¥0.00).
    one_day = assess_debt(jiebei("10", days=1, multiplier="1"), TODAY)
    assert one_day.accrued.value == D("0.01")
    assert one_day.accrued.english() == ["Penalty and interest so far: ¥10.00 × 0.05% × 1 × 1 day = ¥0.01"]
    # 3 days = ¥0.015 -> ¥0.02, not 3 × the rounded ¥0.01.
    assert assess_debt(jiebei("10", days=3, multiplier="1"), TODAY).accrued.value == D("0.02")
    # The daily cost is rounded once and 30 days are 30 × that, so the two lines always agree.
    assert one_day.cost_per_day.value == D("0.01")
    assert one_day.cost_next_30_days.value == D("0.30")


def test_per_day_and_thirty_days_are_derived_one_way() -> None:
    # ¥12,345.67 at 0.05%: ¥6.172835 a day, shown ¥6.17; 30 days are 30 × ¥6.17 = ¥185.10 (not ¥185.19).
    result = assess_debt(jiebei("12345.67", days=52, multiplier="1"), TODAY)
    assert result.cost_per_day.value == D("6.17")
    assert result.cost_next_30_days.value == result.cost_per_day.value * 30 == D("185.10")
    assert result.cost_next_30_days.english()[-1] == "Added by waiting 30 more days: 30 × ¥6.17 = ¥185.10"
    assert result.accrued.value == D("320.99")  # so far: worked out unrounded, rounded once


def test_accrual_with_odd_inputs_is_exact() -> None:
    result = assess_debt(jiebei("12345.67", days=37, rate="0.00035", multiplier="1.3"), TODAY)
    # 12345.67 × 0.00035 × 1.3 × 37 = 207.83668... exactly, then half up
    assert result.accrued.value == D("207.84")
    assert all(isinstance(v, Decimal) for v in (result.accrued.value, result.cost_per_day.value))


def test_days_given_when_no_date_and_date_wins_over_days() -> None:
    given_days = Debt(DebtKind.JIEBEI, "借呗", overdue_principal=D("1000"), outstanding_principal=D("1000"),
                      days_overdue=5, daily_rate=D("0.0005"))
    result = assess_debt(given_days, TODAY)
    assert (result.days_overdue.value, result.days_source) == (5, "given")
    assert result.accrued.value == D("2.50")
    both = Debt(DebtKind.JIEBEI, "借呗", overdue_principal=D("1000"), outstanding_principal=D("1000"),
                days_overdue=5, overdue_since=TODAY - timedelta(days=9), daily_rate=D("0.0005"))
    assert assess_debt(both, TODAY).days_overdue.value == 9


def test_days_edge_cases() -> None:
    future = Debt(DebtKind.JIEBEI, "借呗", overdue_principal=D("1000"), outstanding_principal=D("1000"),
                  overdue_since=TODAY + timedelta(days=3), daily_rate=D("0.0005"))
    assert assess_debt(future, TODAY).days_overdue.value == 0
    no_days = Debt(DebtKind.JIEBEI, "借呗", overdue_principal=D("1000"), outstanding_principal=D("1000"))
    assert assess_debt(no_days, TODAY).days_source == "none"
    not_overdue = jiebei("0", days=20)
    result = assess_debt(not_overdue, TODAY)
    assert (result.days_overdue.value, result.days_source, result.accrued.value) == (0, "not_overdue", D("0.00"))
    assert assess_debt(jiebei(days=0), TODAY).accrued.value == D("0.00")


def test_totals_add_the_rounded_per_debt_figures() -> None:
    a = jiebei("10", days=1, multiplier="1", name="A")
    b = jiebei("10", days=1, multiplier="1", name="B", kind=DebtKind.HUABEI)
    result = run(a, b)
    # each ¥0.005 -> ¥0.01 per debt; total ¥0.02 is what the two bills and the two rows add up to
    assert result.total_cost_per_day.value == D("0.02")
    assert result.total_accrued.value == D("0.02")
    assert result.total_accrued.english() == ["Penalty and interest so far, all debts: ¥0.01 + ¥0.01 = ¥0.02"]
    assert result.total_needed_to_clear.value == D("20.02")


# ---- monthly figures --------------------------------------------------------------------


def test_monthly_figures_and_share() -> None:
    inp = SelfCheckInput(
        debts=(jiebei(payment="1800", outstanding="20000"),),
        cashflow=CashFlow(
            incomes=(Entry("工资", D("7000")), Entry("兼职", D("1000"))),
            essentials={EssentialCategory.RENT: D("2500"), EssentialCategory.FOOD: D("1500")},
            other_fixed=(Entry("保险", D("200")),),
            savings=(Entry("余额宝", D("3000")), Entry("现金", D("500.5"))),
        ),
    )
    result = assess(inp, TODAY)
    assert result.monthly_income.value == D("8000.00")
    assert result.monthly_income.english()[-1] == "Monthly income: ¥7,000.00 + ¥1,000.00 = ¥8,000.00"
    assert result.monthly_income.steps[0].literal_label and result.monthly_income.steps[0].label == "工资"
    assert result.essentials.value == D("4000.00")
    assert result.debt_payments.value == D("1800.00")
    assert result.usable_savings.value == D("3500.50")
    assert result.monthly_surplus.value == D("2000.00")
    assert result.monthly_surplus.english() == [
        "Left over each month: ¥8,000.00 − ¥4,000.00 − ¥200.00 − ¥1,800.00 = ¥2,000.00"
    ]
    assert result.debt_share_of_income.value == D("22.5")
    assert result.debt_share_of_income.steps[0].result == "22.5%"
    assert result.total_owed.value == D("20090.00")


def test_shortfall_label_and_no_income_share() -> None:
    result = run(jiebei(payment="500"), income="0", essentials="0")
    assert result.monthly_surplus.value == D("-500.00")
    assert result.monthly_surplus.english()[0].startswith("Short each month:")
    assert result.monthly_surplus.english()[0] == "Short each month: ¥0.00 + ¥0.00 + ¥500.00 − ¥0.00 = ¥500.00"
    assert result.debt_share_of_income.value is None


def test_share_is_unknown_when_a_payment_was_left_out() -> None:
    # Owing ¥28,000 with ¥20,000 overdue: the ¥8,000 not yet due has a monthly payment nobody entered.
    result = run(jiebei("20000", outstanding="28000", payment="0"), income="8000")
    assert result.debt_share_of_income.value is None
    assert result.debt_share_of_income.english() == [
        "Debt payments as a share of income: no monthly payment entered for 借呗 = unknown"
    ]
    assert result.missing_payments == ("借呗",)
    # Wholly overdue: no regular payment is left to enter, so the share is known (0.0%).
    assert run(jiebei("20000", outstanding="20000"), income="8000").debt_share_of_income.value == D("0.0")
    family = jiebei("2000", outstanding="5000", kind=DebtKind.FAMILY_FRIENDS, name="表哥")
    assert run(family, income="8000").missing_payments == ()


def test_share_rounds_half_up_to_a_tenth_of_a_percent() -> None:
    # 1 / 8 = 12.5%; 1.0005 / ... use 2 / 3 = 66.666..% -> 66.7
    result = run(jiebei(payment="2"), income="3")
    assert result.debt_share_of_income.value == D("66.7")


def test_clear_in_months_explanation_has_the_numbers() -> None:
    result = run(jiebei(), income="8000", essentials="4000", savings="3000")
    v = result.verdict
    # needed ¥10,090.00, surplus ¥4,000.00, waiting ¥225.00 a month: (10090 − 3000) / 3775 -> 2 months
    assert (v.kind, v.months) == (VerdictKind.CLEAR_IN_MONTHS, 2)
    text = v.explanation.english()
    for figure in ("¥4,000.00", "¥3,000.00", "¥10,090.00", "¥225.00", "month 2"):
        assert figure in text
    rendered = [step.english() for step in v.steps]
    assert "Needed by then, waiting included: ¥10,090.00 + 2 × ¥225.00 = ¥10,540.00" in rendered
    assert "Available by then: ¥3,000.00 + 2 × ¥4,000.00 = ¥11,000.00" in rendered


def test_assess_savings_exactly_cover_overdue_including_accrued() -> None:
    exact = run(jiebei(), income="8000", essentials="4000", savings="10090.00")
    assert exact.verdict.kind is VerdictKind.CLEAR_NOW
    short = run(jiebei(), income="8000", essentials="4000", savings="10089.99")
    assert short.verdict.kind is VerdictKind.CLEAR_IN_MONTHS and short.verdict.months == 1


def test_assess_crisis_and_negotiate() -> None:
    crisis = run(jiebei(), income="3000", essentials="3000.01")
    assert crisis.verdict.kind is VerdictKind.CRISIS
    assert crisis.verdict.params["gap"] == "¥0.01"
    # The same month with savings that clear the overdue and still carry the ¥0.01 shortfall: clear it now.
    rich = run(jiebei("10000"), income="3000", essentials="3000.01", savings="999999")
    assert (rich.verdict.kind, rich.verdict.reason) == (VerdictKind.CLEAR_NOW, "savings_cover_shortfall")
    slow = run(jiebei("100000", outstanding="100000"), income="8000", essentials="7000")
    assert slow.verdict.kind is VerdictKind.NEGOTIATE


# ---- priorities and what is at stake --------------------------------------------------------


def test_priorities_essentials_first_then_costliest_overdue() -> None:
    cheap = jiebei("5000", rate="0.0002", name="花呗", kind=DebtKind.HUABEI, payment="300")
    costly = jiebei("3000", rate="0.0008", name="网贷", kind=DebtKind.ONLINE_LOAN)
    family = jiebei("2000", rate="0", multiplier="1", name="表哥", kind=DebtKind.FAMILY_FRIENDS)
    inp = SelfCheckInput(
        debts=(cheap, family, costly),
        cashflow=CashFlow(
            incomes=(Entry("工资", D("9000")),),
            essentials={
                EssentialCategory.MEDICAL: D("100"),
                EssentialCategory.FOOD: D("1500"),
                EssentialCategory.RENT: D("2500"),
            },
            other_fixed=(Entry("会员", D("30")),),
        ),
    )
    items = assess(inp, TODAY).priorities
    assert [item.group for item in items] == ["essentials"] * 3 + ["overdue"] * 3 + ["regular", "other"]
    assert [item.label for item in items[:3]] == [
        EssentialCategory.RENT.label,
        EssentialCategory.FOOD.label,
        EssentialCategory.MEDICAL.label,
    ]
    # 网贷 costs ¥3.60/day, 花呗 ¥1.50/day, family ¥0
    assert [item.params["name"] for item in items[3:6]] == ["网贷", "花呗", "表哥"]
    assert items[3].params["per_day"] == "¥3.60"
    assert items[-1].amount == D("30.00")


def test_at_stake_only_known_facts_and_only_when_relevant() -> None:
    keys = {f.key for f in FACTS}
    overdue_jiebei = run(jiebei(lender=""), income="3000", essentials="1000")
    assert overdue_jiebei.at_stake[:2] == ("credit_record_five_years", "reported_to_credit_system")
    assert "lender_on_loan_page" in overdue_jiebei.at_stake
    assert set(overdue_jiebei.at_stake) <= keys
    family_only = run(jiebei(kind=DebtKind.FAMILY_FRIENDS, name="表哥"), income="3000", essentials="1000")
    assert "credit_record_five_years" not in family_only.at_stake
    with_lender = run(jiebei(), income="30000", essentials="1000", savings="20000")
    assert "lender_on_loan_page" not in with_lender.at_stake
    assert "banned_conduct" not in with_lender.at_stake
    crisis = run(jiebei(), income="1000", essentials="2000")
    assert "banned_conduct" in crisis.at_stake
    assert run().at_stake == ()


# ---- validation ---------------------------------------------------------------------------


def test_validate_debt() -> None:
    assert validate_debt(jiebei(), TODAY) == []
    too_much = validate_debt(jiebei("2000", outstanding="1000"), TODAY)
    assert [(e.field, e.message) for e in too_much] == [("overdue_principal", MSG_OVERDUE_MORE_THAN_OUTSTANDING)]
    assert too_much[0].params == {"outstanding": "¥1,000.00"}
    no_days = Debt(DebtKind.JIEBEI, "借呗", outstanding_principal=D("1"), overdue_principal=D("1"))
    assert [e.message for e in validate_debt(no_days)] == [MSG_OVERDUE_NEEDS_DAYS]
    future = jiebei(days=-1)
    assert [e.message for e in validate_debt(future, TODAY)] == [MSG_DATE_IN_FUTURE]
    assert validate_debt(future) == []  # no today: dates not checked
    bad = Debt(DebtKind.OTHER, " ", monthly_payment=D("-1"), daily_rate=D("0.02"),
               penalty_multiplier=D("0.5"), due_day=32, remaining_months=-1)
    assert [e.field for e in validate_debt(bad)] == [
        "name", "monthly_payment", "daily_rate", "penalty_multiplier", "remaining_months", "due_day",
    ]


# ---- serialisation ------------------------------------------------------------------------


def sample_input() -> SelfCheckInput:
    return SelfCheckInput(
        debts=(
            jiebei(payment="1800.5", outstanding="20000"),
            Debt(DebtKind.CREDIT_CARD, "招行信用卡", days_overdue=3, overdue_principal=D("0.01"),
                 outstanding_principal=D("5000"), repayment_method=RepaymentMethod.EQUAL_PRINCIPAL,
                 remaining_months=12, due_day=5, daily_rate=D("0.00035")),
        ),
        cashflow=CashFlow(
            incomes=(Entry("工资", D("8000")),),
            essentials={EssentialCategory.RENT: D("2500.00"), EssentialCategory.OTHER: D("1")},
            savings=(Entry("余额宝", D("123.45")),),
        ),
    )


def test_input_round_trips_through_json() -> None:
    inp = sample_input()
    data = json.loads(json.dumps(inp.to_dict()))
    assert SelfCheckInput.from_dict(data) == inp
    debt = data["debts"][0]
    assert debt["overdue_principal"] == "10000" and debt["daily_rate"] == "0.0005"
    assert debt["overdue_since"] == "2025-03-03"
    assert data["cashflow"]["essentials"] == {"rent": "2500.00", "other": "1"}


def test_from_dict_defaults_and_errors() -> None:
    debt = Debt.from_dict({"kind": "jiebei", "name": "借呗"})
    assert debt.penalty_multiplier == D(1) and debt.overdue_principal == 0
    assert Debt.from_dict({"kind": "jiebei", "name": "x", "daily_rate": 0.0005}).daily_rate == D("0.0005")
    for bad in (
        {"kind": "mortgage", "name": "x"},
        {"kind": "jiebei", "name": "x", "overdue_principal": "NaN"},
        {"kind": "jiebei", "name": "x", "overdue_principal": "abc"},
        {"kind": "jiebei", "name": "x", "overdue_principal": True},
        {"kind": "jiebei", "name": "x", "due_day": "5"},
        {"kind": "jiebei", "name": "x", "overdue_since": "yesterday"},
    ):
        with pytest.raises(ValueError):
            Debt.from_dict(bad)
    with pytest.raises(ValueError):
        CashFlow.from_dict({"essentials": {"holiday": "1"}})


@settings(max_examples=100, deadline=None)
@given(
    overdue=cents, extra=cents, rate=st.integers(0, 10_000).map(lambda n: D(n).scaleb(-6)),
    days=st.one_of(st.none(), st.integers(0, 3650)), kind=st.sampled_from(DebtKind),
)
def test_debt_round_trips(overdue: Decimal, extra: Decimal, rate: Decimal, days: int | None, kind: DebtKind) -> None:
    debt = Debt(kind, "名字", outstanding_principal=overdue + extra, overdue_principal=overdue,
                days_overdue=days, daily_rate=rate)
    assert Debt.from_dict(json.loads(json.dumps(debt.to_dict()))) == debt


# ---- snapshots and compare ---------------------------------------------------------------


def test_summary_dict_and_compare() -> None:
    before = run(jiebei(), income="8000", essentials="4000", savings="0")
    after = assess(
        SelfCheckInput(
            debts=(jiebei("5000", days=40),), cashflow=cash(income="8000", essentials="4000", savings="6000")
        ),
        TODAY + timedelta(days=28),
    )
    a, b = before.summary_dict(), after.summary_dict()
    assert a == {
        "version": 1, "as_of": "2025-03-15", "total_owed": "10090.00", "total_overdue": "10090.00",
        "monthly_surplus": "4000.00", "daily_cost": "7.50", "verdict": "clear_in_months", "months": 3,
    }
    assert json.loads(json.dumps(a)) == a
    assert Summary.from_dict(a) == before.summary()
    diff = compare(a, b)
    assert diff.days_between == 28
    # due date TODAY − 40, seen 28 days later: 68 days × ¥3.75 = ¥255.00 accrued
    assert diff.total_owed.after == D("5255.00")
    assert diff.total_owed.difference == D("-4835.00")
    assert diff.total_owed.direction is Direction.BETTER
    assert diff.daily_cost.after == D("3.75") and diff.daily_cost.direction is Direction.BETTER
    assert diff.monthly_surplus.direction is Direction.SAME
    assert (diff.verdict_before, diff.verdict_after) == (VerdictKind.CLEAR_IN_MONTHS, VerdictKind.CLEAR_NOW)
    assert diff.verdict_direction is Direction.BETTER
    back = compare(b, a)
    assert back.total_owed.direction is Direction.WORSE and back.verdict_direction is Direction.WORSE


def test_compare_months_and_surplus_direction() -> None:
    def summary(months: int | None, surplus: str, kind: VerdictKind = VerdictKind.CLEAR_IN_MONTHS) -> Summary:
        return Summary(TODAY, D("1"), D("1"), D(surplus), D("0"), kind, months)

    assert compare(summary(5, "100"), summary(3, "200")).verdict_direction is Direction.BETTER
    assert compare(summary(3, "200"), summary(5, "100")).monthly_surplus.direction is Direction.WORSE
    worse = compare(summary(None, "0", VerdictKind.NEGOTIATE), summary(None, "0", VerdictKind.CRISIS))
    assert worse.verdict_direction is Direction.WORSE
    with pytest.raises(ValueError):
        compare({"as_of": "2025-01-01"}, summary(1, "1"))
