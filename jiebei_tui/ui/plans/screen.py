"""The Plans area: your plans in progress, a new plan from the latest self-check, several debts on one budget,
and the advice of the seeds underneath.

Enter opens the highlighted plan; Ctrl+L starts a new one (from the latest
self-check, or typed by hand without one); Ctrl+B opens the budget over all
debts; Ctrl+O shows every plan, finished ones included, in Review.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from jiebei_tui.areas import area
from jiebei_tui.domain.parsing.money import format_money
from jiebei_tui.i18n import N_, _, tr
from jiebei_tui.services import PlanSummary
from jiebei_tui.ui.common.commitments import CommitmentsHomePanel
from jiebei_tui.ui.common.guidance import GuidancePanel
from jiebei_tui.ui.common.keys import bind, key_label
from jiebei_tui.ui.common.text import plain
from jiebei_tui.ui.plans.budget import BudgetScreen
from jiebei_tui.ui.plans.builder import PLANS_CSS, BuilderScreen
from jiebei_tui.ui.plans.form import DRAFT_KEY
from jiebei_tui.ui.plans.plan import PlanScreen
from jiebei_tui.ui.shell.base import AreaScreen


def summary_prompt(summary: PlanSummary) -> Content:
    """One plan in a list: status, title, and what comes next."""
    parts: list[Content | str] = [Content.styled(f"{_(summary.status.label)}", "bold"), "  ", plain(summary.title)]
    upcoming = summary.next_due
    if upcoming is not None:
        parts += ["  ", Content.styled(tr("next {amount} on {date}", amount=format_money(upcoming.left),
                                          date=upcoming.due.isoformat()), "$text-muted")]
    elif summary.count:
        parts += ["  ", Content.styled(tr("{count} instalments, {total}", count=summary.count,
                                          total=format_money(summary.scheduled)), "$text-muted")]
    return Content.assemble(*parts)


class PlansScreen(AreaScreen):
    AREA = "plans"
    CSS_PATH = PLANS_CSS
    AUTO_FOCUS = "#plans-list"
    BINDINGS = [
        bind("add", "new_plan", N_("New plan"), id="plans.new", tooltip=N_("From your latest self-check, all editable")),
        bind("view", "budget", N_("One budget"), id="plans.budget", tooltip=N_("Several debts under one monthly budget")),
        bind("history", "review", N_("All plans"), id="plans.review", tooltip=N_("Every plan, finished ones too (Review)")),
    ]

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(classes="area-body"):
            yield Static(_(area(self.AREA).purpose), classes="area-purpose")
            yield Static("", id="plans-start", classes="plans-note")
            with Horizontal(id="plans-actions"):
                yield Button(tr("New plan ({key})", key=key_label("add")), id="plans-new", variant="primary", compact=True)
                yield Button(tr("Several debts, one budget ({key})", key=key_label("view")), id="plans-budget",
                             compact=True)
            yield Static(_("Your plans"), classes="panel-title")
            yield OptionList(id="plans-list")
            yield Static("", id="plans-empty", classes="plans-note")
            # What was promised on the phone is part of the plan: Enter on one records it as a payment.
            yield CommitmentsHomePanel(id="plans-commitments", classes="panel")
            yield GuidancePanel(self.AREA, classes="guidance")

    def refresh_data(self) -> None:
        services = self.services
        summaries = services.plans.open_summaries()
        listing = self.query_one("#plans-list", OptionList)
        highlighted = listing.highlighted_option.id if listing.highlighted_option is not None else None
        listing.clear_options()
        listing.add_options([Option(summary_prompt(s), id=s.id) for s in summaries])
        listing.display = bool(summaries)
        if highlighted is not None and any(s.id == highlighted for s in summaries):
            listing.highlighted = next(i for i, s in enumerate(summaries) if s.id == highlighted)
        elif summaries:
            listing.highlighted = 0
        empty = self.query_one("#plans-empty", Static)
        empty.display = not summaries
        empty.update(tr("No plan in progress. {key} starts one; finished plans are in Review ({review}).",
                        key=key_label("add"), review=key_label("area.review")))
        latest = services.selfchecks.latest()
        start = (tr("A new plan starts from your self-check of {date}: its debts and what is left each month.",
                    date=latest.day.isoformat()) if latest is not None
                 else _("No self-check yet: a new plan starts with the figures you type from your loan page."))
        if services.drafts.get(DRAFT_KEY) is not None:
            start += " " + _("The plan you were building is kept.")
        self.query_one("#plans-start", Static).update(start)
        self.query_one(CommitmentsHomePanel).refresh_data()

    @on(OptionList.OptionSelected, "#plans-list")
    def _open(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.app.push_screen(PlanScreen(event.option.id))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "plans-new":
            self.action_new_plan()
        elif event.button.id == "plans-budget":
            self.action_budget()

    def action_new_plan(self) -> None:
        """The plan being built if there is one, else a fresh one from the latest self-check."""
        services = self.services
        point = services.plans.starting_point()
        draft = services.drafts.get(DRAFT_KEY)
        form = draft if isinstance(draft, dict) and draft.get("version") == 1 else None
        self.app.push_screen(BuilderScreen(point, form))

    def action_budget(self) -> None:
        self.app.push_screen(BudgetScreen(self.services.plans.starting_point()))

    def action_review(self) -> None:
        self.workbook.action_area("review")
