"""Log a missed call in two keystrokes: the number, Enter, the time (now by default), Enter.

The dialog stays open with the number kept, because missed calls come in
runs: copying seven of them from the phone's call list is seven Enter-Enter.
Each save says how many missed calls that number made that day, and from the
seventh on, that it breaks the six-attempts rule.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from jiebei_tui import locations
from jiebei_tui.domain.calls import (
    FLAG_TOO_MANY_CALLS,
    MAX_UNANSWERED_PER_DAY,
    CallRecord,
    automatic_flags,
    missed_call,
)
from jiebei_tui.domain.parsing.dates import parse_moment
from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.parsing.phones import normalize_number
from jiebei_tui.i18n import N_, _, tr
from jiebei_tui.store.calls import CallsRepo
from jiebei_tui.ui.calls.widgets.panels import flag_rule_text

LAST_NUMBER_DRAFT = "calls.missed.number"


class MissedCallScreen(ModalScreen[int]):
    """Returns how many missed calls were logged."""

    AUTO_FOCUS = "#missed-number"  # not whatever scrolls first
    CSS_PATH = str(locations.styles_dir() / "calls.tcss")
    BINDINGS = [
        Binding("escape,ctrl+l", "close", N_("Done"), id="calls.missed.close"),
        # Priority, so "number Enter Enter" typed in one burst still goes number -> time -> saved.
        Binding("enter", "enter", N_("Save"), id="calls.missed.enter", show=False, priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.logged = 0

    def compose(self) -> ComposeResult:
        app = self.app
        last = app.drafts.get(LAST_NUMBER_DRAFT)  # type: ignore[attr-defined]
        with Vertical(classes="dialog", id="missed-dialog"):
            yield Static(_("Log a missed call"), classes="dialog-title")
            with Horizontal(classes="missed-row"):
                yield Static(_("Number"), classes="missed-label")
                yield Input(str(last or ""), placeholder=_("as shown on your phone; empty if hidden"), id="missed-number")
            with Horizontal(classes="missed-row"):
                yield Static(_("Time"), classes="missed-label")
                yield Input(self._now_text(), placeholder="21:47", id="missed-time")
            yield Static("", id="missed-result")
            yield Static(
                _("Enter goes on; Enter on the time saves. Times like 21:47, 11-23 21:47 or 昨天 21:47. Esc or Ctrl+L closes."),
                classes="dialog-hint",
            )
            with Horizontal(classes="calls-dialog-buttons"):
                yield Button(_("Save"), id="missed-save", variant="primary")
                yield Button(_("Done"), id="missed-close")

    def _now_text(self) -> str:
        return f"{self.app.clock():%H:%M}"  # type: ignore[attr-defined]

    def on_mount(self) -> None:
        self.query_one("#missed-number", Input).focus()

    def action_enter(self) -> None:
        focused = self.focused
        if isinstance(focused, Button):
            focused.press()
        elif focused is not None and focused.id == "missed-number":
            time_field = self.query_one("#missed-time", Input)
            self.set_focus(time_field)  # now, not later: keys right behind Enter belong to the time
            time_field.select_all()  # typing replaces the suggested time; Enter keeps it
        elif focused is not None:
            focused.call_later(self._save)  # after the keys typed before Enter reach the field

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "missed-save":
            self._save()
        else:
            self.action_close()

    def _save(self) -> None:
        app = self.app
        now = app.clock()  # type: ignore[attr-defined]
        result = self.query_one("#missed-result", Static)
        number = self.query_one("#missed-number", Input).value.strip()
        try:
            when = parse_moment(self.query_one("#missed-time", Input).value, now)
        except InputError as error:
            result.update(Content.styled(error.text(), "bold $text-warning"))
            self.query_one("#missed-time", Input).focus()
            return
        repo = CallsRepo(app.store)  # type: ignore[attr-defined]
        record = missed_call(repo.new_id(), number, when)
        repo.save(record)
        self.logged += 1
        app.drafts.set(LAST_NUMBER_DRAFT, number)  # type: ignore[attr-defined]
        result.update(self._outcome(repo, record, number))
        time_field = self.query_one("#missed-time", Input)
        time_field.value = self._now_text()
        number_field = self.query_one("#missed-number", Input)
        number_field.focus()
        number_field.select_all()

    def _outcome(self, repo: CallsRepo, record: CallRecord, number: str) -> Content:
        saved = tr("Saved: missed call at {time}.", time=record.started_at.strftime("%m-%d %H:%M"))
        if not normalize_number(number):
            return Content.assemble(Content.styled(saved, "$text-success"), " ", _("A hidden number cannot be counted."))
        same_day = repo.missed_calls_on(number, record.started_at.date())
        count = len(same_day)
        line = tr(
            "{count} missed call(s) from this number that day (the rule allows {limit} attempts).",
            count=count,
            limit=MAX_UNANSWERED_PER_DAY,
        )
        parts: list[Content | str] = [Content.styled(saved, "$text-success"), " ", line]
        if FLAG_TOO_MANY_CALLS in automatic_flags(record, same_day):
            parts += ["\n", Content.styled("⚑" + flag_rule_text(FLAG_TOO_MANY_CALLS), "bold $text-error")]
        return Content.assemble(*parts)

    def action_close(self) -> None:
        self.dismiss(self.logged)
