"""Money as typed, in either script: exact to the fen, forgiving in form, strict in value."""

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


def traditional(text: str) -> str:
    """Independent of the implementation: the same words in Traditional characters."""
    return text.translate(str.maketrans("万亿块钱圆币点两费个号", "萬億塊錢圓幣點兩費個號"))


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


# ---- parse_money: Traditional characters (the Traditional screens' own examples) ----------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2萬", "20000.00"),
        ("2.5萬", "25000.00"),
        ("2萬元", "20000.00"),
        ("¥2.5萬", "25000.00"),
        ("20000圓", "20000.00"),
        ("20000塊", "20000.00"),
        ("20000塊錢", "20000.00"),
        ("人民幣20000", "20000.00"),
        ("1億", "100000000.00"),
        ("２．５萬", "25000.00"),
    ],
)
def test_parse_money_reads_traditional_characters(text: str, expected: str) -> None:
    assert parse_money(text) == D(expected)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("兩萬", MSG_NOT_AMOUNT),  # numbers in words stay refused, in both scripts
        ("2萬5", MSG_NOT_AMOUNT),
        ("萬5", MSG_NOT_AMOUNT),  # a rate's shorthand, not an amount
        ("1.2345678萬", MSG_DECIMALS),
        ("100001萬", MSG_TOO_LARGE),
        ("11億", MSG_TOO_LARGE),
        ("-2萬", MSG_NEGATIVE),
    ],
)
def test_parse_money_refuses_in_traditional_what_it_refuses_in_simplified(text: str, message: str) -> None:
    with pytest.raises(InputError) as info:
        parse_money(text)
    assert info.value.message == message


@settings(max_examples=200, deadline=None)
@given(fen_amounts)
def test_traditional_wan_form_equals_plain_form(amount: Decimal) -> None:
    wan = format(amount / 10000, "f").rstrip("0").rstrip(".") or "0"
    assert parse_money(f"{wan}萬") == amount
    assert parse_money(f"¥{wan}萬元") == amount


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789,.-¥元 万亿千块钱圆人民币两点个", max_size=16))
def test_traditional_equals_simplified(text: str) -> None:
    def outcome(candidate: str) -> object:
        try:
            return parse_money(candidate, allow_negative=True)
        except InputError as error:
            return error.message

    assert outcome(traditional(text)) == outcome(text)
