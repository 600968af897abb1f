"""Emergency files: what a session cut off could not save, kept for the next start.

When SIGHUP arrives (an SSH drop) while another session holds the lock, there is
no time to wait for it: the changes still in memory (drafts, lines the disk
refused) go to ``emergency-<pid>-<time>.json`` in the data folder, one file per
process, written atomically without the lock (no other process writes that
name). The next start merges every such file under the lock and tells the user:
drafts only where the file's draft is newer than the saved one, every other
change as it was made. A file that cannot be merged yet (it touches a file of a
newer version) stays and is said again at the next start.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
import time
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from jiebei_tui import __version__
from jiebei_tui.store.errors import NOT_DATA, NOT_JSON, CorruptFileError, NewerSchemaError
from jiebei_tui.store.files import aside_name, nesting_exceeds, read_regular
from jiebei_tui.store.partitions import PartitionFiles
from jiebei_tui.store.report import Emergency
from jiebei_tui.store.schema import META_ID, META_TABLE, SCHEMA_VERSION
from jiebei_tui.store.tables import DRAFTS, spec_for

PREFIX = "emergency-"
KIND = "emergency"
# One partition's changes: (table, partition or None, ((document id, document or None to delete), ...)).
Changes = tuple[str, "str | None", tuple[tuple[str, "dict[str, Any] | None"], ...]]


def emergency_files(directory: Path) -> list[Path]:
    try:
        names = sorted(entry.name for entry in os.scandir(directory) if entry.name.startswith(PREFIX))
    except OSError:
        return []
    return [directory / name for name in names if name.endswith(".json")]


def write_emergency(directory: Path, changes: list[Changes]) -> Path:
    """Write ``changes`` to a new file of this process, synced; returns its path. Raises OSError."""
    body = {
        META_TABLE: {META_ID: {"version": SCHEMA_VERSION, "kind": KIND, "written_by": __version__}},
        "changes": [[table, period, [[doc_id, doc] for doc_id, doc in docs]] for table, period, docs in changes],
    }
    data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    target = directory / f"{PREFIX}{os.getpid()}-{time.strftime('%Y%m%dT%H%M%S')}.json"
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return target


def read_emergency(path: Path) -> list[Changes]:
    """The changes in one emergency file; CorruptFileError when it is not one (a link, damage, odd shapes)."""
    info = path.lstat()
    if not stat.S_ISREG(info.st_mode) or info.st_uid not in (os.geteuid(), 0):
        raise CorruptFileError(path, NOT_DATA)
    try:
        body = json.loads(read_regular(path).decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise CorruptFileError(path, NOT_JSON, str(error)) from None
    meta = body.get(META_TABLE, {}).get(META_ID, {}) if isinstance(body, dict) else {}
    if not isinstance(meta, dict) or meta.get("kind") != KIND or nesting_exceeds(body):
        raise CorruptFileError(path, NOT_DATA)
    version = meta.get("version")
    if isinstance(version, int) and version > SCHEMA_VERSION:
        raise NewerSchemaError(path, version, SCHEMA_VERSION)
    found: list[Changes] = []
    for entry in body.get("changes", []):
        try:
            table, period, docs = entry
            spec = spec_for(table)
            spec.path(path.parent, period)  # a table and partition this release can place
            pairs = tuple((str(doc_id), None if doc is None else dict(doc)) for doc_id, doc in docs)
        except (TypeError, ValueError):
            raise CorruptFileError(path, NOT_DATA) from None
        found.append((table, period, pairs))
    return found


def _newer(saved_at: Any, than: Any) -> bool:
    try:
        return datetime.fromisoformat(str(saved_at)) > datetime.fromisoformat(str(than))
    except (TypeError, ValueError):
        return True  # cannot tell: what the cut-off session had is kept


def drafts_to_merge(docs: tuple[tuple[str, dict[str, Any] | None], ...], saved: Mapping[str, Mapping[str, Any]]) -> tuple[tuple[str, dict[str, Any] | None], ...]:
    """The drafts of an emergency file that are newer than those saved since (another session typed on)."""
    kept = []
    for doc_id, doc in docs:
        current = saved.get(doc_id)
        if doc is None or current is None or _newer((doc or {}).get("saved_at"), current.get("saved_at")):
            kept.append((doc_id, doc))
    return tuple(kept)


def count(changes: list[Changes]) -> int:
    return sum(len(docs) for _table, _period, docs in changes)


def merge_emergencies(directory: Path, disk: PartitionFiles) -> list[Emergency]:
    """Merge every emergency file into the data files and remove it. Call under the lock, at start."""
    told: list[Emergency] = []
    for path in emergency_files(directory):
        try:
            changes = read_emergency(path)
        except NewerSchemaError:
            told.append(Emergency(path, 0, False))
            continue
        except (CorruptFileError, OSError):
            moved_to = aside_name(path)  # kept for a person to look at, not read again at every start
            os.replace(path, moved_to)
            told.append(Emergency(moved_to, 0, False))
            continue
        try:
            for table, period, docs in changes:
                spec = spec_for(table)
                if table == DRAFTS.name:
                    docs = drafts_to_merge(docs, disk.docs(spec, period))
                if docs:
                    disk.write(spec, period, docs)
        except NewerSchemaError as error:
            disk.note_newer(error)
            told.append(Emergency(path, count(changes), False))
            continue
        path.unlink()
        told.append(Emergency(path, count(changes), True))
    return told
