"""Prevention habits: habits with streaks, the monthly budget, the emergency fund, reminders,
the reflection journal, the check before borrowing again, and what Home shows today.

Seeds 000, 002 and 003 end with prevention; seed 001 asks for reflection. Pure:
no Textual, no I/O, no clock — callers pass ``today`` as a local date in the
user's zone. Every stored document has ``to_dict``/``from_dict`` and refuses
malformed data with ValueError; every problem the user can fix is an InputError.
This package is the area's public interface: other areas import from here,
never from its modules.
"""

from __future__ import annotations

from jiebei_tui.domain.habits.checkins import (
    CheckinMonth,
    filing_month,
)
from jiebei_tui.domain.habits.habit import (
    STARTER_HABITS,
    STARTERS_BY_KEY,
    Habit,
    StarterHabit,
    adopt_starter,
    new_habit,
    rename_habit,
    unused_starters,
)
from jiebei_tui.domain.habits.history import (
    HabitToday,
    PeriodMark,
    PeriodState,
    done_counts,
    habit_today,
    habits_today,
    history,
    history_weeks,
)
from jiebei_tui.domain.habits.periods import (
    Cadence,
    clamp_day,
    month_of,
    period_end,
    period_index,
    period_start,
    previous_month,
)
from jiebei_tui.domain.habits.progress import (
    EDITABLE,
    WINDOW,
    HabitEdit,
    HabitProgress,
    cancel_rest,
    check_in,
    plan_rest,
    rebuild_progress,
    start_progress,
    undo_check_in,
)

__all__ = [
    "Cadence",
    "CheckinMonth",
    "EDITABLE",
    "Habit",
    "HabitEdit",
    "HabitProgress",
    "HabitToday",
    "PeriodMark",
    "PeriodState",
    "STARTERS_BY_KEY",
    "STARTER_HABITS",
    "StarterHabit",
    "WINDOW",
    "adopt_starter",
    "cancel_rest",
    "check_in",
    "clamp_day",
    "done_counts",
    "filing_month",
    "habit_today",
    "habits_today",
    "history",
    "history_weeks",
    "month_of",
    "new_habit",
    "period_end",
    "period_index",
    "period_start",
    "plan_rest",
    "previous_month",
    "rebuild_progress",
    "rename_habit",
    "start_progress",
    "undo_check_in",
    "unused_starters",
]
