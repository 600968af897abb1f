"""Crash-safe file replacement.

A reader (this process or another) only ever sees the old file or the new one:
the new bytes go to a temporary file, are fsynced, and are swapped in with
``os.replace``; then the directory is fsynced so the rename itself survives a
power cut. Temporary files live in one folder (``.tmp`` in the data folder, same
file system, so the rename stays atomic): a killed writer's leftovers are found
there at the next start without listing thousands of note files.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path


def fsync_directory(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _link_backup(path: Path, backup: Path, tmp_dir: Path) -> None:
    """Keep the version being replaced as ``backup`` (a hard link: no copy needed)."""
    staging = tmp_dir / f".{backup.name}.{os.getpid()}.tmp"  # writers hold the lock: one at a time
    try:
        staging.unlink(missing_ok=True)
        try:
            os.link(path, staging)
        except FileNotFoundError:
            return
        except OSError:
            shutil.copyfile(path, staging)
        os.replace(staging, backup)
    finally:
        staging.unlink(missing_ok=True)


def atomic_write(
    path: Path, data: bytes, *, backup: Path | None = None, tmp_dir: Path | None = None
) -> os.stat_result:
    """Replace ``path`` with ``data``; on any error the old file is untouched and no temp file is left.

    Returns the new file's stat (inode, size and mtime do not change with the
    rename), so a cache can recognise the file without another system call.
    """
    directory = path.parent
    temporary = tmp_dir or directory
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=temporary)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            written = os.fstat(handle.fileno())
        if backup is not None and path.exists():
            _link_backup(path, backup, temporary)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_directory(directory)
    return written


def atomic_write_many(items: Sequence[tuple[Path, bytes, Path | None]], tmp_dir: Path) -> list[os.stat_result]:
    """Several files replaced together: every temp file written and fsynced first, then renamed in the
    given order, then each folder fsynced once. A crash leaves a prefix of the renames done, as
    writing them one by one would, with fewer fsyncs (one per folder, not one per file)."""
    staged: list[tuple[Path, Path, Path | None]] = []
    written: list[os.stat_result] = []
    try:
        for path, data, backup in items:
            fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=tmp_dir)
            staged.append((Path(tmp_name), path, backup))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
                written.append(os.fstat(handle.fileno()))
        for tmp, path, backup in staged:
            if backup is not None and path.exists():
                _link_backup(path, backup, tmp_dir)
            os.replace(tmp, path)
    except BaseException:
        for tmp, _path, _backup in staged:
            tmp.unlink(missing_ok=True)
        raise
    for folder in dict.fromkeys(path.parent for _tmp, path, _backup in staged):
        fsync_directory(folder)
    return written


def atomic_write_chunks(path: Path, chunks: Iterable[bytes]) -> None:
    """``atomic_write`` for output produced a piece at a time (exports): never all in memory."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_directory(path.parent)
