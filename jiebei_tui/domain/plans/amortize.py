"""Instalment schedules to the fen: 等额本息, 等额本金, 先息后本, a fixed payment, and typed instalments.

Each instalment's interest is the rate's interest on the principal still owed
(see ``rates``), rounded half up to the fen once. Every instalment but the last
pays the method's principal part; the last pays whatever principal is left, so
principal always sums exactly and the balance ends at exactly 0.

Level payment (等额本息):
* monthly rate r: M = P·r·(1+r)^n / ((1+r)^n − 1) (M = P/n when r = 0);
* daily rate d, period k of t_k days: the M that takes the balance to exactly 0 when
  each period multiplies it by g_k = 1 + d·t_k, i.e. M = P / Σ_k Π_{j≤k} 1/g_j.
M is computed with 60 digits and rounded once; the last payment absorbs the rounding.
Equal principal (等额本金): principal part P/n rounded, so payment k = P/n + (P − (k−1)·P/n)·r
for a monthly rate (mind the k−1: the first instalment pays interest on all of P).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import ROUND_DOWN, Decimal

from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.parsing.money import CENT, ZERO, format_money, round_fen
from jiebei_tui.domain.plans.account import Account
from jiebei_tui.domain.plans.checks import MAX_INSTALMENTS
from jiebei_tui.domain.plans.dates import add_months
from jiebei_tui.domain.plans.rates import Rate, RatePeriod, calc_context
from jiebei_tui.domain.plans.schedule import Row
from jiebei_tui.i18n import N_

MSG_PAYMENT_BELOW_INTEREST = N_(
    "A payment of {payment} does not cover the interest of {interest} (instalment {number}), so the debt would "
    "never be paid off. Pay more than {interest} each time."
)
MSG_LEVEL_BELOW_INTEREST = N_(
    "With these terms instalment {number} would be almost all interest ({interest} of {payment}) and the debt "
    "would hardly shrink. Choose fewer instalments, or check the rate."
)
MSG_TOO_LONG_AT_PAYMENT = N_(
    "At {payment} each month this would take more than {maximum} instalments; pay more each month."
)
MSG_CLEARED_EARLY = N_(
    "Instalment {number} already clears everything; remove the instalments after it or lower the amounts."
)
MSG_INSTALMENT_TOO_SMALL = N_(
    "With {months} instalments each would repay less than ¥1.00 of principal; choose fewer instalments."
)


def period_days(start: date, dues: Sequence[date]) -> list[int]:
    """Days in each period: start → first due, then due → due."""
    days = []
    previous = start
    for due in dues:
        days.append((due - previous).days)
        previous = due
    return days


def level_payment(principal: Decimal, rate: Rate, days: Sequence[int]) -> Decimal:
    """The exact (unrounded) level payment that repays ``principal`` over ``len(days)`` periods."""
    count = len(days)
    with calc_context():
        if rate.is_zero:
            return principal / count
        if rate.period is RatePeriod.MONTHLY:
            growth = (1 + rate.value) ** count
            return principal * rate.value * growth / (growth - 1)
        discount = Decimal(1)
        total = Decimal(0)
        for period in days:
            discount /= 1 + rate.value * period
            total += discount
        return principal / total


def spread(amount: Decimal, count: int) -> list[Decimal]:
    """``amount`` in ``count`` parts: equal parts rounded down to the fen, the last takes the rest."""
    if count <= 0:
        return []
    with calc_context():
        part = (amount / count).quantize(CENT, rounding=ROUND_DOWN)
    return [part] * (count - 1) + [amount - part * (count - 1)]


def check_instalment_size(principal: Decimal, months: int) -> None:
    if principal < months:
        raise InputError(MSG_INSTALMENT_TOO_SMALL, {"months": str(months)})


def _rows(
    principal: Decimal,
    rate: Rate,
    start: date,
    dues: Sequence[date],
    penalties: Sequence[Decimal],
    principal_part: Decimal | None,
) -> tuple[Row, ...]:
    """Shared loop. ``principal_part`` None means a level payment; otherwise the fixed principal part
    (0 for interest first)."""
    days = period_days(start, dues)
    level = round_fen(level_payment(principal, rate, days)) if principal_part is None else ZERO
    balance = principal
    penalty_left = sum(penalties, ZERO)
    rows = []
    for index, (due, period) in enumerate(zip(dues, days, strict=True)):
        number = index + 1
        interest = round_fen(rate.period_interest(balance, period))
        if number == len(dues):
            part = balance
        elif principal_part is None:
            part = level - interest
            if part <= 0 < balance:
                raise InputError(
                    MSG_LEVEL_BELOW_INTEREST,
                    {"number": str(number), "interest": format_money(interest), "payment": format_money(level)},
                )
            part = min(part, balance)
        else:
            part = min(principal_part, balance)
        balance -= part
        penalty = penalties[index]
        penalty_left -= penalty
        rows.append(Row(number, due, part + interest + penalty, part, interest, penalty, balance, balance + penalty_left))
    return tuple(rows)


def equal_payment_rows(
    principal: Decimal, rate: Rate, start: date, dues: Sequence[date], penalties: Sequence[Decimal]
) -> tuple[Row, ...]:
    """等额本息: the same payment each time (before penalty); the last absorbs the rounding."""
    check_instalment_size(principal, len(dues))
    return _rows(principal, rate, start, dues, penalties, None)


def equal_principal_rows(
    principal: Decimal, rate: Rate, start: date, dues: Sequence[date], penalties: Sequence[Decimal]
) -> tuple[Row, ...]:
    """等额本金: the same principal each time (P/n rounded), interest on what is left."""
    check_instalment_size(principal, len(dues))
    with calc_context():
        part = round_fen(principal / len(dues))
    return _rows(principal, rate, start, dues, penalties, part)


def interest_first_rows(
    principal: Decimal, rate: Rate, start: date, dues: Sequence[date], penalties: Sequence[Decimal]
) -> tuple[Row, ...]:
    """先息后本: interest only, then all principal with the last instalment."""
    return _rows(principal, rate, start, dues, penalties, ZERO)


def fixed_payment_rows(
    principal: Decimal, rate: Rate, start: date, first_due: date, due_day: int, payment: Decimal, penalty: Decimal
) -> tuple[Row, ...]:
    """The same payment each month until paid off (the last is smaller); penalty is paid first.

    Refuses a payment that does not cover a period's interest (it would never be paid
    off) and one that needs more than MAX_INSTALMENTS months.
    """
    account = Account(rate, principal, penalty_due=penalty)
    rows: list[Row] = []
    previous = start
    for index in range(MAX_INSTALMENTS):
        due = add_months(first_due, index, due_day)
        interest, _ = account.accrue((due - previous).days, due)
        if payment <= interest and account.balance > 0:
            raise InputError(
                MSG_PAYMENT_BELOW_INTEREST,
                {"payment": format_money(payment), "interest": format_money(interest), "number": str(index + 1)},
            )
        rows.append(account.row(index + 1, due, account.pay(payment)))
        if account.owed == 0:
            return tuple(rows)
        previous = due
    raise InputError(MSG_TOO_LONG_AT_PAYMENT, {"payment": format_money(payment), "maximum": str(MAX_INSTALMENTS)})


def typed_rows(
    principal: Decimal, rate: Rate, start: date, instalments: Sequence[tuple[date, Decimal]], penalty: Decimal
) -> tuple[tuple[Row, ...], Decimal]:
    """Instalments the user typed (lender's terms). Returns the rows and how much the last one was changed
    (computed − typed) so that everything owed is cleared: the last always absorbs the difference."""
    account = Account(rate, principal, penalty_due=penalty)
    rows: list[Row] = []
    previous = start
    adjustment = ZERO
    for index, (due, amount) in enumerate(instalments):
        number = index + 1
        account.accrue((due - previous).days, due)
        if number == len(instalments):
            adjustment = account.owed - amount
            amount = account.owed
        elif amount >= account.owed:
            raise InputError(MSG_CLEARED_EARLY, {"number": str(number)})
        rows.append(account.row(number, due, account.pay(amount)))
        previous = due
    return tuple(rows), adjustment
