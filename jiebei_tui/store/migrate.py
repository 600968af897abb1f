"""Moving a folder written by the first release (schema 1) to the current layout, once, crash-safely.

Schema 1 kept every table but notes and drafts in ``jiebei.json``, notes in
``notes/YYYY-MM.json`` and drafts in ``drafts.json``. The move, under the lock:

1. read and check every old file (a damaged one is repaired like at any start;
   a newer one stops everything, nothing written);
2. write the new layout complete into ``.migrating/`` and sync it;
3. write ``.migrating/journal.json``: from here on the move only goes forward;
4. move the old files into ``backup-schema1-<time>/``, then the new ones in place,
   ``jiebei.json`` last: replacing it is the moment the folder changes layout;
5. remove ``.migrating/``.

A crash before 3 leaves the old folder untouched (the half-written staging
folder is removed at the next start and the move starts over); a crash after 3
is finished at the next start from the journal. The old files are never
deleted: they stay in the backup folder, 0700/0600 like the rest.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jiebei_tui import __version__, locations
from jiebei_tui.store.atomic import fsync_directory
from jiebei_tui.store.files import encode
from jiebei_tui.store.partitions import PartitionFiles
from jiebei_tui.store.report import Migration
from jiebei_tui.store.schema import LAYOUT_SCHEMA1, META_TABLE, Tables, stamp, version_of
from jiebei_tui.store.tables import INDEX_SHARD, INDEX_TABLE, MONTH, TABLES, kind_of, spec_for

STAGING = ".migrating"
NOTES, COMMITMENTS = "notes", "call_commitments"
JOURNAL = "journal.json"
MAIN = locations.MAIN_FILE
OLD_FAMILIES = (locations.MAIN_FILE, locations.DRAFTS_FILE, locations.NOTES_DIR)


def _checkpoint() -> None:
    """Called before every step that changes the folder (tests make it fail to simulate a crash)."""


def is_old_layout(directory: Path, disk: PartitionFiles, main: Tables | None) -> bool:
    """True when the folder is in the schema-1 layout (or a move was interrupted)."""
    if main:
        return version_of(main) <= LAYOUT_SCHEMA1
    if (directory / STAGING / JOURNAL).exists():
        return True
    drafts = disk.load_locked(locations.drafts_file(directory), keep=False)
    if drafts:
        return version_of(drafts) <= LAYOUT_SCHEMA1
    notes = locations.notes_dir(directory)
    months = sorted(notes.glob("*.json")) if notes.is_dir() else []
    for path in months:
        if MONTH.fullmatch(path.stem):
            tables = disk.load_locked(path, keep=False)
            if tables:
                return version_of(tables) <= LAYOUT_SCHEMA1
    return False


def migrate(directory: Path, disk: PartitionFiles, main: Tables | None) -> Migration:
    """Move a schema-1 folder to the current layout (or finish a move a crash interrupted). Call under the lock."""
    staging = directory / STAGING
    if (staging / JOURNAL).exists():
        return _finish(directory, staging)
    if staging.exists():
        _checkpoint()
        shutil.rmtree(staging)  # a move that crashed before its journal: the old files are untouched
    old = _read_old(directory, disk, main)
    files, count = split(old)
    _stage(staging, files)
    journal = {"backup": f"{locations.BACKUP_PREFIX}schema1-{time.strftime('%Y%m%dT%H%M%S')}",
               "items": sorted({Path(relative).parts[0] for relative in files}, key=lambda name: (name == MAIN, name)),
               "documents": count, "from_version": LAYOUT_SCHEMA1}
    _checkpoint()
    _write_synced(staging / JOURNAL, json.dumps(journal).encode("utf-8"))
    fsync_directory(staging)
    return _finish(directory, staging)


# ----- reading the old layout ------------------------------------------------------------------


def _read_old(directory: Path, disk: PartitionFiles, main: Tables | None) -> dict[str, Tables]:
    """Every schema-1 file by its name (damaged ones repaired; NewerSchemaError stops the move)."""
    old: dict[str, Tables] = {MAIN: main or {}}
    old[locations.DRAFTS_FILE] = disk.load_locked(locations.drafts_file(directory), keep=False)
    notes = locations.notes_dir(directory)
    for path in sorted(notes.glob("*.json")) if notes.is_dir() else []:
        if MONTH.fullmatch(path.stem):
            old[f"{locations.NOTES_DIR}/{path.name}"] = disk.load_locked(path, keep=False)
    return old


def commitment_copies(notes: Mapping[str, Any], copies: Mapping[str, Any]) -> dict[str, Any]:
    """The commitment copies a schema-1 folder should have had: one per commitment note, as the note
    is (a crash under schema 1 could leave a copy missing or stale); a copy whose note is nowhere
    (its month file was lost) is kept, as the only trace of that line."""
    found = {note_id: doc for note_id, doc in notes.items() if doc.get("kind") == "commitment"}
    found.update({note_id: doc for note_id, doc in copies.items() if note_id not in notes})
    return found


def split(old: Mapping[str, Tables]) -> tuple[dict[str, Tables], int]:
    """Schema-1 files (by name) → the current layout's files (by path relative to the folder), with indexes.

    Returns the files and how many documents they hold.
    """
    files: dict[str, Tables] = {MAIN: {TABLES["settings"].name: {}}}
    indexes: dict[str, dict[str, dict[str, Any]]] = {}
    count = 0
    notes = {doc_id: doc for tables in old.values() for doc_id, doc in tables.get(NOTES, {}).items()}
    copies = {doc_id: doc for tables in old.values() for doc_id, doc in tables.get(COMMITMENTS, {}).items()}
    rebuilt: Tables = {COMMITMENTS: commitment_copies(notes, copies)} if notes or copies else {}
    for tables in [*old.values(), rebuilt]:
        for table, docs in tables.items():
            if table == META_TABLE or (table == COMMITMENTS and tables is not rebuilt):
                continue
            spec = spec_for(table)
            for doc_id, doc in docs.items():
                key = spec.key_of(doc) if spec.key_of is not None else None
                relative = str(spec.path(Path(), key))
                files.setdefault(relative, {}).setdefault(table, {})[doc_id] = doc
                count += 1
                if spec.indexed:
                    shards = [str(path) for path in spec.index_paths(Path())]
                    for shard in shards:  # every file of an index exists, even empty
                        indexes.setdefault(shard, {})
                    indexes[shards[spec.shard_of(doc_id)]][doc_id] = {"key": key}
    for relative, index in indexes.items():
        files[relative] = {INDEX_TABLE: index}
    for relative, tables in files.items():
        stamp(tables, _kind(relative), __version__)
    return files, count


def _kind(relative: str) -> str:
    if Path(relative).name == "index.json" or INDEX_SHARD.fullmatch(Path(relative).name):
        return "index"
    for spec in TABLES.values():
        if Path(relative).parent == Path(spec.file).parent and (spec.partitioned or relative == spec.file):
            return kind_of(spec)
    return "other"


# ----- writing the new layout --------------------------------------------------------------------


def _write_synced(path: Path, data: bytes, *, sync: bool = True) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, data)
        if sync:
            os.fsync(fd)
    finally:
        os.close(fd)


def _stage(staging: Path, files: Mapping[str, Tables]) -> None:
    _checkpoint()
    staging.mkdir(mode=0o700)
    for relative, tables in files.items():
        path = staging / relative
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        _checkpoint()
        _write_synced(path, encode(tables), sync=False)
    os.sync()  # one flush for thousands of small files, before the journal makes them the new truth
    for folder in {staging, *((staging / relative).parent for relative in files)}:
        fsync_directory(folder)


def _old_names(directory: Path) -> list[str]:
    names = []
    for entry in directory.iterdir():
        if any(entry.name == family or entry.name.startswith(family + ".") for family in OLD_FAMILIES):
            names.append(entry.name)
    return sorted(names)


def _free(target: Path) -> Path:
    candidate, counter = target, 1
    while candidate.exists():
        counter += 1
        candidate = target.with_name(f"{target.name}.{counter}")
    return candidate


def _make_private(folder: Path) -> None:
    """The backup holds the same private data as the store: 0700 folders, 0600 files.

    Old files keep their modes when moved, and a folder copied from elsewhere (or a
    fresh git checkout) may have 0644 files the store had not opened yet.
    """
    for path in [folder, *folder.rglob("*")]:
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            continue
        wanted = 0o700 if stat.S_ISDIR(info.st_mode) else 0o600
        if stat.S_IMODE(info.st_mode) != wanted:
            path.chmod(wanted)


def tidy_up(directory: Path) -> Migration | None:
    """A finished move whose last step (removing the staging folder) was cut short: finish it, and say so."""
    staging = directory / STAGING
    if not staging.exists():
        return None
    migration = None
    if (staging / JOURNAL).exists():
        journal = json.loads((staging / JOURNAL).read_text(encoding="utf-8"))
        migration = Migration(int(journal.get("from_version", LAYOUT_SCHEMA1)), directory / str(journal["backup"]),
                              int(journal.get("documents", 0)))
    _checkpoint()
    shutil.rmtree(staging)
    return migration


def _finish(directory: Path, staging: Path) -> Migration:
    """Steps 4 and 5, safe to repeat after a crash at any point."""
    journal = json.loads((staging / JOURNAL).read_text(encoding="utf-8"))
    backup = directory / str(journal["backup"])
    items = [str(name) for name in journal["items"]]
    if not backup.exists():
        _checkpoint()
        backup.mkdir(mode=0o700)
    # Old files out. drafts.json and notes/ exist in both layouts: the one at the top is the old
    # one exactly while the new one still waits in staging.
    for name in _old_names(directory):
        if name == MAIN or (name in items and not (staging / name).exists()):
            continue
        _checkpoint()
        os.rename(directory / name, _free(backup / name))
    if (directory / MAIN).exists() and not (backup / MAIN).exists() and (staging / MAIN).exists():
        _checkpoint()
        shutil.copy2(directory / MAIN, backup / MAIN)  # the original stays in place until the switch
        (backup / MAIN).chmod(0o600)
    _make_private(backup)
    fsync_directory(backup)
    fsync_directory(directory)
    for name in items:
        if name != MAIN and (staging / name).exists():
            _checkpoint()
            os.rename(staging / name, directory / name)
    fsync_directory(directory)
    if (staging / MAIN).exists():
        _checkpoint()
        os.replace(staging / MAIN, directory / MAIN)  # the switch
        fsync_directory(directory)
    _checkpoint()
    shutil.rmtree(staging)
    return Migration(int(journal.get("from_version", LAYOUT_SCHEMA1)), backup, int(journal.get("documents", 0)))
