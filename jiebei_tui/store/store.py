"""The repository the screens use: tables of JSON documents keyed by UUID.

Layout (see README, "Where data lives"):

* ``jiebei.json``  — the main TinyDB file: settings, self-checks, calls, plans, habits.
* ``drafts.json``  — what is being typed right now (saved every second or two).
* ``notes/YYYY-MM.json`` — call notes, one TinyDB file per month of the call.
* ``jiebei.lock``  — the lock file (never the data file: ``os.replace`` swaps inodes).

Notes are the only thing that grows fast (a heavy user: ~50,000 in five years),
so they are split by month: saving a note rewrites one month (~1,000 notes,
~250 KB), never the whole history, and the main file stays small.

Every change runs under the lock and re-reads the file inside it, so two
sessions on the same data directory never lose each other's writes. When a write
fails (disk full, read-only), the change is kept in memory, shown in every read,
retried, and included in exports.
"""

from __future__ import annotations

import copy
import os
import re
import stat
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from tinydb import TinyDB
from tinydb.table import Document, Table

from jiebei_tui import __version__, locations
from jiebei_tui.store.atomic import atomic_write
from jiebei_tui.store.errors import CorruptFileError
from jiebei_tui.store.schema import META_TABLE, SCHEMA_VERSION, migrate, version_of
from jiebei_tui.store.storage import AtomicJSONStorage, decode, encode, signature

MAIN, DRAFTS, NOTES = "main", "drafts", "notes"

# Which file holds which table. Unlisted tables live in the main file.
TABLE_FILES: dict[str, str] = {"drafts": DRAFTS, "notes": NOTES}
PERIODIC_TABLES = frozenset({"notes"})
PERIOD_PATTERN = re.compile(r"^\d{4}-\d{2}$")

LOCK_TIMEOUT_SECONDS = 5.0


class _UuidTable(Table):
    """Documents keyed by our own UUID strings: TinyDB's auto ids are cached per
    process and collide between two sessions."""

    document_id_class = str


class _Database(TinyDB):
    table_class = _UuidTable


@dataclass(frozen=True)
class Recovery:
    """A damaged file that was moved aside (kept, never deleted)."""

    path: Path
    moved_to: Path
    reason: str
    restored_from_backup: bool


@dataclass
class OpenReport:
    """What opening the data directory had to fix; the UI and CLI tell the user."""

    created: bool = False
    fixed_permissions: list[Path] = field(default_factory=list)
    recoveries: list[Recovery] = field(default_factory=list)
    migrated: list[Path] = field(default_factory=list)
    # Set when the folder could not be locked or written at start (read-only, full, another owner).
    not_writable: OSError | Timeout | None = None

    @property
    def has_news(self) -> bool:
        return bool(self.fixed_permissions or self.recoveries or self.migrated or self.not_writable)


@dataclass(frozen=True)
class _Op:
    kind: str  # "put" or "delete"
    table: str
    period: str | None
    doc_id: str
    doc: dict[str, Any] | None = None


def new_id() -> str:
    return uuid.uuid4().hex


class Store:
    """Open with :func:`open_store`; every method is safe against a second process."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self._lock = FileLock(str(locations.lock_file(self.directory)), timeout=LOCK_TIMEOUT_SECONDS, mode=0o600)
        self._databases: dict[Path, _Database] = {}
        self._pending: list[_Op] = []
        self.last_error: OSError | Timeout | None = None

    # ----- files -------------------------------------------------------------------------

    def path_for(self, table: str, period: str | None = None) -> Path:
        where = TABLE_FILES.get(table, MAIN)
        if table in PERIODIC_TABLES:
            if period is None or not PERIOD_PATTERN.match(period):
                raise ValueError(f"table {table!r} needs a period like 2026-11, got {period!r}")
            return locations.notes_file(self.directory, period)
        if period is not None:
            raise ValueError(f"table {table!r} is not split by period")
        return locations.drafts_file(self.directory) if where == DRAFTS else locations.main_file(self.directory)

    def _kind_of(self, path: Path) -> str:
        if path.parent == locations.notes_dir(self.directory):
            return NOTES
        return DRAFTS if path == locations.drafts_file(self.directory) else MAIN

    def _database(self, path: Path) -> _Database:
        database = self._databases.get(path)
        if database is None:
            database = _Database(path, storage=AtomicJSONStorage, kind=self._kind_of(path))
            self._databases[path] = database
        return database

    def _table(self, table: str, period: str | None) -> _UuidTable:
        # cache_size=0: TinyDB's query cache would hide another session's writes.
        return self._database(self.path_for(table, period)).table(table, cache_size=0)

    def data_files(self) -> list[Path]:
        files = [locations.main_file(self.directory), locations.drafts_file(self.directory)]
        files += sorted(locations.notes_dir(self.directory).glob("*.json"))
        return [path for path in files if path.exists()]

    # ----- reads ---------------------------------------------------------------------------

    def all(self, table: str, *, period: str | None = None) -> list[dict[str, Any]]:
        """Every document of a table (copies: changing them changes nothing on disk)."""
        docs: dict[str, dict[str, Any]] = {
            str(doc.doc_id): copy.deepcopy(dict(doc)) for doc in self._table(table, period).all()
        }
        for op in self._pending:
            if op.table == table and op.period == period:
                if op.kind == "put":
                    docs[op.doc_id] = copy.deepcopy(op.doc) or {}
                else:
                    docs.pop(op.doc_id, None)
        return [{**doc, "id": doc_id} for doc_id, doc in docs.items()]

    def get(self, table: str, doc_id: str, *, period: str | None = None) -> dict[str, Any] | None:
        for op in reversed(self._pending):
            if op.table == table and op.period == period and op.doc_id == doc_id:
                return None if op.kind == "delete" else {**copy.deepcopy(op.doc or {}), "id": doc_id}
        doc = self._table(table, period).get(doc_id=doc_id)
        return None if doc is None else {**copy.deepcopy(dict(doc)), "id": doc_id}

    def periods(self, table: str) -> list[str]:
        if table not in PERIODIC_TABLES:
            return []
        on_disk = {path.stem for path in locations.notes_dir(self.directory).glob("*.json")}
        on_disk |= {op.period for op in self._pending if op.table == table and op.period}
        return sorted(p for p in on_disk if PERIOD_PATTERN.match(p))

    def change_token(self) -> tuple[Any, ...]:
        """Changes whenever any session saves anything except drafts (cheap: stats only)."""
        token: list[Any] = []
        for path in (locations.main_file(self.directory), locations.notes_dir(self.directory)):
            try:
                token.append(signature(path.stat()))
            except FileNotFoundError:
                token.append(None)
        if locations.notes_dir(self.directory).is_dir():
            for path in sorted(locations.notes_dir(self.directory).glob("*.json")):
                token.append(signature(path.stat()))
        token.append(len(self._pending))
        return tuple(token)

    # ----- writes --------------------------------------------------------------------------

    @property
    def pending_count(self) -> int:
        return len(self._pending)

    def put(self, table: str, doc_id: str, doc: dict[str, Any], *, period: str | None = None) -> bool:
        """Save a whole document. False means it is kept in memory and will be retried."""
        body = {key: value for key, value in doc.items() if key != "id"}
        self.path_for(table, period)  # validate the address before queueing anything
        return self._submit(_Op("put", table, period, doc_id, copy.deepcopy(body)))

    def delete(self, table: str, doc_id: str, *, period: str | None = None) -> bool:
        self.path_for(table, period)
        return self._submit(_Op("delete", table, period, doc_id))

    def retry_pending(self) -> bool:
        """Try the kept changes again, oldest first; True when nothing is left waiting."""
        while self._pending:
            try:
                self._write(self._pending[0])
            except (OSError, Timeout) as error:
                self.last_error = error
                return False
            self._pending.pop(0)
        self.last_error = None
        return True

    def _submit(self, op: _Op) -> bool:
        if self._pending:
            # Keep the order: an older kept change must land before this one.
            self._pending.append(op)
            return self.retry_pending()
        try:
            self._write(op)
        except (OSError, Timeout) as error:
            self.last_error = error
            self._pending.append(op)
            return False
        self.last_error = None
        return True

    @contextmanager
    def locked(self) -> Iterator[None]:
        with self._lock:
            yield

    def _write(self, op: _Op) -> None:
        with self.locked():
            table = self._table(op.table, op.period)
            path = self.path_for(op.table, op.period)
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            if op.kind == "delete":
                table.remove(doc_ids=[op.doc_id])
                return
            body = op.doc or {}

            def replace(existing: dict[str, Any]) -> None:
                existing.clear()
                existing.update(copy.deepcopy(body))

            if not table.update(replace, doc_ids=[op.doc_id]):
                table.insert(Document(copy.deepcopy(body), doc_id=op.doc_id))

    def put_many(self, table: str, docs: dict[str, dict[str, Any]], *, period: str | None = None) -> None:
        """Insert many new documents in one write (import); raises instead of queueing."""
        self.path_for(table, period).parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with self.locked():
            self._table(table, period).insert_multiple(
                Document({k: v for k, v in doc.items() if k != "id"}, doc_id=doc_id) for doc_id, doc in docs.items()
            )

    def update(self, table: str, doc_id: str, change: Callable[[dict[str, Any]], None], *, period: str | None = None) -> bool:
        """Read-modify-write one document under the lock (for counters and lists two sessions may touch)."""
        with self.locked():
            current = self.get(table, doc_id, period=period) or {}
            change(current)
            return self.put(table, doc_id, current, period=period)

    def close(self) -> None:
        for database in self._databases.values():
            database.close()
        self._databases.clear()


# ----- opening --------------------------------------------------------------------------------


def _secure_directory(directory: Path, report: OpenReport) -> None:
    if not directory.exists():
        directory.mkdir(mode=0o700, parents=True)
        report.created = True
    candidates = [directory, *directory.iterdir()]
    if locations.notes_dir(directory).is_dir():
        candidates += list(locations.notes_dir(directory).iterdir())
    for path in candidates:
        try:
            info = path.lstat()
        except FileNotFoundError:
            continue  # another session's temp file, renamed away since the listing
        if stat.S_ISLNK(info.st_mode):
            continue
        is_dir = stat.S_ISDIR(info.st_mode)
        wanted = 0o700 if is_dir else 0o600
        if stat.S_IMODE(info.st_mode) & 0o077 or (is_dir and stat.S_IMODE(info.st_mode) != 0o700):
            try:
                path.chmod(wanted)
            except OSError:
                continue  # a read-only file system: reported as not writable below
            report.fixed_permissions.append(path)


def _aside_name(path: Path) -> Path:
    stamp = time.strftime("%Y%m%dT%H%M%S")
    candidate = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    return candidate


def _check_file(path: Path, kind: str, report: OpenReport) -> None:
    """Validate one data file; move a damaged one aside and restore its backup."""
    try:
        tables = decode(path, path.read_bytes())
    except CorruptFileError as error:
        moved_to = _aside_name(path)
        os.replace(path, moved_to)
        backup = path.with_name(path.name + ".bak")
        restored = False
        if backup.exists():
            try:
                good = backup.read_bytes()
                decode(backup, good)
            except CorruptFileError:
                pass
            else:
                atomic_write(path, good)
                restored = True
        report.recoveries.append(Recovery(path, moved_to, error.reason, restored))
        if restored:
            _check_file(path, kind, report)
        return
    if version_of(tables) < SCHEMA_VERSION:
        before = path.with_name(f"{path.name}.v{version_of(tables)}.bak")
        before.write_bytes(path.read_bytes())
        before.chmod(0o600)
        atomic_write(path, encode(migrate(tables, kind, __version__)))
        report.migrated.append(path)


def open_store(directory: Path) -> tuple[Store, OpenReport]:
    """Open (creating if needed) a data directory.

    Raises NewerSchemaError when any file was written by a newer version: the
    caller shows the message and stops, and nothing is written.
    """
    report = OpenReport()
    _secure_directory(directory, report)
    store = Store(directory)
    files = [locations.main_file(directory), locations.drafts_file(directory)]
    notes = locations.notes_dir(directory)
    if notes.is_dir():
        files += sorted(notes.glob("*.json"))
    try:
        with store.locked():
            # Under the lock no write is in progress, so any temp file is left from a killed process.
            for folder in (directory, notes):
                if folder.is_dir():
                    for leftover in [*folder.glob(".*.tmp"), *folder.glob("*.bak.tmp")]:
                        leftover.unlink(missing_ok=True)
            for path in files:
                if path.exists():
                    _check_file(path, store._kind_of(path), report)
    except (OSError, Timeout) as error:
        # Nothing can be repaired now; still refuse newer or damaged files rather than show them empty.
        report.not_writable = error
        for path in files:
            if path.exists():
                decode(path, path.read_bytes())
    return store, report


def is_empty(store: Store) -> bool:
    """True when the directory holds no saved documents (drafts and settings included)."""
    for path in store.data_files():
        tables = decode(path, path.read_bytes())
        if any(docs for name, docs in tables.items() if name != META_TABLE):
            return False
    return not store.pending_count


def table_names(store: Store) -> list[str]:
    """Every non-periodic table with data on disk or waiting in memory."""
    names: set[str] = set()
    for path in (locations.main_file(store.directory), locations.drafts_file(store.directory)):
        if path.exists():
            names |= {name for name in decode(path, path.read_bytes()) if name != META_TABLE}
    names |= {op.table for op in store._pending if op.table not in PERIODIC_TABLES}
    return sorted(names)
