"""Emergency fund: target from the self-check, progress, months to target (0 saving: never; reached: 0)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from jiebei_tui.domain.habits import (
    EmergencyFund,
    FundState,
    deposit,
    fund_from_selfcheck,
    fund_status,
    set_current,
    set_saving,
    set_target_months,
    withdraw,
)
from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.selfcheck import CashFlow, EssentialCategory, SelfCheckInput

TODAY = date(2027, 11, 20)


def fund() -> EmergencyFund:
    essentials = {EssentialCategory.RENT: Decimal("2500.00"), EssentialCategory.FOOD: Decimal("1200.50")}
    return fund_from_selfcheck(SelfCheckInput(cashflow=CashFlow(essentials=essentials)))


def test_the_target_is_three_months_of_the_self_checks_essentials_by_default() -> None:
    made = fund()
    assert (made.target_months, made.monthly_essentials, made.target) == (3, Decimal("3700.50"), Decimal("11101.50"))
    assert set_target_months(made, "6个月").target == Decimal("22203.00")
    with pytest.raises(InputError) as error:
        set_target_months(made, "0")
    assert error.value.params == {"minimum": "1", "maximum": "24"}


def test_months_to_target_rounds_up_and_names_the_month() -> None:
    status = fund_status(set_saving(set_current(fund(), "1500"), "1000"), TODAY)
    # 11,101.50 − 1,500 = 9,601.50 left; at 1,000 a month that is 9.6 → 10 months: September 2028.
    assert (status.state, status.remaining, status.months_to_target, status.reached_by) == (
        FundState.ON_THE_WAY,
        Decimal("9601.50"),
        10,
        "2028-09",
    )
    assert status.fraction == Decimal("0.135")  # 1,500 / 11,101.50 = 0.13511…, rounded down


def test_exactly_divisible_needs_no_extra_month() -> None:
    status = fund_status(EmergencyFund(2, Decimal("1000"), Decimal("0"), Decimal("500")), TODAY)
    assert status.months_to_target == 4


def test_no_saving_means_never_not_a_division_error() -> None:
    status = fund_status(set_current(fund(), "100"), TODAY)
    assert (status.state, status.months_to_target, status.reached_by) == (FundState.NOT_SAVING, None, None)


def test_already_reached_is_zero_months_and_never_more_than_full() -> None:
    status = fund_status(set_saving(set_current(fund(), "20000"), "0"), TODAY)
    assert (status.state, status.months_to_target, status.remaining, status.fraction) == (
        FundState.REACHED,
        0,
        Decimal("0"),
        Decimal("1"),
    )
    almost = fund_status(set_current(fund(), "11101.49"), TODAY)
    assert almost.fraction == Decimal("0.999") and almost.state is FundState.NOT_SAVING


def test_without_essentials_there_is_no_target_yet() -> None:
    status = fund_status(fund_from_selfcheck(None), TODAY)
    assert (status.state, status.months_to_target, status.fraction) == (FundState.NO_TARGET, None, Decimal("0"))


def test_deposits_and_withdrawals() -> None:
    made = deposit(deposit(fund(), "500"), "0.5")
    assert made.current == Decimal("500.50")
    assert withdraw(made, "500.5").current == 0
    with pytest.raises(InputError) as error:
        withdraw(made, "501")
    assert error.value.params == {"current": "¥500.50"}
    with pytest.raises(InputError, match="above zero"):
        deposit(made, "0")
