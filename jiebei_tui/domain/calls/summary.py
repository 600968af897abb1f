"""What a record amounts to: identity, flags, commitments, follow-ups and the checklist, as data."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import Any

from jiebei_tui.domain.calls.checklist import CHECKLIST_KEYS
from jiebei_tui.domain.calls.commitments import Commitment, record_commitments
from jiebei_tui.domain.calls.flags import RED_FLAGS, RedFlag, red_flag
from jiebei_tui.domain.calls.identity import Identity, IdentityStatus
from jiebei_tui.domain.calls.notes import Note, NoteKind, notes_for
from jiebei_tui.domain.calls.records import CallRecord, RecordKind
from jiebei_tui.domain.calls.rules import automatic_flags
from jiebei_tui.domain.instants import from_iso, optional_from_iso, require_aware, to_iso


@dataclass(frozen=True)
class FlagFinding:
    """A red flag on a record and where it came from (rule check, the user, or both)."""

    key: str
    automatic: bool
    manual: bool

    @property
    def flag(self) -> RedFlag:
        return red_flag(self.key)

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "automatic": self.automatic, "manual": self.manual}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FlagFinding:
        return cls(str(data["key"]), bool(data["automatic"]), bool(data["manual"]))


def flag_findings(
    record: CallRecord, all_records: Iterable[CallRecord], zone: tzinfo, now: datetime | None = None
) -> tuple[FlagFinding, ...]:
    """Manual and automatic flags merged, in RED_FLAGS order (unknown stored keys are skipped)."""
    auto = automatic_flags(record, all_records, zone, now)
    return tuple(
        FlagFinding(flag.key, flag.key in auto, flag.key in record.manual_flags)
        for flag in RED_FLAGS
        if flag.key in auto or flag.key in record.manual_flags
    )


@dataclass(frozen=True)
class Summary:
    """What a record amounts to, as data: the UI shows and edits it, the export prints it.

    The editable parts (``next_step``, ``text``) are stored on the record with
    ``CallRecord.with_summary``; everything else is derived again each time.
    """

    record_id: str
    kind: RecordKind
    number: str
    started_at: datetime
    ended_at: datetime | None
    duration_seconds: int
    ongoing: bool
    identity_verified: bool
    verified_fields: tuple[str, ...]
    unverified_fields: tuple[str, ...]  # given, but not checked
    missing_fields: tuple[str, ...]  # not asked, or asked without an answer
    flags: tuple[FlagFinding, ...]
    commitments: tuple[Commitment, ...]
    follow_ups: tuple[str, ...]
    marked_lines: tuple[str, ...]  # lines the user started with "!": red flags in their own words
    checklist_done: tuple[str, ...]
    checklist_open: tuple[str, ...]
    next_step: str
    text: str
    text_edited: bool
    note_count: int

    @property
    def flag_count(self) -> int:
        """What the flag counter shows: the flags, and the lines the user marked with "!"."""
        return len(self.flags) + len(self.marked_lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "record_id": self.record_id,
            "kind": self.kind.value,
            "number": self.number,
            "started_at": to_iso(self.started_at),
            "ended_at": None if self.ended_at is None else to_iso(self.ended_at),
            "duration_seconds": self.duration_seconds,
            "ongoing": self.ongoing,
            "identity_verified": self.identity_verified,
            "verified_fields": list(self.verified_fields),
            "unverified_fields": list(self.unverified_fields),
            "missing_fields": list(self.missing_fields),
            "flags": [finding.to_dict() for finding in self.flags],
            "commitments": [commitment.to_dict() for commitment in self.commitments],
            "follow_ups": list(self.follow_ups),
            "marked_lines": list(self.marked_lines),
            "checklist_done": list(self.checklist_done),
            "checklist_open": list(self.checklist_open),
            "next_step": self.next_step,
            "text": self.text,
            "text_edited": self.text_edited,
            "note_count": self.note_count,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Summary:
        return cls(
            record_id=str(data["record_id"]),
            kind=RecordKind(data["kind"]),
            number=str(data["number"]),
            started_at=from_iso(data["started_at"], "started_at"),
            ended_at=optional_from_iso(data.get("ended_at"), "ended_at"),
            duration_seconds=int(data["duration_seconds"]),
            ongoing=bool(data["ongoing"]),
            identity_verified=bool(data["identity_verified"]),
            verified_fields=tuple(data["verified_fields"]),
            unverified_fields=tuple(data["unverified_fields"]),
            missing_fields=tuple(data["missing_fields"]),
            flags=tuple(FlagFinding.from_dict(item) for item in data["flags"]),
            commitments=tuple(Commitment.from_dict(item) for item in data["commitments"]),
            follow_ups=tuple(data["follow_ups"]),
            marked_lines=tuple(data.get("marked_lines", ())),
            checklist_done=tuple(data["checklist_done"]),
            checklist_open=tuple(data["checklist_open"]),
            next_step=str(data["next_step"]),
            text=str(data["text"]),
            text_edited=bool(data["text_edited"]),
            note_count=int(data["note_count"]),
        )


ACCIDENTAL_WITHIN = timedelta(minutes=1)


def is_empty(record: CallRecord, notes: Iterable[Note]) -> bool:
    """Nothing typed, ticked or marked: only the times say anything."""
    return (
        not notes_for(record, notes)
        and not record.number
        and record.identity == Identity()
        and not record.checklist
        and not record.manual_flags
        and not record.consented
        and not record.next_step
        and record.summary_text is None
    )


def looks_accidental(record: CallRecord, notes: Iterable[Note]) -> bool:
    """A call ended within a minute with nothing in it: most likely Ctrl+N pressed by mistake (the user decides)."""
    return (
        record.kind is RecordKind.CALL
        and record.ended_at is not None
        and record.ended_at - record.started_at < ACCIDENTAL_WITHIN
        and is_empty(record, notes)
    )


def duration_seconds(record: CallRecord, now: datetime) -> tuple[int, bool]:
    """(seconds, ongoing): a call or visit without an end is still running at ``now``."""
    if record.ended_at is not None:
        return int((record.ended_at - record.started_at).total_seconds()), False
    if record.kind in (RecordKind.CALL, RecordKind.VISIT):
        return max(0, int((now - record.started_at).total_seconds())), True
    return 0, False


def summarize(
    record: CallRecord,
    notes: Iterable[Note],
    now: datetime,
    all_records: Iterable[CallRecord] = (),
    *,
    zone: tzinfo,
) -> Summary:
    """Summarise one record, judged in the user's ``zone``. Pass ``all_records`` (at least the records of
    that day) so unanswered attempts can be counted per day."""
    require_aware(now, "now")
    own_notes = notes_for(record, notes)
    seconds, ongoing = duration_seconds(record, now)
    identity = record.identity
    return Summary(
        record_id=record.id,
        kind=record.kind,
        number=record.number,
        started_at=record.started_at,
        ended_at=record.ended_at,
        duration_seconds=seconds,
        ongoing=ongoing,
        identity_verified=identity.is_verified,
        verified_fields=identity.keys_with(IdentityStatus.VERIFIED),
        unverified_fields=identity.keys_with(IdentityStatus.GIVEN),
        missing_fields=identity.keys_with(IdentityStatus.NOT_ASKED, IdentityStatus.ASKED),
        flags=flag_findings(record, all_records, zone, now),
        commitments=tuple(record_commitments(record, own_notes)),
        follow_ups=tuple(note.current_text for note in own_notes if note.kind is NoteKind.FOLLOW_UP),
        marked_lines=tuple(note.current_text for note in own_notes if note.kind is NoteKind.RED_FLAG),
        checklist_done=tuple(key for key in CHECKLIST_KEYS if key in record.checklist),
        checklist_open=tuple(key for key in CHECKLIST_KEYS if key not in record.checklist),
        next_step=record.next_step,
        text=record.summary_text or "",
        text_edited=record.summary_text is not None,
        note_count=len(own_notes),
    )

