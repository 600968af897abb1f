"""What to pay first in a tight month: living essentials, then the debts (CFPB)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from jiebei_tui.domain.parsing.money import ZERO, format_money, round_fen
from jiebei_tui.domain.selfcheck.debts import DebtAssessment
from jiebei_tui.domain.selfcheck.inputs import SelfCheckInput
from jiebei_tui.domain.selfcheck.kinds import EssentialCategory
from jiebei_tui.i18n import N_

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


def rank_priorities(inp: SelfCheckInput, debts: tuple[DebtAssessment, ...]) -> tuple[Priority, ...]:
    items: list[Priority] = []
    for category in EssentialCategory:  # enum order is the CFPB order
        amount = inp.cashflow.essentials.get(category, ZERO)
        if amount > 0:
            items.append(Priority("essentials", category.label, {}, round_fen(amount)))
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

