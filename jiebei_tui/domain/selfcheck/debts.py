"""What one debt costs while it stays overdue: so far, per day and over the next 30 days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, localcontext
from typing import Final

from jiebei_tui.domain.labels import Message
from jiebei_tui.domain.parsing.money import format_money, round_fen
from jiebei_tui.domain.parsing.rates import (
    format_multiplier,
    format_rate,
)
from jiebei_tui.domain.selfcheck.explain import F_PLUS, F_TIMES, NOTE_PENALTY_INPUTS, Figure, Step
from jiebei_tui.domain.selfcheck.inputs import Debt
from jiebei_tui.i18n import N_, N_plural

DAYS_PER_MONTH: Final = 30
L_DAYS_OVERDUE = N_("Days overdue")
L_ACCRUED = N_("Penalty and interest so far")
L_COST_PER_DAY = N_("Cost of each day of waiting")
L_COST_30_DAYS = N_("Added by waiting 30 more days")
L_OVERDUE_TOTAL = N_("Needed to clear this overdue today")

F_DAYS_FROM_DATE = N_("{today} − {since}")
F_DAYS_GIVEN = N_("as copied from your loan page")
F_DAYS_NONE = N_("no due date or days entered")
F_DAYS_NOT_OVERDUE = N_("nothing overdue")
F_ACCRUED = N_plural("{principal} × {rate} × {multiplier} × {days} day", "{principal} × {rate} × {multiplier} × {days} days")
F_PER_DAY = N_("{principal} × {rate} × {multiplier}")

R_DAYS = N_plural("{days} day", "{days} days")


def _days(days: int) -> Message:
    return Message.counted(R_DAYS, days, {"days": str(days)})


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
        return Figure(0, (Step(L_DAYS_OVERDUE, Message(F_DAYS_NOT_OVERDUE), _days(0)),)), "not_overdue"
    if debt.overdue_since is not None:
        days = max(0, (today - debt.overdue_since).days)
        step = Step(
            L_DAYS_OVERDUE,
            Message(F_DAYS_FROM_DATE, {"today": today.isoformat(), "since": debt.overdue_since.isoformat()}),
            _days(days),
        )
        return Figure(days, (step,)), "date"
    if debt.days_overdue is not None:
        days = max(0, debt.days_overdue)
        return Figure(days, (Step(L_DAYS_OVERDUE, Message(F_DAYS_GIVEN), _days(days)),)), "given"
    return Figure(0, (Step(L_DAYS_OVERDUE, Message(F_DAYS_NONE), _days(0)),)), "none"


def assess_debt(debt: Debt, today: date, index: int = 0) -> DebtAssessment:
    """Penalty so far = overdue principal × daily rate × multiplier × days, rounded once at the end.

    The cost of one more day is rounded to the fen (half up) and the next 30 days are 30 times
    that rounded daily cost: derived one way, so "about ¥6.17 a day; ¥185.10 in 30 days" add
    up on screen (the unrounded way would say ¥185.19 beside ¥6.17).
    """
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
    next_30 = per_day * DAYS_PER_MONTH
    accrued_formula = Message.counted(F_ACCRUED, days, {**inputs, "days": str(days)})
    accrued_fig = Figure(accrued, (Step(L_ACCRUED, accrued_formula, format_money(accrued)),), NOTE_PENALTY_INPUTS)
    per_day_fig = Figure(
        per_day, (Step(L_COST_PER_DAY, Message(F_PER_DAY, inputs), format_money(per_day)),), NOTE_PENALTY_INPUTS
    )
    next_30_formula = Message(F_TIMES, {"n": str(DAYS_PER_MONTH), "amount": format_money(per_day)})
    next_30_fig = Figure(
        next_30,
        (per_day_fig.steps[0], Step(L_COST_30_DAYS, next_30_formula, format_money(next_30))),
        NOTE_PENALTY_INPUTS,
    )
    total = principal + accrued
    total_fig = Figure(
        total,
        (
            Step(
                L_OVERDUE_TOTAL,
                Message(F_PLUS, {"a": format_money(principal), "b": format_money(accrued)}),
                format_money(total),
            ),
        ),
        NOTE_PENALTY_INPUTS,
    )
    return DebtAssessment(index, debt, days_figure, source, accrued_fig, per_day_fig, next_30_fig, total_fig)

