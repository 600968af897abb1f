"""The self-check form as plain data: raw text per field, kept exactly as typed.

Nothing typed is ever lost, and the draft is JSON: the form holds strings only and
is parsed when needed (:mod:`~jiebei_tui.domain.selfcheck.check`). Here it is
built, repaired from a draft, and filled from a saved self-check.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Final

from jiebei_tui.domain.parsing.money import round_fen
from jiebei_tui.domain.parsing.rates import format_multiplier, format_rate
from jiebei_tui.domain.selfcheck.fields import DEBT_FIELDS, ENTRY_SECTIONS, raw_text
from jiebei_tui.domain.selfcheck.inputs import SelfCheckInput
from jiebei_tui.domain.selfcheck.kinds import DebtKind, EssentialCategory, RepaymentMethod
from jiebei_tui.i18n import _

FORM_VERSION: Final = 1
DRAFT_KEY: Final = "selfcheck.form"  # the half-done form in app.drafts, until the self-check is saved

# Debts are offered in the order: Jiebei first, then Huabei, cards, other loans, family.
DEBT_KIND_ORDER: Final = tuple(DebtKind)


def _uid(form: dict[str, Any], prefix: str) -> str:
    number = int(form.get("next_uid", 1))
    form["next_uid"] = number + 1
    return f"{prefix}{number}"


def next_debt_kind(form: Mapping[str, Any]) -> DebtKind:
    """The first kind, in the issue's order, that the form does not have yet."""
    used = {debt.get("kind") for debt in form.get("debts", [])}
    for kind in DEBT_KIND_ORDER:
        if kind.value not in used and kind is not DebtKind.OTHER:
            return kind
    return DebtKind.OTHER


def add_debt(form: dict[str, Any], kind: DebtKind | None = None) -> dict[str, Any]:
    """A new debt named after its kind in the current language (the user may rename it)."""
    chosen = kind or next_debt_kind(form)
    debt: dict[str, Any] = {"uid": _uid(form, "d"), "kind": chosen.value, "method": RepaymentMethod.OTHER.value}
    debt.update({spec.key: "" for spec in DEBT_FIELDS})
    debt["name"] = _(chosen.label)
    form.setdefault("debts", []).append(debt)
    return debt


def add_entry(form: dict[str, Any], section: str) -> dict[str, Any]:
    entry: dict[str, Any] = {"uid": _uid(form, section[0]), "label": "", "amount": ""}
    form.setdefault(section, []).append(entry)
    return entry


def new_form() -> dict[str, Any]:
    """An empty form: one Jiebei debt and one line in each list."""
    form: dict[str, Any] = {"version": FORM_VERSION, "next_uid": 1, "debts": []}
    add_debt(form, DebtKind.JIEBEI)
    for section in ENTRY_SECTIONS:
        form[section.key] = []
        add_entry(form, section.key)
    form["essentials"] = {category.value: "" for category in EssentialCategory}
    return form


def normalize_form(data: Any) -> dict[str, Any] | None:
    """A draft read back from disk, repaired into a usable form; None if it is not one."""
    if not isinstance(data, Mapping) or data.get("version") != FORM_VERSION:
        return None
    form: dict[str, Any] = {"version": FORM_VERSION, "next_uid": 1, "debts": []}
    for raw in data.get("debts") or []:
        if not isinstance(raw, Mapping):
            continue
        kind = raw.get("kind") if raw.get("kind") in {k.value for k in DebtKind} else DebtKind.OTHER.value
        method = raw.get("method") if raw.get("method") in {m.value for m in RepaymentMethod} else "other"
        debt = {"uid": _uid(form, "d"), "kind": kind, "method": method}
        debt.update({spec.key: raw_text(raw.get(spec.key)) for spec in DEBT_FIELDS})
        form["debts"].append(debt)
    for section in ENTRY_SECTIONS:
        form[section.key] = []
        for raw in data.get(section.key) or []:
            if isinstance(raw, Mapping):
                entry = add_entry(form, section.key)
                entry["label"], entry["amount"] = raw_text(raw.get("label")), raw_text(raw.get("amount"))
        if not form[section.key]:
            add_entry(form, section.key)
    essentials = data.get("essentials")
    if not isinstance(essentials, Mapping):
        essentials = {}
    form["essentials"] = {category.value: raw_text(essentials.get(category.value)) for category in EssentialCategory}
    return form


def plain_amount(amount: Decimal) -> str:
    """An amount as someone would type it: ``25000`` or ``1234.50`` (no ¥, no commas)."""
    text = format(round_fen(amount), "f")
    return text[:-3] if text.endswith(".00") else text


def form_from_input(inp: SelfCheckInput) -> dict[str, Any]:
    """A form filled with a saved self-check, to start the next one from it."""
    form: dict[str, Any] = {"version": FORM_VERSION, "next_uid": 1, "debts": []}
    for debt in inp.debts:
        raw = add_debt(form, debt.kind)
        raw.update(
            {
                "method": debt.repayment_method.value,
                "name": debt.name,
                "lender": debt.lender,
                "outstanding": plain_amount(debt.outstanding_principal) if debt.outstanding_principal else "",
                "overdue": plain_amount(debt.overdue_principal) if debt.overdue_principal else "",
                "since": debt.overdue_since.isoformat()
                if debt.overdue_since
                else ("" if debt.days_overdue is None else str(debt.days_overdue)),
                "rate": format_rate(debt.daily_rate) if debt.daily_rate else ("0" if debt.overdue_principal else ""),
                "multiplier": "" if debt.penalty_multiplier == 1 else format_multiplier(debt.penalty_multiplier),
                "payment": plain_amount(debt.monthly_payment) if debt.monthly_payment else "",
                "due_day": "" if debt.due_day is None else str(debt.due_day),
                "months": "" if debt.remaining_months is None else str(debt.remaining_months),
            }
        )
    cash = inp.cashflow
    for section, entries in (("incomes", cash.incomes), ("other_fixed", cash.other_fixed), ("savings", cash.savings)):
        form[section] = []
        for item in entries:
            entry = add_entry(form, section)
            entry["label"], entry["amount"] = item.label, plain_amount(item.amount)
        if not form[section]:
            add_entry(form, section)
    form["essentials"] = {
        category.value: plain_amount(cash.essentials[category]) if category in cash.essentials else ""
        for category in EssentialCategory
    }
    return form


def clone(form: Mapping[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(dict(form))
