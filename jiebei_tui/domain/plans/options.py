"""What a plan proposes for one debt: pay in full, defer, instalments by method, or the lender's terms.

One flat, frozen record per option, so a form edits it field by field and the
store saves it as is; ``kind`` says which fields count. The lender's terms are
any option plus ``interest_stopped`` / ``penalty`` (a reduced amount, 0 when
waived) / typed instalments, marked ``offered_by_lender``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from jiebei_tui.domain.labels import LabelledEnum
from jiebei_tui.domain.plans.rates import Rate
from jiebei_tui.domain.serial import (
    date_from,
    decimal_text,
    list_from,
    money_from,
    optional_date,
    optional_decimal,
    optional_int,
    text_from,
)
from jiebei_tui.i18n import N_


class OptionKind(LabelledEnum):
    PAY_IN_FULL = "pay_in_full", N_("Pay in full")
    DEFERRAL = "deferral", N_("Deferral")
    EQUAL_PAYMENT = "equal_payment", N_("Equal monthly payments (等额本息)")  # 等额本息
    EQUAL_PRINCIPAL = "equal_principal", N_("Equal principal each month (等额本金)")  # 等额本金
    INTEREST_FIRST = "interest_first", N_("Interest first, principal at the end (先息后本)")  # 先息后本
    FIXED_PAYMENT = "fixed_payment", N_("A fixed amount each month")
    TYPED = "typed", N_("Instalments as typed")  # instalments typed in, usually the lender's
    DO_NOTHING = "do_nothing", N_("Do nothing")

    @property
    def by_method(self) -> bool:
        """Instalments whose amounts follow from a method, a count and a rate."""
        return self in (OptionKind.EQUAL_PAYMENT, OptionKind.EQUAL_PRINCIPAL, OptionKind.INTEREST_FIRST)

    @property
    def monthly(self) -> bool:
        """Paid on a monthly due day (needs a first due date and a due day)."""
        return self.by_method or self is OptionKind.FIXED_PAYMENT


class PenaltyHandling(LabelledEnum):
    """How the penalty owed at the start is paid in method-based instalments."""

    FIRST = "first", N_("Penalty paid with the first instalment")  # with the first instalment
    SPREAD = "spread", N_("Penalty spread over the instalments")  # in equal parts over all instalments


@dataclass(frozen=True)
class Instalment:
    """One typed instalment: a date and an amount (the last one is recomputed to clear the balance)."""

    due: date
    amount: Decimal

    def to_dict(self) -> dict[str, str]:
        return {"due": self.due.isoformat(), "amount": decimal_text(self.amount)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Instalment:
        return cls(date_from(data.get("due"), "due"), money_from(data.get("amount"), "amount"))


@dataclass(frozen=True)
class Option:
    """One way to repay one debt. Fields not used by ``kind`` are ignored.

    ``rate`` None means the debt's own daily rate. ``penalty`` None means what has
    accrued (and, for pay in full, deferral and waiting, what keeps accruing at the
    debt's daily rate × ``multiplier``); a typed amount is the lender's figure.
    """

    kind: OptionKind
    months: int | None = None  # instalments by method; waiting counted in months
    days: int | None = None  # deferral; waiting counted in days
    rate: Rate | None = None
    first_due: date | None = None
    due_day: int | None = None
    payment: Decimal | None = None  # fixed payment
    pay_on: date | None = None  # pay in full (None: the start day)
    instalments: tuple[Instalment, ...] = ()
    multiplier: Decimal | None = None  # penalty multiplier while waiting; None: the debt's own
    interest_stopped: bool = False
    penalty: Decimal | None = None
    penalty_handling: PenaltyHandling = PenaltyHandling.FIRST
    offered_by_lender: bool = False

    @classmethod
    def pay_in_full(cls, on: date | None = None) -> Option:
        return cls(OptionKind.PAY_IN_FULL, pay_on=on)

    @classmethod
    def deferral(cls, days: int, multiplier: Decimal | None = None) -> Option:
        return cls(OptionKind.DEFERRAL, days=days, multiplier=multiplier)

    @classmethod
    def instalments_by(
        cls,
        kind: OptionKind,
        months: int,
        *,
        rate: Rate | None = None,
        first_due: date | None = None,
        due_day: int | None = None,
    ) -> Option:
        if not kind.by_method:
            raise ValueError(f"{kind} is not a method of instalments")
        return cls(kind, months=months, rate=rate, first_due=first_due, due_day=due_day)

    @classmethod
    def fixed_payment(
        cls, payment: Decimal, *, rate: Rate | None = None, first_due: date | None = None, due_day: int | None = None
    ) -> Option:
        return cls(OptionKind.FIXED_PAYMENT, payment=payment, rate=rate, first_due=first_due, due_day=due_day)

    @classmethod
    def typed(cls, instalments: tuple[Instalment, ...], *, rate: Rate | None = None) -> Option:
        return cls(OptionKind.TYPED, instalments=instalments, rate=rate, offered_by_lender=True)

    @classmethod
    def do_nothing(cls, *, days: int | None = None, months: int | None = None) -> Option:
        if (days is None) == (months is None):
            raise ValueError("give days or months")
        return cls(OptionKind.DO_NOTHING, days=days, months=months)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "months": self.months,
            "days": self.days,
            "rate": None if self.rate is None else self.rate.to_dict(),
            "first_due": None if self.first_due is None else self.first_due.isoformat(),
            "due_day": self.due_day,
            "payment": None if self.payment is None else decimal_text(self.payment),
            "pay_on": None if self.pay_on is None else self.pay_on.isoformat(),
            "instalments": [item.to_dict() for item in self.instalments],
            "multiplier": None if self.multiplier is None else decimal_text(self.multiplier),
            "interest_stopped": self.interest_stopped,
            "penalty": None if self.penalty is None else decimal_text(self.penalty),
            "penalty_handling": self.penalty_handling.value,
            "offered_by_lender": self.offered_by_lender,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Option:
        try:
            kind = OptionKind(text_from(data.get("kind"), "kind"))
            handling = PenaltyHandling(text_from(data.get("penalty_handling", "first"), "penalty_handling"))
        except ValueError as error:
            raise ValueError(f"option: {error}") from error
        rate = data.get("rate")
        return cls(
            kind=kind,
            months=optional_int(data.get("months"), "months"),
            days=optional_int(data.get("days"), "days"),
            rate=None if rate is None else Rate.from_dict(rate),
            first_due=optional_date(data.get("first_due"), "first_due"),
            due_day=optional_int(data.get("due_day"), "due_day"),
            payment=optional_decimal(data.get("payment"), "payment"),
            pay_on=optional_date(data.get("pay_on"), "pay_on"),
            instalments=tuple(Instalment.from_dict(item) for item in list_from(data.get("instalments"), "instalments")),
            multiplier=optional_decimal(data.get("multiplier"), "multiplier"),
            interest_stopped=bool(data.get("interest_stopped", False)),
            penalty=optional_decimal(data.get("penalty"), "penalty"),
            penalty_handling=handling,
            offered_by_lender=bool(data.get("offered_by_lender", False)),
        )
