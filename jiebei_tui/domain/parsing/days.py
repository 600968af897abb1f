"""Calendar arithmetic the date readers share (Chinese and English forms mean the same days)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when there is no such day (2月30日)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def next_on_or_after(today: date, month: int, day: int) -> date | None:
    """Month-day without a year, looking forward (a promise)."""
    for year in (today.year, today.year + 1):
        candidate = safe_date(year, month, day)
        if candidate is not None and candidate >= today:
            return candidate
    return None


def next_day_of_month(today: date, day: int) -> date | None:
    """The next ``day`` of a month on or after today (the 31st in a 30-day month: the next month that has it)."""
    for months in range(3):
        year, month = add_months(today.year, today.month, months)
        candidate = safe_date(year, month, day)
        if candidate is not None and candidate >= today:
            return candidate
    return None


def month_end(today: date, months_ahead: int = 0) -> date:
    year, month = add_months(today.year, today.month, months_ahead)
    return date(year, month, calendar.monthrange(year, month)[1])


def weekday_date(today: date, weekday: int, weeks_ahead: int | None) -> date:
    """Weekday 0-6 of this week (0), next week (1)...; ``None``: the coming one, today included."""
    if weeks_ahead is None:
        return today + timedelta(days=(weekday - today.weekday()) % 7)
    return today - timedelta(days=today.weekday()) + timedelta(weeks=weeks_ahead, days=weekday)
