"""A repayment schedule: dated rows to the fen, their totals, and the balance over time for a chart."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from jiebei_tui.domain.parsing.money import ZERO
from jiebei_tui.domain.plans.alerts import Alert
from jiebei_tui.domain.plans.message import Message


@dataclass(frozen=True)
class Row:
    """One payment. ``payment = principal + interest + penalty``; ``balance`` is principal left after it,
    ``owed_after`` adds any interest or penalty still unpaid (only typed instalments leave some)."""

    number: int  # 1-based
    due: date
    payment: Decimal
    principal: Decimal
    interest: Decimal
    penalty: Decimal
    balance: Decimal
    owed_after: Decimal


@dataclass(frozen=True)
class Point:
    """Owed on a day (principal plus unpaid interest and penalty): one point of the balance chart."""

    day: date
    owed: Decimal


@dataclass(frozen=True)
class Schedule:
    """A plan's payments, or (no rows) what waiting leaves owed at ``end``.

    ``owed_at_start`` is principal plus what had accrued on ``start``. A schedule
    that repays ends with ``still_owed == 0``; waiting ends with everything still
    owed and ``unpaid_interest``/``unpaid_penalty`` holding what built up.
    """

    start: date
    principal: Decimal
    owed_at_start: Decimal
    rows: tuple[Row, ...]
    basis: Message
    notes: tuple[Message, ...] = ()
    end: date | None = None  # waiting only: the last day looked at
    still_owed: Decimal = ZERO
    unpaid_interest: Decimal = ZERO
    unpaid_penalty: Decimal = ZERO
    waiting_points: tuple[Point, ...] = ()
    alerts: tuple[Alert, ...] = ()

    @property
    def count(self) -> int:
        return len(self.rows)

    @property
    def repays(self) -> bool:
        return bool(self.rows) and self.still_owed == 0

    @property
    def total_paid(self) -> Decimal:
        return sum((row.payment for row in self.rows), ZERO)

    @property
    def total_principal(self) -> Decimal:
        return sum((row.principal for row in self.rows), ZERO)

    @property
    def total_interest(self) -> Decimal:
        return sum((row.interest for row in self.rows), ZERO) + self.unpaid_interest

    @property
    def total_penalty(self) -> Decimal:
        return sum((row.penalty for row in self.rows), ZERO) + self.unpaid_penalty

    @property
    def total_cost(self) -> Decimal:
        """Everything beyond the principal: interest and penalty, paid or (when waiting) still owed."""
        return self.total_interest + self.total_penalty

    @property
    def total_to_clear(self) -> Decimal:
        """What clearing costs in all: paid by the plan plus anything still owed at its end."""
        return self.total_paid + self.still_owed

    @property
    def last_day(self) -> date:
        if self.rows:
            return self.rows[-1].due
        return self.end or self.start

    @property
    def payoff_date(self) -> date | None:
        return self.rows[-1].due if self.repays else None

    @property
    def first_payment(self) -> Decimal:
        return self.rows[0].payment if self.rows else ZERO

    @property
    def largest_payment(self) -> Decimal:
        return max((row.payment for row in self.rows), default=ZERO)

    @property
    def regular_payment(self) -> Decimal:
        """The payment made most often (the level instalment; ties: the larger), for the proposal sentence."""
        if not self.rows:
            return ZERO
        counts = Counter(row.payment for row in self.rows)
        return max(counts, key=lambda amount: (counts[amount], amount))

    @property
    def is_level(self) -> bool:
        return len({row.payment for row in self.rows}) <= 1

    def series(self) -> tuple[Point, ...]:
        """Owed over time: the start, then after each payment (or each waiting point)."""
        points = [Point(self.start, self.owed_at_start)]
        points += [Point(row.due, row.owed_after) for row in self.rows]
        points += [point for point in self.waiting_points if point.day > self.start]
        return tuple(points)

    def owed_on(self, day: date) -> Decimal:
        """The chart's step value on ``day``: owed after the last point on or before it."""
        value = self.owed_at_start
        for point in self.series():
            if point.day > day:
                break
            value = point.owed
        return value
