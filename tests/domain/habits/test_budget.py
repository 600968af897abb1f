"""The monthly budget: defaults from the self-check, spends through the money parser, exact sums, warnings."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jiebei_tui import i18n
from jiebei_tui.domain.habits import (
    EVERYTHING_ELSE,
    REMOVED,
    BudgetPlan,
    SpendMonth,
    add_category,
    add_spend,
    compare_months,
    default_budget,
    month_report,
    parse_spend_amount,
    remove_category,
    remove_spend,
    rename_category,
    set_planned,
)
from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.selfcheck import CashFlow, EssentialCategory, SelfCheckInput

D = date


def selfcheck() -> SelfCheckInput:
    essentials = {EssentialCategory.RENT: Decimal("2500.00"), EssentialCategory.FOOD: Decimal("1200.50")}
    return SelfCheckInput(cashflow=CashFlow(essentials=essentials))


def plan() -> BudgetPlan:
    return add_category(default_budget(selfcheck()), "外卖", "300")


def test_the_default_plan_takes_the_self_checks_essentials() -> None:
    budget = default_budget(selfcheck())
    assert [(c.key, c.planned) for c in budget.categories] == [
        ("rent", Decimal("2500.00")),
        ("food", Decimal("1200.50")),
        (EVERYTHING_ELSE, Decimal("0.00")),
    ]
    assert budget.categories[0].label == "Housing (rent or mortgage)" and budget.categories[0].translatable
    for without in (default_budget(None), default_budget(SelfCheckInput())):
        assert len(without.categories) == len(EssentialCategory) + 1
        assert all(c.planned == 0 for c in without.categories)


def test_editing_the_plan() -> None:
    budget = plan()
    own = budget.categories[-1]
    assert (own.key, own.label, own.translatable, own.planned) == ("own-1", "外卖", False, Decimal("300.00"))
    with pytest.raises(InputError, match="already a category"):
        add_category(budget, " 外卖 ", "")
    budget = rename_category(budget, "own-1", "外卖奶茶")
    budget = set_planned(budget, "food", "1.5k")
    assert budget.category("food") is not None and budget.category("food").planned == Decimal("1500.00")  # type: ignore[union-attr]
    with pytest.raises(InputError) as bad:
        set_planned(budget, "food", "12.345")
    assert bad.value.message == "At most two decimal places (fen)"
    assert add_category(budget, "网购", "").categories[-1].key == "own-2"
    assert [c.key for c in remove_category(budget, "rent").categories] == ["food", EVERYTHING_ELSE, "own-1"]


def test_spends_are_typed_as_text_and_refused_beside_the_field() -> None:
    month = SpendMonth("2027-03")
    month = add_spend(month, plan(), D(2027, 3, 2), "food", "35.5元", "午饭")
    month = add_spend(month, plan(), D(2027, 3, 1), "own-1", "￥28", "")
    assert [(s.seq, s.day, s.amount) for s in month.spends] == [
        (2, D(2027, 3, 1), Decimal("28.00")),
        (1, D(2027, 3, 2), Decimal("35.50")),
    ]
    for text, message in (("", "Enter an amount"), ("0", "Enter an amount above zero"), ("-5", "Must not be negative")):
        with pytest.raises(InputError) as error:
            add_spend(month, plan(), D(2027, 3, 2), "food", text)
        assert error.value.message == message
    with pytest.raises(ValueError):
        add_spend(month, plan(), D(2027, 4, 1), "food", "5")  # another month's document
    assert [s.seq for s in remove_spend(month, 1).spends] == [2]
    assert parse_spend_amount("2w") == Decimal("20000.00")


def test_report_sums_exactly_and_warns_per_category_and_in_total() -> None:
    budget = plan()  # rent 2500, food 1200.50, everything else 0, 外卖 300: total 4000.50
    month = SpendMonth("2027-03")
    for day, key, text in (
        (1, "rent", "2500"),
        (3, "food", "600.10"),
        (9, "food", "600.41"),  # food: 1200.51, one fen over
        (9, "own-1", "0.1"),
        (10, EVERYTHING_ELSE, "0.2"),  # nothing planned there
    ):
        month = add_spend(month, budget, D(2027, 3, day), key, text)
    report = month_report(budget, month)
    assert report.spent == Decimal("3700.81") and report.planned == Decimal("4000.50")
    assert report.remaining == Decimal("299.69") and not report.over
    lines = {line.key: line for line in report.lines}
    assert lines["food"].over and lines["food"].remaining == Decimal("-0.01")
    assert not lines["own-1"].over and lines["own-1"].remaining == Decimal("299.90")
    assert [w.render() for w in report.warnings] == [
        "Food: ¥1,200.51 spent against ¥1,200.50 planned, ¥0.01 over",
        "Everything else: ¥0.20 spent with nothing planned",
    ]
    more = add_spend(month, budget, D(2027, 3, 20), "own-1", "300")
    total = month_report(budget, more)
    assert total.over and total.warnings[-1].render() == (
        "This month: ¥4,000.81 spent against ¥4,000.50 planned, ¥0.31 over"
    )
    assert total.warnings[2].render() == "外卖: ¥300.10 spent against ¥300.00 planned, ¥0.10 over"
    assert total.warnings[0].render(lambda text: {"Food": "食品"}.get(text, text)).startswith("食品: ")


def test_spends_of_a_removed_category_stay_in_the_totals() -> None:
    month = add_spend(SpendMonth("2027-03"), plan(), D(2027, 3, 1), "own-1", "50")
    report = month_report(remove_category(plan(), "own-1"), month)
    assert report.lines[-1].key == REMOVED and report.lines[-1].spent == Decimal("50.00")
    assert report.spent == Decimal("50.00")


def test_last_month_against_this_month_by_the_same_day() -> None:
    budget = plan()
    last = SpendMonth("2027-01")
    for day, text in ((5, "100"), (30, "40"), (31, "7")):
        last = add_spend(last, budget, D(2027, 1, day), "food", text)
    this = add_spend(SpendMonth("2027-02"), budget, D(2027, 2, 3), "food", "120")
    # On 28 Feb (the month's last day) "the same point" last month is the 28th: the 30th and 31st are left out.
    mid = compare_months(budget, this, last, D(2027, 2, 28))
    food = next(line for line in mid.lines if line.key == "food")
    assert (mid.same_day, food.last, food.last_to_date, food.this, food.difference) == (
        28,
        Decimal("147.00"),
        Decimal("100.00"),
        Decimal("120.00"),
        Decimal("20.00"),
    )
    whole = compare_months(budget, this, last, D(2027, 3, 15))  # looking back: whole months
    assert (whole.same_day, whole.last_to_date, whole.difference) == (None, Decimal("147.00"), Decimal("-27.00"))
    assert compare_months(budget, this, None, D(2027, 2, 10)).last == 0
    with pytest.raises(ValueError):
        compare_months(budget, this, SpendMonth("2026-12"), D(2027, 2, 10))


AMOUNTS = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999.99"), places=2)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["rent", "food", "own-1", EVERYTHING_ELSE]), AMOUNTS), max_size=60))
def test_totals_are_the_exact_decimal_sum_of_what_was_typed(entries: list[tuple[str, Decimal]]) -> None:
    budget = plan()
    month = SpendMonth("2027-03")
    for key, amount in entries:
        month = add_spend(month, budget, D(2027, 3, 1), key, f"{amount:,}")
    report = month_report(budget, month)
    assert report.spent == sum((amount for _key, amount in entries), Decimal(0))
    assert sum((line.spent for line in report.lines), Decimal(0)) == report.spent
    assert report.remaining == report.planned - report.spent
    assert report.over == (report.spent > report.planned)


def test_warnings_read_naturally_in_simplified_chinese() -> None:
    i18n.set_language("zh-Hans")
    month = add_spend(SpendMonth("2027-03"), plan(), D(2027, 3, 3), "food", "1200.51")
    warning = month_report(plan(), month).warnings[0]
    assert warning.render(i18n._) == "吃饭：计划 ¥1,200.50，已花 ¥1,200.51，超出 ¥0.01"
