"""Pure helpers of the call screens: times typed for missed calls, lines as shown in the log."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from jiebei_tui.domain.calls import RecordKind, correct, new_note, new_record
from jiebei_tui.ui.calls.widgets.text import note_line, parse_when

CST = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 23, 21, 50, 30, tzinfo=CST)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("", NOW.replace(microsecond=0)),
        ("21:47", datetime(2026, 11, 23, 21, 47, tzinfo=CST)),
        ("２１：４７", datetime(2026, 11, 23, 21, 47, tzinfo=CST)),  # full-width, as an IME types it
        ("2147", datetime(2026, 11, 23, 21, 47, tzinfo=CST)),
        ("9点", datetime(2026, 11, 23, 9, 0, tzinfo=CST)),
        ("9点05分", datetime(2026, 11, 23, 9, 5, tzinfo=CST)),
        ("23:10", datetime(2026, 11, 22, 23, 10, tzinfo=CST)),  # later than now: it was yesterday
        ("昨天 21:47", datetime(2026, 11, 22, 21, 47, tzinfo=CST)),
        ("前天 8:00", datetime(2026, 11, 21, 8, 0, tzinfo=CST)),
        ("11-20 07:59", datetime(2026, 11, 20, 7, 59, tzinfo=CST)),
        ("2026-11-20 22:00", datetime(2026, 11, 20, 22, 0, tzinfo=CST)),
        ("11月20日 22:00", datetime(2026, 11, 20, 22, 0, tzinfo=CST)),
    ],
)
def test_times_typed_for_missed_calls(typed: str, expected: datetime) -> None:
    assert parse_when(typed, NOW) == expected


@pytest.mark.parametrize("typed", ["25:00", "12:61", "2-30 10:00", "soon", "10:00 pm"])
def test_unreadable_times_are_refused(typed: str) -> None:
    assert parse_when(typed, NOW) is None


def test_a_log_line_shows_kind_offset_terms_and_the_original_of_a_correction() -> None:
    record = new_record("r", RecordKind.CALL, NOW)
    note = new_note("n", record, "诺:下周还2000", NOW + timedelta(seconds=75))
    shown = note_line(correct(note, "下周五还2000元", NOW + timedelta(seconds=90))).plain
    assert shown.startswith("+01:15")
    assert "下周五还2000元" in shown and "2026-12-04" in shown and "¥2,000.00" in shown
    assert "下周还2000" in shown  # the first version stays visible


def test_a_log_line_never_carries_control_characters() -> None:
    record = new_record("r", RecordKind.CALL, NOW)
    shown = note_line(new_note("n", record, "a\x1b[31mb\x07\u202ec\nd", NOW)).plain
    assert not any(ord(char) < 0x20 or char == "\u202e" for char in shown)
