"""What a habit is: a name, a one-line why, a cadence; the starters the seeds recommend.

Seeds 000, 002 and 003 end with prevention (a budget, an emergency fund, bill
reminders, credit awareness, learning, no blind borrowing); seed 001 asks the
reader to reflect. Each starter turns one of those into something small enough
to tick. A starter's texts are message ids (they follow the UI language); a
habit the user writes keeps their own words.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Final

from jiebei_tui.domain import serial
from jiebei_tui.domain.habits.periods import Cadence
from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.text_safety import one_line
from jiebei_tui.i18n import N_

MAX_NAME_LENGTH: Final = 40
MAX_WHY_LENGTH: Final = 120

MSG_NAME_EMPTY = N_("Give the habit a short name")
MSG_NAME_TOO_LONG = N_("Keep the name to {maximum} characters or fewer")
MSG_WHY_TOO_LONG = N_("Keep the reason to {maximum} characters or fewer")


@dataclass(frozen=True)
class StarterHabit:
    """A habit suggested by the seeds; ``name`` and ``why`` are msgids."""

    key: str
    cadence: Cadence
    name: str
    why: str
    seeds: tuple[str, ...]


STARTER_HABITS: Final[tuple[StarterHabit, ...]] = (
    StarterHabit(
        "check_loan_page",
        Cadence.WEEKLY,
        N_("Check the loan page"),
        N_("The amounts and due dates are on the loan page; a weekly look means no surprises."),
        ("000", "002"),
    ),
    StarterHabit(
        "record_spending",
        Cadence.DAILY,
        N_("Record every spend"),
        N_("A budget only helps when it knows where the money went."),
        ("000", "002"),
    ),
    StarterHabit(
        "review_budget",
        Cadence.WEEKLY,
        N_("Compare spending with the budget"),
        N_("Spotting an overspend mid-month leaves time to adjust."),
        ("000", "002", "003"),
    ),
    StarterHabit(
        "fund_deposit",
        Cadence.MONTHLY,
        N_("Move the emergency-fund deposit on payday"),
        N_("A small cushion keeps one surprise bill from turning into a missed payment."),
        ("000",),
    ),
    StarterHabit(
        "no_loan_for_loan",
        Cadence.WEEKLY,
        N_("No new loan to repay an old one"),
        N_("Borrowing to repay keeps the debt going under a new name; run the check before any new loan."),
        ("003",),
    ),
    StarterHabit(
        "due_dates_ahead",
        Cadence.MONTHLY,
        N_("Look at next month's due dates"),
        N_("Seeing them early leaves time to move money or talk to the lender."),
        ("000", "002"),
    ),
    StarterHabit(
        "learn_money",
        Cadence.WEEKLY,
        N_("Learn one thing about credit or money"),
        N_("Knowing the terms and the rules makes the next decision easier."),
        ("002", "003"),
    ),
    StarterHabit(
        "reflect",
        Cadence.MONTHLY,
        N_("Write one line in the reflection journal"),
        N_("Naming what went wrong, without blame, helps you plan around it."),
        ("001", "003"),
    ),
)

STARTERS_BY_KEY: Final[Mapping[str, StarterHabit]] = {starter.key: starter for starter in STARTER_HABITS}


@dataclass(frozen=True)
class Habit:
    """One habit. ``started`` is the local date it was added: periods before it are never "missed".

    ``translatable`` is True while ``name``/``why`` are a starter's msgids; the
    cadence never changes (a different cadence is a different habit, or the
    streak would mean something else overnight).
    """

    id: str
    name: str
    why: str
    cadence: Cadence
    started: date
    starter: str | None = None
    translatable: bool = False
    archived: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "why": self.why,
            "cadence": self.cadence.value,
            "started": self.started.isoformat(),
            "starter": self.starter,
            "translatable": self.translatable,
            "archived": self.archived,
        }

    @classmethod
    def from_dict(cls, data: Any) -> Habit:
        data = serial.mapping_from(data, "habit")
        starter = data.get("starter")
        if starter is not None and starter not in STARTERS_BY_KEY:
            raise ValueError(f"habit: unknown starter {starter!r}")
        translatable = serial.bool_from(data.get("translatable", False), "habit.translatable")
        if translatable and starter is None:
            raise ValueError("habit: only a starter's texts can be translatable")
        return cls(
            id=serial.text_from(serial.required(data, "id", "habit"), "habit.id", allow_empty=False),
            name=serial.text_from(serial.required(data, "name", "habit"), "habit.name", allow_empty=False),
            why=serial.text_from(data.get("why", ""), "habit.why"),
            cadence=serial.enum_from(Cadence, serial.required(data, "cadence", "habit"), "habit.cadence"),
            started=serial.date_from(serial.required(data, "started", "habit"), "habit.started"),
            starter=starter,
            translatable=translatable,
            archived=serial.bool_from(data.get("archived", False), "habit.archived"),
        )


def _own_text(name: str, why: str) -> tuple[str, str]:
    clean_name = one_line(name).strip()
    clean_why = one_line(why).strip()
    if not clean_name:
        raise InputError(MSG_NAME_EMPTY)
    if len(clean_name) > MAX_NAME_LENGTH:
        raise InputError(MSG_NAME_TOO_LONG, {"maximum": str(MAX_NAME_LENGTH)})
    if len(clean_why) > MAX_WHY_LENGTH:
        raise InputError(MSG_WHY_TOO_LONG, {"maximum": str(MAX_WHY_LENGTH)})
    return clean_name, clean_why


def new_habit(habit_id: str, name: str, why: str, cadence: Cadence, today: date) -> Habit:
    """The user's own habit; ``habit_id`` comes from the store. Raises InputError for the name or why."""
    clean_name, clean_why = _own_text(name, why)
    return Habit(habit_id, clean_name, clean_why, cadence, today)


def adopt_starter(key: str, habit_id: str, today: date) -> Habit:
    """A starter habit as the user's own, beginning today. KeyError for an unknown key (a code error)."""
    starter = STARTERS_BY_KEY[key]
    return Habit(habit_id, starter.name, starter.why, starter.cadence, today, starter.key, translatable=True)


def rename_habit(habit: Habit, name: str, why: str) -> Habit:
    """New words for a habit; from then on they are the user's own (no longer translated)."""
    clean_name, clean_why = _own_text(name, why)
    return replace(habit, name=clean_name, why=clean_why, translatable=False)


def unused_starters(habits: Iterable[Habit]) -> tuple[StarterHabit, ...]:
    """Starters not yet adopted (archived ones count as adopted: restoring beats duplicating)."""
    taken = {habit.starter for habit in habits}
    return tuple(starter for starter in STARTER_HABITS if starter.key not in taken)
