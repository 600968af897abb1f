"""The self-check form as plain data: raw text per field, parsed only when needed.

The form keeps exactly what the user typed (so nothing is ever lost, and the
draft is JSON), and turns it into a :class:`SelfCheckInput` plus a list of
problems, one per field, each an English message id with its parameters. No
Textual here, so the rules are tested without a screen.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Final

from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.parsing.money import format_money, parse_money, round_fen
from jiebei_tui.domain.parsing.numbers import parse_days, parse_due_day, parse_months
from jiebei_tui.domain.parsing.rates import (
    MSG_RATE_EMPTY,
    format_multiplier,
    format_rate,
    parse_daily_rate,
    parse_multiplier,
)
from jiebei_tui.domain.parsing.text import normalize_input
from jiebei_tui.domain.selfcheck.inputs import CashFlow, Debt, Entry, SelfCheckInput
from jiebei_tui.domain.selfcheck.kinds import (
    DEBT_KIND_LABELS,
    ESSENTIAL_LABELS,
    DebtKind,
    EssentialCategory,
    RepaymentMethod,
)
from jiebei_tui.domain.selfcheck.validate import MSG_DATE_IN_FUTURE, validate_debt
from jiebei_tui.i18n import N_, _, tr

FORM_VERSION: Final = 1
DRAFT_KEY: Final = "selfcheck.form"  # the half-done form in app.drafts, until the self-check is saved
MAX_DAYS_BACK: Final = 3650


@dataclass(frozen=True)
class FieldSpec:
    """One input of a debt: ``kind`` picks the parser, ``hint`` shows while nothing is wrong."""

    key: str
    label: str
    kind: str  # text, money, rate, multiplier, since, months, due_day
    hint: str | None = None
    placeholder: str = ""


DEBT_FIELDS: Final[tuple[FieldSpec, ...]] = (
    FieldSpec("name", N_("Name of the debt"), "text", N_("Your own name for it, e.g. 借呗 or a card's bank")),
    FieldSpec("lender", N_("Lender (放款机构)"), "text", N_("Copy it from the loan page; it names who lent the money")),
    FieldSpec("outstanding", N_("Principal not yet repaid"), "money", N_("All of it, the overdue part included")),
    FieldSpec("overdue", N_("Overdue principal"), "money", N_("From the loan page; 0 if nothing is overdue"), "0"),
    FieldSpec(
        "since", N_("Overdue since, or days overdue"), "since", N_("The missed due date, e.g. 2026-10-15, or days, e.g. 12")
    ),
    FieldSpec("rate", N_("Daily rate (日利率)"), "rate", N_("As printed on the loan page, e.g. 0.05% or 万分之五")),
    FieldSpec(
        "multiplier",
        N_("Penalty multiplier"),
        "multiplier",
        N_("Copy it from your loan contract (借款合同), e.g. 1.5. Empty means 1: no uplift"),
        "1",
    ),
    FieldSpec("payment", N_("Payment due each month"), "money", N_("What this debt asks for each month; 0 if nothing"), "0"),
    FieldSpec("due_day", N_("Due day of the month"), "due_day", N_("e.g. 15")),
    FieldSpec("months", N_("Months left to repay"), "months", N_("Remaining instalments, e.g. 12")),
)
DEBT_FIELD_BY_KEY: Final = {spec.key: spec for spec in DEBT_FIELDS}


def field_label(key: str) -> str:
    """A debt field's label in the current language (also used in explanations)."""
    return _(DEBT_FIELD_BY_KEY[key].label)

# Domain field names (validate_debt) to the form field that shows the message.
_DOMAIN_FIELDS: Final = {
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

# Debts are offered in the order: Jiebei first, then Huabei, cards, other loans, family.
DEBT_KIND_ORDER: Final = tuple(DebtKind)


@dataclass(frozen=True)
class EntrySection:
    """A list of labelled monthly amounts (incomes, other fixed payments, savings)."""

    key: str
    title: str
    hint: str
    label_placeholder: str
    default_label: str  # with {number}
    add_label: str


ENTRY_SECTIONS: Final[tuple[EntrySection, ...]] = (
    EntrySection(
        "incomes",
        N_("Money coming in each month"),
        N_("After tax: wages, side work, support you receive. Type 0 if nothing comes in right now."),
        N_("e.g. wages"),
        N_("Income {number}"),
        N_("Add another income"),
    ),
    EntrySection(
        "other_fixed",
        N_("Other fixed payments each month"),
        N_("Regular payments that are not debts: insurance, phone plan, school fees."),
        N_("e.g. insurance"),
        N_("Fixed payment {number}"),
        N_("Add another payment"),
    ),
    EntrySection(
        "savings",
        N_("Savings you could use now"),
        N_("Cash, bank balance, 余额宝: money not already needed for rent or food."),
        N_("e.g. bank balance"),
        N_("Savings {number}"),
        N_("Add more savings"),
    ),
)
ENTRY_SECTION_BY_KEY: Final = {section.key: section for section in ENTRY_SECTIONS}

ESSENTIALS_TITLE = N_("Essentials each month")
ESSENTIALS_HINT = N_("What keeps your life running. Leave a line empty if it does not apply.")

MSG_INCOME_REQUIRED = N_("Enter what comes in each month; type 0 if nothing does right now")
MSG_ESSENTIALS_REQUIRED = N_("Enter at least one essential cost; type 0 if there is none")
MSG_OUTSTANDING_REQUIRED = N_("Enter all principal not yet repaid, the overdue part included")
MSG_SINCE_FORMAT = N_("Enter the missed due date, e.g. 2026-10-15, or the days overdue, e.g. 12")
MSG_SINCE_NO_SUCH_DATE = N_("There is no such date; check the month and day")
MSG_SINCE_TOO_OLD = N_("That is more than ten years ago; check the year")

PREVIEW_RATE = N_("{rate} a day")
PREVIEW_DAYS = N_("{days} days overdue")
PREVIEW_DAYS_SINCE = N_("{days} days overdue, since {date}")
PREVIEW_DUE_DAY = N_("day {day} of each month")
PREVIEW_MONTHS = N_("{months} instalments left")


@dataclass(frozen=True)
class Problem:
    """A message for one field: an English msgid and its parameters."""

    message: str
    params: Mapping[str, str] = field(default_factory=dict)

    def text(self) -> str:
        return tr(self.message, **self.params)

    @classmethod
    def from_error(cls, error: InputError) -> Problem:
        return cls(error.message, dict(error.params))


# A field's address in the form: (section, uid, key). Essentials use (essentials, category, amount).
FieldPath = tuple[str, str, str]


def field_id(path: FieldPath) -> str:
    """A widget id for a field (ids allow letters, digits, - and _)."""
    return "sc-" + "-".join(path)


# ---- building and loading forms ---------------------------------------------------------------


def _uid(form: dict[str, Any], prefix: str) -> str:
    number = int(form.get("next_uid", 1))
    form["next_uid"] = number + 1
    return f"{prefix}{number}"


def kind_label(kind: DebtKind) -> str:
    return _(DEBT_KIND_LABELS[kind])


def next_debt_kind(form: Mapping[str, Any]) -> DebtKind:
    """The first kind, in the issue's order, that the form does not have yet."""
    used = {debt.get("kind") for debt in form.get("debts", [])}
    for kind in DEBT_KIND_ORDER:
        if kind.value not in used and kind is not DebtKind.OTHER:
            return kind
    return DebtKind.OTHER


def add_debt(form: dict[str, Any], kind: DebtKind | None = None) -> dict[str, Any]:
    chosen = kind or next_debt_kind(form)
    debt: dict[str, Any] = {"uid": _uid(form, "d"), "kind": chosen.value, "method": RepaymentMethod.OTHER.value}
    debt.update({spec.key: "" for spec in DEBT_FIELDS})
    debt["name"] = kind_label(chosen)
    form.setdefault("debts", []).append(debt)
    return debt


def add_entry(form: dict[str, Any], section: str) -> dict[str, Any]:
    entry = {"uid": _uid(form, section[0]), "label": "", "amount": ""}
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


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


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
        debt.update({spec.key: _text(raw.get(spec.key)) for spec in DEBT_FIELDS})
        form["debts"].append(debt)
    for section in ENTRY_SECTIONS:
        form[section.key] = []
        for raw in data.get(section.key) or []:
            if isinstance(raw, Mapping):
                entry = add_entry(form, section.key)
                entry["label"], entry["amount"] = _text(raw.get("label")), _text(raw.get("amount"))
        if not form[section.key]:
            add_entry(form, section.key)
    essentials = data.get("essentials") if isinstance(data.get("essentials"), Mapping) else {}
    form["essentials"] = {category.value: _text(essentials.get(category.value)) for category in EssentialCategory}
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


# ---- parsing one field --------------------------------------------------------------------------

_FULL_DATE = re.compile(r"(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*[日号]?")
_MONTH_DAY = re.compile(r"(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*[日号]?")


def parse_since(text: str, today: date) -> date | int:
    """The missed due date (``2026-10-15``, ``2026/10/15``, ``2026年10月15日``, ``10月15日``,
    ``10-15``) or days overdue (``12``, ``12天``). A date without a year is the most
    recent one not after today. Raises only :class:`InputError`."""
    cleaned = normalize_input(text) if isinstance(text, str) else ""
    full = _FULL_DATE.fullmatch(cleaned)
    month_day = None if full else _MONTH_DAY.fullmatch(cleaned)
    if full or month_day:
        match = full or month_day
        assert match is not None
        try:
            if full:
                found = date(int(full["y"]), int(full["m"]), int(full["d"]))
            else:
                found = date(today.year, int(match["m"]), int(match["d"]))
                if found > today:
                    found = date(today.year - 1, found.month, found.day)
        except ValueError as error:
            raise InputError(MSG_SINCE_NO_SUCH_DATE) from error
        if found > today:
            raise InputError(MSG_DATE_IN_FUTURE)
        if (today - found).days > MAX_DAYS_BACK:
            raise InputError(MSG_SINCE_TOO_OLD)
        return found
    try:
        return parse_days(cleaned)
    except InputError as error:
        if error.message == N_("Enter a number from {minimum} to {maximum}"):
            raise
        raise InputError(MSG_SINCE_FORMAT) from error


def parse_field(kind: str, text: str, today: date) -> Any:
    """Parse a non-empty field value; raises only :class:`InputError`."""
    if kind == "money":
        return parse_money(text)
    if kind == "rate":
        return parse_daily_rate(text)
    if kind == "multiplier":
        return parse_multiplier(text)
    if kind == "since":
        return parse_since(text, today)
    if kind == "months":
        return parse_months(text)
    if kind == "due_day":
        return parse_due_day(text)
    return text.strip()


def preview(kind: str, value: Any, today: date) -> Problem | None:
    """What a valid value was read as, shown beside the field (``2.5万`` -> ``¥25,000.00``)."""
    if kind == "money":
        return Problem("{amount}", {"amount": format_money(value)})
    if kind == "rate":
        return Problem(PREVIEW_RATE, {"rate": format_rate(value)})
    if kind == "multiplier":
        return Problem("×{multiplier}", {"multiplier": format_multiplier(value)})
    if kind == "since":
        if isinstance(value, date):
            return Problem(PREVIEW_DAYS_SINCE, {"days": str((today - value).days), "date": value.isoformat()})
        return Problem(PREVIEW_DAYS, {"days": str(value)})
    if kind == "due_day":
        return Problem(PREVIEW_DUE_DAY, {"day": str(value)})
    if kind == "months":
        return Problem(PREVIEW_MONTHS, {"months": str(value)})
    return None


def check_field(kind: str, text: str, today: date) -> tuple[Any, Problem | None]:
    """(value or None when empty/invalid, problem) for one field on its own."""
    if not text.strip():
        return None, None
    try:
        return parse_field(kind, text, today), None
    except InputError as error:
        return None, Problem.from_error(error)


# ---- the whole form -------------------------------------------------------------------------------


@dataclass
class Checked:
    """The outcome of checking the whole form: an input when nothing is wrong."""

    input: SelfCheckInput | None
    problems: dict[FieldPath, Problem]

    @property
    def first_problem(self) -> FieldPath | None:
        return next(iter(self.problems), None)


def _debt_is_blank(raw: Mapping[str, Any]) -> bool:
    return all(not _text(raw.get(spec.key)).strip() for spec in DEBT_FIELDS if spec.key not in ("name", "lender"))


def _check_debt(raw: Mapping[str, Any], today: date, problems: dict[FieldPath, Problem]) -> Debt | None:
    uid = _text(raw.get("uid"))
    values: dict[str, Any] = {}
    found = False
    for spec in DEBT_FIELDS:
        value, problem = check_field(spec.kind, _text(raw.get(spec.key)), today)
        if problem is not None:
            problems[("debts", uid, spec.key)] = problem
            found = True
        values[spec.key] = value
    kind = DebtKind(raw.get("kind", DebtKind.OTHER.value))
    overdue = values["overdue"] or Decimal(0)
    if overdue > 0 and values["outstanding"] is None and ("debts", uid, "outstanding") not in problems:
        problems[("debts", uid, "outstanding")] = Problem(MSG_OUTSTANDING_REQUIRED)
        found = True
    rate_blank = not _text(raw.get("rate")).strip()
    if overdue > 0 and rate_blank and kind is not DebtKind.FAMILY_FRIENDS:
        problems[("debts", uid, "rate")] = Problem(MSG_RATE_EMPTY)
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
        path = ("debts", uid, _DOMAIN_FIELDS.get(error.field, "name"))
        problems.setdefault(path, Problem(error.message, dict(error.params)))
    return None if errors else debt


def _check_entries(form: Mapping[str, Any], section: EntrySection, today: date, problems: dict[FieldPath, Problem]) -> tuple[tuple[Entry, ...], bool]:
    """(entries with an amount, whether any amount was filled in at all)."""
    entries: list[Entry] = []
    filled = False
    for number, raw in enumerate(form.get(section.key) or [], start=1):
        text = _text(raw.get("amount"))
        if not text.strip():
            continue
        filled = True
        value, problem = check_field("money", text, today)
        if problem is not None:
            problems[(section.key, _text(raw.get("uid")), "amount")] = problem
            continue
        label = _text(raw.get("label")).strip() or tr(section.default_label, number=number)
        entries.append(Entry(label, value))
    return tuple(entries), filled


def check_form(form: Mapping[str, Any], today: date) -> Checked:
    """Parse and check everything; problems are in form order (debts, then money in and out)."""
    problems: dict[FieldPath, Problem] = {}
    debts = []
    for raw in form.get("debts") or []:
        if _debt_is_blank(raw):
            continue
        debt = _check_debt(raw, today, problems)
        if debt is not None:
            debts.append(debt)
    sections = {}
    for section in ENTRY_SECTIONS:
        sections[section.key] = _check_entries(form, section, today, problems)
    incomes, any_income = sections["incomes"]
    if not any_income:
        first = (form.get("incomes") or [{}])[0]
        problems[("incomes", _text(first.get("uid")), "amount")] = Problem(MSG_INCOME_REQUIRED)
    essentials: dict[EssentialCategory, Decimal] = {}
    raw_essentials = form.get("essentials") or {}
    for category in EssentialCategory:
        value, problem = check_field("money", _text(raw_essentials.get(category.value)), today)
        if problem is not None:
            problems[("essentials", category.value, "amount")] = problem
        elif value is not None:
            essentials[category] = value
    if not any(_text(raw_essentials.get(c.value)).strip() for c in EssentialCategory):
        problems.setdefault(("essentials", EssentialCategory.RENT.value, "amount"), Problem(MSG_ESSENTIALS_REQUIRED))
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
        paths.extend(("debts", _text(raw.get("uid")), spec.key) for spec in DEBT_FIELDS)
    paths.extend(("incomes", _text(raw.get("uid")), "amount") for raw in form.get("incomes") or [])
    paths.extend(("essentials", category.value, "amount") for category in EssentialCategory)
    for key in ("other_fixed", "savings"):
        paths.extend((key, _text(raw.get("uid")), "amount") for raw in form.get(key) or [])
    return paths


def _in_form_order(form: Mapping[str, Any], problems: dict[FieldPath, Problem]) -> dict[FieldPath, Problem]:
    order = {path: index for index, path in enumerate(field_paths(form))}
    return dict(sorted(problems.items(), key=lambda item: order.get(item[0], len(order))))


def essential_label(category: str) -> str:
    return _(ESSENTIAL_LABELS[EssentialCategory(category)])
