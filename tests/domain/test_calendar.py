"""The .ics file: parses back, one all-day event per reminder, an alarm the day before, stable UIDs."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from icalendar import Calendar

from jiebei_tui.domain.calendar import CalendarEvent, calendar_bytes

STAMP = datetime(2026, 12, 2, 9, 0, tzinfo=timezone.utc)


def test_events_parse_back_with_alarm_the_day_before() -> None:
    events = [
        CalendarEvent("plan-a-1", date(2026, 12, 31), "还款 ¥1,000.00", "第 1 期，共 6 期"),
        CalendarEvent("promise-b", date(2027, 2, 28), "Repay ¥500.00"),
    ]
    parsed = Calendar.from_ical(calendar_bytes(events, stamp=STAMP, name="借呗"))
    found = list(parsed.walk("VEVENT"))
    assert [str(event["summary"]) for event in found] == ["还款 ¥1,000.00", "Repay ¥500.00"]
    assert [event.decoded("dtstart") for event in found] == [date(2026, 12, 31), date(2027, 2, 28)]
    assert [str(event["uid"]) for event in found] == ["plan-a-1@jiebei-tui.local", "promise-b@jiebei-tui.local"]
    alarms = list(found[0].walk("VALARM"))
    assert len(alarms) == 1 and alarms[0].decoded("trigger") == -timedelta(days=1)


def test_control_characters_never_reach_the_file() -> None:
    raw = calendar_bytes([CalendarEvent("k", date(2026, 12, 31), "a\x1b]0;x\x07b\u202e")], stamp=STAMP, name="n")
    assert b"\x1b" not in raw and b"\x07" not in raw and "\u202e".encode() not in raw


def test_a_naive_stamp_is_refused() -> None:
    with pytest.raises(ValueError):
        calendar_bytes([], stamp=datetime(2026, 12, 2), name="n")
