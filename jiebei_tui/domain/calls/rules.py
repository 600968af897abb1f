"""Flags the logged times raise by themselves: night contact and too many unanswered calls."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from jiebei_tui.domain.calls.flags import (
    FLAG_NIGHT,
    FLAG_TOO_MANY_CALLS,
    MAX_UNANSWERED_PER_DAY,
    NIGHT_ENDS,
    NIGHT_STARTS,
)
from jiebei_tui.domain.calls.records import CallRecord, RecordKind
from jiebei_tui.domain.parsing.phones import normalize_number


def is_night(moment: datetime) -> bool:
    """22:00 up to 07:59:59 on the moment's own wall clock (21:59 no, 22:00 yes, 07:59 yes, 08:00 no)."""
    wall = moment.time()
    return wall >= NIGHT_STARTS or wall < NIGHT_ENDS


def _missed_key(record: CallRecord) -> tuple[str, date] | None:
    number = normalize_number(record.number)
    if record.kind is not RecordKind.MISSED or not number:
        return None  # a withheld number cannot be counted against anyone
    return number, record.started_at.date()


def automatic_flags(record: CallRecord, all_records: Iterable[CallRecord]) -> set[str]:
    """Flags the logged times raise by themselves.

    - night_contact: the record starts 22:00–07:59 (its own wall clock) and
      ``consented`` is not set. Any kind counts: the rule covers every form.
    - too_many_calls: the record is a missed call and at least six earlier
      missed calls came from the same number (digits compared after
      ``normalize_number``) on the same calendar day (the record's own date).
      So the 7th, 8th, … missed call of that number and day carry the flag;
      the first six never do. Withheld (empty) numbers are not counted.
      Ties in time are ordered by id, so the result is stable.

    ``record`` replaces any stored version with the same id in ``all_records``.
    """
    return automatic_flags_by_record([*all_records, record])[record.id]


def automatic_flags_by_record(records: Iterable[CallRecord]) -> dict[str, set[str]]:
    """``automatic_flags`` for a whole history in one pass (the history list needs them all).

    When ids repeat, the last record with that id wins.
    """
    unique = {record.id: record for record in records}
    groups: dict[tuple[str, date], list[CallRecord]] = {}
    for record in unique.values():
        key = _missed_key(record)
        if key is not None:
            groups.setdefault(key, []).append(record)
    excess = {
        record.id
        for group in groups.values()
        for record in sorted(group, key=lambda r: (r.started_at, r.id))[MAX_UNANSWERED_PER_DAY:]
    }
    result: dict[str, set[str]] = {}
    for record_id, record in unique.items():
        flags: set[str] = set()
        if is_night(record.started_at) and not record.consented:
            flags.add(FLAG_NIGHT)
        if record_id in excess:
            flags.add(FLAG_TOO_MANY_CALLS)
        result[record_id] = flags
    return result

