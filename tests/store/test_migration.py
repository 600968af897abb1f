"""A folder written by the first release (tests/fixtures/schema1, made with that release's code) opens in
the current layout: every document kept, the old files backed up, crash-safe at every step."""

from __future__ import annotations

import json
import shutil
import stat
from pathlib import Path
from typing import Any

import pytest

from jiebei_tui import locations
from jiebei_tui.store import migrate
from jiebei_tui.store.calls import CallsRepo
from jiebei_tui.store.drafts import DraftKeeper
from jiebei_tui.store.errors import NewerSchemaError
from jiebei_tui.store.export import import_document
from jiebei_tui.store.selfcheck import latest_summary, list_snapshots
from jiebei_tui.store.store import Store, open_store
from jiebei_tui.store.tables import spec_for

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "schema1"


def old_documents() -> dict[str, dict[str, Any]]:
    """Every document of the fixture, read straight from its files: table -> id -> document."""
    found: dict[str, dict[str, Any]] = {}
    for path in [FIXTURE / "jiebei.json", FIXTURE / "drafts.json", *sorted((FIXTURE / "notes").glob("*.json"))]:
        for table, docs in json.loads(path.read_text(encoding="utf-8")).items():
            if table != "_meta":
                found.setdefault(table, {}).update(docs)
    return found


def stored_documents(store: Store, tables: list[str]) -> dict[str, dict[str, Any]]:
    return {table: {doc.pop("id"): doc for doc in store.all(table)} for table in tables}


@pytest.fixture
def old_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(FIXTURE, folder)
    return folder


def test_the_fixture_is_complete() -> None:
    """What the migration is tested against really holds what a schema-1 user has."""
    docs = old_documents()
    assert {"settings", "selfchecks", "calls", "call_commitments", "notes", "drafts", "future_area"} <= set(docs)
    assert {doc["kind"] for doc in docs["calls"].values()} == {"call", "sms", "visit", "missed"}
    assert len(docs["selfchecks"]) == 2 and set(docs["settings"]["preferences"]) == {"language", "theme", "timezone"}
    assert any(doc["corrections"] for doc in docs["notes"].values())
    assert any(doc["due"] for doc in docs["call_commitments"].values())
    assert {"selfcheck.form", "calls.active"} <= set(docs["drafts"]) and any(k.startswith("calls.note.") for k in docs["drafts"])
    assert len(list((FIXTURE / "notes").glob("*.json"))) == 2


def test_every_document_survives_with_its_id_and_the_old_files_are_kept(old_folder: Path) -> None:
    expected = old_documents()
    originals = {path.relative_to(old_folder): path.read_bytes() for path in old_folder.rglob("*") if path.is_file()}
    store, report = open_store(old_folder)
    assert report.migration is not None and report.has_news
    assert report.migration.documents == sum(len(docs) for docs in expected.values())
    assert stored_documents(store, list(expected)) == expected
    # The repos see it all: records, notes, commitments, self-checks, drafts, settings.
    repo = CallsRepo(store)
    assert len(repo.records()) == 5 and repo.count() == 5
    record = repo.get("ca110000000000000000000000000001")
    assert record is not None and len(repo.notes(record)) == 4
    assert {c.note_id for c, _r in repo.open_commitments()} == {"0a7e0000000000000000000000000003", "0a7e0000000000000000000000000009"}
    assert len(list_snapshots(store)) == 2 and latest_summary(store) is not None
    drafts = DraftKeeper(store, lambda: None)  # type: ignore[arg-type,return-value]
    assert drafts.get("calls.active") == {"record_id": "ca110000000000000000000000000005"}
    # The old files, byte for byte, in a private backup folder.
    backup = report.migration.backup
    assert backup.parent == old_folder and backup.name.startswith("backup-schema1-")
    for relative, content in originals.items():
        if relative.name != locations.LOCK_FILE:
            assert (backup / relative).read_bytes() == content, relative
    for path in [old_folder, *old_folder.rglob("*")]:
        if path.name != locations.LOCK_FILE:
            assert stat.S_IMODE(path.stat().st_mode) == (0o700 if path.is_dir() else 0o600), path
    assert not (old_folder / migrate.STAGING).exists()


def test_a_second_open_does_nothing(old_folder: Path) -> None:
    open_store(old_folder)
    before = {path: path.stat().st_mtime_ns for path in old_folder.rglob("*")}
    store, report = open_store(old_folder)
    assert report.migration is None and not report.has_news
    assert {path: path.stat().st_mtime_ns for path in old_folder.rglob("*")} == before
    assert len(list(old_folder.glob("backup-*"))) == 1


class Crash(Exception):
    pass


def test_a_crash_at_any_step_leaves_a_folder_that_opens_with_everything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = old_documents()
    calls = 0

    def count() -> None:
        nonlocal calls
        calls += 1

    probe = tmp_path / "probe"
    shutil.copytree(FIXTURE, probe)
    monkeypatch.setattr(migrate, "_checkpoint", count)
    open_store(probe)
    total = calls
    assert total > 15  # every staged file and every move is a step
    for crash_at in range(1, total + 1):
        folder = tmp_path / f"crash-{crash_at}"
        shutil.copytree(FIXTURE, folder)
        seen = 0

        def crash(crash_at: int = crash_at) -> None:
            nonlocal seen
            seen += 1
            if seen == crash_at:
                raise Crash

        monkeypatch.setattr(migrate, "_checkpoint", crash)
        with pytest.raises(Crash):
            open_store(folder)
        # Right after the crash: the old layout untouched, or a journal to finish the move from.
        journal = (folder / migrate.STAGING / migrate.JOURNAL).exists()
        main = json.loads((folder / "jiebei.json").read_text(encoding="utf-8"))
        if not journal:
            assert main["_meta"]["schema"]["version"] == 1 and (folder / "notes" / "2026-10.json").exists(), crash_at
        monkeypatch.setattr(migrate, "_checkpoint", lambda: None)
        store, report = open_store(folder)
        assert report.migration is not None, crash_at
        assert stored_documents(store, list(expected)) == expected, crash_at
        assert not (folder / migrate.STAGING).exists()
        backups = list(folder.glob("backup-*"))
        assert len(backups) == 1 and (backups[0] / "notes" / "2026-10.json").exists(), crash_at


def test_a_newer_file_stops_the_move_before_anything_is_written(old_folder: Path) -> None:
    notes = old_folder / "notes" / "2026-10.json"
    tables = json.loads(notes.read_text(encoding="utf-8"))
    tables["_meta"]["schema"]["version"] = 99
    notes.write_text(json.dumps(tables), encoding="utf-8")
    before = {path: path.read_bytes() for path in old_folder.rglob("*") if path.is_file()}
    with pytest.raises(NewerSchemaError):
        open_store(old_folder)
    assert {path: path.read_bytes() for path in old_folder.rglob("*") if path.is_file()} == before


def test_a_damaged_old_file_is_repaired_from_its_backup_before_the_move(old_folder: Path) -> None:
    (old_folder / "notes" / "2026-11.json").write_bytes(b"\x00")
    store, report = open_store(old_folder)
    assert report.migration is not None and [r.restored_from_backup for r in report.recoveries] == [True]
    # The backup of the month lacked its last note (the commitment of 22 Nov); everything else is there.
    expected = old_documents()
    notes = {doc.pop("id"): doc for doc in store.all("notes")}
    assert set(expected["notes"]) - set(notes) == {"0a7e0000000000000000000000000009"}


def test_an_export_of_the_first_release_imports(tmp_path: Path) -> None:
    expected = old_documents()
    main = json.loads((FIXTURE / "jiebei.json").read_text(encoding="utf-8"))
    drafts = json.loads((FIXTURE / "drafts.json").read_text(encoding="utf-8"))
    tables = {name: docs for name, docs in {**main, **drafts}.items() if name != "_meta"}
    periodic = {"notes": {path.stem: json.loads(path.read_text(encoding="utf-8"))["notes"] for path in (FIXTURE / "notes").glob("*.json")}}
    document = {"format": "jiebei-tui-export", "schema": 1, "app_version": "0.1.0", "exported_at": "2026-11-23T12:00:00+08:00",
                "tables": tables, "periodic": periodic}
    store, _ = open_store(tmp_path / "fresh")
    assert import_document(store, document) == sum(len(docs) for docs in expected.values())
    assert stored_documents(store, list(expected)) == expected
    assert spec_for("calls").indexed and store.get("calls", "ca110000000000000000000000000004") is not None


def test_commitment_copies_a_schema1_crash_left_wrong_are_made_right(old_folder: Path) -> None:
    main_path = old_folder / "jiebei.json"
    main = json.loads(main_path.read_text(encoding="utf-8"))
    copies = main["call_commitments"]
    stale = copies.pop("0a7e0000000000000000000000000003")  # a copy lost by a crash between two writes
    copies["0a7e0000000000000000000000000001"] = {**stale, "text": "不是承诺"}  # a copy left after re-filing
    copies["0a7e00000000000000000000000000ff"] = {**stale, "text": "只剩这份"}  # its note's month file was lost
    main_path.write_text(json.dumps(main, ensure_ascii=False), encoding="utf-8")
    store, _ = open_store(old_folder)
    found = {doc.pop("id"): doc for doc in store.all("call_commitments")}
    notes = old_documents()["notes"]
    assert set(found) == {"0a7e0000000000000000000000000003", "0a7e0000000000000000000000000004",
                          "0a7e0000000000000000000000000009", "0a7e00000000000000000000000000ff"}
    assert found["0a7e0000000000000000000000000003"] == notes["0a7e0000000000000000000000000003"]
    assert found["0a7e00000000000000000000000000ff"]["text"] == "只剩这份"
