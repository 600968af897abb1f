"""The financial self-check: what comes in, what must go out, what is owed and what waiting costs.

Seed 000 asks the user to know their own finances first and judge whether the overdue can
be repaid soon; seed 001 asks for the overdue amount, days and interest. States no fact
outside ``facts.py``. This package is the area's public interface: other areas import
from here, never from its modules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# Each module is imported when one of its names is first used (jiebei_tui/lazy.py): start-up imports
# only what the first screen draws. mypy sees the imports below, so a misspelt name is still an error.
if TYPE_CHECKING:
    from jiebei_tui.domain.selfcheck.assessment import (
        Assessment,
        assess,
    )
    from jiebei_tui.domain.selfcheck.check import (
        Checked,
        check_form,
        field_paths,
    )
    from jiebei_tui.domain.selfcheck.comparison import (
        SUMMARY_VERSION,
        Change,
        Comparison,
        Direction,
        Summary,
        compare,
    )
    from jiebei_tui.domain.selfcheck.debts import (
        DAYS_PER_MONTH,
        DebtAssessment,
        assess_debt,
    )
    from jiebei_tui.domain.selfcheck.explain import (
        Figure,
        Step,
    )
    from jiebei_tui.domain.selfcheck.export import markdown_section
    from jiebei_tui.domain.selfcheck.fields import (
        DEBT_FIELDS,
        ENTRY_SECTIONS,
        ESSENTIALS_HINT,
        ESSENTIALS_TITLE,
        FieldPath,
        FieldSpec,
        check_field,
        field_id,
        field_label,
        preview,
    )
    from jiebei_tui.domain.selfcheck.form import (
        DEBT_KIND_ORDER,
        DRAFT_KEY,
        add_debt,
        add_entry,
        clone,
        form_from_input,
        new_form,
        normalize_form,
    )
    from jiebei_tui.domain.selfcheck.inputs import (
        CashFlow,
        Debt,
        Entry,
        SelfCheckInput,
    )
    from jiebei_tui.domain.selfcheck.kinds import (
        VERDICT_RANK,
        DebtKind,
        EssentialCategory,
        RepaymentMethod,
        VerdictKind,
    )
    from jiebei_tui.domain.selfcheck.priorities import (
        Priority,
        rank_priorities,
    )
    from jiebei_tui.domain.selfcheck.validate import validate_debt
    from jiebei_tui.domain.selfcheck.verdict import (
        CLEAR_MONTHS_LIMIT,
        NEXT_CALL_PREP,
        NEXT_PLAN_BUILDER,
        RESERVE_MONTHS,
        Verdict,
        VerdictInputs,
        decide,
        verdict_words,
    )
else:
    from jiebei_tui.lazy import Exports

    __getattr__ = Exports(
        __name__,
        {
            "assessment": ("Assessment", "assess"),
            "check": ("Checked", "check_form", "field_paths"),
            "comparison": ("SUMMARY_VERSION", "Change", "Comparison", "Direction", "Summary", "compare"),
            "debts": ("DAYS_PER_MONTH", "DebtAssessment", "assess_debt"),
            "explain": ("Figure", "Step"),
            "export": ("markdown_section",),
            "fields": (
                "DEBT_FIELDS", "ENTRY_SECTIONS", "ESSENTIALS_HINT", "ESSENTIALS_TITLE", "FieldPath", "FieldSpec",
                "check_field", "field_id", "field_label", "preview"
            ),
            "form": (
                "DEBT_KIND_ORDER", "DRAFT_KEY", "add_debt", "add_entry", "clone", "form_from_input", "new_form",
                "normalize_form"
            ),
            "inputs": ("CashFlow", "Debt", "Entry", "SelfCheckInput"),
            "kinds": ("VERDICT_RANK", "DebtKind", "EssentialCategory", "RepaymentMethod", "VerdictKind"),
            "priorities": ("Priority", "rank_priorities"),
            "validate": ("validate_debt",),
            "verdict": (
                "CLEAR_MONTHS_LIMIT", "NEXT_CALL_PREP", "NEXT_PLAN_BUILDER", "RESERVE_MONTHS", "Verdict",
                "VerdictInputs", "decide", "verdict_words"
            ),
        },
    )

__all__ = [
    "Assessment",
    "CLEAR_MONTHS_LIMIT",
    "CashFlow",
    "Change",
    "Checked",
    "Comparison",
    "DAYS_PER_MONTH",
    "DEBT_FIELDS",
    "DEBT_KIND_ORDER",
    "DRAFT_KEY",
    "Debt",
    "DebtAssessment",
    "DebtKind",
    "Direction",
    "ENTRY_SECTIONS",
    "ESSENTIALS_HINT",
    "ESSENTIALS_TITLE",
    "Entry",
    "EssentialCategory",
    "FieldPath",
    "FieldSpec",
    "Figure",
    "NEXT_CALL_PREP",
    "NEXT_PLAN_BUILDER",
    "Priority",
    "RESERVE_MONTHS",
    "RepaymentMethod",
    "SUMMARY_VERSION",
    "SelfCheckInput",
    "Step",
    "Summary",
    "VERDICT_RANK",
    "Verdict",
    "VerdictInputs",
    "VerdictKind",
    "add_debt",
    "add_entry",
    "assess",
    "assess_debt",
    "check_field",
    "check_form",
    "clone",
    "compare",
    "decide",
    "verdict_words",
    "field_id",
    "field_label",
    "field_paths",
    "markdown_section",
    "form_from_input",
    "new_form",
    "normalize_form",
    "preview",
    "rank_priorities",
    "validate_debt",
]

