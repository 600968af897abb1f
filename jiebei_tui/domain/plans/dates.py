"""Due dates that keep the due day: a loan due on the 31st is due on the 30th, 28th or 29th in shorter months."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Final

# A new plan's first payment is at least this far off: time to agree it and arrange the money.
MIN_LEAD_DAYS: Final = 7


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def on_due_day(year: int, month: int, due_day: int) -> date:
    """``due_day`` in that month, or the month's last day when it is shorter (31 -> 30/28/29)."""
    return date(year, month, min(due_day, last_day(year, month)))


def add_months(day: date, months: int, due_day: int | None = None) -> date:
    """The date ``months`` later on ``due_day`` (default: ``day``'s own day).

    Always counted from the due day, never from an already shortened date, so
    31 Jan -> 28 Feb -> 31 Mar rather than 28 Mar.
    """
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    return on_due_day(year, month + 1, due_day if due_day is not None else day.day)


def due_dates(first_due: date, count: int, due_day: int | None = None) -> tuple[date, ...]:
    """``count`` monthly due dates starting at ``first_due``, all on ``due_day`` (default: first_due's day)."""
    day = due_day if due_day is not None else first_due.day
    return tuple(add_months(first_due, months, day) for months in range(count))


def next_due_after(after: date, due_day: int) -> date:
    """The first date strictly after ``after`` that falls on ``due_day`` (month ends honoured)."""
    candidate = on_due_day(after.year, after.month, due_day)
    if candidate > after:
        return candidate
    return add_months(date(after.year, after.month, 1), 1, due_day)


def default_first_due(start: date, due_day: int | None) -> date:
    """The first due date of a new plan (the user may change it): the first ``due_day`` at least
    MIN_LEAD_DAYS after ``start``, or one month after ``start`` without a due day."""
    if due_day is None:
        return add_months(start, 1)
    return next_due_after(start + timedelta(days=MIN_LEAD_DAYS - 1), due_day)
