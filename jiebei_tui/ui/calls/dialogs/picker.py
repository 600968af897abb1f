"""Pick a line of a saved contact to correct (after the call, too, the original stays)."""

from __future__ import annotations

from textual.app import ComposeResult

from jiebei_tui.domain.calls import CallRecord, Note, NoteKind
from jiebei_tui.i18n import N_
from jiebei_tui.services import corrected
from jiebei_tui.ui.calls import CALLS_DIALOGS_CSS
from jiebei_tui.ui.calls.widgets.log import CallLog
from jiebei_tui.ui.common.dialog import Dialog


class NotePickerScreen(Dialog[None]):
    """The record's lines; Enter corrects one."""

    DIALOG_ID = "picker-dialog"
    TITLE = N_("Correct a line")
    HINT = N_("Enter corrects the highlighted line. Esc or q closes.")
    AUTO_FOCUS = "#picker-log"
    CSS_PATH = CALLS_DIALOGS_CSS

    def __init__(self, record: CallRecord, notes: list[Note]) -> None:
        super().__init__()
        self.record = record
        self.notes = list(notes)

    def compose_body(self) -> ComposeResult:
        yield CallLog(id="picker-log")

    def on_mount(self) -> None:
        self._show_log()

    def after_recompose(self) -> None:
        self._show_log()

    def _show_log(self) -> None:
        log = self.query_one(CallLog)
        log.show_notes(self.notes, force=True)
        log.focus_last()

    def on_call_log_back_to_input(self, message: CallLog.BackToInput) -> None:
        # There is no note line here: Esc, q or ↓ past the last line closes.
        message.stop()
        if message.character in (None, "q"):
            self.dismiss()

    def on_option_list_option_selected(self, event: CallLog.OptionSelected) -> None:
        from jiebei_tui.ui.calls.dialogs.correct import CorrectionScreen

        event.stop()
        note = next((note for note in self.notes if note.id == event.option.id), None)
        if note is None:
            return

        def done(result: tuple[str, NoteKind] | None) -> None:
            if result is None:
                return
            changed = corrected(note, *result, self.services.clock())
            if changed is not note:
                self.services.calls.save_note(self.record, changed)
                self.notes = [changed if existing.id == changed.id else existing for existing in self.notes]
                self.query_one(CallLog).show_notes(self.notes)

        self.app.push_screen(CorrectionScreen(note), done)
