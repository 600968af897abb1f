"""The plan builder's rows: which field, its label and hint, and the widget that edits it.

Keys: ``title``, ``start``, a debt field (``principal``...), ``money-<field>``,
``o-<field>`` for the option being edited, ``wait`` and ``wait_unit``. The
screen reads and writes the form through :func:`get_value` / :func:`set_value`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from textual.widget import Widget
from textual.widgets import Checkbox, Input, Select, TextArea

from jiebei_tui.domain.plans import OptionKind, PenaltyHandling
from jiebei_tui.i18n import N_, _
from jiebei_tui.ui.common.inputs import InOrderInput, InOrderSelect
from jiebei_tui.ui.plans.form import KIND_FIELDS, KINDS, RATE_BASES, WAIT_UNITS
from jiebei_tui.ui.plans.widgets import PlanField

# key -> (label, hint, placeholder)
DEBT_ROWS: dict[str, tuple[str, str, str]] = {
    "title": (N_("Name of this plan"), N_("Only for you, e.g. 借呗 12 months"), ""),
    "start": (N_("Plan starts"), N_("Usually today: figures are counted from this day"), "2026-11-23"),
    "name": (N_("Debt"), N_("Which loan, e.g. 借呗"), ""),
    "lender": (N_("Lender"), N_("As shown on the loan page; the script names it"), ""),
    "principal": (N_("Principal to repay"), N_("All principal still owed, overdue part included"), "20000"),
    "overdue_principal": (N_("Of which overdue"), N_("Principal past its due date"), "0"),
    "accrued": (N_("Penalty and interest owed"), N_("Owed and unpaid on the start day"), "0"),
    "daily_rate": (N_("Daily rate"), N_("From the loan page, e.g. 0.05%"), "0.05%"),
    "multiplier": (N_("Penalty multiplier"), N_("From your loan contract (借款合同); 1 if none is stated"), "1"),
    "days_overdue": (N_("Days overdue"), N_("As the loan page shows"), "0"),
    "due_day": (N_("Due day"), N_("Day of the month payments fall due"), "15"),
}
MONEY_ROWS: dict[str, tuple[str, str, str]] = {
    "income": (N_("Income a month"), "", ""),
    "essentials": (N_("Essentials a month"), N_("Rent, food, transport, bills"), ""),
    "other_fixed": (N_("Other fixed costs"), "", ""),
    "debt_payments": (N_("Debt payments a month"), N_("This debt's own included: the plan replaces it"), ""),
    "savings": (N_("Usable savings"), N_("For a single payment"), ""),
}
OPTION_ROWS: dict[str, tuple[str, str, str]] = {
    "months": (N_("Instalments"), N_("How many months, 1 to 120"), "12"),
    "rate": (N_("Rate"), "", ""),
    "first_due": (N_("First payment on"), N_("Empty: the first due day a week or more away"), ""),
    "due_day": (N_("Due day"), N_("Empty: the debt's own due day"), ""),
    "payment": (N_("Amount each month"), N_("The payment must cover each month's interest"), "1500"),
    "days": (N_("Defer by (days)"), N_("Up to 365 days; penalty keeps accruing meanwhile"), "30"),
    "pay_on": (N_("Pay on"), N_("Empty: the plan's start day"), ""),
    "multiplier": (N_("Penalty multiplier meanwhile"), N_("Empty: the debt's own"), ""),
    "penalty": (N_("Penalty as offered"), N_("The lender's figure; 0 if waived. Empty: what has accrued"), ""),
    "instalments": (N_("Instalments as offered"), N_("One a line: a date and an amount"), ""),
}


def _input(key: str, value: str, placeholder: str = "") -> InOrderInput:
    return InOrderInput(value=value, placeholder=placeholder, id=f"pl-{key}", compact=True, classes="pl-input")


def kind_choices() -> list[tuple[str, str]]:
    return [(_(kind.label), kind.value) for kind in KINDS]


def debt_rows(form: dict[str, Any]) -> Iterator[PlanField]:
    for key, (label, hint, placeholder) in DEBT_ROWS.items():
        value = form.get(key, "") if key in ("title", "start") else form["debt"].get(key, "")
        yield PlanField(key, _(label), _input(key, str(value), placeholder), _(hint) if hint else "")


def money_rows(form: dict[str, Any]) -> Iterator[PlanField]:
    for key, (label, hint, _placeholder) in MONEY_ROWS.items():
        yield PlanField(f"money-{key}", _(label), _input(f"money-{key}", str(form["money"].get(key, ""))),
                        _(hint) if hint else "")


def option_rows(option: dict[str, Any]) -> Iterator[PlanField]:
    yield PlanField(
        "o-kind", _("Kind"),
        InOrderSelect(kind_choices(), value=option["kind"], allow_blank=False, compact=True, id="pl-o-kind", classes="pl-select"),
    )
    for key, (label, hint, placeholder) in OPTION_ROWS.items():
        widget: Widget
        if key == "instalments":
            widget = TextArea(str(option.get(key, "")), id="pl-o-instalments", classes="pl-area", soft_wrap=False)
        else:
            widget = _input(f"o-{key}", str(option.get(key, "")), placeholder)
        yield PlanField(f"o-{key}", _(label), widget, _(hint) if hint else "")
        if key == "rate":
            yield PlanField(
                "o-rate_basis", _("The rate is"),
                InOrderSelect([(_(text), value) for value, text in RATE_BASES.items()], value=option["rate_basis"],
                       allow_blank=False, compact=True, id="pl-o-rate_basis", classes="pl-select"),
                _("Say which: contracts differ (÷365 or ÷360)"),
            )
    yield PlanField(
        "o-penalty_handling", _("Penalty owed at the start"),
        InOrderSelect([(_(item.label), item.value) for item in PenaltyHandling], value=option["penalty_handling"],
               allow_blank=False, compact=True, id="pl-o-penalty_handling", classes="pl-select"),
    )
    yield PlanField("o-interest_stopped", "", Checkbox(_("The lender stops interest"), bool(option["interest_stopped"]),
                                                        id="pl-o-interest_stopped", compact=True))
    yield PlanField("o-lender", "", Checkbox(_("These are the lender's terms"), bool(option["lender"]),
                                             id="pl-o-lender", compact=True))


def wait_rows(form: dict[str, Any]) -> Iterator[PlanField]:
    yield PlanField("wait", _("Do nothing for"), _input("wait", str(form.get("wait", "")), "90"))
    yield PlanField(
        "wait_unit", "",
        InOrderSelect([(_(text), value) for value, text in WAIT_UNITS.items()], value=form.get("wait_unit", "days"),
               allow_blank=False, compact=True, id="pl-wait_unit", classes="pl-select"),
    )


def widget_value(widget: Widget) -> Any:
    if isinstance(widget, Input):
        return widget.value
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, Checkbox):
        return widget.value
    if isinstance(widget, Select):
        return widget.value
    return None


def set_widget(widget: Widget, value: Any) -> None:
    """Show ``value`` without moving the cursor of a field already showing it."""
    if isinstance(widget, Input):
        if widget.value != str(value):
            widget.value = str(value)
    elif isinstance(widget, TextArea):
        if widget.text != str(value):
            widget.load_text(str(value))
    elif isinstance(widget, Checkbox):
        widget.value = bool(value)
    elif isinstance(widget, Select):
        widget.value = value


def get_value(form: dict[str, Any], key: str) -> Any:
    if key in ("title", "start", "wait", "wait_unit"):
        return form.get(key, "")
    if key.startswith("money-"):
        return form["money"].get(key.removeprefix("money-"), "")
    if key.startswith("o-"):
        return form["options"][form["chosen"]].get(key.removeprefix("o-"), "")
    return form["debt"].get(key, "")


def set_value(form: dict[str, Any], key: str, value: Any) -> None:
    if key in ("title", "start", "wait", "wait_unit"):
        form[key] = value
    elif key.startswith("money-"):
        form["money"][key.removeprefix("money-")] = value
    elif key.startswith("o-"):
        form["options"][form["chosen"]][key.removeprefix("o-")] = value
    else:
        form["debt"][key] = value


def problem_key(form: dict[str, Any], key: str) -> str:
    """Where :func:`read_form` files the problem of row ``key``."""
    if key.startswith("o-"):
        return f"opt{form['chosen']}-{key.removeprefix('o-')}"
    return key


def shown_option_rows(kind: OptionKind) -> set[str]:
    used = set(KIND_FIELDS.get(kind, ()))
    rows = {f"o-{name}" for name in used} | {"o-kind", "o-lender"}
    if "rate" in used:
        rows.add("o-rate_basis")
    return rows
