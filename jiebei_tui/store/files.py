"""Reading data files: integrity checked when a file is first read, parsed files reused while unchanged.

Each file is checked the first time it is read (and again whenever it changed
on disk): valid UTF-8 JSON, the shape TinyDB writes (tables of documents), and a
schema version this release understands. A parsed file is reused only while its
(inode, size, mtime) is unchanged, so another session's write is always seen;
the cache is bounded so a search over every note does not keep them all.
"""

from __future__ import annotations

import json
import os
import stat
import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from jiebei_tui.store.atomic import atomic_write
from jiebei_tui.store.errors import CorruptFileError, NewerSchemaError
from jiebei_tui.store.report import Recovery
from jiebei_tui.store.schema import SCHEMA_VERSION, Tables, version_of

Signature = tuple[int, int, int]
CACHE_BYTES = 2 * 1024 * 1024  # raw JSON kept parsed (about six times that in Python objects)


def signature(info: os.stat_result) -> Signature:
    return (info.st_ino, info.st_size, info.st_mtime_ns)


def decode(path: Path, raw: bytes) -> Tables:
    """Parse and check the shape TinyDB expects; anything else is corruption."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise CorruptFileError(path, f"not valid JSON ({error})") from None
    if not isinstance(data, dict) or not all(
        isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values()) for table in data.values()
    ):
        raise CorruptFileError(path, "not a jiebei-tui data file")
    try:
        found = version_of(data)
    except ValueError as error:
        raise CorruptFileError(path, str(error)) from None
    if found > SCHEMA_VERSION:
        raise NewerSchemaError(path, found, SCHEMA_VERSION)
    return data


def encode(tables: Tables) -> bytes:
    return json.dumps(tables, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def backup_of(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


class FileCache:
    """Parsed data files by path; ``on_insecure`` is told about a file others could read (fixed at once)."""

    def __init__(self, on_insecure: Callable[[Path], None], max_bytes: int = CACHE_BYTES) -> None:
        self._entries: OrderedDict[Path, tuple[Signature, Tables]] = OrderedDict()
        self._bytes = 0
        self._max_bytes = max_bytes
        self._seen: set[Path] = set()
        self._on_insecure = on_insecure

    def read(self, path: Path, *, keep: bool = True) -> Tables | None:
        """The file's tables (shared: never change them), None if it does not exist.

        Raises CorruptFileError or NewerSchemaError; the caller decides what to do.
        """
        try:
            fd = os.open(path, os.O_RDONLY)
        except (FileNotFoundError, NotADirectoryError):
            self.forget(path)
            return None
        try:
            info = os.fstat(fd)
            current = signature(info)
            entry = self._entries.get(path)
            if entry is not None and entry[0] == current:
                self._entries.move_to_end(path)
                return entry[1]
            if path not in self._seen:
                self._secure(path, fd, info)
            chunks = []
            while chunk := os.read(fd, max(info.st_size, 65536) + 1):
                chunks.append(chunk)
        finally:
            os.close(fd)
        tables = decode(path, b"".join(chunks))
        self._seen.add(path)
        if keep:
            self.remember(path, current, tables)
        else:
            self.forget(path)
        return tables

    def _secure(self, path: Path, fd: int, info: os.stat_result) -> None:
        # fchmod on the descriptor we read: no race with another session replacing the file.
        if stat.S_IMODE(info.st_mode) & 0o077:
            try:
                os.fchmod(fd, 0o600)
            except OSError:
                return  # read-only file system: reported as not writable elsewhere
            self._on_insecure(path)

    def remember(self, path: Path, current: Signature, tables: Tables) -> None:
        self.forget(path)
        self._seen.add(path)
        size = current[1]
        if size > self._max_bytes:
            return
        self._entries[path] = (current, tables)
        self._bytes += size
        while self._bytes > self._max_bytes and self._entries:
            _old, ((_ino, old_size, _mtime), _tables) = self._entries.popitem(last=False)
            self._bytes -= old_size

    def forget(self, path: Path) -> None:
        entry = self._entries.pop(path, None)
        if entry is not None:
            self._bytes -= entry[0][1]

    def clear(self) -> None:
        self._entries.clear()
        self._bytes = 0


def aside_name(path: Path) -> Path:
    stamp = time.strftime("%Y%m%dT%H%M%S")
    candidate = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    return candidate


def recover_file(path: Path, reason: str, tmp_dir: Path) -> Recovery:
    """Move a damaged file aside (kept) and put its last good backup in its place. Call under the lock."""
    moved_to = aside_name(path)
    os.replace(path, moved_to)
    backup = backup_of(path)
    restored = False
    try:
        good = backup.read_bytes()
        decode(backup, good)
    except (OSError, CorruptFileError, NewerSchemaError):
        pass
    else:
        atomic_write(path, good, tmp_dir=tmp_dir)
        restored = True
    return Recovery(path, moved_to, reason, restored)
