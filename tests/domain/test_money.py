"""Money, rate, multiplier and whole-number parsing: exact, forgiving in form, strict in value."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.parsing.money import (
    DEFAULT_MAXIMUM,
    MSG_COMMAS,
    MSG_DECIMALS,
    MSG_EMPTY,
    MSG_NEGATIVE,
    MSG_NOT_AMOUNT,
    MSG_TOO_LARGE,
    format_money,
    parse_money,
    round_fen,
)
from jiebei_tui.domain.parsing.numbers import parse_days, parse_due_day, parse_int, parse_months
from jiebei_tui.domain.parsing.rates import (
    MAX_DAILY_RATE,
    MIN_NONZERO_DAILY_RATE,
    MSG_RATE_NOT_DAILY,
    MSG_RATE_TOO_HIGH,
    MSG_RATE_TOO_SMALL,
    format_multiplier,
    format_rate,
    parse_daily_rate,
    parse_multiplier,
)

D = Decimal


def fullwidth(text: str) -> str:
    """Independent of the implementation: what a Chinese IME in full-width mode types."""
    out = []
    for char in text:
        if char == "¥":
            out.append("￥")
        elif char == " ":
            out.append("\u3000")
        elif 0x21 <= ord(char) <= 0x7E:
            out.append(chr(ord(char) + 0xFEE0))
        else:
            out.append(char)
    return "".join(out)


# ---- parse_money: examples ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20000", "20000.00"),
        ("20,000", "20000.00"),
        ("2万", "20000.00"),
        ("2.5万", "25000.00"),
        ("2.5万元", "25000.00"),
        ("1.2345万", "12345.00"),
        ("1.234567万", "12345.67"),
        ("2w", "20000.00"),
        ("3k", "3000.00"),
        ("3K", "3000.00"),
        ("3千", "3000.00"),
        ("1亿", "100000000.00"),
        ("¥20000", "20000.00"),
        ("￥20000", "20000.00"),
        ("RMB 20000", "20000.00"),
        ("20000元", "20000.00"),
        ("20000块", "20000.00"),
        ("20000块钱", "20000.00"),
        ("２００００", "20000.00"),
        ("３，０００．５", "3000.50"),
        ("３０００。５", "3000.50"),  # IME in Chinese mode types 。 for .
        ("  1,234.5 元 ", "1234.50"),
        ("\u3000500\u3000", "500.00"),
        (".5", "0.50"),
        ("20000.", "20000.00"),
        ("0", "0.00"),
        ("-0", "0.00"),
        ("1,000,000,000", "1000000000.00"),
    ],
)
def test_parse_money_accepts_what_people_type(text: str, expected: str) -> None:
    result = parse_money(text)
    assert result == D(expected)
    assert result.as_tuple().exponent == -2  # always exactly to the fen
    assert isinstance(result, Decimal)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", MSG_EMPTY),
        ("   ", MSG_EMPTY),
        ("\u3000", MSG_EMPTY),
        ("abc", MSG_NOT_AMOUNT),
        ("两万", MSG_NOT_AMOUNT),
        ("2万5", MSG_NOT_AMOUNT),
        ("1e5", MSG_NOT_AMOUNT),
        ("1E5", MSG_NOT_AMOUNT),
        ("NaN", MSG_NOT_AMOUNT),
        ("Infinity", MSG_NOT_AMOUNT),
        ("inf", MSG_NOT_AMOUNT),
        ("1.2.3", MSG_NOT_AMOUNT),
        ("--5", MSG_NOT_AMOUNT),
        ("-¥-5", MSG_NOT_AMOUNT),
        ("٣٠٠", MSG_NOT_AMOUNT),  # Arabic-Indic digits: Decimal() would accept them, we must not
        ("①", MSG_NOT_AMOUNT),
        ("2 000", MSG_NOT_AMOUNT),
        ("0x10", MSG_NOT_AMOUNT),
        ("1_000", MSG_NOT_AMOUNT),
        ("20,00", MSG_COMMAS),
        ("2,0000", MSG_COMMAS),
        ("1.234", MSG_DECIMALS),
        ("0.001", MSG_DECIMALS),
        ("1.2345678万", MSG_DECIMALS),
        ("-5", MSG_NEGATIVE),
        ("-¥5", MSG_NEGATIVE),
        ("¥-5", MSG_NEGATIVE),
        ("1000000000.01", MSG_TOO_LARGE),
        ("100001万", MSG_TOO_LARGE),
        ("11亿", MSG_TOO_LARGE),
        ("9" * 90, MSG_TOO_LARGE),
        ("9" * 200, MSG_NOT_AMOUNT),
    ],
)
def test_parse_money_rejects_with_a_clear_message(text: str, message: str) -> None:
    with pytest.raises(InputError) as info:
        parse_money(text)
    assert info.value.message == message
    info.value.english()  # placeholders always fillable


def test_too_large_names_the_limit() -> None:
    with pytest.raises(InputError) as info:
        parse_money("2000", maximum=D("1000"))
    assert info.value.params == {"maximum": "¥1,000.00"}
    assert "¥1,000.00" in info.value.english()
    assert parse_money("1000", maximum=D("1000")) == D("1000.00")


def test_negative_only_when_allowed() -> None:
    assert parse_money("-1,234.50", allow_negative=True) == D("-1234.50")
    assert parse_money("-¥1,234.50", allow_negative=True) == D("-1234.50")
    assert parse_money("－１２", allow_negative=True) == D("-12.00")
    with pytest.raises(InputError):
        parse_money(f"-{DEFAULT_MAXIMUM + 1}", allow_negative=True)


def test_error_is_a_value_error_with_msgid() -> None:
    error = InputError("Amount is too large (at most {maximum})", {"maximum": "¥1.00"})
    assert isinstance(error, ValueError)
    assert str(error) == "Amount is too large (at most ¥1.00)"


# ---- parse_money: properties -------------------------------------------------------------

MONEY_ALPHABET = "0123456789,.万千亿kKwW¥￥元块钱圆-+ eEnNaIifFxX%‰０１２３，．。－\u3000_"
fen_amounts = st.integers(min_value=0, max_value=int(DEFAULT_MAXIMUM * 100)).map(lambda n: D(n).scaleb(-2))


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=40) | st.text(alphabet=MONEY_ALPHABET, max_size=25))
def test_parse_money_only_raises_money_parse_error(text: str) -> None:
    for allow_negative in (False, True):
        try:
            value = parse_money(text, allow_negative=allow_negative)
        except InputError as error:
            error.english()
        else:
            assert value.as_tuple().exponent == -2
            assert abs(value) <= DEFAULT_MAXIMUM
            assert allow_negative or value >= 0


@settings(max_examples=300, deadline=None)
@given(fen_amounts, st.booleans())
def test_format_then_parse_round_trips(amount: Decimal, negative: bool) -> None:
    value = -amount if negative else amount
    assert parse_money(format_money(value), allow_negative=True) == value
    if not negative:
        assert parse_money(format_money(value)) == value


@settings(max_examples=200, deadline=None)
@given(fen_amounts)
def test_wan_form_equals_plain_form(amount: Decimal) -> None:
    wan = format(amount / 10000, "f").rstrip("0").rstrip(".") or "0"
    assert parse_money(f"{wan}万") == amount
    assert parse_money(f"{wan}w") == amount


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789,.-¥元 kw", max_size=16))
def test_fullwidth_equals_ascii(text: str) -> None:
    def outcome(candidate: str) -> object:
        try:
            return parse_money(candidate, allow_negative=True)
        except InputError as error:
            return error.message

    assert outcome(fullwidth(text)) == outcome(text)


def test_fullwidth_helper_is_really_fullwidth() -> None:
    assert fullwidth("3,000.5") == "３，０００．５"


# ---- format_money / round_fen ------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (D("20000"), "¥20,000.00"),
        (D("-1234.5"), "-¥1,234.50"),
        (D("0"), "¥0.00"),
        (D("-0.00"), "¥0.00"),
        (D("-0.004"), "¥0.00"),
        (D("0.005"), "¥0.01"),  # half up, not half even
        (D("2.675"), "¥2.68"),  # a float would give 2.67
        (D("-2.675"), "-¥2.68"),
        (D("1000000000"), "¥1,000,000,000.00"),
        (7, "¥7.00"),
    ],
)
def test_format_money(value: Decimal, text: str) -> None:
    assert format_money(value) == text


def test_round_fen_half_up_and_rejects_nan() -> None:
    assert round_fen(D("0.125")) == D("0.13")
    assert round_fen(D("0.135")) == D("0.14")
    assert str(round_fen(D("-0.001"))) == "0.00"
    with pytest.raises(ValueError):
        round_fen(D("NaN"))


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


# ---- whole numbers ---------------------------------------------------------------------


def test_parse_days_months_due_day() -> None:
    assert parse_days("12") == 12
    assert parse_days("１２天") == 12
    assert parse_days("0") == 0
    assert parse_months("12期") == 12
    assert parse_months("6个月") == 6
    assert parse_due_day("15号") == 15
    assert parse_due_day("31") == 31


@pytest.mark.parametrize(
    ("parser", "text"),
    [
        (parse_days, "-1"),
        (parse_days, "3651"),
        (parse_days, "1.5"),
        (parse_days, "12个月"),
        (parse_days, ""),
        (parse_due_day, "0"),
        (parse_due_day, "32"),
        (parse_months, "9" * 50),
        (parse_months, "٣"),
    ],
)
def test_whole_numbers_reject(parser: object, text: str) -> None:
    with pytest.raises(InputError):
        parser(text)  # type: ignore[operator]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=20))
def test_parse_int_only_raises_money_parse_error(text: str) -> None:
    try:
        value = parse_int(text, minimum=1, maximum=99, suffixes=("天",))
    except InputError as error:
        error.english()
    else:
        assert 1 <= value <= 99
