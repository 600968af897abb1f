"""The store in one process: documents, partitions, failures kept in memory, recovery, permissions, schema."""

from __future__ import annotations

import errno
import json
import os
import stat
from datetime import datetime, timezone
from pathlib import Path

import pytest
from tinydb import TinyDB
from tinydb.table import Table

from jiebei_tui import locations
from jiebei_tui.store.errors import ImportRefusedError, NewerSchemaError
from jiebei_tui.store.export import ImportFormatError, dumps, export_document, import_document, iter_json
from jiebei_tui.store.files import FileCache
from jiebei_tui.store.report import FROM_BACKUP, FROM_MEMORY
from jiebei_tui.store.schema import SCHEMA_VERSION
from jiebei_tui.store.store import is_empty, new_id, open_store
from jiebei_tui.store.tables import TABLES, spec_for

NOVEMBER = {"started_at": "2026-11-23T20:30:00+08:00"}


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _now() -> datetime:
    return datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)


def test_put_get_replace_delete(data_dir: Path) -> None:
    store, report = open_store(data_dir)
    assert report.created and not report.has_news
    doc_id = new_id()
    assert store.put("calls", doc_id, {**NOVEMBER, "who": "张三", "tags": ["a"]})
    assert store.get("calls", doc_id) == {**NOVEMBER, "who": "张三", "tags": ["a"], "id": doc_id}
    store.put("calls", doc_id, {**NOVEMBER, "who": "李四"})
    assert store.all("calls") == [{**NOVEMBER, "who": "李四", "id": doc_id}]  # replaced, not merged
    assert store.count("calls") == 1
    store.delete("calls", doc_id)
    assert store.all("calls") == [] and store.count("calls") == 0
    assert store.get("calls", doc_id) is None


def test_returned_documents_are_copies(data_dir: Path) -> None:
    store, _ = open_store(data_dir)
    store.put("notebook", "p1", {"items": [1, 2]})
    doc = store.get("notebook", "p1")
    assert doc is not None
    doc["items"].append(3)
    assert store.get("notebook", "p1") == {"items": [1, 2], "id": "p1"}


def test_files_are_tinydb_documents_with_our_ids(data_dir: Path) -> None:
    store, _ = open_store(data_dir)
    doc_id = new_id()
    store.put("calls", doc_id, {**NOVEMBER, "x": 1})
    month = data_dir / "calls" / "2026-11-23.json"
    raw = json.loads(month.read_text(encoding="utf-8"))
    assert list(raw["calls"]) == [doc_id]
    assert raw["_meta"]["schema"]["version"] == SCHEMA_VERSION
    # TinyDB itself reads the file: the format did not change, only where documents live.
    Table.document_id_class = str  # type: ignore[assignment]
    try:
        with TinyDB(month) as plain:
            assert plain.table("calls").get(doc_id=doc_id) == {**NOVEMBER, "x": 1}
    finally:
        Table.document_id_class = int  # type: ignore[assignment]


def test_tables_are_split_by_their_declared_partitions(data_dir: Path) -> None:
    store, _ = open_store(data_dir)
    store.put("notes", "n1", {"record_id": "rec1", "text": "十一月"})
    store.put("notes", "n2", {"record_id": "rec2", "text": "十二月"})
    store.put("calls", "c1", {"started_at": "2026-12-01T00:05:00+08:00"})
    store.put("selfchecks", "s1", {"taken_at": "2026-11-23T20:00:00+08:00", "summary": {"as_of": "2026-11-23"}})
    assert store.periods("notes") == ["rec1", "rec2"]
    assert [d["text"] for d in store.all("notes", period="rec2")] == ["十二月"]
    assert locations.notes_file(data_dir, "rec1").exists()
    assert (data_dir / "calls" / "2026-12-01.json").exists() and (data_dir / "selfchecks" / "2026.json").exists()
    assert store.get("selfchecks", "s1") is not None  # found by id through the index
    with pytest.raises(ValueError):
        store.get("notes", "n1")  # a split table without an index needs its partition


@pytest.mark.parametrize("bad", ["../evil", "2026-11\n", "2026-13", "", "a/b", "x" * 65, "名字", ".hidden"])
def test_partition_keys_are_validated_strictly(data_dir: Path, bad: str) -> None:
    store, _ = open_store(data_dir)
    for table in ("notes", "calls", "call_commitments", "selfchecks"):
        if not spec_for(table).valid_key(bad):
            with pytest.raises(ValueError):
                store.put(table, "x", {}, period=bad)
    assert not spec_for("calls").valid_key(bad) and not spec_for("notes").valid_key(bad + "\n")
    with pytest.raises(ValueError):
        store.put("notebook", "c1", {}, period="2026-11")  # a one-file table has no partitions
    with pytest.raises(ValueError):
        store.put("_meta", "schema", {})
    assert store.pending_count == 0 and list(data_dir.rglob("*.json")) == [locations.main_file(data_dir)]


def _fail_writes(monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    def refuse(*_args: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr("jiebei_tui.store.partitions.atomic_write_many", refuse)


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS])
def test_failed_write_is_kept_in_memory_and_retried(data_dir: Path, monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    store, _ = open_store(data_dir)
    store.put("calls", "before", {**NOVEMBER, "n": 0})
    month = data_dir / "calls" / "2026-11-23.json"
    before = month.read_bytes()
    with monkeypatch.context() as patch:
        _fail_writes(patch, code)
        assert store.put("calls", "c1", {**NOVEMBER, "n": 1}) is False
        assert store.put("calls", "c2", {**NOVEMBER, "n": 2}) is False
        assert store.pending_count == 2
        assert isinstance(store.last_error, OSError) and store.last_error.errno == code
        # Reads show what is waiting, exports include it, and the file on disk is untouched.
        assert {d["id"] for d in store.all("calls")} == {"before", "c1", "c2"}
        assert store.get("calls", "c2") == {**NOVEMBER, "n": 2, "id": "c2"}
        assert store.count("calls") == 3
        assert set(export_document(store, _now())["periodic"]["calls"]["2026-11-23"]) == {"before", "c1", "c2"}
        assert month.read_bytes() == before
        assert store.retry_pending() is False
    assert store.retry_pending() is True
    assert store.pending_count == 0
    reopened, _ = open_store(data_dir)
    assert {d["id"]: d["n"] for d in reopened.all("calls")} == {"before": 0, "c1": 1, "c2": 2}
    assert not list(locations.tmp_dir(data_dir).iterdir()), "a failed write must not leave temp files"


def test_real_write_failure_leaves_no_partial_file(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store, _ = open_store(data_dir)
    store.put("notebook", "a", {"n": 1})
    other = data_dir / "other.json"
    good = other.read_bytes()

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    assert store.put("notebook", "b", {"n": 2}) is False
    monkeypatch.undo()
    assert other.read_bytes() == good
    assert not [p for p in data_dir.rglob("*") if p.is_file() and p.name.endswith(".tmp")]


def test_each_change_writes_one_file_once(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store, _ = open_store(data_dir)
    store.put("calls", "c", {**NOVEMBER, "n": 0})
    written: list[str] = []
    from jiebei_tui.store import partitions

    real = partitions.atomic_write_many

    def count(items: list[tuple[Path, bytes, Path | None]], tmp_dir: Path) -> list[os.stat_result]:
        written.extend(str(path.relative_to(data_dir)) for path, _data, _backup in items)
        return real(items, tmp_dir)

    monkeypatch.setattr(partitions, "atomic_write_many", count)
    store.put("calls", "c", {**NOVEMBER, "n": 1})  # replace: the month only (the index already knows it)
    store.put("calls", "c", {**NOVEMBER, "n": 1})  # no change: nothing written
    store.update("calls", "c", lambda doc: doc.update(n=2))
    store.delete("notebook", "never-saved")  # nothing to delete: nothing written
    assert written == ["calls/2026-11-23.json", "calls/2026-11-23.json"]


def test_corrupt_file_at_start_is_moved_aside_and_backup_restored(data_dir: Path) -> None:
    store, _ = open_store(data_dir)
    store.put("settings", "preferences", {"language": "en"})
    store.put("settings", "preferences", {"language": "zh-Hant"})  # the backup holds "en"
    main = locations.main_file(data_dir)
    main.write_bytes(main.read_bytes()[:25])  # truncated
    store, report = open_store(data_dir)
    assert len(report.recoveries) == 1 and report.has_news
    recovery = report.recoveries[0]
    assert recovery.restored_from_backup
    assert recovery.moved_to.exists() and recovery.moved_to.read_bytes().startswith(b"{")
    assert store.get("settings", "preferences") == {"language": "en", "id": "preferences"}


def test_a_file_damaged_while_running_is_repaired_and_nothing_typed_is_lost(data_dir: Path) -> None:
    store, _ = open_store(data_dir)
    store.put("notes", "n1", {"record_id": "r", "text": "第一行"})
    store.put("notes", "n2", {"record_id": "r", "text": "第二行"})  # the backup holds n1 only
    assert not store.take_news().has_news
    path = locations.notes_file(data_dir, "r")
    path.write_bytes(b"x")  # another program damages it in place while the app runs
    assert store.put("notes", "n3", {"record_id": "r", "text": "第三行"}) is True
    news = store.take_news()
    assert [r.path for r in news.recoveries] == [path] and news.recoveries[0].restored_from == FROM_MEMORY
    assert news.recoveries[0].moved_to.read_bytes() == b"x"
    # This session had just written n1 and n2 to that very file: that version replaces the damage.
    assert sorted(d["id"] for d in store.all("notes", period="r")) == ["n1", "n2", "n3"]
    assert not store.take_news().has_news  # told once
    # Damage found by another session, which never saw the file: the backup (the version before) is restored.
    path.write_bytes(b"{]")
    reader, _ = open_store(data_dir)
    assert sorted(d["id"] for d in reader.all("notes", period="r")) == ["n1", "n2"]
    recovery = reader.take_news().recoveries[0]
    assert recovery.path == path and recovery.restored_from == FROM_BACKUP


def test_corrupt_file_without_backup_is_kept_and_reported(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    main = locations.main_file(data_dir)
    main.write_bytes(b"\x00\x00not json")
    store, report = open_store(data_dir)
    assert [r.restored_from_backup for r in report.recoveries] == [False]
    assert report.recoveries[0].moved_to.read_bytes() == b"\x00\x00not json"
    assert store.all("settings") == []


def test_a_damaged_index_is_rebuilt_from_the_data(data_dir: Path) -> None:
    store, _ = open_store(data_dir)
    store.put("calls", "a", NOVEMBER)
    store.put("calls", "b", {"started_at": "2025-01-02T03:04:05+08:00"})
    index = spec_for("calls").index_path(data_dir, "b")
    index.write_bytes(b"\xff")
    fresh, _ = open_store(data_dir)
    assert fresh.get("calls", "b") is not None and fresh.count("calls") == 2
    assert fresh.take_news().recoveries[0].path == index
    index.unlink()
    assert open_store(data_dir)[0].get("calls", "a") is not None


def test_newer_schema_at_start_is_refused_and_never_written(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    main = locations.main_file(data_dir)
    future = {"_meta": {"schema": {"version": SCHEMA_VERSION + 1}}, "settings": {"x": {"n": 1}}}
    main.write_text(json.dumps(future), encoding="utf-8")
    before = main.read_bytes()
    with pytest.raises(NewerSchemaError) as raised:
        open_store(data_dir)
    assert raised.value.found == SCHEMA_VERSION + 1
    assert main.read_bytes() == before
    assert not list(data_dir.rglob("*.bak"))


def test_a_newer_file_found_later_is_not_written_and_the_change_waits(data_dir: Path) -> None:
    store, _ = open_store(data_dir)
    store.put("notes", "n1", {"record_id": "r", "text": "旧"})
    path = locations.notes_file(data_dir, "r")
    future = {"_meta": {"schema": {"version": SCHEMA_VERSION + 1}}, "notes": {"n9": {"record_id": "r"}}}
    path.write_text(json.dumps(future), encoding="utf-8")
    before = path.read_bytes()
    assert store.all("notes", period="r") == []  # not understood: shown as nothing, no crash
    assert store.put("notes", "n2", {"record_id": "r", "text": "新"}) is False
    assert isinstance(store.last_error, NewerSchemaError) and store.pending_count == 1
    assert [d["id"] for d in store.all("notes", period="r")] == ["n2"]  # what was typed is still shown
    news = store.take_news()
    assert [error.path for error in news.newer] == [path] and news.has_news
    assert store.retry_pending() is False and not store.take_news().newer  # told once
    assert path.read_bytes() == before


def test_permissions_are_private_even_under_umask_022(data_dir: Path) -> None:
    old = os.umask(0o022)
    try:
        store, _ = open_store(data_dir)
        store.put("calls", "a", NOVEMBER)
        store.put("notes", "n", {"record_id": "a", "t": "x"})
        store.put("drafts", "d", {"value": "x"})
        store.put("settings", "preferences", {"language": "en"})
    finally:
        os.umask(old)
    for path in [data_dir, *data_dir.rglob("*")]:
        assert mode(path) == (0o700 if path.is_dir() else 0o600), path


def test_wrong_permissions_are_fixed_at_start_or_when_a_file_is_first_read(data_dir: Path) -> None:
    store, _ = open_store(data_dir)
    store.put("settings", "preferences", {"language": "en"})
    store.put("notes", "n", {"record_id": "r", "t": "x"})
    main, note = locations.main_file(data_dir), locations.notes_file(data_dir, "r")
    for path in (main, note):
        path.chmod(0o644)
    data_dir.chmod(0o755)
    store, report = open_store(data_dir)
    assert main in report.fixed_permissions and report.fixed_folders == [data_dir]
    assert note not in report.fixed_permissions and mode(note) == 0o644  # not swept at start
    assert mode(main) == 0o600 and mode(data_dir) == 0o700
    store.all("notes", period="r")
    assert store.take_news().fixed_permissions == [note] and mode(note) == 0o600


def test_start_reads_only_the_main_file(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store, _ = open_store(data_dir)
    for index in range(30):
        store.put("notes", f"n{index}", {"record_id": f"r{index}", "t": "x"})
        store.put("calls", f"r{index}", {"started_at": f"20{10 + index}-01-01T00:00:00+08:00"})
    read: list[Path] = []
    original = FileCache.read

    def spy(self: FileCache, path: Path, *, keep: bool = True) -> object:
        read.append(path)
        return original(self, path, keep=keep)

    monkeypatch.setattr(FileCache, "read", spy)
    store, report = open_store(data_dir)
    assert read == [locations.main_file(data_dir)] and not report.has_news
    assert store.count("calls") == 30 and read[1:] == spec_for("calls").index_paths(data_dir)


def test_change_token_moves_with_another_session_but_not_with_drafts(data_dir: Path) -> None:
    first, _ = open_store(data_dir)
    second, _ = open_store(data_dir)
    token = second.change_token()
    first.put("drafts", "d", {"value": "typing"})
    assert second.change_token() == token
    first.put("notes", "n", {"record_id": "r", "t": 1})
    assert second.change_token() != token


def test_export_streams_the_same_text_and_import_round_trip_is_lossless(data_dir: Path, tmp_path: Path) -> None:
    store, _ = open_store(data_dir)
    store.put("settings", "preferences", {"language": "en"})
    store.put("calls", "c", {**NOVEMBER, "who": "王", "amount": "1234.56", "nested": {"a": [1, {"b": None}]}})
    store.put("notes", "n", {"record_id": "c", "text": "他说：三天内还款"})
    store.put("drafts", "d", {"value": "未完成"})
    store.put("future_area", "f", {"kept": True})
    first = export_document(store, _now())
    assert "".join(iter_json(store, _now())) == dumps(first)
    assert set(first["periodic"]) == {name for name, spec in TABLES.items() if spec.partitioned}
    other, _ = open_store(tmp_path / "other")
    assert is_empty(other)
    assert import_document(other, json.loads(dumps(first))) == 5
    assert dumps(export_document(other, _now())) == dumps(first)
    assert other.get("calls", "c") is not None  # the index was written too
    with pytest.raises(ImportRefusedError):
        import_document(other, first)  # never into a non-empty directory


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["periodic"]["notes"].update({"../x": {}}),
        lambda d: d["periodic"]["calls"].update({"2026-11\n": {"c2": {}}}),
        lambda d: d["tables"].update({"_meta": {"x": {}}}),
        lambda d: d["tables"].update({"calls": {"c2": {}}}),
        lambda d: d.update(schema="1"),
        lambda d: d.update(schema=SCHEMA_VERSION + 1),
        lambda d: d["tables"].update({"notebook": []}),
    ],
)
def test_import_checks_everything_before_writing(data_dir: Path, tmp_path: Path, change: object) -> None:
    store, _ = open_store(data_dir)
    store.put("notebook", "p", {"x": 1})
    document = json.loads(dumps(export_document(store, _now())))
    document["periodic"]["notes"]["r1"] = {"n1": {"record_id": "r1"}}
    change(document)  # type: ignore[operator]
    other, _ = open_store(tmp_path / "other")
    with pytest.raises(ImportFormatError):
        import_document(other, document)
    assert is_empty(other) and list((tmp_path / "other").rglob("*.json")) == [locations.main_file(tmp_path / "other")]


def test_stale_temp_files_do_not_break_opening(data_dir: Path) -> None:
    store, _ = open_store(data_dir)
    store.put("notebook", "a", {"n": 1})
    (data_dir / ".jiebei.json.abc.tmp").write_bytes(b"{partial")
    (locations.tmp_dir(data_dir) / ".other.json.x.tmp").write_bytes(b"{partial")
    store, report = open_store(data_dir)
    assert not report.recoveries
    assert store.get("notebook", "a") is not None
    assert not (data_dir / ".jiebei.json.abc.tmp").exists()
    assert not list(locations.tmp_dir(data_dir).iterdir())


def test_a_folder_that_cannot_be_locked_or_written_still_opens(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store, _ = open_store(data_dir)
    store.put("calls", "a", NOVEMBER)

    def refuse(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr("filelock.BaseFileLock.acquire", refuse)
    store, report = open_store(data_dir)
    assert isinstance(report.not_writable, PermissionError) and report.has_news
    assert store.get("calls", "a") == {**NOVEMBER, "id": "a"}
    assert store.put("calls", "b", NOVEMBER) is False  # kept in memory, retried later
    assert {d["id"] for d in store.all("calls")} == {"a", "b"}
    monkeypatch.undo()
    assert store.retry_pending() is True
    assert open_store(data_dir)[0].get("calls", "b") == {**NOVEMBER, "id": "b"}
