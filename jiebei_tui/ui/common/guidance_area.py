"""An area shown through its advice: what to do, in calm words, before any tool."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from jiebei_tui.areas import area
from jiebei_tui.i18n import _
from jiebei_tui.ui.common.guidance import GuidancePanel
from jiebei_tui.ui.shell.base import AreaScreen


class GuidanceAreaScreen(AreaScreen):
    """Base for areas whose main content is advice (subclasses set AREA)."""

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(classes="area-body"):
            yield Static(_(area(self.AREA).purpose), classes="area-purpose")
            yield from self.compose_extra()
            yield GuidancePanel(self.AREA, classes="guidance")

    def compose_extra(self) -> ComposeResult:
        """Area-specific lines above the advice."""
        yield from ()
