"""Dates and times as typed: one grammar for a note, a date field and a time field."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jiebei_tui.domain.parsing.dates import (
    MSG_DATE_FORMAT,
    MSG_DATE_IN_FUTURE,
    MSG_DATE_TOO_OLD,
    MSG_NO_SUCH_DATE,
    MSG_TIME_FORMAT,
    MSG_TIME_IN_FUTURE,
    find_dates,
    parse_date,
    parse_moment,
    span_order,
)
from jiebei_tui.domain.parsing.errors import InputError

CST = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 23, 21, 50, 30, tzinfo=CST)
TODAY = NOW.date()  # a Monday

# ---- one time field (a missed call) ---------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("", NOW.replace(microsecond=0)),
        ("\u3000", NOW.replace(microsecond=0)),
        ("21:47", datetime(2026, 11, 23, 21, 47, tzinfo=CST)),
        ("２１：４７", datetime(2026, 11, 23, 21, 47, tzinfo=CST)),  # full-width, as an IME types it
        ("2147", datetime(2026, 11, 23, 21, 47, tzinfo=CST)),
        ("9点", datetime(2026, 11, 23, 9, 0, tzinfo=CST)),
        ("9点05分", datetime(2026, 11, 23, 9, 5, tzinfo=CST)),
        ("9點05分", datetime(2026, 11, 23, 9, 5, tzinfo=CST)),
        ("23:10", datetime(2026, 11, 22, 23, 10, tzinfo=CST)),  # later than now: it was yesterday
        ("昨天 21:47", datetime(2026, 11, 22, 21, 47, tzinfo=CST)),
        ("Yesterday 21:47", datetime(2026, 11, 22, 21, 47, tzinfo=CST)),
        ("前天 8:00", datetime(2026, 11, 21, 8, 0, tzinfo=CST)),
        ("今天 8:00", datetime(2026, 11, 23, 8, 0, tzinfo=CST)),
        ("11-20 07:59", datetime(2026, 11, 20, 7, 59, tzinfo=CST)),
        ("2026-11-20 22:00", datetime(2026, 11, 20, 22, 0, tzinfo=CST)),
        ("11月20日 22:00", datetime(2026, 11, 20, 22, 0, tzinfo=CST)),
        ("11月20日22:00", datetime(2026, 11, 20, 22, 0, tzinfo=CST)),
        ("12-31 10:00", datetime(2025, 12, 31, 10, 0, tzinfo=CST)),  # no year: the latest one that has passed
    ],
)
def test_times_typed_for_missed_calls(typed: str, expected: datetime) -> None:
    assert parse_moment(typed, NOW) == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("25:00", MSG_TIME_FORMAT),
        ("12:61", MSG_TIME_FORMAT),
        ("soon", MSG_TIME_FORMAT),
        ("10:00 pm", MSG_TIME_FORMAT),
        ("21.47", MSG_TIME_FORMAT),
        ("2-30 10:00", MSG_NO_SUCH_DATE),
        ("明天 9:00", MSG_TIME_IN_FUTURE),
        ("11-23 21:55", MSG_TIME_IN_FUTURE),  # dated today, five minutes ahead: not "yesterday"
    ],
)
def test_times_that_cannot_be_a_missed_call_are_refused(typed: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_moment(typed, NOW)
    assert caught.value.message == message


moments = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2026, 11, 23, 21, 50)).map(
    lambda moment: moment.replace(second=0, microsecond=0, tzinfo=CST)
)


@settings(max_examples=200, deadline=None)
@given(moments)
def test_a_written_moment_reads_back(moment: datetime) -> None:
    assert parse_moment(f"{moment:%Y-%m-%d %H:%M}", NOW) == moment
    assert parse_moment(f"{moment:%Y年%m月%d日 %H点%M分}", NOW) == moment


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30) | st.text(alphabet="0123456789:-/.年月日号點点时分 昨天前今明", max_size=20))
def test_a_time_field_only_raises_input_error(text: str) -> None:
    try:
        moment = parse_moment(text, NOW)
    except InputError as error:
        error.english()
    else:
        assert moment <= NOW and moment.tzinfo is CST


# ---- one date field (a missed due date) -----------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-10-02", date(2026, 10, 2)),
        ("2026/10/2", date(2026, 10, 2)),
        ("2026.10.02", date(2026, 10, 2)),
        ("2026年10月2日", date(2026, 10, 2)),
        ("2026年10月2號", date(2026, 10, 2)),
        ("10月2日", date(2026, 10, 2)),
        ("10-2", date(2026, 10, 2)),
        ("11-23", TODAY),
        ("12-24", date(2025, 12, 24)),  # no year: the latest one not after today
        ("２０２６－１０－０２", date(2026, 10, 2)),
    ],
)
def test_a_date_field(typed: str, expected: date) -> None:
    assert parse_date(typed, TODAY) == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", MSG_DATE_FORMAT),
        ("52", MSG_DATE_FORMAT),
        ("yesterday", MSG_DATE_FORMAT),
        ("2026-10", MSG_DATE_FORMAT),
        ("2026-11-24", MSG_DATE_IN_FUTURE),
        ("2026-02-30", MSG_NO_SUCH_DATE),
        ("13-01", MSG_NO_SUCH_DATE),
        ("2001-01-01", MSG_DATE_TOO_OLD),
    ],
)
def test_a_date_field_says_what_is_wrong(typed: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_date(typed, TODAY)
    assert caught.value.message == message


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=TODAY - timedelta(days=3650), max_value=TODAY))
def test_a_written_date_reads_back(day: date) -> None:
    assert parse_date(day.isoformat(), TODAY) == day
    assert parse_date(f"{day.year}年{day.month}月{day.day}日", TODAY) == day


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30) | st.text(alphabet="0123456789-/.年月日号號 ", max_size=16))
def test_a_date_field_only_raises_input_error(text: str) -> None:
    try:
        day = parse_date(text, TODAY)
    except InputError as error:
        error.english()
    else:
        assert TODAY - timedelta(days=3650) <= day <= TODAY


# ---- dates in free text ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-05还", date(2026, 12, 5)),
        ("12月5號前", date(2026, 12, 5)),
        ("12/5", date(2026, 12, 5)),
        ("1月10日", date(2027, 1, 10)),  # a promise looks forward
        ("下月5号", date(2026, 12, 5)),
        ("下週五", date(2026, 12, 4)),
        ("大後天", date(2026, 11, 26)),
        ("月底", date(2026, 11, 30)),
        # English, with the same meanings (TODAY is a Monday)
        ("by Friday", date(2026, 11, 27)),
        ("on Monday", date(2026, 11, 23)),  # the coming one, today included, as 周一
        ("this Fri", date(2026, 11, 27)),
        ("next friday", date(2026, 12, 4)),  # next week's, as 下周五
        ("Dec 5th", date(2026, 12, 5)),
        ("5 December", date(2026, 12, 5)),
        ("the 5th of Dec", date(2026, 12, 5)),
        ("Jan 10", date(2027, 1, 10)),  # a promise looks forward
        ("by the 31st", date(2026, 12, 31)),  # November has no 31st
        ("the day after tomorrow", date(2026, 11, 25)),
        ("Tomorrow.", date(2026, 11, 24)),
        ("end of next month", date(2026, 12, 31)),
    ],
)
def test_the_first_date_in_a_note(text: str, expected: date) -> None:
    spans = [span for span in find_dates(text, TODAY) if span.date is not None]
    assert min(spans, key=span_order).date == expected


def test_free_text_leaves_ranges_amounts_and_the_past_alone() -> None:
    assert find_dates("分10-15期还", TODAY) == []  # a range, not October 15
    assert find_dates("还10.15元", TODAY) == []  # an amount
    assert find_dates("5日内", TODAY) == []  # within five days
    assert find_dates("昨天说的", TODAY) == []  # a due date is never in the past
    assert [span.date for span in find_dates("2月30日", TODAY)] == [None]  # a date-like span, but no date
    assert find_dates("I sat in the sun on a wed day", TODAY) == []  # short day names count capitalised
    assert find_dates("the 3rd payment", TODAY) == []  # a rank, not a day of the month
    assert find_dates("yesterday they called", TODAY) == []
    assert [span.date for span in find_dates("Feb 30", TODAY)] == [None]
