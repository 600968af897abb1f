"""How was this computed: one figure, its calculation step by step, and what it rests on."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from jiebei_tui import locations
from jiebei_tui.i18n import N_, _, tr
from jiebei_tui.ui.common.bullets import BulletList
from jiebei_tui.ui.common.dialog import Dialog
from jiebei_tui.ui.common.keys import bind
from jiebei_tui.ui.common.text import inert
from jiebei_tui.ui.selfcheck.widgets.figures import VALUE_LINE, FigureLine

SELFCHECK_CSS = str(locations.styles_dir() / "selfcheck.tcss")


class ExplainScreen(Dialog[None]):
    """Read-only; closes with Enter, q, F8 or Esc, or its Close button."""

    DIALOG_ID = "sc-explain"
    TITLE = N_("How was this computed?")
    HINT = N_("Enter, q or Esc closes.")
    CLOSE_BUTTON = "sc-explain-close"
    CLOSE_COMPACT = True
    CSS_PATH = SELFCHECK_CSS
    BINDINGS = [
        bind("confirm", "close", N_("Close"), id="selfcheck.explain.enter", keys="enter"),
        bind("done", "close", N_("Close"), id="selfcheck.explain.done", show=False),
    ]

    def __init__(self, line: FigureLine) -> None:
        super().__init__()
        self.line = line

    def compose_body(self) -> ComposeResult:
        line = self.line
        with VerticalScroll(id="sc-explain-body"):
            yield Static(inert(tr(VALUE_LINE, label=line.label, value=line.value)), id="sc-explain-figure")
            yield Static(_("Step by step"), classes="panel-title")
            yield BulletList(line.steps or [_("Nothing to compute: no amounts entered.")], id="sc-explain-steps")
            if line.inputs:
                yield Static(_("What it rests on"), classes="panel-title")
                yield BulletList([tr(VALUE_LINE, label=label, value=value) for label, value in line.inputs], id="sc-explain-inputs")
            if line.notes:
                yield Static(_("Good to know"), classes="panel-title")
                yield BulletList(line.notes, id="sc-explain-notes")

    def on_mount(self) -> None:
        self.query_one("#sc-explain-body").focus()
