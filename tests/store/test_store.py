"""The store in one process: documents, failures kept in memory, recovery, permissions, schema."""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path

import pytest

from jiebei_tui import locations
from jiebei_tui.store.errors import ImportRefusedError, NewerSchemaError
from jiebei_tui.store.export import dumps, export_document, import_document
from jiebei_tui.store.schema import SCHEMA_VERSION
from jiebei_tui.store.store import is_empty, new_id, open_store


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_put_get_replace_delete(data_dir: Path) -> None:
    store, report = open_store(data_dir)
    assert report.created
    doc_id = new_id()
    assert store.put("calls", doc_id, {"who": "张三", "tags": ["a"]})
    assert store.get("calls", doc_id) == {"who": "张三", "tags": ["a"], "id": doc_id}
    store.put("calls", doc_id, {"who": "李四"})
    assert store.all("calls") == [{"who": "李四", "id": doc_id}]  # replaced, not merged
    store.delete("calls", doc_id)
    assert store.all("calls") == []


def test_returned_documents_are_copies(data_dir: Path) -> None:
    store, _ = open_store(data_dir)
    store.put("plans", "p1", {"items": [1, 2]})
    doc = store.get("plans", "p1")
    assert doc is not None
    doc["items"].append(3)
    assert store.get("plans", "p1") == {"items": [1, 2], "id": "p1"}


def test_ids_are_ours_not_tinydb_auto_ids(data_dir: Path) -> None:
    store, _ = open_store(data_dir)
    doc_id = new_id()
    store.put("calls", doc_id, {"x": 1})
    raw = json.loads(locations.main_file(data_dir).read_text(encoding="utf-8"))
    assert list(raw["calls"]) == [doc_id]
    assert raw["_meta"]["schema"]["version"] == SCHEMA_VERSION


def test_notes_are_split_by_month(data_dir: Path) -> None:
    store, _ = open_store(data_dir)
    store.put("notes", "n1", {"text": "十一月"}, period="2026-11")
    store.put("notes", "n2", {"text": "十二月"}, period="2026-12")
    assert store.periods("notes") == ["2026-11", "2026-12"]
    assert [d["text"] for d in store.all("notes", period="2026-12")] == ["十二月"]
    assert locations.notes_file(data_dir, "2026-11").exists()
    with pytest.raises(ValueError):
        store.put("notes", "n3", {}, period="../evil")
    with pytest.raises(ValueError):
        store.put("calls", "c1", {}, period="2026-11")


def _fail_writes(monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    def refuse(path: Path, data: bytes, *, backup: Path | None = None) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr("jiebei_tui.store.storage.atomic_write", refuse)


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS])
def test_failed_write_is_kept_in_memory_and_retried(data_dir: Path, monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    store, _ = open_store(data_dir)
    store.put("calls", "before", {"n": 0})
    before = locations.main_file(data_dir).read_bytes()
    with monkeypatch.context() as patch:
        _fail_writes(patch, code)
        assert store.put("calls", "c1", {"n": 1}) is False
        assert store.put("calls", "c2", {"n": 2}) is False
        assert store.pending_count == 2
        assert isinstance(store.last_error, OSError) and store.last_error.errno == code
        # Reads show what is waiting, exports include it, and the file on disk is untouched.
        assert {d["id"] for d in store.all("calls")} == {"before", "c1", "c2"}
        assert set(export_document(store, _now())["tables"]["calls"]) == {"before", "c1", "c2"}
        assert locations.main_file(data_dir).read_bytes() == before
        assert store.retry_pending() is False
    assert store.retry_pending() is True
    assert store.pending_count == 0
    reopened, _ = open_store(data_dir)
    assert {d["id"]: d["n"] for d in reopened.all("calls")} == {"before": 0, "c1": 1, "c2": 2}
    assert not list(data_dir.glob(".*.tmp")), "a failed write must not leave temp files"


def test_real_write_failure_leaves_no_partial_file(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store, _ = open_store(data_dir)
    store.put("calls", "a", {"n": 1})
    good = locations.main_file(data_dir).read_bytes()

    real_fsync = os.fsync

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    assert store.put("calls", "b", {"n": 2}) is False
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert locations.main_file(data_dir).read_bytes() == good
    assert not [p for p in data_dir.iterdir() if p.name.endswith(".tmp")]


def test_corrupt_file_is_moved_aside_and_backup_restored(data_dir: Path) -> None:
    store, _ = open_store(data_dir)
    store.put("calls", "a", {"n": 1})
    store.put("calls", "b", {"n": 2})  # the backup now holds the version with only "a"
    main = locations.main_file(data_dir)
    main.write_bytes(main.read_bytes()[:25])  # truncated
    store, report = open_store(data_dir)
    assert len(report.recoveries) == 1
    recovery = report.recoveries[0]
    assert recovery.restored_from_backup
    assert recovery.moved_to.exists() and recovery.moved_to.read_bytes().startswith(b"{")
    assert [d["id"] for d in store.all("calls")] == ["a"]


def test_corrupt_file_without_backup_is_kept_and_reported(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    main = locations.main_file(data_dir)
    main.write_bytes(b"\x00\x00not json")
    store, report = open_store(data_dir)
    assert [r.restored_from_backup for r in report.recoveries] == [False]
    assert report.recoveries[0].moved_to.read_bytes() == b"\x00\x00not json"
    assert store.all("calls") == []


def test_newer_schema_is_refused_and_never_written(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    main = locations.main_file(data_dir)
    future = {"_meta": {"schema": {"version": SCHEMA_VERSION + 1}}, "calls": {"x": {"n": 1}}}
    main.write_text(json.dumps(future), encoding="utf-8")
    before = main.read_bytes()
    with pytest.raises(NewerSchemaError) as raised:
        open_store(data_dir)
    assert raised.value.found == SCHEMA_VERSION + 1
    assert main.read_bytes() == before
    assert not list(data_dir.glob("*.bak"))


def test_unversioned_file_is_migrated_with_a_copy_kept(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    main = locations.main_file(data_dir)
    main.write_text(json.dumps({"calls": {"x": {"n": 1}}}), encoding="utf-8")
    store, report = open_store(data_dir)
    assert report.migrated == [main]
    assert main.with_name("jiebei.json.v0.bak").exists()
    assert json.loads(main.read_text(encoding="utf-8"))["_meta"]["schema"]["version"] == SCHEMA_VERSION
    assert store.get("calls", "x") == {"n": 1, "id": "x"}


def test_permissions_are_private_even_under_umask_022(data_dir: Path) -> None:
    old = os.umask(0o022)
    try:
        store, _ = open_store(data_dir)
        store.put("calls", "a", {"n": 1})
        store.put("notes", "n", {"t": "x"}, period="2026-11")
        store.put("drafts", "d", {"value": "x"})
    finally:
        os.umask(old)
    assert mode(data_dir) == 0o700
    assert mode(locations.notes_dir(data_dir)) == 0o700
    for path in [*data_dir.iterdir(), *locations.notes_dir(data_dir).iterdir()]:
        if path.is_file():
            assert mode(path) == 0o600, path


def test_wrong_permissions_are_fixed_and_reported(data_dir: Path) -> None:
    store, _ = open_store(data_dir)
    store.put("calls", "a", {"n": 1})
    main = locations.main_file(data_dir)
    main.chmod(0o644)
    data_dir.chmod(0o755)
    _, report = open_store(data_dir)
    assert set(report.fixed_permissions) >= {main, data_dir}
    assert mode(main) == 0o600 and mode(data_dir) == 0o700


def test_export_import_round_trip_is_lossless(data_dir: Path, tmp_path: Path) -> None:
    store, _ = open_store(data_dir)
    store.put("settings", "preferences", {"language": "en"})
    store.put("calls", "c", {"who": "王", "amount": "1234.56", "nested": {"a": [1, {"b": None}]}})
    store.put("notes", "n", {"text": "他说：三天内还款"}, period="2026-11")
    store.put("drafts", "d", {"value": "未完成"})
    first = export_document(store, _now())
    other, _ = open_store(tmp_path / "other")
    assert is_empty(other)
    assert import_document(other, json.loads(dumps(first))) == 4
    second = export_document(other, _now())
    assert dumps(first) == dumps(second)
    with pytest.raises(ImportRefusedError):
        import_document(other, first)  # never into a non-empty directory


def test_stale_temp_files_do_not_break_opening(data_dir: Path) -> None:
    store, _ = open_store(data_dir)
    store.put("calls", "a", {"n": 1})
    (data_dir / ".jiebei.json.abc.tmp").write_bytes(b"{partial")
    store, report = open_store(data_dir)
    assert not report.recoveries
    assert store.get("calls", "a") is not None
    assert not (data_dir / ".jiebei.json.abc.tmp").exists()


def _now():
    from datetime import datetime, timezone

    return datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)


def test_a_folder_that_cannot_be_locked_or_written_still_opens(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store, _ = open_store(data_dir)
    store.put("calls", "a", {"n": 1})

    def refuse(self, *args, **kwargs):
        raise PermissionError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr("filelock.BaseFileLock.acquire", refuse)
    store, report = open_store(data_dir)
    assert isinstance(report.not_writable, PermissionError)
    assert store.get("calls", "a") == {"n": 1, "id": "a"}
    assert store.put("calls", "b", {"n": 2}) is False  # kept in memory, retried later
    assert {d["id"] for d in store.all("calls")} == {"a", "b"}
    monkeypatch.undo()
    assert store.retry_pending() is True
    assert open_store(data_dir)[0].get("calls", "b") == {"n": 2, "id": "b"}
