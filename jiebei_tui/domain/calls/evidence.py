"""The evidence report: logged collection contacts as a Markdown document.

Meant to be printed, attached to a complaint (12378, 12363, 95188) or shown
to the police (110), so it says exactly what was logged and when: every note
with its time in the user's zone (named at the top) and its offset into the
contact, corrections and re-filings after the original, each red flag with the
rule it conflicts with and that rule's source. Nothing here is stated as fact
unless it comes from ``facts.py``. The pieces live in ``sections.py``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from jiebei_tui.domain.calls.notes import Note, notes_for
from jiebei_tui.domain.calls.records import CallRecord, RecordKind
from jiebei_tui.domain.calls.rules import attempts_per_day, automatic_flags_by_record, institutions_by_number
from jiebei_tui.domain.calls.search import matches_collector, matches_number
from jiebei_tui.domain.calls.sections import (
    ATTEMPTS_TITLE,
    MISSED_CALLS,
    RULES_FOR_FLAGS,
    SOURCE,
    Page,
    Translate,
    attempts_lines,
    missed_header,
    missed_institutions,
    missed_rows,
    record_section,
    rules_for,
    table,
)
from jiebei_tui.domain.calls.summary import summarize
from jiebei_tui.domain.facts import COMPLAINT_CHANNELS, fact
from jiebei_tui.domain.instants import local_day
from jiebei_tui.domain.zones import TIMES_IN, zone_label
from jiebei_tui.i18n import N_, untranslated

if TYPE_CHECKING:  # the coach loads on first use, never with this module
    from jiebei_tui.domain.calls.coach import KeptSuggestion

TITLE = N_("Evidence: contacts by debt collectors")
PREPARED = N_("Prepared on {time} with jiebei-tui from my own notes.")
TIMES_NOTE = N_(
    "Offsets such as +02:15 count from the start of the contact. Notes are shown as first typed; "
    "later corrections follow them with their time, and nothing was deleted."
)
RECORD_COUNT = N_("Contacts in this report: {count}")
NO_RECORDS = N_("No contacts selected.")
WHERE_TO_COMPLAIN = N_("Where to complain")


def _identity(text: str) -> str:
    return untranslated(text)


def select_records_for(
    records: Iterable[CallRecord],
    *,
    number: str | None = None,
    collector: str | None = None,
) -> list[CallRecord]:
    """All records involving this number or this collector (either matches), oldest first.

    The number matches the counterpart or the callback number they gave (compared
    after ``normalize_number``); the collector matches the caller's name or staff
    ID (case- and width-insensitive substring).
    """
    if number is None and collector is None:
        raise ValueError("give a number, a collector or both")
    chosen = [
        record
        for record in records
        if (number is not None and matches_number(record, number))
        or (collector is not None and matches_collector(record, collector))
    ]
    return sorted(chosen, key=lambda record: (record.started_at, record.id))


def complaint_channels(tr: Translate) -> list[str]:
    lines = [f"## {tr(WHERE_TO_COMPLAIN)}", ""]
    lines += [f"- **{channel.number}**: {tr(channel.purpose)}" for channel in COMPLAINT_CHANNELS]
    return [*lines, "", f"{tr(SOURCE)}: {tr(fact('complaint_channels').source)}"]


def evidence_report(
    records: Iterable[CallRecord],
    notes: Iterable[Note],
    translate: Translate = _identity,
    *,
    now: datetime,
    zone: tzinfo,
    context: Iterable[CallRecord] | None = None,
    kept: Iterable[KeptSuggestion] = (),
) -> str:
    """The Markdown report for ``records`` (one, a selection, or all), oldest first, times in ``zone``.

    ``context`` is the history the automatic flags are judged in (unanswered
    attempts are counted per day across every number); it defaults to ``records``.
    Pass at least the records of the same days when exporting a selection, so the
    seventh missed call of a day is still recognised. Missed calls are listed
    together in one table after the other contacts. ``kept`` are the coach's
    suggestions the user chose to keep, listed under each record's red flags.
    """
    tr = translate
    page = Page(tr, zone, now)
    chosen = sorted({record.id: record for record in records}.values(), key=lambda r: (r.started_at, r.id))
    history = list(context) if context is not None else chosen
    everything = [*history, *chosen]
    auto = automatic_flags_by_record(everything, zone, now)
    all_notes = list(notes)
    all_kept = list(kept)
    lines = [
        f"# {tr(TITLE)}",
        "",
        tr(PREPARED).format(time=page.time(now)),
        "",
        tr(TIMES_IN).format(zone=zone_label(zone, now, tr)) + " " + tr(TIMES_NOTE),
        "",
        tr(RECORD_COUNT).format(count=len(chosen)) if chosen else tr(NO_RECORDS),
    ]
    index = 0
    for record in chosen:
        if record.kind is RecordKind.MISSED:
            continue
        index += 1
        own = notes_for(record, all_notes)
        summary = summarize(record, own, now, history, zone=zone)
        own_kept = sorted((item for item in all_kept if item.record_id == record.id), key=lambda item: (item.kept_at, item.key))
        lines += [""] + record_section(f"{index}.", record, summary, own, page, kept=own_kept)
    missed = [record for record in chosen if record.kind is RecordKind.MISSED]
    if missed:
        known = institutions_by_number(everything)
        rows, flagged = missed_rows(
            missed, auto, missed_institutions(missed, known), lambda record: notes_for(record, all_notes), page
        )
        lines += ["", "## " + tr(MISSED_CALLS), "", *table(missed_header(tr), rows)]
        days = {local_day(record.started_at, zone) for record in missed}
        counted = [day for day in attempts_per_day(history + missed, zone, known) if day.day in days]
        if counted:
            lines += ["", f"### {tr(ATTEMPTS_TITLE)}", "", *attempts_lines(counted, tr)]
        if flagged:
            lines += ["", f"{tr(RULES_FOR_FLAGS)}:", "", *rules_for(flagged, tr)]
    lines += ["", *complaint_channels(tr)]
    return "\n".join(lines) + "\n"
