"""One saved contact, shown exactly as its evidence report will read; edit, correct or export it."""

from __future__ import annotations

from datetime import datetime, tzinfo

from textual.app import ComposeResult
from textual.widgets import Markdown

from jiebei_tui.domain.calls import CallRecord, Note
from jiebei_tui.domain.calls.evidence import evidence_report
from jiebei_tui.i18n import N_, _
from jiebei_tui.store.calls import CallsRepo
from jiebei_tui.ui.calls import CALLS_DIALOGS_CSS
from jiebei_tui.ui.common.keys import bind
from jiebei_tui.ui.shell.base import SubScreen


def preview_markdown(repo: CallsRepo, record: CallRecord, notes: list[Note], now: datetime, zone: tzinfo) -> str:
    """The record's evidence report from its first section (times on the user's clock)."""
    context = repo.records_on(record.started_at.astimezone(zone).date(), zone)
    report = evidence_report([record], notes, _, now=now, zone=zone, context=context)
    start = report.find("\n## ")  # the report's own title and preamble are for paper, not this screen
    return report[start + 1 :] if start >= 0 else report


class ReportView(Markdown):
    can_focus = True  # so the arrow keys and PgUp/PgDn scroll it


class CallRecordScreen(SubScreen):
    SUB_TITLE = N_("Call record")
    AUTO_FOCUS = "#record-report"  # not whatever scrolls first
    CSS_PATH = CALLS_DIALOGS_CSS
    BINDINGS = [
        bind("edit", "edit", N_("Summary"), id="calls.record.edit", keys="e", tooltip=N_("Edit the next step and the summary")),
        bind("correct", "correct", N_("Correct a line"), id="calls.record.correct", keys="c"),
        bind("export", "export", N_("Export"), id="calls.record.export", keys="x"),
        bind("close", "back", N_("Back"), id="calls.record.back", keys="escape,q"),
    ]

    def __init__(self, record_id: str) -> None:
        super().__init__()
        self.record_id = record_id
        self.record: CallRecord | None = None
        self.notes: list[Note] = []

    def compose_body(self) -> ComposeResult:
        yield ReportView(id="record-report")

    def after_recompose(self) -> None:
        super().after_recompose()
        self.query_one(ReportView).focus()

    def reload(self) -> None:
        repo = self.services.calls
        self.record = repo.get(self.record_id)
        if self.record is None:
            self.query_one(ReportView).update(_("This record no longer exists."))
            return
        self.notes = repo.notes(self.record)
        clock = self.services.clock
        self.query_one(ReportView).update(preview_markdown(repo, self.record, self.notes, clock(), clock.zone))

    def action_edit(self) -> None:
        from jiebei_tui.ui.calls.summary import CallSummaryScreen

        if self.record is not None:
            self.app.push_screen(CallSummaryScreen(self.record.id))

    def action_export(self) -> None:
        from jiebei_tui.ui.calls.dialogs.export import CallExportScreen

        if self.record is not None:
            self.app.push_screen(CallExportScreen(self.record))

    def action_correct(self) -> None:
        from jiebei_tui.ui.calls.dialogs.picker import NotePickerScreen

        if self.record is not None and self.notes:
            self.app.push_screen(NotePickerScreen(self.record, self.notes), lambda _result: self.reload())

    def action_back(self) -> None:
        self.dismiss()
