"""Period arithmetic at the edges: ISO weeks across a year end, month ends, leap days, 31 -> 30/29/28."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from jiebei_tui.domain.habits import (
    Cadence,
    clamp_day,
    filing_month,
    month_of,
    period_end,
    period_index,
    period_start,
    previous_month,
)


def test_an_iso_week_runs_monday_to_sunday_across_the_year_end() -> None:
    # 2026-12-28 is a Monday; 2027-01-03 the Sunday of the same ISO week (2026-W53).
    monday, sunday = date(2026, 12, 28), date(2027, 1, 3)
    assert monday.isocalendar()[1:] == (53, 1) and sunday.isocalendar()[1:] == (53, 7)
    week = period_index(Cadence.WEEKLY, monday)
    assert period_index(Cadence.WEEKLY, sunday) == week
    assert period_index(Cadence.WEEKLY, date(2026, 12, 27)) == week - 1
    assert period_index(Cadence.WEEKLY, date(2027, 1, 4)) == week + 1
    assert (period_start(Cadence.WEEKLY, week), period_end(Cadence.WEEKLY, week)) == (monday, sunday)
    # Filed under the month the week starts in.
    assert filing_month(Cadence.WEEKLY, date(2027, 1, 1)) == "2026-12"
    assert filing_month(Cadence.DAILY, date(2027, 1, 1)) == "2027-01"


def test_leap_day_and_month_ends() -> None:
    leap = date(2028, 2, 29)
    assert period_index(Cadence.DAILY, leap) + 1 == period_index(Cadence.DAILY, date(2028, 3, 1))
    month = period_index(Cadence.MONTHLY, leap)
    assert period_end(Cadence.MONTHLY, month) == leap
    assert period_end(Cadence.MONTHLY, period_index(Cadence.MONTHLY, date(2027, 2, 10))) == date(2027, 2, 28)
    assert period_index(Cadence.MONTHLY, date(2027, 12, 31)) + 1 == period_index(Cadence.MONTHLY, date(2028, 1, 1))
    assert period_start(Cadence.MONTHLY, month) == date(2028, 2, 1)


def test_a_due_day_past_the_month_end_falls_on_its_last_day() -> None:
    assert clamp_day(2026, 4, 31) == date(2026, 4, 30)
    assert clamp_day(2027, 2, 31) == date(2027, 2, 28)
    assert clamp_day(2028, 2, 31) == date(2028, 2, 29)
    assert clamp_day(2028, 2, 30) == date(2028, 2, 29)
    assert clamp_day(2026, 3, 31) == date(2026, 3, 31)


def test_month_keys() -> None:
    assert month_of(date(2026, 3, 9)) == "2026-03"
    assert previous_month("2026-01") == "2025-12"
    assert previous_month("2028-03") == "2028-02"


@given(st.sampled_from(list(Cadence)), st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)))
def test_every_day_lies_inside_its_period_and_periods_tile_the_calendar(cadence: Cadence, day: date) -> None:
    index = period_index(cadence, day)
    start, end = period_start(cadence, index), period_end(cadence, index)
    assert start <= day <= end
    assert period_index(cadence, start) == period_index(cadence, end) == index
    assert period_start(cadence, index + 1) == end + timedelta(days=1)
    if cadence is Cadence.WEEKLY:
        assert start.weekday() == 0 and start.isocalendar()[:2] == day.isocalendar()[:2]
