"""What the store had to fix or refuse, for the UI and the CLI to tell the user.

``open_store`` returns one for the start; problems found later (a file damaged
while the app runs, a file written by a newer version, a file readable by
others) are collected by the store and handed out by ``Store.take_news()``, in
the same shape, so the app tells the user the same way whenever it happens.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from filelock import Timeout

from jiebei_tui.store.errors import NewerSchemaError

# Where the replacement of a damaged file came from.
FROM_MEMORY = "memory"  # the version this session last read or wrote: nothing saved is lost
FROM_BACKUP = "backup"  # the version before the last write (the last change may be only in the damaged file)
REBUILT = "rebuilt"  # an index, worked out again from the data files
NOTHING = ""  # no good copy: the file starts empty


@dataclass(frozen=True)
class Recovery:
    """A damaged file that was moved aside (kept, never deleted); ``reason`` is a message id."""

    path: Path
    moved_to: Path
    reason: str
    restored_from: str = NOTHING

    @property
    def restored_from_backup(self) -> bool:
        """True when a good copy took the damaged file's place (nothing of it is missing from view)."""
        return self.restored_from != NOTHING


@dataclass(frozen=True)
class Emergency:
    """Changes a session could not save before it was cut off, found in its emergency file and merged."""

    path: Path
    changes: int
    merged: bool  # False: kept in the file (a newer version's file, or it cannot be read); said once


@dataclass(frozen=True)
class Migration:
    """The folder was moved to the current layout; the old files are kept in ``backup``."""

    from_version: int
    backup: Path
    documents: int


@dataclass
class OpenReport:
    """What opening (or, later, reading and writing) the data folder had to fix or refuse."""

    created: bool = False
    fixed_permissions: list[Path] = field(default_factory=list)  # files
    fixed_folders: list[Path] = field(default_factory=list)  # the data folder and its subfolders
    recoveries: list[Recovery] = field(default_factory=list)
    migration: Migration | None = None
    # Files written by a newer version: read as empty, never written; changes for them wait in memory.
    newer: list[NewerSchemaError] = field(default_factory=list)
    # Set when the folder could not be locked or written at start (read-only, full, another owner).
    not_writable: OSError | Timeout | None = None
    # Emergency files of sessions cut off (SIGHUP while another session held the lock), merged at start.
    emergencies: list[Emergency] = field(default_factory=list)
    # Saved preferences that were not understood (name, value as written): the defaults are used.
    ignored_settings: list[tuple[str, str]] = field(default_factory=list)

    @property
    def has_news(self) -> bool:
        """True when there is anything to tell the user (creating a new folder is not news)."""
        return bool(
            self.fixed_permissions
            or self.fixed_folders
            or self.recoveries
            or self.migration
            or self.newer
            or self.not_writable
            or self.emergencies
            or self.ignored_settings
        )

    def merge(self, other: OpenReport) -> None:
        self.created = self.created or other.created
        self.fixed_permissions += other.fixed_permissions
        self.fixed_folders += other.fixed_folders
        self.recoveries += other.recoveries
        self.migration = self.migration or other.migration
        self.newer += other.newer
        self.not_writable = self.not_writable or other.not_writable
        self.emergencies += other.emergencies
        self.ignored_settings += other.ignored_settings

    def clear(self) -> None:
        """Forget everything (after it was handed out)."""
        self.created = False
        self.fixed_permissions.clear()
        self.fixed_folders.clear()
        self.recoveries.clear()
        self.migration = None
        self.newer.clear()
        self.not_writable = None
        self.emergencies.clear()
        self.ignored_settings.clear()
