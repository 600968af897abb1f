"""What the Habits screen and Home show: today's state of each habit and a short history.

Both read only :class:`HabitProgress` (the small per-habit index), never the
month documents, so they cost the same after five years as after a week.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from jiebei_tui.domain.habits.habit import Habit
from jiebei_tui.domain.habits.periods import Cadence, period_end, period_index, period_start
from jiebei_tui.domain.habits.progress import HabitProgress
from jiebei_tui.domain.labels import LabelledEnum
from jiebei_tui.i18n import N_

HISTORY_WEEKS: Final = 12  # a daily habit's heat map: 12 ISO weeks, Monday to Sunday
HISTORY_PERIODS: Final = 12  # a weekly or monthly habit's strip


class PeriodState(LabelledEnum):
    DONE = "done", N_("done")
    REST = "rest", N_("planned rest")
    MISSED = "missed", N_("not done")
    OPEN = "open", N_("still open")  # the current period, not done yet
    UPCOMING = "upcoming", N_("not yet")  # after today (a planned rest there shows as REST)
    BEFORE_START = "before_start", N_("before the habit started")


@dataclass(frozen=True)
class PeriodMark:
    start: date
    end: date
    state: PeriodState


def _state(habit: Habit, progress: HabitProgress, index: int, current: int) -> PeriodState:
    if index < period_index(habit.cadence, habit.started):
        return PeriodState.BEFORE_START
    if index in progress.done:
        return PeriodState.DONE
    if index in progress.rests:
        return PeriodState.REST
    if index > current:
        return PeriodState.UPCOMING
    if index == current:
        return PeriodState.OPEN
    return PeriodState.MISSED  # includes periods folded out of the window, which were not done-and-kept


def history(habit: Habit, progress: HabitProgress, today: date) -> tuple[PeriodMark, ...]:
    """Oldest first. Daily: the 84 days of 12 whole ISO weeks ending with this week's Sunday
    (days after today are UPCOMING), ready for a 7-row heat map. Weekly and monthly: the
    last 12 periods ending with the current one, for a strip or sparkline."""
    cadence = habit.cadence
    current = period_index(cadence, today)
    if cadence is Cadence.DAILY:
        monday = today - timedelta(days=today.weekday())
        first = period_index(cadence, monday - timedelta(weeks=HISTORY_WEEKS - 1))
        last = period_index(cadence, monday + timedelta(days=6))
    else:
        first, last = current - HISTORY_PERIODS + 1, current
    return tuple(
        PeriodMark(period_start(cadence, index), period_end(cadence, index), _state(habit, progress, index, current))
        for index in range(first, last + 1)
    )


def history_weeks(marks: tuple[PeriodMark, ...]) -> tuple[tuple[PeriodMark, ...], ...]:
    """A daily history cut into ISO weeks (columns of a heat map, Monday first)."""
    if len(marks) % 7 or (marks and marks[0].start.weekday() != 0):
        raise ValueError("history_weeks needs whole Monday-to-Sunday weeks of a daily habit")
    return tuple(marks[index : index + 7] for index in range(0, len(marks), 7))


def done_counts(weeks: Iterable[tuple[PeriodMark, ...]]) -> tuple[int, ...]:
    """Days done per week: the sparkline of a daily habit."""
    return tuple(sum(1 for mark in week if mark.state is PeriodState.DONE) for week in weeks)


@dataclass(frozen=True)
class HabitToday:
    """One line of "today's habits". ``name``/``why`` are msgids when ``translatable``."""

    habit_id: str
    name: str
    why: str
    translatable: bool
    cadence: Cadence
    done: bool  # the current period has its check-in
    resting: bool  # a rest is planned for the current period and it is not done
    streak: int
    best: int
    period_end: date  # last day to tick the current period


def habit_today(habit: Habit, progress: HabitProgress, today: date) -> HabitToday:
    if habit.id != progress.habit_id:
        raise ValueError(f"progress of {progress.habit_id!r} used for habit {habit.id!r}")
    current = period_index(habit.cadence, today)
    streak, best = progress.streak_and_best(today)
    done = current in progress.done
    return HabitToday(
        habit.id,
        habit.name,
        habit.why,
        habit.translatable,
        habit.cadence,
        done,
        not done and current in progress.rests,
        streak,
        best,
        period_end(habit.cadence, current),
    )


def habits_today(pairs: Iterable[tuple[Habit, HabitProgress]], today: date) -> tuple[HabitToday, ...]:
    """Active habits, still-to-do first, then daily before weekly before monthly; otherwise as given."""
    order = {Cadence.DAILY: 0, Cadence.WEEKLY: 1, Cadence.MONTHLY: 2}
    rows = [habit_today(habit, progress, today) for habit, progress in pairs if not habit.archived]
    return tuple(sorted(rows, key=lambda row: (row.done or row.resting, order[row.cadence])))
