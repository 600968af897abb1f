"""What the user copied from loan pages and bills: debts, monthly money in and out, savings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from jiebei_tui.domain.parsing.money import ZERO
from jiebei_tui.domain.parsing.rates import (
    DEFAULT_MULTIPLIER,
)
from jiebei_tui.domain.selfcheck.kinds import DebtKind, EssentialCategory, RepaymentMethod
from jiebei_tui.domain.serial import decimal_from, decimal_text, optional_date, optional_int, text_from


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
            "outstanding_principal": decimal_text(self.outstanding_principal),
            "overdue_principal": decimal_text(self.overdue_principal),
            "overdue_since": self.overdue_since.isoformat() if self.overdue_since else None,
            "days_overdue": self.days_overdue,
            "daily_rate": decimal_text(self.daily_rate),
            "penalty_multiplier": decimal_text(self.penalty_multiplier),
            "repayment_method": self.repayment_method.value,
            "remaining_months": self.remaining_months,
            "monthly_payment": decimal_text(self.monthly_payment),
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
            name=text_from(data.get("name"), "name"),
            lender=text_from(data.get("lender"), "lender"),
            outstanding_principal=decimal_from(data.get("outstanding_principal", "0"), "outstanding_principal"),
            overdue_principal=decimal_from(data.get("overdue_principal", "0"), "overdue_principal"),
            overdue_since=optional_date(data.get("overdue_since"), "overdue_since"),
            days_overdue=optional_int(data.get("days_overdue"), "days_overdue"),
            daily_rate=decimal_from(data.get("daily_rate", "0"), "daily_rate"),
            penalty_multiplier=decimal_from(data.get("penalty_multiplier", "1"), "penalty_multiplier"),
            repayment_method=method,
            remaining_months=optional_int(data.get("remaining_months"), "remaining_months"),
            monthly_payment=decimal_from(data.get("monthly_payment", "0"), "monthly_payment"),
            due_day=optional_int(data.get("due_day"), "due_day"),
        )


@dataclass(frozen=True)
class Entry:
    """A labelled monthly amount (an income source, a fixed payment, a savings pot)."""

    label: str
    amount: Decimal

    def to_dict(self) -> dict[str, str]:
        return {"label": self.label, "amount": decimal_text(self.amount)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Entry:
        return cls(label=text_from(data.get("label"), "label"), amount=decimal_from(data.get("amount", "0"), "amount"))


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
                category.value: decimal_text(self.essentials[category])
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
            essentials[category] = decimal_from(value, f"essentials.{key}")
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

