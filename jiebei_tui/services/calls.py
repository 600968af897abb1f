"""The call in progress: start, continue, finish, the line being typed, and what is ticked or marked.

The Calls screen shows a :class:`CallSession` and sends it the user's keys; the
session does the saving, so it works (and is tested) without Textual.

Two drafts make a call survive a crash or a dropped SSH connection: a pointer
to the call in progress (:data:`ACTIVE_DRAFT`) and the unsent line
(:func:`note_draft_key`). The first look at the Calls area in a run continues
that call when it was touched within :data:`RESUME_WITHIN`; an older one is
ended at its last activity, its unsent line kept as a note.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from jiebei_tui.domain.calls import (
    CallRecord,
    Note,
    NoteKind,
    RecordKind,
    change_kind,
    correct,
    new_note,
    new_record,
    parse_note_prefix,
)
from jiebei_tui.store.calls import CallsRepo
from jiebei_tui.store.drafts import DraftKeeper

if TYPE_CHECKING:  # the coach loads on first use (a committed line), never at start-up
    from jiebei_tui.domain.calls import Situation, Suggestion

ACTIVE_DRAFT = "calls.active"  # {"record_id": ...}: the call in progress, found again after a crash
NOTE_DRAFT = "calls.note."  # + record id: {"text", "kind", "at"}: the unsent line
RESUME_WITHIN = timedelta(minutes=30)  # a call touched this recently is continued, not closed


def note_draft_key(record_id: str) -> str:
    return NOTE_DRAFT + record_id


@dataclass(frozen=True)
class Opening:
    """What the first look at Calls found: a call to continue, or one left open long ago and now ended."""

    resumed: CallRecord | None = None
    closed: CallRecord | None = None


@dataclass(frozen=True)
class SavedLine:
    note: Note
    durable: bool  # False: the disk refused it; it is kept in memory and retried


def corrected(note: Note, text: str, kind: NoteKind, now: datetime) -> Note:
    """``note`` with a new text and kind (the original stays); ``note`` itself when nothing changed."""
    changed = note
    if text.strip() and text.strip() != note.current_text:
        changed = correct(changed, text, now)
    if kind is not changed.kind:
        changed = change_kind(changed, kind)
    return changed


def _kind_or_none(value: object) -> NoteKind | None:
    try:
        kind = NoteKind(str(value))
    except ValueError:
        return None
    return None if kind is NoteKind.PLAIN else kind


class CallSession:
    """The live call of this run (at most one), its notes in timeline order and its unsent line."""

    def __init__(self, repo: CallsRepo, drafts: DraftKeeper, clock: Callable[[], datetime]) -> None:
        self.repo = repo
        self.drafts = drafts
        self.clock = clock
        self.record: CallRecord | None = None
        self.notes: list[Note] = []
        self.kind = NoteKind.PLAIN  # of the next line, when no prefix is typed (kept with the draft)
        self.unsent = ""
        self._opened = False

    @property
    def live(self) -> bool:
        return self.record is not None

    # ----- opening, starting, finishing ------------------------------------------------------

    def open(self) -> Opening:
        """The first look at Calls in this run; later looks (and a session already live) find nothing new."""
        if self._opened or self.record is not None:
            return Opening()
        self._opened = True
        active = self._active_record()
        if active is None:
            return Opening()
        if self.clock() - self._last_activity(active, self.repo.notes(active)) <= RESUME_WITHIN:
            self._load(active)
            return Opening(resumed=active)
        return Opening(closed=self._close_stale(active))

    def start(self) -> CallRecord | None:
        """A new record now, saved before anything else so its start time survives any crash.

        Returns the call this ended: the one in progress, or one left open long ago.
        """
        opening = self.open()
        previous = self.finish() if self.record is not None else opening.closed
        record = new_record(self.repo.new_id(), RecordKind.CALL, self.clock())
        self.repo.save(record)
        self.drafts.set(ACTIVE_DRAFT, {"record_id": record.id})
        self.drafts.flush()
        self._load(record)
        return previous

    def finish(self) -> CallRecord | None:
        """End the live call: the unsent line becomes a note first, then the end time is saved."""
        record = self.record
        if record is None:
            return None
        if parse_note_prefix(self.unsent)[1]:
            self.add_line(self.unsent)
        end = max(self.clock(), record.started_at)
        ended = self.repo.change(record.id, lambda current: current if current.ended_at else current.ended(end))
        self.drafts.discard(note_draft_key(record.id))
        self.drafts.discard(ACTIVE_DRAFT)
        self._clear()
        return ended or record

    def reload(self) -> None:
        """Read the live call again (another session may have changed it); it stops being live if it ended there."""
        if self.record is None:
            return
        fresh = self.repo.get(self.record.id)
        if fresh is None or fresh.ended_at is not None:
            self.record, self.notes = None, []
        else:
            self.record = fresh
            self.notes = self.repo.notes(fresh)

    # ----- lines -----------------------------------------------------------------------------

    def add_line(self, text: str) -> SavedLine | None:
        """Make one typed line a durable note now, then forget the draft it came from."""
        record = self.record
        if record is None:
            return None
        kind = None if self.kind is NoteKind.PLAIN else self.kind
        note = new_note(self.repo.new_id(), record, text, self.clock(), kind=kind)
        durable = self.repo.save_note(record, note)
        self.notes.append(note)
        self.kind = NoteKind.PLAIN
        self.set_unsent("")
        return SavedLine(note, durable)

    def set_unsent(self, text: str) -> None:
        """The line being typed: a draft in memory at once, on disk within a second (the App flushes drafts)."""
        self.unsent = text
        if self.record is None:
            return
        key = note_draft_key(self.record.id)
        if text:
            self.drafts.set(key, {"text": text, "kind": self.kind.value, "at": self.clock().isoformat()})
        elif self.kind is NoteKind.PLAIN:
            self.drafts.discard(key)

    def note(self, note_id: str | None) -> Note | None:
        return next((note for note in self.notes if note.id == note_id), None)

    def replace_note(self, note: Note) -> None:
        """Save a corrected or re-filed line of the live call."""
        if self.record is None:
            return
        self.repo.save_note(self.record, note)
        self.notes = [note if existing.id == note.id else existing for existing in self.notes]

    # ----- the record ------------------------------------------------------------------------

    def change(self, edit: Callable[[CallRecord], CallRecord]) -> CallRecord | None:
        """Apply ``edit`` to the stored record under the lock (two sessions toggling keep both)."""
        if self.record is None:
            return None
        changed = self.repo.change(self.record.id, edit)
        if changed is not None:
            self.record = changed
        return changed

    def toggle_check(self, key: str) -> CallRecord | None:
        return self.change(lambda record: record.toggled_check(key))

    def toggle_flag(self, key: str) -> CallRecord | None:
        return self.change(lambda record: record.toggled_flag(key))

    # ----- the coach's suggestions -----------------------------------------------------------

    def suggestions(self, note: Note) -> tuple[Suggestion, ...]:
        """What the coach recognises in a committed line (loads the coach on the first one)."""
        from jiebei_tui.domain.calls import recognize_note

        return recognize_note(note)

    def warm_up_coach(self) -> None:
        """Load the coach and compile its patterns now (a few milliseconds), off the typing path."""
        from jiebei_tui.domain.calls import warm_up

        warm_up()

    def mark_suggested(self, situation: Situation) -> CallRecord | None:
        """Mark the red flag a suggestion offered, at the user's key; marking it again never unmarks it."""
        from jiebei_tui.domain.calls import mark_suggested_flag

        return self.change(lambda record: mark_suggested_flag(record, situation))

    def add_follow_up(self, text: str) -> SavedLine | None:
        """A line to follow up, added at the user's key; the line being typed is left as it is."""
        record = self.record
        if record is None:
            return None
        note = new_note(self.repo.new_id(), record, text, self.clock(), kind=NoteKind.FOLLOW_UP)
        durable = self.repo.save_note(record, note)
        self.notes.append(note)
        return SavedLine(note, durable)

    def keep_suggestion(self, note: Note, suggestion: Suggestion) -> bool | None:
        """Keep a suggestion in the call's record as "suggested, not marked"; None when no call is live."""
        from jiebei_tui.domain.calls import keep_suggestion

        if self.record is None or note.record_id != self.record.id:
            return None
        return self.repo.keep(keep_suggestion(note, suggestion, self.clock()))

    def toggle_consent(self) -> CallRecord | None:
        return self.change(lambda record: replace(record, consented=not record.consented))

    # ----- inside ----------------------------------------------------------------------------

    def _load(self, record: CallRecord) -> None:
        """Make ``record`` the live call, with its saved lines and its unsent draft."""
        self.record = record
        self.notes = self.repo.notes(record)
        self.repo.repair_commitments(record, self.notes)
        draft = self._draft(record)
        self.kind = _kind_or_none(draft.get("kind")) or NoteKind.PLAIN
        self.unsent = str(draft.get("text", ""))

    def _clear(self) -> None:
        self.record, self.notes, self.kind, self.unsent = None, [], NoteKind.PLAIN, ""

    def _active_record(self) -> CallRecord | None:
        pointer = self.drafts.get(ACTIVE_DRAFT)
        if not isinstance(pointer, dict) or not pointer.get("record_id"):
            return None
        record = self.repo.get(str(pointer["record_id"]))
        if record is None or record.ended_at is not None:
            self.drafts.discard(ACTIVE_DRAFT)
            return None
        return record

    def _draft(self, record: CallRecord) -> dict[str, Any]:
        value = self.drafts.get(note_draft_key(record.id))
        return value if isinstance(value, dict) else {}

    def _last_activity(self, record: CallRecord, notes: list[Note]) -> datetime:
        moments = [record.started_at, *(note.at for note in notes)]
        draft_at = self._draft(record).get("at")
        if isinstance(draft_at, str):
            try:
                moments.append(datetime.fromisoformat(draft_at))
            except ValueError:
                pass
        return max(moment for moment in moments if moment.tzinfo is not None)

    def _close_stale(self, record: CallRecord) -> CallRecord:
        """A call left open by a crash long ago: keep its unsent line as a note, end it at its last activity."""
        notes = self.repo.notes(record)
        draft = self._draft(record)
        text = str(draft.get("text", ""))
        if text.strip():
            at = self._last_activity(record, notes)
            note = new_note(self.repo.new_id(), record, text, at, kind=_kind_or_none(draft.get("kind")))
            if note.text:
                self.repo.save_note(record, note)
                notes.append(note)
        end = self._last_activity(record, notes)
        closed = self.repo.change(record.id, lambda current: current if current.ended_at else current.ended(end))
        self.drafts.discard(note_draft_key(record.id))
        self.drafts.discard(ACTIVE_DRAFT)
        return closed or record
