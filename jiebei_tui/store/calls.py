"""Call records and their notes on disk: the only code that reads or writes them.

* Records live in table ``calls`` of the main file (small documents).
* Notes live in table ``notes``, split by month of the *record's start*, so one
  record's notes sit in one file and opening a call reads one month, never the
  whole history (2,000 calls / 50,000 notes must still open in under two seconds).
* Commitment notes are copied into ``call_commitments`` (main file), so Home and
  Plans list open commitments without reading every month. The copy is written
  right after the note and repaired whenever a record's notes are loaded.

Every ``save_*`` returns what :meth:`Store.put` returns: False means the change
is kept in memory and retried (disk full); it is still shown everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from jiebei_tui.domain.calls import (
    CallRecord,
    Commitment,
    Note,
    NoteKind,
    RecordKind,
    notes_for,
    open_commitments,
    search_notes,
)
from jiebei_tui.domain.calls.evidence import Translate, evidence_report
from jiebei_tui.domain.parsing.phones import normalize_number
from jiebei_tui.domain.parsing.text import fold
from jiebei_tui.store.export import write_export
from jiebei_tui.store.store import Store, new_id

CALLS_TABLE = "calls"
NOTES_TABLE = "notes"
COMMITMENTS_TABLE = "call_commitments"


class _Missing(Exception):
    """Raised inside a locked update to abandon it without writing."""


def period_of(moment: datetime) -> str:
    """The notes file (``YYYY-MM``) of a record, from its start on its own wall clock."""
    return moment.strftime("%Y-%m")


def _record(doc: dict[str, Any]) -> CallRecord | None:
    try:
        return CallRecord.from_dict(doc)
    except (KeyError, TypeError, ValueError):
        return None  # unreadable (hand-edited or newer): skipped, never rewritten


def _note(doc: dict[str, Any]) -> Note | None:
    try:
        return Note.from_dict(doc)
    except (KeyError, TypeError, ValueError, ArithmeticError):
        return None


class CallsRepo:
    """Reads and writes call records and notes through a :class:`Store`."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @staticmethod
    def new_id() -> str:
        return new_id()

    # ----- records -------------------------------------------------------------------------

    def get(self, record_id: str) -> CallRecord | None:
        doc = self.store.get(CALLS_TABLE, record_id)
        return None if doc is None else _record(doc)

    def save(self, record: CallRecord) -> bool:
        return self.store.put(CALLS_TABLE, record.id, record.to_dict())

    def change(self, record_id: str, edit: Callable[[CallRecord], CallRecord]) -> CallRecord | None:
        """Apply ``edit`` to the stored record under the lock (two sessions toggling keep both).

        Returns the new record, or None when the record no longer exists.
        """
        result: list[CallRecord] = []

        def apply(doc: dict[str, Any]) -> None:
            current = _record(doc) if doc else None
            if current is None:
                raise _Missing
            changed = edit(current)
            doc.clear()
            doc.update(changed.to_dict())
            result.append(changed)

        try:
            self.store.update(CALLS_TABLE, record_id, apply)
        except _Missing:
            return None
        return result[0]

    def records(self) -> list[CallRecord]:
        """The whole history, newest first (for history views, loaded on demand)."""
        found = [record for doc in self.store.all(CALLS_TABLE) if (record := _record(doc)) is not None]
        return sorted(found, key=lambda record: (record.started_at, record.id), reverse=True)

    def delete(self, record: CallRecord) -> None:
        """Remove a record with its notes (only offered for records with nothing in them)."""
        period = period_of(record.started_at)
        for doc in self.store.all(NOTES_TABLE, period=period):
            if doc.get("record_id") == record.id:
                self.store.delete(NOTES_TABLE, doc["id"], period=period)
                self.store.delete(COMMITMENTS_TABLE, doc["id"])
        self.store.delete(CALLS_TABLE, record.id)

    def missed_calls_on(self, number: str, day: date) -> list[CallRecord]:
        """Missed calls from this number (digits compared) on this calendar day, oldest first."""
        wanted = normalize_number(number)
        if not wanted:
            return []
        found = []
        for doc in self.store.all(CALLS_TABLE):
            if doc.get("kind") != RecordKind.MISSED.value or normalize_number(str(doc.get("number", ""))) != wanted:
                continue
            record = _record(doc)
            if record is not None and record.started_at.date() == day:
                found.append(record)
        return sorted(found, key=lambda record: (record.started_at, record.id))

    # ----- notes ---------------------------------------------------------------------------

    def notes(self, record: CallRecord) -> list[Note]:
        """One record's notes in timeline order (reads one month file)."""
        docs = self.store.all(NOTES_TABLE, period=period_of(record.started_at))
        found = [note for doc in docs if doc.get("record_id") == record.id and (note := _note(doc)) is not None]
        return notes_for(record, found)

    def save_note(self, record: CallRecord, note: Note) -> bool:
        """Make one note durable (new or corrected), then keep the commitment copy in step."""
        if note.record_id != record.id:
            raise ValueError("note belongs to another record")
        durable = self.store.put(NOTES_TABLE, note.id, note.to_dict(), period=period_of(record.started_at))
        if note.kind is NoteKind.COMMITMENT:
            self.store.put(COMMITMENTS_TABLE, note.id, note.to_dict())
        elif self.store.get(COMMITMENTS_TABLE, note.id) is not None:
            self.store.delete(COMMITMENTS_TABLE, note.id)
        return durable

    def repair_commitments(self, record: CallRecord, notes: Iterable[Note]) -> None:
        """Re-copy commitment notes a crash left out of ``call_commitments``, and drop stale copies.

        Looks up only this record's notes (by id), never the whole index.
        """
        for note in notes:
            doc = self.store.get(COMMITMENTS_TABLE, note.id)
            if note.kind is NoteKind.COMMITMENT and doc != note.to_dict():
                self.store.put(COMMITMENTS_TABLE, note.id, note.to_dict())
            elif note.kind is not NoteKind.COMMITMENT and doc is not None:
                self.store.delete(COMMITMENTS_TABLE, note.id)

    def notes_for_records(self, records: Iterable[CallRecord]) -> list[Note]:
        """The notes of these records, reading only the months they started in."""
        records = list(records)
        ids = {record.id for record in records}
        found: list[Note] = []
        for period in sorted({period_of(record.started_at) for record in records}):
            for doc in self.store.all(NOTES_TABLE, period=period):
                if doc.get("record_id") in ids and (note := _note(doc)) is not None:
                    found.append(note)
        return found

    def search(self, query: str) -> dict[str, list[Note]]:
        """Notes containing every word of ``query`` (Chinese works: substring match), by record id.

        Reads every month on demand; a cheap pass over the raw text comes first
        so only likely matches are parsed.
        """
        terms = fold(query).split()
        matches: dict[str, list[Note]] = {}
        if not terms:
            return matches
        for period in self.store.periods(NOTES_TABLE):
            for doc in self.store.all(NOTES_TABLE, period=period):
                raw = [str(doc.get("text", ""))] + [str(item.get("text", "")) for item in doc.get("corrections", ())]
                haystack = fold("\n".join(raw))
                if not all(term in haystack for term in terms):
                    continue
                note = _note(doc)
                if note is not None and search_notes([note], query):
                    matches.setdefault(note.record_id, []).append(note)
        return matches

    # ----- commitments ---------------------------------------------------------------------

    def open_commitments(self, *, since: date | None = None) -> list[tuple[Commitment, CallRecord]]:
        """Open commitments with the record they were made in, soonest due first (undated last).

        With ``since``, only commitments due on or after it, or undated ones made
        since then: what still matters on Home, not five years of old promises.
        Only the records that have such commitments are read.
        """
        docs = self.store.all(COMMITMENTS_TABLE)
        if since is not None:
            cutoff = since.isoformat()
            docs = [doc for doc in docs if str(doc.get("due") or str(doc.get("at", ""))[:10]) >= cutoff]
        by_record: dict[str, list[Note]] = {}
        for doc in docs:
            note = _note(doc)
            if note is not None:
                by_record.setdefault(note.record_id, []).append(note)
        found: list[tuple[Commitment, CallRecord]] = []
        for record_id, notes in by_record.items():
            record = self.get(record_id)
            if record is not None:
                found += [(commitment, record) for commitment in open_commitments([record], notes)]
        found.sort(key=lambda pair: (pair[0].due is None, pair[0].due or date.max, pair[0].made_at, pair[0].note_id))
        return found

    # ----- export --------------------------------------------------------------------------

    def export_evidence(
        self,
        path: Path,
        records: Iterable[CallRecord],
        translate: Translate,
        *,
        now: datetime,
        context: Iterable[CallRecord] | None = None,
    ) -> str:
        """Write the Markdown evidence report for ``records`` (0600, atomic); returns the text.

        ``context`` is the whole history, so the seventh missed call of a day is
        recognised even when only some records are exported.
        """
        chosen = list(records)
        text = evidence_report(
            chosen, self.notes_for_records(chosen), translate, now=now, context=self.records() if context is None else context
        )
        write_export(path, text)
        return text
