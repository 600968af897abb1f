"""Bounds on what a plan may contain, each refused with an InputError the user can act on.

The bounds catch typing slips, not unusual lives: a plan is monthly, so 120
instalments is ten years of payments; a deferral is at most a year; waiting is
modelled for at most ten years (the parsers' own day limit). A rate of 0 is
allowed (family loans, or a lender that stopped interest); the plan says so in
words (see ``warnings``) rather than refusing it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Final

from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.parsing.money import DEFAULT_MAXIMUM, format_money
from jiebei_tui.domain.parsing.numbers import MAX_DAYS
from jiebei_tui.domain.parsing.rates import MAX_DAILY_RATE, MAX_MULTIPLIER, MIN_MULTIPLIER, format_multiplier
from jiebei_tui.domain.plans.rates import Rate, RatePeriod, format_percent
from jiebei_tui.i18n import N_

MAX_INSTALMENTS: Final = 120  # ten years of monthly payments
MAX_DEFERRAL_DAYS: Final = 365
MAX_WAIT_DAYS: Final = MAX_DAYS  # ten years, as the day parser allows
MAX_FIRST_DUE_DAYS: Final = 366  # a first payment further away is a deferral, or a slip
MAX_BUDGET_MONTHS: Final = 600  # how far the multi-debt planner looks before saying "not paid off"
MAX_DEBTS: Final = 50
MAX_EXTRAS: Final = 120
# 1% a day is the rate parser's upper bound; a month of it is about 30%, a year 365%.
MAX_MONTHLY_RATE: Final = Decimal("0.3")
MAX_ANNUAL_RATE: Final = Decimal("3.65")

MSG_AMOUNT_POSITIVE = N_("Enter an amount above ¥0.00")
MSG_AMOUNT_NEGATIVE = N_("Must not be negative")
MSG_AMOUNT_TOO_LARGE = N_("Amount is too large (at most {maximum})")
MSG_AMOUNT_FEN = N_("At most two decimal places (fen)")
MSG_NOTHING_TO_REPAY = N_("Enter the amount this plan repays; it must be more than ¥0.00")
MSG_OVERDUE_ABOVE_PRINCIPAL = N_("The overdue principal cannot be more than the principal this plan repays ({principal})")
MSG_MONTHS_TOO_FEW = N_("A plan needs at least 1 instalment")
MSG_MONTHS_TOO_MANY = N_(
    "At most {maximum} instalments (ten years of monthly payments); more is almost always a typing slip"
)
MSG_DAYS_TOO_FEW = N_("Enter at least 1 day")
MSG_WAIT_MONTHS_TOO_FEW = N_("Enter at least 1 month")
MSG_WAIT_MONTHS_TOO_MANY = N_("Look at most {maximum} months ahead")
MSG_DAYS_TOO_MANY = N_("Enter at most {maximum} days")
MSG_DEFERRAL_TOO_LONG = N_("A deferral can be at most {maximum} days; for longer, plan instalments instead")
MSG_RATE_NEGATIVE = N_("A rate cannot be negative")
MSG_DAILY_RATE_TOO_HIGH = N_("More than {maximum} a day is almost certainly a typing slip; check your contract")
MSG_MONTHLY_RATE_TOO_HIGH = N_("More than {maximum} a month is almost certainly a typing slip; check your contract")
MSG_ANNUAL_TOO_HIGH = N_("More than {maximum} a year is almost certainly a typing slip; check your contract")
MSG_MULTIPLIER_RANGE = N_("Enter a multiplier from {minimum} to {maximum}, as your contract states")
MSG_DUE_DAY_RANGE = N_("Enter a day of the month from 1 to 31")
MSG_DATE_BEFORE_START = N_("This date is before the plan starts ({start}); pick {start} or later")
MSG_FIRST_DUE_NOT_AFTER_START = N_("The first due date must be after the plan starts ({start})")
MSG_FIRST_DUE_TOO_FAR = N_(
    "The first payment is more than {maximum} days after the plan starts; plan a deferral instead, or check the date"
)
MSG_DATES_NOT_IN_ORDER = N_("Instalment {number} is not after the one before it; put the dates in order")
MSG_TOO_MANY_DEBTS = N_("At most {maximum} debts in one plan")
MSG_TOO_MANY_EXTRAS = N_("At most {maximum} extra payments in one plan")
MSG_NO_DEBTS = N_("Add at least one debt with something left to repay")


def check_amount(amount: Decimal, *, positive: bool = True) -> None:
    """A money figure: whole fen, not negative (above 0 when ``positive``), at most ¥1,000,000,000."""
    if not amount.is_finite() or amount != amount.quantize(Decimal("0.01")):
        raise InputError(MSG_AMOUNT_FEN)
    if amount < 0:
        raise InputError(MSG_AMOUNT_NEGATIVE)
    if positive and amount == 0:
        raise InputError(MSG_AMOUNT_POSITIVE)
    if amount > DEFAULT_MAXIMUM:
        raise InputError(MSG_AMOUNT_TOO_LARGE, {"maximum": format_money(DEFAULT_MAXIMUM)})


def check_principal(principal: Decimal, overdue: Decimal) -> None:
    if principal <= 0:
        raise InputError(MSG_NOTHING_TO_REPAY)
    check_amount(principal)
    check_amount(overdue, positive=False)
    if overdue > principal:
        raise InputError(MSG_OVERDUE_ABOVE_PRINCIPAL, {"principal": format_money(principal)})


def check_months(months: int, maximum: int = MAX_INSTALMENTS) -> None:
    if months < 1:
        raise InputError(MSG_MONTHS_TOO_FEW)
    if months > maximum:
        raise InputError(MSG_MONTHS_TOO_MANY, {"maximum": str(maximum)})


def check_days(days: int, maximum: int = MAX_WAIT_DAYS) -> None:
    if days < 1:
        raise InputError(MSG_DAYS_TOO_FEW)
    if days > maximum:
        raise InputError(MSG_DAYS_TOO_MANY, {"maximum": str(maximum)})


def check_wait_months(months: int) -> None:
    """Months of doing nothing to look at: 1 to ten years."""
    if months < 1:
        raise InputError(MSG_WAIT_MONTHS_TOO_FEW)
    if months > MAX_INSTALMENTS:
        raise InputError(MSG_WAIT_MONTHS_TOO_MANY, {"maximum": str(MAX_INSTALMENTS)})


def check_pay_on(day: date, start: date) -> None:
    """A payment in full: not before the start, and no later than the longest deferral."""
    check_not_before(day, start)
    if (day - start).days > MAX_DEFERRAL_DAYS:
        raise InputError(MSG_DEFERRAL_TOO_LONG, {"maximum": str(MAX_DEFERRAL_DAYS)})


def check_deferral_days(days: int) -> None:
    if days < 1:
        raise InputError(MSG_DAYS_TOO_FEW)
    if days > MAX_DEFERRAL_DAYS:
        raise InputError(MSG_DEFERRAL_TOO_LONG, {"maximum": str(MAX_DEFERRAL_DAYS)})


def check_rate(rate: Rate) -> None:
    """0 is allowed (the plan then says it charges no interest); negative and absurd rates are refused."""
    if not rate.value.is_finite() or rate.value < 0 or (rate.annual is not None and rate.annual < 0):
        raise InputError(MSG_RATE_NEGATIVE)
    if rate.annual is not None and rate.annual > MAX_ANNUAL_RATE:
        raise InputError(MSG_ANNUAL_TOO_HIGH, {"maximum": format_percent(MAX_ANNUAL_RATE)})
    if rate.period is RatePeriod.DAILY and rate.value > MAX_DAILY_RATE:
        raise InputError(MSG_DAILY_RATE_TOO_HIGH, {"maximum": format_percent(MAX_DAILY_RATE)})
    if rate.period is RatePeriod.MONTHLY and rate.value > MAX_MONTHLY_RATE:
        raise InputError(MSG_MONTHLY_RATE_TOO_HIGH, {"maximum": format_percent(MAX_MONTHLY_RATE)})


def check_daily_rate(value: Decimal) -> None:
    check_rate(Rate.daily(value))


def check_multiplier(multiplier: Decimal) -> None:
    if not MIN_MULTIPLIER <= multiplier <= MAX_MULTIPLIER:
        raise InputError(
            MSG_MULTIPLIER_RANGE,
            {"minimum": format_multiplier(MIN_MULTIPLIER), "maximum": format_multiplier(MAX_MULTIPLIER)},
        )


def check_due_day(due_day: int | None) -> None:
    if due_day is not None and not 1 <= due_day <= 31:
        raise InputError(MSG_DUE_DAY_RANGE)


def check_not_before(day: date, start: date) -> None:
    if day < start:
        raise InputError(MSG_DATE_BEFORE_START, {"start": start.isoformat()})


def check_first_due(first_due: date, start: date) -> None:
    if first_due <= start:
        raise InputError(MSG_FIRST_DUE_NOT_AFTER_START, {"start": start.isoformat()})
    if (first_due - start).days > MAX_FIRST_DUE_DAYS:
        raise InputError(MSG_FIRST_DUE_TOO_FAR, {"maximum": str(MAX_FIRST_DUE_DAYS)})


def check_in_order(days: list[date], start: date) -> None:
    """Typed instalment dates: the first on or after ``start`` (a payment on the day itself is fine),
    not absurdly far, each after the one before."""
    for number, day in enumerate(days, start=1):
        if number == 1:
            check_not_before(day, start)
            if (day - start).days > MAX_FIRST_DUE_DAYS:
                raise InputError(MSG_FIRST_DUE_TOO_FAR, {"maximum": str(MAX_FIRST_DUE_DAYS)})
        elif day <= days[number - 2]:
            raise InputError(MSG_DATES_NOT_IN_ORDER, {"number": str(number)})
