"""The plan builder's form as plain data: what was typed, read into the domain's types with a message per field.

No Textual here. The form is a dict of strings (it is kept as a draft while typed,
so nothing is lost); :func:`read_form` turns it into a debt, a month, options and a
wait, and every field that cannot be read, or that the domain refuses, gets its
message under the field's id. Nothing is built or saved while any field has one.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Final

from jiebei_tui.domain.labels import Message
from jiebei_tui.domain.parsing.dates import MSG_DATE_FORMAT, find_dates
from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.parsing.money import format_plain_number, parse_money
from jiebei_tui.domain.parsing.numbers import parse_days, parse_due_day, parse_int
from jiebei_tui.domain.parsing.rates import format_multiplier, format_rate, parse_daily_rate, parse_multiplier
from jiebei_tui.domain.parsing.text import normalize_input
from jiebei_tui.domain.plans import (
    MAX_COMPARED,
    DebtPosition,
    Finances,
    Instalment,
    Option,
    OptionKind,
    PenaltyHandling,
    Plan,
    Rate,
    StartingPoint,
    YearBasis,
    checks,
    option_problems,
)
from jiebei_tui.i18n import N_

DRAFT_KEY = "plans.builder"
KINDS: Final = (
    OptionKind.EQUAL_PAYMENT,
    OptionKind.EQUAL_PRINCIPAL,
    OptionKind.INTEREST_FIRST,
    OptionKind.FIXED_PAYMENT,
    OptionKind.DEFERRAL,
    OptionKind.PAY_IN_FULL,
    OptionKind.TYPED,
)
# How a typed rate is read: per day, per month, or an annual figure and how the contract divides it.
RATE_BASES: Final = {
    "daily": N_("% a day"),
    "monthly": N_("% a month"),
    "annual_365": N_("% a year, ÷365 to a day"),
    "annual_360": N_("% a year, ÷360 to a day"),
    "annual_12": N_("% a year, ÷12 to a month"),
}
WAIT_UNITS: Final = {"days": N_("days"), "months": N_("months")}

MSG_PERCENT = N_("Enter a percentage, e.g. 0.05 or 0.05%")
MSG_TYPED_LINE = N_("Line {number}: write a date and an amount, e.g. 2026-12-15 1500")
MSG_ZERO_RATE = N_("0: no interest in this plan (allowed; check it matches the terms)")
MSG_OWN_RATE = N_("Empty: the debt's own daily rate")
MSG_WAIT_EMPTY = N_("Empty: until the longest option's last payment")

# Which option fields each kind uses (the form shows only those).
KIND_FIELDS: Final[dict[OptionKind, tuple[str, ...]]] = {
    OptionKind.PAY_IN_FULL: ("pay_on", "interest_stopped", "penalty"),
    OptionKind.DEFERRAL: ("days", "multiplier", "interest_stopped", "penalty"),
    OptionKind.EQUAL_PAYMENT: ("months", "rate", "first_due", "due_day", "penalty_handling", "interest_stopped", "penalty"),
    OptionKind.EQUAL_PRINCIPAL: ("months", "rate", "first_due", "due_day", "penalty_handling", "interest_stopped", "penalty"),
    OptionKind.INTEREST_FIRST: ("months", "rate", "first_due", "due_day", "penalty_handling", "interest_stopped", "penalty"),
    OptionKind.FIXED_PAYMENT: ("payment", "rate", "first_due", "due_day", "interest_stopped", "penalty"),
    OptionKind.TYPED: ("instalments", "rate", "interest_stopped", "penalty"),
}
DEBT_FIELDS: Final = ("name", "lender", "principal", "overdue_principal", "accrued", "daily_rate", "multiplier",
                      "days_overdue", "due_day")
MONEY_FIELDS: Final = ("income", "essentials", "other_fixed", "debt_payments", "savings")


def blank_option(kind: OptionKind = OptionKind.EQUAL_PAYMENT, months: str = "12") -> dict[str, Any]:
    return {
        "kind": kind.value, "months": months, "rate": "", "rate_basis": "daily", "first_due": "", "due_day": "",
        "payment": "", "days": "30", "pay_on": "", "multiplier": "", "penalty_handling": PenaltyHandling.FIRST.value,
        "interest_stopped": False, "penalty": "", "instalments": "", "lender": False,
    }


def _money_text(value: Decimal) -> str:
    return format_plain_number(value) if value else ""


def position_fields(position: DebtPosition) -> dict[str, str]:
    return {
        "name": position.name,
        "lender": position.lender,
        "principal": _money_text(position.principal),
        "overdue_principal": _money_text(position.overdue_principal),
        "accrued": _money_text(position.accrued),
        "daily_rate": format_rate(position.daily_rate) if position.daily_rate else "",
        "multiplier": format_multiplier(position.multiplier),
        "days_overdue": str(position.days_overdue) if position.days_overdue else "",
        "due_day": "" if position.due_day is None else str(position.due_day),
        "regular_payment": _money_text(position.regular_payment),
    }


def new_form(point: StartingPoint, index: int = 0) -> dict[str, Any]:
    """A form filled from a starting point (its ``index``-th debt); everything stays editable."""
    position = point.positions[index] if point.positions else DebtPosition(name="")
    money = finances_fields(point.finances)
    title = position.name or position.lender
    return {
        "version": 1,
        "plan_id": None,
        "title": title,
        "start": point.start.isoformat(),
        "selfcheck_date": None if point.selfcheck_date is None else point.selfcheck_date.isoformat(),
        "debt_index": index,
        "debt": position_fields(position),
        "money": money,
        "options": [blank_option(), blank_option(OptionKind.EQUAL_PRINCIPAL)],
        "chosen": 0,
        "wait": "",
        "wait_unit": "days",
    }


def clone(form: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(form)


# ----- reading fields ---------------------------------------------------------------------------------


def parse_plan_date(text: str, today: date) -> date:
    """A date in a plan, past or future: 2026-12-15, 12月15日, 下月15号, 月底..."""
    cleaned = normalize_input(text)
    for span in find_dates(cleaned, today):
        if span.start == 0 and span.end == len(cleaned) and span.date is not None:
            return span.date
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        raise InputError(MSG_DATE_FORMAT) from None


def parse_percent(text: str) -> Decimal:
    """``1.5`` or ``1.5%`` -> 0.015 (a monthly or annual rate as the contract prints it)."""
    cleaned = normalize_input(text).removesuffix("%").strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise InputError(MSG_PERCENT) from None
    if not value.is_finite():
        raise InputError(MSG_PERCENT)
    return value / 100


def parse_rate(text: str, basis: str) -> Rate:
    if basis == "daily":
        return Rate.daily(parse_daily_rate(text))
    value = parse_percent(text)
    if basis == "monthly":
        return Rate.monthly(value)
    if basis == "annual_12":
        return Rate.monthly_from_annual(value)
    return Rate.daily_from_annual(value, basis=YearBasis.DAYS_360 if basis == "annual_360" else YearBasis.DAYS_365)


def parse_count(text: str) -> int:
    """A count as typed; the domain says what is too few or too many (0, 10,000)."""
    return parse_int(text, minimum=0, maximum=99_999, suffixes=("期", "个月", "個月", "月", "天", "日"), example="12")


def parse_instalments(text: str, today: date) -> tuple[Instalment, ...]:
    """One instalment a line: a date and an amount (``2026-12-15 1500``, ``12月15日 1500元``)."""
    found = []
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for number, line in enumerate(lines, start=1):
        parts = normalize_input(line).replace(",", " ").split()
        if len(parts) < 2:
            raise InputError(MSG_TYPED_LINE, {"number": str(number)})
        try:
            day = parse_plan_date(" ".join(parts[:-1]), today)
            amount = parse_money(parts[-1])
        except InputError:
            raise InputError(MSG_TYPED_LINE, {"number": str(number)}) from None
        found.append(Instalment(day, amount))
    return tuple(found)


@dataclass
class ReadForm:
    """What the form says, or for each field the message to show beside it (field id -> message)."""

    problems: dict[str, InputError] = field(default_factory=dict)
    understood: dict[str, Message] = field(default_factory=dict)
    start: date | None = None
    position: DebtPosition | None = None
    finances: Finances | None = None
    options: list[Option] = field(default_factory=list)
    wait: Option | None = None

    @property
    def ok(self) -> bool:
        return not self.problems and self.position is not None and self.start is not None


def _read(read: ReadForm, key: str, text: str, parse: Callable[[str], Any], default: Any = None) -> Any:
    if not str(text).strip():
        return default
    try:
        return parse(str(text))
    except InputError as error:
        read.problems[key] = error
        return default


def _money(text: str) -> Decimal:
    return parse_money(text)


def option_field_id(index: int, name: str) -> str:
    return f"opt{index}-{name}"


def read_option(read: ReadForm, index: int, data: dict[str, Any], today: date) -> Option:
    kind = OptionKind(data.get("kind", OptionKind.EQUAL_PAYMENT.value))
    used = KIND_FIELDS.get(kind, ())

    def key(name: str) -> str:
        return option_field_id(index, name)

    rate = None
    if "rate" in used:
        rate = _read(read, key("rate"), data.get("rate", ""), lambda t: parse_rate(t, str(data.get("rate_basis", "daily"))))
        if rate is not None:
            read.understood[key("rate")] = Message(MSG_ZERO_RATE) if rate.is_zero else _basis(rate)
        elif key("rate") not in read.problems:
            read.understood[key("rate")] = Message(MSG_OWN_RATE)
    penalty = _read(read, key("penalty"), data.get("penalty", ""), _money) if "penalty" in used else None
    count = _read(read, key("months"), data.get("months", ""), parse_count) if "months" in used else None
    if "months" in used and count is None and key("months") not in read.problems:
        count = 0
    days = _read(read, key("days"), data.get("days", ""), parse_count) if "days" in used else None
    if "days" in used and days is None and key("days") not in read.problems:
        days = 0
    return Option(
        kind=kind,
        months=count,
        days=days,
        rate=rate,
        first_due=_read(read, key("first_due"), data.get("first_due", ""), lambda t: parse_plan_date(t, today))
        if "first_due" in used else None,
        due_day=_read(read, key("due_day"), data.get("due_day", ""), parse_due_day) if "due_day" in used else None,
        payment=_read(read, key("payment"), data.get("payment", ""), _money, Decimal(0)) if "payment" in used else None,
        pay_on=_read(read, key("pay_on"), data.get("pay_on", ""), lambda t: parse_plan_date(t, today))
        if "pay_on" in used else None,
        instalments=_read(read, key("instalments"), data.get("instalments", ""), lambda t: parse_instalments(t, today), ())
        if "instalments" in used else (),
        multiplier=_read(read, key("multiplier"), data.get("multiplier", ""), parse_multiplier)
        if "multiplier" in used else None,
        interest_stopped=bool(data.get("interest_stopped")) and "interest_stopped" in used,
        penalty=penalty,
        penalty_handling=PenaltyHandling(data.get("penalty_handling", PenaltyHandling.FIRST.value)),
        offered_by_lender=bool(data.get("lender")) or kind is OptionKind.TYPED,
    )


def _basis(rate: Rate) -> Message:
    basis = rate.basis()
    return Message(basis.msgid, {k: str(v) for k, v in basis.params.items()})


# Option attribute -> the form field that shows its problem.
_OPTION_FIELD = {"months": "months", "days": "days", "rate": "rate", "first_due": "first_due", "due_day": "due_day",
                 "payment": "payment", "pay_on": "pay_on", "instalments": "instalments", "multiplier": "multiplier",
                 "penalty": "penalty"}


def read_form(form: dict[str, Any], today: date, *, options: bool = True) -> ReadForm:
    """Read every field; the domain's checks of each option land beside the option's own fields."""
    read = ReadForm()
    read.start = _read(read, "start", form.get("start", ""), lambda t: parse_plan_date(t, today))
    if read.start is None and "start" not in read.problems:
        read.problems["start"] = InputError(MSG_DATE_FORMAT)
    debt = form.get("debt", {})
    zero = Decimal(0)
    position = DebtPosition(
        name=str(debt.get("name", "")).strip(),
        lender=str(debt.get("lender", "")).strip(),
        principal=_read(read, "principal", debt.get("principal", ""), _money, zero),
        overdue_principal=_read(read, "overdue_principal", debt.get("overdue_principal", ""), _money, zero),
        accrued=_read(read, "accrued", debt.get("accrued", ""), _money, zero),
        daily_rate=_read(read, "daily_rate", debt.get("daily_rate", ""), parse_daily_rate, zero),
        multiplier=_read(read, "multiplier", debt.get("multiplier", ""), parse_multiplier, Decimal(1)),
        days_overdue=_read(read, "days_overdue", debt.get("days_overdue", ""), parse_days, 0),
        due_day=_read(read, "due_day", debt.get("due_day", ""), parse_due_day),
        regular_payment=_read(read, "regular_payment", debt.get("regular_payment", ""), _money, zero),
    )
    if "principal" not in read.problems:
        try:
            position.check()
        except InputError as error:
            read.problems.setdefault(_position_field(error), error)
    read.position = position
    money = form.get("money", {})
    if any(str(money.get(key, "")).strip() for key in MONEY_FIELDS):
        values = {key: _read(read, f"money-{key}", money.get(key, ""), _money, zero) for key in MONEY_FIELDS}
        read.finances = Finances(**values)
    if not options:
        return read
    for index, data in enumerate(form.get("options", [])[:MAX_COMPARED]):
        option = read_option(read, index, data, today)
        read.options.append(option)
        if read.start is not None and not any(k.startswith(f"opt{index}-") for k in read.problems):
            for name, problem in option_problems(option, position, read.start).items():
                if name in _OPTION_FIELD:
                    read.problems.setdefault(option_field_id(index, _OPTION_FIELD[name]), problem)
                elif name in DEBT_FIELDS or name in ("principal", "accrued", "daily_rate"):
                    read.problems.setdefault(name, problem)
                else:
                    read.problems.setdefault(option_field_id(index, "kind"), problem)
    wait_count = _read(read, "wait", form.get("wait", ""), parse_count)
    if wait_count is not None:
        unit = form.get("wait_unit", "days")
        read.wait = Option(OptionKind.DO_NOTHING, days=wait_count) if unit == "days" else Option(
            OptionKind.DO_NOTHING, months=wait_count
        )
        if read.start is not None and "wait" not in read.problems:
            found = option_problems(read.wait, position, read.start)
            if found:
                read.problems["wait"] = next(iter(found.values()))
    else:
        read.understood["wait"] = Message(MSG_WAIT_EMPTY)
    return read


def _position_field(error: InputError) -> str:
    """Which debt field a ``DebtPosition.check()`` problem belongs to."""
    if error.message == checks.MSG_OVERDUE_ABOVE_PRINCIPAL:
        return "overdue_principal"
    if error.message == checks.MSG_MULTIPLIER_RANGE:
        return "multiplier"
    if error.message == checks.MSG_DUE_DAY_RANGE:
        return "due_day"
    if error.message in (checks.MSG_RATE_NEGATIVE, checks.MSG_DAILY_RATE_TOO_HIGH):
        return "daily_rate"
    return "principal"


def option_fields(option: Option) -> dict[str, Any]:
    """An option as the form shows it (the reverse of :func:`read_option`)."""
    data = blank_option(option.kind, "" if option.months is None else str(option.months))
    rate = option.rate
    if rate is not None:
        if rate.annual is not None:
            data["rate"] = format_plain_number(rate.annual * 100)
            data["rate_basis"] = (
                "annual_12" if rate.year_basis is None else f"annual_{rate.year_basis.value}"
            )
        elif rate.period.value == "daily":
            data["rate"] = format_rate(rate.value)
        else:
            data["rate"], data["rate_basis"] = format_plain_number(rate.value * 100), "monthly"
    data.update(
        first_due="" if option.first_due is None else option.first_due.isoformat(),
        due_day="" if option.due_day is None else str(option.due_day),
        payment="" if option.payment is None else format_plain_number(option.payment),
        days="" if option.days is None else str(option.days),
        pay_on="" if option.pay_on is None else option.pay_on.isoformat(),
        multiplier="" if option.multiplier is None else format_multiplier(option.multiplier),
        penalty_handling=option.penalty_handling.value,
        interest_stopped=option.interest_stopped,
        penalty="" if option.penalty is None else format_plain_number(option.penalty),
        instalments="\n".join(f"{item.due.isoformat()} {format_plain_number(item.amount)}" for item in option.instalments),
        lender=option.offered_by_lender,
    )
    return data


def finances_fields(finances: Finances | None) -> dict[str, str]:
    if finances is None:
        return {key: "" for key in MONEY_FIELDS}
    return {key: _money_text(getattr(finances, key)) for key in MONEY_FIELDS}


def form_from_plan(plan: Plan) -> tuple[StartingPoint, dict[str, Any]]:
    """A draft plan back in the builder: its debt, month and option (saving revises it)."""
    point = StartingPoint(plan.start, (plan.position,), plan.finances)
    form = new_form(point)
    form.update(plan_id=plan.id, title=plan.title, options=[option_fields(plan.option)], chosen=0)
    return point, form
