"""A TinyDB storage that writes atomically and re-reads only when the file changed.

TinyDB's JSONStorage rewrites the file in place (corrupt on SIGKILL/SIGHUP) and
re-parses it on every read. Here every write is an atomic replace, and a read
reuses the parsed data only while the file's (inode, size, mtime) is unchanged,
so another process's write is always seen.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from jiebei_tui import __version__
from jiebei_tui.store.atomic import atomic_write
from jiebei_tui.store.errors import CorruptFileError, NewerSchemaError
from jiebei_tui.store.schema import SCHEMA_VERSION, Tables, stamp, version_of

Signature = tuple[int, int, int]


def signature(stat: os.stat_result) -> Signature:
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


def decode(path: Path, raw: bytes) -> Tables:
    """Parse and check the shape TinyDB expects; anything else is corruption."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CorruptFileError(path, f"not valid JSON ({error})") from None
    if not isinstance(data, dict) or not all(
        isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
        for table in data.values()
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


class AtomicJSONStorage(Storage):
    def __init__(self, path: Path, kind: str) -> None:
        self.path = Path(path)
        self.kind = kind
        self._data: Tables | None = None
        self._signature: Signature | None = None

    @property
    def backup_path(self) -> Path:
        return self.path.with_name(self.path.name + ".bak")

    def read(self) -> Tables | None:
        try:
            with self.path.open("rb") as handle:
                current = signature(os.fstat(handle.fileno()))
                if current == self._signature and self._data is not None:
                    return self._data
                raw = handle.read()
        except FileNotFoundError:
            self._data, self._signature = None, None
            return None
        data = decode(self.path, raw)
        self._data, self._signature = data, current
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        stamp(data, self.kind, __version__)
        try:
            atomic_write(self.path, encode(data), backup=self.backup_path)
        except BaseException:
            # TinyDB mutated the cached dict before calling us: forget it so the
            # next read comes from disk, not from the failed change.
            self._data, self._signature = None, None
            raise
        self._data = data
        self._signature = signature(self.path.stat())

    def forget(self) -> None:
        self._data, self._signature = None, None

    def close(self) -> None:
        self.forget()
