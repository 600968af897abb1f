"""Export one call, or every call of one number or one collector, as a Markdown evidence report.

The report (domain/calls/evidence.py) has the timeline with times, identity details,
each red flag with its rule and source, and where to complain. It is written
atomically and private (0600), like every export.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from jiebei_tui.domain.calls import CallRecord
from jiebei_tui.domain.calls.evidence import select_records_for
from jiebei_tui.domain.text_safety import sanitize_inline
from jiebei_tui.i18n import N_, _, tr, trn
from jiebei_tui.ui.calls import CALLS_DIALOGS_CSS
from jiebei_tui.ui.common.dialog import Dialog
from jiebei_tui.ui.common.keys import bind
from jiebei_tui.ui.common.text import inert


def default_export_path(stamp: str) -> Path:
    return Path.home() / f"jiebei-evidence-{stamp}.md"


class CallExportScreen(Dialog[None]):
    DIALOG_ID = "export-calls-dialog"
    TITLE = N_("Export as an evidence report (Markdown)")
    HINT = N_("Pick what to export, then Enter on the file name writes it (private to your user). Esc closes.")
    CLOSE_BUTTON = "export-calls-close"
    AUTO_FOCUS = "#export-scope"  # not whatever scrolls first
    CSS_PATH = CALLS_DIALOGS_CSS
    BINDINGS = [
        # Priority, so focus moves the moment Enter arrives: a file name typed right behind it lands in the field.
        bind("confirm", "enter", N_("Write the report"), id="calls.export.enter", keys="enter", show=False, priority=True),
    ]

    def __init__(self, record: CallRecord) -> None:
        super().__init__()
        self.record = record
        self.scope = "record"

    def _scopes(self) -> list[tuple[str, str]]:
        record = self.record
        scopes = [("record", _("This contact only"))]
        number = record.number or record.identity.callback_number.value
        if number:
            scopes.append(("number", tr("Every contact with the number {number}", number=sanitize_inline(number))))
        if record.collector:
            scopes.append(("collector", tr("Every contact with {name}", name=sanitize_inline(record.collector))))
        return scopes

    def compose_body(self) -> ComposeResult:
        stamp = self.services.clock().strftime("%Y%m%d-%H%M")
        yield OptionList(*[Option(Content(label), id=key) for key, label in self._scopes()], id="export-scope")
        yield Static(_("File to write:"))
        yield Input(str(default_export_path(stamp)), id="export-calls-path")
        yield Static("", id="export-calls-result", classes="field-message")

    def compose_buttons(self) -> ComposeResult:
        with Horizontal(classes="calls-dialog-buttons"):
            yield Button(_("Write the report"), id="export-calls-write", variant="primary")
            yield Button(_("Done"), id="export-calls-close")

    def on_mount(self) -> None:
        scopes = self.query_one("#export-scope", OptionList)
        scopes.highlighted = 0
        scopes.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.scope = event.option.id or "record"

    def action_enter(self) -> None:
        """Enter on the scope picks it and moves to the file name; on the file name it writes."""
        focused = self.focused
        scopes = self.query_one("#export-scope", OptionList)
        if focused is scopes:
            option = scopes.highlighted_option
            self.scope = option.id if option is not None and option.id else "record"
            self.set_focus(self.query_one("#export-calls-path", Input))
        elif isinstance(focused, Button):
            focused.press()
        elif focused is not None:
            focused.call_later(self.write)  # after the keys typed before Enter reach the field

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export-calls-write":
            event.stop()
            self.write()

    def chosen(self, history: list[CallRecord]) -> list[CallRecord]:
        record = self.record
        if self.scope == "number":
            return select_records_for(history, number=record.number or record.identity.callback_number.value)
        if self.scope == "collector":
            return select_records_for(history, collector=record.collector)
        return [record]

    def write(self) -> None:
        result = self.query_one("#export-calls-result", Static)
        raw = self.query_one("#export-calls-path", Input).value.strip()
        if not raw:
            result.update(_("Type a file name first."))
            return
        path = Path(raw).expanduser()
        repo = self.services.calls
        history = repo.records()
        chosen = self.chosen(history) or [self.record]
        try:
            clock = self.services.clock
            repo.export_evidence(path, chosen, _, now=clock(), zone=clock.zone, context=history)
        except OSError as error:
            reason = error.strerror or str(error)
            result.update(inert(tr("The report could not be written to {path}: {error}", path=str(path), error=reason)))
            return
        result.update(
            Content.styled(
                trn("Saved {n} contact to {path}", "Saved {n} contacts to {path}", len(chosen), path=sanitize_inline(str(path))),
                "bold $text-success",
            )
        )
