"""Due dates keep the due day: 31 → 30/28/29 in shorter months, and back to 31 after them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jiebei_tui.domain.plans import add_months, default_first_due, due_dates, next_due_after


def test_the_31st_becomes_each_months_last_day_and_comes_back() -> None:
    assert due_dates(date(2027, 1, 31), 6) == (
        date(2027, 1, 31),
        date(2027, 2, 28),
        date(2027, 3, 31),
        date(2027, 4, 30),
        date(2027, 5, 31),
        date(2027, 6, 30),
    )


def test_leap_years_give_the_29th_of_february() -> None:
    assert add_months(date(2027, 12, 31), 2) == date(2028, 2, 29)
    assert add_months(date(2028, 1, 30), 1) == date(2028, 2, 29)
    assert add_months(date(2100, 1, 31), 1) == date(2100, 2, 28)  # not a leap year (century)
    assert add_months(date(2000, 1, 31), 1) == date(2000, 2, 29)  # a leap year (400)


def test_a_shortened_first_date_keeps_the_due_day_it_was_given() -> None:
    assert due_dates(date(2027, 2, 28), 3, due_day=31) == (date(2027, 2, 28), date(2027, 3, 31), date(2027, 4, 30))
    assert due_dates(date(2027, 2, 28), 2) == (date(2027, 2, 28), date(2027, 3, 28))


def test_months_cross_the_year() -> None:
    assert add_months(date(2026, 11, 15), 3) == date(2027, 2, 15)
    assert add_months(date(2027, 3, 31), -1) == date(2027, 2, 28)


def test_next_due_after_is_strictly_later() -> None:
    assert next_due_after(date(2027, 1, 20), 20) == date(2027, 2, 20)
    assert next_due_after(date(2027, 1, 19), 20) == date(2027, 1, 20)
    assert next_due_after(date(2027, 2, 28), 31) == date(2027, 3, 31)
    assert next_due_after(date(2027, 2, 27), 31) == date(2027, 2, 28)


def test_a_new_plan_pays_first_at_least_a_week_after_it_starts() -> None:
    assert default_first_due(date(2026, 12, 30), 31) == date(2027, 1, 31)
    assert default_first_due(date(2026, 12, 1), 20) == date(2026, 12, 20)
    assert default_first_due(date(2026, 12, 14), 20) == date(2027, 1, 20)
    assert default_first_due(date(2027, 1, 31), None) == date(2027, 2, 28)


@settings(max_examples=300, deadline=None)
@given(
    first=st.dates(min_value=date(2020, 1, 1), max_value=date(2040, 12, 31)),
    due_day=st.integers(min_value=1, max_value=31),
    count=st.integers(min_value=1, max_value=40),
)
def test_every_due_date_is_the_due_day_or_the_months_last_day(first: date, due_day: int, count: int) -> None:
    dates = due_dates(first, count, due_day)
    for months, day in enumerate(dates):
        expected_month = (first.month - 1 + months) % 12 + 1
        assert day.month == expected_month
        last = (date(day.year + (day.month == 12), day.month % 12 + 1, 1) - timedelta(days=1)).day
        assert day.day == min(due_day, last)
    assert list(dates) == sorted(set(dates))


@pytest.mark.parametrize("due_day", [28, 29, 30, 31])
def test_periods_are_between_28_and_31_days_after_the_first(due_day: int) -> None:
    dates = due_dates(date(2027, 1, due_day), 24, due_day)
    gaps = {(b - a).days for a, b in zip(dates, dates[1:], strict=False)}
    assert gaps <= {28, 29, 30, 31}
