"""Open commitments from calls, for Home, Plans and the idle Calls screen.

What was promised, by when and to whom, soonest first, so a date agreed on
the phone is not forgotten. Statuses are changed in a call's summary; a promise
kept becomes a plan payment with one key: the panel takes the focus (Tab) when
it lists any, the arrows pick one and Enter asks which plan it was paid towards.
"""

from __future__ import annotations

from datetime import date, timedelta

from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.widgets import Static

from jiebei_tui.domain.calls import CallRecord, Commitment
from jiebei_tui.domain.parsing.money import format_money
from jiebei_tui.i18n import N_, _, tr
from jiebei_tui.ui.common.context import WithServices
from jiebei_tui.ui.common.keys import bind, key_label
from jiebei_tui.ui.common.text import plain

MAX_SHOWN = 8
RECENT_DAYS = 14  # a promise that passed two weeks ago still shows (as passed); older ones live in History


def _due(commitment: Commitment, today: date) -> Content:
    if commitment.due is None:
        return Content.styled(_("no date"), "$text-muted")
    text = commitment.due.isoformat()
    if commitment.due < today:
        return Content.styled(tr("{date} (passed)", date=text), "bold $text-warning")
    if commitment.due == today:
        return Content.styled(tr("{date} (today)", date=text), "bold $text-warning")
    return Content.styled(text, "bold")


class CommitmentsHomePanel(WithServices, Static):
    """Open commitments with their dates, soonest first; the host screen calls ``refresh_data`` when shown."""

    DEFAULT_CLASSES = "commitments-panel"
    BINDINGS = [
        bind("move", "move(1)", N_("Next promise"), id="commitments.next", keys="down", show=False),
        bind("move", "move(-1)", N_("Previous promise"), id="commitments.previous", keys="up", show=False),
        bind("confirm", "record", N_("Record as a plan payment"), id="commitments.record", keys="enter",
             tooltip=N_("A promise kept: record it as a payment of an agreed plan")),
    ]

    cursor: var[int] = var(0, init=False)

    class Chosen(Message):
        """Enter on a promise: the App asks which plan it was paid towards."""

        def __init__(self, commitment: Commitment) -> None:
            super().__init__()
            self.commitment = commitment

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._found: list[tuple[Commitment, CallRecord]] = []
        self._total = 0

    def refresh_data(self) -> None:
        today = self.services.clock().date()
        found = self.services.calls.open_commitments(since=today - timedelta(days=RECENT_DAYS))
        self._found, self._total = found[:MAX_SHOWN], len(found)
        self.can_focus = bool(self._found)
        self.cursor = min(self.cursor, max(len(self._found) - 1, 0))
        self._draw()

    def _draw(self) -> None:
        today = self.services.clock().date()
        lines: list[Content] = [Content.styled(_("Commitments from calls"), "bold $text-primary")]
        if not self._found:
            lines.append(Content.styled(_("No open commitments. Lines you mark 诺: during a call appear here."), "$text-muted"))
        for index, (commitment, record) in enumerate(self._found):
            parts: list[Content | str] = ["• ", _due(commitment, today)]
            if commitment.amount is not None:
                parts += ["  ", format_money(commitment.amount)]
            parts += ["  ", plain(commitment.text)]
            who = " · ".join(plain(value).plain for value in (record.collector, record.identity.institution.value) if value)
            if who:
                parts += ["  ", Content.styled(tr("({who})", who=who), "$text-muted")]
            line = Content.assemble(*parts)
            if self.has_focus and index == self.cursor:
                line = line.stylize("reverse")
            lines.append(line)
        if self.has_focus and self._found:
            lines.append(Content.styled(_("Enter: kept? Record it as a plan payment."), "$text-muted"))
        if self._total > MAX_SHOWN:
            more = tr("and {count} more in History (Calls, {key})", count=self._total - MAX_SHOWN, key=key_label("history"))
            lines.append(Content.styled(more, "$text-muted"))
        self.update(Content("\n").join(lines))

    def watch_cursor(self) -> None:
        self._draw()

    def on_focus(self) -> None:
        self._draw()

    def on_blur(self) -> None:
        self._draw()

    def action_move(self, step: int) -> None:
        if self._found:
            self.cursor = (self.cursor + step) % len(self._found)

    def action_record(self) -> None:
        if self._found:
            self.post_message(self.Chosen(self._found[self.cursor][0]))
