"""Pure helpers of the call screens: lines as shown in the log."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from jiebei_tui.domain.calls import RecordKind, correct, new_note, new_record
from jiebei_tui.ui.calls.widgets.text import note_line

CST = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 23, 21, 50, 30, tzinfo=CST)


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
