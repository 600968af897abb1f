"""The steps of a plan's life, each a small form: proposed (when, how), agreed (the terms as agreed, who,
when, the reference), a payment (when, how much, how), completed or abandoned (a note).

Ctrl+S saves; a field that does not read gets its message beside it and nothing is
saved; Esc, q (outside a text field) or Close leaves without saving.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Select, Static

from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.parsing.money import format_plain_number, parse_money
from jiebei_tui.domain.plans import (
    Agreement,
    Channel,
    OptionKind,
    PaymentMethod,
    Plan,
    Proposed,
    checks,
    option_problems,
)
from jiebei_tui.domain.plans.lifecycle import MSG_PAYMENT_IN_FUTURE
from jiebei_tui.i18n import N_, _, pgettext, tr
from jiebei_tui.ui.common.dialog import Dialog
from jiebei_tui.ui.common.inputs import InOrderInput, InOrderSelect
from jiebei_tui.ui.common.keys import bind, key_label
from jiebei_tui.ui.plans import fields
from jiebei_tui.ui.plans.builder import PLANS_CSS
from jiebei_tui.ui.plans.form import ReadForm, option_fields, parse_plan_date, read_option
from jiebei_tui.ui.plans.widgets import PlanField


def _input(key: str, value: str = "", placeholder: str = "") -> InOrderInput:
    return InOrderInput(value=value, placeholder=placeholder, id=f"pl-{key}", compact=True, classes="pl-input")


class StepDialog(Dialog[Any]):
    """A form over the plan screen; ``save`` returns True when it saved (the dialog then closes)."""

    CSS_PATH = PLANS_CSS
    CLOSE_BUTTON = "pl-step-close"
    SAVE_LABEL: ClassVar[str] = N_("Save")
    BINDINGS = [bind("save", "save", N_("Save"), id="plans.step.save")]

    def __init__(self, plan: Plan) -> None:
        super().__init__()
        self.plan = plan

    def hint_text(self) -> str:
        return tr("{save} saves; Esc or Close leaves without saving.", save=key_label("save"))

    def compose_buttons(self) -> ComposeResult:
        with Horizontal(id="plans-actions"):
            yield Button(tr("{label} ({key})", label=_(self.SAVE_LABEL), key=key_label("save")), id="pl-step-save",
                         variant="primary")
            yield Button(_("Close"), id=self.CLOSE_BUTTON)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "pl-step-save":
            event.stop()
            self.action_save()
            return
        super().on_button_pressed(event)

    def today(self) -> date:
        return self.services.clock().date()

    def value(self, key: str) -> Any:
        return fields.widget_value(self.query_one(f"#pl-{key}"))

    def show(self, problems: dict[str, InputError]) -> bool:
        """Messages beside the fields; True when there are none."""
        for row in self.query(PlanField):
            row.show(problems.get(row.key))
        first = next((row for row in self.query(PlanField) if row.key in problems), None)
        if first is not None:
            self.set_focus(first.field)
        return not problems

    def read(self, problems: dict[str, InputError], key: str, parse: Any) -> Any:
        try:
            return parse(str(self.value(key)))
        except InputError as error:
            problems[key] = error
            return None

    def action_save(self) -> None:
        raise NotImplementedError


class ProposeDialog(StepDialog):
    DIALOG_ID = "pl-propose"
    TITLE = N_("Proposed to the lender")
    SAVE_LABEL = N_("Mark as proposed")

    def compose_body(self) -> ComposeResult:
        yield Static(_("Only through official channels: the lender's app or its official customer service."),
                     classes="plans-note")
        yield PlanField("on", _("Proposed on"), _input("on", self.today().isoformat()))
        yield PlanField("channel", _("How"), InOrderSelect([(_(c.label), c.value) for c in Channel], value=Channel.APP.value,
                                                     allow_blank=False, compact=True, id="pl-channel", classes="pl-select"))
        yield PlanField("note", pgettext("plan: field for a remark on a status change", "Note"), _input("note", "", _("what they said, optional")))

    def action_save(self) -> None:
        problems: dict[str, InputError] = {}
        day = self.read(problems, "on", lambda t: parse_plan_date(t, self.today()))
        if not self.show(problems):
            return
        proposed = Proposed(day, Channel(self.value("channel")), str(self.value("note")).strip())
        try:
            self.services.plans.propose(self.plan.id, proposed)
        except InputError as error:
            self.show({"on": error})
            return
        self.dismiss(True)


class AgreeDialog(StepDialog):
    """The terms as agreed start as the proposal; change what the lender changed."""

    DIALOG_ID = "pl-agree"
    TITLE = N_("Agreed with the lender")
    SAVE_LABEL = N_("Record the agreement")

    def __init__(self, plan: Plan) -> None:
        super().__init__(plan)
        self.option = option_fields(plan.option)
        self.form: dict[str, Any] = {"options": [self.option], "chosen": 0}

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(classes="pl-explain-body"):
            yield Static(_("Keep the lender's written confirmation with its reference number."), classes="plans-note")
            yield PlanField("agreed_on", _("Agreed on"), _input("agreed_on", self.today().isoformat()))
            yield PlanField("with_whom", _("With whom"), _input("with_whom", "", _("name and staff number")))
            yield PlanField("reference", _("Reference number"), _input("reference"))
            yield PlanField("note", pgettext("plan: field for a remark on a status change", "Note"), _input("note"))
            yield Static(_("The terms as agreed (they may differ from what you proposed)"), classes="panel-title")
            yield from fields.option_rows(self.option)

    def on_mount(self) -> None:
        self._show_kind()

    def _show_kind(self) -> None:
        shown = fields.shown_option_rows(OptionKind(self.option["kind"]))
        for row in self.query(PlanField):
            if row.key.startswith("o-"):
                row.display = row.key in shown

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "pl-o-kind":
            self.option["kind"] = event.value
            self._show_kind()

    def action_save(self) -> None:
        for row in self.query(PlanField):
            if row.key.startswith("o-"):
                fields.set_value(self.form, row.key, fields.widget_value(row.field))
        problems: dict[str, InputError] = {}
        day = self.read(problems, "agreed_on", lambda t: parse_plan_date(t, self.today()))
        read = ReadForm()
        terms = read_option(read, 0, self.option, self.today())
        problems.update({f"o-{key.removeprefix('opt0-')}": error for key, error in read.problems.items()})
        if not problems:
            for name, error in option_problems(terms, self.plan.position, self.plan.start).items():
                problems.setdefault(f"o-{name}" if f"o-{name}" in {r.key for r in self.query(PlanField)} else "o-kind",
                                    error)
        if not self.show(problems):
            return
        agreement = Agreement(terms, self.plan.start, day, str(self.value("with_whom")).strip(),
                              str(self.value("reference")).strip(), str(self.value("note")).strip())
        try:
            self.services.plans.agree(self.plan.id, agreement)
        except InputError as error:
            self.show({"o-kind": error})
            return
        self.dismiss(True)


class PaymentDialog(StepDialog):
    DIALOG_ID = "pl-payment"
    TITLE = N_("Record a payment")
    SAVE_LABEL = N_("Record the payment")

    def __init__(self, plan: Plan, amount: Decimal | None) -> None:
        super().__init__(plan)
        self.amount = amount

    def compose_body(self) -> ComposeResult:
        yield Static(_("Repay only in the lender's app or to the account shown there, never into a personal account."),
                     classes="plans-note")
        yield PlanField("paid_on", _("Paid on"), _input("paid_on", self.today().isoformat()))
        amount = "" if self.amount is None else format_plain_number(self.amount)
        yield PlanField("amount", _("Amount"), _input("amount", amount, "1500"))
        yield PlanField("method", _("How"), InOrderSelect([(_(m.label), m.value) for m in PaymentMethod],
                                                    value=PaymentMethod.APP.value, allow_blank=False, compact=True,
                                                    id="pl-method", classes="pl-select"))
        yield PlanField("note", pgettext("plan: field for a remark on a status change", "Note"), _input("note"))

    def action_save(self) -> None:
        problems: dict[str, InputError] = {}
        day = self.read(problems, "paid_on", lambda t: parse_plan_date(t, self.today()))
        amount = self.read(problems, "amount", parse_money)
        if not self.show(problems):
            return
        try:
            self.services.plans.record_payment(self.plan.id, day, amount, PaymentMethod(self.value("method")),
                                               str(self.value("note")).strip())
        except InputError as error:
            dated = error.message in (MSG_PAYMENT_IN_FUTURE, checks.MSG_DATE_BEFORE_START)
            self.show({"paid_on" if dated else "amount": error})
            return
        self.dismiss(True)


class FinishDialog(StepDialog):
    """Completed or abandoned, with a note; ``finish`` says which."""

    DIALOG_ID = "pl-finish"

    def __init__(self, plan: Plan, finish: str) -> None:
        super().__init__(plan)
        self.finish = finish

    def title_text(self) -> str:
        return _("Mark the plan as completed") if self.finish == "complete" else _("Abandon this plan")

    def compose_body(self) -> ComposeResult:
        text = (_("Every instalment is paid? Keep the lender's confirmation that the loan is settled.")
                if self.finish == "complete"
                else _("The plan stays in Review with its history; you can start a new plan at any time."))
        yield Static(text, classes="plans-note")
        yield PlanField("note", pgettext("plan: field for a remark on a status change", "Note"), _input("note", "", _("why, optional")))

    def compose_buttons(self) -> ComposeResult:
        label = _("Completed") if self.finish == "complete" else _("Abandon")
        with Horizontal(id="plans-actions"):
            yield Button(tr("{label} ({key})", label=label, key=key_label("save")), id="pl-step-save", variant="primary")
            yield Button(_("Close"), id=self.CLOSE_BUTTON)

    def action_save(self) -> None:
        note = str(self.value("note")).strip()
        try:
            if self.finish == "complete":
                self.services.plans.complete(self.plan.id, note)
            else:
                self.services.plans.abandon(self.plan.id, note)
        except InputError as error:
            self.show({"note": error})
            return
        self.dismiss(True)
