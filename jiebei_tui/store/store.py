"""The repository the screens use: tables of JSON documents keyed by UUID, one small file per partition.

Where each table lives is declared in ``store.tables`` (see README, "Where data
lives"). Every change is one read-modify-write of one file under the lock, with
the file re-read inside the lock, so two sessions on the same folder never lose
each other's writes; insert or replace is decided before writing, so each file
is written once (TinyDB's update-then-insert wrote twice). Files are TinyDB
documents in JSON, written atomically, 0600.

When a write fails (disk full, read-only, lock held, a file written by a newer
version), the change is kept in memory, shown in every read, retried, and
included in exports. A file found damaged at any time is moved aside, a good
copy put in its place (the version this session last saw, else the backup), and
the user told (``take_news``); the change being written then lands on it. A
process cut off with changes still waiting writes them to its own emergency file
(:meth:`Store.write_emergency`), merged by the next start.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from filelock import Timeout

from jiebei_tui import locations
from jiebei_tui.store.bulk import BulkWrites
from jiebei_tui.store.emergency import Changes, write_emergency
from jiebei_tui.store.errors import CorruptFileError, NewerSchemaError, StoreError
from jiebei_tui.store.files import FileCache
from jiebei_tui.store.locking import LOCK_TIMEOUT_SECONDS, DataLock
from jiebei_tui.store.partitions import PartitionFiles
from jiebei_tui.store.report import OpenReport
from jiebei_tui.store.tables import DRAFTS, TableSpec, folders, single_files, spec_for

Doc = dict[str, Any]
View = Mapping[str, Mapping[str, Any]]


@dataclass(frozen=True)
class _Op:
    """Changes to one partition of one table, written as one file write (None deletes)."""

    table: str
    period: str | None
    changes: tuple[tuple[str, Doc | None], ...]


def new_id() -> str:
    return uuid.uuid4().hex


def _same(doc: Doc) -> Doc:
    return doc


class Store(BulkWrites):
    """Open with :func:`jiebei_tui.store.opening.open_store`; every method is safe against a second process."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self._lock = DataLock(locations.lock_file(self.directory), LOCK_TIMEOUT_SECONDS)
        self._news = OpenReport()
        self._files = FileCache(self._news.fixed_permissions.append)
        self._disk = PartitionFiles(self.directory, self._files, self._lock, self._news)
        self._pending: list[_Op] = []
        self._in_flight: _Op | None = None  # being written now (for an emergency snapshot from another thread)
        self.last_error: BaseException | None = None
        self._saves = 0  # this session's saves (drafts aside), for change_token: a folder's mtime is coarse

    # ----- addressing ----------------------------------------------------------------------

    def path_for(self, table: str, period: str | None = None) -> Path:
        """The file that holds ``table`` (for ``period`` when the table is split); ValueError if invalid."""
        return spec_for(table).path(self.directory, period)

    def _key_for_put(self, spec: TableSpec, doc_id: str, doc: Mapping[str, Any], period: str | None) -> str | None:
        if not spec.partitioned:
            spec.path(self.directory, period)  # raises for a period on a one-file table
            return None
        if period is None:
            period = self._pending_key(spec.name, doc_id) if spec.indexed else None
        if period is None and spec.indexed:
            period = self._disk.indexed_key(spec, doc_id)
        if period is None and spec.key_of is not None:
            period = spec.key_of(doc)
        spec.path(self.directory, period)
        return period

    def _pending_key(self, table: str, doc_id: str) -> str | None:
        for op in reversed(self._pending):
            if op.table == table and any(change_id == doc_id for change_id, _doc in op.changes):
                return op.period
        return None

    # ----- reads ---------------------------------------------------------------------------

    def view(self, table: str, *, period: str | None = None, keep: bool = True) -> View:
        """The documents of one file (or, for a split table without ``period``, of every partition),
        pending changes included, WITHOUT copying: callers must not change them."""
        spec = spec_for(table)
        if spec.partitioned and period is None:
            merged: dict[str, Mapping[str, Any]] = {}
            for key in self.periods(table):
                merged.update(self.view(table, period=key, keep=keep))
            return merged
        docs: Mapping[str, Mapping[str, Any]] = self._disk.docs(spec, period, keep=keep)
        overlay = [op for op in self._pending if op.table == table and op.period == period]
        if overlay:
            mutable = dict(docs)
            for op in overlay:
                for doc_id, doc in op.changes:
                    if doc is None:
                        mutable.pop(doc_id, None)
                    else:
                        mutable[doc_id] = doc
            docs = mutable
        return docs

    def all(self, table: str, *, period: str | None = None) -> list[Doc]:
        """Every document (copies, each with its ``id``); a split table without ``period`` reads every partition."""
        return [{**copy.deepcopy(dict(doc)), "id": doc_id} for doc_id, doc in self.view(table, period=period).items()]

    def get(self, table: str, doc_id: str, *, period: str | None = None, copied: bool = True) -> Doc | None:
        """One document with its ``id``; ``copied=False`` for a caller that only reads it (a repo turning it
        into domain objects at once): its nested values are then the store's own, not to be changed."""
        spec = spec_for(table)
        fresh = copy.deepcopy if copied else _same
        for op in reversed(self._pending):
            if op.table == table and (period is None or op.period == period):
                for change_id, doc in reversed(op.changes):
                    if change_id == doc_id:
                        return None if doc is None else {**fresh(doc), "id": doc_id}
        if spec.partitioned and period is None:
            if not spec.indexed:
                raise ValueError(f"table {table!r} is split by partition: say which (period=...)")
            period = self._disk.indexed_key(spec, doc_id)
            if period is None:
                return None
        found = self._disk.docs(spec, period).get(doc_id)
        return None if found is None else {**fresh(dict(found)), "id": doc_id}

    def periods(self, table: str) -> list[str]:
        """The partitions of a split table that exist on disk or wait in memory, sorted."""
        spec = spec_for(table)
        if not spec.partitioned:
            return []
        keys = set(spec.keys_on_disk(self.directory))
        keys |= {op.period for op in self._pending if op.table == table and op.period is not None}
        return sorted(keys)

    def count(self, table: str) -> int:
        """How many documents a table holds (an indexed table reads only its index)."""
        spec = spec_for(table)
        if not spec.indexed:
            return len(self.view(table, keep=False))
        ids = set(self._disk.index(spec))
        for op in self._pending:
            if op.table == table:
                for doc_id, doc in op.changes:
                    (ids.discard if doc is None else ids.add)(doc_id)
        return len(ids)

    def has_data(self) -> bool:
        """True when anything is saved (drafts and settings included) or waiting to be."""
        return bool(self._pending) or self._disk.has_data()

    def change_token(self) -> tuple[Any, ...]:
        """Changes whenever any session saves anything except drafts (a few stats, whatever the history size).

        Files are replaced by rename, so a folder's mtime moves with every write in it.
        """
        token: list[Any] = []
        for path in [*single_files(self.directory), *(self.directory / name for name in folders())]:
            try:
                info = path.stat()
            except FileNotFoundError:
                token.append(None)
            else:
                token.append((info.st_ino, info.st_size, info.st_mtime_ns))
        token.append(len(self._pending))
        token.append(self._saves)
        return tuple(token)

    def take_news(self) -> OpenReport:
        """Problems found since the last call (damaged, newer or unprotected files), for the UI to tell."""
        news = OpenReport()
        news.merge(self._news)
        self._news.clear()
        return news

    def tell(self, news: OpenReport) -> None:
        """Add something for the next :meth:`take_news` (repos report what they could not understand)."""
        self._news.merge(news)

    # ----- writes --------------------------------------------------------------------------

    @property
    def pending_count(self) -> int:
        """How many documents have changes waiting in memory."""
        return sum(len(op.changes) for op in self._pending)

    def pending_tables(self) -> set[str]:
        return {op.table for op in self._pending}

    def pending_changes(self) -> list[tuple[str, str | None, str, Doc | None]]:
        """Every change waiting in memory, oldest first: (table, partition, document id, document or None)."""
        return [(op.table, op.period, doc_id, doc) for op in self._pending for doc_id, doc in op.changes]

    def _op(self, table: str, doc_id: str, doc: Mapping[str, Any], period: str | None) -> _Op:
        spec = spec_for(table)
        body = {key: copy.deepcopy(value) for key, value in doc.items() if key != "id"}
        return _Op(table, self._key_for_put(spec, doc_id, body, period), ((doc_id, body),))

    def put(self, table: str, doc_id: str, doc: Mapping[str, Any], *, period: str | None = None) -> bool:
        """Save a whole document. False means it is kept in memory and will be retried."""
        return self._submit(self._op(table, doc_id, doc, period))

    def put_all(self, table: str, docs: Mapping[str, Mapping[str, Any]], *, period: str | None = None) -> bool:
        """Save several documents of one partition in one write (drafts flushed together)."""
        spec = spec_for(table)
        if not docs:
            return True
        bodies = {doc_id: {k: copy.deepcopy(v) for k, v in doc.items() if k != "id"} for doc_id, doc in docs.items()}
        keys = {self._key_for_put(spec, doc_id, body, period) for doc_id, body in bodies.items()}
        if len(keys) != 1:
            raise ValueError("put_all writes one partition: give documents of one period")
        return self._submit(_Op(table, keys.pop(), tuple(bodies.items())))

    def delete(self, table: str, doc_id: str, *, period: str | None = None) -> bool:
        spec = spec_for(table)
        if spec.partitioned and period is None:
            if not spec.indexed:
                raise ValueError(f"table {table!r} is split by partition: say which (period=...)")
            period = self._pending_key(table, doc_id) or self._disk.indexed_key(spec, doc_id)
            if period is None:
                return True  # nothing saved under that id
        spec.path(self.directory, period)
        return self._submit(_Op(table, period, ((doc_id, None),)))

    def retry_pending(self) -> bool:
        """Try the kept changes again, oldest first; True when nothing is left waiting.

        Changes to one file land in the order they were made. A file that must not
        be written (a newer version's) holds back only its own changes; a full disk,
        a read-only folder or a held lock stops the round (the rest would fail too).
        """
        held_back: set[tuple[str, str | None]] = set()
        index = 0
        while index < len(self._pending):
            op = self._pending[index]
            if (op.table, op.period) in held_back:
                index += 1
                continue
            try:
                self._write(op, keep_pending=True)
            except NewerSchemaError as error:
                self._failed(error)
                held_back.add((op.table, op.period))
                index += 1
                continue
            except (OSError, Timeout, StoreError) as error:
                self._failed(error)
                return False
            self._pending.pop(index)
        if self._pending:
            return False
        self.last_error = None
        return True

    def _submit(self, op: _Op) -> bool:
        """Write now; if changes are already waiting, queue behind those for the same file."""
        if op.table != DRAFTS.name:
            self._saves += 1
        if self._pending:
            self._queue(op)
            self.retry_pending()
            return not any(op.table == kept.table and op.period == kept.period for kept in self._pending)
        try:
            self._write(op)
        except (OSError, Timeout, StoreError) as error:
            self._failed(error)
            self._queue(op)
            return False
        finally:
            self._in_flight = None
        self.last_error = None
        return True

    def _queue(self, op: _Op) -> None:
        """Keep a change; one for the same file as the newest kept one is merged into it (drafts every second)."""
        last = self._pending[-1] if self._pending else None
        if last is not None and last.table == op.table and last.period == op.period:
            merged = dict(last.changes)
            merged.update(op.changes)
            self._pending[-1] = _Op(op.table, op.period, tuple(merged.items()))
        else:
            self._pending.append(op)

    def _failed(self, error: BaseException) -> None:
        self.last_error = error
        if isinstance(error, NewerSchemaError):
            self._disk.note_newer(error)

    @contextmanager
    def locked(self) -> Iterator[None]:
        with self._lock:
            yield

    def _write(self, op: _Op, *, keep_pending: bool = False) -> None:
        if not keep_pending:
            self._in_flight = op
        with self.locked():
            self._disk.write(spec_for(op.table), op.period, op.changes)

    def update(self, table: str, doc_id: str, change: Callable[[Doc], None], *, period: str | None = None) -> bool:
        """Read-modify-write one document under the lock (for lists two sessions may touch).

        ``change`` gets a copy of the current document (empty if none) and edits it in place.
        When the lock cannot be had (another session holds it, a read-only folder) the
        change is made to what this session sees and kept in memory like any failed write.
        """
        try:
            self._lock.acquire()
        except (OSError, Timeout) as error:
            self._failed(error)
            self._queue(self._changed(table, doc_id, change, period))
            return False
        try:
            return self._submit(self._changed(table, doc_id, change, period))
        finally:
            self._lock.release()

    def _changed(self, table: str, doc_id: str, change: Callable[[Doc], None], period: str | None) -> _Op:
        current = self.get(table, doc_id, period=period)
        body = {} if current is None else {k: v for k, v in current.items() if k != "id"}
        change(body)
        return self._op(table, doc_id, body, period)

    # ----- leaving ---------------------------------------------------------------------------

    def leave(self) -> None:
        """The process is being cut off: lock waits give up now (see ``store.locking``)."""
        self._lock.leave()

    def unsaved(self) -> list[Changes]:
        """What is not on disk yet: kept changes and the one being written (callable from another thread)."""
        ops = list(self._pending)
        flying = self._in_flight
        if flying is not None and flying not in ops:
            ops.append(flying)
        return [(op.table, op.period, tuple(op.changes)) for op in ops]

    def write_emergency(self, extra: list[Changes] | None = None) -> Path | None:
        """Write what is not saved (and ``extra``: drafts not handed over yet) to this process's emergency
        file, without the lock; the next start merges it. None when there was nothing, or it failed too."""
        changes = [*self.unsaved(), *(extra or [])]
        if not changes:
            return None
        try:
            return write_emergency(self.directory, changes)
        except (OSError, ValueError, TypeError, RecursionError):
            return None

    @property
    def disk(self) -> PartitionFiles:
        return self._disk

    def forget_files(self) -> None:
        """Drop every parsed file kept in memory (after the folder's layout changed underneath)."""
        self._files.clear()

    def close(self) -> None:
        self._files.clear()


def open_store(directory: Path) -> tuple[Store, OpenReport]:
    """Open (creating if needed) a data folder.

    Reads only ``jiebei.json`` (settings); a folder in the first release's layout
    is moved to the current one (old files kept in a backup folder). Raises
    NewerSchemaError when ``jiebei.json`` was written by a newer version: the
    caller shows the message and stops, and nothing is written.
    """
    from jiebei_tui.store.opening import open_directory

    return open_directory(Path(directory))


def is_empty(store: Store) -> bool:
    """True when the folder holds no saved documents (drafts and settings included)."""
    return not store.has_data()


__all__ = ["CorruptFileError", "NewerSchemaError", "OpenReport", "Store", "is_empty", "new_id", "open_store"]
