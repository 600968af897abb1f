"""The rate a plan charges, with its period stated: per day or per month, never guessed.

Interest basis (documented for people in :meth:`Rate.basis`):

* **daily** — interest for an instalment = remaining principal × daily rate × the actual
  days since the previous due date (or the plan start). This is how the loan page's
  daily rate is used (BRIEF §3), so 28-, 30- and 31-day months cost different amounts.
* **monthly** — interest for an instalment = remaining principal × monthly rate, whatever
  the number of days. The textbook closed forms for 等额本息 and 等额本金 hold exactly here.

An annual figure is only ever converted with the divisor the user picks from the
contract: ÷365 or ÷360 to a daily rate (contracts differ; never assumed), or ÷12
to a monthly rate.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from decimal import Context, Decimal, localcontext
from typing import Any, Final

from jiebei_tui.domain.labels import LabelledEnum
from jiebei_tui.domain.parsing.money import exact_context, format_plain_number
from jiebei_tui.domain.plans.message import Message
from jiebei_tui.domain.serial import decimal_from, decimal_text, optional_decimal, text_from
from jiebei_tui.i18n import N_

PRECISION: Final = 60  # significant digits for every intermediate figure; far beyond any fen


def calc_context() -> AbstractContextManager[Context]:
    """The context every plan computation runs in: 60 digits, half-up (only round_fen rounds to the fen)."""
    context = exact_context()
    context.prec = PRECISION
    return localcontext(context)


class RatePeriod(LabelledEnum):
    DAILY = "daily", N_("a day")
    MONTHLY = "monthly", N_("a month")


class YearBasis(LabelledEnum):
    """Days in the contract's year when an annual rate becomes a daily one."""

    DAYS_365 = "365", N_("annual rate ÷ 365")
    DAYS_360 = "360", N_("annual rate ÷ 360")

    @property
    def days(self) -> int:
        return int(self.value)


MONTHS_PER_YEAR: Final = 12
_DISPLAY_QUANTUM: Final = Decimal("0.000001")  # percent with six decimals is finer than any page prints

BASIS_DAILY = N_(
    "Interest: remaining principal × {rate} a day × the actual days since the previous due date "
    "(the first instalment counts from the plan start)."
)
BASIS_DAILY_FROM_ANNUAL = N_(
    "Interest: remaining principal × {rate} a day × the actual days since the previous due date. "
    "The daily rate is the annual {annual} ÷ {days}, as you chose from your contract."
)
BASIS_MONTHLY = N_("Interest: remaining principal × {rate} a month for each instalment, whatever the number of days.")
BASIS_MONTHLY_FROM_ANNUAL = N_(
    "Interest: remaining principal × {rate} a month for each instalment, whatever the number of days. "
    "The monthly rate is the annual {annual} ÷ 12."
)
BASIS_ZERO = N_("No interest: the rate in this plan is 0.")


def format_percent(fraction: Decimal) -> str:
    """A rate fraction as a percentage: ``0.0005`` -> ``0.05%``; long quotients shown as ``≈0.049315%``."""
    with calc_context():
        percent = fraction * 100
        shown = percent.quantize(_DISPLAY_QUANTUM)
    text = format_plain_number(shown)
    whole, _, decimals = text.partition(".")
    text = f"{whole}.{decimals.ljust(2, '0')}%"
    return text if shown == percent else f"≈{text}"


@dataclass(frozen=True)
class Rate:
    """A rate per period as a fraction (0.0005 = 0.05%). Build it with the class methods."""

    period: RatePeriod
    value: Decimal
    annual: Decimal | None = None  # the annual figure it came from, if any
    year_basis: YearBasis | None = None  # the divisor used for a daily rate from an annual one

    @classmethod
    def daily(cls, value: Decimal) -> Rate:
        return cls(RatePeriod.DAILY, value)

    @classmethod
    def monthly(cls, value: Decimal) -> Rate:
        return cls(RatePeriod.MONTHLY, value)

    @classmethod
    def daily_from_annual(cls, annual: Decimal, *, basis: YearBasis) -> Rate:
        """Annual ÷ 365 or ÷ 360; ``basis`` has no default because contracts differ."""
        with calc_context():
            value = annual / basis.days
        return cls(RatePeriod.DAILY, value, annual, basis)

    @classmethod
    def monthly_from_annual(cls, annual: Decimal) -> Rate:
        with calc_context():
            value = annual / MONTHS_PER_YEAR
        return cls(RatePeriod.MONTHLY, value, annual)

    @property
    def is_zero(self) -> bool:
        return self.value == 0

    def period_interest(self, balance: Decimal, days: int) -> Decimal:
        """Unrounded interest on ``balance`` for one period of ``days`` days (days ignored for a monthly rate)."""
        with calc_context():
            if self.period is RatePeriod.DAILY:
                return balance * self.value * days
            return balance * self.value

    def basis(self) -> Message:
        """The interest basis in words, for the plan and its export."""
        if self.is_zero:
            return Message(BASIS_ZERO)
        rate = format_percent(self.value)
        if self.period is RatePeriod.DAILY:
            if self.annual is not None and self.year_basis is not None:
                return Message(
                    BASIS_DAILY_FROM_ANNUAL,
                    {"rate": rate, "annual": format_percent(self.annual), "days": self.year_basis.value},
                )
            return Message(BASIS_DAILY, {"rate": rate})
        if self.annual is not None:
            return Message(BASIS_MONTHLY_FROM_ANNUAL, {"rate": rate, "annual": format_percent(self.annual)})
        return Message(BASIS_MONTHLY, {"rate": rate})

    def to_dict(self) -> dict[str, Any]:
        if self.annual is not None:
            return {
                "period": self.period.value,
                "annual": decimal_text(self.annual),
                "year_basis": None if self.year_basis is None else self.year_basis.value,
            }
        return {"period": self.period.value, "value": decimal_text(self.value)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Rate:
        try:
            period = RatePeriod(text_from(data.get("period"), "period"))
        except ValueError as error:
            raise ValueError(f"rate: {error}") from error
        annual = optional_decimal(data.get("annual"), "annual")
        if annual is None:
            return cls(period, decimal_from(data.get("value", "0"), "value"))
        if period is RatePeriod.MONTHLY:
            return cls.monthly_from_annual(annual)
        try:
            basis = YearBasis(text_from(data.get("year_basis"), "year_basis"))
        except ValueError as error:
            raise ValueError(f"rate: a daily rate from an annual one needs its year basis: {error}") from error
        return cls.daily_from_annual(annual, basis=basis)
