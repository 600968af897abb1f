"""Field-level problems with a debt, each for the field that shows it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from jiebei_tui.domain.parsing.dates import MSG_DATE_IN_FUTURE
from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.parsing.money import MSG_NEGATIVE, format_money
from jiebei_tui.domain.parsing.rates import (
    MAX_DAILY_RATE,
    MAX_MULTIPLIER,
    MIN_MULTIPLIER,
    MSG_MULTIPLIER_RANGE,
    format_multiplier,
    format_rate,
)
from jiebei_tui.domain.selfcheck.inputs import Debt
from jiebei_tui.i18n import N_

MSG_NAME_REQUIRED = N_("Give this debt a name, e.g. 借呗")
MSG_OVERDUE_MORE_THAN_OUTSTANDING = N_(
    "The overdue principal cannot be more than the outstanding principal ({outstanding})"
)
MSG_OVERDUE_NEEDS_DAYS = N_("Enter the missed due date or the days overdue shown on your loan page")
MSG_DAYS_NEGATIVE = N_("Days overdue cannot be negative")
MSG_DUE_DAY_RANGE = N_("Enter a day of the month from 1 to 31")
MSG_MONTHS_NEGATIVE = N_("Remaining months cannot be negative")
MSG_RATE_RANGE = N_("Enter a daily rate from 0% to {maximum}")


def validate_debt(debt: Debt, today: date | None = None) -> list[InputError]:
    """Problems with one debt, in form order, each with ``field`` set to the Debt attribute
    that shows it; empty when the debt can be assessed.

    ``today`` enables the future-date check; without it dates are not checked.
    """
    errors: list[InputError] = []
    if not debt.name.strip():
        errors.append(InputError(MSG_NAME_REQUIRED, field="name"))
    for name in ("outstanding_principal", "overdue_principal", "monthly_payment"):
        if getattr(debt, name) < 0:
            errors.append(InputError(MSG_NEGATIVE, field=name))
    if debt.overdue_principal > debt.outstanding_principal >= 0:
        errors.append(
            InputError(
                MSG_OVERDUE_MORE_THAN_OUTSTANDING,
                {"outstanding": format_money(debt.outstanding_principal)},
                field="overdue_principal",
            )
        )
    if debt.overdue_principal > 0 and debt.overdue_since is None and debt.days_overdue is None:
        errors.append(InputError(MSG_OVERDUE_NEEDS_DAYS, field="overdue_since"))
    if debt.overdue_since is not None and today is not None and debt.overdue_since > today:
        errors.append(InputError(MSG_DATE_IN_FUTURE, field="overdue_since"))
    if debt.days_overdue is not None and debt.days_overdue < 0:
        errors.append(InputError(MSG_DAYS_NEGATIVE, field="days_overdue"))
    if not Decimal(0) <= debt.daily_rate <= MAX_DAILY_RATE:
        errors.append(InputError(MSG_RATE_RANGE, {"maximum": format_rate(MAX_DAILY_RATE)}, field="daily_rate"))
    if not MIN_MULTIPLIER <= debt.penalty_multiplier <= MAX_MULTIPLIER:
        errors.append(
            InputError(
                MSG_MULTIPLIER_RANGE,
                {"minimum": format_multiplier(MIN_MULTIPLIER), "maximum": format_multiplier(MAX_MULTIPLIER)},
                field="penalty_multiplier",
            )
        )
    if debt.remaining_months is not None and debt.remaining_months < 0:
        errors.append(InputError(MSG_MONTHS_NEGATIVE, field="remaining_months"))
    if debt.due_day is not None and not 1 <= debt.due_day <= 31:
        errors.append(InputError(MSG_DUE_DAY_RANGE, field="due_day"))
    return errors
