"""Dated reminders as an iCalendar (.ics) file any phone or desktop calendar can import.

Plans export their instalments, Habits every due day and promise; both go through
here so each event looks the same: an all-day event on the due date, a stable UID
(so importing again updates instead of duplicating) and a display alarm the day
before. Texts arrive already translated; nothing here states a fact.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from jiebei_tui.domain.text_safety import sanitize_inline

PRODUCT_ID = "-//jiebei-tui//reminders//"
UID_DOMAIN = "jiebei-tui.local"
REMIND_BEFORE = timedelta(days=1)


@dataclass(frozen=True)
class CalendarEvent:
    """One dated reminder; ``key`` must be stable for the same item across exports."""

    key: str
    day: date
    title: str
    description: str = ""


def calendar_bytes(events: Iterable[CalendarEvent], *, stamp: datetime, name: str) -> bytes:
    """The .ics file for ``events``; ``stamp`` (aware) becomes each event's DTSTAMP."""
    if stamp.tzinfo is None:
        raise ValueError("stamp must be timezone-aware")
    from icalendar import Alarm, Calendar, Event  # only when a file is written: importing it took ~10% of start-up

    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", sanitize_inline(name))
    for item in events:
        event = Event()
        event.add("uid", f"{item.key}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("dtstart", item.day)
        event.add("dtend", item.day + timedelta(days=1))
        event.add("summary", sanitize_inline(item.title))
        if item.description:
            event.add("description", sanitize_inline(item.description))
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", sanitize_inline(item.title))
        alarm.add("trigger", -REMIND_BEFORE)
        event.add_component(alarm)
        calendar.add_component(event)
    ical: bytes = calendar.to_ical()
    return ical
