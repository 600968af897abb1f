"""The financial self-check: what comes in, what must go out, what waiting costs.

Seed 000 asks the user to "know your own finances first" and judge whether the
overdue can be repaid soon or needs instalments; seed 001 asks for the overdue
amount, days and interest. This module turns the numbers the user copied from
their loan pages into figures, each with the steps that produced it, and a
plain verdict. It states no fact outside ``facts.py``: the penalty multiplier,
whether penalty applies to principal only and any compounding are NOT verified
(BRIEF §3), so they are the user's inputs and every figure built on them says so.

Conventions, chosen so that the figures match what people can check by hand:

* All amounts are ``Decimal``; each figure is computed at full precision and
  rounded to the fen once, at the end, half up (:func:`money.round_fen`).
* Totals across debts add the per-debt figures as shown (each already rounded),
  because each lender bills its own loan in fen and the rows on screen must add
  up to the total on screen.
* Income, essentials and payments are monthly amounts. "A month" of waiting is
  30 days.
* Days overdue = ``today`` − the missed due date (``overdue_since``); if no date
  is given, the number of days the user copied (``days_overdue``) is used.

Pure: no Textual, no I/O, no clock (``today`` is passed in).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from enum import Enum
from typing import Any, Final, Generic, TypeVar

from ..i18n import N_
from .facts import fact
from .money import (
    DEFAULT_MULTIPLIER,
    MAX_DAILY_RATE,
    MAX_MULTIPLIER,
    MIN_MULTIPLIER,
    ZERO,
    format_money,
    format_multiplier,
    format_rate,
    round_fen,
)

# The verdict looks at most this many months ahead. Beyond half a year the
# overdue keeps being reported and penalty keeps accruing every day, and income
# guesses that far out are unreliable, so a plan agreed with the lender
# (instalments or deferral) is the better thing to prepare for.
CLEAR_MONTHS_LIMIT: Final = 6
DAYS_PER_MONTH: Final = 30
_PERCENT_QUANTUM: Final = Decimal("0.1")

NEXT_PLAN_BUILDER: Final = "plan_builder"
NEXT_CALL_PREP: Final = "call_prep"


# ---- enumerations ------------------------------------------------------------------


class DebtKind(str, Enum):
    JIEBEI = "jiebei"
    HUABEI = "huabei"
    CREDIT_CARD = "credit_card"
    ONLINE_LOAN = "online_loan"
    FAMILY_FRIENDS = "family_friends"
    OTHER = "other"


DEBT_KIND_LABELS: Final[Mapping[DebtKind, str]] = {
    DebtKind.JIEBEI: N_("Jiebei"),
    DebtKind.HUABEI: N_("Huabei"),
    DebtKind.CREDIT_CARD: N_("Credit card"),
    DebtKind.ONLINE_LOAN: N_("Online loan"),
    DebtKind.FAMILY_FRIENDS: N_("Family or friends"),
    DebtKind.OTHER: N_("Other debt"),
}

# Kinds whose lenders are licensed credit providers; only these make the
# credit-record facts relevant. A loan from family is never reported.
_CREDIT_REPORTED_KINDS: Final = frozenset(
    {DebtKind.JIEBEI, DebtKind.HUABEI, DebtKind.CREDIT_CARD, DebtKind.ONLINE_LOAN}
)


class RepaymentMethod(str, Enum):
    EQUAL_INSTALLMENT = "equal_installment"  # 等额本息
    EQUAL_PRINCIPAL = "equal_principal"  # 等额本金
    INTEREST_FIRST = "interest_first"  # 先息后本
    LUMP_SUM = "lump_sum"
    OTHER = "other"


REPAYMENT_METHOD_LABELS: Final[Mapping[RepaymentMethod, str]] = {
    RepaymentMethod.EQUAL_INSTALLMENT: N_("Equal monthly instalments"),
    RepaymentMethod.EQUAL_PRINCIPAL: N_("Equal principal each month"),
    RepaymentMethod.INTEREST_FIRST: N_("Interest first, principal at the end"),
    RepaymentMethod.LUMP_SUM: N_("All at once on the due date"),
    RepaymentMethod.OTHER: N_("Other or not sure"),
}


class EssentialCategory(str, Enum):
    """In CFPB "which debts first" order: housing, food, utilities, transport, medical."""

    RENT = "rent"
    FOOD = "food"
    UTILITIES = "utilities"
    TRANSPORT = "transport"
    MEDICAL = "medical"
    FAMILY_SUPPORT = "family_support"
    OTHER = "other"


ESSENTIAL_LABELS: Final[Mapping[EssentialCategory, str]] = {
    EssentialCategory.RENT: N_("Housing (rent or mortgage)"),
    EssentialCategory.FOOD: N_("Food"),
    EssentialCategory.UTILITIES: N_("Utilities (water, power, gas, phone)"),
    EssentialCategory.TRANSPORT: N_("Transport"),
    EssentialCategory.MEDICAL: N_("Medical"),
    EssentialCategory.FAMILY_SUPPORT: N_("People who depend on you"),
    EssentialCategory.OTHER: N_("Other essentials"),
}


class VerdictKind(str, Enum):
    CLEAR_NOW = "clear_now"
    CLEAR_IN_MONTHS = "clear_in_months"
    NEGOTIATE = "negotiate"
    CRISIS = "crisis"


# Worst to best; used to tell whether a later snapshot is an improvement.
VERDICT_RANK: Final[Mapping[VerdictKind, int]] = {
    VerdictKind.CRISIS: 0,
    VerdictKind.NEGOTIATE: 1,
    VerdictKind.CLEAR_IN_MONTHS: 2,
    VerdictKind.CLEAR_NOW: 3,
}


# ---- (de)serialisation helpers -------------------------------------------------------


def _dec(value: Any, name: str) -> Decimal:
    """A stored number back to Decimal. Strings are what we write; ints and floats
    are accepted for hand-edited files (a float goes through its shortest repr, which
    is what the person typed)."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float, Decimal)):
        raise ValueError(f"{name}: expected a number as text, got {value!r}")
    try:
        result = Decimal(str(value)) if not isinstance(value, Decimal) else value
    except InvalidOperation as error:
        raise ValueError(f"{name}: not a number: {value!r}") from error
    if not result.is_finite():
        raise ValueError(f"{name}: not a finite number: {value!r}")
    return result


def _dec_str(value: Decimal) -> str:
    """Decimal to text without exponent (``1E+1`` would confuse people reading the file)."""
    return format(value, "f")


def _opt_int(value: Any, name: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name}: expected a whole number, got {value!r}")
    return value


def _opt_date(value: Any, name: str) -> date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"{name}: expected an ISO date, got {value!r}")
    return date.fromisoformat(value)


def _str(value: Any, name: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"{name}: expected text, got {value!r}")
    return value


# ---- inputs -------------------------------------------------------------------------


@dataclass(frozen=True)
class Debt:
    """One debt as the user copied it from the loan page or bill.

    ``outstanding_principal`` is all principal not yet repaid, overdue part
    included; ``overdue_principal`` is the part past its due date.
    ``overdue_since`` is the missed due date. ``daily_rate`` is a fraction
    (0.0005 for 0.05%); ``penalty_multiplier`` comes from the 借款合同 and
    defaults to 1 (no uplift) because the uplift is not verified.
    """

    kind: DebtKind
    name: str
    lender: str = ""
    outstanding_principal: Decimal = ZERO
    overdue_principal: Decimal = ZERO
    overdue_since: date | None = None
    days_overdue: int | None = None
    daily_rate: Decimal = Decimal(0)
    penalty_multiplier: Decimal = DEFAULT_MULTIPLIER
    repayment_method: RepaymentMethod = RepaymentMethod.OTHER
    remaining_months: int | None = None
    monthly_payment: Decimal = ZERO
    due_day: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "name": self.name,
            "lender": self.lender,
            "outstanding_principal": _dec_str(self.outstanding_principal),
            "overdue_principal": _dec_str(self.overdue_principal),
            "overdue_since": self.overdue_since.isoformat() if self.overdue_since else None,
            "days_overdue": self.days_overdue,
            "daily_rate": _dec_str(self.daily_rate),
            "penalty_multiplier": _dec_str(self.penalty_multiplier),
            "repayment_method": self.repayment_method.value,
            "remaining_months": self.remaining_months,
            "monthly_payment": _dec_str(self.monthly_payment),
            "due_day": self.due_day,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Debt:
        """Rebuild from :meth:`to_dict`; missing optional keys take their defaults.

        Raises ValueError (with the field name) on malformed data.
        """
        try:
            kind = DebtKind(data["kind"])
            method = RepaymentMethod(data.get("repayment_method", RepaymentMethod.OTHER.value))
        except (KeyError, ValueError) as error:
            raise ValueError(f"debt: bad kind or repayment method: {error}") from error
        return cls(
            kind=kind,
            name=_str(data.get("name"), "name"),
            lender=_str(data.get("lender"), "lender"),
            outstanding_principal=_dec(data.get("outstanding_principal", "0"), "outstanding_principal"),
            overdue_principal=_dec(data.get("overdue_principal", "0"), "overdue_principal"),
            overdue_since=_opt_date(data.get("overdue_since"), "overdue_since"),
            days_overdue=_opt_int(data.get("days_overdue"), "days_overdue"),
            daily_rate=_dec(data.get("daily_rate", "0"), "daily_rate"),
            penalty_multiplier=_dec(data.get("penalty_multiplier", "1"), "penalty_multiplier"),
            repayment_method=method,
            remaining_months=_opt_int(data.get("remaining_months"), "remaining_months"),
            monthly_payment=_dec(data.get("monthly_payment", "0"), "monthly_payment"),
            due_day=_opt_int(data.get("due_day"), "due_day"),
        )


@dataclass(frozen=True)
class Entry:
    """A labelled monthly amount (an income source, a fixed payment, a savings pot)."""

    label: str
    amount: Decimal

    def to_dict(self) -> dict[str, str]:
        return {"label": self.label, "amount": _dec_str(self.amount)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Entry:
        return cls(label=_str(data.get("label"), "label"), amount=_dec(data.get("amount", "0"), "amount"))


@dataclass(frozen=True)
class CashFlow:
    """A month of money in and out, plus what can be used now.

    ``incomes``: what arrives each month after tax. ``essentials``: spending that
    keeps a life running, by category. ``other_fixed``: other regular payments
    (insurance, subscriptions) that are not debts. ``savings``: money usable now
    (cash, bank balance, 余额宝), not money set aside for rent.
    """

    incomes: tuple[Entry, ...] = ()
    essentials: Mapping[EssentialCategory, Decimal] = field(default_factory=dict)
    other_fixed: tuple[Entry, ...] = ()
    savings: tuple[Entry, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "incomes": [entry.to_dict() for entry in self.incomes],
            "essentials": {
                category.value: _dec_str(self.essentials[category])
                for category in EssentialCategory
                if category in self.essentials
            },
            "other_fixed": [entry.to_dict() for entry in self.other_fixed],
            "savings": [entry.to_dict() for entry in self.savings],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CashFlow:
        essentials_data = data.get("essentials") or {}
        if not isinstance(essentials_data, Mapping):
            raise ValueError("essentials: expected a mapping")
        essentials: dict[EssentialCategory, Decimal] = {}
        for key, value in essentials_data.items():
            try:
                category = EssentialCategory(key)
            except ValueError as error:
                raise ValueError(f"essentials: unknown category {key!r}") from error
            essentials[category] = _dec(value, f"essentials.{key}")
        return cls(
            incomes=tuple(Entry.from_dict(item) for item in data.get("incomes") or ()),
            essentials=essentials,
            other_fixed=tuple(Entry.from_dict(item) for item in data.get("other_fixed") or ()),
            savings=tuple(Entry.from_dict(item) for item in data.get("savings") or ()),
        )


@dataclass(frozen=True)
class SelfCheckInput:
    debts: tuple[Debt, ...] = ()
    cashflow: CashFlow = field(default_factory=CashFlow)

    def to_dict(self) -> dict[str, Any]:
        return {"debts": [debt.to_dict() for debt in self.debts], "cashflow": self.cashflow.to_dict()}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SelfCheckInput:
        return cls(
            debts=tuple(Debt.from_dict(item) for item in data.get("debts") or ()),
            cashflow=CashFlow.from_dict(data.get("cashflow") or {}),
        )


# ---- field validation -----------------------------------------------------------------

MSG_NAME_REQUIRED = N_("Give this debt a name, e.g. 借呗")
MSG_AMOUNT_NEGATIVE = N_("Must not be negative")
MSG_OVERDUE_MORE_THAN_OUTSTANDING = N_(
    "The overdue principal cannot be more than the outstanding principal ({outstanding})"
)
MSG_OVERDUE_NEEDS_DAYS = N_("Enter the missed due date or the days overdue shown on your loan page")
MSG_DATE_IN_FUTURE = N_("This date is after today; enter the due date that was missed")
MSG_DAYS_NEGATIVE = N_("Days overdue cannot be negative")
MSG_DUE_DAY_RANGE = N_("Enter a day of the month from 1 to 31")
MSG_MONTHS_NEGATIVE = N_("Remaining months cannot be negative")
MSG_RATE_RANGE = N_("Enter a daily rate from 0% to {maximum}")
MSG_MULTIPLIER_RANGE = N_("Enter a multiplier from {minimum} to {maximum}")


@dataclass(frozen=True)
class FieldError:
    """A problem to show beside one input field (``field`` is the Debt attribute name)."""

    field: str
    message: str  # msgid
    params: Mapping[str, str] = field(default_factory=dict)


def validate_debt(debt: Debt, today: date | None = None) -> list[FieldError]:
    """Field-level problems with one debt, in form order; empty when it can be assessed.

    ``today`` enables the future-date check; without it dates are not checked.
    """
    errors: list[FieldError] = []
    if not debt.name.strip():
        errors.append(FieldError("name", MSG_NAME_REQUIRED))
    for name in ("outstanding_principal", "overdue_principal", "monthly_payment"):
        if getattr(debt, name) < 0:
            errors.append(FieldError(name, MSG_AMOUNT_NEGATIVE))
    if debt.overdue_principal > debt.outstanding_principal >= 0:
        errors.append(
            FieldError(
                "overdue_principal",
                MSG_OVERDUE_MORE_THAN_OUTSTANDING,
                {"outstanding": format_money(debt.outstanding_principal)},
            )
        )
    if debt.overdue_principal > 0 and debt.overdue_since is None and debt.days_overdue is None:
        errors.append(FieldError("overdue_since", MSG_OVERDUE_NEEDS_DAYS))
    if debt.overdue_since is not None and today is not None and debt.overdue_since > today:
        errors.append(FieldError("overdue_since", MSG_DATE_IN_FUTURE))
    if debt.days_overdue is not None and debt.days_overdue < 0:
        errors.append(FieldError("days_overdue", MSG_DAYS_NEGATIVE))
    if not Decimal(0) <= debt.daily_rate <= MAX_DAILY_RATE:
        errors.append(FieldError("daily_rate", MSG_RATE_RANGE, {"maximum": format_rate(MAX_DAILY_RATE)}))
    if not MIN_MULTIPLIER <= debt.penalty_multiplier <= MAX_MULTIPLIER:
        errors.append(
            FieldError(
                "penalty_multiplier",
                MSG_MULTIPLIER_RANGE,
                {"minimum": format_multiplier(MIN_MULTIPLIER), "maximum": format_multiplier(MAX_MULTIPLIER)},
            )
        )
    if debt.remaining_months is not None and debt.remaining_months < 0:
        errors.append(FieldError("remaining_months", MSG_MONTHS_NEGATIVE))
    if debt.due_day is not None and not 1 <= debt.due_day <= 31:
        errors.append(FieldError("due_day", MSG_DUE_DAY_RANGE))
    return errors


# ---- explanations ---------------------------------------------------------------------


def _identity(text: str) -> str:
    return text


@dataclass(frozen=True)
class Step:
    """One line of "how was this computed".

    ``label`` is a msgid unless ``literal_label`` (then it is the user's own text,
    e.g. an income called 工资). ``formula`` is a msgid template whose
    ``{placeholders}`` are filled from ``params`` (already formatted amounts, so
    translation never touches numbers). ``result`` is the formatted outcome.
    """

    label: str
    formula: str
    params: Mapping[str, str]
    result: str
    literal_label: bool = False

    def render(self, translate: Callable[[str], str] | None = None) -> str:
        """``label: formula = result``; ``translate`` is a gettext-like callable (default: English)."""
        tr = translate or _identity
        label = self.label if self.literal_label else tr(self.label)
        return f"{label}: {tr(self.formula).format(**self.params)} = {self.result}"


V = TypeVar("V")


@dataclass(frozen=True)
class Figure(Generic[V]):
    """A number with its explanation; ``note`` (msgid) says what the number rests on."""

    value: V  # Decimal for money, int for days, Decimal percent or None for shares
    steps: tuple[Step, ...]
    note: str | None = None

    def explain(self, translate: Callable[[str], str] | None = None) -> list[str]:
        return [step.render(translate) for step in self.steps]


F_NOTHING = N_("nothing entered")
F_SUM = N_("{items}")
F_AMOUNT = N_("{amount}")

NOTE_PENALTY_INPUTS = N_(
    "Uses the overdue principal, daily rate and penalty multiplier you copied from your loan page and "
    "contract. Whether penalty is charged on the principal only, and any compounding, depend on your "
    "contract; your loan page shows the amount that counts."
)
NOTE_ROUNDING = N_("Each debt's figure is rounded to the fen once, half up; totals add the rounded figures.")


def _sum_figure(label: str, items: Iterable[tuple[str, bool, Decimal]]) -> Figure[Decimal]:
    """Sum labelled amounts: one step per non-zero item, then the total."""
    steps: list[Step] = []
    amounts: list[Decimal] = []
    for item_label, literal, amount in items:
        if amount == 0:
            continue
        amounts.append(amount)
        steps.append(Step(item_label, F_AMOUNT, {"amount": format_money(amount)}, format_money(amount), literal))
    total = round_fen(sum(amounts, Decimal(0)))
    if amounts:
        formula, params = F_SUM, {"items": " + ".join(format_money(a) for a in amounts)}
    else:
        formula, params = F_NOTHING, {}
    steps.append(Step(label, formula, params, format_money(total)))
    return Figure(total, tuple(steps))


# ---- per-debt figures -------------------------------------------------------------------

L_DAYS_OVERDUE = N_("Days overdue")
L_ACCRUED = N_("Penalty and interest so far")
L_COST_PER_DAY = N_("Cost of each day of waiting")
L_COST_30_DAYS = N_("Added by waiting 30 more days")
L_OVERDUE_TOTAL = N_("Needed to clear this overdue today")

F_DAYS_FROM_DATE = N_("{today} − {since}")
F_DAYS_GIVEN = N_("as copied from your loan page")
F_DAYS_NONE = N_("no due date or days entered")
F_DAYS_NOT_OVERDUE = N_("nothing overdue")
F_ACCRUED_ONE = N_("{principal} × {rate} × {multiplier} × {days} day")
F_ACCRUED_MANY = N_("{principal} × {rate} × {multiplier} × {days} days")
F_PER_DAY = N_("{principal} × {rate} × {multiplier}")
F_30_DAYS = N_("{principal} × {rate} × {multiplier} × 30 days")
F_PLUS = N_("{a} + {b}")

R_DAYS_ONE = N_("{days} day")
R_DAYS_MANY = N_("{days} days")


def _days_text(days: int) -> str:
    return (R_DAYS_ONE if days == 1 else R_DAYS_MANY).format(days=days)


@dataclass(frozen=True)
class DebtAssessment:
    """What one debt costs while it stays overdue."""

    index: int  # position in SelfCheckInput.debts
    debt: Debt
    days_overdue: Figure[int]
    days_source: str  # "date", "given", "none" (no date or days entered) or "not_overdue"
    accrued: Figure[Decimal]
    cost_per_day: Figure[Decimal]
    cost_next_30_days: Figure[Decimal]
    overdue_total: Figure[Decimal]  # overdue principal + accrued: what clears it today


def _days_overdue(debt: Debt, today: date) -> tuple[Figure[int], str]:
    if debt.overdue_principal <= 0:
        return Figure(0, (Step(L_DAYS_OVERDUE, F_DAYS_NOT_OVERDUE, {}, _days_text(0)),)), "not_overdue"
    if debt.overdue_since is not None:
        days = max(0, (today - debt.overdue_since).days)
        step = Step(
            L_DAYS_OVERDUE,
            F_DAYS_FROM_DATE,
            {"today": today.isoformat(), "since": debt.overdue_since.isoformat()},
            _days_text(days),
        )
        return Figure(days, (step,)), "date"
    if debt.days_overdue is not None:
        days = max(0, debt.days_overdue)
        return Figure(days, (Step(L_DAYS_OVERDUE, F_DAYS_GIVEN, {}, _days_text(days)),)), "given"
    return Figure(0, (Step(L_DAYS_OVERDUE, F_DAYS_NONE, {}, _days_text(0)),)), "none"


def assess_debt(debt: Debt, today: date, index: int = 0) -> DebtAssessment:
    """Penalty so far = overdue principal × daily rate × multiplier × days, rounded once at the end."""
    days_figure, source = _days_overdue(debt, today)
    days = days_figure.value
    principal = max(debt.overdue_principal, Decimal(0))
    inputs = {
        "principal": format_money(principal),
        "rate": format_rate(debt.daily_rate),
        "multiplier": format_multiplier(debt.penalty_multiplier),
    }
    with localcontext() as context:
        context.prec = 60  # exact for any amount the parsers accept
        per_day_exact = principal * debt.daily_rate * debt.penalty_multiplier
        accrued = round_fen(per_day_exact * days)
        per_day = round_fen(per_day_exact)
        next_30 = round_fen(per_day_exact * DAYS_PER_MONTH)
    accrued_formula = F_ACCRUED_ONE if days == 1 else F_ACCRUED_MANY
    accrued_fig = Figure(
        accrued,
        (Step(L_ACCRUED, accrued_formula, {**inputs, "days": str(days)}, format_money(accrued)),),
        NOTE_PENALTY_INPUTS,
    )
    per_day_fig = Figure(
        per_day, (Step(L_COST_PER_DAY, F_PER_DAY, inputs, format_money(per_day)),), NOTE_PENALTY_INPUTS
    )
    next_30_fig = Figure(
        next_30, (Step(L_COST_30_DAYS, F_30_DAYS, inputs, format_money(next_30)),), NOTE_PENALTY_INPUTS
    )
    total = principal + accrued
    total_fig = Figure(
        total,
        (
            Step(
                L_OVERDUE_TOTAL,
                F_PLUS,
                {"a": format_money(principal), "b": format_money(accrued)},
                format_money(total),
            ),
        ),
        NOTE_PENALTY_INPUTS,
    )
    return DebtAssessment(index, debt, days_figure, source, accrued_fig, per_day_fig, next_30_fig, total_fig)


# ---- priorities ------------------------------------------------------------------------

P_OVERDUE_DEBT = N_("Overdue: {name}")
P_REGULAR_DEBT = N_("Regular payment: {name}")
P_OTHER_FIXED = N_("Other fixed payments: check which can pause")
D_COSTS_PER_DAY = N_("costs about {per_day} a day while overdue")


@dataclass(frozen=True)
class Priority:
    """One line of "what to pay first in a tight month" (CFPB: living essentials, then debts)."""

    group: str  # "essentials", "overdue", "regular" or "other"
    label: str  # msgid, filled from params
    params: Mapping[str, str]
    amount: Decimal
    detail: str | None = None  # msgid, filled from params


def _priorities(inp: SelfCheckInput, debts: tuple[DebtAssessment, ...]) -> tuple[Priority, ...]:
    items: list[Priority] = []
    for category in EssentialCategory:  # enum order is the CFPB order
        amount = inp.cashflow.essentials.get(category, ZERO)
        if amount > 0:
            items.append(Priority("essentials", ESSENTIAL_LABELS[category], {}, round_fen(amount)))
    overdue = [d for d in debts if d.debt.overdue_principal > 0]
    # Costliest per day first: every day it waits costs the most.
    overdue.sort(key=lambda d: (-d.cost_per_day.value, -d.overdue_total.value, d.index))
    for d in overdue:
        items.append(
            Priority(
                "overdue",
                P_OVERDUE_DEBT,
                {"name": d.debt.name, "per_day": format_money(d.cost_per_day.value)},
                d.overdue_total.value,
                D_COSTS_PER_DAY,
            )
        )
    regular = [d for d in debts if d.debt.monthly_payment > 0]
    regular.sort(key=lambda d: (-d.debt.daily_rate, d.index))
    for d in regular:
        items.append(Priority("regular", P_REGULAR_DEBT, {"name": d.debt.name}, round_fen(d.debt.monthly_payment)))
    other_fixed = round_fen(sum((e.amount for e in inp.cashflow.other_fixed), Decimal(0)))
    if other_fixed > 0:
        items.append(Priority("other", P_OTHER_FIXED, {}, other_fixed))
    return tuple(items)


# ---- verdict ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    """The plain answer. ``reason`` says which rule decided (stable key for the UI and tests)."""

    kind: VerdictKind
    reason: str
    months: int | None  # clear_in_months: N; negotiate/too_slow: months it would take
    next_step: str  # NEXT_PLAN_BUILDER or NEXT_CALL_PREP
    headline: str  # msgid
    explanation: str  # msgid
    params: Mapping[str, str]
    steps: tuple[Step, ...]


H_CLEAR_NOW = N_("Your savings can clear the overdue now")
E_CLEAR_NOW = N_(
    "Usable savings of {savings} cover the {needed} needed today: the overdue principal plus what has "
    "accrued. Each day of waiting adds about {per_day}. Next: plan the payment, and keep the lender's "
    "confirmation in writing."
)
H_NOTHING_OVERDUE = N_("Nothing is overdue in what you entered")
E_NOTHING_OVERDUE = N_(
    "Your income covers essentials and regular payments, with {surplus} left each month. Keep the due "
    "dates in view."
)
H_CLEAR_IN_ONE_MONTH = N_("You can clear the overdue in 1 month")
H_CLEAR_IN_MONTHS = N_("You can clear the overdue in {months} months")
E_CLEAR_IN_MONTHS = N_(
    "With {surplus} left each month and {savings} usable now, the {needed} overdue can be cleared by "
    "month {months}. This already counts about {monthly_cost} a month that waiting adds, so each month "
    "sooner saves that much. Next: a plan you can keep to, shared with the lender."
)
H_NEGOTIATE = N_("Ask the lender for instalments or a deferral")
E_NEGOTIATE_PAYMENTS = N_(
    "Your savings of {savings} could clear the {needed} overdue, but each month your regular payments "
    "are {shortfall} more than what is left after essentials, so a new overdue would follow. Talk to the "
    "lender about the monthly payments before the next due date."
)
H_NEGOTIATE_EARLY = N_("Talk to the lender before the next due date")
E_NEGOTIATE_PAYMENTS_EARLY = N_(
    "Nothing is overdue yet, but each month your regular payments are {shortfall} more than what is left "
    "after essentials. Telling the lender early, with a concrete proposal, keeps more options open than "
    "waiting for a missed payment."
)
E_NEGOTIATE_SHORTFALL = N_(
    "After essentials and regular payments you are {shortfall} short each month, so the {needed} overdue "
    "cannot be cleared from income. Contacting the lender early with a concrete instalment or deferral "
    "proposal is the usual next step; bring these numbers to the call."
)
E_NEGOTIATE_NO_SURPLUS = N_(
    "After essentials and regular payments nothing is left each month, so the {needed} overdue cannot "
    "be cleared from income. Contacting the lender early with a concrete instalment or deferral proposal "
    "is the usual next step; bring these numbers to the call."
)
E_NEGOTIATE_NOT_OUTPACING = N_(
    "What is left each month ({surplus}) is not more than what waiting adds ({monthly_cost} a month), so "
    "the overdue would not shrink. An instalment or deferral plan agreed with the lender may fit better; "
    "bring these numbers to the call."
)
E_NEGOTIATE_TOO_SLOW = N_(
    "At {surplus} a month it would take about {months} months to clear the {needed} overdue, more than "
    "{limit}, while waiting adds about {monthly_cost} a month. An instalment or deferral plan agreed with "
    "the lender may fit better; bring these numbers to the call."
)
H_CRISIS = N_("Essentials first: your income does not cover them")
E_CRISIS = N_(
    "Essential spending is {essentials} a month and income is {income}, {gap} short. Keep housing, food, "
    "utilities, transport and medical costs paid first. Then tell your lenders early about the hardship, "
    "with these numbers. Help is available."
)

L_GAP = N_("Essentials above income each month")
L_SAVINGS_LEFT = N_("Savings left after clearing the overdue")
L_PAYMENTS_SHORT = N_("Regular payments above what is left each month")
L_NEEDED_AFTER = N_("Needed by then, waiting included")
L_AVAILABLE_AFTER = N_("Available by then")
L_SURPLUS_VS_COST = N_("Left each month minus what waiting adds each month")
L_MONTHS_NEEDED = N_("Months needed")
F_MINUS = N_("{a} − {b}")
F_AFTER_MONTHS = N_("{a} + {months} × {b}")
F_MONTHS_NEEDED = N_("({needed} − {savings}) ÷ ({surplus} − {monthly_cost}), rounded up")


def _months_needed(needed: Decimal, savings: Decimal, surplus: Decimal, monthly_cost: Decimal) -> int:
    """Smallest N ≥ 1 with savings + N·surplus ≥ needed + N·monthly_cost (requires surplus > cost)."""
    with localcontext() as context:
        context.prec = 60
        months = ((needed - savings) / (surplus - monthly_cost)).to_integral_value(rounding=ROUND_CEILING)
    return max(1, int(months))


def decide(
    *,
    income: Decimal,
    essentials: Decimal,
    surplus: Decimal,
    savings: Decimal,
    needed: Decimal,
    per_day: Decimal,
    monthly_cost: Decimal,
) -> Verdict:
    """The verdict rules, checked in this order (all comparisons exact, in fen):

    1. ``crisis``: essentials > income. Checked first, even with savings: money
       for rent and food next month comes before any lender (CFPB).
    2. ``clear_now``: savings ≥ needed (overdue principal + accrued) and surplus ≥ 0,
       so clearing does not simply start a new overdue next month. Needed = 0
       (nothing overdue) with surplus ≥ 0 is also ``clear_now`` ("nothing overdue").
    3. ``clear_in_months`` N: surplus > monthly cost of waiting and the smallest
       N ≥ 1 with savings + N·surplus ≥ needed + N·monthly cost is ≤ 6
       (:data:`CLEAR_MONTHS_LIMIT`). The cost assumes the whole overdue keeps
       accruing until cleared, an upper bound.
    4. ``negotiate`` otherwise, with reason ``payments_exceed`` (savings cover the
       overdue, or nothing is overdue, but surplus < 0), ``shortfall`` (surplus < 0),
       ``no_surplus`` (surplus = 0), ``not_outpacing`` (0 < surplus ≤ monthly cost)
       or ``too_slow`` (N > 6; ``months`` then holds the N it would take).
    """
    money = format_money
    base = {
        "income": money(income),
        "essentials": money(essentials),
        "surplus": money(surplus),
        "savings": money(savings),
        "needed": money(needed),
        "per_day": money(per_day),
        "monthly_cost": money(monthly_cost),
        "limit": str(CLEAR_MONTHS_LIMIT),
    }
    if essentials > income:
        gap = essentials - income
        step = Step(L_GAP, F_MINUS, {"a": money(essentials), "b": money(income)}, money(gap))
        return Verdict(
            VerdictKind.CRISIS, "essentials_exceed_income", None, NEXT_CALL_PREP, H_CRISIS, E_CRISIS,
            {**base, "gap": money(gap)}, (step,),
        )
    if savings >= needed and surplus >= 0:
        step = Step(L_SAVINGS_LEFT, F_MINUS, {"a": money(savings), "b": money(needed)}, money(savings - needed))
        if needed == 0:
            return Verdict(
                VerdictKind.CLEAR_NOW, "nothing_overdue", None, NEXT_PLAN_BUILDER, H_NOTHING_OVERDUE,
                E_NOTHING_OVERDUE, base, (step,),
            )
        return Verdict(
            VerdictKind.CLEAR_NOW, "savings_cover", None, NEXT_PLAN_BUILDER, H_CLEAR_NOW, E_CLEAR_NOW, base, (step,)
        )
    if savings >= needed:  # surplus < 0
        shortfall = -surplus
        step = Step(L_PAYMENTS_SHORT, F_AMOUNT, {"amount": money(shortfall)}, money(shortfall))
        headline, explanation = (
            (H_NEGOTIATE_EARLY, E_NEGOTIATE_PAYMENTS_EARLY) if needed == 0 else (H_NEGOTIATE, E_NEGOTIATE_PAYMENTS)
        )
        return Verdict(
            VerdictKind.NEGOTIATE, "payments_exceed", None, NEXT_CALL_PREP, headline, explanation,
            {**base, "shortfall": money(shortfall)}, (step,),
        )
    if surplus < 0:
        shortfall = -surplus
        step = Step(L_PAYMENTS_SHORT, F_AMOUNT, {"amount": money(shortfall)}, money(shortfall))
        return Verdict(
            VerdictKind.NEGOTIATE, "shortfall", None, NEXT_CALL_PREP, H_NEGOTIATE, E_NEGOTIATE_SHORTFALL,
            {**base, "shortfall": money(shortfall)}, (step,),
        )
    if surplus == 0:
        return Verdict(
            VerdictKind.NEGOTIATE, "no_surplus", None, NEXT_CALL_PREP, H_NEGOTIATE, E_NEGOTIATE_NO_SURPLUS, base, (),
        )
    net_step = Step(
        L_SURPLUS_VS_COST, F_MINUS, {"a": money(surplus), "b": money(monthly_cost)}, money(surplus - monthly_cost)
    )
    if surplus <= monthly_cost:
        return Verdict(
            VerdictKind.NEGOTIATE, "not_outpacing", None, NEXT_CALL_PREP, H_NEGOTIATE, E_NEGOTIATE_NOT_OUTPACING,
            base, (net_step,),
        )
    months = _months_needed(needed, savings, surplus, monthly_cost)
    months_step = Step(
        L_MONTHS_NEEDED,
        F_MONTHS_NEEDED,
        {
            "needed": money(needed),
            "savings": money(savings),
            "surplus": money(surplus),
            "monthly_cost": money(monthly_cost),
        },
        str(months),
    )
    params = {**base, "months": str(months)}
    if months > CLEAR_MONTHS_LIMIT:
        return Verdict(
            VerdictKind.NEGOTIATE, "too_slow", months, NEXT_CALL_PREP, H_NEGOTIATE, E_NEGOTIATE_TOO_SLOW,
            params, (net_step, months_step),
        )
    needed_after = needed + months * monthly_cost
    available_after = savings + months * surplus
    steps = (
        net_step,
        months_step,
        Step(
            L_NEEDED_AFTER,
            F_AFTER_MONTHS,
            {"a": money(needed), "months": str(months), "b": money(monthly_cost)},
            money(needed_after),
        ),
        Step(
            L_AVAILABLE_AFTER,
            F_AFTER_MONTHS,
            {"a": money(savings), "months": str(months), "b": money(surplus)},
            money(available_after),
        ),
    )
    headline = H_CLEAR_IN_ONE_MONTH if months == 1 else H_CLEAR_IN_MONTHS
    return Verdict(
        VerdictKind.CLEAR_IN_MONTHS, "surplus_covers", months, NEXT_PLAN_BUILDER, headline, E_CLEAR_IN_MONTHS,
        params, steps,
    )


# ---- the assessment ------------------------------------------------------------------------

L_INCOME = N_("Monthly income")
L_ESSENTIALS = N_("Essential spending each month")
L_OTHER_FIXED = N_("Other fixed payments each month")
L_DEBT_PAYMENTS = N_("Regular debt payments each month")
L_SAVINGS = N_("Savings usable now")
L_SURPLUS = N_("Left over each month")
L_SHORTFALL = N_("Short each month")
L_DEBT_SHARE = N_("Debt payments as a share of income")
L_TOTAL_OVERDUE_PRINCIPAL = N_("Overdue principal, all debts")
L_TOTAL_ACCRUED = N_("Penalty and interest so far, all debts")
L_TOTAL_PER_DAY = N_("Cost of each day of waiting, all debts")
L_TOTAL_30_DAYS = N_("Added by waiting 30 more days, all debts")
L_NEEDED = N_("Needed to clear all overdue today")
L_TOTAL_OWED = N_("Total owed (outstanding principal plus accrued)")
F_SURPLUS = N_("{income} − {essentials} − {other_fixed} − {debt_payments}")
F_SHARE = N_("{debt_payments} ÷ {income}")
F_NO_INCOME = N_("no income entered")

_STAKES_CREDIT: Final = ("credit_record_five_years", "reported_to_credit_system")


@dataclass(frozen=True)
class Assessment:
    """Everything the self-check screen shows; each Figure carries its own explanation."""

    today: date
    monthly_income: Figure[Decimal]
    essentials: Figure[Decimal]
    other_fixed: Figure[Decimal]
    debt_payments: Figure[Decimal]
    monthly_surplus: Figure[Decimal]  # negative = shortfall
    debt_share_of_income: Figure[Decimal | None]  # percent (22.5 means 22.5%); None without income
    usable_savings: Figure[Decimal]
    debts: tuple[DebtAssessment, ...]
    total_overdue_principal: Figure[Decimal]
    total_accrued: Figure[Decimal]
    total_cost_per_day: Figure[Decimal]
    total_cost_next_30_days: Figure[Decimal]
    total_needed_to_clear: Figure[Decimal]  # overdue principal + accrued: "total overdue"
    total_owed: Figure[Decimal]
    priorities: tuple[Priority, ...]
    at_stake: tuple[str, ...]  # keys of facts.FACTS
    verdict: Verdict

    def summary(self) -> Summary:
        return Summary(
            as_of=self.today,
            total_owed=self.total_owed.value,
            total_overdue=self.total_needed_to_clear.value,
            monthly_surplus=self.monthly_surplus.value,
            daily_cost=self.total_cost_per_day.value,
            verdict=self.verdict.kind,
            months=self.verdict.months if self.verdict.kind is VerdictKind.CLEAR_IN_MONTHS else None,
        )

    def summary_dict(self) -> dict[str, Any]:
        """The JSON-able snapshot for the history/trend and Home."""
        return self.summary().to_dict()


def _total_of(label: str, values: list[Decimal], note: str | None = NOTE_ROUNDING) -> Figure[Decimal]:
    total = round_fen(sum(values, Decimal(0)))
    if values:
        step = Step(label, F_SUM, {"items": " + ".join(format_money(v) for v in values)}, format_money(total))
    else:
        step = Step(label, F_NOTHING, {}, format_money(total))
    return Figure(total, (step,), note)


def _at_stake(inp: SelfCheckInput, verdict: Verdict) -> tuple[str, ...]:
    """Fact keys that matter here; ``fact()`` raises if a key is not in facts.FACTS."""
    keys: list[str] = []
    if any(d.overdue_principal > 0 and d.kind in _CREDIT_REPORTED_KINDS for d in inp.debts):
        keys.extend(_STAKES_CREDIT)
    if any(d.kind is DebtKind.JIEBEI and not d.lender.strip() for d in inp.debts):
        keys.append("lender_on_loan_page")
    if verdict.kind in (VerdictKind.NEGOTIATE, VerdictKind.CRISIS) and any(
        d.kind in _CREDIT_REPORTED_KINDS for d in inp.debts
    ):
        keys.append("banned_conduct")  # nobody may push you to borrow new loans to repay old ones
    for key in keys:
        fact(key)
    return tuple(keys)


def assess(inp: SelfCheckInput, today: date) -> Assessment:
    """Run the self-check for ``today``. Pure and deterministic; never raises on valid Debts."""
    cash = inp.cashflow
    income = _sum_figure(L_INCOME, ((e.label, True, e.amount) for e in cash.incomes))
    essentials = _sum_figure(
        L_ESSENTIALS,
        ((ESSENTIAL_LABELS[c], False, cash.essentials.get(c, ZERO)) for c in EssentialCategory),
    )
    other_fixed = _sum_figure(L_OTHER_FIXED, ((e.label, True, e.amount) for e in cash.other_fixed))
    debt_payments = _sum_figure(L_DEBT_PAYMENTS, ((d.name, True, d.monthly_payment) for d in inp.debts))
    savings = _sum_figure(L_SAVINGS, ((e.label, True, e.amount) for e in cash.savings))

    surplus_value = income.value - essentials.value - other_fixed.value - debt_payments.value
    surplus = Figure(
        surplus_value,
        (
            Step(
                L_SURPLUS if surplus_value >= 0 else L_SHORTFALL,
                F_SURPLUS,
                {
                    "income": format_money(income.value),
                    "essentials": format_money(essentials.value),
                    "other_fixed": format_money(other_fixed.value),
                    "debt_payments": format_money(debt_payments.value),
                },
                format_money(surplus_value),
            ),
        ),
    )
    if income.value > 0:
        with localcontext() as context:
            context.prec = 60
            share = (debt_payments.value * 100 / income.value).quantize(_PERCENT_QUANTUM, rounding=ROUND_HALF_UP)
        share_step = Step(
            L_DEBT_SHARE,
            F_SHARE,
            {"debt_payments": format_money(debt_payments.value), "income": format_money(income.value)},
            f"{share}%",
        )
        share_fig: Figure[Decimal | None] = Figure(share, (share_step,))
    else:
        share_fig = Figure(None, (Step(L_DEBT_SHARE, F_NO_INCOME, {}, "—"),))

    debts = tuple(assess_debt(debt, today, index) for index, debt in enumerate(inp.debts))
    overdue_debts = [d for d in debts if d.debt.overdue_principal > 0]
    total_overdue_principal = _total_of(
        L_TOTAL_OVERDUE_PRINCIPAL, [d.debt.overdue_principal for d in overdue_debts], None
    )
    total_accrued = _total_of(L_TOTAL_ACCRUED, [d.accrued.value for d in overdue_debts])
    total_per_day = _total_of(L_TOTAL_PER_DAY, [d.cost_per_day.value for d in overdue_debts])
    total_30 = _total_of(L_TOTAL_30_DAYS, [d.cost_next_30_days.value for d in overdue_debts])
    needed_value = total_overdue_principal.value + total_accrued.value
    needed = Figure(
        needed_value,
        (
            Step(
                L_NEEDED,
                F_PLUS,
                {"a": format_money(total_overdue_principal.value), "b": format_money(total_accrued.value)},
                format_money(needed_value),
            ),
        ),
        NOTE_PENALTY_INPUTS if overdue_debts else None,
    )
    outstanding = round_fen(sum((d.outstanding_principal for d in inp.debts), Decimal(0)))
    owed_value = outstanding + total_accrued.value
    total_owed = Figure(
        owed_value,
        (
            Step(
                L_TOTAL_OWED,
                F_PLUS,
                {"a": format_money(outstanding), "b": format_money(total_accrued.value)},
                format_money(owed_value),
            ),
        ),
    )
    verdict = decide(
        income=income.value,
        essentials=essentials.value,
        surplus=surplus_value,
        savings=savings.value,
        needed=needed_value,
        per_day=total_per_day.value,
        monthly_cost=total_30.value,
    )
    return Assessment(
        today=today,
        monthly_income=income,
        essentials=essentials,
        other_fixed=other_fixed,
        debt_payments=debt_payments,
        monthly_surplus=surplus,
        debt_share_of_income=share_fig,
        usable_savings=savings,
        debts=debts,
        total_overdue_principal=total_overdue_principal,
        total_accrued=total_accrued,
        total_cost_per_day=total_per_day,
        total_cost_next_30_days=total_30,
        total_needed_to_clear=needed,
        total_owed=total_owed,
        priorities=_priorities(inp, debts),
        at_stake=_at_stake(inp, verdict),
        verdict=verdict,
    )


# ---- snapshots and comparison ------------------------------------------------------------

SUMMARY_VERSION: Final = 1


@dataclass(frozen=True)
class Summary:
    """The few numbers kept per saved self-check (history, trend, Home)."""

    as_of: date
    total_owed: Decimal
    total_overdue: Decimal  # overdue principal + accrued
    monthly_surplus: Decimal
    daily_cost: Decimal
    verdict: VerdictKind
    months: int | None = None  # only for clear_in_months

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": SUMMARY_VERSION,
            "as_of": self.as_of.isoformat(),
            "total_owed": _dec_str(self.total_owed),
            "total_overdue": _dec_str(self.total_overdue),
            "monthly_surplus": _dec_str(self.monthly_surplus),
            "daily_cost": _dec_str(self.daily_cost),
            "verdict": self.verdict.value,
            "months": self.months,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Summary:
        try:
            as_of = _opt_date(data["as_of"], "as_of")
            verdict = VerdictKind(data["verdict"])
        except (KeyError, ValueError) as error:
            raise ValueError(f"summary: {error}") from error
        if as_of is None:
            raise ValueError("summary: as_of is required")
        return cls(
            as_of=as_of,
            total_owed=_dec(data.get("total_owed", "0"), "total_owed"),
            total_overdue=_dec(data.get("total_overdue", "0"), "total_overdue"),
            monthly_surplus=_dec(data.get("monthly_surplus", "0"), "monthly_surplus"),
            daily_cost=_dec(data.get("daily_cost", "0"), "daily_cost"),
            verdict=verdict,
            months=_opt_int(data.get("months"), "months"),
        )


class Direction(str, Enum):
    BETTER = "better"
    WORSE = "worse"
    SAME = "same"


@dataclass(frozen=True)
class Change:
    before: Decimal
    after: Decimal
    difference: Decimal  # after − before
    direction: Direction


@dataclass(frozen=True)
class Comparison:
    """How a later snapshot differs from an earlier one; directions are from the user's side."""

    days_between: int
    total_owed: Change
    total_overdue: Change
    monthly_surplus: Change
    daily_cost: Change
    verdict_before: VerdictKind
    verdict_after: VerdictKind
    months_before: int | None
    months_after: int | None
    verdict_direction: Direction


def _change(before: Decimal, after: Decimal, *, lower_is_better: bool) -> Change:
    difference = after - before
    if difference == 0:
        direction = Direction.SAME
    elif (difference < 0) == lower_is_better:
        direction = Direction.BETTER
    else:
        direction = Direction.WORSE
    return Change(before, after, difference, direction)


def _verdict_score(summary: Summary) -> tuple[int, int]:
    # Within clear_in_months, fewer months is better.
    months = summary.months if summary.verdict is VerdictKind.CLEAR_IN_MONTHS and summary.months else 0
    return (VERDICT_RANK[summary.verdict], -months)


def compare(before: Summary | Mapping[str, Any], after: Summary | Mapping[str, Any]) -> Comparison:
    """Compare two saved snapshots (``before`` the earlier). Accepts Summary or its dict."""
    a = before if isinstance(before, Summary) else Summary.from_dict(before)
    b = after if isinstance(after, Summary) else Summary.from_dict(after)
    score_a, score_b = _verdict_score(a), _verdict_score(b)
    if score_a == score_b:
        verdict_direction = Direction.SAME
    else:
        verdict_direction = Direction.BETTER if score_b > score_a else Direction.WORSE
    return Comparison(
        days_between=(b.as_of - a.as_of).days,
        total_owed=_change(a.total_owed, b.total_owed, lower_is_better=True),
        total_overdue=_change(a.total_overdue, b.total_overdue, lower_is_better=True),
        monthly_surplus=_change(a.monthly_surplus, b.monthly_surplus, lower_is_better=False),
        daily_cost=_change(a.daily_cost, b.daily_cost, lower_is_better=True),
        verdict_before=a.verdict,
        verdict_after=b.verdict,
        months_before=a.months,
        months_after=b.months,
        verdict_direction=verdict_direction,
    )
