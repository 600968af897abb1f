"""The Markdown pieces of a contact as people read it: shared by the evidence report and the full export.

Times are on the user's wall clock (``zone``), which the document names once at
the top. Every user-typed string goes through ``escape_markdown`` (sanitised,
one line, only the markers Markdown would read escaped). Fixed text is English
msgids passed through ``tr`` (the UI passes gettext). No internal id or stored
key reaches the page: kinds, statuses and flags are shown by their labels.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from jiebei_tui.domain.calls.checklist import CHECKLIST
from jiebei_tui.domain.calls.flags import RED_FLAGS, red_flag
from jiebei_tui.domain.calls.identity import IDENTITY_FIELDS, IdentityStatus
from jiebei_tui.domain.calls.notes import Note, NoteKind, format_duration, format_offset
from jiebei_tui.domain.calls.records import CallRecord, RecordKind
from jiebei_tui.domain.calls.rules import DayAttempts
from jiebei_tui.domain.calls.summary import FlagFinding, Summary
from jiebei_tui.domain.facts import fact
from jiebei_tui.domain.instants import wall_time
from jiebei_tui.domain.parsing.money import format_money
from jiebei_tui.domain.parsing.phones import normalize_number
from jiebei_tui.domain.text_safety import escape_markdown
from jiebei_tui.i18n import N_, N_p

if TYPE_CHECKING:  # the coach loads on first use, never with this module
    from jiebei_tui.domain.calls.coach import KeptSuggestion

Translate = Callable[[str], str]

KIND = N_("Kind")
NUMBER = N_("Number")
STARTED = N_("Started")
ENDED = N_("Ended")
STILL_ONGOING = N_("still ongoing at {time}")
DURATION = N_("Duration")
CONSENTED = N_("I agreed to be contacted at this time.")
UNKNOWN_NUMBER = N_("number not shown")
IDENTITY = N_("Identity")
DETAIL = N_("Detail")
STATUS = N_("Status")
VALUE = N_("Value")
CHECKED_VIA = N_("Checked via")
IDENTITY_VERIFIED = N_("The institution was verified through an official channel.")
IDENTITY_NOT_VERIFIED = N_("The institution was not verified through an official channel.")
TIMELINE = N_("Timeline")
TIME = N_("Time")
OFFSET = N_("Offset")
TEXT = N_("Text")
CORRECTION = N_("Correction")
TEXT_CORRECTED = N_("the line of {time} now reads: {text}")
KIND_CHANGED = N_("the line of {time} was re-filed: {before} → {after}")
NO_NOTES = N_("No notes.")
RED_FLAGS_TITLE = N_("Red flags")
KEPT_TITLE = N_("Suggestions kept from the call coach")
KEPT_ABOUT = N_("The app recognised these in my notes and I chose to keep them; each says whether I marked its red flag.")
NO_FLAGS = N_("None logged.")
FOUND_AUTOMATICALLY = N_("found from the logged times")
MARKED_BY_ME = N_("marked by me")
MARKED_LINES = N_("Lines I marked with !")
RULE = N_("Rule")
SOURCE = N_("Source")
NOTE = N_p("evidence report: label before the rule a flag conflicts with", "Note")
COMMITMENTS = N_("Commitments")
DUE = N_("Due")
AMOUNT = N_("Amount")
COMMITMENT = N_("Commitment")
NO_COMMITMENTS = N_("None noted.")
CHECKLIST_TITLE = N_("Checklist")
SUMMARY = N_("Summary")
NEXT_STEP = N_("Next step")
OPEN_QUESTIONS = N_("Open questions")
MISSED_CALLS = N_("Missed calls")
INSTITUTION = N_("Institution")
FLAGS_COLUMN = N_("Red flags")
ATTEMPTS_TITLE = N_("Unanswered attempts per day")
ATTEMPTS_NOTE = N_(
    "Counted per day across every calling number: the guideline counts attempts to my phone, not per caller. "
    "Calls from hidden numbers are not counted."
)
DAY = N_("Day")
ATTEMPTS = N_("Attempts")
BY_INSTITUTION = N_("By institution")
INSTITUTION_UNKNOWN = N_("not said")
OVER_LIMIT = N_("more than six")
RULES_FOR_FLAGS = N_("Rules these flags conflict with")
NONE = "—"

FLAG_ORDER: Mapping[str, int] = {flag.key: index for index, flag in enumerate(RED_FLAGS)}


@dataclass(frozen=True)
class Page:
    """How times are written and words translated on one page."""

    tr: Translate
    zone: tzinfo
    now: datetime

    def time(self, moment: datetime) -> str:
        return wall_time(moment, self.zone)


def cell(text: str) -> str:
    return escape_markdown(text) or NONE


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def number_text(record: CallRecord, page: Page) -> str:
    return escape_markdown(record.number, line_break=" ") or page.tr(UNKNOWN_NUMBER)


def rule_lines(flag_key: str, tr: Translate) -> list[str]:
    """The facts a flag conflicts with, each with its source; the warning when there is no rule."""
    flag = red_flag(flag_key)
    lines = []
    for key in flag.fact_keys:
        rule = fact(key)
        lines.append(f"  - {tr(RULE)}: {tr(rule.statement)}")
        lines.append(f"    - {tr(SOURCE)}: {tr(rule.source)}")
    if flag.warning:
        lines.append(f"  - {tr(NOTE)}: {tr(flag.warning)}")
    return lines


def _flag_sources(finding: FlagFinding, tr: Translate) -> str:
    parts = []
    if finding.automatic:
        parts.append(tr(FOUND_AUTOMATICALLY))
    if finding.manual:
        parts.append(tr(MARKED_BY_ME))
    return "; ".join(parts)


def timeline_rows(record: CallRecord, notes: Sequence[Note], page: Page) -> list[list[str]]:
    """Each line as first typed (with the kind it was typed as), then its corrections and re-filings in time order."""
    tr = page.tr
    rows = []
    for note in notes:
        rows.append([page.time(note.at), format_offset(note.offset_seconds), tr(note.original_kind.label), cell(note.text)])
        line_time = page.time(note.at)
        changes: list[tuple[datetime, str]] = [
            (correction.at, tr(TEXT_CORRECTED).format(time=line_time, text=cell(correction.text)))
            for correction in note.corrections
        ]
        kinds = [change.previous for change in note.kind_changes] + [note.kind]
        changes += [
            (change.at, tr(KIND_CHANGED).format(time=line_time, before=tr(before.label), after=tr(after.label)))
            for change, before, after in zip(note.kind_changes, kinds, kinds[1:], strict=False)
        ]
        for moment, text in sorted(changes, key=lambda pair: pair[0]):
            offset = max(0, int((moment - record.started_at).total_seconds()))
            rows.append([page.time(moment), format_offset(offset), tr(CORRECTION), text])
    return rows


def flag_lines(summary: Summary, notes: Sequence[Note], page: Page) -> list[str]:
    """The flags with their rules and sources, then the lines the user marked with "!" in their own words."""
    tr = page.tr
    lines: list[str] = []
    for finding in summary.flags:
        lines.append(f"- **{tr(finding.flag.label)}** ({_flag_sources(finding, tr)})")
        lines += rule_lines(finding.key, tr)
    marked = [note for note in notes if note.kind is NoteKind.RED_FLAG]
    if marked:
        lines.append(f"- **{tr(MARKED_LINES)}** ({tr(MARKED_BY_ME)})")
        lines += [f"  - {page.time(note.at)}: {cell(note.current_text)}" for note in marked]
    return lines or [tr(NO_FLAGS)]


def record_section(
    heading: str,
    record: CallRecord,
    summary: Summary,
    notes: Sequence[Note],
    page: Page,
    *,
    level: int = 2,
    kept: Sequence[KeptSuggestion] = (),
) -> list[str]:
    """One contact: its facts, who called, the timeline, red flags (and the coach's suggestions the user
    kept), commitments, checklist and summary."""
    tr = page.tr
    sub = "#" * (level + 1)
    number = number_text(record, page)
    prefix = f"{heading} " if heading else ""
    lines = [
        f"{'#' * level} {prefix}{tr(record.kind.label)} · {page.time(record.started_at)} · {number}",
        "",
        f"- {tr(KIND)}: {tr(record.kind.label)}",
        f"- {tr(NUMBER)}: {number}",
        f"- {tr(STARTED)}: {page.time(record.started_at)}",
    ]
    if record.ended_at is not None:
        lines.append(f"- {tr(ENDED)}: {page.time(record.ended_at)}")
    elif summary.ongoing:
        lines.append(f"- {tr(ENDED)}: {tr(STILL_ONGOING).format(time=page.time(page.now))}")
    if summary.duration_seconds or summary.ongoing:
        lines.append(f"- {tr(DURATION)}: {format_duration(summary.duration_seconds)}")
    if record.consented:
        lines.append(f"- {tr(CONSENTED)}")

    lines += ["", f"{sub} {tr(IDENTITY)}", ""]
    rows = []
    for item in IDENTITY_FIELDS:
        entry = record.identity.get(item.key)
        channel = cell(entry.channel) if entry.status is IdentityStatus.VERIFIED else NONE
        rows.append([tr(item.label), tr(entry.status.label), cell(entry.value), channel])
    lines += table([tr(DETAIL), tr(STATUS), tr(VALUE), tr(CHECKED_VIA)], rows)
    lines += ["", tr(IDENTITY_VERIFIED if summary.identity_verified else IDENTITY_NOT_VERIFIED)]

    lines += ["", f"{sub} {tr(TIMELINE)}", ""]
    if notes:
        lines += table([tr(TIME), tr(OFFSET), tr(KIND), tr(TEXT)], timeline_rows(record, notes, page))
    else:
        lines.append(tr(NO_NOTES))

    lines += ["", f"{sub} {tr(RED_FLAGS_TITLE)}", ""]
    lines += flag_lines(summary, notes, page)
    if kept:
        lines += ["", f"{sub} {tr(KEPT_TITLE)}", "", tr(KEPT_ABOUT), ""]
        lines += [
            f"- {page.time(item.kept_at)} · **{tr(item.situation.label)}** · {tr(item.status(record))}: “{cell(item.cue)}”"
            for item in kept
        ]

    lines += ["", f"{sub} {tr(COMMITMENTS)}", ""]
    if summary.commitments:
        rows = [
            [
                commitment.due.isoformat() if commitment.due else NONE,
                format_money(commitment.amount) if commitment.amount is not None else NONE,
                cell(commitment.text),
                tr(commitment.status.label),
            ]
            for commitment in summary.commitments
        ]
        lines += table([tr(DUE), tr(AMOUNT), tr(COMMITMENT), tr(STATUS)], rows)
    else:
        lines.append(tr(NO_COMMITMENTS))

    if record.kind in (RecordKind.CALL, RecordKind.VISIT):
        lines += ["", f"{sub} {tr(CHECKLIST_TITLE)}", ""]
        lines += [f"- [{'x' if item.key in record.checklist else ' '}] {tr(item.label)}" for item in CHECKLIST]

    lines += ["", f"{sub} {tr(SUMMARY)}", ""]
    lines.append(f"- {tr(NEXT_STEP)}: {cell(summary.next_step)}")
    if summary.follow_ups:
        lines.append(f"- {tr(OPEN_QUESTIONS)}: " + "; ".join(cell(text) for text in summary.follow_ups))
    if summary.text.strip():
        lines += [""] + ["> " + escape_markdown(line) for line in summary.text.splitlines() if line.strip()]
    return lines


def missed_rows(
    missed: Sequence[CallRecord],
    auto: Mapping[str, set[str]],
    institutions: Mapping[str, str],
    notes_of: Callable[[CallRecord], Sequence[Note]],
    page: Page,
) -> tuple[list[list[str]], list[str]]:
    """One table row per missed call, and the flag keys seen (in RED_FLAGS order)."""
    tr = page.tr
    rows = []
    flagged: set[str] = set()
    for record in missed:
        keys = sorted((auto.get(record.id, set()) | record.manual_flags) & FLAG_ORDER.keys(), key=FLAG_ORDER.__getitem__)
        flagged.update(keys)
        texts = " / ".join(cell(note.current_text) for note in notes_of(record))
        rows.append(
            [
                page.time(record.started_at),
                number_text(record, page),
                cell(institutions.get(record.id, "")),
                "; ".join(tr(red_flag(key).label) for key in keys) or NONE,
                texts or NONE,
            ]
        )
    return rows, sorted(flagged, key=FLAG_ORDER.__getitem__)


def missed_header(tr: Translate) -> list[str]:
    return [tr(TIME), tr(NUMBER), tr(INSTITUTION), tr(FLAGS_COLUMN), tr(TEXT)]


def attempts_lines(days: Sequence[DayAttempts], tr: Translate) -> list[str]:
    """Attempts per day, the institutions that made them shown separately, days over the limit marked."""
    rows = []
    for day in days:
        parts = [f"{cell(name)} {count}" for name, count in day.by_institution]
        if day.unknown:
            parts.append(f"{tr(INSTITUTION_UNKNOWN)} {day.unknown}")
        total = f"**{day.total}** ({tr(OVER_LIMIT)})" if day.over_limit else str(day.total)
        rows.append([day.day.isoformat(), total, "; ".join(parts) or NONE])
    return [tr(ATTEMPTS_NOTE), "", *table([tr(DAY), tr(ATTEMPTS), tr(BY_INSTITUTION)], rows)]


def rules_for(flag_keys: Sequence[str], tr: Translate) -> list[str]:
    lines = []
    for key in flag_keys:
        lines.append(f"- **{tr(red_flag(key).label)}**")
        lines += rule_lines(key, tr)
    return lines


def missed_institutions(missed: Iterable[CallRecord], known: Mapping[str, str]) -> dict[str, str]:
    """Record id -> the institution of its number (named on the record, or by another contact from that number)."""
    return {
        record.id: record.identity.institution.value.strip() or known.get(normalize_number(record.number), "")
        for record in missed
    }
