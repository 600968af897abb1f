"""Field-level problems with a debt, each for the field that shows it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from jiebei_tui.domain.parsing.money import format_money
from jiebei_tui.domain.parsing.rates import (
    MAX_DAILY_RATE,
    MAX_MULTIPLIER,
    MIN_MULTIPLIER,
    format_multiplier,
    format_rate,
)
from jiebei_tui.domain.selfcheck.inputs import Debt
from jiebei_tui.i18n import N_

MSG_NAME_REQUIRED = N_("Give this debt a name, e.g. 借呗")
MSG_AMOUNT_NEGATIVE = N_("Must not be negative")
MSG_OVERDUE_MORE_THAN_OUTSTANDING = N_(
    "The overdue principal cannot be more than the outstanding principal ({outstanding})"
)
MSG_OVERDUE_NEEDS_DAYS = N_("Enter the missed due date or the days overdue shown on your loan page")
MSG_DATE_IN_FUTURE = N_("This date is after today; enter the due date that was missed")
MSG_DAYS_NEGATIVE = N_("Days overdue cannot be negative")
MSG_DUE_DAY_RANGE = N_("Enter a day of the month from 1 to 31")
MSG_MONTHS_NEGATIVE = N_("Remaining months cannot be negative")
MSG_RATE_RANGE = N_("Enter a daily rate from 0% to {maximum}")
MSG_MULTIPLIER_RANGE = N_("Enter a multiplier from {minimum} to {maximum}")


@dataclass(frozen=True)
class FieldError:
    """A problem to show beside one input field (``field`` is the Debt attribute name)."""

    field: str
    message: str  # msgid
    params: Mapping[str, str] = field(default_factory=dict)


def validate_debt(debt: Debt, today: date | None = None) -> list[FieldError]:
    """Field-level problems with one debt, in form order; empty when it can be assessed.

    ``today`` enables the future-date check; without it dates are not checked.
    """
    errors: list[FieldError] = []
    if not debt.name.strip():
        errors.append(FieldError("name", MSG_NAME_REQUIRED))
    for name in ("outstanding_principal", "overdue_principal", "monthly_payment"):
        if getattr(debt, name) < 0:
            errors.append(FieldError(name, MSG_AMOUNT_NEGATIVE))
    if debt.overdue_principal > debt.outstanding_principal >= 0:
        errors.append(
            FieldError(
                "overdue_principal",
                MSG_OVERDUE_MORE_THAN_OUTSTANDING,
                {"outstanding": format_money(debt.outstanding_principal)},
            )
        )
    if debt.overdue_principal > 0 and debt.overdue_since is None and debt.days_overdue is None:
        errors.append(FieldError("overdue_since", MSG_OVERDUE_NEEDS_DAYS))
    if debt.overdue_since is not None and today is not None and debt.overdue_since > today:
        errors.append(FieldError("overdue_since", MSG_DATE_IN_FUTURE))
    if debt.days_overdue is not None and debt.days_overdue < 0:
        errors.append(FieldError("days_overdue", MSG_DAYS_NEGATIVE))
    if not Decimal(0) <= debt.daily_rate <= MAX_DAILY_RATE:
        errors.append(FieldError("daily_rate", MSG_RATE_RANGE, {"maximum": format_rate(MAX_DAILY_RATE)}))
    if not MIN_MULTIPLIER <= debt.penalty_multiplier <= MAX_MULTIPLIER:
        errors.append(
            FieldError(
                "penalty_multiplier",
                MSG_MULTIPLIER_RANGE,
                {"minimum": format_multiplier(MIN_MULTIPLIER), "maximum": format_multiplier(MAX_MULTIPLIER)},
            )
        )
    if debt.remaining_months is not None and debt.remaining_months < 0:
        errors.append(FieldError("remaining_months", MSG_MONTHS_NEGATIVE))
    if debt.due_day is not None and not 1 <= debt.due_day <= 31:
        errors.append(FieldError("due_day", MSG_DUE_DAY_RANGE))
    return errors
