"""One loan and one month of a user's money, as the plan tests use them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from jiebei_tui.domain.plans import DebtPosition, Finances

START = date(2027, 1, 5)
LOAN = DebtPosition(
    name="借呗",
    lender="重庆蚂蚁消费金融有限公司",
    principal=Decimal("20000.00"),
    overdue_principal=Decimal("5000.00"),
    accrued=Decimal("150.00"),
    daily_rate=Decimal("0.0005"),
    multiplier=Decimal("1.5"),
    days_overdue=40,
    due_day=20,
    regular_payment=Decimal("1800.00"),
)
LOAN_WITHOUT_PAYMENT = replace(LOAN, regular_payment=Decimal(0))  # no monthly payment counted for it
MONTH = Finances(
    income=Decimal("9000.00"),
    essentials=Decimal("4000.00"),
    other_fixed=Decimal("500.00"),
    debt_payments=Decimal("2300.00"),
    savings=Decimal("3000.00"),
)
MONTH_WITHOUT_SAVINGS = replace(MONTH, savings=Decimal(0))
