"""The emergency fund: a target of N months of essentials, what is there now, and how long to go.

Seed 000: keep some money aside for the unexpected, so one surprise does not
turn into a missed payment. The essentials come from the self-check (editable);
the number of months is the user's choice, 3 unless they pick another.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import ROUND_CEILING, ROUND_DOWN, Decimal, localcontext
from typing import Any, Final

from jiebei_tui.domain import serial
from jiebei_tui.domain.habits.periods import add_months
from jiebei_tui.domain.labels import LabelledEnum
from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.parsing.money import ZERO, format_money, parse_money
from jiebei_tui.domain.parsing.numbers import parse_int
from jiebei_tui.domain.selfcheck import SelfCheckInput
from jiebei_tui.i18n import N_

DEFAULT_TARGET_MONTHS: Final = 3
MAX_TARGET_MONTHS: Final = 24
_FRACTION_QUANTUM: Final = Decimal("0.001")

MSG_DEPOSIT_ZERO = N_("Enter an amount above zero")
MSG_WITHDRAW_TOO_MUCH = N_("That is more than the fund holds ({current})")


class FundState(LabelledEnum):
    NO_TARGET = "no_target", N_("No target yet: enter your monthly essentials")  # no essentials entered: nothing to aim at yet
    REACHED = "reached", N_("Target reached")
    ON_THE_WAY = "on_the_way", N_("On the way")
    NOT_SAVING = "not_saving", N_("No monthly saving set, so the target is not getting closer")  # below target with no monthly saving: never reached at this rate


@dataclass(frozen=True)
class EmergencyFund:
    target_months: int = DEFAULT_TARGET_MONTHS
    monthly_essentials: Decimal = ZERO
    current: Decimal = ZERO
    monthly_saving: Decimal = ZERO

    @property
    def target(self) -> Decimal:
        return self.monthly_essentials * self.target_months

    def to_dict(self) -> dict[str, Any]:
        return {
            "target_months": self.target_months,
            "monthly_essentials": serial.decimal_text(self.monthly_essentials),
            "current": serial.decimal_text(self.current),
            "monthly_saving": serial.decimal_text(self.monthly_saving),
        }

    @classmethod
    def from_dict(cls, data: Any) -> EmergencyFund:
        data = serial.mapping_from(data, "fund")
        return cls(
            serial.int_from(
                data.get("target_months", DEFAULT_TARGET_MONTHS),
                "fund.target_months",
                minimum=1,
                maximum=MAX_TARGET_MONTHS,
            ),
            serial.money_from(data.get("monthly_essentials", "0"), "fund.monthly_essentials"),
            serial.money_from(data.get("current", "0"), "fund.current"),
            serial.money_from(data.get("monthly_saving", "0"), "fund.monthly_saving"),
        )


def fund_from_selfcheck(selfcheck: SelfCheckInput | None, months: int = DEFAULT_TARGET_MONTHS) -> EmergencyFund:
    """A fund aimed at ``months`` of the self-check's essentials (0 without a self-check)."""
    essentials = sum(selfcheck.cashflow.essentials.values(), ZERO) if selfcheck is not None else ZERO
    return EmergencyFund(target_months=months, monthly_essentials=essentials)


def set_target_months(fund: EmergencyFund, text: str) -> EmergencyFund:
    months = parse_int(text, minimum=1, maximum=MAX_TARGET_MONTHS, suffixes=("个月", "個月", "月"), example="3")
    return replace(fund, target_months=months)


def set_essentials(fund: EmergencyFund, text: str) -> EmergencyFund:
    return replace(fund, monthly_essentials=parse_money(text))


def set_current(fund: EmergencyFund, text: str) -> EmergencyFund:
    return replace(fund, current=parse_money(text))


def set_saving(fund: EmergencyFund, text: str) -> EmergencyFund:
    """The monthly saving; 0 is allowed (and then the target is never reached)."""
    return replace(fund, monthly_saving=parse_money(text))


def deposit(fund: EmergencyFund, text: str) -> EmergencyFund:
    amount = parse_money(text)
    if amount <= 0:
        raise InputError(MSG_DEPOSIT_ZERO)
    return replace(fund, current=fund.current + amount)


def withdraw(fund: EmergencyFund, text: str) -> EmergencyFund:
    """Money taken out for the kind of day the fund exists for."""
    amount = parse_money(text)
    if amount <= 0:
        raise InputError(MSG_DEPOSIT_ZERO)
    if amount > fund.current:
        raise InputError(MSG_WITHDRAW_TOO_MUCH, {"current": format_money(fund.current)})
    return replace(fund, current=fund.current - amount)


@dataclass(frozen=True)
class FundStatus:
    """``fraction`` 0..1 rounded down (never shows 100% early); ``months_to_target`` None means never."""

    state: FundState
    target: Decimal
    current: Decimal
    remaining: Decimal
    fraction: Decimal
    months_to_target: int | None
    reached_by: str | None  # "YYYY-MM" at the chosen saving, counting from this month


def fund_status(fund: EmergencyFund, today: date) -> FundStatus:
    target = fund.target
    remaining = max(target - fund.current, ZERO)
    if target <= 0:
        return FundStatus(FundState.NO_TARGET, target, fund.current, ZERO, ZERO, None, None)
    with localcontext() as context:
        context.prec = 60
        fraction = min(fund.current / target, Decimal(1)).quantize(_FRACTION_QUANTUM, rounding=ROUND_DOWN)
        if remaining == 0:
            return FundStatus(FundState.REACHED, target, fund.current, ZERO, Decimal(1), 0, None)
        if fund.monthly_saving <= 0:
            return FundStatus(FundState.NOT_SAVING, target, fund.current, remaining, fraction, None, None)
        months = int((remaining / fund.monthly_saving).to_integral_value(rounding=ROUND_CEILING))
    year, month = add_months(today.year, today.month, months)
    return FundStatus(
        FundState.ON_THE_WAY, target, fund.current, remaining, fraction, months, f"{year:04d}-{month:02d}"
    )
