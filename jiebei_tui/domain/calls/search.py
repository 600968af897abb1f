"""Finding notes and records: by words (Chinese too), number, collector, institution, flag or kind."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import tzinfo

from jiebei_tui.domain.calls.notes import Note
from jiebei_tui.domain.calls.records import CallRecord, RecordKind
from jiebei_tui.domain.calls.rules import automatic_flags_by_record
from jiebei_tui.domain.parsing.phones import normalize_number
from jiebei_tui.domain.parsing.text import fold


def search_notes(notes: Iterable[Note], query: str) -> list[Note]:
    """Notes whose text (original or any correction) contains every word of ``query``.

    Substring match, so it works for Chinese without word breaking; Latin is
    case-insensitive and full-width/half-width are folded (NFKC). An empty
    query returns every note. Order is kept.
    """
    terms = fold(query).split()
    result = []
    for note in notes:
        haystack = fold("\n".join(note.versions))
        if all(term in haystack for term in terms):
            result.append(note)
    return result


def matches_number(record: CallRecord, number: str) -> bool:
    """Same number as the record's counterpart or as the callback number they gave (however it was written)."""
    wanted = normalize_number(number)
    return bool(wanted) and wanted in (
        normalize_number(record.number),
        normalize_number(record.identity.callback_number.value),
    )


def matches_collector(record: CallRecord, query: str) -> bool:
    """The caller's name or staff ID contains ``query`` (folded)."""
    wanted = fold(query).strip()
    identity = record.identity
    return bool(wanted) and any(wanted in fold(entry.value) for entry in (identity.caller_name, identity.staff_id))


def matches_institution(record: CallRecord, query: str) -> bool:
    wanted = fold(query).strip()
    return bool(wanted) and wanted in fold(record.identity.institution.value)


def filter_records(
    records: Sequence[CallRecord],
    *,
    institution: str | None = None,
    flag: str | None = None,
    number: str | None = None,
    collector: str | None = None,
    kind: RecordKind | None = None,
    zone: tzinfo | None = None,
) -> list[CallRecord]:
    """Records meeting every given criterion, order kept.

    ``flag`` matches manual and automatic flags; automatic ones are judged in
    ``zone`` (required with ``flag``) over ``records`` as a whole, so pass the
    full history, not a page of it.
    """
    if flag is not None and zone is None:
        raise ValueError("a flag filter needs the user's zone")
    auto = automatic_flags_by_record(records, zone) if flag is not None and zone is not None else {}
    result = []
    for record in records:
        if institution is not None and not matches_institution(record, institution):
            continue
        if number is not None and not matches_number(record, number):
            continue
        if collector is not None and not matches_collector(record, collector):
            continue
        if kind is not None and record.kind is not kind:
            continue
        if flag is not None and flag not in record.manual_flags and flag not in auto.get(record.id, set()):
            continue
        result.append(record)
    return result
