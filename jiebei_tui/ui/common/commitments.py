"""Open commitments from calls, for Home, Plans and the idle Calls screen.

What was promised, by when and to whom, soonest first, so a date agreed on
the phone is not forgotten. Read-only: statuses are changed in a call's summary.
"""

from __future__ import annotations

from datetime import date, timedelta

from textual.content import Content
from textual.widgets import Static

from jiebei_tui.domain.calls import Commitment
from jiebei_tui.domain.parsing.money import format_money
from jiebei_tui.i18n import _, tr
from jiebei_tui.ui.common.context import WithServices
from jiebei_tui.ui.common.keys import key_label
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

    def refresh_data(self) -> None:
        services = self.services
        today = services.clock().date()
        found = services.calls.open_commitments(since=today - timedelta(days=RECENT_DAYS))
        lines: list[Content] = [Content.styled(_("Commitments from calls"), "bold $text-primary")]
        if not found:
            lines.append(Content.styled(_("No open commitments. Lines you mark 诺: during a call appear here."), "$text-muted"))
        for commitment, record in found[:MAX_SHOWN]:
            parts: list[Content | str] = ["• ", _due(commitment, today)]
            if commitment.amount is not None:
                parts += ["  ", format_money(commitment.amount)]
            parts += ["  ", plain(commitment.text)]
            who = " · ".join(plain(value).plain for value in (record.collector, record.identity.institution.value) if value)
            if who:
                parts += ["  ", Content.styled(tr("({who})", who=who), "$text-muted")]
            lines.append(Content.assemble(*parts))
        if len(found) > MAX_SHOWN:
            more = tr("and {count} more in History (Calls, {key})", count=len(found) - MAX_SHOWN, key=key_label("history"))
            lines.append(Content.styled(more, "$text-muted"))
        self.update(Content("\n").join(lines))
