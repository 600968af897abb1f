"""The self-check result: the verdict and its next step first, then every figure.

Each figure row opens "how was this computed" (Enter). What is at stake
comes only from ``facts.py``, each fact with its source; the crisis verdict
also says where to get help, using only the complaint channels listed there.
"""

from __future__ import annotations

from datetime import datetime

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from jiebei_tui.domain.facts import COMPLAINT_CHANNELS, SOURCE_COMPLAINT_REPORTS, fact
from jiebei_tui.domain.parsing.money import format_money
from jiebei_tui.domain.selfcheck import NEXT_PLAN_BUILDER, Assessment, VerdictKind
from jiebei_tui.domain.text_safety import sanitize_inline
from jiebei_tui.i18n import N_, _, tr
from jiebei_tui.ui.common.bullets import BulletList
from jiebei_tui.ui.common.keys import key_label
from jiebei_tui.ui.common.paragraph import Paragraph
from jiebei_tui.ui.selfcheck.widgets.figures import FigureLine, figure_lines

NEXT_LABELS = {
    NEXT_PLAN_BUILDER: N_("Next: build a plan (Enter)"),
}
NEXT_CALL_LABEL = N_("Next: prepare the call (Enter)")
SOURCE_LINE = N_("Based on: {source}")


def at_stake_items(assessment: Assessment) -> list[str]:
    """Each relevant fact in plain words, with its source (facts.py only)."""
    if not assessment.at_stake:
        return [_("Nothing is overdue on a credit loan in what you entered.")]
    return [
        f"{_(fact(key).statement)}\n{tr(SOURCE_LINE, source=_(fact(key).source))}" for key in assessment.at_stake
    ]


def help_items() -> list[str]:
    """Who to talk to when essentials exceed income: the listed channels, each with what it is for, and generic advice."""
    channels = "\n".join(
        [_("What each number is for:")]
        + [tr("{number}: {purpose}", number=channel.number, purpose=_(channel.purpose)) for channel in COMPLAINT_CHANNELS]
    )
    return [
        _("Tell your lenders early, through their app or official customer service, with these numbers."),
        f"{channels}\n{tr(SOURCE_LINE, source=_(SOURCE_COMPLAINT_REPORTS))}",
        _(
            "If it feels like too much, talk to someone you trust, or to a qualified legal or financial adviser. "
            "Never pay anyone a fee to negotiate for you, and never pay into a personal account."
        ),
    ]


def priority_items(assessment: Assessment) -> list[str]:
    if not assessment.priorities:
        return [_("Nothing to order: no essentials or payments entered.")]
    lines = []
    for item in assessment.priorities:
        line = f"{tr(item.label, **item.params)} · {format_money(item.amount)}"
        if item.detail:
            line += tr(" ({detail})", detail=tr(item.detail, **item.params))
        lines.append(line)
    return lines


def waiting_text(assessment: Assessment) -> str:
    if assessment.total_cost_per_day.value <= 0:
        return ""
    return tr(
        "Each day of waiting costs about {per_day}; in 30 days, {next_30}.",
        per_day=format_money(assessment.total_cost_per_day.value),
        next_30=format_money(assessment.total_cost_next_30_days.value),
    )


def figure_row(line: FigureLine) -> Table:
    """Label on the left (it wraps on narrow screens), the value on the right, never cut."""
    grid = Table.grid(expand=True, padding=(0, 1))
    grid.add_column(ratio=1, overflow="fold")
    grid.add_column(justify="right", no_wrap=True)
    grid.add_row(Text(sanitize_inline(line.label)), Text(line.value))  # a debt's name is in the label: never markup
    return grid


class SelfCheckResults(Vertical):
    """Shows one assessment; empty until the first self-check is saved."""

    def __init__(self, assessment: Assessment | None = None, taken_at: datetime | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.assessment = assessment
        self.taken_at = taken_at
        self.lines: list[FigureLine] = []

    def compose(self) -> ComposeResult:
        yield Static(_("Your result"), classes="panel-title")
        yield Static(tr("{key}: back to your numbers.", key=key_label("view")), classes="sc-section-hint sc-narrow-only")
        yield Static(
            tr("Your result appears here once you save the self-check with {key}.", key=key_label("save")),
            id="sc-result-empty",
            classes="sc-section-hint",
        )
        with Vertical(id="sc-result-body"):
            yield Static(id="sc-result-when", classes="sc-section-hint")
            with Vertical(id="sc-verdict"):
                yield Paragraph(id="sc-verdict-headline")
                yield Paragraph(id="sc-verdict-text")
                yield Paragraph(id="sc-waiting")
                yield Button("", id="sc-next", variant="primary")
            with Vertical(id="sc-help"):
                yield Static(_("Who to talk to, and where to complain"), classes="panel-title")
                yield BulletList(help_items(), id="sc-help-text")
            yield Static(_("Your numbers"), classes="panel-title")
            yield Static(_("Enter on a line shows how it was computed."), classes="sc-section-hint")
            yield OptionList(id="sc-figures")
            yield Static(_("If money is tight, pay in this order"), classes="panel-title")
            yield Static(
                _(
                    "Living essentials first (CFPB, Your Money, Your Goals). Then, as this app suggests, the overdue "
                    "debt that costs most each day."
                ),
                classes="sc-section-hint",
            )
            yield BulletList(numbered=True, id="sc-priorities")
            yield Static(_("What is at stake"), classes="panel-title")
            yield BulletList(id="sc-stakes")

    def on_mount(self) -> None:
        self._fill()

    def show(self, assessment: Assessment, taken_at: datetime | None) -> None:
        self.assessment = assessment
        self.taken_at = taken_at
        self._fill()

    def line(self, key: str) -> FigureLine | None:
        return next((line for line in self.lines if line.key == key), None)

    def current_line(self) -> FigureLine | None:
        """The figure under the table's cursor (the verdict when nothing was picked)."""
        if not self.lines:
            return None
        highlighted = self.query_one("#sc-figures", OptionList).highlighted
        return self.lines[min(max(highlighted or 0, 0), len(self.lines) - 1)]

    def _fill(self) -> None:
        assessment = self.assessment
        self.set_class(assessment is None, "-empty")
        if assessment is None:
            self.lines = []
            return
        verdict = assessment.verdict
        when = self.taken_at.date().isoformat() if self.taken_at else assessment.today.isoformat()
        self.query_one("#sc-result-when", Static).update(
            tr(
                "From your self-check of {date}. Change a number and press {key} again to update it.",
                date=when,
                key=key_label("save"),
            )
        )
        self.query_one("#sc-verdict-headline", Paragraph).update(verdict.headline.text())
        self.query_one("#sc-verdict-text", Paragraph).update(verdict.explanation.text())
        waiting = waiting_text(assessment)
        self.query_one("#sc-waiting", Paragraph).update(waiting)
        self.query_one("#sc-waiting", Paragraph).display = bool(waiting)
        label = NEXT_LABELS.get(verdict.next_step, NEXT_CALL_LABEL)
        self.query_one("#sc-next", Button).label = _(label)
        self.query_one("#sc-help").display = verdict.kind is VerdictKind.CRISIS
        self.set_class(verdict.kind is VerdictKind.CRISIS, "-crisis")
        self.lines = figure_lines(assessment)
        figures = self.query_one("#sc-figures", OptionList)
        figures.clear_options()
        figures.add_options([Option(figure_row(line), id=line.key) for line in self.lines])
        figures.highlighted = 0
        self.query_one("#sc-priorities", BulletList).set_items(priority_items(assessment))
        self.query_one("#sc-stakes", BulletList).set_items(at_stake_items(assessment))
