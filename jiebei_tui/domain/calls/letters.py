"""Letters filled from the user's own records: a complaint to 12378, and a written request to the lender.

CFPB's sample letters (limit contact times and channels, stop contact with others,
confirm in writing) are the anchor; here they are filled from the contacts the
user selects, in the UI language, with times in the user's zone. Every rule a
letter cites is a fact from ``facts.py`` with its source; nothing promises an
outcome: the letters ask. The text is the user's to edit; it is stored as edited.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from typing import Any

from jiebei_tui.domain.calls.flags import FLAG_TOO_MANY_CALLS, red_flag
from jiebei_tui.domain.calls.notes import Note, NoteKind, notes_for
from jiebei_tui.domain.calls.records import CallRecord, RecordKind
from jiebei_tui.domain.calls.rules import automatic_flags_by_record
from jiebei_tui.domain.calls.sections import FLAG_ORDER
from jiebei_tui.domain.facts import fact
from jiebei_tui.domain.instants import from_iso, local_day, require_aware, to_iso, wall_time
from jiebei_tui.domain.labels import LabelledEnum
from jiebei_tui.domain.parsing.phones import normalize_number
from jiebei_tui.domain.text_safety import escape_markdown, escape_markdown_block, sanitize, storable
from jiebei_tui.domain.zones import zone_label
from jiebei_tui.i18n import N_

Translate = Callable[[str], str]


class LetterKind(LabelledEnum):
    COMPLAINT = "complaint", N_("Complaint to 12378 about improper collection")
    REQUEST = "request", N_("Written request to the lender")


@dataclass(frozen=True)
class Letter:
    """A letter as saved: its text is the user's (filled once, then edited freely)."""

    id: str
    kind: LetterKind
    record_ids: tuple[str, ...]
    created_at: datetime
    updated_at: datetime
    title: str
    body: str
    lender: str = ""
    sender: str = ""
    contact: str = ""

    def __post_init__(self) -> None:
        require_aware(self.created_at, "created_at")
        require_aware(self.updated_at, "updated_at")

    def edited(self, at: datetime, *, title: str, body: str, lender: str, sender: str, contact: str) -> Letter:
        """The letter with its text and details as the user left them, stamped ``at`` (made inert when written)."""
        return replace(
            self,
            updated_at=at,
            title=storable(title),
            body=storable(body),
            lender=storable(lender),
            sender=storable(sender),
            contact=storable(contact),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "record_ids": list(self.record_ids),
            "created_at": to_iso(self.created_at),
            "updated_at": to_iso(self.updated_at),
            "title": self.title,
            "body": self.body,
            "lender": self.lender,
            "sender": self.sender,
            "contact": self.contact,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Letter:
        return cls(
            id=str(data["id"]),
            kind=LetterKind(data["kind"]),
            record_ids=tuple(str(item) for item in data.get("record_ids", ())),
            created_at=from_iso(data["created_at"], "created_at"),
            updated_at=from_iso(data["updated_at"], "updated_at"),
            title=str(data.get("title", "")),
            body=str(data.get("body", "")),
            lender=str(data.get("lender", "")),
            sender=str(data.get("sender", "")),
            contact=str(data.get("contact", "")),
        )


# ----- the words -------------------------------------------------------------------------------

COMPLAINT_TITLE = N_("Complaint about improper debt collection")
REQUEST_TITLE = N_("Request about how you contact me")
TO_12378 = N_("To: NFRA consumer complaint line (12378)")
TO_LENDER = N_("To: {lender}")
FROM = N_("From: {sender}, {contact}")
DATE = N_("Date: {date}")
COMPLAINT_INTRO = N_(
    "I am a borrower of {lender}. I complain about how this debt is being collected. The contacts below are "
    "taken from the notes I made at the time; all times are in {zone}."
)
CONTACTS = N_("The contacts:")
NO_FLAGGED = N_("None of the selected contacts carries a red flag. Describe here what was improper.")
CONTACT_LINE = N_("{when}, {kind} from {number}")
CALLER_SAID = N_("The caller said they were: {details}")
WHAT_HAPPENED = N_("What happened: {text}")
PROBLEM = N_("Problem: {flag}")
RULE = N_("Rule: {rule} ({source})")
ATTEMPTS_LINE = N_(
    "{day}: {total} unanswered call attempts to my phone (from {numbers}), between {first} and {last}"
)
NUMBER_HIDDEN = N_("a hidden number")
COMPLAINT_ASKS = N_("What I ask for:")
ASK_LOOK_INTO = N_("Please look into the contacts above.")
ASK_STOP = N_(
    "Please ask {lender}, and any collection agency working for it, to stop the practices listed above and to "
    "keep to the rules cited."
)
ASK_REPLY = N_("Please tell me in writing what was done.")
COMPLAINT_CLOSING = N_("I can provide my notes of each contact, and any recordings, on request.")
REQUEST_INTRO = N_("About my loan with you, I ask the following in writing:")
ASK_HOURS = N_(
    "Contact me only {hours}, and only by {channels}. I do not consent to any contact between 22:00 and 08:00."
)
DEFAULT_HOURS = N_("on working days between 09:00 and 18:00")
DEFAULT_CHANNELS = N_("text message or your app's messages")
ASK_THIRD_PARTIES = N_("Do not contact my family, colleagues or any other third party about this debt.")
ASK_WRITING = N_(
    "Confirm in writing (text message, your app or a letter) any repayment arrangement we agree, with its "
    "amounts and dates, before I am asked to pay under it."
)
RECENT = N_("Contacts I noted (times in {zone}):")
REQUEST_CLOSING = N_("I keep notes of every contact.")
NOT_GIVEN = N_("(not given)")
THE_LENDER = N_("the lender")


@dataclass(frozen=True)
class LetterFacts:
    """What a letter is filled from: the chosen contacts, their notes, and the days around them."""

    records: Sequence[CallRecord]
    notes: Sequence[Note]
    history: Sequence[CallRecord]  # at least the records of the chosen days (attempts are counted per day)
    zone: tzinfo
    now: datetime


def _when(record: CallRecord, zone: tzinfo) -> str:
    start = wall_time(record.started_at, zone, seconds=False)
    if record.ended_at is not None and record.ended_at > record.started_at:
        return f"{start}–{wall_time(record.ended_at, zone, seconds=False)[11:]}"
    return start


def _rule_lines(flag_key: str, tr: Translate, indent: str) -> list[str]:
    flag = red_flag(flag_key)
    lines = [indent + tr(PROBLEM).format(flag=tr(flag.label))]
    for key in flag.fact_keys:
        rule = fact(key)
        lines.append(indent + tr(RULE).format(rule=tr(rule.statement), source=tr(rule.source)))
    if flag.warning:
        lines.append(indent + tr(flag.warning))
    return lines


def _details(record: CallRecord) -> str:
    identity = record.identity
    values = (identity.institution.value, identity.caller_name.value, identity.staff_id.value)
    return ", ".join(sanitize(value).strip() for value in values if value.strip())


def _flagged(facts: LetterFacts) -> tuple[dict[str, list[str]], list[CallRecord]]:
    """Flag keys per chosen record (automatic and manual, in RED_FLAGS order), and the chosen records with any."""
    auto = automatic_flags_by_record([*facts.history, *facts.records], facts.zone, facts.now)
    keys: dict[str, list[str]] = {}
    for record in facts.records:
        found = (auto.get(record.id, set()) | record.manual_flags) & FLAG_ORDER.keys()
        keys[record.id] = sorted(found, key=FLAG_ORDER.__getitem__)
    marked = {note.record_id for note in facts.notes if note.kind is NoteKind.RED_FLAG}
    chosen = [record for record in facts.records if keys[record.id] or record.id in marked]
    return keys, sorted(chosen, key=lambda r: (r.started_at, r.id))


def _contact_lines(number: int, record: CallRecord, flags: list[str], facts: LetterFacts, tr: Translate) -> list[str]:
    indent = " " * (len(str(number)) + 2)
    who = sanitize(record.number).strip() or tr(NUMBER_HIDDEN)
    lines = [f"{number}. " + tr(CONTACT_LINE).format(when=_when(record, facts.zone), kind=tr(record.kind.label), number=who)]
    details = _details(record)
    if details:
        lines.append(indent + tr(CALLER_SAID).format(details=details))
    for note in notes_for(record, facts.notes):
        if note.kind is NoteKind.RED_FLAG:
            lines.append(indent + tr(WHAT_HAPPENED).format(text=sanitize(note.current_text).strip()))
    for key in flags:
        lines += _rule_lines(key, tr, indent)
    return lines


def _attempt_lines(number: int, facts: LetterFacts, tr: Translate, flags: Mapping[str, list[str]]) -> list[str]:
    """One item per day on which a chosen missed call was over the limit: every attempt of that day counts."""
    zone = facts.zone
    attempts = {
        r.id: r for r in [*facts.history, *facts.records] if r.kind is RecordKind.MISSED and normalize_number(r.number)
    }
    days = sorted({local_day(r.started_at, zone) for r in facts.records if FLAG_TOO_MANY_CALLS in flags[r.id]})
    lines: list[str] = []
    for day in days:
        same_day = sorted((r for r in attempts.values() if local_day(r.started_at, zone) == day), key=lambda r: r.started_at)
        numbers = list(dict.fromkeys(sanitize(r.number).strip() for r in same_day))
        item = tr(ATTEMPTS_LINE).format(
            day=day.isoformat(),
            total=len(same_day),
            numbers=", ".join(numbers),
            first=wall_time(same_day[0].started_at, zone)[11:16],
            last=wall_time(same_day[-1].started_at, zone)[11:16],
        )
        lines += [f"{number}. {item}", *_rule_lines(FLAG_TOO_MANY_CALLS, tr, " " * (len(str(number)) + 2))]
        number += 1
    return lines


def compose_complaint(facts: LetterFacts, tr: Translate, *, lender: str, sender: str, contact: str) -> tuple[str, str]:
    """(title, body) of the complaint to 12378: each flagged contact with its rule, then what the user asks."""
    lender_text = sanitize(lender).strip() or tr(THE_LENDER)
    flags, chosen = _flagged(facts)
    lines = [
        tr(TO_12378),
        tr(FROM).format(sender=sanitize(sender).strip() or tr(NOT_GIVEN), contact=sanitize(contact).strip() or tr(NOT_GIVEN)),
        tr(DATE).format(date=local_day(facts.now, facts.zone).isoformat()),
        "",
        tr(COMPLAINT_INTRO).format(lender=lender_text, zone=zone_label(facts.zone, facts.now, tr)),
        "",
        tr(CONTACTS),
        "",
    ]
    number = 1
    for record in chosen:
        own = [key for key in flags[record.id] if not (record.kind is RecordKind.MISSED and key == FLAG_TOO_MANY_CALLS)]
        if record.kind is RecordKind.MISSED and not own and not any(
            n.record_id == record.id and n.kind is NoteKind.RED_FLAG for n in facts.notes
        ):
            continue  # counted in its day's attempts below
        lines += _contact_lines(number, record, own, facts, tr)
        number += 1
    attempts = _attempt_lines(number, facts, tr, flags)
    lines += attempts
    if number == 1 and not attempts:
        lines.append(tr(NO_FLAGGED))
    lines += [
        "",
        tr(COMPLAINT_ASKS),
        "",
        "1. " + tr(ASK_LOOK_INTO),
        "2. " + tr(ASK_STOP).format(lender=lender_text),
        "3. " + tr(ASK_REPLY),
        "",
        tr(COMPLAINT_CLOSING),
    ]
    return tr(COMPLAINT_TITLE), "\n".join(lines)


def compose_request(facts: LetterFacts, tr: Translate, *, lender: str, sender: str, contact: str) -> tuple[str, str]:
    """(title, body) of the written request to the lender: hours and channels, no third parties, in writing."""
    night, third = fact("no_night_collection"), fact("no_third_parties")
    lines = [
        tr(TO_LENDER).format(lender=sanitize(lender).strip() or tr(THE_LENDER)),
        tr(FROM).format(sender=sanitize(sender).strip() or tr(NOT_GIVEN), contact=sanitize(contact).strip() or tr(NOT_GIVEN)),
        tr(DATE).format(date=local_day(facts.now, facts.zone).isoformat()),
        "",
        tr(REQUEST_INTRO),
        "",
        "1. " + tr(ASK_HOURS).format(hours=tr(DEFAULT_HOURS), channels=tr(DEFAULT_CHANNELS)),
        "   " + tr(RULE).format(rule=tr(night.statement), source=tr(night.source)),
        "2. " + tr(ASK_THIRD_PARTIES),
        "   " + tr(RULE).format(rule=tr(third.statement), source=tr(third.source)),
        "3. " + tr(ASK_WRITING),
    ]
    flags, _chosen = _flagged(facts)
    if facts.records:
        lines += ["", tr(RECENT).format(zone=zone_label(facts.zone, facts.now, tr)), ""]
        for record in sorted(facts.records, key=lambda r: (r.started_at, r.id)):
            who = sanitize(record.number).strip() or tr(NUMBER_HIDDEN)
            item = "- " + tr(CONTACT_LINE).format(when=_when(record, facts.zone), kind=tr(record.kind.label), number=who)
            labels = [tr(red_flag(key).label) for key in flags[record.id]]
            lines.append(item + (f": {'; '.join(labels)}" if labels else ""))
    lines += ["", tr(REQUEST_CLOSING)]
    return tr(REQUEST_TITLE), "\n".join(lines)


def compose(
    kind: LetterKind, facts: LetterFacts, tr: Translate, *, lender: str, sender: str, contact: str
) -> tuple[str, str]:
    writer = compose_complaint if kind is LetterKind.COMPLAINT else compose_request
    return writer(facts, tr, lender=lender, sender=sender, contact=contact)


def letter_markdown(letter: Letter, tr: Translate, *, level: int = 1, note: str = "") -> str:
    """The letter as Markdown: its title as a heading, its lines and numbering kept as written."""
    heading = f"{'#' * level} {escape_markdown(letter.title, line_break=' ') or tr(letter.kind.label)}"
    parts = [heading, ""]
    if note:
        parts += [note, ""]
    return "\n".join([*parts, escape_markdown_block(letter.body)])


def letter_text(letter: Letter) -> str:
    """The letter as plain text, ready to paste into a form or an e-mail."""
    title = sanitize(letter.title).strip()
    return f"{title}\n\n{sanitize(letter.body).strip()}\n"

