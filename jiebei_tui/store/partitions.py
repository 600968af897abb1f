"""The files behind the tables: reading with repair, one write per file, the id indexes.

Reads never raise for a bad file: a damaged one is repaired under the lock
(moved aside, backup restored, user told) and a newer one reads as empty and is
reported. Writes run under the lock (the caller holds it), re-read the file,
decide insert/replace/delete, and write the file once; nothing is written when
nothing changes. For an indexed table the index (id → partition) is written
before a new document and after a deletion, so a crash leaves at worst an index
entry that points at nothing (read as "not there"), never a document that
cannot be found.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from filelock import Timeout

from jiebei_tui import __version__, locations
from jiebei_tui.store.atomic import atomic_write, atomic_write_many
from jiebei_tui.store.errors import CorruptFileError, NewerSchemaError
from jiebei_tui.store.files import FileCache, aside_name, backup_of, encode, recover_file, signature
from jiebei_tui.store.locking import DataLock
from jiebei_tui.store.report import REBUILT, OpenReport, Recovery
from jiebei_tui.store.schema import META_TABLE, Tables, stamp
from jiebei_tui.store.tables import INDEX_TABLE, OTHER_FILE, TABLES, TableSpec, kind_of

Docs = Mapping[str, Mapping[str, Any]]
Change = tuple[str, dict[str, Any] | None]


class PartitionFiles:
    def __init__(self, directory: Path, files: FileCache, lock: DataLock, news: OpenReport) -> None:
        self.directory = directory
        self.tmp_dir = locations.tmp_dir(directory)
        self._files = files
        self._lock = lock
        self._news = news
        self._folders_made: set[Path] = set()
        self._reported_newer: set[Path] = set()
        self._batch: dict[tuple[str, str | None], dict[str, dict[str, Any]]] | None = None
        # Files planned by one change, written together (see atomic_write_many) when it is complete.
        self._group: dict[Path, tuple[Tables, str]] | None = None

    # ----- reading ---------------------------------------------------------------------------

    def note_newer(self, error: NewerSchemaError) -> None:
        if error.path not in self._reported_newer:
            self._reported_newer.add(error.path)
            self._news.newer.append(error)

    def load(self, path: Path, *, keep: bool = True) -> Tables:
        """A file's tables, {} when it is missing, newer (reported) or damaged beyond repair."""
        try:
            return self._files.read(path, keep=keep) or {}
        except NewerSchemaError as error:
            self.note_newer(error)
            return {}
        except CorruptFileError:
            pass
        try:
            with self._lock:
                return self.load_locked(path)
        except NewerSchemaError as error:
            self.note_newer(error)
            return {}
        except (OSError, Timeout):
            return {}  # cannot repair now (read-only, lock held): writes to it wait in memory meanwhile

    def load_locked(self, path: Path, *, keep: bool = True) -> Tables:
        """Under the lock: read, repairing a damaged file; NewerSchemaError is raised (never written)."""
        if self._group is not None and path in self._group:
            return self._group[path][0]
        try:
            return self._files.read(path, keep=keep) or {}
        except CorruptFileError as error:
            return self._recover(path, error.reason)

    def _recover(self, path: Path, reason: str) -> Tables:
        try:
            remembered = self._files.remembered(path, path.lstat().st_ino)
        except FileNotFoundError:
            remembered = None
        self._files.forget(path)
        spec = self._index_owner(path)
        if spec is not None:
            moved_to = aside_name(path)
            os.replace(path, moved_to)
            self._news.recoveries.append(Recovery(path, moved_to, reason, REBUILT))
            self._rebuild_index(spec)
            return self.load_locked(path)
        self._news.recoveries.append(recover_file(path, reason, self._tmp(), remembered))
        return self.load_locked(path)

    def docs(self, spec: TableSpec, key: str | None, *, keep: bool = True) -> Docs:
        tables = self.load(spec.path(self.directory, key), keep=keep)
        return tables.get(spec.name, {})

    def _single_files(self) -> list[Path]:
        return [self.directory / name for name in sorted({s.file for s in TABLES.values() if not s.partitioned} | {OTHER_FILE})]

    def single_table_names(self) -> set[str]:
        """Tables found in the one-file tables' files (settings, drafts, undeclared tables)."""
        return {name for path in self._single_files() for name in self.load(path, keep=False) if name != META_TABLE}

    def has_data(self) -> bool:
        for path in self._single_files():
            if any(docs for table, docs in self.load(path, keep=False).items() if table != META_TABLE):
                return True
        for spec in TABLES.values():
            for key in spec.keys_on_disk(self.directory) if spec.partitioned else ():
                if self.docs(spec, key, keep=False):
                    return True
        return False

    # ----- indexes ---------------------------------------------------------------------------
    # An index is one file or several shards; all its files exist together once the table has a
    # document, so a missing or damaged one is noticed and the whole index rebuilt from the data.

    def _index_owner(self, path: Path) -> TableSpec | None:
        for spec in TABLES.values():
            if spec.indexed and path in spec.index_paths(self.directory):
                return spec
        return None

    @staticmethod
    def _merged(shards: list[Tables]) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for tables in shards:
            merged.update(tables.get(INDEX_TABLE, {}))
        return merged

    def _whole(self, spec: TableSpec, shards: list[Tables]) -> bool:
        return all(shards) or (not any(shards) and not spec.keys_on_disk(self.directory))

    def index(self, spec: TableSpec) -> Docs:
        """Document id → {"key": partition}; rebuilt from the data files when missing or damaged."""
        shards = [self.load(path) for path in spec.index_paths(self.directory)]
        if self._whole(spec, shards):
            return self._merged(shards)
        try:
            with self._lock:
                return self.index_locked(spec)
        except NewerSchemaError as error:
            self.note_newer(error)
            return self._scan_index(spec)
        except (OSError, Timeout):
            return self._scan_index(spec)  # cannot write it now: work it out in memory

    def index_locked(self, spec: TableSpec) -> Docs:
        shards = [self.load_locked(path) for path in spec.index_paths(self.directory)]
        if self._whole(spec, shards):
            return self._merged(shards)
        return self._rebuild_index(spec)

    def indexed_key(self, spec: TableSpec, doc_id: str) -> str | None:
        shard = self.load(spec.index_path(self.directory, doc_id))
        entries = shard.get(INDEX_TABLE, {}) if shard else self.index(spec)
        entry = entries.get(doc_id)
        key = entry.get("key") if entry is not None else None
        return key if spec.valid_key(key) else None

    def _scan_index(self, spec: TableSpec) -> dict[str, dict[str, Any]]:
        return {
            doc_id: {"key": key}
            for key in spec.keys_on_disk(self.directory)
            for doc_id in self.docs(spec, key, keep=False)
        }

    def _write_index(self, spec: TableSpec, entries: Mapping[str, Any], only: set[Path] | None = None) -> None:
        paths = spec.index_paths(self.directory)
        files: dict[Path, dict[str, Any]] = {path: {} for path in paths}
        for doc_id, entry in entries.items():
            files[paths[spec.shard_of(doc_id)]][doc_id] = entry
        for path, docs in files.items():
            if only is None or path in only:
                self._write_tables(path, {INDEX_TABLE: docs}, "index")

    def _rebuild_index(self, spec: TableSpec) -> dict[str, dict[str, Any]]:
        index = self._scan_index(spec)
        self._write_index(spec, index)
        return index

    def _update_index(self, spec: TableSpec, changes: Mapping[str, str | None]) -> dict[str, str]:
        """Point ids at partitions (None removes them); returns the old partition of every id that moved.

        Only the index files holding changed ids are read and written (all of them the first time)."""
        paths = spec.index_paths(self.directory)
        shards = [self.load_locked(path) for path in paths]
        if not self._whole(spec, shards):
            self._rebuild_index(spec)
            shards = [self.load_locked(path) for path in paths]
        first = not any(shards)
        by_shard: dict[int, dict[str, str | None]] = {}
        for doc_id, key in changes.items():
            by_shard.setdefault(spec.shard_of(doc_id), {})[doc_id] = key
        moved: dict[str, str] = {}
        for number, path in enumerate(paths):
            current: Mapping[str, Any] = shards[number].get(INDEX_TABLE, {})
            updated = dict(current)
            for doc_id, key in by_shard.get(number, {}).items():
                old = current.get(doc_id, {}).get("key")
                if key is None:
                    updated.pop(doc_id, None)
                elif old != key:
                    updated[doc_id] = {"key": key}
                    if spec.valid_key(old):
                        moved[doc_id] = str(old)
            if first or updated != current:
                self._write_tables(path, {INDEX_TABLE: updated}, "index")
        return moved

    # ----- writing (the caller holds the lock) ---------------------------------------------------

    def write(self, spec: TableSpec, key: str | None, changes: tuple[Change, ...]) -> None:
        if self._batch is not None:
            for doc_id, doc in changes:
                self._batch.setdefault((spec.name, key), {})[doc_id] = doc  # type: ignore[assignment]
            return
        self._begin_group()
        try:
            self._plan(spec, key, changes)
        except BaseException:
            self._group = None
            raise
        self._flush_group()

    def _begin_group(self) -> None:
        self._group = {}

    def _flush_group(self) -> None:
        group, self._group = self._group or {}, None
        if not group:
            return
        items = []
        for path, (tables, kind) in group.items():
            self._folder(path.parent)
            stamp(tables, kind, __version__)
            items.append((path, encode(tables), backup_of(path)))
        try:
            written = atomic_write_many(items, self._tmp())
        except BaseException:
            for path in group:
                self._files.forget(path)
            raise
        for (path, (tables, _kind)), info in zip(group.items(), written, strict=True):
            self._files.remember(path, signature(info), tables)

    def _plan(self, spec: TableSpec, key: str | None, changes: tuple[Change, ...]) -> None:
        if not spec.indexed or key is None:
            self._apply(spec, key, changes)
            return
        added = {doc_id: key for doc_id, doc in changes if doc is not None}
        moved = self._update_index(spec, added) if added else {}
        for old_key in sorted(set(moved.values())):
            self._apply(spec, old_key, tuple((doc_id, None) for doc_id, was in moved.items() if was == old_key))
        self._apply(spec, key, changes)
        gone = [doc_id for doc_id, doc in changes if doc is None]
        if gone:
            index = self.index_locked(spec)
            self._update_index(spec, {doc_id: None for doc_id in gone if index.get(doc_id, {}).get("key") == key})

    def _apply(self, spec: TableSpec, key: str | None, changes: tuple[Change, ...]) -> None:
        path = spec.path(self.directory, key)
        tables = self.load_locked(path)
        docs: Docs = tables.get(spec.name, {})
        changed: dict[str, Any] | None = None
        for doc_id, doc in changes:
            present = changed if changed is not None else docs
            if doc is None:
                if doc_id in present:
                    changed = dict(present)
                    del changed[doc_id]
            elif present.get(doc_id) != doc:
                changed = dict(present) if changed is None else changed
                changed[doc_id] = doc
        if changed is None:
            return  # nothing to change: no write
        self._write_tables(path, {**tables, spec.name: changed}, kind_of(spec))

    def _tmp(self) -> Path:
        self._folder(self.tmp_dir)
        return self.tmp_dir

    def _folder(self, folder: Path) -> None:
        if folder not in self._folders_made:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            self._folders_made.add(folder)

    def _write_tables(self, path: Path, tables: Tables, kind: str) -> None:
        if self._group is not None:
            if path in self._group:  # written twice in one change (an index before and after): keep the order
                self._flush_group()
                self._begin_group()
            self._group[path] = (tables, kind)
            return
        self._folder(path.parent)
        stamp(tables, kind, __version__)
        try:
            written = atomic_write(path, encode(tables), backup=backup_of(path), tmp_dir=self._tmp())
        except BaseException:
            self._files.forget(path)
            raise
        self._files.remember(path, signature(written), tables)

    def mark_layout(self) -> None:
        """Write an empty ``jiebei.json`` (settings) in the current schema: it names the folder's layout."""
        main = TABLES["settings"]
        self._write_tables(main.path(self.directory), {main.name: {}}, kind_of(main))

    # ----- batches ---------------------------------------------------------------------------

    def begin_batch(self) -> None:
        self._batch = {}

    def abandon_batch(self) -> None:
        self._batch = None

    def stage(self, spec: TableSpec, key: str | None, doc_id: str, doc: dict[str, Any]) -> None:
        if self._batch is None:
            raise RuntimeError("stage() outside bulk()")
        self._batch.setdefault((spec.name, key), {})[doc_id] = doc

    def commit_batch(self) -> None:
        """Write every file the batch touched once (each index once too)."""
        batch, self._batch = self._batch or {}, None
        self._begin_group()
        try:
            self._commit(batch)
        except BaseException:
            self._group = None
            raise
        self._flush_group()

    def _commit(self, batch: dict[tuple[str, str | None], dict[str, dict[str, Any]]]) -> None:
        by_spec: dict[str, list[tuple[str | None, dict[str, Any]]]] = {}
        for (name, key), docs in batch.items():
            by_spec.setdefault(name, []).append((key, docs))
        for name, parts in by_spec.items():
            spec = TABLES.get(name) or _other(name)
            if spec.indexed:
                wanted = {doc_id: key for key, docs in parts for doc_id, doc in docs.items() if doc is not None}
                moved = self._update_index(spec, wanted) if wanted else {}
                for old_key in sorted(set(moved.values())):
                    self._apply(spec, old_key, tuple((i, None) for i, was in moved.items() if was == old_key))
            for key, docs in sorted(parts, key=lambda part: part[0] or ""):
                self._apply(spec, key, tuple(docs.items()))
            if spec.indexed:
                gone = {doc_id for _key, docs in parts for doc_id, doc in docs.items() if doc is None}
                if gone:
                    self._update_index(spec, dict.fromkeys(gone))


def _other(name: str) -> TableSpec:
    from jiebei_tui.store.tables import spec_for

    return spec_for(name)
