"""Streaks, check-ins and planned rests: a small per-habit index that never needs the history.

The rules (what the tests pin down):

* A habit is due once per *period*: a local day, an ISO week (Monday to
  Sunday) or a calendar month. At most one check-in counts per period.
* A period is *done* when it has a check-in, *rest* when a rest was planned
  for it (and it is not done: a check-in always wins), *missed* when it is over
  without either, and *open* while it is the current period (or later).
* The streak is the number of done periods in the run that reaches the
  current period: walking back from the latest done or current period, done
  periods count 1, rest and open periods count 0 and are stepped over, and the
  first missed period, or the habit's first period, ends the walk. So a rest
  neither breaks nor extends a streak, and today's still-open period never
  breaks it. The best streak is the longest such run ever.
* Rests are planned ahead: for the current period or a later one, at most a
  year ahead; a rest that has passed can no longer be added or removed.
* Check-ins can be added or undone for the last :data:`EDITABLE` periods
  (12 weeks of days: everything the history view shows).

Time zones: every date here is a local date in the user's chosen zone, and
"today" is the caller's clock read in that zone. Check-ins keep the date they
were made on. After a zone change "today" is simply read in the new zone: a
move east can make today jump ahead (at most one date skipped, which then
counts as missed unless a rest was planned); a move west can make today fall
before the latest check-in, which still counts (a check-in after today is
treated as done, and the periods up to it as open), so nobody loses a streak
to a flight. A clock that jumps back much further than a zone change can
leave a few old periods shown as missed; nothing else depends on it.

Cost: :class:`HabitProgress` keeps the last :data:`WINDOW` periods in detail
and folds older ones into two numbers (the run reaching the window and the best
run before it), so its size and every operation stay the same after five years
of daily check-ins. The month documents keep the full record, and
:func:`rebuild_progress` recomputes the index from them if it is ever lost.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any, Final

from jiebei_tui.domain import serial
from jiebei_tui.domain.habits.checkins import CheckinMonth, filing_month
from jiebei_tui.domain.habits.habit import Habit
from jiebei_tui.domain.habits.periods import Cadence, period_index, period_start
from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.i18n import N_

WINDOW: Final = 100  # periods kept in detail; > EDITABLE plus a zone change's slack
EDITABLE: Final = 84  # periods that can still be checked in or undone
REST_AHEAD: Final = timedelta(days=366)
MAX_PLANNED_RESTS: Final = 60

MSG_FUTURE = N_("That day has not come yet")
MSG_BEFORE_START = N_("That is before the habit started ({start})")
MSG_ARCHIVED = N_("This habit is archived; restore it to change it")
MSG_NOTHING_TO_UNDO = N_("There is no check-in to undo there")
MSG_REST_TOO_FAR = N_("Plan a rest at most a year ahead")
MSG_REST_DONE = N_("That is already done, so no rest is needed")
MSG_REST_ALREADY = N_("A rest is already planned there")
MSG_REST_NONE = N_("No rest is planned there")
MSG_REST_PASSED = N_("A rest that has passed stays as it was")
MSG_REST_TOO_MANY = N_("At most {maximum} rests can be planned ahead")
MSG_TOO_OLD: Final = {
    Cadence.DAILY: N_("Only the last {count} days can be changed"),
    Cadence.WEEKLY: N_("Only the last {count} weeks can be changed"),
    Cadence.MONTHLY: N_("Only the last {count} months can be changed"),
}
MSG_ALREADY_DONE: Final = {
    Cadence.DAILY: N_("Already checked in for that day"),
    Cadence.WEEKLY: N_("Already checked in for that week"),
    Cadence.MONTHLY: N_("Already checked in for that month"),
}
MSG_REST_AHEAD_ONLY: Final = {
    Cadence.DAILY: N_("A rest is planned ahead: for today or a later day"),
    Cadence.WEEKLY: N_("A rest is planned ahead: for this week or a later week"),
    Cadence.MONTHLY: N_("A rest is planned ahead: for this month or a later month"),
}


@dataclass(frozen=True)
class HabitProgress:
    """One habit's streak index. ``done``/``rests`` hold period numbers from ``base`` on.

    ``carry`` is the run length reaching period ``base`` from before it and
    ``best_before`` the longest run that ended before ``base``; ``total``
    counts every check-in ever made.
    """

    habit_id: str
    cadence: Cadence
    base: int
    done: frozenset[int] = frozenset()
    rests: frozenset[int] = frozenset()
    carry: int = 0
    best_before: int = 0
    total: int = 0

    def streak(self, today: date) -> int:
        return _scan(self, period_index(self.cadence, today))[0]

    def best(self, today: date) -> int:
        return _scan(self, period_index(self.cadence, today))[1]

    def streak_and_best(self, today: date) -> tuple[int, int]:
        return _scan(self, period_index(self.cadence, today))

    def is_done(self, day: date) -> bool:
        return period_index(self.cadence, day) in self.done

    def is_rest(self, day: date) -> bool:
        index = period_index(self.cadence, day)
        return index in self.rests and index not in self.done

    def to_dict(self) -> dict[str, Any]:
        def dates(indexes: Iterable[int]) -> list[str]:
            return [period_start(self.cadence, index).isoformat() for index in sorted(indexes)]

        return {
            "habit_id": self.habit_id,
            "cadence": self.cadence.value,
            "base": period_start(self.cadence, self.base).isoformat(),
            "done": dates(self.done),
            "rests": dates(self.rests),
            "carry": self.carry,
            "best_before": self.best_before,
            "total": self.total,
        }

    @classmethod
    def from_dict(cls, data: Any) -> HabitProgress:
        data = serial.mapping_from(data, "progress")
        cadence = serial.enum_from(Cadence, serial.required(data, "cadence", "progress"), "progress.cadence")

        def index_of(value: Any, name: str) -> int:
            start = serial.date_from(value, name)
            index = period_index(cadence, start)
            if period_start(cadence, index) != start:
                raise ValueError(f"{name}: {start} does not start a {cadence.value} period")
            return index

        base = index_of(serial.required(data, "base", "progress"), "progress.base")
        done = frozenset(index_of(item, "progress.done") for item in serial.list_from(data.get("done", []), "done"))
        rests = frozenset(index_of(item, "progress.rests") for item in serial.list_from(data.get("rests", []), "rests"))
        if any(not base <= index < base + WINDOW for index in done):
            raise ValueError("progress.done: a check-in lies outside the window")
        if any(index < base for index in rests) or len(rests) > WINDOW + MAX_PLANNED_RESTS:
            raise ValueError("progress.rests: a rest lies before the window, or too many rests")
        carry = serial.int_from(data.get("carry", 0), "progress.carry", minimum=0)
        best_before = serial.int_from(data.get("best_before", 0), "progress.best_before", minimum=carry)
        total = serial.int_from(data.get("total", 0), "progress.total", minimum=carry + len(done))
        habit_id = serial.text_from(serial.required(data, "habit_id", "progress"), "progress.habit_id", allow_empty=False)
        return cls(habit_id, cadence, base, done, rests, carry, best_before, total)


@dataclass(frozen=True)
class HabitEdit:
    """The two documents one edit changes; the store writes both or neither."""

    progress: HabitProgress
    month: CheckinMonth


def start_progress(habit: Habit) -> HabitProgress:
    """The index of a habit that has no check-ins yet."""
    return HabitProgress(habit.id, habit.cadence, period_index(habit.cadence, habit.started))


def _step(index: int, progress: HabitProgress, current: int, run: int, best: int) -> tuple[int, int]:
    if index in progress.done:
        run += 1
        return run, max(best, run)
    if index in progress.rests or index >= current:
        return run, best
    return 0, best  # missed


def _scan(progress: HabitProgress, current: int) -> tuple[int, int]:
    """(streak, best) with ``current`` as today's period."""
    run, best = progress.carry, progress.best_before
    anchor = max(current, max(progress.done, default=current))
    for index in range(progress.base, anchor + 1):
        run, best = _step(index, progress, current, run, best)
    return run, best


def _slide(progress: HabitProgress, current: int, extra: int | None = None) -> HabitProgress:
    """Move the window so the latest of today, ``extra`` and every check-in fits; fold what falls off."""
    anchor = max(current, extra if extra is not None else current, max(progress.done, default=current))
    if anchor < progress.base + WINDOW:
        return progress
    new_base = anchor - WINDOW + 1
    run, best = progress.carry, progress.best_before
    for index in range(progress.base, new_base):
        run, best = _step(index, progress, current, run, best)
    return replace(
        progress,
        base=new_base,
        done=frozenset(index for index in progress.done if index >= new_base),
        rests=frozenset(index for index in progress.rests if index >= new_base),
        carry=run,
        best_before=best,
    )


def _check(habit: Habit, progress: HabitProgress, month: CheckinMonth, day: date) -> None:
    if habit.id != progress.habit_id or habit.cadence is not progress.cadence:
        raise ValueError(f"progress of {progress.habit_id!r} used for habit {habit.id!r}")
    if month.month != filing_month(habit.cadence, day):
        raise ValueError(f"{day} is filed under {filing_month(habit.cadence, day)}, not {month.month}")
    if habit.archived:
        raise InputError(MSG_ARCHIVED)


def _editable(habit: Habit, index: int, current: int) -> None:
    if index > current:  # also refused when the day itself is after today (see check_in)
        raise InputError(MSG_FUTURE)
    if index <= current - EDITABLE:
        raise InputError(MSG_TOO_OLD[habit.cadence], {"count": str(EDITABLE)})
    if index < period_index(habit.cadence, habit.started):
        raise InputError(MSG_BEFORE_START, {"start": habit.started.isoformat()})


def check_in(habit: Habit, progress: HabitProgress, month: CheckinMonth, day: date, today: date) -> HabitEdit:
    """Tick ``day``'s period; ``month`` is the document ``filing_month(habit.cadence, day)`` names."""
    _check(habit, progress, month, day)
    index, current = period_index(habit.cadence, day), period_index(habit.cadence, today)
    if day > today:  # even inside the current week or month: a check-in records something done
        raise InputError(MSG_FUTURE)
    _editable(habit, index, current)
    slid = _slide(progress, current, index)
    if index < slid.base:  # only after a clock that ran far ahead came back
        raise InputError(MSG_TOO_OLD[habit.cadence], {"count": str(EDITABLE)})
    if index in slid.done:
        raise InputError(MSG_ALREADY_DONE[habit.cadence])
    updated = replace(slid, done=slid.done | {index}, total=slid.total + 1)
    return HabitEdit(updated, month.with_done(habit.id, day))


def undo_check_in(habit: Habit, progress: HabitProgress, month: CheckinMonth, day: date, today: date) -> HabitEdit:
    """Take back the check-in of ``day``'s period (a slip of the key, or ticked too early)."""
    _check(habit, progress, month, day)
    index, current = period_index(habit.cadence, day), period_index(habit.cadence, today)
    if index <= current - EDITABLE:
        raise InputError(MSG_TOO_OLD[habit.cadence], {"count": str(EDITABLE)})
    slid = _slide(progress, current)
    if index not in slid.done:
        raise InputError(MSG_NOTHING_TO_UNDO)
    updated = replace(slid, done=slid.done - {index}, total=slid.total - 1)
    return HabitEdit(updated, month.without_done(habit.id, habit.cadence, index))


def plan_rest(habit: Habit, progress: HabitProgress, month: CheckinMonth, day: date, today: date) -> HabitEdit:
    """Plan a rest for ``day``'s period (this one or a later one, at most a year ahead)."""
    _check(habit, progress, month, day)
    index, current = period_index(habit.cadence, day), period_index(habit.cadence, today)
    if index < current:
        raise InputError(MSG_REST_AHEAD_ONLY[habit.cadence])
    if day > today + REST_AHEAD:
        raise InputError(MSG_REST_TOO_FAR)
    slid = _slide(progress, current)
    if index in slid.done:
        raise InputError(MSG_REST_DONE)
    if index in slid.rests:
        raise InputError(MSG_REST_ALREADY)
    if sum(1 for rest in slid.rests if rest >= current) >= MAX_PLANNED_RESTS:
        raise InputError(MSG_REST_TOO_MANY, {"maximum": str(MAX_PLANNED_RESTS)})
    updated = replace(slid, rests=slid.rests | {index})
    return HabitEdit(updated, month.with_rest(habit.id, period_start(habit.cadence, index)))


def cancel_rest(habit: Habit, progress: HabitProgress, month: CheckinMonth, day: date, today: date) -> HabitEdit:
    """Drop a planned rest that has not passed yet."""
    _check(habit, progress, month, day)
    index, current = period_index(habit.cadence, day), period_index(habit.cadence, today)
    if index < current:
        raise InputError(MSG_REST_PASSED)
    slid = _slide(progress, current)
    if index not in slid.rests:
        raise InputError(MSG_REST_NONE)
    updated = replace(slid, rests=slid.rests - {index})
    return HabitEdit(updated, month.without_rest(habit.id, period_start(habit.cadence, index)))


def rebuild_progress(habit: Habit, months: Iterable[CheckinMonth], today: date) -> HabitProgress:
    """The index recomputed from every month document of the habit (recovery; any order of months).

    Entries before the habit's first period cannot have been made through this
    module and are left out.
    """
    start = period_index(habit.cadence, habit.started)
    done: set[int] = set()
    rests: set[int] = set()
    for month in months:
        done.update(period_index(habit.cadence, day) for day in month.days_done(habit.id))
        rests.update(period_index(habit.cadence, day) for day in month.rest_starts(habit.id))
    done = {index for index in done if index >= start}
    rests = {index for index in rests if index >= start}
    full = HabitProgress(habit.id, habit.cadence, start, frozenset(done), frozenset(rests), total=len(done))
    return _slide(full, period_index(habit.cadence, today))
