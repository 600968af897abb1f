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


@dataclass(frozen=True)
class Recovery:
    """A damaged file that was moved aside (kept, never deleted)."""

    path: Path
    moved_to: Path
    reason: str
    restored_from_backup: bool


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
    fixed_permissions: list[Path] = field(default_factory=list)
    recoveries: list[Recovery] = field(default_factory=list)
    migration: Migration | None = None
    # Files written by a newer version: read as empty, never written; changes for them wait in memory.
    newer: list[NewerSchemaError] = field(default_factory=list)
    # Set when the folder could not be locked or written at start (read-only, full, another owner).
    not_writable: OSError | Timeout | None = None

    @property
    def has_news(self) -> bool:
        """True when there is anything to tell the user (creating a new folder is not news)."""
        return bool(
            self.fixed_permissions
            or self.recoveries
            or self.migration
            or self.newer
            or self.not_writable
        )

    def merge(self, other: OpenReport) -> None:
        self.created = self.created or other.created
        self.fixed_permissions += other.fixed_permissions
        self.recoveries += other.recoveries
        self.migration = self.migration or other.migration
        self.newer += other.newer
        self.not_writable = self.not_writable or other.not_writable
