"""What Home says about today, built from small things already loaded.

Home is the first frame at start, so it reads counters and small indexes only:
the latest self-check summary, the few due items of the active plan and open
promises, the active plan's paid and total, the habits with their progress
indexes, the fund, and the date of the latest reflection. Never a history.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, Decimal, localcontext
from typing import Final

from jiebei_tui.domain.habits.fund import EmergencyFund, FundStatus, fund_status
from jiebei_tui.domain.habits.habit import Habit
from jiebei_tui.domain.habits.heatmap import HabitToday, habits_today
from jiebei_tui.domain.habits.progress import HabitProgress
from jiebei_tui.domain.habits.reminders import DueItem, DueSoon, DueSource
from jiebei_tui.domain.parsing.money import ZERO
from jiebei_tui.domain.selfcheck import Summary

_FRACTION_QUANTUM: Final = Decimal("0.001")
_PAYMENT_SOURCES: Final = frozenset({DueSource.PLAN, DueSource.COMMITMENT})


@dataclass(frozen=True)
class PlanProgress:
    """The active plan as Home shows it; the caller fills it from Plans."""

    plan_id: str
    name: str
    paid: Decimal
    total: Decimal

    @property
    def remaining(self) -> Decimal:
        return max(self.total - self.paid, ZERO)

    @property
    def fraction(self) -> Decimal:
        """0..1, rounded down so a plan never shows 100% before the last fen is paid."""
        if self.total <= 0:
            return Decimal(1) if self.paid >= self.total else ZERO
        with localcontext() as context:
            context.prec = 60
            return min(self.paid / self.total, Decimal(1)).quantize(_FRACTION_QUANTUM, rounding=ROUND_DOWN)


@dataclass(frozen=True)
class HomeToday:
    today: date
    total_owed: Decimal | None  # None until a self-check is saved
    cost_per_day: Decimal | None
    owed_as_of: date | None  # the self-check's date: these figures are as of then
    next_payment: DueSoon | None  # earliest unpaid plan instalment or call promise (overdue first)
    plan: PlanProgress | None
    open_commitments: int
    habits: tuple[HabitToday, ...]
    habits_done: int  # of ``habits``, done or resting in their current period
    fund: FundStatus | None
    latest_reflection: date | None


def build_home(
    today: date,
    *,
    summary: Summary | None = None,
    due: Iterable[DueItem] = (),
    plan: PlanProgress | None = None,
    open_commitments: int = 0,
    habits: Iterable[tuple[Habit, HabitProgress]] = (),
    fund: EmergencyFund | None = None,
    latest_reflection: date | None = None,
) -> HomeToday:
    """``due``: the active plan's unpaid instalments and the open promises (debt due days are left
    out: whether they were paid is not known). ``open_commitments`` is a count, not the list."""
    if open_commitments < 0:
        raise ValueError("open_commitments must not be negative")
    payments = [item for item in due if item.source in _PAYMENT_SOURCES]
    soonest = min(payments, key=lambda item: (item.day, item.source is not DueSource.PLAN, item.key), default=None)
    rows = habits_today(habits, today)
    return HomeToday(
        today=today,
        total_owed=summary.total_owed if summary is not None else None,
        cost_per_day=summary.daily_cost if summary is not None else None,
        owed_as_of=summary.as_of if summary is not None else None,
        next_payment=DueSoon(soonest, (soonest.day - today).days) if soonest is not None else None,
        plan=plan,
        open_commitments=open_commitments,
        habits=rows,
        habits_done=sum(1 for row in rows if row.done or row.resting),
        fund=fund_status(fund, today) if fund is not None else None,
        latest_reflection=latest_reflection,
    )
