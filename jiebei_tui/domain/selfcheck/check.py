"""The whole self-check form checked: a :class:`SelfCheckInput`, or every problem beside its field.

Problems come in form order (debts, then money in and out), so the screen can move
to the first one; each is an :class:`InputError` for the field that shows it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Final

from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.parsing.rates import MSG_RATE_EMPTY
from jiebei_tui.domain.selfcheck.fields import (
    DEBT_FIELDS,
    ENTRY_SECTIONS,
    EntrySection,
    FieldPath,
    check_field,
    raw_text,
)
from jiebei_tui.domain.selfcheck.inputs import CashFlow, Debt, Entry, SelfCheckInput
from jiebei_tui.domain.selfcheck.kinds import DebtKind, EssentialCategory, RepaymentMethod
from jiebei_tui.domain.selfcheck.validate import validate_debt
from jiebei_tui.i18n import N_, tr

MSG_INCOME_REQUIRED = N_("Enter what comes in each month; type 0 if nothing does right now")
MSG_ESSENTIALS_REQUIRED = N_("Enter at least one essential cost; type 0 if there is none")
MSG_OUTSTANDING_REQUIRED = N_("Enter all principal not yet repaid, the overdue part included")

# Debt attributes (validate_debt's ``field``) to the form field that shows the message.
_DEBT_ATTRIBUTE_FIELDS: Final = {
    "name": "name",
    "outstanding_principal": "outstanding",
    "overdue_principal": "overdue",
    "monthly_payment": "payment",
    "overdue_since": "since",
    "days_overdue": "since",
    "daily_rate": "rate",
    "penalty_multiplier": "multiplier",
    "remaining_months": "months",
    "due_day": "due_day",
}


@dataclass
class Checked:
    """The outcome of checking the whole form: an input when nothing is wrong."""

    input: SelfCheckInput | None
    problems: dict[FieldPath, InputError]

    @property
    def first_problem(self) -> FieldPath | None:
        return next(iter(self.problems), None)


def _debt_is_blank(raw: Mapping[str, Any]) -> bool:
    return all(not raw_text(raw.get(spec.key)).strip() for spec in DEBT_FIELDS if spec.key not in ("name", "lender"))


def _check_debt(raw: Mapping[str, Any], today: date, problems: dict[FieldPath, InputError]) -> Debt | None:
    uid = raw_text(raw.get("uid"))
    values: dict[str, Any] = {}
    found = False
    for spec in DEBT_FIELDS:
        value, problem = check_field(spec.kind, raw_text(raw.get(spec.key)), today)
        if problem is not None:
            problems[("debts", uid, spec.key)] = problem
            found = True
        values[spec.key] = value
    kind = DebtKind(raw.get("kind", DebtKind.OTHER.value))
    overdue = values["overdue"] or Decimal(0)
    if overdue > 0 and values["outstanding"] is None and ("debts", uid, "outstanding") not in problems:
        problems[("debts", uid, "outstanding")] = InputError(MSG_OUTSTANDING_REQUIRED)
        found = True
    rate_blank = not raw_text(raw.get("rate")).strip()
    if overdue > 0 and rate_blank and kind is not DebtKind.FAMILY_FRIENDS:
        problems[("debts", uid, "rate")] = InputError(MSG_RATE_EMPTY)
        found = True
    if found:
        return None
    since = values["since"]
    debt = Debt(
        kind=kind,
        name=values["name"] or "",
        lender=values["lender"] or "",
        outstanding_principal=values["outstanding"] or Decimal("0.00"),
        overdue_principal=overdue,
        overdue_since=since if isinstance(since, date) else None,
        days_overdue=since if isinstance(since, int) else None,
        daily_rate=values["rate"] if values["rate"] is not None else Decimal(0),
        penalty_multiplier=values["multiplier"] if values["multiplier"] is not None else Decimal(1),
        repayment_method=RepaymentMethod(raw.get("method", RepaymentMethod.OTHER.value)),
        remaining_months=values["months"],
        monthly_payment=values["payment"] or Decimal("0.00"),
        due_day=values["due_day"],
    )
    errors = validate_debt(debt, today)
    for error in errors:
        path = ("debts", uid, _DEBT_ATTRIBUTE_FIELDS.get(error.field or "", "name"))
        problems.setdefault(path, error)
    return None if errors else debt


def _check_entries(
    form: Mapping[str, Any], section: EntrySection, today: date, problems: dict[FieldPath, InputError]
) -> tuple[tuple[Entry, ...], bool]:
    """(entries with an amount, whether any amount was filled in at all)."""
    entries: list[Entry] = []
    filled = False
    for number, raw in enumerate(form.get(section.key) or [], start=1):
        text = raw_text(raw.get("amount"))
        if not text.strip():
            continue
        filled = True
        value, problem = check_field("money", text, today)
        if problem is not None:
            problems[(section.key, raw_text(raw.get("uid")), "amount")] = problem
            continue
        label = raw_text(raw.get("label")).strip() or tr(section.default_label, number=number)
        entries.append(Entry(label, value))
    return tuple(entries), filled


def check_form(form: Mapping[str, Any], today: date) -> Checked:
    """Parse and check everything; problems are in form order (debts, then money in and out)."""
    problems: dict[FieldPath, InputError] = {}
    debts = []
    for raw in form.get("debts") or []:
        if _debt_is_blank(raw):
            continue
        debt = _check_debt(raw, today, problems)
        if debt is not None:
            debts.append(debt)
    sections = {section.key: _check_entries(form, section, today, problems) for section in ENTRY_SECTIONS}
    incomes, any_income = sections["incomes"]
    if not any_income:
        first = (form.get("incomes") or [{}])[0]
        problems[("incomes", raw_text(first.get("uid")), "amount")] = InputError(MSG_INCOME_REQUIRED)
    essentials: dict[EssentialCategory, Decimal] = {}
    raw_essentials = form.get("essentials") or {}
    for category in EssentialCategory:
        value, problem = check_field("money", raw_text(raw_essentials.get(category.value)), today)
        if problem is not None:
            problems[("essentials", category.value, "amount")] = problem
        elif value is not None:
            essentials[category] = value
    if not any(raw_text(raw_essentials.get(c.value)).strip() for c in EssentialCategory):
        problems.setdefault(("essentials", EssentialCategory.RENT.value, "amount"), InputError(MSG_ESSENTIALS_REQUIRED))
    ordered = _in_form_order(form, problems)
    if ordered:
        return Checked(None, ordered)
    cashflow = CashFlow(
        incomes=incomes,
        essentials=essentials,
        other_fixed=sections["other_fixed"][0],
        savings=sections["savings"][0],
    )
    return Checked(SelfCheckInput(tuple(debts), cashflow), {})


def field_paths(form: Mapping[str, Any]) -> list[FieldPath]:
    """Every field in the order the screen shows them."""
    paths: list[FieldPath] = []
    for raw in form.get("debts") or []:
        paths.extend(("debts", raw_text(raw.get("uid")), spec.key) for spec in DEBT_FIELDS)
    paths.extend(("incomes", raw_text(raw.get("uid")), "amount") for raw in form.get("incomes") or [])
    paths.extend(("essentials", category.value, "amount") for category in EssentialCategory)
    for key in ("other_fixed", "savings"):
        paths.extend((key, raw_text(raw.get("uid")), "amount") for raw in form.get(key) or [])
    return paths


def _in_form_order(form: Mapping[str, Any], problems: dict[FieldPath, InputError]) -> dict[FieldPath, InputError]:
    order = {path: index for index, path in enumerate(field_paths(form))}
    return dict(sorted(problems.items(), key=lambda item: order.get(item[0], len(order))))
