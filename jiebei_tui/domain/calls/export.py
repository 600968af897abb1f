"""The Calls part of the Markdown export: every contact by the user's day, then the letters.

Reads one day of records and one call's notes at a time. Records are filed by
the day on the clock they were stored with, and the user's day can differ from
it by one, so a day is written once the files up to the next day have been
read (a window of three files, never the whole history).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from jiebei_tui.domain.calls.letters import Letter, letter_markdown
from jiebei_tui.domain.calls.notes import Note, notes_for
from jiebei_tui.domain.calls.records import CallRecord, RecordKind
from jiebei_tui.domain.calls.rules import attempts_per_day, automatic_flags_by_record, institutions_by_number
from jiebei_tui.domain.calls.sections import (
    ATTEMPTS_TITLE,
    MISSED_CALLS,
    RULES_FOR_FLAGS,
    Page,
    attempts_lines,
    missed_header,
    missed_institutions,
    missed_rows,
    record_section,
    rules_for,
    table,
)
from jiebei_tui.domain.calls.summary import summarize
from jiebei_tui.domain.instants import local_day
from jiebei_tui.domain.markdown_export import ExportPage, TableReader
from jiebei_tui.i18n import N_, N_plural

if TYPE_CHECKING:  # the coach loads on first use, never with this module
    from jiebei_tui.domain.calls.coach import KeptSuggestion

CALLS_TABLE = "calls"
NOTES_TABLE = "notes"
KEPT_TABLE = "coach_kept"
LETTERS_TABLE = "letters"

DAY_HEADING = N_plural("{day} · {n} contact", "{day} · {n} contacts")
NO_CONTACTS = N_("No contacts logged.")
LETTERS = N_("Letters")
LETTER_DATES = N_("Written {created}, last changed {updated}.")


def _record(doc_id: str, doc: Mapping[str, Any]) -> CallRecord | None:
    try:
        return CallRecord.from_dict({**doc, "id": doc_id})
    except (KeyError, TypeError, ValueError):
        return None  # unreadable (hand-edited or newer): the JSON export still has it


def _notes(reader: TableReader, record: CallRecord) -> list[Note]:
    found = []
    for doc_id, doc in reader.docs_like(NOTES_TABLE, {"record_id": record.id}).items():
        if doc.get("record_id") != record.id:
            continue
        try:
            found.append(Note.from_dict({**doc, "id": doc_id}))
        except (KeyError, TypeError, ValueError, ArithmeticError):
            continue
    return notes_for(record, found)


def _kept(reader: TableReader, record: CallRecord) -> list[KeptSuggestion]:
    """The coach's suggestions the user kept for this record (the coach loads only when there are some)."""
    docs = [doc for doc in reader.docs_like(KEPT_TABLE, {"record_id": record.id}).values() if doc.get("record_id") == record.id]
    if not docs:
        return []
    from jiebei_tui.domain.calls.coach import kept_from_docs

    return kept_from_docs(record, docs)


def _days(reader: TableReader, page: ExportPage) -> Iterator[tuple[date, list[CallRecord]]]:
    """The user's days, oldest first, each with all its records (read through a three-file window)."""
    waiting: dict[date, list[CallRecord]] = {}
    for period in reader.periods(CALLS_TABLE):
        for doc_id, doc in reader.docs(CALLS_TABLE, period).items():
            record = _record(doc_id, doc)
            if record is not None:
                waiting.setdefault(local_day(record.started_at, page.zone), []).append(record)
        try:
            filed = date.fromisoformat(period)
        except ValueError:
            continue  # a damaged record's fallback file: its day is read from the records themselves
        complete = [day for day in waiting if day.toordinal() < filed.toordinal() - 1]
        for day in sorted(complete):
            yield day, waiting.pop(day)
    for day in sorted(waiting):
        yield day, waiting[day]


def _day_lines(day: date, records: list[CallRecord], reader: TableReader, page: ExportPage) -> list[str]:
    tr = page.tr
    view = Page(tr, page.zone, page.now)
    records.sort(key=lambda r: (r.started_at, r.id))
    auto = automatic_flags_by_record(records, page.zone, page.now)
    lines = [f"### {page.plural(DAY_HEADING, len(records), day=day.isoformat())}"]
    missed = [record for record in records if record.kind is RecordKind.MISSED]
    for record in records:
        if record.kind is RecordKind.MISSED:
            continue
        notes = _notes(reader, record)
        summary = summarize(record, notes, page.now, records, zone=page.zone)
        lines += [""] + record_section("", record, summary, notes, view, level=4, kept=_kept(reader, record))
    if missed:
        known = institutions_by_number(records)
        notes_of = {record.id: _notes(reader, record) for record in missed}
        rows, flagged = missed_rows(
            missed, auto, missed_institutions(missed, known), lambda record: notes_of[record.id], view
        )
        lines += ["", f"#### {tr(MISSED_CALLS)}", "", *table(missed_header(tr), rows)]
        lines += ["", f"#### {tr(ATTEMPTS_TITLE)}", "", *attempts_lines(attempts_per_day(records, page.zone, known), tr)]
        if flagged:
            lines += ["", f"{tr(RULES_FOR_FLAGS)}:", "", *rules_for(flagged, tr)]
    return lines


def _letters(reader: TableReader, page: ExportPage) -> Iterator[str]:
    letters: list[Letter] = []
    for period in reader.periods(LETTERS_TABLE):
        for doc_id, doc in reader.docs(LETTERS_TABLE, period).items():
            try:
                letters.append(Letter.from_dict({**doc, "id": doc_id}))
            except (KeyError, TypeError, ValueError):
                continue
    if not letters:
        return
    yield f"\n### {page.tr(LETTERS)}\n"
    for letter in sorted(letters, key=lambda item: (item.created_at, item.id)):
        dates = page.tr(LETTER_DATES).format(
            created=page.time(letter.created_at, seconds=False), updated=page.time(letter.updated_at, seconds=False)
        )
        yield "\n" + letter_markdown(letter, page.tr, level=4, note=dates) + "\n"


def markdown_section(reader: TableReader, page: ExportPage) -> Iterator[str]:
    """Every contact by the user's day (times in ``page.zone``), missed calls per day, then the letters."""
    any_day = False
    for day, records in _days(reader, page):
        any_day = True
        yield "\n".join(_day_lines(day, records, reader, page)) + "\n\n"
    if not any_day:
        yield page.tr(NO_CONTACTS) + "\n"
    yield from _letters(reader, page)
