"""Export everything to a file the user names: also the way out when the disk is full."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from jiebei_tui.i18n import N_, _, tr
from jiebei_tui.store.export import stream_export


class ExportScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape", "dismiss", N_("Close"), id="export.close")]

    def __init__(self, default_path: Path) -> None:
        super().__init__()
        self._default = default_path

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="export-dialog"):
            yield Static(_("Export a copy of everything"), classes="dialog-title")
            yield Static(_("File to write (ending in .md gives Markdown, anything else JSON):"))
            yield Input(str(self._default), id="export-path")
            yield Static("", id="export-result", classes="field-message")
            yield Static(_("Enter writes the file. Tab to Close, or Esc."), classes="dialog-hint")
            yield Button(_("Close"), id="export-close-button")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        from jiebei_tui.ui.shell.app import JiebeiApp

        app = self.app
        assert isinstance(app, JiebeiApp)
        result = self.query_one("#export-result", Static)
        raw = event.value.strip()
        if not raw:
            result.update(_("Enter a file name."))
            return
        path = Path(raw).expanduser()
        try:
            stream_export(app.store, "markdown" if path.suffix.lower() == ".md" else "json", app.clock(), _, path)
        except OSError as error:
            result.update(tr("Could not write {path}: {error}", path=str(path), error=error.strerror or str(error)))
            return
        result.update(tr("Saved to {path}", path=str(path)))

    def on_button_pressed(self, _event: Button.Pressed) -> None:
        self.dismiss()
