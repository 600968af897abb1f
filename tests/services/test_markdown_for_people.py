"""The Markdown export read as a person would read it: a document in their language, not a dump of the files."""

from __future__ import annotations

import io
import re
from datetime import datetime, timezone
from pathlib import Path

from jiebei_tui.domain.calls import (
    LetterKind,
    NoteKind,
    RecordKind,
    change_kind,
    correct,
    missed_call,
    new_note,
    new_record,
)
from jiebei_tui.domain.instants import BEIJING
from jiebei_tui.domain.markdown_export import ExportPage
from jiebei_tui.factory import open_services
from jiebei_tui.i18n import _, ngettext, set_language
from jiebei_tui.store.export import stream_export

UTC = timezone.utc
NOW = datetime(2026, 12, 2, 2, 0, tzinfo=UTC)
# What a dump would show and a person should never see.
INTERNAL = ("_id", "record_id", "offset_seconds", "they_said", "i_said", "kind:", "call_commitments", "manual_flags", "started_at")
UUID = re.compile(r"\b[0-9a-f]{32}\b|\b[0-9a-f]{8}-[0-9a-f]{4}-")


def fill(data_dir: Path) -> None:
    services = open_services(data_dir, clock=lambda: NOW)
    repo = services.calls
    call = new_record(repo.new_id(), RecordKind.CALL, datetime(2026, 12, 1, 14, 30, tzinfo=UTC), "+86 138-0013-8000")
    call = call.with_identity(call.identity.with_value("institution", "某资产管理公司")).ended(
        datetime(2026, 12, 1, 14, 40, tzinfo=UTC)
    )
    repo.save(call)
    said = new_note(repo.new_id(), call, "他:今天必须还5000.00", datetime(2026, 12, 1, 14, 31, tzinfo=UTC))
    said = correct(said, "今天必须还5000元", datetime(2026, 12, 1, 14, 50, tzinfo=UTC))
    repo.save_note(call, said)
    refiled = change_kind(
        new_note(repo.new_id(), call, "我会周五前还一部分", datetime(2026, 12, 1, 14, 33, tzinfo=UTC)),
        NoteKind.COMMITMENT,
        datetime(2026, 12, 1, 14, 55, tzinfo=UTC),
    )
    repo.save_note(call, refiled)
    repo.save_note(call, new_note(repo.new_id(), call, "!说要告诉我的同事", datetime(2026, 12, 1, 14, 35, tzinfo=UTC)))
    for index in range(7):
        repo.save(missed_call(repo.new_id(), f"1390000000{index}", datetime(2026, 12, 1, 1 + index, tzinfo=UTC)))
    set_language("zh-Hans")
    services.letters.new(LetterKind.COMPLAINT, [call], _)


def export(data_dir: Path, language: str, zone: timezone = BEIJING) -> str:
    set_language(language)  # the app's own translate: it knows message contexts
    services = open_services(data_dir, clock=lambda: NOW)
    out = io.StringIO()
    stream_export(services.store, "markdown", ExportPage(_, zone, NOW, ngettext), out)
    return out.getvalue()


def test_the_chinese_export_reads_as_a_document(data_dir: Path) -> None:
    fill(data_dir)
    text = export(data_dir, "zh-Hans")
    for word in INTERNAL:
        assert word not in text, word
    assert UUID.search(text) is None
    assert "<br>" not in text
    assert "2026\\-12\\-01" not in text and "5000\\.00" not in text  # escaping only where Markdown needs it
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings[0].startswith("# ") and not re.search(r"[A-Za-z]{4,}", headings[0].replace("jiebei-tui", ""))
    assert "北京时间" in text  # the zone is said
    assert "22:30" in text and "14:30" not in text  # times on the user's clock, not the server's
    assert max(len(line) for line in text.splitlines()) < 400  # no whole section on one line
    assert "今天必须还5000.00" in text and "今天必须还5000元" in text  # the original and its correction
    assert "致：国家金融监督管理总局" in text or "12378" in text  # the saved letter is in it


def test_the_english_export_has_no_chinese_ui_words_and_says_its_zone(data_dir: Path) -> None:
    fill(data_dir)
    text = export(data_dir, "en", zone=UTC)
    assert "All times are in UTC." in text
    assert "14:30" in text
    for word in ("record_id", "offset_seconds", "they_said"):
        assert word not in text


def test_a_kind_change_is_shown_after_the_original(data_dir: Path) -> None:
    fill(data_dir)
    text = export(data_dir, "en")
    original = text.index("| 2026-12-01 22:33:00 | +03:00 | Note | 我会周五前还一部分 |")
    refiled = text.index("| 2026-12-01 22:55:00 | +25:00 | Correction | the line of 2026-12-01 22:33:00 was re-filed: Note → Commitment |")
    assert original < refiled


def test_seven_attempts_from_seven_numbers_are_one_flagged_day(data_dir: Path) -> None:
    fill(data_dir)
    text = export(data_dir, "en")
    assert "| 2026-12-01 | **7** (more than six) |" in text
    assert "should not" in text
