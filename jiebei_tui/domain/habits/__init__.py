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

from typing import TYPE_CHECKING

# Each module is imported when one of its names is first used (jiebei_tui/lazy.py): start-up imports
# only what the first screen draws. mypy sees the imports below, so a misspelt name is still an error.
if TYPE_CHECKING:
    from jiebei_tui.domain.habits.borrow import (
        FIELD_AMOUNT,
        FIELD_PAYMENT,
        FIELD_RATE,
        LOAN_FOR_LOAN_FACT,
        QUESTIONS,
        BorrowAnswers,
        BorrowCheck,
        BorrowVerdict,
        BorrowVerdictKind,
        check_borrowing,
        decide_borrowing,
        explain_borrowing,
        parse_borrow_form,
    )
    from jiebei_tui.domain.habits.budget import (
        BUILTIN_LABELS,
        EVERYTHING_ELSE,
        BudgetCategory,
        BudgetPlan,
        Spend,
        SpendMonth,
        add_category,
        add_spend,
        default_budget,
        parse_spend_amount,
        remove_category,
        remove_spend,
        rename_category,
        set_planned,
    )
    from jiebei_tui.domain.habits.budget_report import (
        REMOVED,
        BudgetReport,
        CategoryChange,
        CategoryLine,
        MonthComparison,
        compare_months,
        month_report,
    )
    from jiebei_tui.domain.habits.checkins import (
        CheckinMonth,
        filing_month,
    )
    from jiebei_tui.domain.habits.export import markdown_section
    from jiebei_tui.domain.habits.fund import (
        DEFAULT_TARGET_MONTHS,
        EmergencyFund,
        FundState,
        FundStatus,
        deposit,
        fund_from_selfcheck,
        fund_status,
        set_current,
        set_essentials,
        set_saving,
        set_target_months,
        withdraw,
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
    from jiebei_tui.domain.habits.heatmap import (
        HabitToday,
        PeriodMark,
        PeriodState,
        done_counts,
        habit_today,
        habits_today,
        history,
        history_weeks,
    )
    from jiebei_tui.domain.habits.home import (
        HomeToday,
        PlanProgress,
        build_home,
    )
    from jiebei_tui.domain.habits.notice import Notice
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
    from jiebei_tui.domain.habits.reflection import (
        PROMPTS,
        FellBehind,
        Reflection,
        latest,
        new_reflection,
        toggle_cause,
        why_i_fell_behind,
    )
    from jiebei_tui.domain.habits.reminders import (
        BANNER_DAYS,
        DueFeed,
        DueItem,
        DueSoon,
        DueSource,
        commitment_due_items,
        debt_due_items,
        due_soon,
        gather_due,
        plan_instalment_due,
        reminder_events,
        reminders_calendar,
    )
else:
    from jiebei_tui.lazy import Exports

    __getattr__ = Exports(
        __name__,
        {
            "borrow": (
                "FIELD_AMOUNT", "FIELD_PAYMENT", "FIELD_RATE", "LOAN_FOR_LOAN_FACT", "QUESTIONS", "BorrowAnswers",
                "BorrowCheck", "BorrowVerdict", "BorrowVerdictKind", "check_borrowing", "decide_borrowing",
                "explain_borrowing", "parse_borrow_form"
            ),
            "budget": (
                "BUILTIN_LABELS", "EVERYTHING_ELSE", "BudgetCategory", "BudgetPlan", "Spend", "SpendMonth",
                "add_category", "add_spend", "default_budget", "parse_spend_amount", "remove_category",
                "remove_spend", "rename_category", "set_planned"
            ),
            "budget_report": (
                "REMOVED", "BudgetReport", "CategoryChange", "CategoryLine", "MonthComparison", "compare_months",
                "month_report"
            ),
            "checkins": ("CheckinMonth", "filing_month"),
            "export": ("markdown_section",),
            "fund": (
                "DEFAULT_TARGET_MONTHS", "EmergencyFund", "FundState", "FundStatus", "deposit",
                "fund_from_selfcheck", "fund_status", "set_current", "set_essentials", "set_saving",
                "set_target_months", "withdraw"
            ),
            "habit": (
                "STARTER_HABITS", "STARTERS_BY_KEY", "Habit", "StarterHabit", "adopt_starter", "new_habit",
                "rename_habit", "unused_starters"
            ),
            "heatmap": (
                "HabitToday", "PeriodMark", "PeriodState", "done_counts", "habit_today", "habits_today", "history",
                "history_weeks"
            ),
            "home": ("HomeToday", "PlanProgress", "build_home"),
            "notice": ("Notice",),
            "periods": (
                "Cadence", "clamp_day", "month_of", "period_end", "period_index", "period_start", "previous_month"
            ),
            "progress": (
                "EDITABLE", "WINDOW", "HabitEdit", "HabitProgress", "cancel_rest", "check_in", "plan_rest",
                "rebuild_progress", "start_progress", "undo_check_in"
            ),
            "reflection": (
                "PROMPTS", "FellBehind", "Reflection", "latest", "new_reflection", "toggle_cause",
                "why_i_fell_behind"
            ),
            "reminders": (
                "BANNER_DAYS", "DueFeed", "DueItem", "DueSoon", "DueSource", "commitment_due_items",
                "debt_due_items", "due_soon", "gather_due", "plan_instalment_due", "reminder_events",
                "reminders_calendar"
            ),
        },
    )

__all__ = [
    "BANNER_DAYS",
    "BUILTIN_LABELS",
    "BorrowAnswers",
    "BorrowCheck",
    "BorrowVerdict",
    "BorrowVerdictKind",
    "BudgetCategory",
    "BudgetPlan",
    "BudgetReport",
    "Cadence",
    "CategoryChange",
    "CategoryLine",
    "CheckinMonth",
    "DEFAULT_TARGET_MONTHS",
    "DueFeed",
    "DueItem",
    "DueSoon",
    "DueSource",
    "EDITABLE",
    "EVERYTHING_ELSE",
    "EmergencyFund",
    "FIELD_AMOUNT",
    "FIELD_PAYMENT",
    "FIELD_RATE",
    "FellBehind",
    "FundState",
    "FundStatus",
    "Habit",
    "HabitEdit",
    "HabitProgress",
    "HabitToday",
    "HomeToday",
    "LOAN_FOR_LOAN_FACT",
    "MonthComparison",
    "Notice",
    "PROMPTS",
    "PeriodMark",
    "PeriodState",
    "PlanProgress",
    "QUESTIONS",
    "REMOVED",
    "Reflection",
    "STARTERS_BY_KEY",
    "STARTER_HABITS",
    "Spend",
    "SpendMonth",
    "StarterHabit",
    "WINDOW",
    "add_category",
    "add_spend",
    "adopt_starter",
    "build_home",
    "cancel_rest",
    "check_borrowing",
    "check_in",
    "clamp_day",
    "commitment_due_items",
    "compare_months",
    "debt_due_items",
    "decide_borrowing",
    "default_budget",
    "deposit",
    "done_counts",
    "due_soon",
    "explain_borrowing",
    "filing_month",
    "fund_from_selfcheck",
    "fund_status",
    "gather_due",
    "habit_today",
    "habits_today",
    "history",
    "history_weeks",
    "latest",
    "markdown_section",
    "month_of",
    "month_report",
    "new_habit",
    "new_reflection",
    "parse_borrow_form",
    "parse_spend_amount",
    "period_end",
    "period_index",
    "period_start",
    "plan_instalment_due",
    "plan_rest",
    "previous_month",
    "rebuild_progress",
    "reminder_events",
    "reminders_calendar",
    "remove_category",
    "remove_spend",
    "rename_category",
    "rename_habit",
    "set_current",
    "set_essentials",
    "set_planned",
    "set_saving",
    "set_target_months",
    "start_progress",
    "toggle_cause",
    "undo_check_in",
    "unused_starters",
    "why_i_fell_behind",
    "withdraw",
]

