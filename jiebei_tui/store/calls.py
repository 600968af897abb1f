"""Call records and their notes on disk: the only code that reads or writes them.

* Records: table ``calls``, one file per day a record started
  (``calls/YYYY-MM-DD.json``), with an index (id → day, in 16 small shards) so
  ``get`` reads one shard and one day.
* Notes: table ``notes``, one file per record (``notes/<record id>.json``): saving
  a line rewrites only that call's lines, whatever the history size.
* Suggestions of the call coach the user kept: table ``coach_kept``, one file
  per record (``coach/<record id>.json``), written only when the user asks.
* Commitment notes are copied into ``call_commitments``, by the day they are
  due (undated: the day made), so Home reads only recent and future days.
  A commitment line writes the note file and one commitment file, nothing else.
  The copy is written right after the note and repaired whenever a record's
  notes are loaded.

Every ``save_*`` returns what :meth:`Store.put` returns: False means the change
is kept in memory and retried (disk full); it is still shown everywhere.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jiebei_tui.domain import calls as calls_domain
from jiebei_tui.domain.calls import (
    CallRecord,
    Commitment,
    Note,
    NoteKind,
    RecordKind,
    notes_for,
    open_commitments,
)
from jiebei_tui.domain.instants import local_day
from jiebei_tui.domain.parsing.text import fold
from jiebei_tui.store.store import Store, new_id
from jiebei_tui.store.tables import key_for

if TYPE_CHECKING:
    from jiebei_tui.domain.calls import KeptSuggestion

CALLS_TABLE = "calls"
NOTES_TABLE = "notes"
COMMITMENTS_TABLE = "call_commitments"
KEPT_TABLE = "coach_kept"


class _Missing(Exception):
    """Raised inside a locked update to abandon it without writing."""


def period_of(moment: datetime) -> str:
    """The file (``YYYY-MM-DD``) of a record, from its start on the clock it was stored with.

    The user's day can differ from it by one (a record stored in UTC, read in Beijing
    time): :meth:`CallsRepo.records_on` reads the files on either side.
    """
    return moment.strftime("%Y-%m-%d")


def notes_key(record_id: str) -> str:
    """The notes file of a record (its id; ids that are not plain file names share one file)."""
    return str(key_for(NOTES_TABLE, {"record_id": record_id}))


def commitment_key(doc: Mapping[str, Any]) -> str:
    return str(key_for(COMMITMENTS_TABLE, doc))


def _record(doc_id: str, doc: Mapping[str, Any]) -> CallRecord | None:
    try:
        return CallRecord.from_dict({**doc, "id": doc_id})
    except (KeyError, TypeError, ValueError):
        return None  # unreadable (hand-edited or newer): skipped, never rewritten


def _note(doc_id: str, doc: Mapping[str, Any]) -> Note | None:
    try:
        return Note.from_dict({**doc, "id": doc_id})
    except (KeyError, TypeError, ValueError, ArithmeticError):
        return None


# The full-width punctuation an input method types in Chinese mode, as NFKC maps it.
_IME_PUNCTUATION = tuple((chr(code), chr(code - 0xFEE0)) for code in map(ord, "，：？！（）；"))


def search_key(text: str) -> str:
    """``fold(text)`` (NFKC, then casefold), fast for ordinary Chinese text.

    The usual full-width punctuation is mapped first, exactly as NFKC maps it;
    text that is then already NFKC only needs casefolding, which spares the slow
    full normalisation for nearly every note.
    """
    for wide, narrow in _IME_PUNCTUATION:
        if wide in text:
            text = text.replace(wide, narrow)
    if unicodedata.is_normalized("NFKC", text):
        return text.casefold()
    return fold(text)


def _texts(doc: Mapping[str, Any]) -> str:
    corrections = doc.get("corrections") or ()
    extra = [str(item.get("text", "")) for item in corrections if isinstance(item, Mapping)]
    return "\n".join([str(doc.get("text", "")), *extra])


class CallsRepo:
    """Reads and writes call records and notes through a :class:`Store`."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._open_answer: tuple[tuple[object, ...], list[tuple[Commitment, CallRecord]]] | None = None

    @staticmethod
    def new_id() -> str:
        return new_id()

    # ----- records -------------------------------------------------------------------------

    def get(self, record_id: str) -> CallRecord | None:
        doc = self.store.get(CALLS_TABLE, record_id, copied=False)  # from_dict builds new objects
        return None if doc is None else _record(record_id, doc)

    def save(self, record: CallRecord) -> bool:
        return self.store.put(CALLS_TABLE, record.id, record.to_dict(), period=period_of(record.started_at))

    def change(self, record_id: str, edit: Callable[[CallRecord], CallRecord]) -> CallRecord | None:
        """Apply ``edit`` to the stored record under the lock (two sessions toggling keep both).

        Returns the new record, or None when the record no longer exists.
        """
        result: list[CallRecord] = []

        def apply(doc: dict[str, Any]) -> None:
            current = _record(record_id, doc) if doc else None
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

    def periods(self) -> list[str]:
        """Days with records (their files), newest first."""
        return sorted(self.store.periods(CALLS_TABLE), reverse=True)

    def records_in(self, period: str, *, keep: bool = True) -> list[CallRecord]:
        """One day's records, newest first."""
        view = self.store.view(CALLS_TABLE, period=period, keep=keep)
        found = [record for doc_id, doc in view.items() if (record := _record(doc_id, doc)) is not None]
        return sorted(found, key=lambda record: (record.started_at, record.id), reverse=True)

    def iter_records(self) -> Iterator[list[CallRecord]]:
        """The history a day at a time, newest first (for screens that show it as it loads)."""
        for period in self.periods():
            yield self.records_in(period, keep=False)

    def records(self) -> list[CallRecord]:
        """The whole history, newest first."""
        found = [record for batch in self.iter_records() for record in batch]
        return sorted(found, key=lambda record: (record.started_at, record.id), reverse=True)

    def count(self) -> int:
        """How many records are saved (reads the index only)."""
        return self.store.count(CALLS_TABLE)

    def delete(self, record: CallRecord) -> None:
        """Remove a record with its notes (only offered for records with nothing in them)."""
        key = notes_key(record.id)
        for doc_id, doc in list(self.store.view(NOTES_TABLE, period=key).items()):
            if doc.get("record_id") != record.id:
                continue
            if doc.get("kind") == NoteKind.COMMITMENT.value:
                self.store.delete(COMMITMENTS_TABLE, doc_id, period=commitment_key(doc))
            self.store.delete(NOTES_TABLE, doc_id, period=key)
        kept_key = str(key_for(KEPT_TABLE, {"record_id": record.id}))
        for doc_id in list(self.store.view(KEPT_TABLE, period=kept_key)):
            self.store.delete(KEPT_TABLE, doc_id, period=kept_key)
        self.store.delete(CALLS_TABLE, record.id)

    def records_on(self, day: date, zone: tzinfo, *, kind: RecordKind | None = None) -> list[CallRecord]:
        """Every record of the user's ``day`` in ``zone`` (of ``kind`` if given), oldest first.

        Reads the day's file and the one on either side: a record is filed by the day on
        the clock it was stored with, which may be a day off the user's.
        """
        found = []
        for offset in (-1, 0, 1):
            period = (day + timedelta(days=offset)).isoformat()
            for doc_id, doc in self.store.view(CALLS_TABLE, period=period).items():
                if kind is not None and doc.get("kind") != kind.value:
                    continue
                record = _record(doc_id, doc)
                if record is not None and local_day(record.started_at, zone) == day:
                    found.append(record)
        return sorted(found, key=lambda record: (record.started_at, record.id))

    # ----- notes ---------------------------------------------------------------------------

    def notes(self, record: CallRecord) -> list[Note]:
        """One record's notes in timeline order (reads one small file)."""
        view = self.store.view(NOTES_TABLE, period=notes_key(record.id))
        found = [
            note for doc_id, doc in view.items() if doc.get("record_id") == record.id and (note := _note(doc_id, doc))
        ]
        return notes_for(record, found)

    def save_note(self, record: CallRecord, note: Note) -> bool:
        """Make one note durable (new or corrected), then keep its commitment copy in step.

        A new line writes one file (two for a commitment). A copy that has to move
        (its due day changed, or the line is no longer a commitment) is removed
        first, so a crash in between leaves a missing copy, which loading repairs,
        never a stale one.
        """
        if note.record_id != record.id:
            raise ValueError("note belongs to another record")
        key = notes_key(record.id)
        doc = note.to_dict()
        previous = self.store.view(NOTES_TABLE, period=key).get(note.id)
        if previous is not None and previous.get("kind") == NoteKind.COMMITMENT.value:
            old_key = commitment_key(previous)
            if note.kind is not NoteKind.COMMITMENT or old_key != commitment_key(doc):
                self.store.delete(COMMITMENTS_TABLE, note.id, period=old_key)
        durable = self.store.put(NOTES_TABLE, note.id, doc, period=key)
        if note.kind is NoteKind.COMMITMENT:
            self.store.put(COMMITMENTS_TABLE, note.id, doc, period=commitment_key(doc))
        was_marked = previous is not None and previous.get("kind") == NoteKind.RED_FLAG.value
        if was_marked != (note.kind is NoteKind.RED_FLAG):
            self._count_marked_lines(record.id)
        return durable

    def _count_marked_lines(self, record_id: str) -> None:
        """Keep the record's count of "!" lines in step with its notes (one more write, only when it changes)."""
        docs = self.store.view(NOTES_TABLE, period=notes_key(record_id))
        count = sum(1 for doc in docs.values() if doc.get("record_id") == record_id and doc.get("kind") == NoteKind.RED_FLAG.value)
        self.change(record_id, lambda record: record if record.marked_lines == count else replace(record, marked_lines=count))

    def repair_commitments(self, record: CallRecord, notes: Iterable[Note]) -> None:
        """Re-copy commitment notes a crash left out of ``call_commitments``, and drop stale copies.

        Looks only where this record's notes belong (their due or made day), never the whole index.
        ``save_note`` removes a copy before its note stops being a commitment or moves to another
        due day, so a crash cannot leave a stale copy behind; one left by editing files by hand is
        found on the day the note was made.
        """
        for note in notes:
            doc = note.to_dict()
            if note.kind is NoteKind.COMMITMENT:
                key = commitment_key(doc)
                copy = self.store.view(COMMITMENTS_TABLE, period=key).get(note.id)
                if copy is None or {**copy, "id": note.id} != doc:
                    self.store.put(COMMITMENTS_TABLE, note.id, doc, period=key)
            else:
                key = commitment_key({"at": doc["at"]})
                if note.id in self.store.view(COMMITMENTS_TABLE, period=key):
                    self.store.delete(COMMITMENTS_TABLE, note.id, period=key)

    def notes_for_records(self, records: Iterable[CallRecord]) -> list[Note]:
        """The notes of these records, reading only their files."""
        found: list[Note] = []
        for record in {record.id: record for record in records}.values():
            found += self.notes(record)
        return found

    def iter_search(self, query: str) -> Iterator[tuple[str, list[Note]]]:
        """Notes containing every word of ``query`` (Chinese works: substring match), a call at a time.

        Reads every call's notes file without keeping them; only notes whose folded
        text holds every word are parsed.
        """
        terms = fold(query).split()
        if not terms:
            return
        for key in self.store.periods(NOTES_TABLE):
            found: dict[str, list[Note]] = {}
            for note in self._matching(key, terms, query):
                found.setdefault(note.record_id, []).append(note)
            yield from found.items()

    def search_record(self, record_id: str, query: str) -> list[Note]:
        """The notes of one record containing every word of ``query``, in file order.

        Reads only that record's notes file, without keeping it: a screen that
        goes through the history record by record (newest first) searches as it goes.
        """
        terms = fold(query).split()
        if not terms:
            return []
        return [note for note in self._matching(notes_key(record_id), terms, query) if note.record_id == record_id]

    def _matching(self, key: str, terms: list[str], query: str) -> Iterator[Note]:
        """Notes of one notes file holding every term; only those are parsed."""
        for doc_id, doc in self.store.view(NOTES_TABLE, period=key, keep=False).items():
            haystack = search_key(_texts(doc))
            if all(term in haystack for term in terms):
                note = _note(doc_id, doc)
                if note is not None and calls_domain.search_notes([note], query):
                    yield note

    def search(self, query: str) -> dict[str, list[Note]]:
        """Every match of :meth:`iter_search`, by record id."""
        matches: dict[str, list[Note]] = {}
        for record_id, notes in self.iter_search(query):
            matches.setdefault(record_id, []).extend(notes)
        return matches

    # ----- commitments ---------------------------------------------------------------------

    def open_commitments(self, *, since: date | None = None) -> list[tuple[Commitment, CallRecord]]:
        """Open commitments with the record they were made in, soonest due first (undated last).

        With ``since``, only commitments due on or after it, or undated ones made
        since then: what still matters on Home. Only those days are read, and
        only the records that have such commitments. The answer is kept until anything
        is saved: Home and the Plans area ask the same question (~20 ms each with a heavy history).
        """
        key = (since, self.store.change_token())
        if self._open_answer is not None and self._open_answer[0] == key:
            return list(self._open_answer[1])
        found = self._read_open_commitments(since)
        self._open_answer = (key, found)
        return list(found)

    def _read_open_commitments(self, since: date | None) -> list[tuple[Commitment, CallRecord]]:
        cutoff = "" if since is None else since.isoformat()
        days = [day for day in self.store.periods(COMMITMENTS_TABLE) if day >= cutoff]
        by_record: dict[str, list[Note]] = {}
        for day in days:
            for doc_id, doc in self.store.view(COMMITMENTS_TABLE, period=day, keep=since is not None).items():
                if str(doc.get("due") or str(doc.get("at", ""))[:10]) < cutoff:
                    continue
                note = _note(doc_id, doc)
                if note is not None:
                    by_record.setdefault(note.record_id, []).append(note)
        found: list[tuple[Commitment, CallRecord]] = []
        for record_id, notes in by_record.items():
            record = self.get(record_id)
            if record is not None:
                found += [(commitment, record) for commitment in open_commitments([record], notes)]
        found.sort(key=lambda pair: (pair[0].due is None, pair[0].due or date.max, pair[0].made_at, pair[0].note_id))
        return found

    # ----- suggestions the user kept ---------------------------------------------------------

    def kept(self, record: CallRecord) -> list[KeptSuggestion]:
        """The coach's suggestions kept for one record, oldest first (reads one small file, if any)."""
        key = str(key_for(KEPT_TABLE, {"record_id": record.id}))
        docs = self.store.view(KEPT_TABLE, period=key).values()
        if not docs:
            return []
        from jiebei_tui.domain.calls import kept_from_docs  # the coach loads on first use

        return kept_from_docs(record, docs)

    def keep(self, kept: KeptSuggestion) -> bool:
        """Keep one suggestion in its call's record; keeping the same line and situation again changes nothing."""
        doc = kept.to_dict()
        doc_id = f"{kept.note_id}.{kept.situation.value}"
        return self.store.put(KEPT_TABLE, doc_id, doc, period=str(key_for(KEPT_TABLE, doc)))

    # ----- export --------------------------------------------------------------------------

    def export_evidence(
        self,
        path: Path,
        records: Iterable[CallRecord],
        translate: calls_domain.Translate,
        *,
        now: datetime,
        zone: tzinfo,
        context: Iterable[CallRecord] | None = None,
    ) -> str:
        """Write the Markdown evidence report for ``records`` (0600, atomic); returns the text.

        ``context`` defaults to every record of the user's days the chosen ones
        started on: unanswered attempts are counted per day, so that is all it needs.
        """
        chosen = list(records)
        if context is None:
            days = sorted({local_day(record.started_at, zone) for record in chosen})
            context = [record for day in days for record in self.records_on(day, zone)]
        from jiebei_tui.store.export import write_export  # only when exporting: it is not needed at start

        kept = [item for record in chosen for item in self.kept(record)]
        text = calls_domain.evidence_report(chosen, self.notes_for_records(chosen), translate, now=now, zone=zone, context=context, kept=kept)
        write_export(path, text)
        return text
