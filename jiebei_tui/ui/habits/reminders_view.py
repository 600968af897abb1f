"""Reminders: every debt due day, plan instalment and call promise in the year ahead, and an .ics file
any phone or desktop calendar can import (each event reminds you the day before).

Overdue items come first: a promise or an instalment whose day has passed and is
not marked done. A debt's due day is listed from today on (whether a past one was
paid is not known here).
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from jiebei_tui.domain.habits import DueItem, due_soon
from jiebei_tui.i18n import N_, _, tr, trn
from jiebei_tui.ui.common.dialog import Dialog
from jiebei_tui.ui.common.due import due_line
from jiebei_tui.ui.common.keys import bind
from jiebei_tui.ui.habits.pane import Pane

CALENDAR_NAME = N_("Jiebei reminders")


def default_calendar_path(stamp: str) -> Path:
    return Path.home() / f"jiebei-reminders-{stamp}.ics"


class RemindersPane(Pane):
    VIEW = "reminders"
    BINDINGS = [
        bind("export", "export", N_("Export .ics"), id="habits.reminders.export", keys="x",
             tooltip=N_("A calendar file for your phone or computer")),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: tuple[DueItem, ...] = ()

    def compose(self) -> ComposeResult:
        yield Static("", id="rm-summary")
        yield OptionList(id="rm-list")
        yield Static(
            _("x writes an .ics calendar file: import it on your phone or computer, and each due day reminds "
              "you the day before. Due days come from your latest self-check, promises from your calls, "
              "instalments from your plan."),
            classes="habits-hint",
        )

    def focus_first(self) -> None:
        self.query_one("#rm-list", OptionList).focus()

    def refresh_data(self) -> None:
        habits = self.services.habits
        self.items = habits.reminders()
        today = habits.today()
        entries = due_soon(self.items, today, days=10_000)  # every item, each with its days left
        listing = self.query_one("#rm-list", OptionList)
        options = []
        for entry in entries:
            source = Content.styled(f"  {_(entry.item.source.label)}", "$text-muted")
            options.append(Option(Content.assemble(due_line(entry), "\n", source), id=entry.item.key))
        listing.set_options(options)
        soon = sum(1 for entry in entries if entry.days_left <= 7)
        if entries:
            summary = trn(
                "{n} reminder in the year ahead; {soon} of them within 7 days or passed.",
                "{n} reminders in the year ahead; {soon} of them within 7 days or passed.",
                len(entries),
                soon=soon,
            )
        else:
            summary = _("Nothing due yet. Due days appear here once a self-check has a debt with a due day, "
                        "a call has a promise with a date, or a plan is agreed.")
        self.query_one("#rm-summary", Static).update(Content.styled(summary, "bold"))

    def action_export(self) -> None:
        stamp = self.services.clock().strftime("%Y%m%d")
        self.app.push_screen(CalendarExportDialog(default_calendar_path(stamp)))


class CalendarExportDialog(Dialog[None]):
    DIALOG_ID = "calendar-export-dialog"
    TITLE = N_("Export reminders as a calendar file (.ics)")
    HINT = N_("Enter writes the file (private to your user). Importing it again later updates the same events. Esc or q closes.")
    CLOSE_BUTTON = "calendar-export-close"
    AUTO_FOCUS = "#calendar-path"

    def __init__(self, default_path: Path) -> None:
        super().__init__()
        self._default = default_path

    def compose_body(self) -> ComposeResult:
        yield Static(_("File to write:"))
        yield Input(str(self._default), id="calendar-path")
        yield Static("", id="calendar-result", classes="field-message")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        result = self.query_one("#calendar-result", Static)
        raw = event.value.strip()
        if not raw:
            result.update(_("Enter a file name."))
            return
        path = Path(raw).expanduser()
        try:
            count = self.services.habits.export_reminders(path, _, _(CALENDAR_NAME))
        except OSError as error:
            result.update(tr("Could not write {path}: {error}", path=str(path), error=error.strerror or str(error)))
            return
        result.update(
            Content.styled(trn("Saved {n} reminder to {path}", "Saved {n} reminders to {path}", count, path=str(path)),
                           "bold $text-success")
        )
