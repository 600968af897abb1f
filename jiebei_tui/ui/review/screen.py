"""Review: every plan with its status, progress, paid against remaining and the next due; open one, compare
two, export one; and the advice of the seeds on looking back.

Reads only the plans' summaries (two small files) to list them; a plan's own file
is read when it is opened, compared or exported. Enter opens the highlighted plan,
Space chooses it for comparing (two at a time), x writes it as Markdown and its
instalments as a calendar.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, OptionList, Static
from textual.widgets.option_list import Option

from jiebei_tui.areas import area
from jiebei_tui.domain.parsing.money import format_money
from jiebei_tui.domain.plans import PlanFigures, compare_plans
from jiebei_tui.i18n import N_, _, tr
from jiebei_tui.services import PlanSummary
from jiebei_tui.ui.common.guidance import GuidancePanel
from jiebei_tui.ui.common.keys import bind, key_label
from jiebei_tui.ui.common.text import plain
from jiebei_tui.ui.plans import PLANS_CSS, PlanScreen, signed
from jiebei_tui.ui.shell.base import AreaScreen

BAR_WIDTH = 10
DONE, LEFT = "▰", "▱"  # not East-Asian ambiguous width: one cell in every terminal


def bar(fraction: float) -> str:
    filled = round(max(0.0, min(1.0, fraction)) * BAR_WIDTH)
    return DONE * filled + LEFT * (BAR_WIDTH - filled)


def review_prompt(summary: PlanSummary, today_iso: str, chosen: bool) -> Content:
    """Status, title and the next due on the first line (as the Plans list has them), progress below:
    at 80 columns a progress line with the next due too would leave its amount alone on a third line."""
    mark = "✔ " if chosen else "  "
    parts: list[Content | str] = [mark, Content.styled(_(summary.status.label), "bold"), "  ", plain(summary.title)]
    upcoming = summary.next_due
    if upcoming is not None:
        late = upcoming.due.isoformat() < today_iso
        text = tr("next {amount} on {date}", amount=format_money(upcoming.left), date=upcoming.due.isoformat())
        parts += ["  ", Content.styled(text + (" " + _("(overdue)") if late else ""),
                                       "bold $text-warning" if late else "$text-muted")]
    elif summary.problem:
        parts += ["  ", Content.styled(_("(its numbers no longer read; open it to check)"), "$text-warning")]
    if summary.count:
        parts += ["\n    ", bar(summary.fraction), "  ",
                  tr("paid {paid}, {remaining} left", paid=format_money(summary.paid),
                     remaining=format_money(summary.remaining))]
    return Content.assemble(*parts)


class ReviewScreen(AreaScreen):
    AREA = "review"
    CSS_PATH = PLANS_CSS
    AUTO_FOCUS = "#review-list"
    BINDINGS = [
        bind("choose", "choose", N_("Compare"), id="review.choose", keys="space",
             tooltip=N_("Choose two plans to compare")),
        bind("export", "export", N_("Export"), id="review.export", keys="x",
             tooltip=N_("The highlighted plan as Markdown and its instalments as a calendar")),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.chosen: list[str] = []
        self.summaries: list[PlanSummary] = []

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(classes="area-body"):
            yield Static(_(area(self.AREA).purpose), classes="area-purpose")
            yield Static("", id="review-intro", classes="plans-note")
            yield OptionList(id="review-list")
            yield Static("", id="review-compare-title", classes="panel-title")
            yield DataTable(id="review-compare", cursor_type="row", zebra_stripes=True)
            yield GuidancePanel(self.AREA, classes="guidance")

    def refresh_data(self) -> None:
        plans = self.services.plans
        self.summaries = plans.summaries()
        known = {s.id for s in self.summaries}
        self.chosen = [plan_id for plan_id in self.chosen if plan_id in known]
        self._show_list()
        self.query_one("#review-intro", Static).update(
            tr("Enter opens a plan, Space chooses two to compare, x exports one (Markdown and calendar). "
               "New plans are made in Plans ({key}).", key=key_label("area.plans"))
            if self.summaries else
            tr("No plans yet. Make one in Plans ({key}): from your self-check, compared with doing nothing.",
               key=key_label("area.plans"))
        )
        self._show_comparison()

    def _show_list(self) -> None:
        listing = self.query_one("#review-list", OptionList)
        highlighted = listing.highlighted
        today = self.services.clock().date().isoformat()
        listing.clear_options()
        listing.add_options([Option(review_prompt(s, today, s.id in self.chosen), id=s.id) for s in self.summaries])
        listing.display = bool(self.summaries)
        if self.summaries:
            listing.highlighted = min(highlighted or 0, len(self.summaries) - 1)
            if self.focused is None or self.focused is self.query_one(".area-body"):
                self.set_focus(listing)

    def _highlighted(self) -> str | None:
        listing = self.query_one("#review-list", OptionList)
        option = listing.highlighted_option
        return option.id if option is not None else None

    @on(OptionList.OptionSelected, "#review-list")
    def _open(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.app.push_screen(PlanScreen(event.option.id))

    def action_choose(self) -> None:
        plan_id = self._highlighted()
        if plan_id is None:
            return
        if plan_id in self.chosen:
            self.chosen.remove(plan_id)
        else:
            self.chosen = [*self.chosen, plan_id][-2:]
        self._show_list()
        self._show_comparison()

    def _show_comparison(self) -> None:
        title = self.query_one("#review-compare-title", Static)
        table: DataTable[Text] = self.query_one("#review-compare", DataTable)
        table.clear(columns=True)
        if len(self.chosen) < 2:
            title.update(_("Space on two plans puts them side by side.") if len(self.summaries) > 1 else "")
            table.display = False
            return
        first, second = (self.services.plans.get(plan_id) for plan_id in self.chosen)
        if first is None or second is None:
            table.display = False
            return
        comparison = compare_plans(first, second, self.services.clock().date())
        title.update(_("Two plans side by side"))
        table.display = True
        for column in ("", first.title, second.title, _("Difference")):
            table.add_column(Text(column))
        rows: list[tuple[str, str, str, str]] = []

        def money(name: str, attribute: str, difference: object | None = None) -> None:
            a: PlanFigures = comparison.first
            b: PlanFigures = comparison.second
            left, right = getattr(a, attribute), getattr(b, attribute)
            rows.append((name, format_money(left), format_money(right),
                         signed(right - left) if difference is None else str(difference)))

        rows.append((_("Status"), _(comparison.first.status.label), _(comparison.second.status.label), ""))
        rows.append((_("Instalments"), str(comparison.first.instalments), str(comparison.second.instalments),
                     f"{comparison.second.instalments - comparison.first.instalments:+d}"))
        money(_("Usual payment"), "regular_payment")
        money(_("Largest payment"), "largest_payment")
        money(_("Paid in all"), "total")
        money(_("Interest and penalty"), "cost")
        days = comparison.payoff_days_difference
        shift = "" if days is None else format(days, "+d")
        rows.append((_("Paid off on"), _date(comparison.first.payoff_date), _date(comparison.second.payoff_date),
                     tr("{days} days", days=shift) if shift else ""))
        money(_("Paid so far"), "paid")
        money(_("Left to pay"), "remaining")
        for name, left, right, difference in rows:
            table.add_row(Text(name), Text(left, justify="right"), Text(right, justify="right"),
                          Text(difference, justify="right", style="bold"))

    def action_export(self) -> None:
        plan_id = self._highlighted()
        plan = self.services.plans.get(plan_id) if plan_id else None
        if plan is None:
            return
        markdown, calendar = self.services.plans.export(plan, Path.home())
        written = str(markdown) if calendar is None else f"{markdown}\n{calendar}"
        self.notify(tr("Written (only you can read them):\n{paths}", paths=written), title=_("Exported"), timeout=8)


def _date(day: object) -> str:
    return day.isoformat() if hasattr(day, "isoformat") else "—"
