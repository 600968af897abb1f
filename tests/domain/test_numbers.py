"""Whole numbers with a unit word: days, months, a day of the month."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.parsing.numbers import parse_days, parse_due_day, parse_int, parse_months

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


def test_whole_numbers_read_traditional_unit_words() -> None:
    assert parse_months("12個月") == 12
    assert parse_due_day("15號") == 15
    with pytest.raises(InputError):
        parse_days("12個月")
