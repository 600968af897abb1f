"""A plan's status and the moves between them; anything else is refused."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Final

from jiebei_tui.i18n import N_


class PlanStatus(str, Enum):
    DRAFT = "draft"
    PROPOSED = "proposed"
    AGREED = "agreed"
    ACTIVE = "active"
    COMPLETED = "completed"
    ABANDONED = "abandoned"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]

    @property
    def finished(self) -> bool:
        return self in (PlanStatus.COMPLETED, PlanStatus.ABANDONED)


_STATUS_LABELS: dict[PlanStatus, str] = {
    PlanStatus.DRAFT: N_("Draft"),
    PlanStatus.PROPOSED: N_("Proposed"),
    PlanStatus.AGREED: N_("Agreed"),
    PlanStatus.ACTIVE: N_("Active"),
    PlanStatus.COMPLETED: N_("Completed"),
    PlanStatus.ABANDONED: N_("Abandoned"),
}

TRANSITIONS: Final[Mapping[PlanStatus, frozenset[PlanStatus]]] = {
    PlanStatus.DRAFT: frozenset({PlanStatus.PROPOSED, PlanStatus.ABANDONED}),
    PlanStatus.PROPOSED: frozenset({PlanStatus.AGREED, PlanStatus.DRAFT, PlanStatus.ABANDONED}),
    PlanStatus.AGREED: frozenset({PlanStatus.ACTIVE, PlanStatus.ABANDONED}),
    PlanStatus.ACTIVE: frozenset({PlanStatus.COMPLETED, PlanStatus.ABANDONED}),
    PlanStatus.COMPLETED: frozenset(),
    PlanStatus.ABANDONED: frozenset(),
}
