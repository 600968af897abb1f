"""What Home shows today, read from counters and small indexes only: it is the first frame at start.

One call, :meth:`HomeData.today`, reads each thing once: the latest self-check
(its year's file), the open promises of the last two weeks and ahead (their days'
files and records), the open plans' summaries (unpaid instalments and progress,
one small file), the habits with their streak indexes, the fund, and the newest
month of the reflection journal. Never a whole history.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from jiebei_tui.domain import habits as h
from jiebei_tui.services.habits import Habits
from jiebei_tui.services.plans import Plans, PlanSummary
from jiebei_tui.services.selfcheck import SelfChecks

NEXT_PAYMENT_DAYS: Final = 400  # how far ahead Home looks for the next instalment or promise


def plan_progress(summary: PlanSummary) -> h.PlanProgress:
    """A followed plan as Home's progress line: paid against what its schedule asks for."""
    return h.PlanProgress(summary.id, summary.title or summary.debt, summary.paid, summary.scheduled)


@dataclass(frozen=True)
class HomeView:
    """Home's model (``home``) and the start banner's lines (``due_soon``: overdue, then the next 7 days)."""

    home: h.HomeToday
    due_soon: tuple[h.DueSoon, ...]


class HomeData:
    def __init__(self, selfchecks: SelfChecks, habits: Habits, plans: Plans, clock: Callable[[], datetime]) -> None:
        self._selfchecks = selfchecks
        self._habits = habits
        self._plans = plans
        self._clock = clock

    def today(self) -> HomeView:
        today = self._clock().date()
        snapshot = self._selfchecks.latest()
        followed = self._plans.followed()  # the open plans' summaries: one small file
        promises = self._habits.open_promises()
        due = self._habits.due(
            today + timedelta(days=NEXT_PAYMENT_DAYS),
            selfcheck=snapshot.input if snapshot is not None else None,
            promises=promises,
        )
        home = h.build_home(
            today,
            summary=snapshot.summary if snapshot is not None else None,
            due=due,
            plan=plan_progress(followed[0]) if followed else None,
            open_commitments=len(promises),
            habits=self._habits.active(),
            fund=self._habits.saved_fund(),
            latest_reflection=self._habits.latest_reflection_day(),
        )
        return HomeView(home, h.due_soon(due, today))
