"""The full record of check-ins and planned rests, one document per month.

A check-in is filed under the month its *period* starts in (a weekly check-in
made on Wednesday 1 April belongs to the week of Monday 30 March, so it is
filed under March). That keeps "one check-in per period" answerable from a
single document. Rests are kept here too, so a habit's progress can always be
rebuilt from these documents alone. Home never reads them: it reads
:class:`~jiebei_tui.domain.habits.progress.HabitProgress`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from jiebei_tui.domain import serial
from jiebei_tui.domain.habits.periods import Cadence, add_months, month_of, period_index, period_start


def filing_month(cadence: Cadence, day: date) -> str:
    """Which month document a check-in or rest on ``day`` belongs to."""
    return month_of(period_start(cadence, period_index(cadence, day)))


def _days_map(value: Any, name: str) -> dict[str, tuple[date, ...]]:
    result: dict[str, tuple[date, ...]] = {}
    for habit_id, days in serial.mapping_from(value, name).items():
        parsed = sorted({serial.date_from(item, f"{name}.{habit_id}") for item in serial.list_from(days, f"{name}.{habit_id}")})
        if not parsed:
            continue
        result[habit_id] = tuple(parsed)
    return result


def _add(table: Mapping[str, tuple[date, ...]], habit_id: str, day: date) -> dict[str, tuple[date, ...]]:
    updated = dict(table)
    updated[habit_id] = tuple(sorted({*table.get(habit_id, ()), day}))
    return updated


def _remove(table: Mapping[str, tuple[date, ...]], habit_id: str, days: set[date]) -> dict[str, tuple[date, ...]]:
    updated = dict(table)
    kept = tuple(day for day in table.get(habit_id, ()) if day not in days)
    if kept:
        updated[habit_id] = kept
    else:
        updated.pop(habit_id, None)
    return updated


@dataclass(frozen=True)
class CheckinMonth:
    """``done``: habit id -> the days it was checked in; ``rests``: habit id -> planned rest period starts."""

    month: str
    done: Mapping[str, tuple[date, ...]] = field(default_factory=dict)
    rests: Mapping[str, tuple[date, ...]] = field(default_factory=dict)

    def days_done(self, habit_id: str) -> tuple[date, ...]:
        return self.done.get(habit_id, ())

    def rest_starts(self, habit_id: str) -> tuple[date, ...]:
        return self.rests.get(habit_id, ())

    def with_done(self, habit_id: str, day: date) -> CheckinMonth:
        return CheckinMonth(self.month, _add(self.done, habit_id, day), self.rests)

    def without_done(self, habit_id: str, cadence: Cadence, index: int) -> CheckinMonth:
        """Drop the check-in(s) of period ``index`` (whichever day of the period it was made on)."""
        days = {day for day in self.days_done(habit_id) if period_index(cadence, day) == index}
        return CheckinMonth(self.month, _remove(self.done, habit_id, days), self.rests)

    def with_rest(self, habit_id: str, start: date) -> CheckinMonth:
        return CheckinMonth(self.month, self.done, _add(self.rests, habit_id, start))

    def without_rest(self, habit_id: str, start: date) -> CheckinMonth:
        return CheckinMonth(self.month, self.done, _remove(self.rests, habit_id, {start}))

    def without_habit(self, habit_id: str) -> CheckinMonth:
        """Forget a deleted habit's record in this month."""
        done = {key: value for key, value in self.done.items() if key != habit_id}
        rests = {key: value for key, value in self.rests.items() if key != habit_id}
        return CheckinMonth(self.month, done, rests)

    def to_dict(self) -> dict[str, Any]:
        return {
            "month": self.month,
            "done": {habit_id: [day.isoformat() for day in days] for habit_id, days in sorted(self.done.items())},
            "rests": {habit_id: [day.isoformat() for day in days] for habit_id, days in sorted(self.rests.items())},
        }

    @classmethod
    def from_dict(cls, data: Any) -> CheckinMonth:
        """Refuses a day filed under the wrong month only where that is certain.

        A daily or monthly entry always lies in its month; a weekly one may run
        up to six days into the next, so days are checked against that span.
        """
        data = serial.mapping_from(data, "checkins")
        month = serial.month_from(serial.required(data, "month", "checkins"), "checkins.month")
        done = _days_map(data.get("done", {}), "checkins.done")
        rests = _days_map(data.get("rests", {}), "checkins.rests")
        year, number = add_months(int(month[:4]), int(month[5:]), 1)
        following = f"{year:04d}-{number:02d}"
        for table, name in ((done, "done"), (rests, "rests")):
            for habit_id, days in table.items():
                for day in days:
                    if not (month_of(day) == month or (month_of(day) == following and day.day <= 6)):
                        raise ValueError(f"checkins.{name}.{habit_id}: {day} is not filed under {month}")
        return cls(month, done, rests)
