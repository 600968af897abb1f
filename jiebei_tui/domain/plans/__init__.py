"""Plans: exact repayment schedules, options side by side with doing nothing, a negotiation script and
hardship statement from the user's own numbers, and saved plans followed to the end (issue 12).

Pure: Decimal money to the fen, no Textual, no I/O, no clock (``today`` and ``at``
are passed in). Every user-fixable problem is an ``InputError``; every text is a
message id translated by the caller. This package is the area's public interface:
other areas import from here, never from its modules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# Each module is imported when one of its names is first used (jiebei_tui/lazy.py): start-up imports
# only what the first screen draws. mypy sees the imports below, so a misspelt name is still an error.
if TYPE_CHECKING:
    from jiebei_tui.domain.plans.afford import affordability
    from jiebei_tui.domain.plans.alerts import (
        Alert,
        AlertKind,
    )
    from jiebei_tui.domain.plans.amortize import level_payment
    from jiebei_tui.domain.plans.budget import (
        BudgetPlan,
        Extra,
        MonthTotal,
        Strategy,
        budget_problems,
        compare_strategies,
        plan_budget,
    )
    from jiebei_tui.domain.plans.build import (
        build_schedule,
        option_problems,
    )
    from jiebei_tui.domain.plans.checks import (
        MAX_BUDGET_MONTHS,
        MAX_DEBTS,
        MAX_DEFERRAL_DAYS,
        MAX_EXTRAS,
        MAX_FIRST_DUE_DAYS,
        MAX_INSTALMENTS,
        MAX_WAIT_DAYS,
    )
    from jiebei_tui.domain.plans.compare import (
        MAX_COMPARED,
        Compared,
        SideBySide,
        compare_options,
    )
    from jiebei_tui.domain.plans.dates import (
        add_months,
        default_first_due,
        due_dates,
        next_due_after,
    )
    from jiebei_tui.domain.plans.drafting import (
        negotiation_for,
        refresh_texts,
    )
    from jiebei_tui.domain.plans.export import (
        markdown_section,
        plan_events,
        plan_markdown,
        plans_calendar,
    )
    from jiebei_tui.domain.plans.lifecycle import (
        SCHEMA_VERSION,
        Plan,
        abandon,
        activate,
        agree,
        back_to_draft,
        complete,
        new_plan,
        paid_total,
        propose,
        record_payment,
        remove_payment,
        revise,
        update_texts,
    )
    from jiebei_tui.domain.plans.materials import (
        MATERIAL_KEYS,
        MATERIALS,
        NEGOTIATION_FACTS,
        SAFETY,
        DraftText,
    )
    from jiebei_tui.domain.plans.message import (
        Joined,
        Message,
        Translate,
    )
    from jiebei_tui.domain.plans.negotiate import (
        Negotiation,
        negotiation_alerts,
        render_text,
        script_lines,
        statement_lines,
    )
    from jiebei_tui.domain.plans.options import (
        Instalment,
        Option,
        OptionKind,
        PenaltyHandling,
    )
    from jiebei_tui.domain.plans.position import (
        DebtPosition,
        Finances,
        StartingPoint,
        blank_start,
        from_assessment,
        from_selfcheck,
    )
    from jiebei_tui.domain.plans.proposal import Proposal
    from jiebei_tui.domain.plans.rates import (
        Rate,
        RatePeriod,
        YearBasis,
        format_percent,
    )
    from jiebei_tui.domain.plans.records import (
        Agreement,
        Change,
        ChangeKind,
        Channel,
        Payment,
        PaymentMethod,
        Proposed,
        payment_from_commitment,
    )
    from jiebei_tui.domain.plans.schedule import (
        Point,
        Row,
        Schedule,
    )
    from jiebei_tui.domain.plans.status import (
        TRANSITIONS,
        PlanStatus,
    )
    from jiebei_tui.domain.plans.tracking import (
        InstalmentState,
        PlanComparison,
        PlanFigures,
        Progress,
        Tracked,
        compare_plans,
        figures,
        track,
    )
else:
    from jiebei_tui.lazy import Exports

    __getattr__ = Exports(
        __name__,
        {
            "afford": ("affordability",),
            "alerts": ("Alert", "AlertKind"),
            "amortize": ("level_payment",),
            "budget": (
                "BudgetPlan", "Extra", "MonthTotal", "Strategy", "budget_problems", "compare_strategies",
                "plan_budget"
            ),
            "build": ("build_schedule", "option_problems"),
            "checks": (
                "MAX_BUDGET_MONTHS", "MAX_DEBTS", "MAX_DEFERRAL_DAYS", "MAX_EXTRAS", "MAX_FIRST_DUE_DAYS",
                "MAX_INSTALMENTS", "MAX_WAIT_DAYS"
            ),
            "compare": ("MAX_COMPARED", "Compared", "SideBySide", "compare_options"),
            "dates": ("add_months", "default_first_due", "due_dates", "next_due_after"),
            "drafting": ("negotiation_for", "refresh_texts"),
            "export": ("markdown_section", "plan_events", "plan_markdown", "plans_calendar"),
            "lifecycle": (
                "SCHEMA_VERSION", "Plan", "abandon", "activate", "agree", "back_to_draft", "complete", "new_plan",
                "paid_total", "propose", "record_payment", "remove_payment", "revise", "update_texts"
            ),
            "materials": ("MATERIAL_KEYS", "MATERIALS", "NEGOTIATION_FACTS", "SAFETY", "DraftText"),
            "message": ("Joined", "Message", "Translate"),
            "negotiate": ("Negotiation", "negotiation_alerts", "render_text", "script_lines", "statement_lines"),
            "options": ("Instalment", "Option", "OptionKind", "PenaltyHandling"),
            "position": (
                "DebtPosition", "Finances", "StartingPoint", "blank_start", "from_assessment", "from_selfcheck"
            ),
            "proposal": ("Proposal",),
            "rates": ("Rate", "RatePeriod", "YearBasis", "format_percent"),
            "records": (
                "Agreement", "Change", "ChangeKind", "Channel", "Payment", "PaymentMethod", "Proposed",
                "payment_from_commitment"
            ),
            "schedule": ("Point", "Row", "Schedule"),
            "status": ("TRANSITIONS", "PlanStatus"),
            "tracking": (
                "InstalmentState", "PlanComparison", "PlanFigures", "Progress", "Tracked", "compare_plans",
                "figures", "track"
            ),
        },
    )

__all__ = [
    "Agreement",
    "Alert",
    "AlertKind",
    "BudgetPlan",
    "Change",
    "ChangeKind",
    "Channel",
    "Compared",
    "DebtPosition",
    "DraftText",
    "Extra",
    "Finances",
    "Instalment",
    "InstalmentState",
    "Joined",
    "MATERIALS",
    "MATERIAL_KEYS",
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
    "NEGOTIATION_FACTS",
    "Negotiation",
    "Option",
    "OptionKind",
    "Payment",
    "PaymentMethod",
    "PenaltyHandling",
    "Plan",
    "PlanComparison",
    "PlanFigures",
    "PlanStatus",
    "Point",
    "Progress",
    "Proposal",
    "Proposed",
    "Rate",
    "RatePeriod",
    "Row",
    "SAFETY",
    "SCHEMA_VERSION",
    "Schedule",
    "SideBySide",
    "StartingPoint",
    "Strategy",
    "TRANSITIONS",
    "Tracked",
    "Translate",
    "YearBasis",
    "abandon",
    "activate",
    "add_months",
    "affordability",
    "agree",
    "back_to_draft",
    "blank_start",
    "budget_problems",
    "build_schedule",
    "compare_options",
    "compare_plans",
    "compare_strategies",
    "complete",
    "default_first_due",
    "due_dates",
    "figures",
    "format_percent",
    "from_assessment",
    "from_selfcheck",
    "level_payment",
    "markdown_section",
    "negotiation_alerts",
    "negotiation_for",
    "new_plan",
    "next_due_after",
    "option_problems",
    "paid_total",
    "payment_from_commitment",
    "plan_budget",
    "plan_events",
    "plan_markdown",
    "plans_calendar",
    "propose",
    "record_payment",
    "refresh_texts",
    "remove_payment",
    "render_text",
    "revise",
    "script_lines",
    "statement_lines",
    "track",
    "update_texts",
]

