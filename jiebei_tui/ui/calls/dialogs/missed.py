"""Log a missed call in two keystrokes: the number, Enter, the time (now by default), Enter.

The dialog stays open with the number kept, because missed calls come in
runs: copying seven of them from the phone's call list is seven Enter-Enter.
Each save says how many unanswered attempts reached the user's phone that day
(from any number: the guideline counts attempts to the debtor's contact, not
per caller), how many of them came from this number, and from the seventh on,
the rule it conflicts with.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Input, Static

from jiebei_tui.domain.calls import (
    FLAG_TOO_MANY_CALLS,
    MAX_UNANSWERED_PER_DAY,
    CallRecord,
    RecordKind,
    automatic_flags,
    missed_call,
)
from jiebei_tui.domain.parsing.dates import parse_moment
from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.parsing.phones import normalize_number
from jiebei_tui.i18n import N_, _, tr, trn
from jiebei_tui.ui.calls import CALLS_DIALOGS_CSS
from jiebei_tui.ui.calls.widgets.panels import flag_rule_text
from jiebei_tui.ui.common.dialog import Dialog
from jiebei_tui.ui.common.keys import bind, key_label

LAST_NUMBER_DRAFT = "calls.missed.number"


class MissedCallScreen(Dialog[int]):
    """Returns how many missed calls were logged."""

    DIALOG_ID = "missed-dialog"
    TITLE = N_("Log a missed call")
    AUTO_FOCUS = "#missed-number"  # not whatever scrolls first
    CSS_PATH = CALLS_DIALOGS_CSS
    BINDINGS = [
        bind("done", "close", N_("Done"), id="calls.missed.done"),
        bind("save", "save", N_("Save"), id="calls.missed.save", show=False),
        # Priority, so "number Enter Enter" typed in one burst still goes number -> time -> saved.
        bind("confirm", "enter", N_("Save"), id="calls.missed.enter", keys="enter", show=False, priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.logged = 0

    def hint_text(self) -> str:
        return tr(
            "Enter goes on; Enter on the time saves. Times like 21:47, 11-23 21:47 or 昨天 21:47. Esc or {done} closes.",
            done=key_label("done"),
        )

    def compose_body(self) -> ComposeResult:
        last = self.services.drafts.get(LAST_NUMBER_DRAFT)
        with Horizontal(classes="missed-row"):
            yield Static(_("Number"), classes="missed-label")
            yield Input(str(last or ""), placeholder=_("as shown on your phone; empty if hidden"), id="missed-number")
        with Horizontal(classes="missed-row"):
            yield Static(_("Time"), classes="missed-label")
            yield Input(self._now_text(), placeholder="21:47", id="missed-time")
        yield Static("", id="missed-result")

    def compose_buttons(self) -> ComposeResult:
        with Horizontal(classes="calls-dialog-buttons"):
            yield Button(_("Save"), id="missed-save", variant="primary")
            yield Button(_("Done"), id="missed-close")

    def _now_text(self) -> str:
        return f"{self.services.clock():%H:%M}"

    def action_enter(self) -> None:
        focused = self.focused
        if isinstance(focused, Button):
            focused.press()
        elif focused is not None and focused.id == "missed-number":
            time_field = self.query_one("#missed-time", Input)
            self.set_focus(time_field)  # now, not later: keys right behind Enter belong to the time
            time_field.select_all()  # typing replaces the suggested time; Enter keeps it
        elif focused is not None:
            focused.call_later(self.action_save)  # after the keys typed before Enter reach the field

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "missed-save":
            self.action_save()
        else:
            self.action_close()

    def action_save(self) -> None:
        services = self.services
        now = services.clock()
        result = self.query_one("#missed-result", Static)
        number = self.query_one("#missed-number", Input).value.strip()
        try:
            when = parse_moment(self.query_one("#missed-time", Input).value, now)
        except InputError as error:
            result.update(Content.styled(error.text(), "bold $text-warning"))
            self.query_one("#missed-time", Input).focus()
            return
        record = missed_call(services.calls.new_id(), number, when)
        services.calls.save(record)
        self.logged += 1
        services.drafts.set(LAST_NUMBER_DRAFT, number)
        result.update(self._outcome(record, number))
        time_field = self.query_one("#missed-time", Input)
        time_field.value = self._now_text()
        number_field = self.query_one("#missed-number", Input)
        number_field.focus()
        number_field.select_all()

    def _outcome(self, record: CallRecord, number: str) -> Content:
        services = self.services
        zone = services.clock.zone
        saved = tr("Saved: missed call at {time}.", time=services.local(record.started_at).strftime("%m-%d %H:%M"))
        wanted = normalize_number(number)
        if not wanted:
            return Content.assemble(Content.styled(saved, "$text-success"), " ", _("A hidden number cannot be counted."))
        day = services.local(record.started_at).date()
        same_day = services.calls.records_on(day, zone, kind=RecordKind.MISSED)
        counted = [other for other in same_day if normalize_number(other.number)]
        line = trn(
            "{n} unanswered attempt to your phone that day, from any number (the guideline: should not exceed {limit}).",
            "{n} unanswered attempts to your phone that day, from any number (the guideline: should not exceed {limit}).",
            len(counted),
            limit=MAX_UNANSWERED_PER_DAY,
        )
        from_this = sum(normalize_number(other.number) == wanted for other in counted)
        if from_this != len(counted):
            line += " " + trn("{n} of them from this number.", "{n} of them from this number.", from_this)
        parts: list[Content | str] = [Content.styled(saved, "$text-success"), " ", line]
        if FLAG_TOO_MANY_CALLS in automatic_flags(record, same_day, zone):
            parts += ["\n", Content.styled("⚑" + flag_rule_text(FLAG_TOO_MANY_CALLS), "bold $text-error")]
        return Content.assemble(*parts)

    def action_close(self) -> None:
        self.dismiss(self.logged)
