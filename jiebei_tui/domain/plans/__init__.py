"""Plans: exact repayment schedules, options side by side with doing nothing, a negotiation script and
hardship statement from the user's own numbers, and saved plans followed to the end (issue 12).

Pure: Decimal money to the fen, no Textual, no I/O, no clock (``today`` and ``at``
are passed in). Every user-fixable problem is an ``InputError``; every text is a
message id translated by the caller. This package is the area's public interface:
other areas import from here, never from its modules.
"""

from __future__ import annotations

from jiebei_tui.domain.plans.afford import affordability
from jiebei_tui.domain.plans.alerts import Alert, AlertKind
from jiebei_tui.domain.plans.amortize import level_payment
from jiebei_tui.domain.plans.budget import (
    BudgetPlan,
    Extra,
    MonthTotal,
    Strategy,
    compare_strategies,
    plan_budget,
)
from jiebei_tui.domain.plans.build import build_schedule, option_problems
from jiebei_tui.domain.plans.checks import (
    MAX_BUDGET_MONTHS,
    MAX_DEBTS,
    MAX_DEFERRAL_DAYS,
    MAX_EXTRAS,
    MAX_FIRST_DUE_DAYS,
    MAX_INSTALMENTS,
    MAX_WAIT_DAYS,
)
from jiebei_tui.domain.plans.compare import MAX_COMPARED, Compared, SideBySide, compare_options
from jiebei_tui.domain.plans.dates import add_months, default_first_due, due_dates, next_due_after
from jiebei_tui.domain.plans.message import Joined, Message, Translate
from jiebei_tui.domain.plans.options import Instalment, Option, OptionKind, PenaltyHandling
from jiebei_tui.domain.plans.position import (
    DebtPosition,
    Finances,
    StartingPoint,
    blank_start,
    from_assessment,
    from_selfcheck,
)
from jiebei_tui.domain.plans.rates import Rate, RatePeriod, YearBasis, format_percent
from jiebei_tui.domain.plans.schedule import Point, Row, Schedule

__all__ = [
    "Alert",
    "AlertKind",
    "BudgetPlan",
    "Compared",
    "DebtPosition",
    "Extra",
    "Finances",
    "Instalment",
    "Joined",
    "MAX_BUDGET_MONTHS",
    "MAX_COMPARED",
    "MAX_DEBTS",
    "MAX_DEFERRAL_DAYS",
    "MAX_EXTRAS",
    "MAX_FIRST_DUE_DAYS",
    "MAX_INSTALMENTS",
    "MAX_WAIT_DAYS",
    "Message",
    "MonthTotal",
    "Option",
    "OptionKind",
    "PenaltyHandling",
    "Point",
    "Rate",
    "RatePeriod",
    "Row",
    "Schedule",
    "SideBySide",
    "StartingPoint",
    "Strategy",
    "Translate",
    "YearBasis",
    "add_months",
    "affordability",
    "blank_start",
    "build_schedule",
    "compare_options",
    "compare_strategies",
    "default_first_due",
    "due_dates",
    "format_percent",
    "from_assessment",
    "from_selfcheck",
    "level_payment",
    "next_due_after",
    "option_problems",
    "plan_budget",
]
