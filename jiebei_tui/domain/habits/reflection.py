"""The reflection journal: what led to the overdue, in the user's words, and what they will do differently.

Seed 001 asks the reader to analyse the causes and reflect on the consequences;
seed 003 names the common causes (economic pressure, no plan, not knowing the
rules) and the feelings (anxiety, self-blame, avoidance). The prompts ask
without blame. The causes come from the list Plans shares, and the latest
entry is what the negotiation script says under "why I fell behind".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from jiebei_tui.domain import serial
from jiebei_tui.domain.causes import Cause
from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.text_safety import storable
from jiebei_tui.i18n import N_

MAX_TEXT: Final = 2000

P_CAUSES = N_("What led to the overdue? Pick any that fit.")
P_OWN_WORDS = N_("In your own words: what happened?")
P_NEXT_TIME = N_("What will you do differently from now on?")
H_NO_BLAME = N_("There is no wrong answer. This is for you, and for explaining your situation to the lender.")
PROMPTS: Final = (P_CAUSES, P_OWN_WORDS, P_NEXT_TIME)

MSG_EMPTY_REFLECTION = N_("Pick a cause or write a few words first")
MSG_TEXT_TOO_LONG = N_("Keep this to {maximum} characters or fewer")


@dataclass(frozen=True)
class Reflection:
    """One dated entry. ``causes`` keep the order of :class:`Cause`; ``id`` comes from the store."""

    id: str
    day: date
    causes: tuple[Cause, ...]
    own_words: str = ""
    next_time: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "day": self.day.isoformat(),
            "causes": [cause.value for cause in self.causes],
            "own_words": self.own_words,
            "next_time": self.next_time,
        }

    @classmethod
    def from_dict(cls, data: Any) -> Reflection:
        data = serial.mapping_from(data, "reflection")
        causes = [
            serial.enum_from(Cause, item, "reflection.causes")
            for item in serial.list_from(data.get("causes", []), "reflection.causes")
        ]
        if len(set(causes)) != len(causes):
            raise ValueError("reflection.causes: a cause is listed twice")
        return cls(
            serial.text_from(serial.required(data, "id", "reflection"), "reflection.id", allow_empty=False),
            serial.date_from(serial.required(data, "day", "reflection"), "reflection.day"),
            _ordered(causes),
            serial.text_from(data.get("own_words", ""), "reflection.own_words"),
            serial.text_from(data.get("next_time", ""), "reflection.next_time"),
        )


def _ordered(causes: Iterable[Cause]) -> tuple[Cause, ...]:
    chosen = set(causes)
    return tuple(cause for cause in Cause if cause in chosen)


def _clean(text: str) -> str:
    clean = storable(text).strip()
    if len(clean) > MAX_TEXT:
        raise InputError(MSG_TEXT_TOO_LONG, {"maximum": str(MAX_TEXT)})
    return clean


def new_reflection(
    entry_id: str, day: date, causes: Iterable[Cause], own_words: str = "", next_time: str = ""
) -> Reflection:
    """An entry as the user wrote it; refuses one with nothing in it (InputError)."""
    words, lesson = _clean(own_words), _clean(next_time)
    chosen = _ordered(causes)
    if not chosen and not words and not lesson:
        raise InputError(MSG_EMPTY_REFLECTION)
    return Reflection(entry_id, day, chosen, words, lesson)


def toggle_cause(causes: Iterable[Cause], cause: Cause) -> tuple[Cause, ...]:
    """The multi-select: pick or unpick one cause."""
    chosen = set(causes)
    chosen.symmetric_difference_update({cause})
    return _ordered(chosen)


@dataclass(frozen=True)
class FellBehind:
    """What the negotiation script says under "why I fell behind"; ``causes`` labels are msgids."""

    day: date
    causes: tuple[Cause, ...]
    own_words: str


def latest(reflections: Iterable[Reflection]) -> Reflection | None:
    """The newest entry (by day; on the same day, the one listed last)."""
    newest: Reflection | None = None
    for entry in reflections:
        if newest is None or entry.day >= newest.day:
            newest = entry
    return newest


def why_i_fell_behind(reflections: Iterable[Reflection]) -> FellBehind | None:
    """The newest entry that says why (causes or own words); None when no entry does."""
    newest: Reflection | None = None
    for entry in reflections:
        if (entry.causes or entry.own_words) and (newest is None or entry.day >= newest.day):
            newest = entry
    if newest is None:
        return None
    return FellBehind(newest.day, newest.causes, newest.own_words)
