"""Collection contacts (calls, messages, home visits, missed calls) and the notes taken during them.

Pure data and rules, no UI and no disk: the call screen builds these objects,
the store saves their ``to_dict()`` output, and the evidence export reads them.

Time: every datetime is timezone-aware (pass ``datetime.now(tz)`` or
``datetime.now().astimezone()``) and is serialised as ISO 8601 with its
offset. Naive datetimes are rejected, because a naive time read back on
another machine (say, a server in UTC reached over SSH) silently shifts by
hours, and the 22:00–08:00 rule depends on the hour. The rules read each
record's *own* wall clock (the offset it was logged with), so the UI should
log in the user's zone.

Records and notes are frozen; every change returns a new object, so the
store can save exactly what the screen shows and nothing is overwritten by
accident. Corrections to a note are appended, never replace the original.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from enum import Enum
from typing import Any

from ..i18n import N_
from .facts import fact
from .money import MoneyParseError, parse_money
from .text_safety import sanitize

SCHEMA_VERSION = 1


# --------------------------------------------------------------------------- helpers


def _require_aware(value: datetime, name: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware, got naive {value.isoformat()}")


def _dt_to_str(value: datetime) -> str:
    return value.isoformat()


def _dt_from_str(text: str, name: str) -> datetime:
    value = datetime.fromisoformat(text)
    _require_aware(value, name)
    return value


def _opt_dt_from_str(text: str | None, name: str) -> datetime | None:
    return None if text is None else _dt_from_str(text, name)


def fold(text: str) -> str:
    """Search key: NFKC (full-width -> half-width, ｔ -> t, ： -> :) then casefold (Latin case)."""
    return unicodedata.normalize("NFKC", text).casefold()


def normalize_number(text: str) -> str:
    """Phone number as digits only, so ``+86 138-0000-0000`` and ``13800000000`` match.

    A +86 / 0086 country prefix is dropped; what remains of a landline gets its
    trunk 0 back (``+86 21 …`` -> ``021…``). Returns "" for a withheld number.
    """
    folded = unicodedata.normalize("NFKC", text).strip()
    had_country = False
    compact = re.sub(r"[\s\-().]", "", folded)
    for prefix in ("+86", "0086"):
        if compact.startswith(prefix):
            compact = compact[len(prefix) :]
            had_country = True
            break
    digits = "".join(ch for ch in compact if ch.isdigit())
    if had_country and digits and not digits.startswith(("0", "1")):
        digits = "0" + digits
    return digits


@dataclass(frozen=True)
class Labelled:
    """A stable key, an English label msgid and a short hint msgid (translated by the UI)."""

    key: str
    label: str
    hint: str


# --------------------------------------------------------------------------- kinds


class RecordKind(str, Enum):
    CALL = "call"
    SMS = "sms"  # SMS or app message
    VISIT = "visit"  # home visit
    MISSED = "missed"  # missed call: only number and time are known


RECORD_KIND_LABELS: Mapping[RecordKind, str] = {
    RecordKind.CALL: N_("Call"),
    RecordKind.SMS: N_("Message (SMS or app)"),
    RecordKind.VISIT: N_("Home visit"),
    RecordKind.MISSED: N_("Missed call"),
}


# --------------------------------------------------------------------------- identity


class IdentityStatus(str, Enum):
    NOT_ASKED = "not_asked"
    ASKED = "asked"  # asked, but no answer (yet)
    GIVEN = "given"  # they told me; not checked
    VERIFIED = "verified"  # checked through an official channel (e.g. 95188, the lender's agency list)


IDENTITY_STATUS_LABELS: Mapping[IdentityStatus, str] = {
    IdentityStatus.NOT_ASKED: N_("not asked"),
    IdentityStatus.ASKED: N_("asked, no answer"),
    IdentityStatus.GIVEN: N_("given, not checked"),
    IdentityStatus.VERIFIED: N_("verified through an official channel"),
}

IDENTITY_STATUS_CYCLE: tuple[IdentityStatus, ...] = tuple(IdentityStatus)


def next_identity_status(status: IdentityStatus) -> IdentityStatus:
    """The status one key press further (the identity panel cycles with a single key)."""
    index = IDENTITY_STATUS_CYCLE.index(status)
    return IDENTITY_STATUS_CYCLE[(index + 1) % len(IDENTITY_STATUS_CYCLE)]


IDENTITY_FIELDS: tuple[Labelled, ...] = (
    Labelled("caller_name", N_("Caller's name"), N_("Ask for their full name.")),
    Labelled("staff_id", N_("Staff ID"), N_("Their staff or job number (工号).")),
    Labelled(
        "institution",
        N_("Calling for"),
        N_("The lender or collection agency they call for. They must say it at first contact."),
    ),
    Labelled(
        "callback_number",
        N_("Callback number"),
        N_("A number to call them back on. Check it through the lender's official channels."),
    ),
    Labelled("claimed_amount", N_("Amount they claim"), N_("Compare it with the amount on your loan page.")),
    Labelled("claimed_days_overdue", N_("Days overdue they claim"), N_("Compare it with your loan page.")),
)
IDENTITY_KEYS: tuple[str, ...] = tuple(item.key for item in IDENTITY_FIELDS)


@dataclass(frozen=True)
class IdentityEntry:
    """One identity detail: how far it got (status), what they said (value), how it was checked (channel)."""

    status: IdentityStatus = IdentityStatus.NOT_ASKED
    value: str = ""
    channel: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status.value, "value": self.value, "channel": self.channel}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> IdentityEntry:
        return cls(
            IdentityStatus(data.get("status", IdentityStatus.NOT_ASKED.value)),
            str(data.get("value", "")),
            str(data.get("channel", "")),
        )


@dataclass(frozen=True)
class Identity:
    """Who says they are calling, for whom, and about what; one entry per IDENTITY_KEYS."""

    caller_name: IdentityEntry = IdentityEntry()
    staff_id: IdentityEntry = IdentityEntry()
    institution: IdentityEntry = IdentityEntry()
    callback_number: IdentityEntry = IdentityEntry()
    claimed_amount: IdentityEntry = IdentityEntry()
    claimed_days_overdue: IdentityEntry = IdentityEntry()

    def get(self, key: str) -> IdentityEntry:
        if key not in IDENTITY_KEYS:
            raise KeyError(key)
        entry: IdentityEntry = getattr(self, key)
        return entry

    def with_entry(self, key: str, entry: IdentityEntry) -> Identity:
        self.get(key)
        return replace(self, **{key: entry})

    def with_value(self, key: str, value: str) -> Identity:
        """Typing a value marks it given; changing a verified value drops the verification."""
        value = sanitize(value).strip()
        old = self.get(key)
        if not value:
            status = IdentityStatus.NOT_ASKED if old.status is IdentityStatus.NOT_ASKED else IdentityStatus.ASKED
            return self.with_entry(key, IdentityEntry(status, "", ""))
        if old.status is IdentityStatus.VERIFIED and old.value == value:
            return self
        return self.with_entry(key, IdentityEntry(IdentityStatus.GIVEN, value, ""))

    def with_status(self, key: str, status: IdentityStatus, channel: str = "") -> Identity:
        """Set the status; ``channel`` says how it was verified (kept only for VERIFIED)."""
        old = self.get(key)
        channel = sanitize(channel).strip() if status is IdentityStatus.VERIFIED else ""
        return self.with_entry(key, IdentityEntry(status, old.value, channel))

    def keys_with(self, *statuses: IdentityStatus) -> tuple[str, ...]:
        return tuple(key for key in IDENTITY_KEYS if self.get(key).status in statuses)

    @property
    def is_verified(self) -> bool:
        """Verified means the institution was confirmed through an official channel.

        That is the check that tells a real collector from a scammer; the other
        verified fields are reported alongside by ``summarize``.
        """
        return self.institution.status is IdentityStatus.VERIFIED

    def to_dict(self) -> dict[str, Any]:
        return {key: self.get(key).to_dict() for key in IDENTITY_KEYS}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Identity:
        return cls(**{key: IdentityEntry.from_dict(data[key]) for key in IDENTITY_KEYS if key in data})


# --------------------------------------------------------------------------- checklists

CHECKLIST: tuple[Labelled, ...] = (
    Labelled("stayed_calm", N_("Stayed calm"), N_("You can pause, or ask them to call back later.")),
    Labelled(
        "asked_identity",
        N_("Asked who they are and whom they call for"),
        N_("Name, staff ID, institution and a callback number."),
    ),
    Labelled(
        "confirmed_debt",
        N_("Confirmed amount, days overdue and interest"),
        N_("Compare their figures with your loan page."),
    ),
    Labelled(
        "kept_private",
        N_("Shared no private information"),
        N_("No ID number, verification codes, passwords or contacts."),
    ),
    Labelled(
        "asked_written_notice",
        N_("Asked for a written notice"),
        N_("Ask them to send what they want, or offer, in writing."),
    ),
    Labelled(
        "agreed_next_step",
        N_("Agreed a next step"),
        N_("Who does what by when. Note it as a commitment."),
    ),
)
CHECKLIST_KEYS: tuple[str, ...] = tuple(item.key for item in CHECKLIST)

PREP_CHECKLIST: tuple[Labelled, ...] = (
    Labelled(
        "numbers_at_hand",
        N_("Have your latest self-check numbers at hand"),
        N_("Income, living costs, and what you can pay each month."),
    ),
    Labelled(
        "loan_page_open",
        N_("Open your loan page"),
        N_("The amount, days overdue, interest and the lender are shown there."),
    ),
    Labelled("breathe", N_("Take a slow breath"), N_("You do not have to decide anything during this call.")),
    Labelled(
        "call_back_later",
        N_("You may ask them to call back later"),
        N_("Say when suits you. Between 22:00 and 08:00 they need your consent."),
    ),
    Labelled(
        "keep_codes",
        N_("Keep codes and passwords to yourself"),
        N_("No ID number, verification codes, passwords or contacts."),
    ),
    Labelled(
        "note_as_you_go",
        N_("Note as you go"),
        N_("Each line is saved when you press Enter. Start a line with 他: or 我: to mark who said it."),
    ),
    Labelled(
        "keep_recordings",
        N_("If you record, keep the original"),
        N_("Recordings can be evidence; keep the original file unedited."),
    ),
)


# --------------------------------------------------------------------------- red flags


@dataclass(frozen=True)
class RedFlag:
    """A sign the collection breaks a rule; ``fact_keys`` name the facts (rules) it conflicts with.

    ``automatic`` flags are raised from the logged times; the others are marked
    by the user with a key. A flag with no fact to cite carries a ``warning``
    instead: the app never states a rule it cannot source.
    """

    key: str
    label: str
    fact_keys: tuple[str, ...]
    automatic: bool = False
    warning: str = ""


NIGHT_STARTS = time(22, 0)
NIGHT_ENDS = time(8, 0)
MAX_UNANSWERED_PER_DAY = 6

FLAG_NIGHT = "night_contact"
FLAG_TOO_MANY_CALLS = "too_many_calls"

RED_FLAGS: tuple[RedFlag, ...] = (
    RedFlag(FLAG_NIGHT, N_("Contact between 22:00 and 08:00 without my consent"), ("no_night_collection",), True),
    RedFlag(
        FLAG_TOO_MANY_CALLS,
        N_("More than six unanswered calls from the same number in one day"),
        ("max_six_unanswered_calls",),
        True,
    ),
    RedFlag("no_institution", N_("Did not say which institution they call for"), ("must_name_institution",)),
    RedFlag("threats", N_("Threats, insults or violence"), ("banned_conduct", "cfc_no_harassment")),
    RedFlag(
        "third_parties",
        N_("Contacted my family, colleagues or contacts about the debt"),
        ("no_third_parties", "cfc_no_harassment"),
    ),
    RedFlag(
        "impersonation",
        N_("Claimed to be a court or the police, or showed fake legal documents"),
        ("must_name_institution",),
    ),
    RedFlag(
        "personal_account",
        N_("Demanded payment into a personal account"),
        (),
        warning=N_(
            "There is no rule to cite here, but repay only through your loan page, never into a personal account."
        ),
    ),
    RedFlag("new_loan", N_("Pushed me to take a new loan to repay this one"), ("banned_conduct",)),
    RedFlag(
        "leaked_information",
        N_("Disclosed my debt or personal information to others"),
        ("banned_conduct", "financial_info_sensitive"),
    ),
    RedFlag("visit_single_staff", N_("Home visit by a single person"), ("home_visits",)),
)
RED_FLAGS_BY_KEY: Mapping[str, RedFlag] = {flag.key: flag for flag in RED_FLAGS}
MANUAL_FLAG_KEYS: tuple[str, ...] = tuple(flag.key for flag in RED_FLAGS if not flag.automatic)

for _flag in RED_FLAGS:  # a typo in a fact key must fail at import, not in an export
    for _key in _flag.fact_keys:
        fact(_key)


def red_flag(key: str) -> RedFlag:
    return RED_FLAGS_BY_KEY[key]


# --------------------------------------------------------------------------- records


class CommitmentStatus(str, Enum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"  # cancelled or replaced by a later agreement


COMMITMENT_STATUS_LABELS: Mapping[CommitmentStatus, str] = {
    CommitmentStatus.OPEN: N_("open"),
    CommitmentStatus.DONE: N_("done"),
    CommitmentStatus.DROPPED: N_("dropped"),
}


@dataclass(frozen=True)
class CallRecord:
    """One contact by a collector: a call, a message, a home visit or a missed call.

    ``consented``: the user agreed to this contact time (e.g. asked them to call
    at 22:30, or called them), so the 22:00–08:00 rule does not apply.
    ``summary_text`` is None until the user edits the summary.
    ``commitment_status`` maps a commitment note's id to its status (open if absent).
    """

    id: str
    kind: RecordKind
    started_at: datetime
    ended_at: datetime | None = None
    number: str = ""
    identity: Identity = Identity()
    checklist: frozenset[str] = frozenset()
    manual_flags: frozenset[str] = frozenset()
    consented: bool = False
    next_step: str = ""
    summary_text: str | None = None
    commitment_status: Mapping[str, CommitmentStatus] = field(default_factory=dict)

    def __post_init__(self) -> None:
        _require_aware(self.started_at, "started_at")
        if self.ended_at is not None:
            _require_aware(self.ended_at, "ended_at")
            if self.ended_at < self.started_at:
                raise ValueError("ended_at is before started_at")

    # -- edits (each returns a new record)

    def ended(self, at: datetime) -> CallRecord:
        return replace(self, ended_at=at)

    def toggled_check(self, key: str) -> CallRecord:
        if key not in CHECKLIST_KEYS:
            raise KeyError(key)
        return replace(self, checklist=self.checklist ^ {key})

    def toggled_flag(self, key: str) -> CallRecord:
        """Mark or unmark a red flag by hand (automatic flags can be marked too, e.g. a visit logged late)."""
        red_flag(key)
        return replace(self, manual_flags=self.manual_flags ^ {key})

    def with_identity(self, identity: Identity) -> CallRecord:
        return replace(self, identity=identity)

    def with_summary(self, *, next_step: str | None = None, text: str | None = None) -> CallRecord:
        """Store the user's edits of the summary (the editable parts of ``Summary``)."""
        changes: dict[str, Any] = {}
        if next_step is not None:
            changes["next_step"] = sanitize(next_step).strip()
        if text is not None:
            changes["summary_text"] = sanitize(text)
        return replace(self, **changes)

    def with_commitment_status(self, note_id: str, status: CommitmentStatus) -> CallRecord:
        statuses = dict(self.commitment_status)
        statuses[note_id] = status
        return replace(self, commitment_status=statuses)

    @property
    def collector(self) -> str:
        """Who called, for lists: their name, else their staff ID, else ""."""
        return self.identity.caller_name.value or self.identity.staff_id.value

    # -- storage

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_VERSION,
            "id": self.id,
            "kind": self.kind.value,
            "started_at": _dt_to_str(self.started_at),
            "ended_at": None if self.ended_at is None else _dt_to_str(self.ended_at),
            "number": self.number,
            "identity": self.identity.to_dict(),
            "checklist": sorted(self.checklist),
            "manual_flags": sorted(self.manual_flags),
            "consented": self.consented,
            "next_step": self.next_step,
            "summary_text": self.summary_text,
            "commitment_status": {key: status.value for key, status in sorted(self.commitment_status.items())},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CallRecord:
        """Read a stored record; unknown checklist or flag keys are kept for newer versions."""
        return cls(
            id=str(data["id"]),
            kind=RecordKind(data["kind"]),
            started_at=_dt_from_str(data["started_at"], "started_at"),
            ended_at=_opt_dt_from_str(data.get("ended_at"), "ended_at"),
            number=str(data.get("number", "")),
            identity=Identity.from_dict(data.get("identity", {})),
            checklist=frozenset(data.get("checklist", ())),
            manual_flags=frozenset(data.get("manual_flags", ())),
            consented=bool(data.get("consented", False)),
            next_step=str(data.get("next_step", "")),
            summary_text=data.get("summary_text"),
            commitment_status={
                str(key): CommitmentStatus(value) for key, value in data.get("commitment_status", {}).items()
            },
        )


def new_record(record_id: str, kind: RecordKind, started_at: datetime, number: str = "") -> CallRecord:
    """Start a record the moment the phone rings; everything else can follow."""
    return CallRecord(record_id, kind, started_at, number=sanitize(number).strip())


def missed_call(record_id: str, number: str, at: datetime) -> CallRecord:
    """Log a missed call from just the number and the time (it starts and ends at ``at``)."""
    return CallRecord(record_id, RecordKind.MISSED, at, ended_at=at, number=sanitize(number).strip())


# --------------------------------------------------------------------------- notes


class NoteKind(str, Enum):
    PLAIN = "plain"
    THEY_SAID = "they_said"
    I_SAID = "i_said"
    COMMITMENT = "commitment"
    FOLLOW_UP = "follow_up"  # a question to follow up
    RED_FLAG = "red_flag"


NOTE_KIND_LABELS: Mapping[NoteKind, str] = {
    NoteKind.PLAIN: N_("Note"),
    NoteKind.THEY_SAID: N_("They said"),
    NoteKind.I_SAID: N_("I said"),
    NoteKind.COMMITMENT: N_("Commitment"),
    NoteKind.FOLLOW_UP: N_("To follow up"),
    NoteKind.RED_FLAG: N_("Red flag"),
}

# Order of the kind-cycling key on the note input.
NOTE_KIND_CYCLE: tuple[NoteKind, ...] = (
    NoteKind.PLAIN,
    NoteKind.THEY_SAID,
    NoteKind.I_SAID,
    NoteKind.COMMITMENT,
    NoteKind.FOLLOW_UP,
    NoteKind.RED_FLAG,
)


def next_note_kind(kind: NoteKind, step: int = 1) -> NoteKind:
    """The kind ``step`` presses further along NOTE_KIND_CYCLE (negative steps go back)."""
    index = NOTE_KIND_CYCLE.index(kind)
    return NOTE_KIND_CYCLE[(index + step) % len(NOTE_KIND_CYCLE)]


# Prefixes in folded form (NFKC + casefold), so "他：", "Ｔ：" and "？" match too.
# The first of each tuple is the one to show in help. "?" and "!" need no colon.
NOTE_PREFIXES: Mapping[NoteKind, tuple[str, ...]] = {
    NoteKind.THEY_SAID: (
        "他:", "t:", "对方:", "她:", "對方:", "他说:", "她说:", "对方说:", "他說:", "她說:", "對方說:",
    ),
    NoteKind.I_SAID: ("我:", "i:", "我说:", "我說:"),
    NoteKind.COMMITMENT: ("诺:", "c:", "承诺:", "諾:", "承諾:"),
    NoteKind.FOLLOW_UP: ("?", "q:", "问:", "問:"),
    NoteKind.RED_FLAG: ("!", "f:"),
}
_PREFIX_TO_KIND: dict[str, NoteKind] = {
    prefix: kind for kind, prefixes in NOTE_PREFIXES.items() for prefix in prefixes
}
_LONGEST_PREFIX = max(len(prefix) for prefix in _PREFIX_TO_KIND)
_SYMBOL_PREFIXES = ("?", "!")


def parse_note_prefix(text: str) -> tuple[NoteKind, str]:
    """Split a typed line into its kind and body: ``"他：明天上门"`` -> (THEY_SAID, "明天上门").

    Full-width punctuation from a Chinese IME (：？！) and full-width letters
    count like ASCII; ASCII letters in any case. ``?``/``!`` may repeat or be
    followed by a colon. Without a known prefix the line is PLAIN, unchanged
    apart from surrounding whitespace.
    """
    stripped = text.lstrip()
    folded = ""
    for index, char in enumerate(stripped[:_LONGEST_PREFIX]):
        folded += fold(char)
        kind = _PREFIX_TO_KIND.get(folded)
        if kind is None:
            continue
        body = stripped[index + 1 :]
        if folded in _SYMBOL_PREFIXES:
            while body and fold(body[0]) in (folded, ":"):
                body = body[1:]
        return kind, body.strip()
    return NoteKind.PLAIN, stripped.strip()


@dataclass(frozen=True)
class Correction:
    text: str
    at: datetime

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "at": _dt_to_str(self.at)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Correction:
        return cls(str(data["text"]), _dt_from_str(data["at"], "correction.at"))


@dataclass(frozen=True)
class Note:
    """One line typed during (or after) a contact.

    ``text`` is what was first typed and never changes; ``corrections`` keep
    every later version with its time, so the log stays trustworthy as
    evidence. ``amount``/``due`` are set for commitments.
    """

    id: str
    record_id: str
    offset_seconds: int
    at: datetime
    kind: NoteKind
    text: str
    corrections: tuple[Correction, ...] = ()
    amount: Decimal | None = None
    due: date | None = None

    def __post_init__(self) -> None:
        _require_aware(self.at, "at")

    @property
    def current_text(self) -> str:
        return self.corrections[-1].text if self.corrections else self.text

    @property
    def versions(self) -> tuple[str, ...]:
        """The original text followed by every correction, oldest first."""
        return (self.text, *(correction.text for correction in self.corrections))

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_VERSION,
            "id": self.id,
            "record_id": self.record_id,
            "offset_seconds": self.offset_seconds,
            "at": _dt_to_str(self.at),
            "kind": self.kind.value,
            "text": self.text,
            "corrections": [correction.to_dict() for correction in self.corrections],
            "amount": None if self.amount is None else str(self.amount),
            "due": None if self.due is None else self.due.isoformat(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Note:
        amount = data.get("amount")
        due = data.get("due")
        return cls(
            id=str(data["id"]),
            record_id=str(data["record_id"]),
            offset_seconds=int(data.get("offset_seconds", 0)),
            at=_dt_from_str(data["at"], "at"),
            kind=NoteKind(data.get("kind", NoteKind.PLAIN.value)),
            text=str(data["text"]),
            corrections=tuple(Correction.from_dict(item) for item in data.get("corrections", ())),
            amount=None if amount is None else Decimal(amount),
            due=None if due is None else date.fromisoformat(due),
        )


def _with_terms(note: Note) -> Note:
    """Fill amount/due from the current text of a commitment; clear them for other kinds."""
    if note.kind is not NoteKind.COMMITMENT:
        return replace(note, amount=None, due=None)
    terms = extract_commitment(note.current_text, note.at.date())
    return replace(note, amount=terms.amount, due=terms.due)


def new_note(
    note_id: str,
    record: CallRecord,
    text: str,
    at: datetime,
    kind: NoteKind | None = None,
) -> Note:
    """A note as typed: a prefix (``他:`` …) sets the kind, else ``kind``, else PLAIN.

    The typed prefix wins over the kind chosen with the cycle key because it is
    the more recent intent. Offsets count whole seconds from the record start
    (never negative). Commitments get amount and due date extracted, with
    year-less dates resolved from the day the note was written.
    """
    _require_aware(at, "at")
    parsed_kind, body = parse_note_prefix(sanitize(text))
    if parsed_kind is NoteKind.PLAIN and kind is not None:
        parsed_kind = kind
    offset = max(0, int((at - record.started_at).total_seconds()))
    return _with_terms(Note(note_id, record.id, offset, at, parsed_kind, body))


def correct(note: Note, new_text: str, at: datetime) -> Note:
    """Append a correction; the original text and earlier corrections are kept."""
    _require_aware(at, "at")
    corrected = replace(note, corrections=(*note.corrections, Correction(sanitize(new_text).strip(), at)))
    return _with_terms(corrected)


def change_kind(note: Note, kind: NoteKind) -> Note:
    """Re-file a note under another kind (the text is untouched)."""
    return _with_terms(replace(note, kind=kind))


def notes_for(record: CallRecord, notes: Iterable[Note]) -> list[Note]:
    """The record's notes in timeline order."""
    return sorted(
        (note for note in notes if note.record_id == record.id),
        key=lambda note: (note.offset_seconds, note.at, note.id),
    )


def format_duration(seconds: int) -> str:
    """``mm:ss``, or ``h:mm:ss`` from an hour on (a call clock, not a sentence to translate)."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def format_offset(seconds: int) -> str:
    """``+mm:ss`` (``+h:mm:ss`` past an hour) from the record start, as the timeline shows it."""
    return "+" + format_duration(seconds)


# --------------------------------------------------------------------------- commitments


@dataclass(frozen=True)
class CommitmentTerms:
    amount: Decimal | None = None
    due: date | None = None


_WEEKDAYS = {
    **{name: index for index, name in enumerate("一二三四五六日")},
    "天": 6,
    **{str(index + 1): index for index in range(7)},
}
_WEEKDAY = r"(?:周|週|星期|礼拜|禮拜)([一二三四五六日天1-7])"
_DAY_SUFFIX = r"(?:日|号|號)"

_FULL_DATE = re.compile(
    r"(?<!\d)(20\d\d)\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?:\s*" + _DAY_SUFFIX + r")?(?!\d)"
)
_MONTH_DAY = re.compile(r"(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*" + _DAY_SUFFIX + r"?(?!\d)")
_SLASH_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?![\d/])")
_NEXT_MONTH_DAY = re.compile(r"下(?:个|個)?月\s*(\d{1,2})\s*" + _DAY_SUFFIX + r"(?!\d)")
_DAY_ONLY = re.compile(r"(?<![\d月/.\-])(\d{1,2})\s*" + _DAY_SUFFIX + r"(?!\d|内|內)")  # not "5日内" (within 5 days)
_THIS_WEEK = re.compile(r"(?:本|这|這|这个|這個)" + _WEEKDAY)
_NEXT_WEEK = re.compile(r"(下下|下)(?:个|個)?" + _WEEKDAY)
_BARE_WEEKDAY = re.compile(r"(?<![本这這个個下])" + _WEEKDAY)
_RELATIVE_DAY = re.compile(r"大后天|大後天|后天|後天|明天|明日|今天|今日")
_MONTH_END = re.compile(r"(?:(下)(?:个|個)?|(?<!\d)(\d{1,2})\s*)?月底")

_RELATIVE_DAYS = {"今天": 0, "今日": 0, "明天": 1, "明日": 1, "后天": 2, "後天": 2, "大后天": 3, "大後天": 3}

_NUMBER = r"\d[\d,]*(?:\.\d+)?"
_YUAN = r"(?:元|块|塊|圆)"
# After the digits: 万/千 and/or 元/块. "1万5" / "1万5千" are kept whole, so money
# parsing reads 15000 or refuses; it never reads 10000.
_AMOUNT_TAIL = r"(?:[万萬](?:\d+千?)?\s*" + _YUAN + r"?|千\s*" + _YUAN + r"?|" + _YUAN + r")"
_AMOUNT_PATTERNS = (
    re.compile(r"(?:¥|RMB|rmb|CNY)\s*" + _NUMBER + r"(?:\s*" + _AMOUNT_TAIL + r")?"),
    re.compile(_NUMBER + r"\s*" + _AMOUNT_TAIL),
    re.compile(_NUMBER + r"\s*[wWkK](?![a-zA-Z])"),  # chat shorthand: 2w = 2万, 3k = 3千
)
# "还2000" (repay 2000): a bare number right after a paying verb, but not "还3期" or "还5天".
_VERB_AMOUNT = re.compile(
    r"(?:还|還|付|转|轉|交|给|給|打)(?:款|钱|錢)?\s*(" + _NUMBER + r")"
    r"(?![\d.,a-zA-Z]|\s*(?:期|天|个|個|次|号|號|日|月|年|%|点|點|[万萬千]))"
)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _next_month_day(today: date, month: int, day: int) -> date | None:
    """Month-day without a year: the next one on or after today (a promise looks forward)."""
    for year in (today.year, today.year + 1):
        candidate = _safe_date(year, month, day)
        if candidate is not None and candidate >= today:
            return candidate
    return None


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def _date_candidates(text: str, today: date) -> list[tuple[int, int, date | None]]:
    """Every date-like span, as (start, end, date); the date is None when invalid (2月30日)."""
    found: list[tuple[int, int, date | None]] = []
    for match in _FULL_DATE.finditer(text):
        found.append((match.start(), match.end(), _safe_date(*(int(g) for g in match.groups()))))
    for pattern in (_MONTH_DAY, _SLASH_DATE):
        for match in pattern.finditer(text):
            found.append((match.start(), match.end(), _next_month_day(today, int(match[1]), int(match[2]))))
    for match in _NEXT_MONTH_DAY.finditer(text):
        year, month = _add_months(today.year, today.month, 1)
        found.append((match.start(), match.end(), _safe_date(year, month, int(match[1]))))
    for match in _DAY_ONLY.finditer(text):
        day = int(match[1])
        candidate = None
        for months in range(3):  # 31号 in a 30-day month: the next month that has it
            year, month = _add_months(today.year, today.month, months)
            candidate = _safe_date(year, month, day)
            if candidate is not None and candidate >= today:
                break
            candidate = None
        found.append((match.start(), match.end(), candidate))
    monday = today - timedelta(days=today.weekday())
    for match in _THIS_WEEK.finditer(text):
        found.append((match.start(), match.end(), monday + timedelta(days=_WEEKDAYS[match[1]])))
    for match in _NEXT_WEEK.finditer(text):
        weeks = 2 if match[1] == "下下" else 1
        found.append((match.start(), match.end(), monday + timedelta(weeks=weeks, days=_WEEKDAYS[match[2]])))
    for match in _BARE_WEEKDAY.finditer(text):
        ahead = (_WEEKDAYS[match[1]] - today.weekday()) % 7
        found.append((match.start(), match.end(), today + timedelta(days=ahead)))
    for match in _RELATIVE_DAY.finditer(text):
        found.append((match.start(), match.end(), today + timedelta(days=_RELATIVE_DAYS[match[0]])))
    for match in _MONTH_END.finditer(text):  # 月底, 下月底, 12月底
        if match[2]:
            month = int(match[2])
            if not 1 <= month <= 12:
                continue
            year = today.year if month >= today.month else today.year + 1
        else:
            year, month = _add_months(today.year, today.month, 1 if match[1] else 0)
        found.append((match.start(), match.end(), date(year, month, calendar.monthrange(year, month)[1])))
    return found


def _span_order(span: tuple[int, int, Any]) -> tuple[int, int]:
    """Earliest first; at equal starts the longest (2026-12-05 beats its own 12/05)."""
    return span[0], span[0] - span[1]


def _parse_amount(token: str) -> Decimal | None:
    """money.parse_money on the token, with Traditional 萬/塊 read as 万/块."""
    try:
        amount = parse_money(token.replace("萬", "万").replace("塊", "块").strip())
    except MoneyParseError:
        return None
    return amount if amount > 0 else None


def extract_commitment(text: str, today: date) -> CommitmentTerms:
    """Best effort: the first date and the first amount in a commitment note.

    Dates: ``2026-12-05``/``2026/12/5``/``2026年12月5日``, ``12月5日``/``12月5号``,
    ``12/5`` (month/day), ``下月5号``, ``15号``, ``今天``/``明天``/``后天``,
    ``本周五``/``下周五``/``周五`` (the coming one, today included), ``月底``.
    Year-less dates resolve to the next occurrence on or after ``today``.
    Amounts need a marker: ``2000元``, ``2000块``, ``¥2,000``, ``2万``, or a
    bare number right after 还/付/转 (``还2000``). Anything unsure is left
    out (None); the user can correct the note.
    """
    folded = unicodedata.normalize("NFKC", text)
    dates = _date_candidates(folded, today)
    valid = [span for span in dates if span[2] is not None]
    due = min(valid, key=_span_order)[2] if valid else None
    # Blank out every date-like span so "12月5日" never reads as an amount of 12 or 5.
    masked = list(folded)
    for start, end, _ in dates:
        masked[start:end] = " " * (end - start)
    without_dates = "".join(masked)
    amount: Decimal | None = None
    spans: list[tuple[int, int, Any]] = []
    for pattern in _AMOUNT_PATTERNS:
        spans.extend((m.start(), m.end(), m[0]) for m in pattern.finditer(without_dates))
    spans.extend((m.start(1), m.end(1), m[1]) for m in _VERB_AMOUNT.finditer(without_dates))
    for _start, _end, token in sorted(spans, key=_span_order):
        amount = _parse_amount(token)
        if amount is not None:
            break
    return CommitmentTerms(amount, due)


@dataclass(frozen=True)
class Commitment:
    """A commitment note seen together with its status on the record (derived, not stored)."""

    record_id: str
    note_id: str
    text: str
    amount: Decimal | None
    due: date | None
    made_at: datetime
    status: CommitmentStatus

    def to_dict(self) -> dict[str, Any]:
        return {
            "record_id": self.record_id,
            "note_id": self.note_id,
            "text": self.text,
            "amount": None if self.amount is None else str(self.amount),
            "due": None if self.due is None else self.due.isoformat(),
            "made_at": _dt_to_str(self.made_at),
            "status": self.status.value,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Commitment:
        return cls(
            str(data["record_id"]),
            str(data["note_id"]),
            str(data["text"]),
            None if data.get("amount") is None else Decimal(data["amount"]),
            None if data.get("due") is None else date.fromisoformat(data["due"]),
            _dt_from_str(data["made_at"], "made_at"),
            CommitmentStatus(data.get("status", CommitmentStatus.OPEN.value)),
        )


def record_commitments(record: CallRecord, notes: Iterable[Note]) -> list[Commitment]:
    """The record's commitment notes, in timeline order, with their current status."""
    return [
        Commitment(
            record.id,
            note.id,
            note.current_text,
            note.amount,
            note.due,
            note.at,
            record.commitment_status.get(note.id, CommitmentStatus.OPEN),
        )
        for note in notes_for(record, notes)
        if note.kind is NoteKind.COMMITMENT
    ]


def open_commitments(records: Iterable[CallRecord], notes: Iterable[Note]) -> list[Commitment]:
    """Open commitments of all records, soonest due first; undated ones last (for Home and Plans)."""
    notes = list(notes)
    found = [
        commitment
        for record in records
        for commitment in record_commitments(record, notes)
        if commitment.status is CommitmentStatus.OPEN
    ]
    return sorted(found, key=lambda c: (c.due is None, c.due or date.max, c.made_at, c.note_id))


# --------------------------------------------------------------------------- automatic flags


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


# --------------------------------------------------------------------------- summary


@dataclass(frozen=True)
class FlagFinding:
    """A red flag on a record and where it came from (rule check, the user, or both)."""

    key: str
    automatic: bool
    manual: bool

    @property
    def flag(self) -> RedFlag:
        return red_flag(self.key)

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "automatic": self.automatic, "manual": self.manual}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FlagFinding:
        return cls(str(data["key"]), bool(data["automatic"]), bool(data["manual"]))


def flag_findings(record: CallRecord, all_records: Iterable[CallRecord]) -> tuple[FlagFinding, ...]:
    """Manual and automatic flags merged, in RED_FLAGS order (unknown stored keys are skipped)."""
    auto = automatic_flags(record, all_records)
    return tuple(
        FlagFinding(flag.key, flag.key in auto, flag.key in record.manual_flags)
        for flag in RED_FLAGS
        if flag.key in auto or flag.key in record.manual_flags
    )


@dataclass(frozen=True)
class Summary:
    """What a record amounts to, as data: the UI shows and edits it, the export prints it.

    The editable parts (``next_step``, ``text``) are stored on the record with
    ``CallRecord.with_summary``; everything else is derived again each time.
    """

    record_id: str
    kind: RecordKind
    number: str
    started_at: datetime
    ended_at: datetime | None
    duration_seconds: int
    ongoing: bool
    identity_verified: bool
    verified_fields: tuple[str, ...]
    unverified_fields: tuple[str, ...]  # given, but not checked
    missing_fields: tuple[str, ...]  # not asked, or asked without an answer
    flags: tuple[FlagFinding, ...]
    commitments: tuple[Commitment, ...]
    follow_ups: tuple[str, ...]
    checklist_done: tuple[str, ...]
    checklist_open: tuple[str, ...]
    next_step: str
    text: str
    text_edited: bool
    note_count: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "record_id": self.record_id,
            "kind": self.kind.value,
            "number": self.number,
            "started_at": _dt_to_str(self.started_at),
            "ended_at": None if self.ended_at is None else _dt_to_str(self.ended_at),
            "duration_seconds": self.duration_seconds,
            "ongoing": self.ongoing,
            "identity_verified": self.identity_verified,
            "verified_fields": list(self.verified_fields),
            "unverified_fields": list(self.unverified_fields),
            "missing_fields": list(self.missing_fields),
            "flags": [finding.to_dict() for finding in self.flags],
            "commitments": [commitment.to_dict() for commitment in self.commitments],
            "follow_ups": list(self.follow_ups),
            "checklist_done": list(self.checklist_done),
            "checklist_open": list(self.checklist_open),
            "next_step": self.next_step,
            "text": self.text,
            "text_edited": self.text_edited,
            "note_count": self.note_count,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Summary:
        return cls(
            record_id=str(data["record_id"]),
            kind=RecordKind(data["kind"]),
            number=str(data["number"]),
            started_at=_dt_from_str(data["started_at"], "started_at"),
            ended_at=_opt_dt_from_str(data.get("ended_at"), "ended_at"),
            duration_seconds=int(data["duration_seconds"]),
            ongoing=bool(data["ongoing"]),
            identity_verified=bool(data["identity_verified"]),
            verified_fields=tuple(data["verified_fields"]),
            unverified_fields=tuple(data["unverified_fields"]),
            missing_fields=tuple(data["missing_fields"]),
            flags=tuple(FlagFinding.from_dict(item) for item in data["flags"]),
            commitments=tuple(Commitment.from_dict(item) for item in data["commitments"]),
            follow_ups=tuple(data["follow_ups"]),
            checklist_done=tuple(data["checklist_done"]),
            checklist_open=tuple(data["checklist_open"]),
            next_step=str(data["next_step"]),
            text=str(data["text"]),
            text_edited=bool(data["text_edited"]),
            note_count=int(data["note_count"]),
        )


def duration_seconds(record: CallRecord, now: datetime) -> tuple[int, bool]:
    """(seconds, ongoing): a call or visit without an end is still running at ``now``."""
    if record.ended_at is not None:
        return int((record.ended_at - record.started_at).total_seconds()), False
    if record.kind in (RecordKind.CALL, RecordKind.VISIT):
        return max(0, int((now - record.started_at).total_seconds())), True
    return 0, False


def summarize(
    record: CallRecord,
    notes: Iterable[Note],
    now: datetime,
    all_records: Iterable[CallRecord] = (),
) -> Summary:
    """Summarise one record. Pass ``all_records`` so missed calls can be counted per day."""
    _require_aware(now, "now")
    own_notes = notes_for(record, notes)
    seconds, ongoing = duration_seconds(record, now)
    identity = record.identity
    return Summary(
        record_id=record.id,
        kind=record.kind,
        number=record.number,
        started_at=record.started_at,
        ended_at=record.ended_at,
        duration_seconds=seconds,
        ongoing=ongoing,
        identity_verified=identity.is_verified,
        verified_fields=identity.keys_with(IdentityStatus.VERIFIED),
        unverified_fields=identity.keys_with(IdentityStatus.GIVEN),
        missing_fields=identity.keys_with(IdentityStatus.NOT_ASKED, IdentityStatus.ASKED),
        flags=flag_findings(record, all_records),
        commitments=tuple(record_commitments(record, own_notes)),
        follow_ups=tuple(note.current_text for note in own_notes if note.kind is NoteKind.FOLLOW_UP),
        checklist_done=tuple(key for key in CHECKLIST_KEYS if key in record.checklist),
        checklist_open=tuple(key for key in CHECKLIST_KEYS if key not in record.checklist),
        next_step=record.next_step,
        text=record.summary_text or "",
        text_edited=record.summary_text is not None,
        note_count=len(own_notes),
    )


# --------------------------------------------------------------------------- search and filters


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
    """Same number as the record's counterpart or as the callback number they gave."""
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
) -> list[CallRecord]:
    """Records meeting every given criterion, order kept.

    ``flag`` matches manual and automatic flags; automatic ones are computed
    over ``records`` as a whole, so pass the full history, not a page of it.
    """
    auto = automatic_flags_by_record(records) if flag is not None else {}
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
