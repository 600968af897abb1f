"""Rates say their period; an annual figure is converted only with the divisor the user chose."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.plans import Rate, RatePeriod, YearBasis, format_percent
from jiebei_tui.domain.plans.checks import check_rate


def test_daily_interest_counts_the_days_and_monthly_does_not() -> None:
    assert Rate.daily(Decimal("0.0005")).period_interest(Decimal("10000"), 31) == Decimal("155.0000")
    assert Rate.daily(Decimal("0.0005")).period_interest(Decimal("10000"), 28) == Decimal("140.0000")
    assert Rate.monthly(Decimal("0.015")).period_interest(Decimal("10000"), 31) == Decimal("150.000")
    assert Rate.monthly(Decimal("0.015")).period_interest(Decimal("10000"), 28) == Decimal("150.000")


def test_an_annual_rate_needs_its_year_basis_and_says_which() -> None:
    on_365 = Rate.daily_from_annual(Decimal("0.1825"), basis=YearBasis.DAYS_365)
    on_360 = Rate.daily_from_annual(Decimal("0.18"), basis=YearBasis.DAYS_360)
    assert on_365.value == Decimal("0.0005") and on_360.value == Decimal("0.0005")
    assert on_365.basis().params["days"] == "365" and on_360.basis().params["days"] == "360"
    assert "÷ {days}" in on_365.basis().msgid
    with pytest.raises(TypeError):
        Rate.daily_from_annual(Decimal("0.18"))  # type: ignore[call-arg]
    monthly = Rate.monthly_from_annual(Decimal("0.18"))
    assert monthly.period is RatePeriod.MONTHLY and monthly.value == Decimal("0.015")
    assert "÷ 12" in monthly.basis().msgid


def test_each_basis_is_stated_in_words() -> None:
    assert "actual days" in Rate.daily(Decimal("0.0005")).basis().render()
    assert "0.05% a day" in Rate.daily(Decimal("0.0005")).basis().render()
    assert "whatever the number of days" in Rate.monthly(Decimal("0.015")).basis().render()
    assert "rate in this plan is 0" in Rate.daily(Decimal(0)).basis().render()


def test_long_quotients_are_shown_as_approximate() -> None:
    assert format_percent(Decimal("0.0005")) == "0.05%"
    assert format_percent(Decimal("0.015")) == "1.50%"
    assert format_percent(Decimal("0.18") / 365) == "≈0.049315%"


@pytest.mark.parametrize(
    "rate",
    [
        Rate.daily(Decimal("0.0005")),
        Rate.monthly(Decimal("0.015")),
        Rate.daily_from_annual(Decimal("0.18"), basis=YearBasis.DAYS_365),
        Rate.daily_from_annual(Decimal("0.18"), basis=YearBasis.DAYS_360),
        Rate.monthly_from_annual(Decimal("0.24")),
    ],
)
def test_rates_survive_a_round_trip(rate: Rate) -> None:
    assert Rate.from_dict(rate.to_dict()) == rate


def test_a_stored_daily_rate_from_an_annual_one_without_its_basis_is_refused() -> None:
    with pytest.raises(ValueError):
        Rate.from_dict({"period": "daily", "annual": "0.18"})


def test_rate_bounds() -> None:
    check_rate(Rate.daily(Decimal(0)))  # allowed: the plan says "no interest" instead
    for bad in (Rate.daily(Decimal("-0.0001")), Rate.daily(Decimal("0.02")), Rate.monthly(Decimal("0.5"))):
        with pytest.raises(InputError):
            check_rate(bad)
    with pytest.raises(InputError):
        check_rate(Rate.daily_from_annual(Decimal("4"), basis=YearBasis.DAYS_365))
