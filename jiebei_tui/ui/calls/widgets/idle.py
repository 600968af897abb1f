"""The Calls area between calls: how to start, the prep list with the latest self-check, open commitments."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from jiebei_tui.domain.selfcheck import Summary
from jiebei_tui.i18n import _, tr
from jiebei_tui.ui.calls.widgets.panels import PrepPanel
from jiebei_tui.ui.common.commitments import CommitmentsHomePanel
from jiebei_tui.ui.common.guidance import GuidancePanel
from jiebei_tui.ui.common.keys import key_label


def idle_title() -> Content:
    return Content.assemble(
        Content.styled(_("No call in progress."), "bold"),
        " ",
        tr(
            "When the phone rings, press Enter or {new_call}: the timer starts and you can type at once.",
            new_call=key_label("new_call"),
        ),
        "\n",
        Content.styled(
            tr(
                "{add} logs a missed call (number, time). {history} opens every call, with search and export.",
                add=key_label("add"),
                history=key_label("history"),
            ),
            "$text-muted",
        ),
    )


class IdlePage(VerticalScroll):
    def compose(self) -> ComposeResult:
        yield Static(idle_title(), id="call-idle-title")
        yield PrepPanel(id="idle-prep", classes="panel")
        yield CommitmentsHomePanel(id="idle-commitments", classes="panel")  # read when shown
        yield GuidancePanel("calls", classes="guidance")

    def show(self, summary: Summary | None) -> None:
        self.query_one("#idle-prep", PrepPanel).show_summary(summary, live=False)
        self.query_one("#idle-commitments", CommitmentsHomePanel).refresh_data()
