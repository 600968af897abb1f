"""A plan's status and the moves between them; anything else is refused."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from jiebei_tui.domain.labels import LabelledEnum
from jiebei_tui.i18n import N_


class PlanStatus(LabelledEnum):
    DRAFT = "draft", N_("Draft")
    PROPOSED = "proposed", N_("Proposed")
    AGREED = "agreed", N_("Agreed")
    ACTIVE = "active", N_("Active")
    COMPLETED = "completed", N_("Completed")
    ABANDONED = "abandoned", N_("Abandoned")

    @property
    def finished(self) -> bool:
        return self in (PlanStatus.COMPLETED, PlanStatus.ABANDONED)


TRANSITIONS: Final[Mapping[PlanStatus, frozenset[PlanStatus]]] = {
    PlanStatus.DRAFT: frozenset({PlanStatus.PROPOSED, PlanStatus.ABANDONED}),
    PlanStatus.PROPOSED: frozenset({PlanStatus.AGREED, PlanStatus.DRAFT, PlanStatus.ABANDONED}),
    PlanStatus.AGREED: frozenset({PlanStatus.ACTIVE, PlanStatus.ABANDONED}),
    PlanStatus.ACTIVE: frozenset({PlanStatus.COMPLETED, PlanStatus.ABANDONED}),
    PlanStatus.COMPLETED: frozenset(),
    PlanStatus.ABANDONED: frozenset(),
}
