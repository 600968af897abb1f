"""The evidence report: logged collection contacts as a Markdown document.

Meant to be printed, attached to a complaint (12378, 12363, 95188) or shown
to the police (110), so it says exactly what was logged and when: every note
with its absolute time and its offset into the contact, corrections next to
the original, each red flag with the rule it conflicts with and that rule's
source. Nothing here is stated as fact unless it comes from ``facts.py``.

Every user-typed string goes through ``escape_markdown`` (sanitised, one line,
Markdown markers escaped), so a note can neither steer a terminal nor break
the document's headings and tables. Fixed text is English msgids passed
through ``translate`` (the UI passes gettext).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime

from jiebei_tui.domain.calls.checklist import CHECKLIST
from jiebei_tui.domain.calls.flags import RED_FLAGS, red_flag
from jiebei_tui.domain.calls.identity import IDENTITY_FIELDS, IdentityStatus
from jiebei_tui.domain.calls.notes import Note, format_duration, format_offset, notes_for
from jiebei_tui.domain.calls.records import CallRecord, RecordKind
from jiebei_tui.domain.calls.rules import automatic_flags_by_record
from jiebei_tui.domain.calls.search import matches_collector, matches_number
from jiebei_tui.domain.calls.summary import FlagFinding, Summary, summarize
from jiebei_tui.domain.facts import COMPLAINT_CHANNELS, fact
from jiebei_tui.domain.parsing.money import format_money
from jiebei_tui.domain.text_safety import escape_markdown
from jiebei_tui.i18n import N_, N_p, untranslated

Translate = Callable[[str], str]

TITLE = N_("Evidence: contacts by debt collectors")
PREPARED = N_("Prepared on {time} with jiebei-tui from my own notes.")
TIMES_NOTE = N_(
    "Times are as logged, with their UTC offset. Offsets such as +02:15 count from the start of the contact. "
    "Notes are shown as first typed; later corrections follow with their time, and nothing was deleted."
)
RECORD_COUNT = N_("Contacts in this report: {count}")
NO_RECORDS = N_("No contacts selected.")
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
CORRECTED_AT = N_("corrected at {time}:")
NO_NOTES = N_("No notes.")
RED_FLAGS_TITLE = N_("Red flags")
NO_FLAGS = N_("None logged.")
FOUND_AUTOMATICALLY = N_("found from the logged times")
MARKED_BY_ME = N_("marked by me")
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
FLAGS_COLUMN = N_("Red flags")
RULES_FOR_FLAGS = N_("Rules these flags conflict with")
WHERE_TO_COMPLAIN = N_("Where to complain")
NONE = "—"


def _identity(text: str) -> str:
    return untranslated(text)


def select_records_for(
    records: Iterable[CallRecord],
    *,
    number: str | None = None,
    collector: str | None = None,
) -> list[CallRecord]:
    """All records involving this number or this collector (either matches), oldest first.

    The number matches the counterpart or the callback number they gave
    (digits only, +86 dropped); the collector matches the caller's name or
    staff ID (case- and width-insensitive substring).
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


_FLAG_ORDER = {flag.key: index for index, flag in enumerate(RED_FLAGS)}


def _time(moment: datetime) -> str:
    """``2026-11-23 22:05:10 +08:00``: unambiguous when printed and read months later."""
    offset = moment.strftime("%z")
    return f"{moment:%Y-%m-%d %H:%M:%S} {offset[:3]}:{offset[3:]}"


def _cell(text: str) -> str:
    return escape_markdown(text) or NONE


def _note_text(note: Note, tr: Translate) -> str:
    """The original text, then each correction with its time (nothing is hidden)."""
    text = _cell(note.text)
    for correction in note.corrections:
        corrected = tr(CORRECTED_AT).format(time=_time(correction.at))
        text += f"<br>→ {corrected} {_cell(correction.text)}"
    return text


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _flag_sources(finding: FlagFinding, tr: Translate) -> str:
    parts = []
    if finding.automatic:
        parts.append(tr(FOUND_AUTOMATICALLY))
    if finding.manual:
        parts.append(tr(MARKED_BY_ME))
    return "; ".join(parts)


def _rule_lines(flag_key: str, tr: Translate) -> list[str]:
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


def _record_section(
    index: int,
    record: CallRecord,
    summary: Summary,
    notes: list[Note],
    tr: Translate,
    now: datetime,
) -> list[str]:
    number = escape_markdown(record.number, line_break=" ") or tr(UNKNOWN_NUMBER)
    lines = [
        f"## {index}. {tr(record.kind.label)} · {_time(record.started_at)} · {number}",
        "",
        f"- {tr(KIND)}: {tr(record.kind.label)}",
        f"- {tr(NUMBER)}: {number}",
        f"- {tr(STARTED)}: {_time(record.started_at)}",
    ]
    if record.ended_at is not None:
        lines.append(f"- {tr(ENDED)}: {_time(record.ended_at)}")
    elif summary.ongoing:
        lines.append(f"- {tr(ENDED)}: {tr(STILL_ONGOING).format(time=_time(now))}")
    if summary.duration_seconds or summary.ongoing:
        lines.append(f"- {tr(DURATION)}: {format_duration(summary.duration_seconds)}")
    if record.consented:
        lines.append(f"- {tr(CONSENTED)}")

    lines += ["", f"### {tr(IDENTITY)}", ""]
    rows = []
    for item in IDENTITY_FIELDS:
        entry = record.identity.get(item.key)
        channel = _cell(entry.channel) if entry.status is IdentityStatus.VERIFIED else NONE
        rows.append([tr(item.label), tr(entry.status.label), _cell(entry.value), channel])
    lines += _table([tr(DETAIL), tr(STATUS), tr(VALUE), tr(CHECKED_VIA)], rows)
    lines += ["", tr(IDENTITY_VERIFIED if summary.identity_verified else IDENTITY_NOT_VERIFIED)]

    lines += ["", f"### {tr(TIMELINE)}", ""]
    if notes:
        rows = []
        for note in notes:
            kind = tr(note.kind.label)
            rows.append([_time(note.at), format_offset(note.offset_seconds), kind, _note_text(note, tr)])
        lines += _table([tr(TIME), tr(OFFSET), tr(KIND), tr(TEXT)], rows)
    else:
        lines.append(tr(NO_NOTES))

    lines += ["", f"### {tr(RED_FLAGS_TITLE)}", ""]
    if summary.flags:
        for finding in summary.flags:
            lines.append(f"- **{tr(finding.flag.label)}** ({_flag_sources(finding, tr)})")
            lines += _rule_lines(finding.key, tr)
    else:
        lines.append(tr(NO_FLAGS))

    lines += ["", f"### {tr(COMMITMENTS)}", ""]
    if summary.commitments:
        rows = [
            [
                commitment.due.isoformat() if commitment.due else NONE,
                format_money(commitment.amount) if commitment.amount is not None else NONE,
                _cell(commitment.text),
                tr(commitment.status.label),
            ]
            for commitment in summary.commitments
        ]
        lines += _table([tr(DUE), tr(AMOUNT), tr(COMMITMENT), tr(STATUS)], rows)
    else:
        lines.append(tr(NO_COMMITMENTS))

    if record.kind in (RecordKind.CALL, RecordKind.VISIT):
        lines += ["", f"### {tr(CHECKLIST_TITLE)}", ""]
        lines += [f"- [{'x' if item.key in record.checklist else ' '}] {tr(item.label)}" for item in CHECKLIST]

    lines += ["", f"### {tr(SUMMARY)}", ""]
    lines.append(f"- {tr(NEXT_STEP)}: {_cell(summary.next_step)}")
    if summary.follow_ups:
        lines.append(f"- {tr(OPEN_QUESTIONS)}: " + "; ".join(_cell(text) for text in summary.follow_ups))
    if summary.text.strip():
        lines += ["", "> " + escape_markdown(summary.text)]
    return lines


def _missed_section(
    missed: list[CallRecord],
    auto: dict[str, set[str]],
    notes: list[Note],
    tr: Translate,
) -> list[str]:
    """Missed calls in one table: seven of them are one fact (too many calls), not seven stories."""
    rows = []
    flagged: list[str] = []
    for record in missed:
        known = (auto.get(record.id, set()) | record.manual_flags) & _FLAG_ORDER.keys()
        keys = sorted(known, key=_FLAG_ORDER.__getitem__)
        flagged += [key for key in keys if key not in flagged]
        texts = "<br>".join(_note_text(note, tr) for note in notes_for(record, notes))
        rows.append(
            [
                _time(record.started_at),
                escape_markdown(record.number, line_break=" ") or tr(UNKNOWN_NUMBER),
                "; ".join(tr(red_flag(key).label) for key in keys) or NONE,
                texts or NONE,
            ]
        )
    lines = ["## " + tr(MISSED_CALLS), ""]
    lines += _table([tr(TIME), tr(NUMBER), tr(FLAGS_COLUMN), tr(TEXT)], rows)
    if flagged:
        lines += ["", f"{tr(RULES_FOR_FLAGS)}:", ""]
        for key in sorted(flagged, key=_FLAG_ORDER.__getitem__):  # known keys only, see above
            lines.append(f"- **{tr(red_flag(key).label)}**")
            lines += _rule_lines(key, tr)
    return lines


def evidence_report(
    records: Iterable[CallRecord],
    notes: Iterable[Note],
    translate: Translate = _identity,
    *,
    now: datetime,
    context: Iterable[CallRecord] | None = None,
) -> str:
    """The Markdown report for ``records`` (one, a selection, or all), oldest first.

    ``context`` is the full history used to count missed calls per number and
    day; it defaults to ``records``. Pass it when exporting a selection, so the
    seventh missed call of a day is still recognised. Missed calls are listed
    together in one table after the other contacts.
    """
    tr = translate
    chosen = sorted({record.id: record for record in records}.values(), key=lambda r: (r.started_at, r.id))
    history = list(context) if context is not None else chosen
    auto = automatic_flags_by_record([*history, *chosen])
    all_notes = list(notes)
    lines = [
        f"# {tr(TITLE)}",
        "",
        tr(PREPARED).format(time=_time(now)),
        "",
        tr(TIMES_NOTE),
        "",
        tr(RECORD_COUNT).format(count=len(chosen)) if chosen else tr(NO_RECORDS),
    ]
    index = 0
    for record in chosen:
        if record.kind is RecordKind.MISSED:
            continue
        index += 1
        summary = summarize(record, all_notes, now, history)
        lines += [""] + _record_section(index, record, summary, notes_for(record, all_notes), tr, now)
    missed = [record for record in chosen if record.kind is RecordKind.MISSED]
    if missed:
        lines += [""] + _missed_section(missed, auto, all_notes, tr)

    lines += ["", f"## {tr(WHERE_TO_COMPLAIN)}", ""]
    lines += [f"- **{channel.number}**: {tr(channel.purpose)}" for channel in COMPLAINT_CHANNELS]
    lines += ["", f"{tr(SOURCE)}: {tr(fact('complaint_channels').source)}"]
    return "\n".join(lines) + "\n"
