"""Correct an earlier line: the new text is added, the original (and every earlier correction) stays."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from jiebei_tui import locations
from jiebei_tui.domain.calls import Note, NoteKind, format_offset, next_note_kind
from jiebei_tui.i18n import N_, _, tr
from jiebei_tui.ui.calls.widgets.text import kind_badge, plain


class CorrectionScreen(ModalScreen[tuple[str, NoteKind] | None]):
    """Returns (new text, kind), or None when cancelled."""

    AUTO_FOCUS = "#correct-input"  # not whatever scrolls first
    CSS_PATH = str(locations.styles_dir() / "calls.tcss")
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="calls.correct.cancel"),
        Binding("ctrl+o", "cycle_kind", N_("Kind of line"), id="calls.correct.kind"),
    ]

    def __init__(self, note: Note) -> None:
        super().__init__()
        self.note = note
        self.kind = note.kind

    def compose(self) -> ComposeResult:
        note = self.note
        with Vertical(classes="dialog", id="correct-dialog"):
            yield Static(_("Correct a line"), classes="dialog-title")
            yield Static(
                Content.assemble(
                    Content.styled(
                        tr(
                            "First typed at {time} ({offset}):",
                            time=note.at.strftime("%H:%M:%S"),
                            offset=format_offset(note.offset_seconds),
                        ),
                        "$text-muted",
                    ),
                    " ",
                    plain(note.text),
                ),
                id="correct-original",
            )
            for correction in note.corrections:
                yield Static(
                    Content.assemble(
                        Content.styled(tr("Corrected at {time}:", time=correction.at.strftime("%H:%M:%S")), "$text-muted"),
                        " ",
                        plain(correction.text),
                    ),
                    classes="correct-earlier",
                )
            with Horizontal(id="correct-row"):
                yield Static(kind_badge(self.kind), id="correct-kind")
                yield Input(note.current_text, select_on_focus=False, id="correct-input")
            yield Static("", id="correct-message", classes="field-message")
            yield Static(
                _("Enter saves the correction; the original stays in the record. Ctrl+O changes the kind. Esc cancels."),
                classes="dialog-hint",
            )
            with Horizontal(classes="calls-dialog-buttons"):
                yield Button(_("Save correction"), id="correct-save", variant="primary")
                yield Button(_("Cancel"), id="correct-cancel")

    def on_mount(self) -> None:
        field = self.query_one("#correct-input", Input)
        field.focus()
        field.cursor_position = len(field.value)

    def action_cycle_kind(self) -> None:
        self.kind = next_note_kind(self.kind)
        self.query_one("#correct-kind", Static).update(kind_badge(self.kind))

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _save(self) -> None:
        text = self.query_one("#correct-input", Input).value.strip()
        if not text:
            self.query_one("#correct-message", Static).update(
                _("A line cannot be emptied. To withdraw it, write why, e.g. 'typed by mistake'.")
            )
            return
        self.dismiss((text, self.kind))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "correct-save":
            self._save()
        else:
            self.dismiss(None)
