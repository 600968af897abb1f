"""The Plans area."""

from __future__ import annotations

from textual.app import ComposeResult

from jiebei_tui.ui.common.commitments import CommitmentsHomePanel
from jiebei_tui.ui.common.guidance_area import GuidanceAreaScreen


class PlansScreen(GuidanceAreaScreen):
    AREA = "plans"

    def compose_extra(self) -> ComposeResult:
        # What was promised on the phone is part of the plan: shown above the advice.
        yield CommitmentsHomePanel(id="plans-commitments", classes="panel")

    def refresh_data(self) -> None:
        self.query_one(CommitmentsHomePanel).refresh_data()
