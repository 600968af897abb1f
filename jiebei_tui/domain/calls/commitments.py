"""Commitments made during calls, with their status: what Home and Plans list as still open."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from jiebei_tui.domain.calls.notes import Note, NoteKind, notes_for
from jiebei_tui.domain.calls.records import CallRecord, CommitmentStatus
from jiebei_tui.domain.instants import from_iso, to_iso


@dataclass(frozen=True)
class Commitment:
    """A commitment note seen together with its status on the record (derived, not stored)."""

    record_id: str
    note_id: str
    text: str
    amount: Decimal | None
    due: date | None
    made_at: datetime
    status: CommitmentStatus

    def to_dict(self) -> dict[str, Any]:
        return {
            "record_id": self.record_id,
            "note_id": self.note_id,
            "text": self.text,
            "amount": None if self.amount is None else str(self.amount),
            "due": None if self.due is None else self.due.isoformat(),
            "made_at": to_iso(self.made_at),
            "status": self.status.value,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Commitment:
        return cls(
            str(data["record_id"]),
            str(data["note_id"]),
            str(data["text"]),
            None if data.get("amount") is None else Decimal(data["amount"]),
            None if data.get("due") is None else date.fromisoformat(data["due"]),
            from_iso(data["made_at"], "made_at"),
            CommitmentStatus(data.get("status", CommitmentStatus.OPEN.value)),
        )


def record_commitments(record: CallRecord, notes: Iterable[Note]) -> list[Commitment]:
    """The record's commitment notes, in timeline order, with their current status."""
    return [
        Commitment(
            record.id,
            note.id,
            note.current_text,
            note.amount,
            note.due,
            note.at,
            record.commitment_status.get(note.id, CommitmentStatus.OPEN),
        )
        for note in notes_for(record, notes)
        if note.kind is NoteKind.COMMITMENT
    ]


def open_commitments(records: Iterable[CallRecord], notes: Iterable[Note]) -> list[Commitment]:
    """Open commitments of all records, soonest due first; undated ones last (for Home and Plans)."""
    notes = list(notes)
    found = [
        commitment
        for record in records
        for commitment in record_commitments(record, notes)
        if commitment.status is CommitmentStatus.OPEN
    ]
    return sorted(found, key=lambda c: (c.due is None, c.due or date.max, c.made_at, c.note_id))

