"""What the user does with a suggestion: mark its red flag, or keep it as "suggested, not marked".

Nothing is flagged without the user's key. A suggestion the user neither marks nor dismisses is
forgotten with the next line; only one the user chooses to keep is stored, beside the call's
notes, with the words that raised it, so the record later shows what the coach saw and that the
user did not mark it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from jiebei_tui.domain.calls.coach.recognize import Suggestion
from jiebei_tui.domain.calls.coach.situations import COACHING, Situation
from jiebei_tui.domain.calls.notes import Note
from jiebei_tui.domain.calls.records import CallRecord
from jiebei_tui.domain.instants import require_aware
from jiebei_tui.domain.serial import (
    enum_from,
    int_from,
    mapping_from,
    moment_from,
    moment_text,
    required,
    text_from,
)
from jiebei_tui.i18n import N_

KEPT_SCHEMA_VERSION = 1
SUGGESTED_NOT_MARKED = N_("Suggested, not marked")
SUGGESTED_THEN_MARKED = N_("Suggested, then marked")


@dataclass(frozen=True)
class KeptSuggestion:
    """A suggestion kept in the call's record at the user's request; ``cue`` is the words that raised it."""

    record_id: str
    note_id: str
    situation: Situation
    cue: str
    kept_at: datetime

    def __post_init__(self) -> None:
        require_aware(self.kept_at, "kept_at")

    @property
    def key(self) -> tuple[str, str]:
        """One kept suggestion per line and situation: keeping it twice changes nothing."""
        return self.note_id, self.situation.value

    def marked(self, record: CallRecord) -> bool:
        """Whether the user has since marked the red flag it offered (a follow-up situation never is)."""
        flag_key = COACHING[self.situation].flag_key
        return flag_key is not None and flag_key in record.manual_flags

    def status(self, record: CallRecord) -> str:
        """What the record says about it (a msgid): still only suggested, or marked since."""
        return SUGGESTED_THEN_MARKED if self.marked(record) else SUGGESTED_NOT_MARKED

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": KEPT_SCHEMA_VERSION,
            "record_id": self.record_id,
            "note_id": self.note_id,
            "situation": self.situation.value,
            "cue": self.cue,
            "kept_at": moment_text(self.kept_at),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> KeptSuggestion:
        data = mapping_from(data, "kept suggestion")
        int_from(data.get("schema", KEPT_SCHEMA_VERSION), "kept suggestion.schema", minimum=1)
        return cls(
            record_id=text_from(required(data, "record_id", "kept suggestion"), "record_id", allow_empty=False),
            note_id=text_from(required(data, "note_id", "kept suggestion"), "note_id", allow_empty=False),
            situation=enum_from(Situation, required(data, "situation", "kept suggestion"), "situation"),
            cue=text_from(data.get("cue"), "cue"),
            kept_at=moment_from(required(data, "kept_at", "kept suggestion"), "kept_at"),
        )


def keep_suggestion(note: Note, suggestion: Suggestion, at: datetime) -> KeptSuggestion:
    """The suggestion raised by ``note``, kept at the user's request at ``at``."""
    return KeptSuggestion(note.record_id, note.id, suggestion.situation, suggestion.cue, at)


def kept_for(record: CallRecord, kept: Iterable[KeptSuggestion]) -> list[KeptSuggestion]:
    """The record's kept suggestions, oldest first, one per line and situation (the latest wins)."""
    unique = {item.key: item for item in kept if item.record_id == record.id}
    return sorted(unique.values(), key=lambda item: (item.kept_at, item.key))


def kept_from_docs(record: CallRecord, docs: Iterable[Mapping[str, Any]]) -> list[KeptSuggestion]:
    """The record's kept suggestions read from stored documents; an unreadable one is skipped, never rewritten."""
    found = []
    for doc in docs:
        try:
            found.append(KeptSuggestion.from_dict(doc))
        except (KeyError, TypeError, ValueError):
            continue
    return kept_for(record, found)


def mark_suggested_flag(record: CallRecord, situation: Situation) -> CallRecord:
    """The record with the situation's red flag marked: pressing the key twice never unmarks it.

    Raises ValueError for a situation that offers a follow-up instead of a flag.
    """
    flag_key = COACHING[situation].flag_key
    if flag_key is None:
        raise ValueError(f"{situation.value} offers a follow-up, not a red flag")
    return record if flag_key in record.manual_flags else record.toggled_flag(flag_key)
