"""Daily rates and the penalty multiplier as copied from a loan page, in either script."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.parsing.rates import (
    MAX_DAILY_RATE,
    MIN_NONZERO_DAILY_RATE,
    MSG_RATE_FORMAT,
    MSG_RATE_NOT_DAILY,
    MSG_RATE_TOO_HIGH,
    MSG_RATE_TOO_SMALL,
    format_multiplier,
    format_rate,
    parse_daily_rate,
    parse_multiplier,
)

D = Decimal


def traditional(text: str) -> str:
    """Independent of the implementation: the same words in Traditional characters."""
    return text.translate(str.maketrans("万点两费", "萬點兩費"))


# ---- daily rates -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0.05%", "0.0005"),
        ("0.05 %", "0.0005"),
        ("０．０５％", "0.0005"),
        ("0.05", "0.0005"),  # bare number: a percentage with the sign dropped
        ("0.045%", "0.00045"),
        ("0.5‰", "0.0005"),
        ("5‱", "0.0005"),
        ("万分之五", "0.0005"),
        ("万分之5", "0.0005"),
        ("万分之 5", "0.0005"),
        ("万分之三点五", "0.00035"),
        ("万分之零点五", "0.00005"),
        ("万分之十二", "0.0012"),
        ("万分之二十五", "0.0025"),
        ("千分之零点五", "0.0005"),
        ("百分之零点零五", "0.0005"),
        ("万5", "0.0005"),
        ("日息万5", "0.0005"),
        ("日利率0.05%", "0.0005"),
        ("日利率：0.05%", "0.0005"),
        ("日利率 万分之四", "0.0004"),
        ("0", "0"),
        ("0%", "0"),
        ("1%", "0.01"),
        ("0.001%", "0.00001"),
    ],
)
def test_parse_daily_rate(text: str, expected: str) -> None:
    assert parse_daily_rate(text) == D(expected)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("年化18%", MSG_RATE_NOT_DAILY),
        ("年利率 18.25%", MSG_RATE_NOT_DAILY),
        ("月利率1.5%", MSG_RATE_NOT_DAILY),
        ("APR 18%", MSG_RATE_NOT_DAILY),
        ("5", MSG_RATE_TOO_HIGH),  # 5% a day: "万分之五" typed as 5
        ("1.01%", MSG_RATE_TOO_HIGH),
        ("0.0005", MSG_RATE_TOO_SMALL),  # a fraction typed where a percentage was meant
        ("0.0009%", MSG_RATE_TOO_SMALL),
    ],
)
def test_parse_daily_rate_rejects(text: str, message: str) -> None:
    with pytest.raises(InputError) as info:
        parse_daily_rate(text)
    assert info.value.message == message


@pytest.mark.parametrize(
    "text", ["", "abc", "-0.05%", "0.05%%", "万分之", "万分之五五五五五五", "NaN", "1e-3", "0.05‰%", "十五"]
)
def test_parse_daily_rate_rejects_nonsense(text: str) -> None:
    with pytest.raises(InputError):
        parse_daily_rate(text)


def test_rate_limits_are_in_the_message() -> None:
    with pytest.raises(InputError) as info:
        parse_daily_rate("2%")
    assert info.value.params == {"maximum": format_rate(MAX_DAILY_RATE)} == {"maximum": "1.00%"}


valid_rates = st.integers(
    min_value=int(MIN_NONZERO_DAILY_RATE.scaleb(10)), max_value=int(MAX_DAILY_RATE.scaleb(10))
).map(lambda n: D(n).scaleb(-10)) | st.just(D(0))


@settings(max_examples=300, deadline=None)
@given(valid_rates)
def test_rate_round_trips(rate: Decimal) -> None:
    assert parse_daily_rate(format_rate(rate)) == rate
    per_ten_thousand = format(rate * 10000, "f")
    assert parse_daily_rate(f"万分之{per_ten_thousand}") == rate


@settings(max_examples=300, deadline=None)
@given(
    st.text(max_size=30)
    | st.text(alphabet="0123456789.%‰‱万千百分之零一二三四五六七八九十点两日利率息年-: ", max_size=15)
)
def test_parse_daily_rate_only_raises_money_parse_error(text: str) -> None:
    try:
        rate = parse_daily_rate(text)
    except InputError as error:
        error.english()
    else:
        assert rate == 0 or MIN_NONZERO_DAILY_RATE <= rate <= MAX_DAILY_RATE


@pytest.mark.parametrize(
    ("rate", "text"),
    [
        (D("0.0005"), "0.05%"),
        (D("0.00045"), "0.045%"),
        (D("0.0001"), "0.01%"),
        (D("0"), "0.00%"),
        (D("0.01"), "1.00%"),
        (D("0.00000001"), "0.000001%"),
    ],
)
def test_format_rate(rate: Decimal, text: str) -> None:
    assert format_rate(rate) == text


# ---- multiplier -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "1"),
        ("  ", "1"),
        ("1", "1"),
        ("1.5", "1.5"),
        ("1.50", "1.5"),
        ("1.5倍", "1.5"),
        ("１．５倍", "1.5"),
        ("×1.5", "1.5"),
        ("x1.5", "1.5"),
        ("1.5x", "1.5"),
        ("150%", "1.5"),
        ("上浮50%", "1.5"),
        ("罚息利率上浮50%", "1.5"),
        ("加收30%", "1.3"),
        ("3", "3"),
    ],
)
def test_parse_multiplier(text: str, expected: str) -> None:
    assert parse_multiplier(text) == D(expected)


@pytest.mark.parametrize("text", ["0.5", "50%", "15", "3.01", "abc", "1.23456", "-1.5", "1e0", "NaN"])
def test_parse_multiplier_rejects(text: str) -> None:
    with pytest.raises(InputError):
        parse_multiplier(text)


def test_multiplier_empty_without_default_is_an_error() -> None:
    with pytest.raises(InputError):
        parse_multiplier("", default=None)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=10_000, max_value=30_000).map(lambda n: D(n).scaleb(-4)))
def test_multiplier_round_trips(multiplier: Decimal) -> None:
    assert parse_multiplier(format_multiplier(multiplier)) == multiplier
    assert parse_multiplier(format_multiplier(multiplier) + "倍") == multiplier


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=20) | st.text(alphabet="0123456789.%倍×xX*上浮加收罚息利率 -", max_size=12))
def test_parse_multiplier_only_raises_money_parse_error(text: str) -> None:
    try:
        value = parse_multiplier(text)
    except InputError as error:
        error.english()
    else:
        assert D(1) <= value <= D(3)


# ---- daily rates: Traditional characters and the daily unit written out ----------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("萬分之五", "0.0005"),
        ("萬分之5", "0.0005"),
        ("萬5", "0.0005"),
        ("日息萬分之五", "0.0005"),
        ("日息萬5", "0.0005"),
        ("萬分之三點五", "0.00035"),
        ("萬分之零點五", "0.00005"),
        ("日費率萬分之四", "0.0004"),
        ("百分之零點零五", "0.0005"),
        ("0.05%/天", "0.0005"),
        ("0.05%/日", "0.0005"),
        ("0.05% 每天", "0.0005"),
        ("０．０５％／天", "0.0005"),
        ("每日0.05%", "0.0005"),
        ("每天 0.05%", "0.0005"),
        ("每日利率0.05%", "0.0005"),
        ("日利率 0.05%/天", "0.0005"),
        ("每日萬分之五", "0.0005"),
    ],
)
def test_parse_daily_rate_reads_traditional_and_per_day_forms(text: str, expected: str) -> None:
    assert parse_daily_rate(text) == D(expected)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("年化18%", MSG_RATE_NOT_DAILY),  # annual and monthly rates stay refused, whatever is around them
        ("年利率18%/天", MSG_RATE_NOT_DAILY),
        ("0.05%/年", MSG_RATE_NOT_DAILY),
        ("0.05%/月", MSG_RATE_NOT_DAILY),
        ("每月0.05%", MSG_RATE_NOT_DAILY),
        ("月息萬分之五", MSG_RATE_NOT_DAILY),
        ("5/天", MSG_RATE_TOO_HIGH),  # 5% a day: still a typing slip
        ("0.0005/天", MSG_RATE_TOO_SMALL),
        ("萬分之", MSG_RATE_FORMAT),
        ("萬分之五點", MSG_RATE_FORMAT),
        ("0.05%/天/天", MSG_RATE_FORMAT),
        ("每日", MSG_RATE_FORMAT),
        (":0.05%", MSG_RATE_FORMAT),  # a label may be copied along, not a stray colon alone
        ("/天", MSG_RATE_FORMAT),
    ],
)
def test_parse_daily_rate_refuses_what_it_refused_before(text: str, message: str) -> None:
    with pytest.raises(InputError) as info:
        parse_daily_rate(text)
    assert info.value.message == message


@settings(max_examples=300, deadline=None)
@given(valid_rates)
def test_rate_round_trips_in_traditional_and_per_day_forms(rate: Decimal) -> None:
    per_ten_thousand = format(rate * 10000, "f")
    assert parse_daily_rate(f"萬分之{per_ten_thousand}") == rate
    assert parse_daily_rate(f"日息萬{per_ten_thousand}") == rate
    assert parse_daily_rate(f"{format_rate(rate)}/天") == rate
    assert parse_daily_rate(f"每日{format_rate(rate)}") == rate


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789.%‰‱万千百分之零一二三四五六七八九十点两日利率息费年月每天/: ", max_size=15))
def test_traditional_rate_equals_simplified(text: str) -> None:
    def outcome(candidate: str) -> object:
        try:
            return parse_daily_rate(candidate)
        except InputError as error:
            return error.message

    assert outcome(traditional(text)) == outcome(text)
