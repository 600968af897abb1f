"""One debt's running state while payments are applied: what is charged each period and where money goes.

Used where the amount paid drives the schedule (a fixed monthly payment, instalments
the user typed, a monthly budget over several debts). Interest and penalty are
charged once per period and rounded to the fen; unpaid interest and penalty are
carried without interest (whether a contract compounds is not verified, so the plan
never assumes it). A payment goes to penalty first, then interest, then the overdue
principal, then the rest, the order lenders apply repayments in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from jiebei_tui.domain.parsing.money import ZERO, round_fen
from jiebei_tui.domain.parsing.rates import DEFAULT_MULTIPLIER
from jiebei_tui.domain.plans.rates import Rate, RatePeriod, calc_context
from jiebei_tui.domain.plans.schedule import Row
from jiebei_tui.domain.selfcheck import Debt, DebtKind, assess_debt


def penalty_on(overdue: Decimal, rate: Rate, multiplier: Decimal, days: int, on: date) -> Decimal:
    """Penalty on an overdue amount for one period, rounded to the fen.

    For a daily rate this is the self-check's own figure (overdue × daily rate ×
    multiplier × days); a monthly rate charges rate × multiplier per period.
    """
    if overdue <= 0:
        return ZERO
    if rate.period is RatePeriod.DAILY:
        debt = Debt(
            kind=DebtKind.OTHER,
            name="",
            overdue_principal=overdue,
            days_overdue=days,
            daily_rate=rate.value,
            penalty_multiplier=multiplier,
        )
        return assess_debt(debt, on).accrued.value
    with calc_context():
        return round_fen(rate.period_interest(overdue, days) * multiplier)


@dataclass
class Account:
    """Mutable: the balance, its overdue part, and interest and penalty charged but not yet paid."""

    rate: Rate
    balance: Decimal
    overdue: Decimal = ZERO
    multiplier: Decimal = DEFAULT_MULTIPLIER
    interest_due: Decimal = ZERO
    penalty_due: Decimal = ZERO

    @property
    def owed(self) -> Decimal:
        return self.balance + self.interest_due + self.penalty_due

    def period_charge(self, days: int, on: date) -> tuple[Decimal, Decimal]:
        """(interest, penalty) one period of ``days`` days would add, without adding it."""
        current = self.balance - self.overdue
        interest = round_fen(self.rate.period_interest(current, days)) if current > 0 else ZERO
        return interest, penalty_on(self.overdue, self.rate, self.multiplier, days, on)

    def accrue(self, days: int, on: date) -> tuple[Decimal, Decimal]:
        interest, penalty = self.period_charge(days, on)
        self.interest_due += interest
        self.penalty_due += penalty
        return interest, penalty

    def pay(self, amount: Decimal) -> tuple[Decimal, Decimal, Decimal]:
        """Apply up to ``amount``; returns (principal, interest, penalty) paid. Never pays more than owed."""
        penalty = min(amount, self.penalty_due)
        amount -= penalty
        interest = min(amount, self.interest_due)
        amount -= interest
        principal = min(amount, self.balance)
        self.penalty_due -= penalty
        self.interest_due -= interest
        self.balance -= principal
        self.overdue = max(ZERO, self.overdue - principal)
        return principal, interest, penalty

    def pay_charges(self, amount: Decimal) -> tuple[Decimal, Decimal, Decimal]:
        """Pay penalty then interest only, up to ``amount``; returns (0, interest, penalty)."""
        penalty = min(amount, self.penalty_due)
        interest = min(amount - penalty, self.interest_due)
        self.penalty_due -= penalty
        self.interest_due -= interest
        return ZERO, interest, penalty

    def pay_principal(self, amount: Decimal) -> tuple[Decimal, Decimal, Decimal]:
        """Repay principal only (overdue part first), up to ``amount``; returns (principal, 0, 0)."""
        principal = min(amount, self.balance)
        self.balance -= principal
        self.overdue = max(ZERO, self.overdue - principal)
        return principal, ZERO, ZERO

    @property
    def tranche(self) -> Decimal:
        """Principal charged at the current daily cost: the overdue part while there is one, else all of it."""
        return self.overdue if self.overdue > 0 else self.balance

    def daily_cost(self) -> Decimal:
        """What a yuan of the next principal repaid costs per period: rate × multiplier while overdue."""
        with calc_context():
            return self.rate.value * (self.multiplier if self.overdue > 0 else 1)

    def row(self, number: int, due: date, paid: tuple[Decimal, Decimal, Decimal]) -> Row:
        principal, interest, penalty = paid
        return Row(
            number=number,
            due=due,
            payment=principal + interest + penalty,
            principal=principal,
            interest=interest,
            penalty=penalty,
            balance=self.balance,
            owed_after=self.owed,
        )
