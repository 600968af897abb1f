"""One saved contact, shown exactly as its evidence report will read; edit, correct or export it."""

from __future__ import annotations

import re
from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Header, Markdown, Static

from jiebei_tui import locations
from jiebei_tui.domain.calls import CallRecord, Note, NoteKind, change_kind, correct
from jiebei_tui.domain.calls.evidence import evidence_report
from jiebei_tui.i18n import N_, _
from jiebei_tui.store.calls import CallsRepo
from jiebei_tui.ui.calls.widgets.log import CallLog
from jiebei_tui.ui.common.messages import DataChanged, LanguageChanged
from jiebei_tui.ui.shell.footer import TranslatedFooter

_BREAK = re.compile(r"(?<!\\)<br>")


def preview_markdown(repo: CallsRepo, record: CallRecord, notes: list[Note], now: datetime) -> str:
    """The record's evidence report from its first section; <br> in cells becomes " / " (the widget drops it)."""
    context = repo.missed_calls_on(record.number, record.started_at.date()) if record.number else []
    report = evidence_report([record], notes, _, now=now, context=context)
    start = report.find("\n## ")  # the report's own title and preamble are for paper, not this screen
    return _BREAK.sub(" / ", report[start + 1 :] if start >= 0 else report)


class ReportView(Markdown):
    can_focus = True  # so the arrow keys and PgUp/PgDn scroll it


class CallRecordScreen(Screen[None]):
    AUTO_FOCUS = "#record-report"  # not whatever scrolls first
    CSS_PATH = str(locations.styles_dir() / "calls.tcss")
    BINDINGS = [
        Binding("e", "edit", N_("Summary"), id="calls.record.edit", tooltip=N_("Edit the next step and the summary")),
        Binding("c", "correct", N_("Correct a line"), id="calls.record.correct"),
        Binding("x", "export", N_("Export"), id="calls.record.export"),
        Binding("escape,q", "back", N_("Back"), id="calls.record.back"),
    ]

    def __init__(self, record_id: str) -> None:
        super().__init__()
        self.record_id = record_id
        self.record: CallRecord | None = None
        self.notes: list[Note] = []

    @property
    def repo(self) -> CallsRepo:
        return CallsRepo(self.app.store)  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield ReportView(id="record-report")
        yield TranslatedFooter(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.sub_title = _("Call record")
        self.reload()
        self.query_one(ReportView).focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def on_data_changed(self, _message: DataChanged) -> None:
        self.reload()

    def on_language_changed(self, _message: LanguageChanged) -> None:
        self.sub_title = _("Call record")
        self.reload()
        self.query_one(ReportView).focus()

    def reload(self) -> None:
        self.record = self.repo.get(self.record_id)
        if self.record is None:
            self.query_one(ReportView).update(_("This record no longer exists."))
            return
        self.notes = self.repo.notes(self.record)
        self.query_one(ReportView).update(preview_markdown(self.repo, self.record, self.notes, self.app.clock()))  # type: ignore[attr-defined]

    def action_edit(self) -> None:
        from jiebei_tui.ui.calls.summary import CallSummaryScreen

        if self.record is not None:
            self.app.push_screen(CallSummaryScreen(self.record.id))

    def action_export(self) -> None:
        from jiebei_tui.ui.calls.dialogs.export import CallExportScreen

        if self.record is not None:
            self.app.push_screen(CallExportScreen(self.record))

    def action_correct(self) -> None:
        if self.record is not None and self.notes:
            self.app.push_screen(NotePickerScreen(self.record, self.notes), lambda _result: self.reload())

    def action_back(self) -> None:
        self.dismiss()


class NotePickerScreen(ModalScreen[None]):
    """The record's lines; Enter corrects one (after the call, too, the original stays)."""

    AUTO_FOCUS = "#picker-log"
    CSS_PATH = str(locations.styles_dir() / "calls.tcss")
    BINDINGS = [Binding("escape,q", "dismiss", N_("Done"), id="calls.picker.close")]

    def __init__(self, record: CallRecord, notes: list[Note]) -> None:
        super().__init__()
        self.record = record
        self.notes = list(notes)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="picker-dialog"):
            yield Static(_("Correct a line"), classes="dialog-title")
            yield CallLog(id="picker-log")
            yield Static(_("Enter corrects the highlighted line. Esc or q closes."), classes="dialog-hint")

    def on_mount(self) -> None:
        log = self.query_one(CallLog)
        log.show_notes(self.notes, force=True)
        log.focus_last()

    def on_call_log_back_to_input(self, message: CallLog.BackToInput) -> None:
        message.stop()
        if message.character is None:
            self.dismiss()
        elif message.character == "q":
            self.dismiss()

    def on_option_list_option_selected(self, event: CallLog.OptionSelected) -> None:
        from jiebei_tui.ui.calls.dialogs.correct import CorrectionScreen

        event.stop()
        note = next((note for note in self.notes if note.id == event.option.id), None)
        if note is None:
            return

        def corrected(result: tuple[str, NoteKind] | None) -> None:
            if result is None:
                return
            text, kind = result
            changed = note
            if text != note.current_text:
                changed = correct(changed, text, self.app.clock())  # type: ignore[attr-defined]
            if kind is not changed.kind:
                changed = change_kind(changed, kind)
            if changed is not note:
                CallsRepo(self.app.store).save_note(self.record, changed)  # type: ignore[attr-defined]
                self.notes = [changed if existing.id == changed.id else existing for existing in self.notes]
                self.query_one(CallLog).show_notes(self.notes)

        self.app.push_screen(CorrectionScreen(note), corrected)
