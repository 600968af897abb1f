"""Export everything to a file the user names: also the way out when the disk is full."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, Static

from jiebei_tui.i18n import N_, _, tr
from jiebei_tui.store.export import stream_export
from jiebei_tui.ui.common.dialog import Dialog


class ExportScreen(Dialog[Path | None]):
    """Closes with the path written (None when nothing was): the quit dialog says where the copy is."""

    DIALOG_ID = "export-dialog"
    TITLE = N_("Export a copy of everything")
    HINT = N_("Enter writes the file. Tab to Close, or Esc.")
    CLOSE_BUTTON = "export-close-button"

    def __init__(self, default_path: Path) -> None:
        super().__init__()
        self._default = default_path
        self.written: Path | None = None

    def compose_body(self) -> ComposeResult:
        yield Static(_("File to write (ending in .md gives Markdown, anything else JSON):"))
        yield Input(str(self._default), id="export-path")
        yield Static("", id="export-result", classes="field-message")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        result = self.query_one("#export-result", Static)
        raw = event.value.strip()
        if not raw:
            result.update(Content(_("Enter a file name.")))
            return
        path = Path(raw).expanduser()
        services = self.services
        try:
            stream_export(services.store, "markdown" if path.suffix.lower() == ".md" else "json", services.export_page(), path)
        except OSError as error:
            result.update(Content(tr("Could not write {path}: {error}", path=str(path), error=error.strerror or str(error))))
            return
        self.written = path
        result.update(Content(tr("Saved to {path}", path=str(path))))

    def action_close(self) -> None:
        self.dismiss(self.written)
