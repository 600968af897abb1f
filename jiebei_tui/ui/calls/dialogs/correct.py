"""Correct an earlier line: the new text is added, the original (and every earlier correction) stays.

What is typed here is a draft (``calls.correct.<note id>``) from the first key,
like the note line: it survives SIGHUP, a crash or a closed terminal, and the
dialog opens again with it when the call is continued.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Input, Static

from jiebei_tui.domain.calls import Note, NoteKind, format_offset, next_note_kind
from jiebei_tui.i18n import N_, _, tr
from jiebei_tui.ui.calls import CALLS_DIALOGS_CSS
from jiebei_tui.ui.calls.widgets.text import kind_badge
from jiebei_tui.ui.common.dialog import Dialog
from jiebei_tui.ui.common.inputs import InertInput
from jiebei_tui.ui.common.keys import bind, key_label
from jiebei_tui.ui.common.text import plain

CORRECTION_DRAFT = "calls.correct."  # + note id: {"text", "kind"}


def correction_draft_key(note_id: str) -> str:
    return CORRECTION_DRAFT + note_id


class CorrectionScreen(Dialog[tuple[str, NoteKind] | None]):
    """Returns (new text, kind), or None when cancelled."""

    DIALOG_ID = "correct-dialog"
    TITLE = N_("Correct a line")
    AUTO_FOCUS = "#correct-input"  # not whatever scrolls first
    CSS_PATH = CALLS_DIALOGS_CSS
    BINDINGS = [
        bind("save", "save", N_("Save correction"), id="calls.correct.save"),
        bind("move", "cycle_kind(1)", N_("Kind of line"), id="calls.correct.kind", keys="down"),
        bind("move", "cycle_kind(-1)", N_("Kind of line"), id="calls.correct.kind.back", keys="up", show=False),
    ]

    def __init__(self, note: Note, draft: dict[str, object] | None = None) -> None:
        super().__init__()
        self.note = note
        self.kind = note.kind
        self._text = note.current_text
        if draft is not None:
            self._text = str(draft.get("text", self._text))
            try:
                self.kind = NoteKind(str(draft.get("kind")))
            except ValueError:
                pass

    def hint_text(self) -> str:
        return tr(
            "Enter or {save} saves the correction; the original stays in the record. ↑↓ change the kind. Esc cancels.",
            save=key_label("save"),
        )

    def compose_body(self) -> ComposeResult:
        note = self.note
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
            yield InertInput(self._text, select_on_focus=False, id="correct-input")
        yield Static("", id="correct-message", classes="field-message")

    def compose_buttons(self) -> ComposeResult:
        with Horizontal(classes="calls-dialog-buttons"):
            yield Button(_("Save correction"), id="correct-save", variant="primary")
            yield Button(_("Cancel"), id="correct-cancel")

    def on_mount(self) -> None:
        field = self.query_one("#correct-input", Input)
        field.focus()
        field.cursor_position = len(field.value)

    def action_cycle_kind(self, step: int) -> None:
        self.kind = next_note_kind(self.kind, step)
        self.query_one("#correct-kind", Static).update(kind_badge(self.kind))
        self._keep_draft()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._keep_draft()

    def _keep_draft(self) -> None:
        text = self.query_one("#correct-input", Input).value
        key = correction_draft_key(self.note.id)
        if text == self.note.current_text and self.kind is self.note.kind:
            self.services.drafts.discard(key)
        else:
            self.services.drafts.set(key, {"text": text, "kind": self.kind.value})

    def dismiss(self, result: tuple[str, NoteKind] | None = None) -> AwaitComplete:
        self.services.drafts.discard(correction_draft_key(self.note.id))  # saved, or deliberately cancelled
        return super().dismiss(result)

    def action_save(self) -> None:
        text = self.query_one("#correct-input", Input).value.strip()
        if not text:
            self.query_one("#correct-message", Static).update(
                _("A line cannot be emptied. To withdraw it, write why, e.g. 'typed by mistake'.")
            )
            return
        self.dismiss((text, self.kind))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "correct-save":
            self.action_save()
        else:
            self.action_close()
