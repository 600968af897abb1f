"""The whole self-check for one day: every figure with its explanation, priorities and the verdict."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Any, Final

from jiebei_tui.domain.facts import fact
from jiebei_tui.domain.labels import Message
from jiebei_tui.domain.parsing.money import ZERO, format_money, round_fen
from jiebei_tui.domain.selfcheck.comparison import Summary
from jiebei_tui.domain.selfcheck.debts import DebtAssessment, assess_debt
from jiebei_tui.domain.selfcheck.explain import (
    F_PLUS,
    NOTE_DAILY_ROUNDING,
    NOTE_PENALTY_INPUTS,
    NOTE_ROUNDING,
    Figure,
    Step,
    sum_figure,
    sum_step,
)
from jiebei_tui.domain.selfcheck.inputs import Debt, SelfCheckInput
from jiebei_tui.domain.selfcheck.kinds import (
    CREDIT_REPORTED_KINDS,
    DebtKind,
    EssentialCategory,
    VerdictKind,
)
from jiebei_tui.domain.selfcheck.priorities import Priority, rank_priorities
from jiebei_tui.domain.selfcheck.verdict import (
    Verdict,
    VerdictInputs,
    decide,
    monthly_step,
)
from jiebei_tui.domain.selfcheck.verdict_texts import (
    L_DEBT_PAYMENTS,
    L_ESSENTIALS,
    L_INCOME,
    L_NEEDED,
    L_OTHER_FIXED,
    L_SAVINGS,
    L_TOTAL_30_DAYS,
    L_TOTAL_PER_DAY,
)
from jiebei_tui.i18n import N_

_PERCENT_QUANTUM: Final = Decimal("0.1")
L_DEBT_SHARE = N_("Debt payments as a share of income")
L_TOTAL_OVERDUE_PRINCIPAL = N_("Overdue principal, all debts")
L_TOTAL_ACCRUED = N_("Penalty and interest so far, all debts")
L_TOTAL_OWED = N_("Total owed (outstanding principal plus accrued)")
F_SHARE = N_("{debt_payments} ÷ {income}")
F_NO_INCOME = N_("no income entered")
F_NO_PAYMENT = N_("no monthly payment entered for {names}")
R_UNKNOWN = N_("unknown")
NOTE_NO_PAYMENT = N_(
    "No monthly payment was entered for {names}, though part of it is not yet due: what is left each "
    "month may be less than shown. Copy the payment from the loan page or bill."
)

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
    missing_payments: tuple[str, ...] = ()  # names of debts with a part not yet due but no monthly payment

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
    return Figure(total, (sum_step(label, values, total),), note)


def missing_payments(debts: tuple[Debt, ...]) -> tuple[str, ...]:
    """Debts whose monthly payment is unknown: a part is not yet due, yet no payment was entered.

    A debt wholly overdue has no regular payment left, and a loan from family often has no
    schedule, so neither counts as missing.
    """
    return tuple(
        debt.name
        for debt in debts
        if debt.monthly_payment == 0
        and debt.outstanding_principal > debt.overdue_principal
        and debt.kind is not DebtKind.FAMILY_FRIENDS
    )


def _at_stake(inp: SelfCheckInput, verdict: Verdict) -> tuple[str, ...]:
    """Fact keys that matter here; ``fact()`` raises if a key is not in facts.FACTS."""
    keys: list[str] = []
    if any(d.overdue_principal > 0 and d.kind in CREDIT_REPORTED_KINDS for d in inp.debts):
        keys.extend(_STAKES_CREDIT)
    if any(d.kind is DebtKind.JIEBEI and not d.lender.strip() for d in inp.debts):
        keys.append("lender_on_loan_page")
    if verdict.kind in (VerdictKind.NEGOTIATE, VerdictKind.CRISIS) and any(
        d.kind in CREDIT_REPORTED_KINDS for d in inp.debts
    ):
        keys.append("banned_conduct")  # nobody may push you to borrow new loans to repay old ones
    for key in keys:
        fact(key)
    return tuple(keys)


def assess(inp: SelfCheckInput, today: date) -> Assessment:
    """Run the self-check for ``today``. Pure and deterministic; never raises on valid Debts."""
    cash = inp.cashflow
    income = sum_figure(L_INCOME, ((e.label, True, e.amount) for e in cash.incomes))
    essentials = sum_figure(
        L_ESSENTIALS,
        ((c.label, False, cash.essentials.get(c, ZERO)) for c in EssentialCategory),
    )
    other_fixed = sum_figure(L_OTHER_FIXED, ((e.label, True, e.amount) for e in cash.other_fixed))
    debt_payments = sum_figure(L_DEBT_PAYMENTS, ((d.name, True, d.monthly_payment) for d in inp.debts))
    savings = sum_figure(L_SAVINGS, ((e.label, True, e.amount) for e in cash.savings))

    surplus_value = income.value - essentials.value - other_fixed.value - debt_payments.value
    surplus = Figure(surplus_value, (monthly_step(income.value, essentials.value, other_fixed.value, debt_payments.value),))
    missing = missing_payments(inp.debts)
    if missing:
        names = "、".join(missing)
        share_fig: Figure[Decimal | None] = Figure(
            None, (Step(L_DEBT_SHARE, Message(F_NO_PAYMENT, {"names": names}), Message(R_UNKNOWN)),)
        )
    elif income.value > 0:
        with localcontext() as context:
            context.prec = 60
            share = (debt_payments.value * 100 / income.value).quantize(_PERCENT_QUANTUM, rounding=ROUND_HALF_UP)
        share_step = Step(
            L_DEBT_SHARE,
            Message(F_SHARE, {"debt_payments": format_money(debt_payments.value), "income": format_money(income.value)}),
            f"{share}%",
        )
        share_fig = Figure(share, (share_step,))
    else:
        share_fig = Figure(None, (Step(L_DEBT_SHARE, Message(F_NO_INCOME), "—"),))

    debts = tuple(assess_debt(debt, today, index) for index, debt in enumerate(inp.debts))
    overdue_debts = [d for d in debts if d.debt.overdue_principal > 0]
    total_overdue_principal = _total_of(
        L_TOTAL_OVERDUE_PRINCIPAL, [d.debt.overdue_principal for d in overdue_debts], None
    )
    total_accrued = _total_of(L_TOTAL_ACCRUED, [d.accrued.value for d in overdue_debts])
    total_per_day = _total_of(L_TOTAL_PER_DAY, [d.cost_per_day.value for d in overdue_debts], NOTE_DAILY_ROUNDING)
    total_30 = _total_of(L_TOTAL_30_DAYS, [d.cost_next_30_days.value for d in overdue_debts], NOTE_DAILY_ROUNDING)
    needed_value = total_overdue_principal.value + total_accrued.value
    needed = Figure(
        needed_value,
        (
            Step(
                L_NEEDED,
                Message(F_PLUS, {"a": format_money(total_overdue_principal.value), "b": format_money(total_accrued.value)}),
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
                Message(F_PLUS, {"a": format_money(outstanding), "b": format_money(total_accrued.value)}),
                format_money(owed_value),
            ),
        ),
    )
    verdict = decide(
        VerdictInputs(
            income=income.value,
            essentials=essentials.value,
            other_fixed=other_fixed.value,
            debt_payments=debt_payments.value,
            savings=savings.value,
            needed=needed_value,
            per_day=total_per_day.value,
        )
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
        priorities=rank_priorities(inp, debts),
        at_stake=_at_stake(inp, verdict),
        verdict=verdict,
        missing_payments=missing,
    )

