"""The workbook's areas, one entry each: everything else about an area's place in the app derives from here.

The App's modes, the F-keys and the Ctrl+G digits (one number per area, the
same for both), the command palette, Help, Home's counts and the sections of the
Markdown export all read this tuple. Adding an area means adding its
packages and one :class:`Area` entry.

Pure data without Textual: the domain's Markdown export and the CLI read it
too. Screens are named as ``"module:Class"`` and imported only when an area is
first shown, so starting the app does not import every screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from jiebei_tui.i18n import N_


@dataclass(frozen=True)
class Table:
    """A table an area saves to: its title in exports and, when Home counts it, the count's label."""

    name: str
    title: str
    counted: str | None = None


@dataclass(frozen=True)
class Area:
    id: str
    title: str
    purpose: str
    number: int  # F<number> opens it, and Ctrl+G then <number>
    screen: str  # "module:Class"
    tables: tuple[Table, ...] = ()
    # "module:function" writing the area's part of the Markdown export (see domain/markdown_export.py);
    # None: the export says how much the area holds and that the JSON export has it.
    markdown: str | None = None

    @property
    def key(self) -> str:
        return f"f{self.number}"


AREAS: tuple[Area, ...] = (
    Area(
        "home",
        N_("Home"),
        N_("Where you stand, and where to start."),
        2,
        "jiebei_tui.ui.home.screen:HomeScreen",
    ),
    Area(
        "selfcheck",
        N_("Self-check"),
        N_("What you earn, must spend and owe, and what each day of waiting costs."),
        3,
        "jiebei_tui.ui.selfcheck.screen:SelfCheckScreen",
        (Table("selfchecks", N_("Self-checks"), N_("Self-checks saved")),),
        "jiebei_tui.domain.selfcheck:markdown_section",
    ),
    Area(
        "calls",
        N_("Calls"),
        N_("A checklist and a note recorder for collection calls, messages and visits."),
        4,
        "jiebei_tui.ui.calls.screen:CallsScreen",
        (
            Table("calls", N_("Calls and messages"), N_("Calls and messages logged")),
            Table("notes", N_("Call notes")),
            Table("letters", N_("Letters")),
        ),
        "jiebei_tui.domain.calls:markdown_section",
    ),
    Area(
        "plans",
        N_("Plans"),
        N_("Instalments, deferral or the terms the lender offered, and what to say when you ask."),
        5,
        "jiebei_tui.ui.plans.screen:PlansScreen",
        (
            Table("plans", N_("Plans")),
            # Counted from the summaries: two small files, never every plan's.
            Table("plan_summaries", N_("Plan summaries"), N_("Plans saved")),
        ),
        "jiebei_tui.domain.plans:markdown_section",
    ),
    Area(
        "habits",
        N_("Habits"),
        N_("Budget, emergency fund, bill reminders and a place to reflect."),
        6,
        "jiebei_tui.ui.habits.screen:HabitsScreen",
        (
            Table("habits", N_("Habits")),
            Table("habit_progress", N_("Habit streaks")),
            Table("habit_checkins", N_("Habit check-ins")),
            Table("budget", N_("Monthly budget")),
            Table("spends", N_("Spends")),
            Table("fund", N_("Emergency fund")),
            Table("reflections", N_("Reflection journal")),
            Table("borrow_checks", N_("Checks before borrowing")),
        ),
        "jiebei_tui.domain.habits:markdown_section",
    ),
    Area(
        "review",
        N_("Review"),
        N_("Your saved plans and calls, and how things have moved."),
        7,
        "jiebei_tui.ui.review.screen:ReviewScreen",
    ),
)

# Tables the shell keeps for every area.
SHELL_TABLES: tuple[Table, ...] = (
    Table("settings", N_("Settings")),
    Table("drafts", N_("Unfinished text (drafts)")),
)

AREA_IDS: tuple[str, ...] = tuple(area.id for area in AREAS)
_BY_ID = {area.id: area for area in AREAS}


def area(area_id: str) -> Area:
    """The entry for ``area_id``; KeyError for an unknown id."""
    return _BY_ID[area_id]


def table_titles() -> dict[str, str]:
    """Table name -> title msgid, for every table an area or the shell saves to."""
    return {table.name: table.title for table in (*SHELL_TABLES, *(t for a in AREAS for t in a.tables))}


def counted_tables() -> tuple[tuple[str, str], ...]:
    """What Home counts, in area order: (table name, label msgid)."""
    return tuple((table.name, table.counted) for entry in AREAS for table in entry.tables if table.counted)
