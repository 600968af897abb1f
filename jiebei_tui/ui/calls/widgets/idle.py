"""The Calls area between calls: how to start, the prep list with the latest self-check, open commitments.

Built the first time it is shown: ``jiebei-tui call`` opens straight into a
call, where this page is hidden, and should not pay for it (the advice is
Markdown, whose parser alone took ~30 ms to import). The title comes at once,
the panels right after the first frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from jiebei_tui.i18n import _, tr
from jiebei_tui.ui.calls.widgets.panels import PrepPanel
from jiebei_tui.ui.common.commitments import CommitmentsHomePanel
from jiebei_tui.ui.common.keys import key_label

if TYPE_CHECKING:
    from jiebei_tui.domain.selfcheck import Summary


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
    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._summary: Summary | None = None
        self._built = False

    def compose(self) -> ComposeResult:
        yield Static(idle_title(), id="call-idle-title")

    def show(self, summary: Summary | None) -> None:
        self._summary = summary
        if not self._built:
            self._built = True
            self.call_after_refresh(self._build)  # the title is on screen first
            return
        self._fill()

    async def _build(self) -> None:
        from jiebei_tui.ui.common.guidance import GuidancePanel

        await self.mount_all(
            [
                PrepPanel(id="idle-prep", classes="panel"),
                CommitmentsHomePanel(id="idle-commitments", classes="panel"),
                GuidancePanel("calls", classes="guidance"),
            ]
        )
        self._fill()

    def _fill(self) -> None:
        self.query_one("#idle-prep", PrepPanel).show_summary(self._summary, live=False)
        self.query_one("#idle-commitments", CommitmentsHomePanel).refresh_data()
