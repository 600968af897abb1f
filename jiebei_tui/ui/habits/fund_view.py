"""The emergency fund: a target of N months of essentials, what is there now, and how long at your saving.

The essentials come from the latest self-check until you change them; the
number of months is yours (3 unless you pick another). Ctrl+S saves the four
numbers; Ctrl+L puts money in or takes it out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Static

from jiebei_tui.domain.habits import (
    EmergencyFund,
    FundState,
    FundStatus,
    deposit,
    fund_status,
    set_current,
    set_essentials,
    set_saving,
    set_target_months,
    withdraw,
)
from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.parsing.money import format_money, format_plain_number
from jiebei_tui.i18n import N_, _, tr, trn
from jiebei_tui.ui.common.bar import bar
from jiebei_tui.ui.common.dialog import Dialog
from jiebei_tui.ui.common.inputs import InOrderInput
from jiebei_tui.ui.common.keys import bind, key_label
from jiebei_tui.ui.habits.pane import Pane, show_problem

# (field id, label msgid, setter, value of the saved fund)
FIELDS: tuple[tuple[str, str, Callable[[EmergencyFund, str], EmergencyFund], Callable[[EmergencyFund], str]], ...] = (
    ("months", N_("Months of essentials to aim for"), set_target_months, lambda fund: str(fund.target_months)),
    ("essentials", N_("Essentials each month"), set_essentials, lambda fund: format_plain_number(fund.monthly_essentials)),
    ("current", N_("In the fund now"), set_current, lambda fund: format_plain_number(fund.current)),
    ("saving", N_("You put in each month"), set_saving, lambda fund: format_plain_number(fund.monthly_saving)),
)


def status_lines(status: FundStatus) -> Content:
    if status.state is FundState.NO_TARGET:
        return Content.styled(_(status.state.label), "$text-muted")
    head = Content.assemble(
        bar(status.fraction, 24),
        "  ",
        tr("{current} of {target}", current=format_money(status.current), target=format_money(status.target)),
    )
    if status.state is FundState.ON_THE_WAY and status.months_to_target is not None:
        words = trn(
            "About {n} month to go at your monthly saving (around {month}).",
            "About {n} months to go at your monthly saving (around {month}).",
            status.months_to_target,
            month=status.reached_by or "",
        )
    else:
        words = _(status.state.label)
    return Content.assemble(head, "\n", words)


class FundPane(Pane):
    VIEW = "fund"
    KEYS = frozenset({"add", "save"})
    DRAFT = "habits.fund"

    def compose(self) -> ComposeResult:
        yield Static(_("A small cushion keeps one surprise bill from turning into a missed payment."), classes="habits-lead")
        for field, label, _setter, _value in FIELDS:
            with Horizontal(classes="fund-row"):
                yield Static(_(label), classes="fund-label")
                yield InOrderInput(id=f"fund-{field}", classes="fund-input", compact=True)
                yield Static("", id=f"fund-{field}-message", classes="field-message fund-message")
        yield Static("", id="fund-target")
        yield Static("", id="fund-status")
        yield Static(
            tr("{save} saves the numbers · {add} puts money in or takes it out", save=key_label("save"), add=key_label("add")),
            classes="habits-hint",
        )

    def focus_first(self) -> None:
        self.query_one("#fund-current", Input).focus()

    def refresh_data(self) -> None:
        fund = self.services.habits.fund()
        if self.services.drafts.get(self.DRAFT) is None:
            for field, _label, _setter, value in FIELDS:
                self.query_one(f"#fund-{field}", Input).value = value(fund)
        self.show_status(fund)

    def show_status(self, fund: EmergencyFund) -> None:
        target = tr(
            "Target: {months} × {essentials} = {target}",
            months=fund.target_months,
            essentials=format_money(fund.monthly_essentials),
            target=format_money(fund.target),
        )
        self.query_one("#fund-target", Static).update(Content.styled(target, "bold"))
        self.query_one("#fund-status", Static).update(status_lines(fund_status(fund, self.services.habits.today())))

    def typed(self) -> tuple[EmergencyFund | None, dict[str, InputError]]:
        fund = self.services.habits.fund()
        problems: dict[str, InputError] = {}
        for field, _label, setter, _value in FIELDS:
            try:
                fund = setter(fund, self.query_one(f"#fund-{field}", Input).value)
            except InputError as error:
                problems[field] = error
        return (None if problems else fund), problems

    def on_input_changed(self, _event: Input.Changed) -> None:
        self.keep_draft()
        fund, _problems = self.typed()
        if fund is not None:
            self.show_status(fund)  # a preview; nothing is saved until Ctrl+S

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.save()

    def save(self) -> None:
        fund, problems = self.typed()
        for field, _label, _setter, _value in FIELDS:
            show_problem(self.query_one(f"#fund-{field}-message", Static), problems.get(field))
        if fund is None:
            return
        self.services.habits.change_fund(lambda _saved: fund)
        self.drop_draft()
        self.app.notify(_("Emergency fund saved."))
        self.refresh_data()

    def draft_value(self) -> Any:
        return {field: self.query_one(f"#fund-{field}", Input).value for field, *_rest in FIELDS}

    def apply_draft(self, value: Any) -> None:
        if isinstance(value, dict):
            for field, *_rest in FIELDS:
                if isinstance(value.get(field), str):
                    self.query_one(f"#fund-{field}", Input).value = value[field]

    def add(self) -> None:
        self.app.push_screen(MoveMoneyDialog(), lambda _result: self.refresh_data())


class MoveMoneyDialog(Dialog[None]):
    """Money into the fund (Enter) or out of it (the button): for the kind of day it exists for."""

    DIALOG_ID = "fund-move-dialog"
    TITLE = N_("Money in or out of the fund")
    HINT = N_("Enter puts the amount in. Taking money out for a real emergency is what the fund is for. Esc or q closes.")
    CLOSE_BUTTON = "fund-move-close"
    AUTO_FOCUS = "#fund-move-amount"
    BINDINGS = [bind("save", "put_in", N_("Put in"), id="habits.fund.move.save")]

    def compose_body(self) -> ComposeResult:
        with Vertical():
            yield InOrderInput(placeholder=_("amount, e.g. 500"), id="fund-move-amount")
            yield Static("", id="fund-move-message", classes="field-message")

    def compose_buttons(self) -> ComposeResult:
        with Horizontal(classes="habits-dialog-buttons"):
            yield Button(_("Put in"), id="fund-move-in", variant="primary")
            yield Button(_("Take out"), id="fund-move-out")
            yield Button(_("Close"), id=self.CLOSE_BUTTON)

    def on_mount(self) -> None:
        self.query_one("#fund-move-message").display = False

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_put_in()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id in ("fund-move-in", "fund-move-out"):
            event.stop()
            self.move(deposit if event.button.id == "fund-move-in" else withdraw)
        else:
            super().on_button_pressed(event)

    def action_put_in(self) -> None:
        self.move(deposit)

    def move(self, change: Callable[[EmergencyFund, str], EmergencyFund]) -> None:
        text = self.query_one("#fund-move-amount", Input).value
        try:
            status = self.services.habits.change_fund(lambda fund: change(fund, text))
        except InputError as error:
            show_problem(self.query_one("#fund-move-message", Static), error)
            return
        self.services.drafts.discard(FundPane.DRAFT)  # the fund moved: the form shows it again
        self.app.notify(tr("The fund now holds {current}.", current=format_money(status.current)))
        self.dismiss(None)
