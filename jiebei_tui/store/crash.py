"""Crash reports: the traceback of an unexpected error, kept private, never printed on the screen.

A traceback can hold record ids and pieces of what was typed, so it goes to a
file readable only by the user (0600) in the data folder, or in the system's
temporary folder when the data folder cannot be written (a full disk); the
screen gets one line saying where.
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
import traceback
from pathlib import Path

from jiebei_tui import __version__

PREFIX = "crash-"


def _text(error: BaseException) -> str:
    header = [
        f"jiebei-tui {__version__} crashed at {time.strftime('%Y-%m-%dT%H:%M:%S%z')}",
        f"Python {platform.python_version()} on {platform.platform()}",
        f"argv: {sys.argv[1:]!r}",
        "",
    ]
    return "\n".join(header) + "".join(traceback.format_exception(type(error), error, error.__traceback__))


def write_crash_report(directory: Path | None, error: BaseException) -> Path | None:
    """Write the report; returns its path, or None when no folder at all would take it."""
    data = _text(error).encode("utf-8", "replace")
    name = f"{PREFIX}{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}"
    for folder in ([directory] if directory is not None else []) + [Path(tempfile.gettempdir())]:
        try:
            fd, path = tempfile.mkstemp(prefix=name + "-", suffix=".txt", dir=folder)  # 0600, O_EXCL
        except OSError:
            continue
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
        except OSError:
            Path(path).unlink(missing_ok=True)
            continue
        return Path(path)
    return None
