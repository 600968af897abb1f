"""Screenshots of the self-check: the empty form, a message beside a field, a result with its
verdict, how a figure was computed, and the history with its trend."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from make import Shot, clock
from textual.pilot import Pilot

from jiebei_tui.domain.selfcheck import CashFlow, Debt, DebtKind, Entry, EssentialCategory, SelfCheckInput, assess
from jiebei_tui.store.selfcheck import save_snapshot


def _input(outstanding: str, overdue: str, days: int, income: str, savings: str) -> SelfCheckInput:
    debts = (
        Debt(
            kind=DebtKind.JIEBEI, name="借呗", lender="重庆蚂蚁消费金融有限公司",
            outstanding_principal=Decimal(outstanding), overdue_principal=Decimal(overdue), days_overdue=days,
            daily_rate=Decimal("0.0005"), penalty_multiplier=Decimal("1.5"), monthly_payment=Decimal("1800"),
            due_day=15, remaining_months=10,
        ),
        Debt(kind=DebtKind.HUABEI, name="花呗", outstanding_principal=Decimal("3200"), monthly_payment=Decimal("640"),
             due_day=10),
    )
    cash = CashFlow(
        incomes=(Entry("工资", Decimal(income)), Entry("周末兼职", Decimal("1200"))),
        essentials={
            EssentialCategory.RENT: Decimal("2800"),
            EssentialCategory.FOOD: Decimal("1600"),
            EssentialCategory.UTILITIES: Decimal("350"),
            EssentialCategory.TRANSPORT: Decimal("300"),
        },
        savings=(Entry("余额宝", Decimal(savings)),),
    )
    return SelfCheckInput(debts, cash)


# (days before the screenshot clock, outstanding, overdue, days overdue, income, savings)
HISTORY = (
    (62, "30000", "24000", 20, "6500", "500"),
    (31, "28500", "21000", 51, "7800", "1500"),
    (0, "26000", "18000", 82, "9000", "4000"),
)


async def one_self_check(pilot: Pilot) -> None:
    _days, outstanding, overdue, days, income, savings = HISTORY[-1]
    inp = _input(outstanding, overdue, days, income, savings)
    save_snapshot(pilot.app.store, inp, assess(inp, clock().date()), clock())


async def three_self_checks(pilot: Pilot) -> None:
    for days_before, outstanding, overdue, days, income, savings in HISTORY:
        when = clock() - timedelta(days=days_before)
        inp = _input(outstanding, overdue, days, income, savings)
        save_snapshot(pilot.app.store, inp, assess(inp, when.date()), when)


SHOTS: tuple[Shot, ...] = (
    Shot("selfcheck", ("f3",)),
    Shot("selfcheck-message", ("f3", "tab", "tab", "tab", *"两万五", "tab")),
    Shot("selfcheck-result", ("f3", "ctrl+b"), prepare=one_self_check),
    Shot("selfcheck-result-en", ("f3", "ctrl+b"), language="en", prepare=one_self_check),
    Shot("selfcheck-how", ("f3", "ctrl+b", "tab", "down", "down", "down", "down", "down", "enter"), prepare=one_self_check),
    Shot("selfcheck-history", ("f3", "ctrl+o", "down"), prepare=three_self_checks),
)
