"""The lines typed during a contact: their kind, their prefixes, and corrections that keep the original."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from jiebei_tui.domain.calls.records import SCHEMA_VERSION, CallRecord
from jiebei_tui.domain.instants import from_iso, require_aware, to_iso
from jiebei_tui.domain.labels import LabelledEnum
from jiebei_tui.domain.parsing.text import fold
from jiebei_tui.domain.text_safety import storable
from jiebei_tui.i18n import N_, N_p


class NoteKind(LabelledEnum):
    PLAIN = "plain", N_p("kind of call note", "Note")
    THEY_SAID = "they_said", N_("They said")
    I_SAID = "i_said", N_("I said")
    COMMITMENT = "commitment", N_("Commitment")
    FOLLOW_UP = "follow_up", N_("To follow up")  # a question to follow up
    RED_FLAG = "red_flag", N_("Red flag")

# Order of the kind-cycling key on the note input.
NOTE_KIND_CYCLE: tuple[NoteKind, ...] = (
    NoteKind.PLAIN,
    NoteKind.THEY_SAID,
    NoteKind.I_SAID,
    NoteKind.COMMITMENT,
    NoteKind.FOLLOW_UP,
    NoteKind.RED_FLAG,
)


def next_note_kind(kind: NoteKind, step: int = 1) -> NoteKind:
    """The kind ``step`` presses further along NOTE_KIND_CYCLE (negative steps go back)."""
    index = NOTE_KIND_CYCLE.index(kind)
    return NOTE_KIND_CYCLE[(index + step) % len(NOTE_KIND_CYCLE)]


# Prefixes in folded form (NFKC + casefold), so "他：", "Ｔ：" and "？" match too.
# The first of each tuple is the one to show in help. "?" and "!" need no colon.
# English words work in every language (they:, me:, promise:), as the Chinese ones do.
NOTE_PREFIXES: Mapping[NoteKind, tuple[str, ...]] = {
    NoteKind.THEY_SAID: (
        "他:", "t:", "对方:", "她:", "對方:", "他说:", "她说:", "对方说:", "他說:", "她說:", "對方說:",
        "they:", "he:", "she:", "they said:",
    ),
    NoteKind.I_SAID: ("我:", "i:", "我说:", "我說:", "me:", "i said:"),
    NoteKind.COMMITMENT: ("诺:", "c:", "承诺:", "諾:", "承諾:", "promise:"),
    NoteKind.FOLLOW_UP: ("?", "q:", "问:", "問:"),
    NoteKind.RED_FLAG: ("!", "f:"),
}
_PREFIX_TO_KIND: dict[str, NoteKind] = {
    prefix: kind for kind, prefixes in NOTE_PREFIXES.items() for prefix in prefixes
}
_LONGEST_PREFIX = max(len(prefix) for prefix in _PREFIX_TO_KIND)
_SYMBOL_PREFIXES = ("?", "!")


def parse_note_prefix(text: str) -> tuple[NoteKind, str]:
    """Split a typed line into its kind and body: ``"他：明天上门"`` -> (THEY_SAID, "明天上门").

    Full-width punctuation from a Chinese IME (：？！) and full-width letters
    count like ASCII; ASCII letters in any case. ``?``/``!`` may repeat or be
    followed by a colon. Without a known prefix the line is PLAIN, unchanged
    apart from surrounding whitespace.
    """
    stripped = text.lstrip()
    folded = ""
    for index, char in enumerate(stripped[:_LONGEST_PREFIX]):
        folded += fold(char)
        kind = _PREFIX_TO_KIND.get(folded)
        if kind is None:
            continue
        body = stripped[index + 1 :]
        if folded in _SYMBOL_PREFIXES:
            while body and fold(body[0]) in (folded, ":"):
                body = body[1:]
        return kind, body.strip()
    return NoteKind.PLAIN, stripped.strip()


@dataclass(frozen=True)
class Correction:
    text: str
    at: datetime

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "at": to_iso(self.at)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Correction:
        return cls(str(data["text"]), from_iso(data["at"], "correction.at"))


@dataclass(frozen=True)
class KindChange:
    """A line re-filed under another kind: the kind it had until ``at`` (the note holds the new one)."""

    previous: NoteKind
    at: datetime

    def to_dict(self) -> dict[str, Any]:
        return {"previous": self.previous.value, "at": to_iso(self.at)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> KindChange:
        return cls(NoteKind(data["previous"]), from_iso(data["at"], "kind_change.at"))


@dataclass(frozen=True)
class Note:
    """One line typed during (or after) a contact.

    ``text`` is what was first typed and never changes; ``corrections`` keep
    every later version with its time, and ``kind_changes`` every kind it had
    before the current ``kind``, so the log stays trustworthy as evidence.
    ``amount``/``due`` are set for commitments.
    """

    id: str
    record_id: str
    offset_seconds: int
    at: datetime
    kind: NoteKind
    text: str
    corrections: tuple[Correction, ...] = ()
    kind_changes: tuple[KindChange, ...] = ()
    amount: Decimal | None = None
    due: date | None = None

    def __post_init__(self) -> None:
        require_aware(self.at, "at")

    @property
    def current_text(self) -> str:
        return self.corrections[-1].text if self.corrections else self.text

    @property
    def original_kind(self) -> NoteKind:
        return self.kind_changes[0].previous if self.kind_changes else self.kind

    @property
    def versions(self) -> tuple[str, ...]:
        """The original text followed by every correction, oldest first."""
        return (self.text, *(correction.text for correction in self.corrections))

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_VERSION,
            "id": self.id,
            "record_id": self.record_id,
            "offset_seconds": self.offset_seconds,
            "at": to_iso(self.at),
            "kind": self.kind.value,
            "text": self.text,
            "corrections": [correction.to_dict() for correction in self.corrections],
            "kind_changes": [change.to_dict() for change in self.kind_changes],
            "amount": None if self.amount is None else str(self.amount),
            "due": None if self.due is None else self.due.isoformat(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Note:
        amount = data.get("amount")
        due = data.get("due")
        return cls(
            id=str(data["id"]),
            record_id=str(data["record_id"]),
            offset_seconds=int(data.get("offset_seconds", 0)),
            at=from_iso(data["at"], "at"),
            kind=NoteKind(data.get("kind", NoteKind.PLAIN.value)),
            text=str(data["text"]),
            corrections=tuple(Correction.from_dict(item) for item in data.get("corrections", ())),
            kind_changes=tuple(KindChange.from_dict(item) for item in data.get("kind_changes", ())),
            amount=None if amount is None else Decimal(amount),
            due=None if due is None else date.fromisoformat(due),
        )


def _with_terms(note: Note) -> Note:
    """Fill amount/due from the current text of a commitment; clear them for other kinds."""
    if note.kind is not NoteKind.COMMITMENT:
        return replace(note, amount=None, due=None)
    # Imported on the first commitment: its date readers are ~8 ms of `jiebei-tui call` before the first frame
    # otherwise (the warm-up imports them soon after it: CallView.LATER_MODULES).
    from jiebei_tui.domain.calls.terms import extract_commitment

    terms = extract_commitment(note.current_text, note.at.date())
    return replace(note, amount=terms.amount, due=terms.due)


def new_note(
    note_id: str,
    record: CallRecord,
    text: str,
    at: datetime,
    kind: NoteKind | None = None,
) -> Note:
    """A note as typed: a prefix (``他:`` …) sets the kind, else ``kind``, else PLAIN.

    The typed prefix wins over the kind chosen with the cycle key because it is
    the more recent intent. Offsets count whole seconds from the record start
    (never negative). Commitments get amount and due date extracted, with
    year-less dates resolved from the day the note was written.
    """
    require_aware(at, "at")
    parsed_kind, body = parse_note_prefix(storable(text))
    if parsed_kind is NoteKind.PLAIN and kind is not None:
        parsed_kind = kind
    offset = max(0, int((at - record.started_at).total_seconds()))
    return _with_terms(Note(note_id, record.id, offset, at, parsed_kind, body))


def correct(note: Note, new_text: str, at: datetime) -> Note:
    """Append a correction; the original text and earlier corrections are kept."""
    require_aware(at, "at")
    corrected = replace(note, corrections=(*note.corrections, Correction(storable(new_text).strip(), at)))
    return _with_terms(corrected)


def change_kind(note: Note, kind: NoteKind, at: datetime) -> Note:
    """Re-file a note under another kind; the kind it had is kept with the time of the change."""
    require_aware(at, "at")
    if kind is note.kind:
        return note
    return _with_terms(replace(note, kind=kind, kind_changes=(*note.kind_changes, KindChange(note.kind, at))))


def notes_for(record: CallRecord, notes: Iterable[Note]) -> list[Note]:
    """The record's notes in timeline order."""
    return sorted(
        (note for note in notes if note.record_id == record.id),
        key=lambda note: (note.offset_seconds, note.at, note.id),
    )


def format_duration(seconds: int) -> str:
    """``mm:ss``, or ``h:mm:ss`` from an hour on (a call clock, not a sentence to translate)."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def format_offset(seconds: int) -> str:
    """``+mm:ss`` (``+h:mm:ss`` past an hour) from the record start, as the timeline shows it."""
    return "+" + format_duration(seconds)

