"""After F8 on a call with nothing in it that lasted under a minute: keep it, or was it started by mistake?

A stressed user who pressed Ctrl+N by accident wants it gone with one key, and
must not find a blank "call" in the evidence later. But a real call can end
before anything was typed, and its start time alone can matter (a call at
22:30), so only the user can tell: the app asks once, right when the call ends,
and never deletes on its own. Keeping it is the default (Enter, Esc, q, k);
discarding takes d or the button.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button

from jiebei_tui.domain.calls import CallRecord, format_duration
from jiebei_tui.i18n import N_, _, tr
from jiebei_tui.ui.calls import CALLS_DIALOGS_CSS
from jiebei_tui.ui.common.dialog import Dialog
from jiebei_tui.ui.common.keys import bind
from jiebei_tui.ui.common.paragraph import Paragraph


class EmptyCallScreen(Dialog[bool]):
    """Returns True to discard the record, False to keep it."""

    DIALOG_ID = "empty-call-dialog"
    TITLE = N_("Nothing was noted in this call")
    HINT = N_("d discards it. Enter, k, q or Esc keeps it.")
    AUTO_FOCUS = "#empty-keep"
    CSS_PATH = CALLS_DIALOGS_CSS
    BINDINGS = [
        bind("delete", "discard", N_("Discard it"), id="calls.empty.discard", keys="d"),
        bind("close", "close", N_("Keep it"), id="calls.empty.keep", keys="k", show=False),
    ]

    def __init__(self, record: CallRecord) -> None:
        super().__init__()
        self.record = record

    def compose_body(self) -> ComposeResult:
        ended = self.record.ended_at or self.record.started_at
        seconds = int((ended - self.record.started_at).total_seconds())
        local = self.services.local(self.record.started_at)
        yield Paragraph(
            tr(
                "The call from {time} lasted {duration} and has no lines, number or marks. If it was started by "
                "mistake, discard it so it does not stay among your records. If a call really happened, keep it: "
                "its time is on record.",
                time=local.strftime("%H:%M"),
                duration=format_duration(seconds),
            ),
            id="empty-call-text",
        )

    def compose_buttons(self) -> ComposeResult:
        with Horizontal(classes="calls-dialog-buttons"):
            yield Button(_("Keep it"), id="empty-keep", variant="primary")
            yield Button(_("Discard it (started by mistake)"), id="empty-discard", variant="warning")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "empty-discard")

    def action_discard(self) -> None:
        self.dismiss(True)

    def action_close(self) -> None:
        self.dismiss(False)
