"""A contact by a collector (call, message, home visit, missed call) and the edits made to it.

Records are frozen; every change returns a new record, so the store saves exactly
what the screen shows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from jiebei_tui.domain.calls.checklist import CHECKLIST_KEYS
from jiebei_tui.domain.calls.flags import red_flag
from jiebei_tui.domain.calls.identity import Identity
from jiebei_tui.domain.instants import from_iso, optional_from_iso, require_aware, to_iso
from jiebei_tui.domain.labels import LabelledEnum
from jiebei_tui.domain.text_safety import storable
from jiebei_tui.i18n import N_

SCHEMA_VERSION = 1


class RecordKind(LabelledEnum):
    CALL = "call", N_("Call")
    SMS = "sms", N_("Message (SMS or app)")
    VISIT = "visit", N_("Home visit")
    MISSED = "missed", N_("Missed call")  # only number and time are known


class CommitmentStatus(LabelledEnum):
    OPEN = "open", N_("open")
    DONE = "done", N_("done")
    DROPPED = "dropped", N_("dropped")  # cancelled or replaced by a later agreement


@dataclass(frozen=True)
class CallRecord:
    """One contact by a collector: a call, a message, a home visit or a missed call.

    ``consented``: the user agreed to this contact time (e.g. asked them to call
    at 22:30, or called them), so the 22:00–08:00 rule does not apply.
    ``summary_text`` is None until the user edits the summary.
    ``commitment_status`` maps a commitment note's id to its status (open if absent).
    ``marked_lines`` counts the notes filed as red flags ("!" lines), kept in step by
    the store whenever a line is saved, so lists can count them without reading notes.
    """

    id: str
    kind: RecordKind
    started_at: datetime
    ended_at: datetime | None = None
    number: str = ""
    identity: Identity = Identity()
    checklist: frozenset[str] = frozenset()
    manual_flags: frozenset[str] = frozenset()
    consented: bool = False
    next_step: str = ""
    summary_text: str | None = None
    commitment_status: Mapping[str, CommitmentStatus] = field(default_factory=dict)
    marked_lines: int = 0

    def __post_init__(self) -> None:
        require_aware(self.started_at, "started_at")
        if self.ended_at is not None:
            require_aware(self.ended_at, "ended_at")
            if self.ended_at < self.started_at:
                raise ValueError("ended_at is before started_at")

    # -- edits (each returns a new record)

    def ended(self, at: datetime) -> CallRecord:
        return replace(self, ended_at=at)

    def toggled_check(self, key: str) -> CallRecord:
        if key not in CHECKLIST_KEYS:
            raise KeyError(key)
        return replace(self, checklist=self.checklist ^ {key})

    def toggled_flag(self, key: str) -> CallRecord:
        """Mark or unmark a red flag by hand (automatic flags can be marked too, e.g. a visit logged late)."""
        red_flag(key)
        return replace(self, manual_flags=self.manual_flags ^ {key})

    def with_identity(self, identity: Identity) -> CallRecord:
        return replace(self, identity=identity)

    def with_summary(self, *, next_step: str | None = None, text: str | None = None) -> CallRecord:
        """Store the user's edits of the summary (the editable parts of ``Summary``)."""
        changes: dict[str, Any] = {}
        if next_step is not None:
            changes["next_step"] = storable(next_step).strip()
        if text is not None:
            changes["summary_text"] = storable(text)
        return replace(self, **changes)

    def with_commitment_status(self, note_id: str, status: CommitmentStatus) -> CallRecord:
        statuses = dict(self.commitment_status)
        statuses[note_id] = status
        return replace(self, commitment_status=statuses)

    @property
    def collector(self) -> str:
        """Who called, for lists: their name, else their staff ID, else ""."""
        return self.identity.caller_name.value or self.identity.staff_id.value

    # -- storage

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_VERSION,
            "id": self.id,
            "kind": self.kind.value,
            "started_at": to_iso(self.started_at),
            "ended_at": None if self.ended_at is None else to_iso(self.ended_at),
            "number": self.number,
            "identity": self.identity.to_dict(),
            "checklist": sorted(self.checklist),
            "manual_flags": sorted(self.manual_flags),
            "consented": self.consented,
            "next_step": self.next_step,
            "summary_text": self.summary_text,
            "commitment_status": {key: status.value for key, status in sorted(self.commitment_status.items())},
            "marked_lines": self.marked_lines,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CallRecord:
        """Read a stored record; unknown checklist or flag keys are kept for newer versions."""
        return cls(
            id=str(data["id"]),
            kind=RecordKind(data["kind"]),
            started_at=from_iso(data["started_at"], "started_at"),
            ended_at=optional_from_iso(data.get("ended_at"), "ended_at"),
            number=str(data.get("number", "")),
            identity=Identity.from_dict(data.get("identity", {})),
            checklist=frozenset(data.get("checklist", ())),
            manual_flags=frozenset(data.get("manual_flags", ())),
            consented=bool(data.get("consented", False)),
            next_step=str(data.get("next_step", "")),
            summary_text=data.get("summary_text"),
            commitment_status={
                str(key): CommitmentStatus(value) for key, value in data.get("commitment_status", {}).items()
            },
            marked_lines=int(data.get("marked_lines", 0)),
        )


def new_record(record_id: str, kind: RecordKind, started_at: datetime, number: str = "") -> CallRecord:
    """Start a record the moment the phone rings; everything else can follow."""
    return CallRecord(record_id, kind, started_at, number=storable(number).strip())


def missed_call(record_id: str, number: str, at: datetime) -> CallRecord:
    """Log a missed call from just the number and the time (it starts and ends at ``at``)."""
    return CallRecord(record_id, RecordKind.MISSED, at, ended_at=at, number=storable(number).strip())

