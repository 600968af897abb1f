"""How was this computed: one figure, its calculation step by step, and what it rests on."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from jiebei_tui import locations
from jiebei_tui.i18n import N_, _, tr
from jiebei_tui.ui.common.bullets import BulletList
from jiebei_tui.ui.selfcheck.widgets.figures import VALUE_LINE, FigureLine

SELFCHECK_CSS = str(locations.styles_dir() / "selfcheck.tcss")


class ExplainScreen(ModalScreen[None]):
    """Read-only; closes with Enter, q, F8 or Esc, or its Close button."""

    CSS_PATH = SELFCHECK_CSS
    BINDINGS = [
        Binding("escape,q,enter,f8", "dismiss", N_("Close"), id="selfcheck.explain.close"),
    ]

    def __init__(self, line: FigureLine) -> None:
        super().__init__()
        self.line = line

    def compose(self) -> ComposeResult:
        line = self.line
        with Vertical(classes="dialog", id="sc-explain"):
            yield Static(_("How was this computed?"), classes="dialog-title")
            with VerticalScroll(id="sc-explain-body"):
                yield Static(tr(VALUE_LINE, label=line.label, value=line.value), id="sc-explain-figure")
                yield Static(_("Step by step"), classes="panel-title")
                yield BulletList(line.steps or [_("Nothing to compute: no amounts entered.")], id="sc-explain-steps")
                if line.inputs:
                    yield Static(_("What it rests on"), classes="panel-title")
                    yield BulletList(
                        [tr(VALUE_LINE, label=label, value=value) for label, value in line.inputs], id="sc-explain-inputs"
                    )
                if line.notes:
                    yield Static(_("Good to know"), classes="panel-title")
                    yield BulletList(line.notes, id="sc-explain-notes")
            yield Static(_("Enter, q or Esc closes."), classes="dialog-hint")
            yield Button(_("Close"), id="sc-explain-close", compact=True)

    def on_mount(self) -> None:
        self.query_one("#sc-explain-body").focus()

    def on_button_pressed(self, _event: Button.Pressed) -> None:
        self.dismiss()
