"""Cadences and their periods: a day, an ISO week (Monday to Sunday) or a calendar month.

Periods are numbered with plain integers so streaks and windows are simple
arithmetic that cannot slip at a month end, a leap day or a year boundary:
a day is its proleptic ordinal, a week counts Mondays from 0001-01-01 (itself
a Monday), a month is ``year * 12 + month - 1``.

All dates here are the user's *local* dates: callers turn "now" into a date in
the user's chosen zone before calling anything in this package.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from jiebei_tui.domain.labels import LabelledEnum
from jiebei_tui.i18n import N_


class Cadence(LabelledEnum):
    """How often a habit is due; stored by value."""

    DAILY = "daily", N_("Every day")
    WEEKLY = "weekly", N_("Every week")
    MONTHLY = "monthly", N_("Every month")


def period_index(cadence: Cadence, day: date) -> int:
    """The number of the period ``day`` falls in."""
    if cadence is Cadence.DAILY:
        return day.toordinal()
    if cadence is Cadence.WEEKLY:
        return (day.toordinal() - 1) // 7  # ordinal 1 (0001-01-01) is a Monday
    return day.year * 12 + day.month - 1


def period_start(cadence: Cadence, index: int) -> date:
    """First day of period ``index``: the day itself, its Monday, or the 1st of the month."""
    if cadence is Cadence.DAILY:
        return date.fromordinal(index)
    if cadence is Cadence.WEEKLY:
        return date.fromordinal(index * 7 + 1)
    return date(index // 12, index % 12 + 1, 1)


def period_end(cadence: Cadence, index: int) -> date:
    """Last day of period ``index`` (a Sunday for weeks, the 28th–31st for months)."""
    start = period_start(cadence, index)
    if cadence is Cadence.DAILY:
        return start
    if cadence is Cadence.WEEKLY:
        return start + timedelta(days=6)
    return start.replace(day=calendar.monthrange(start.year, start.month)[1])


def month_of(day: date) -> str:
    """``"2026-03"``: the key month documents are filed under."""
    return f"{day.year:04d}-{day.month:02d}"


def clamp_day(year: int, month: int, day: int) -> date:
    """Day ``day`` of a month, moved back to the month's last day when it has fewer (31 -> 30/29/28)."""
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def previous_month(key: str) -> str:
    """``"2026-01"`` -> ``"2025-12"``."""
    year, month = add_months(int(key[:4]), int(key[5:7]), -1)
    return f"{year:04d}-{month:02d}"
