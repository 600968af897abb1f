"""Why the overdue happened (seeds 001, 003): picked in the reflection journal, reused by the negotiation script."""

from __future__ import annotations

from enum import Enum

from jiebei_tui.i18n import N_


class Cause(str, Enum):
    """Stored by value; ``label`` is the message id shown in lists and in the script."""

    INCOME_DROP = "income_drop"
    OVERSPENDING = "overspending"
    POOR_PLANNING = "poor_planning"
    NOT_KNOWING_RULES = "not_knowing_rules"
    ILLNESS_OR_FAMILY = "illness_or_family"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS: dict[Cause, str] = {
    Cause.INCOME_DROP: N_("My income dropped or stopped"),
    Cause.OVERSPENDING: N_("I spent more than I earned"),
    Cause.POOR_PLANNING: N_("I did not plan the repayments"),
    Cause.NOT_KNOWING_RULES: N_("I did not know the terms or the rules"),
    Cause.ILLNESS_OR_FAMILY: N_("Illness or a family emergency"),
    Cause.OTHER: N_("Something else"),
}
