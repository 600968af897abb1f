"""Why the overdue happened (seeds 001, 003): picked in the reflection journal, reused by the negotiation script."""

from __future__ import annotations

from jiebei_tui.domain.labels import LabelledEnum
from jiebei_tui.i18n import N_


class Cause(LabelledEnum):
    """Stored by value; ``label`` is the message id shown in lists and in the script."""

    INCOME_DROP = "income_drop", N_("My income dropped or stopped")
    OVERSPENDING = "overspending", N_("I spent more than I earned")
    POOR_PLANNING = "poor_planning", N_("I did not plan the repayments")
    NOT_KNOWING_RULES = "not_knowing_rules", N_("I did not know the terms or the rules")
    ILLNESS_OR_FAMILY = "illness_or_family", N_("Illness or a family emergency")
    OTHER = "other", N_("Something else")
