"""Planned against spent for a month, the over-budget warnings, and last month against this one."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Final

from jiebei_tui.domain.habits.budget import L_REMOVED_CATEGORY, BudgetPlan, Spend, SpendMonth
from jiebei_tui.domain.habits.notice import Notice
from jiebei_tui.domain.habits.periods import clamp_day, previous_month
from jiebei_tui.domain.parsing.money import ZERO, format_money
from jiebei_tui.i18n import N_

REMOVED: Final = ""  # the key of the line gathering spends whose category was removed

W_CATEGORY_OVER = N_("{category}: {spent} spent against {planned} planned, {over} over")
W_UNPLANNED = N_("{category}: {spent} spent with nothing planned")
W_TOTAL_OVER = N_("This month: {spent} spent against {planned} planned, {over} over")


@dataclass(frozen=True)
class CategoryLine:
    """One category's month; ``label`` is a msgid when ``translatable``. ``remaining`` < 0 means over."""

    key: str
    label: str
    translatable: bool
    planned: Decimal
    spent: Decimal
    remaining: Decimal
    over: bool


@dataclass(frozen=True)
class BudgetReport:
    month: str
    lines: tuple[CategoryLine, ...]
    planned: Decimal
    spent: Decimal
    remaining: Decimal
    over: bool
    warnings: tuple[Notice, ...]  # per category in plan order, then the total


def _sums(spends: Iterable[Spend]) -> dict[str, Decimal]:
    sums: dict[str, Decimal] = {}
    for spend in spends:
        sums[spend.category] = sums.get(spend.category, ZERO) + spend.amount
    return sums


def _lines(plan: BudgetPlan, sums: dict[str, Decimal]) -> list[tuple[str, str, bool, Decimal, Decimal]]:
    """(key, label, translatable, planned, spent) per plan category, then removed categories together."""
    lines = [(c.key, c.label, c.translatable, c.planned, sums.get(c.key, ZERO)) for c in plan.categories]
    known = {c.key for c in plan.categories}
    removed = sum((amount for key, amount in sums.items() if key not in known), ZERO)
    if removed:
        lines.append((REMOVED, L_REMOVED_CATEGORY, True, ZERO, removed))
    return lines


def _warning(label: str, translatable: bool, planned: Decimal, spent: Decimal) -> Notice:
    translated = frozenset({"category"}) if translatable else frozenset()
    if planned == 0:
        return Notice(W_UNPLANNED, {"category": label, "spent": format_money(spent)}, translated)
    params = {
        "category": label,
        "spent": format_money(spent),
        "planned": format_money(planned),
        "over": format_money(spent - planned),
    }
    return Notice(W_CATEGORY_OVER, params, translated)


def month_report(plan: BudgetPlan, month: SpendMonth) -> BudgetReport:
    """Sums are exact: every spend is whole fen, so nothing is rounded."""
    lines = tuple(
        CategoryLine(key, label, translatable, planned, spent, planned - spent, spent > planned)
        for key, label, translatable, planned, spent in _lines(plan, _sums(month.spends))
    )
    planned = sum((line.planned for line in lines), ZERO)
    spent = sum((line.spent for line in lines), ZERO)
    warnings = [_warning(line.label, line.translatable, line.planned, line.spent) for line in lines if line.over]
    if spent > planned:
        warnings.append(
            Notice(
                W_TOTAL_OVER,
                {"spent": format_money(spent), "planned": format_money(planned), "over": format_money(spent - planned)},
            )
        )
    return BudgetReport(month.month, lines, planned, spent, planned - spent, spent > planned, tuple(warnings))


@dataclass(frozen=True)
class CategoryChange:
    """``last_to_date``: last month up to the same day of the month (the fair comparison mid-month)."""

    key: str
    label: str
    translatable: bool
    last: Decimal
    last_to_date: Decimal
    this: Decimal

    @property
    def difference(self) -> Decimal:
        """This month so far minus last month by the same day; positive means spending more."""
        return self.this - self.last_to_date


@dataclass(frozen=True)
class MonthComparison:
    this_month: str
    last_month: str
    same_day: int | None  # last month counted up to this day (31 -> 30/29/28); None: whole months
    lines: tuple[CategoryChange, ...]
    last: Decimal
    last_to_date: Decimal
    this: Decimal

    @property
    def difference(self) -> Decimal:
        return self.this - self.last_to_date


def compare_months(plan: BudgetPlan, this: SpendMonth, last: SpendMonth | None, today: date) -> MonthComparison:
    """Last month against this one. ``today`` sets "the same point last month"; a past month compares whole."""
    last_key = previous_month(this.month)
    if last is not None and last.month != last_key:
        raise ValueError(f"{last.month} is not the month before {this.month}")
    last_spends = last.spends if last is not None else ()
    this_year, this_number = int(this.month[:4]), int(this.month[5:])
    if (today.year, today.month) == (this_year, this_number):
        last_year, last_number = int(last_key[:4]), int(last_key[5:])
        cutoff = clamp_day(last_year, last_number, today.day)
    else:
        cutoff = date.max
    to_date = [spend for spend in last_spends if spend.day <= cutoff]
    whole_sums, to_date_sums, this_sums = _sums(last_spends), _sums(to_date), _sums(this.spends)
    keys = {**whole_sums, **this_sums}
    lines: list[CategoryChange] = []
    for key, label, translatable, _planned, this_spent in _lines(plan, this_sums):
        if key == REMOVED:
            continue
        lines.append(
            CategoryChange(key, label, translatable, whole_sums.get(key, ZERO), to_date_sums.get(key, ZERO), this_spent)
        )
    known = {line.key for line in lines}
    removed = [key for key in keys if key not in known]
    if removed:
        lines.append(
            CategoryChange(
                REMOVED,
                L_REMOVED_CATEGORY,
                True,
                sum((whole_sums.get(key, ZERO) for key in removed), ZERO),
                sum((to_date_sums.get(key, ZERO) for key in removed), ZERO),
                sum((this_sums.get(key, ZERO) for key in removed), ZERO),
            )
        )
    return MonthComparison(
        this.month,
        last_key,
        cutoff.day if cutoff != date.max else None,
        tuple(lines),
        sum(whole_sums.values(), ZERO),
        sum(to_date_sums.values(), ZERO),
        sum(this_sums.values(), ZERO),
    )
