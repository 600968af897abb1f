"""Home's view of the self-check: the latest numbers and what each day of waiting costs.

Mounted by Home; ``refresh_data()`` re-reads through the services when
something was saved since it last did (Home calls it when it comes into view
and when data changes, right after the panel filled itself on mount). With no self-check yet it says, calmly, how to start.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from jiebei_tui.domain.parsing.money import format_money
from jiebei_tui.domain.selfcheck import DRAFT_KEY, assess, verdict_words
from jiebei_tui.i18n import _, tr
from jiebei_tui.ui.common.context import WithServices


class SelfCheckHomePanel(WithServices, Vertical):
    DEFAULT_CSS = """
    SelfCheckHomePanel {
        height: auto;
    }
    SelfCheckHomePanel #sc-home-body {
        height: auto;
    }
    """

    def __init__(self, *, id: str | None = "sc-home", classes: str | None = "panel") -> None:
        super().__init__(id=id, classes=classes)
        self._shown: object = None  # what the text was made from: nothing saved since, nothing to redo

    def compose(self) -> ComposeResult:
        yield Static(_("Your latest self-check"), classes="panel-title")
        yield Static("", id="sc-home-body")

    def on_mount(self) -> None:
        self.refresh_data()

    def refresh_data(self) -> None:
        """Show the latest numbers; skipped when nothing was saved since (Home asks again as it comes into view)."""
        services = self.services
        seen = (services.store.change_token(), services.drafts.get(DRAFT_KEY) is not None)
        if seen == self._shown:
            return
        self._shown = seen
        self.query_one("#sc-home-body", Static).update("\n".join(self.lines()))

    def lines(self) -> list[str]:
        services = self.services
        latest = services.selfchecks.latest()  # the newest only: the others are counted, not read
        has_draft = services.drafts.get(DRAFT_KEY) is not None
        if latest is None:
            if has_draft:
                return [_("You started a self-check. Press F3 to carry on where you left off; nothing was lost.")]
            return [
                _("No self-check yet."),
                _("When you are ready, press F3. It takes about five minutes with your loan page at hand, "
                  "and you can stop at any time: what you type is kept."),
            ]
        summary = latest.summary
        assessment = assess(latest.input, latest.day)
        lines = [
            tr("{date}: {verdict}", date=latest.day.isoformat(), verdict=verdict_words(summary.verdict, summary.months).text()),
            tr(
                "Total owed {owed}; overdue {overdue}",
                owed=format_money(summary.total_owed),
                overdue=format_money(summary.total_overdue),
            ),
            tr("Left over each month: {surplus}", surplus=format_money(summary.monthly_surplus)),
        ]
        if summary.daily_cost > 0:
            lines.append(
                tr(
                    "Each day of waiting costs about {per_day} ({next_30} in 30 days).",
                    per_day=format_money(summary.daily_cost),
                    next_30=format_money(assessment.total_cost_next_30_days.value),
                )
            )
        if has_draft:
            lines.append(_("You changed some numbers since; F3 to finish and save them."))
        else:
            lines.append(tr("F3 to update it · saved self-checks: {count}", count=services.selfchecks.count()))
        return lines
