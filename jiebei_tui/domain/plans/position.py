"""Where a plan starts: each debt as the plan sees it, the month's money, and both taken from a self-check.

Everything here is plain data the user may edit before building a plan; a plan
typed by hand (no self-check) uses the same types.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from jiebei_tui.domain.parsing.money import ZERO, round_fen
from jiebei_tui.domain.parsing.rates import DEFAULT_MULTIPLIER
from jiebei_tui.domain.plans.checks import (
    check_amount,
    check_daily_rate,
    check_due_day,
    check_multiplier,
    check_principal,
)
from jiebei_tui.domain.plans.rates import Rate
from jiebei_tui.domain.selfcheck import Assessment, Debt, DebtKind, SelfCheckInput, assess, assess_debt
from jiebei_tui.domain.serial import decimal_from, decimal_text, int_from, optional_date, optional_int, text_from


@dataclass(frozen=True)
class DebtPosition:
    """One debt on the plan's start day, as copied from the loan page (or the self-check).

    ``principal`` is what the plan repays (by default all outstanding principal,
    overdue part included); ``overdue_principal`` is the part past due, which keeps
    accruing penalty at ``daily_rate × multiplier`` while nothing is agreed;
    ``accrued`` is penalty and interest already owed and unpaid on the start day.
    ``regular_payment`` is what the self-check counted for this debt each month: a
    plan replaces it, so it is added back to the money available for the plan.
    """

    name: str
    lender: str = ""
    principal: Decimal = ZERO
    overdue_principal: Decimal = ZERO
    accrued: Decimal = ZERO
    daily_rate: Decimal = Decimal(0)
    multiplier: Decimal = DEFAULT_MULTIPLIER
    days_overdue: int = 0
    due_day: int | None = None
    regular_payment: Decimal = ZERO

    def check(self) -> None:
        """Raise the first InputError in these figures."""
        check_principal(self.principal, self.overdue_principal)
        check_amount(self.accrued, positive=False)
        check_amount(self.regular_payment, positive=False)
        check_daily_rate(self.daily_rate)
        check_multiplier(self.multiplier)
        check_due_day(self.due_day)

    @property
    def owed(self) -> Decimal:
        """Principal plus what has accrued: what clears this debt on the start day."""
        return self.principal + self.accrued

    def penalty_for(self, start: date, days: int, multiplier: Decimal | None = None) -> Decimal:
        """Penalty the overdue principal adds over the next ``days`` days.

        The self-check's own formula (overdue principal × daily rate × multiplier × days,
        rounded once), taken as the difference between the totals after and before,
        so a plan and the self-check never disagree on the same day.
        """
        if days <= 0 or self.overdue_principal <= 0:
            return ZERO
        debt = Debt(
            kind=DebtKind.OTHER,
            name=self.name,
            overdue_principal=self.overdue_principal,
            daily_rate=self.daily_rate,
            penalty_multiplier=self.multiplier if multiplier is None else multiplier,
        )
        before = assess_debt(_with_days(debt, self.days_overdue), start).accrued.value
        after = assess_debt(_with_days(debt, self.days_overdue + days), start).accrued.value
        return after - before

    def interest_for(self, days: int) -> Decimal:
        """Normal interest on the part not yet overdue over ``days`` days, at the daily rate."""
        if days <= 0:
            return ZERO
        return round_fen(Rate.daily(self.daily_rate).period_interest(self.principal - self.overdue_principal, days))

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "lender": self.lender,
            "principal": decimal_text(self.principal),
            "overdue_principal": decimal_text(self.overdue_principal),
            "accrued": decimal_text(self.accrued),
            "daily_rate": decimal_text(self.daily_rate),
            "multiplier": decimal_text(self.multiplier),
            "days_overdue": self.days_overdue,
            "due_day": self.due_day,
            "regular_payment": decimal_text(self.regular_payment),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DebtPosition:
        return cls(
            name=text_from(data.get("name"), "name"),
            lender=text_from(data.get("lender"), "lender"),
            principal=decimal_from(data.get("principal", "0"), "principal"),
            overdue_principal=decimal_from(data.get("overdue_principal", "0"), "overdue_principal"),
            accrued=decimal_from(data.get("accrued", "0"), "accrued"),
            daily_rate=decimal_from(data.get("daily_rate", "0"), "daily_rate"),
            multiplier=decimal_from(data.get("multiplier", "1"), "multiplier"),
            days_overdue=int_from(data.get("days_overdue", 0), "days_overdue"),
            due_day=optional_int(data.get("due_day"), "due_day"),
            regular_payment=decimal_from(data.get("regular_payment", "0"), "regular_payment"),
        )


def _with_days(debt: Debt, days: int) -> Debt:
    return Debt(
        kind=debt.kind,
        name=debt.name,
        overdue_principal=debt.overdue_principal,
        days_overdue=days,
        daily_rate=debt.daily_rate,
        penalty_multiplier=debt.penalty_multiplier,
    )


@dataclass(frozen=True)
class Finances:
    """A month of money as the self-check saw it; ``surplus`` may be negative (a shortfall)."""

    income: Decimal
    essentials: Decimal
    other_fixed: Decimal = ZERO
    debt_payments: Decimal = ZERO
    savings: Decimal = ZERO  # usable now (for a single payment)

    @property
    def surplus(self) -> Decimal:
        return self.income - self.essentials - self.other_fixed - self.debt_payments

    def available(self, replaced: Decimal = ZERO) -> Decimal:
        """What a plan can use each month: the surplus plus the regular payments the plan replaces."""
        return self.surplus + replaced

    def to_dict(self) -> dict[str, str]:
        return {
            "income": decimal_text(self.income),
            "essentials": decimal_text(self.essentials),
            "other_fixed": decimal_text(self.other_fixed),
            "debt_payments": decimal_text(self.debt_payments),
            "savings": decimal_text(self.savings),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finances:
        return cls(
            income=decimal_from(data.get("income", "0"), "income"),
            essentials=decimal_from(data.get("essentials", "0"), "essentials"),
            other_fixed=decimal_from(data.get("other_fixed", "0"), "other_fixed"),
            debt_payments=decimal_from(data.get("debt_payments", "0"), "debt_payments"),
            savings=decimal_from(data.get("savings", "0"), "savings"),
        )


@dataclass(frozen=True)
class StartingPoint:
    """What a new plan is filled with; ``selfcheck_date`` is None for a plan typed by hand."""

    start: date
    positions: tuple[DebtPosition, ...]
    finances: Finances | None = None
    selfcheck_date: date | None = None

    def default_budget(self, positions: tuple[DebtPosition, ...] | None = None) -> Decimal | None:
        """The self-check surplus plus the regular payments of ``positions`` (default: all), never below 0."""
        if self.finances is None:
            return None
        chosen = self.positions if positions is None else positions
        replaced = sum((p.regular_payment for p in chosen), ZERO)
        return max(ZERO, round_fen(self.finances.available(replaced)))

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "positions": [p.to_dict() for p in self.positions],
            "finances": None if self.finances is None else self.finances.to_dict(),
            "selfcheck_date": None if self.selfcheck_date is None else self.selfcheck_date.isoformat(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> StartingPoint:
        start = optional_date(data.get("start"), "start")
        if start is None:
            raise ValueError("start: required")
        finances = data.get("finances")
        return cls(
            start=start,
            positions=tuple(DebtPosition.from_dict(p) for p in data.get("positions") or ()),
            finances=None if finances is None else Finances.from_dict(finances),
            selfcheck_date=optional_date(data.get("selfcheck_date"), "selfcheck_date"),
        )


def from_selfcheck(inp: SelfCheckInput, start: date, checked_on: date | None = None) -> StartingPoint:
    """Fill a plan from the latest saved self-check (made on ``checked_on``), assessed again on ``start``
    (usually today) so the penalty accrued since then is counted."""
    point = from_assessment(assess(inp, start))
    return replace(point, selfcheck_date=checked_on or start)


def from_assessment(assessment: Assessment) -> StartingPoint:
    """Fill a plan from a self-check's result: each debt with something left, and the month's money.

    The start day is the assessment's day, so the accrued penalty is the one it showed.
    """
    positions = []
    for item in assessment.debts:
        debt = item.debt
        if debt.outstanding_principal <= 0 and debt.overdue_principal <= 0:
            continue
        positions.append(
            DebtPosition(
                name=debt.name,
                lender=debt.lender,
                principal=max(debt.outstanding_principal, debt.overdue_principal),
                overdue_principal=debt.overdue_principal,
                accrued=item.accrued.value,
                daily_rate=debt.daily_rate,
                multiplier=debt.penalty_multiplier,
                days_overdue=item.days_overdue.value,
                due_day=debt.due_day,
                regular_payment=debt.monthly_payment,
            )
        )
    finances = Finances(
        income=assessment.monthly_income.value,
        essentials=assessment.essentials.value,
        other_fixed=assessment.other_fixed.value,
        debt_payments=assessment.debt_payments.value,
        savings=assessment.usable_savings.value,
    )
    return StartingPoint(assessment.today, tuple(positions), finances, assessment.today)


def blank_start(start: date, name: str = "", lender: str = "") -> StartingPoint:
    """A plan typed by hand: one empty debt, no money figures (no affordability warnings until typed)."""
    return StartingPoint(start, (DebtPosition(name=name, lender=lender),))
