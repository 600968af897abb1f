"""Several debts, one monthly budget: avalanche, snowball or your own order, with one-off extras.

The debts come from the latest self-check (change them there); the budget starts
as what is left each month. Each strategy's cost and payoff date sit side by
side, then month by month what the chosen one pays. Nothing here is saved as a
plan: each debt is then planned on its own (the amounts here are a guide).
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Input, Select, Static, TextArea

from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.parsing.money import format_plain_number, parse_money
from jiebei_tui.domain.plans import BudgetPlan, Extra, StartingPoint, Strategy, budget_problems, plan_budget
from jiebei_tui.i18n import N_, _, tr
from jiebei_tui.ui.common.inputs import InOrderInput, InOrderSelect
from jiebei_tui.ui.common.keys import bind, key_label
from jiebei_tui.ui.common.text import plain
from jiebei_tui.ui.plans.builder import PLANS_CSS
from jiebei_tui.ui.plans.form import parse_instalments
from jiebei_tui.ui.plans.widgets import PlanField, money_cell
from jiebei_tui.ui.shell.base import SubScreen

DRAFT_KEY = "plans.budget"


class BudgetScreen(SubScreen):
    SUB_TITLE = N_("One budget for several debts")
    CSS_PATH = PLANS_CSS
    BINDINGS = [
        bind("done", "close", N_("Close"), id="plans.budget.done", tooltip=N_("Back to Plans; what you typed is kept")),
        bind("close", "close", N_("Back"), id="plans.budget.back", keys="escape", show=False),
    ]

    def __init__(self, point: StartingPoint) -> None:
        super().__init__()
        self.point = point
        default = point.default_budget()
        self._default_budget = "" if default is None else format_plain_number(default)

    def compose_body(self) -> ComposeResult:
        kept = self.services.drafts.get(DRAFT_KEY)
        form = kept if isinstance(kept, dict) else {}
        names = ", ".join(p.name or p.lender or "?" for p in self.point.positions)
        with VerticalScroll(classes="area-body"):
            yield Static(tr("Debts from your self-check: {names}. Change them in the Self-check ({key}).",
                            names=names or "—", key=key_label("area.selfcheck")), classes="plans-note")
            yield PlanField("budget", _("Budget a month"), InOrderInput(
                str(form.get("budget", self._default_budget)), id="pl-budget", compact=True, classes="pl-input"),
                _("Default: what is left each month, plus the debts' own payments"))
            yield PlanField("strategy", _("Which debt first"), InOrderSelect(
                [(_(s.label), s.value) for s in Strategy], value=str(form.get("strategy", Strategy.AVALANCHE.value)),
                allow_blank=False, compact=True, id="pl-strategy", classes="pl-select"))
            yield PlanField("order", _("Your order"), InOrderInput(
                str(form.get("order", "")), placeholder="2 1 3", id="pl-order", compact=True, classes="pl-input"),
                _("For your own order: the debts' numbers, first to last"))
            yield PlanField("extras", _("One-off extras"), TextArea(
                str(form.get("extras", "")), id="pl-extras", classes="pl-area"),
                _("One a line: a date and an amount, e.g. 2027-02-10 3000"))
            yield Static("", id="pl-budget-intro", classes="plans-note")
            yield DataTable(id="pl-strategies", cursor_type="row", zebra_stripes=True)
            yield Static("", id="pl-budget-alerts")
            yield Static(_("Month by month"), classes="panel-title")
            yield DataTable(id="pl-months", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        self._recompute()

    def _form(self) -> dict[str, Any]:
        return {
            "budget": self.query_one("#pl-budget", Input).value,
            "strategy": self.query_one("#pl-strategy", Select).value,
            "order": self.query_one("#pl-order", Input).value,
            "extras": self.query_one("#pl-extras", TextArea).text,
        }

    @on(Input.Changed)
    @on(Select.Changed)
    @on(TextArea.Changed)
    def _changed(self, _event: Any) -> None:
        self.services.drafts.set(DRAFT_KEY, self._form())
        self._recompute()

    def _recompute(self) -> None:
        form = self._form()
        today = self.services.clock().date()
        problems: dict[str, InputError] = {}
        positions = list(self.point.positions)
        budget = None
        try:
            budget = parse_money(form["budget"])
        except InputError as error:
            problems["budget"] = error
        extras: tuple[Extra, ...] = ()
        try:
            extras = tuple(Extra(item.due, item.amount) for item in parse_instalments(form["extras"], today))
        except InputError as error:
            problems["extras"] = error
        order = None
        strategy = Strategy(str(form["strategy"]))
        if strategy is Strategy.CUSTOM:
            try:
                order = [int(part) - 1 for part in form["order"].replace(",", " ").split()]
            except ValueError:
                order = []
        options: dict[str, Any] = {"extras": extras, "order": order}
        if budget is not None:
            for name, problem in budget_problems(positions, budget, strategy, self.point.start, **options).items():
                problems.setdefault(name.split("[")[0] if name.startswith("extras") else name, problem)
        for row in self.query(PlanField):
            row.show(problems.get(row.key))
        intro = self.query_one("#pl-budget-intro", Static)
        if problems or budget is None:
            keys = {row.key for row in self.query(PlanField)}
            other = [problem.text() for name, problem in problems.items() if name not in keys]
            intro.update(Content.styled("\n".join(other) or _("Fix the fields above to see the result."), "$text-warning"))
            self.query_one("#pl-strategies", DataTable).clear(columns=True)
            self.query_one("#pl-months", DataTable).clear(columns=True)
            return
        intro.update(tr("{count} debts, {budget} a month. Interest and penalty by strategy:",
                        count=len(positions), budget=format_plain_number(budget)))
        plans: dict[Strategy, BudgetPlan] = {}
        for each in Strategy:
            if each is Strategy.CUSTOM and order is None:
                continue
            plans[each] = plan_budget(positions, budget, each, self.point.start, extras=extras, order=order)
        self._show(plans, plans[strategy])

    def _show(self, plans: dict[Strategy, BudgetPlan], chosen: BudgetPlan) -> None:
        table: DataTable[Text] = self.query_one("#pl-strategies", DataTable)
        table.clear(columns=True)
        for column in (_("Strategy"), _("Interest and penalty"), _("Paid in all"), _("Months"), _("Paid off on")):
            table.add_column(column)
        for strategy, plan in plans.items():
            style = "bold" if plan is chosen else ""
            table.add_row(Text(_(strategy.label), style=style), money_cell(plan.total_cost, style),
                          money_cell(plan.total_paid, style), Text(str(len(plan.months)), justify="right"),
                          Text(plan.payoff_date.isoformat() if plan.payoff_date else "—", justify="right"))
        names = [p.name or p.lender or str(i + 1) for i, p in enumerate(self.point.positions)]
        order = tr("First month's order: {names}", names=" → ".join(names[i] for i in chosen.order))
        alerts = [Content.styled("⚑ " + a.message.render(_), "$text-warning") for a in chosen.alerts]
        self.query_one("#pl-budget-alerts", Static).update(Content("\n").join([plain(order), *alerts]))
        months: DataTable[Text] = self.query_one("#pl-months", DataTable)
        months.clear(columns=True)
        for column in (_("Due"), _("Paid"), _("Interest"), _("Penalty"), _("Still owed")):
            months.add_column(column)
        for month in chosen.months:
            months.add_row(Text(month.due.isoformat()), money_cell(month.paid), money_cell(month.interest),
                           money_cell(month.penalty), money_cell(month.owed_after))

    def action_close(self) -> None:
        self.dismiss()
