"""Cut off while another session holds the lock: what is in memory goes to an emergency file, merged at the next start."""

from __future__ import annotations

import json
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from filelock import FileLock, Timeout

from jiebei_tui import locations
from jiebei_tui.store.drafts import DraftKeeper
from jiebei_tui.store.emergency import emergency_files
from jiebei_tui.store.locking import LOCK_TIMEOUT_SECONDS
from jiebei_tui.store.schema import SCHEMA_VERSION
from jiebei_tui.store.settings import Preferences, SettingsRepo
from jiebei_tui.store.store import open_store

CST = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 23, 20, 30, tzinfo=CST)


def held_lock(data_dir: Path) -> FileLock:
    lock = FileLock(str(locations.lock_file(data_dir)))
    lock.acquire()
    return lock


def test_leaving_stops_a_lock_wait_and_the_changes_go_to_the_emergency_file(data_dir: Path) -> None:
    store, _ = open_store(data_dir)
    drafts = DraftKeeper(store, lambda: NOW)
    store.put("notes", "n1", {"record_id": "r", "text": "saved before"})
    other = held_lock(data_dir)
    try:
        store.leave()  # as the SIGHUP handler does
        started = time.monotonic()
        assert store.put("notes", "n2", {"record_id": "r", "text": "typed while locked"}) is False
        drafts.set("calls.note.r", {"text": "half a sentence"})
        assert time.monotonic() - started < 1.0  # tried once, did not wait LOCK_TIMEOUT_SECONDS
        path = store.write_emergency(drafts.unsaved())
    finally:
        other.release()
    assert path is not None and path.parent == data_dir and path.stat().st_mode & 0o077 == 0
    assert not (data_dir / "drafts.json").exists() or "half" not in (data_dir / "drafts.json").read_text("utf-8")

    fresh, report = open_store(data_dir)
    assert [(e.changes, e.merged) for e in report.emergencies] == [(2, True)]
    assert sorted(doc["text"] for doc in fresh.all("notes", period="r")) == ["saved before", "typed while locked"]
    assert fresh.get("drafts", "calls.note.r")["value"] == {"text": "half a sentence"}
    assert emergency_files(data_dir) == []
    assert not open_store(data_dir)[1].emergencies  # merged once, said once


def test_a_draft_typed_on_in_another_session_is_not_overwritten_by_an_older_emergency(data_dir: Path) -> None:
    store, _ = open_store(data_dir)
    old = DraftKeeper(store, lambda: NOW)
    old.set("k", "older")
    other = held_lock(data_dir)
    store.leave()
    try:
        old.flush()
        assert store.write_emergency(old.unsaved()) is not None
    finally:
        other.release()
    newer_session, _ = open_store(data_dir)  # merges it: "older" is the only draft so far
    assert newer_session.get("drafts", "k")["value"] == "older"
    later = DraftKeeper(newer_session, lambda: NOW + timedelta(minutes=5))
    later.set("k", "newer")
    later.flush()
    # A second cut-off session with an even older draft: its emergency file does not win.
    (data_dir / "emergency-1-x.json").write_text(
        json.dumps(
            {
                "_meta": {"schema": {"version": SCHEMA_VERSION, "kind": "emergency"}},
                "changes": [["drafts", None, [["k", {"value": "stale", "saved_at": NOW.isoformat()}]]]],
            }
        ),
        encoding="utf-8",
    )
    assert open_store(data_dir)[0].get("drafts", "k")["value"] == "newer"


def test_a_damaged_or_hostile_emergency_file_is_set_aside_and_said(data_dir: Path) -> None:
    open_store(data_dir)
    (data_dir / "emergency-7-a.json").write_bytes(b"{not json")
    (data_dir / "emergency-8-b.json").write_text(
        json.dumps({"_meta": {"schema": {"version": 2, "kind": "emergency"}}, "changes": [["notes", "../../x", []]]}),
        encoding="utf-8",
    )
    store, report = open_store(data_dir)
    assert sorted(e.merged for e in report.emergencies) == [False, False]
    assert emergency_files(data_dir) == [] and len(list(data_dir.glob("emergency-*.corrupt-*"))) == 2
    assert not (data_dir.parent / "x.json").exists()


def test_update_without_the_lock_keeps_the_change_in_memory_instead_of_crashing(data_dir: Path) -> None:
    store, _ = open_store(data_dir)
    store.put("calls", "c", {"started_at": "2026-11-23T20:30:00+08:00", "checklist": []})
    store._lock.timeout = 0.2  # type: ignore[attr-defined]  # the test does not wait LOCK_TIMEOUT_SECONDS
    other = held_lock(data_dir)
    try:
        assert store.update("calls", "c", lambda doc: doc["checklist"].append("stayed_calm")) is False
        assert isinstance(store.last_error, Timeout) and store.pending_count == 1
        assert store.get("calls", "c")["checklist"] == ["stayed_calm"]  # shown at once
    finally:
        other.release()
    assert store.retry_pending() is True
    assert open_store(data_dir)[0].get("calls", "c")["checklist"] == ["stayed_calm"]
    assert LOCK_TIMEOUT_SECONDS == 5.0


def test_settings_that_are_not_understood_fall_back_to_the_defaults_and_are_said_once(data_dir: Path) -> None:
    store, _ = open_store(data_dir)
    store.put("settings", "preferences", {"language": "xx", "theme": ["x"], "timezone": 12345})
    repo = SettingsRepo(store)
    assert repo.load() == Preferences()
    assert sorted(name for name, _value in store.take_news().ignored_settings) == ["language", "theme", "timezone"]
    repo.load()
    assert not store.take_news().has_news
    store.put("settings", "preferences", {"language": "ZH_hant"})
    assert repo.load().language == "zh-Hant"  # spelled another way, still understood
