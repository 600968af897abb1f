"""What can go wrong with the data files, as exceptions the UI and CLI can explain."""

from __future__ import annotations

from pathlib import Path

# Another session held the data lock longer than we wait (the change stays queued in memory).
# Named here so screens can explain it without knowing which lock library the store uses.
from filelock import Timeout as LockTimeout

__all__ = ["CorruptFileError", "ImportRefusedError", "LockTimeout", "NewerSchemaError", "StoreError"]


class StoreError(Exception):
    """Base class: something about the data files needs the user's attention."""


class CorruptFileError(StoreError):
    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class NewerSchemaError(StoreError):
    """The file was written by a newer jiebei-tui; we refuse rather than overwrite it."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        super().__init__(f"{path}: schema {found} is newer than {supported}")
        self.path = path
        self.found = found
        self.supported = supported


class ImportRefusedError(StoreError):
    """``import`` only fills an empty data directory, so nothing is ever overwritten."""
