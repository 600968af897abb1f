"""Flags the logged times raise by themselves: contact at night, and too many unanswered attempts in a day.

Both are judged in the user's time zone (``zone``), never in the offset a record
happened to be stored with: a server reached over SSH usually runs on UTC, and a
Beijing 22:30 call stamped 14:30+00:00 is still a night call. Judging at read
time means that choosing another zone judges every record again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from jiebei_tui.domain.calls.flags import (
    FLAG_NIGHT,
    FLAG_TOO_MANY_CALLS,
    MAX_UNANSWERED_PER_DAY,
    NIGHT_ENDS,
    NIGHT_STARTS,
)
from jiebei_tui.domain.calls.records import CallRecord, RecordKind
from jiebei_tui.domain.instants import in_zone, local_day
from jiebei_tui.domain.parsing.phones import normalize_number
from jiebei_tui.domain.parsing.text import fold


def is_night(moment: datetime, zone: tzinfo) -> bool:
    """22:00 up to 07:59:59 on the user's wall clock (21:59 no, 22:00 yes, 07:59 yes, 08:00 no)."""
    wall = in_zone(moment, zone).time()
    return wall >= NIGHT_STARTS or wall < NIGHT_ENDS


def contact_span(record: CallRecord, now: datetime | None = None) -> tuple[datetime, datetime]:
    """From start to end; a call or visit still going runs to ``now`` (to its start when ``now`` is unknown)."""
    if record.ended_at is not None:
        return record.started_at, record.ended_at
    if now is not None and record.kind in (RecordKind.CALL, RecordKind.VISIT):
        return record.started_at, max(now, record.started_at)
    return record.started_at, record.started_at


def reaches_night(start: datetime, end: datetime, zone: tzinfo) -> bool:
    """The contact touches 22:00–08:00 anywhere in its span: a visit from 21:40 to 22:10 is judged by all of it.

    It starts in the night, or goes past the 22:00 that follows its start (an end at 22:00:00 exactly
    does not go past it).
    """
    if is_night(start, zone):
        return True
    local = in_zone(start, zone)
    night = datetime.combine(local.date(), NIGHT_STARTS, tzinfo=zone)
    return end > night


def _attempt_day(record: CallRecord, zone: tzinfo) -> date | None:
    """The user's day of an unanswered attempt; None for other kinds and hidden numbers (not attributable)."""
    if record.kind is not RecordKind.MISSED or not normalize_number(record.number):
        return None
    return local_day(record.started_at, zone)


def automatic_flags_by_record(
    records: Iterable[CallRecord], zone: tzinfo, now: datetime | None = None
) -> dict[str, set[str]]:
    """Automatic flags of every record, judged together (the attempts rule needs the whole day).

    - night_contact: the contact's span touches 22:00–08:00 in ``zone`` and
      ``consented`` is not set. Any kind counts: the rule covers every form.
    - too_many_calls: the guideline counts attempts *to the debtor's same
      contact*, the user's own phone, so missed calls are counted per day in
      ``zone`` across every calling number. The 7th, 8th, … of a day carry the
      flag; the first six never do. Hidden numbers are not counted (they cannot
      be tied to a collector). Ties in time are ordered by id.

    When ids repeat, the last record with that id wins.
    """
    unique = {record.id: record for record in records}
    days: dict[date, list[CallRecord]] = {}
    for record in unique.values():
        day = _attempt_day(record, zone)
        if day is not None:
            days.setdefault(day, []).append(record)
    excess = {
        record.id
        for group in days.values()
        for record in sorted(group, key=lambda r: (r.started_at, r.id))[MAX_UNANSWERED_PER_DAY:]
    }
    result: dict[str, set[str]] = {}
    for record_id, record in unique.items():
        flags: set[str] = set()
        if not record.consented and reaches_night(*contact_span(record, now), zone):
            flags.add(FLAG_NIGHT)
        if record_id in excess:
            flags.add(FLAG_TOO_MANY_CALLS)
        result[record_id] = flags
    return result


def automatic_flags(
    record: CallRecord, all_records: Iterable[CallRecord], zone: tzinfo, now: datetime | None = None
) -> set[str]:
    """``automatic_flags_by_record`` for one record; ``record`` replaces any stored version in ``all_records``."""
    return automatic_flags_by_record([*all_records, record], zone, now)[record.id]


@dataclass(frozen=True)
class DayAttempts:
    """Unanswered attempts on one of the user's days: the total the rule counts, and who made them.

    ``by_institution`` holds the institutions known for the calling numbers (from
    the record, or from another contact with the same number that named one);
    ``unknown`` counts attempts whose institution was never said.
    """

    day: date
    total: int
    by_institution: tuple[tuple[str, int], ...]
    unknown: int

    @property
    def over_limit(self) -> bool:
        return self.total > MAX_UNANSWERED_PER_DAY


def institutions_by_number(records: Iterable[CallRecord]) -> dict[str, str]:
    """Normalised number -> the institution a contact from that number (or giving it as callback) named."""
    found: dict[str, str] = {}
    for record in sorted(records, key=lambda r: (r.started_at, r.id)):
        name = record.identity.institution.value.strip()
        if not name:
            continue
        for number in (record.number, record.identity.callback_number.value):
            key = normalize_number(number)
            if key:
                found[key] = name
    return found


def attempts_per_day(
    records: Iterable[CallRecord], zone: tzinfo, institutions: Mapping[str, str] | None = None
) -> list[DayAttempts]:
    """Unanswered attempts counted per day in ``zone``, oldest day first, split by institution where known."""
    chosen = list({record.id: record for record in records}.values())
    known = institutions_by_number(chosen) if institutions is None else dict(institutions)
    days: dict[date, list[CallRecord]] = {}
    for record in chosen:
        day = _attempt_day(record, zone)
        if day is not None:
            days.setdefault(day, []).append(record)
    result = []
    for day in sorted(days):
        counts: dict[str, int] = {}
        shown: dict[str, str] = {}
        unknown = 0
        for record in days[day]:
            name = record.identity.institution.value.strip() or known.get(normalize_number(record.number), "")
            if not name:
                unknown += 1
                continue
            key = fold(name)
            shown.setdefault(key, name)
            counts[key] = counts.get(key, 0) + 1
        by_institution = tuple(sorted(((shown[key], count) for key, count in counts.items()), key=lambda p: (-p[1], p[0])))
        result.append(DayAttempts(day, len(days[day]), by_institution, unknown))
    return result

