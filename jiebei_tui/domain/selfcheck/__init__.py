"""The financial self-check: what comes in, what must go out, what is owed and what waiting costs.

Seed 000 asks the user to know their own finances first and judge whether the overdue can
be repaid soon; seed 001 asks for the overdue amount, days and interest. States no fact
outside ``facts.py``. This package is the area's public interface: other areas import
from here, never from its modules.
"""

from __future__ import annotations

from jiebei_tui.domain.selfcheck.assess import (
    Assessment,
    assess,
)
from jiebei_tui.domain.selfcheck.compare import (
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
from jiebei_tui.domain.selfcheck.inputs import (
    CashFlow,
    Debt,
    Entry,
    SelfCheckInput,
)
from jiebei_tui.domain.selfcheck.kinds import (
    DEBT_KIND_LABELS,
    ESSENTIAL_LABELS,
    REPAYMENT_METHOD_LABELS,
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
from jiebei_tui.domain.selfcheck.validate import (
    FieldError,
    validate_debt,
)
from jiebei_tui.domain.selfcheck.verdict import (
    CLEAR_MONTHS_LIMIT,
    NEXT_CALL_PREP,
    NEXT_PLAN_BUILDER,
    Verdict,
    decide,
)

__all__ = [
    "Assessment",
    "CLEAR_MONTHS_LIMIT",
    "CashFlow",
    "Change",
    "Comparison",
    "DAYS_PER_MONTH",
    "DEBT_KIND_LABELS",
    "Debt",
    "DebtAssessment",
    "DebtKind",
    "Direction",
    "ESSENTIAL_LABELS",
    "Entry",
    "EssentialCategory",
    "FieldError",
    "Figure",
    "NEXT_CALL_PREP",
    "NEXT_PLAN_BUILDER",
    "Priority",
    "REPAYMENT_METHOD_LABELS",
    "RepaymentMethod",
    "SUMMARY_VERSION",
    "SelfCheckInput",
    "Step",
    "Summary",
    "VERDICT_RANK",
    "Verdict",
    "VerdictKind",
    "assess",
    "assess_debt",
    "compare",
    "decide",
    "rank_priorities",
    "validate_debt",
]
