"""Export everything to a file the user names: also the way out when the disk is full."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.widgets import Input, Static

from jiebei_tui.i18n import N_, _, tr
from jiebei_tui.store.export import stream_export
from jiebei_tui.ui.common.dialog import Dialog


class ExportScreen(Dialog[None]):
    DIALOG_ID = "export-dialog"
    TITLE = N_("Export a copy of everything")
    HINT = N_("Enter writes the file. Tab to Close, or Esc.")
    CLOSE_BUTTON = "export-close-button"

    def __init__(self, default_path: Path) -> None:
        super().__init__()
        self._default = default_path

    def compose_body(self) -> ComposeResult:
        yield Static(_("File to write (ending in .md gives Markdown, anything else JSON):"))
        yield Input(str(self._default), id="export-path")
        yield Static("", id="export-result", classes="field-message")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        result = self.query_one("#export-result", Static)
        raw = event.value.strip()
        if not raw:
            result.update(_("Enter a file name."))
            return
        path = Path(raw).expanduser()
        services = self.services
        try:
            stream_export(services.store, "markdown" if path.suffix.lower() == ".md" else "json", services.export_page(), path)
        except OSError as error:
            result.update(tr("Could not write {path}: {error}", path=str(path), error=error.strerror or str(error)))
            return
        result.update(tr("Saved to {path}", path=str(path)))
