"""The call's two-stroke keys: Ctrl+T (checklist), Ctrl+R (red flags) or Ctrl+F (who is calling), then a digit.

The note line offers every key to the screen before typing it (``take_key``),
so the digit after the first stroke ticks an item instead of landing in the
note, in the order the keys arrived even when a slow link delivers several in
one burst. Any other key cancels the first stroke and types as usual: nothing
typed is ever swallowed.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from textual.content import Content

from jiebei_tui.domain.calls import CHECKLIST, IDENTITY_FIELDS
from jiebei_tui.i18n import N_, _, tr
from jiebei_tui.services import CallSession
from jiebei_tui.ui.calls.widgets.coach import KEEP_DIGIT
from jiebei_tui.ui.calls.widgets.panels import (
    CONSENT_DIGIT,
    IDENTITY_ROWS,
    KIND_ROW,
    MANUAL_FLAGS,
    NUMBER_ROW,
    flag_rule_text,
)
from jiebei_tui.ui.common.keys import key_label, keys_for

KEY_GUIDE = N_("↑ fix · {checklist} checks · {red_flag} flags · {identity} who · {done} end")


@dataclass(frozen=True)
class Stroke:
    name: str  # "check", "flag" or "identity": what the digit after it picks
    meaning: str  # in the key table
    panel: str  # shown while the digit is awaited


STROKES: tuple[Stroke, ...] = (
    Stroke("check", "checklist", "checklist"),
    Stroke("flag", "red_flag", "flags"),
    Stroke("identity", "identity", "identity"),
)
_BY_NAME = {stroke.name: stroke for stroke in STROKES}


def key_guide() -> Content:
    """The hint line between messages: the call's keys."""
    keys = {meaning: key_label(meaning) for meaning in ("checklist", "red_flag", "identity", "done")}
    return Content.styled(tr(KEY_GUIDE, **keys), "$text-muted")


def first_stroke(key: str) -> Stroke | None:
    return next((stroke for stroke in STROKES if key in keys_for(stroke.meaning).split(",")), None)


def stroke(name: str) -> Stroke:
    return _BY_NAME[name]


def guide(name: str, *, coaching: bool = False) -> str:
    """What the hint line says while the digit is awaited; ``coaching``: a coach suggestion is on show."""
    if name == "flag" and coaching:
        return tr(
            "Red flag: Enter for the suggestion, {keep} to keep it unmarked, 1–{n} to mark or unmark, {consent} if you agreed.",
            keep=KEEP_DIGIT,
            n=len(MANUAL_FLAGS),
            consent=CONSENT_DIGIT,
        )
    if name == "check":
        return tr("Checklist: press 1–{n} to tick or untick. Any other key types as usual.", n=len(CHECKLIST))
    if name == "flag":
        return tr(
            "Red flag: press 1–{n} to mark or unmark, {consent} if you agreed to this time. Any other key types as usual.",
            n=len(MANUAL_FLAGS),
            consent=CONSENT_DIGIT,
        )
    return tr(
        "Who is calling: press 1–{n} for a detail, {number} for the number, {kind} for the kind, Enter for all.",
        n=len(IDENTITY_FIELDS),
        number=NUMBER_ROW,
        kind=KIND_ROW,
    )


@dataclass(frozen=True)
class Choice:
    """What the second stroke picked: ``what`` is "check", "flag", "consent", "identity", or for the coach's
    suggestion "coach_take" (mark its flag or add its follow-up) or "coach_keep"; ``index`` from 0."""

    what: str
    index: int = 0


def second_stroke(name: str, key: str, character: str | None, *, coaching: bool = False) -> Choice | None:
    """The choice made by the key after the first stroke ``name``, or None when it is just typing.

    ``coaching``: a coach suggestion is on show, so Enter and the keep digit after the red-flag key act on it.
    """
    digit = unicodedata.decimal(character, None) if character is not None and len(character) == 1 else None
    if name == "flag" and coaching and key == "enter":
        return Choice("coach_take")
    if name == "flag" and coaching and digit is not None and str(digit) == KEEP_DIGIT:
        return Choice("coach_keep")
    if name == "check" and digit is not None and 1 <= digit <= len(CHECKLIST):
        return Choice("check", digit - 1)
    if name == "flag" and digit is not None and str(digit) == CONSENT_DIGIT:
        return Choice("consent")
    if name == "flag" and digit is not None and 1 <= digit <= len(MANUAL_FLAGS):
        return Choice("flag", digit - 1)
    if name == "identity" and key == "enter":
        return Choice("identity", 0)
    if name == "identity" and digit is not None and 1 <= digit <= IDENTITY_ROWS:
        return Choice("identity", digit - 1)
    return None


def apply_choice(session: CallSession, choice: Choice) -> Content | str | None:
    """Tick, mark or agree as chosen (saved by the session); returns what the hint line says about it."""
    if choice.what == "check":
        item = CHECKLIST[choice.index]
        changed = session.toggle_check(item.key)
        if changed is None:
            return None
        done = item.key in changed.checklist
        return Content.styled(("✔ " if done else "· ") + _(item.label), "bold $text-success" if done else "bold")
    if choice.what == "flag":
        flag = MANUAL_FLAGS[choice.index]
        changed = session.toggle_flag(flag.key)
        if changed is None:
            return None
        if flag.key in changed.manual_flags:
            return Content.styled("⚑" + flag_rule_text(flag.key, with_source=False), "bold $text-error")
        return tr("Unmarked: {flag}", flag=_(flag.label))
    if choice.what == "consent":
        changed = session.toggle_consent()
        if changed is None:
            return None
        if changed.consented:
            return _("Noted: you agreed to be contacted at this time.")
        return _("Noted: you did not agree to this time.")
    return None
