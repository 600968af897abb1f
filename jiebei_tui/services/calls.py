"""The call in progress: start, continue, finish, the line being typed, and what is ticked or marked.

The Calls screen shows a :class:`CallSession` and sends it the user's keys; the
session does the saving, so it works (and is tested) without Textual.

Two drafts make a call survive a crash or a dropped SSH connection: a pointer
to the call in progress (:data:`ACTIVE_DRAFT`) and the unsent line
(:func:`note_draft_key`). The first look at the Calls area in a run continues
that call when it was touched within :data:`RESUME_WITHIN`; an older one is
ended at its last activity, its unsent line kept as a note.

Two sessions (two terminals, or a phone and a laptop over SSH) may have the same
call open. Each keeps its own unsent line under its own key, and a session only
ever takes over another's draft once that session is gone (its process ended):
ending the call in one never deletes what the other is still typing, which that
one saves as a note of the call when it sees the call has ended.
"""

from __future__ import annotations

import os
import uuid
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
# + record id + "." + session id: {"text", "kind", "at", "pid"}: one session's unsent line.
# Earlier versions wrote the key without a session: such a draft belongs to no running session.
NOTE_DRAFT = "calls.note."
RESUME_WITHIN = timedelta(minutes=30)  # a call touched this recently is continued, not closed

_LIVE_SESSIONS: set[str] = set()  # sessions of this process (a process runs one; tests run several)


def note_draft_key(record_id: str, session_id: str = "") -> str:
    return NOTE_DRAFT + record_id + (f".{session_id}" if session_id else "")


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # exists, owned by someone else: treat as alive, never take its text
    return True


def _session_alive(value: Any) -> bool:
    """Whether the session that wrote this draft may still be running (its text is then its own to save)."""
    if not isinstance(value, dict) or not value.get("session"):
        return False  # an earlier version's draft, or damaged
    pid = value.get("pid")
    if pid == os.getpid():
        return value["session"] in _LIVE_SESSIONS
    return isinstance(pid, int) and _pid_alive(pid)


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
        changed = change_kind(changed, kind, now)
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
        self.session_id = uuid.uuid4().hex[:12]
        _LIVE_SESSIONS.add(self.session_id)
        self.record: CallRecord | None = None
        self.notes: list[Note] = []
        self.kind = NoteKind.PLAIN  # of the next line, when no prefix is typed (kept with the draft)
        self.unsent = ""
        self._opened = False

    @property
    def live(self) -> bool:
        return self.record is not None

    def close(self) -> None:
        """This session is over (its process ends): its drafts may now be taken over by another session."""
        _LIVE_SESSIONS.discard(self.session_id)

    # ----- opening, starting, finishing ------------------------------------------------------

    def open(self) -> Opening:
        """The first look at Calls in this run; later looks (and a session already live) find nothing new."""
        if self._opened or self.record is not None:
            return Opening()
        self._opened = True
        self._rescue_orphans()
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
        self._save_orphans(record)  # sessions that are gone: their text becomes notes; live ones keep theirs
        end = max(self.clock(), record.started_at)
        ended = self.repo.change(record.id, lambda current: current if current.ended_at else current.ended(end))
        self.drafts.discard(self._key(record.id))
        self.drafts.discard(ACTIVE_DRAFT)
        self._clear()
        return ended or record

    def reload(self) -> Note | None:
        """Read the live call again (another session may have changed it); it stops being live if it ended there.

        When it ended in another session, the line this session had not sent yet is saved as a note of that
        call (it was typed during it) and returned.
        """
        if self.record is None:
            return None
        fresh = self.repo.get(self.record.id)
        if fresh is not None and fresh.ended_at is None:
            self.record = fresh
            self.notes = self.repo.notes(fresh)
            return None
        kept = None
        if fresh is not None and parse_note_prefix(self.unsent)[1]:
            kept = self._save_text(fresh, self.unsent, self.kind, self.clock())
        self.drafts.discard(self._key(self.record.id))
        self._clear()
        return kept

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
        key = self._key(self.record.id)
        if text:
            at = self.clock().isoformat()
            self.drafts.set(key, {"text": text, "kind": self.kind.value, "at": at, "session": self.session_id, "pid": os.getpid()})
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

    def _key(self, record_id: str) -> str:
        return note_draft_key(record_id, self.session_id)

    def _load(self, record: CallRecord) -> None:
        """Make ``record`` the live call, with its saved lines and an unsent line left by a session that is gone.

        The newest such line comes back into the note line; older ones (two crashed sessions) are saved as notes.
        """
        self.record = record
        orphans = self._orphans(record)
        if len(orphans) > 1:
            for key, value in orphans[:-1]:
                self._save_draft(record, key, value)
        self.notes = self.repo.notes(record)
        self.repo.repair_commitments(record, self.notes)
        self.kind, self.unsent = NoteKind.PLAIN, ""
        if orphans:
            key, draft = orphans[-1]
            self.kind = _kind_or_none(draft.get("kind")) or NoteKind.PLAIN
            self.set_unsent(str(draft.get("text", "")))
            # On disk under this session before the gone session's copy is deleted: a crash in between
            # would otherwise lose the line (the delete is written at once, the new draft within a second).
            self.drafts.flush()
            self.drafts.discard(key)

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

    def _record_drafts(self, record_id: str) -> list[tuple[str, dict[str, Any]]]:
        """Every session's unsent line for this call, oldest first."""
        legacy = note_draft_key(record_id)
        found = [
            (key, value)
            for key, value in self.drafts.items(legacy).items()
            if (key == legacy or key.startswith(legacy + ".")) and isinstance(value, dict)
        ]
        return sorted(found, key=lambda pair: str(pair[1].get("at", "")))

    def _orphans(self, record: CallRecord) -> list[tuple[str, dict[str, Any]]]:
        """Unsent lines of this call whose session is gone, oldest first."""
        own = self._key(record.id)
        return [(key, value) for key, value in self._record_drafts(record.id) if key != own and not _session_alive(value)]

    @staticmethod
    def _draft_time(value: dict[str, Any]) -> datetime | None:
        try:
            moment = datetime.fromisoformat(str(value.get("at")))
        except ValueError:
            return None
        return moment if moment.tzinfo is not None else None

    def _save_text(self, record: CallRecord, text: str, kind: NoteKind | None, at: datetime) -> Note | None:
        note = new_note(self.repo.new_id(), record, text, max(at, record.started_at), kind=kind)
        if not note.text:
            return None
        self.repo.save_note(record, note)
        return note

    def _save_draft(self, record: CallRecord, key: str, value: dict[str, Any]) -> None:
        """A gone session's unsent line becomes a note at the time it was last typed; then its draft goes."""
        text = str(value.get("text", ""))
        if text.strip():
            at = self._draft_time(value) or self._last_activity(record, self.repo.notes(record))
            self._save_text(record, text, _kind_or_none(value.get("kind")), at)
        self.drafts.discard(key)

    def _save_orphans(self, record: CallRecord) -> None:
        for key, value in self._orphans(record):
            self._save_draft(record, key, value)

    def _rescue_orphans(self) -> None:
        """Unsent lines of calls that ended while their session was gone: kept as notes of those calls."""
        for key, value in list(self.drafts.items(NOTE_DRAFT).items()):
            record_id = key[len(NOTE_DRAFT) :].split(".", 1)[0]
            if not isinstance(value, dict) or _session_alive(value):
                continue
            record = self.repo.get(record_id)
            if record is not None and record.ended_at is not None:
                self._save_draft(record, key, value)

    def _last_activity(self, record: CallRecord, notes: list[Note]) -> datetime:
        moments = [record.started_at, *(note.at for note in notes)]
        moments += [moment for _key, value in self._record_drafts(record.id) if (moment := self._draft_time(value))]
        return max(moments)

    def _close_stale(self, record: CallRecord) -> CallRecord:
        """A call left open by a crash long ago: keep unsent lines of gone sessions as notes, end it at its last
        activity."""
        end = self._last_activity(record, self.repo.notes(record))
        self._save_orphans(record)
        closed = self.repo.change(record.id, lambda current: current if current.ended_at else current.ended(end))
        self.drafts.discard(ACTIVE_DRAFT)
        return closed or record
