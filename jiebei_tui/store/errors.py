"""What can go wrong with the data files, as exceptions the UI and CLI can explain.

Reasons are English message ids (marked with ``N_``), translated where they are shown.
"""

from __future__ import annotations

from pathlib import Path

# Another session held the data lock longer than we wait (the change stays queued in memory).
# Named here so screens can explain it without knowing which lock library the store uses.
from filelock import Timeout as LockTimeout

from jiebei_tui.i18n import N_

__all__ = [
    "CorruptFileError",
    "ImportRefusedError",
    "LockTimeout",
    "NewerSchemaError",
    "StoreError",
    "UnsafeFolderError",
]

NOT_JSON = N_("not valid JSON")
NOT_DATA = N_("not a jiebei-tui data file")
TOO_DEEP = N_("nested too deeply")
BAD_VERSION = N_("its format version is not a whole number")
A_LINK = N_("a symbolic link, which jiebei-tui does not follow inside its data folder")
FOREIGN = N_("it belongs to another user")


class StoreError(Exception):
    """Base class: something about the data files needs the user's attention."""


class CorruptFileError(StoreError):
    """``reason`` is a message id (see the constants above); ``detail`` is technical, for crash files."""

    def __init__(self, path: Path, reason: str, detail: str = "") -> None:
        super().__init__(f"{path}: {reason}" + (f" ({detail})" if detail else ""))
        self.path = path
        self.reason = reason
        self.detail = detail


class NewerSchemaError(StoreError):
    """The file was written by a newer jiebei-tui; we refuse rather than overwrite it."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        super().__init__(f"{path}: schema {found} is newer than {supported}")
        self.path = path
        self.found = found
        self.supported = supported


class ImportRefusedError(StoreError):
    """``import`` only fills an empty data directory, so nothing is ever overwritten."""


class UnsafeFolderError(StoreError):
    """The data folder cannot be trusted with private notes (another user's, or a link inside it).

    ``reason`` is a message id with ``{path}`` and ``{owner}`` placeholders; nothing was read or written.
    """

    def __init__(self, path: Path, reason: str, owner: str = "") -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.owner = owner
