"""Reading data files: integrity checked when a file is first read, parsed files reused while unchanged.

Each file is checked the first time it is read (and again whenever it changed
on disk): a regular file of this user (never a symbolic link: it is opened with
O_NOFOLLOW), valid UTF-8 JSON, the shape TinyDB writes (tables of documents)
nested no deeper than :data:`MAX_DEPTH`, and a schema version this release
understands. A parsed file is reused only while its (inode, size, mtime) is
unchanged, so another session's write is always seen; the cache is bounded so a
search over every note does not keep them all.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from jiebei_tui.store.atomic import atomic_write
from jiebei_tui.store.errors import (
    A_LINK,
    BAD_VERSION,
    FOREIGN,
    NOT_DATA,
    NOT_JSON,
    TOO_DEEP,
    CorruptFileError,
    NewerSchemaError,
)
from jiebei_tui.store.report import FROM_BACKUP, FROM_MEMORY, NOTHING, Recovery
from jiebei_tui.store.schema import SCHEMA_VERSION, Tables, version_of

Signature = tuple[int, int, int]
CACHE_BYTES = 2 * 1024 * 1024  # raw JSON kept parsed (about six times that in Python objects)
# Containers inside containers, counted from the file's top. The app writes at most about ten;
# copying, exporting and printing documents recurse, so a hand-made file a thousand deep is damage.
MAX_DEPTH = 64
NOFOLLOW = os.O_NOFOLLOW | os.O_CLOEXEC


def signature(info: os.stat_result) -> Signature:
    return (info.st_ino, info.st_size, info.st_mtime_ns)


def nesting_exceeds(value: object, limit: int = MAX_DEPTH) -> bool:
    """True when containers nest deeper than ``limit`` (a loop, not recursion: any depth is safe to check)."""
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else ()
        for child in children:
            if isinstance(child, (dict, list)):
                if depth >= limit:
                    return True
                stack.append((child, depth + 1))
    return False


def decode(path: Path, raw: bytes) -> Tables:
    """Parse and check the shape TinyDB expects; anything else is corruption."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CorruptFileError(path, NOT_JSON, str(error)) from None
    except RecursionError:
        raise CorruptFileError(path, TOO_DEEP) from None
    if not isinstance(data, dict) or not all(
        isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values()) for table in data.values()
    ):
        raise CorruptFileError(path, NOT_DATA)
    if nesting_exceeds(data):
        raise CorruptFileError(path, TOO_DEEP)
    try:
        found = version_of(data)
    except ValueError as error:
        raise CorruptFileError(path, BAD_VERSION, str(error)) from None
    if found > SCHEMA_VERSION:
        raise NewerSchemaError(path, found, SCHEMA_VERSION)
    return data


def read_regular(path: Path) -> bytes:
    """A file's bytes, refusing a symbolic link (OSError ELOOP) instead of reading what it points to."""
    fd = os.open(path, os.O_RDONLY | NOFOLLOW)
    try:
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


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
        self._uid = os.geteuid()

    def read(self, path: Path, *, keep: bool = True) -> Tables | None:
        """The file's tables (shared: never change them), None if it does not exist.

        Raises CorruptFileError or NewerSchemaError; the caller decides what to do.
        """
        try:
            fd = os.open(path, os.O_RDONLY | NOFOLLOW)
        except (FileNotFoundError, NotADirectoryError):
            self.forget(path)
            return None
        except OSError as error:
            if error.errno == errno.ELOOP:
                raise CorruptFileError(path, A_LINK) from None
            raise
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
        # Someone else's file in our folder (it was open to others once) is not trusted; root's is
        # (a run under sudo). fchmod on the descriptor we read: no race with a session replacing it.
        if info.st_uid not in (self._uid, 0) or not stat.S_ISREG(info.st_mode):
            raise CorruptFileError(path, FOREIGN if stat.S_ISREG(info.st_mode) else NOT_DATA)
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

    def remembered(self, path: Path, inode: int) -> Tables | None:
        """The version of ``path`` this session last read or wrote, if the file on disk is still that one
        (same inode: damaged in place, not replaced by another session's write)."""
        entry = self._entries.get(path)
        return entry[1] if entry is not None and entry[0][0] == inode else None

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
    while os.path.lexists(candidate):
        counter += 1
        candidate = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    return candidate


def recover_file(path: Path, reason: str, tmp_dir: Path, remembered: Tables | None = None) -> Recovery:
    """Move a damaged file aside (kept) and put a good copy in its place. Call under the lock.

    The copy is the version this session last saw of that very file when there is
    one (nothing saved is lost), else the backup (the version before the last
    write), else nothing. A symbolic link is moved aside itself, never followed.
    """
    moved_to = aside_name(path)
    os.replace(path, moved_to)
    if remembered is not None:
        atomic_write(path, encode(remembered), tmp_dir=tmp_dir)
        return Recovery(path, moved_to, reason, FROM_MEMORY)
    backup = backup_of(path)
    try:
        good = read_regular(backup)
        decode(backup, good)
    except (OSError, CorruptFileError, NewerSchemaError):
        return Recovery(path, moved_to, reason, NOTHING)
    atomic_write(path, good, tmp_dir=tmp_dir)
    return Recovery(path, moved_to, reason, FROM_BACKUP)
