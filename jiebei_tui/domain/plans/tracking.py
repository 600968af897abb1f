"""Review: a plan's schedule against the payments made, its progress, next due, and two plans compared.

Payments are matched to instalments in date order, oldest instalment first, so a
payment that is short leaves the rest of that instalment open and the next payment
finishes it. An instalment is *on time* when it was fully paid by its due date,
*late* when fully paid after it, *short* when its date has passed and only part is
paid, *missed* when its date has passed with nothing paid. Progress is measured
against the schedule's amounts; paying early or more does not recompute interest
here (the lender's page shows the amount that counts).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from jiebei_tui.domain.labels import LabelledEnum
from jiebei_tui.domain.parsing.money import ZERO
from jiebei_tui.domain.plans.lifecycle import Plan
from jiebei_tui.domain.plans.schedule import Row, Schedule
from jiebei_tui.domain.plans.status import PlanStatus
from jiebei_tui.i18n import N_


class InstalmentState(LabelledEnum):
    ON_TIME = "on_time", N_("Paid on time")
    LATE = "late", N_("Paid late")
    SHORT = "short", N_("Paid in part")
    MISSED = "missed", N_("Not paid")
    DUE_TODAY = "due_today", N_("Due today")
    UPCOMING = "upcoming", N_("Coming up")


@dataclass(frozen=True)
class Tracked:
    """One instalment with what has been paid towards it and, once fully paid, the day it was."""

    row: Row
    paid: Decimal
    paid_in_full_on: date | None
    state: InstalmentState

    @property
    def left(self) -> Decimal:
        return self.row.payment - self.paid


@dataclass(frozen=True)
class Progress:
    """The Review line of one plan, and its instalments for the detail view."""

    status: PlanStatus
    schedule: Schedule
    instalments: tuple[Tracked, ...]
    paid: Decimal  # every payment recorded
    scheduled: Decimal  # the schedule's total
    overpaid: Decimal  # paid beyond the schedule's total

    @property
    def remaining(self) -> Decimal:
        return max(ZERO, self.scheduled - self.paid)

    @property
    def fraction(self) -> Decimal:
        """Paid share of the schedule, 0..1 (for a progress bar)."""
        if self.scheduled <= 0:
            return Decimal(1)
        return min(Decimal(1), self.paid / self.scheduled)

    @property
    def next_due(self) -> Tracked | None:
        """The oldest instalment not fully paid (its ``left`` is what is still due on it)."""
        return next((item for item in self.instalments if item.paid_in_full_on is None), None)

    def count(self, state: InstalmentState) -> int:
        return sum(1 for item in self.instalments if item.state is state)

    @property
    def late_count(self) -> int:
        return self.count(InstalmentState.LATE)

    @property
    def short_count(self) -> int:
        return self.count(InstalmentState.SHORT)

    @property
    def missed_count(self) -> int:
        return self.count(InstalmentState.MISSED)

    @property
    def fully_paid(self) -> bool:
        return self.paid >= self.scheduled > 0


def _state(row: Row, paid: Decimal, paid_on: date | None, today: date) -> InstalmentState:
    if paid_on is not None:
        return InstalmentState.ON_TIME if paid_on <= row.due else InstalmentState.LATE
    if row.due < today:
        return InstalmentState.SHORT if paid > 0 else InstalmentState.MISSED
    if row.due == today:
        return InstalmentState.DUE_TODAY
    return InstalmentState.UPCOMING


def track(plan: Plan, today: date) -> Progress:
    """Schedule against payments as of ``today``."""
    schedule = plan.schedule()
    payments = sorted(plan.payments, key=lambda payment: (payment.paid_on, payment.recorded_at))
    days = [payment.paid_on for payment in payments]
    amounts = [payment.amount for payment in payments]
    position = 0  # the payment being used up
    tracked = []
    for row in schedule.rows:
        paid = ZERO
        paid_on: date | None = row.due if row.payment == 0 else None
        while position < len(amounts) and paid < row.payment:
            used = min(amounts[position], row.payment - paid)
            paid += used
            amounts[position] -= used
            if paid == row.payment:
                paid_on = days[position]
            if amounts[position] == 0:
                position += 1
        tracked.append(Tracked(row, paid, paid_on, _state(row, paid, paid_on, today)))
    paid_total = sum((payment.amount for payment in plan.payments), ZERO)
    overpaid = sum(amounts[position:], ZERO)
    return Progress(plan.status, schedule, tuple(tracked), paid_total, schedule.total_paid, overpaid)


@dataclass(frozen=True)
class PlanFigures:
    """The figures Review puts side by side for one plan."""

    title: str
    status: PlanStatus
    instalments: int
    regular_payment: Decimal
    largest_payment: Decimal
    total: Decimal
    cost: Decimal  # interest and penalty
    payoff_date: date | None
    paid: Decimal
    remaining: Decimal


@dataclass(frozen=True)
class PlanComparison:
    first: PlanFigures
    second: PlanFigures
    total_difference: Decimal  # second − first
    cost_difference: Decimal
    payoff_days_difference: int | None  # second's payoff minus first's, in days


def figures(plan: Plan, today: date) -> PlanFigures:
    progress = track(plan, today)
    schedule = progress.schedule
    return PlanFigures(
        plan.title,
        plan.status,
        schedule.count,
        schedule.regular_payment,
        schedule.largest_payment,
        schedule.total_paid,
        schedule.total_cost,
        schedule.payoff_date,
        progress.paid,
        progress.remaining,
    )


def compare_plans(first: Plan, second: Plan, today: date) -> PlanComparison:
    a, b = figures(first, today), figures(second, today)
    days = None
    if a.payoff_date is not None and b.payoff_date is not None:
        days = (b.payoff_date - a.payoff_date).days
    return PlanComparison(a, b, b.total - a.total, b.cost - a.cost, days)
