"""Crash-safe file replacement.

A reader (this process or another) only ever sees the old file or the new one:
the new bytes go to a temporary file in the same directory, are fsynced, and are
swapped in with ``os.replace``; then the directory is fsynced so the rename
itself survives a power cut.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def fsync_directory(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _link_backup(path: Path, backup: Path) -> None:
    """Keep the version being replaced as ``backup`` (a hard link: no copy needed)."""
    staging = backup.with_name(backup.name + ".tmp")
    try:
        staging.unlink(missing_ok=True)
        try:
            os.link(path, staging)
        except OSError:
            shutil.copyfile(path, staging)
        os.replace(staging, backup)
    except FileNotFoundError:
        return


def atomic_write(path: Path, data: bytes, *, backup: Path | None = None) -> None:
    """Replace ``path`` with ``data``; on any error the old file is untouched and no temp file is left."""
    directory = path.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if backup is not None and path.exists():
            _link_backup(path, backup)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_directory(directory)
