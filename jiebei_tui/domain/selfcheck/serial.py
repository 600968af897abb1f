"""Stored numbers, dates and text back to their types, refusing what a hand-edited file got wrong."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any


def decimal_from(value: Any, name: str) -> Decimal:
    """A stored number back to Decimal. Strings are what we write; ints and floats
    are accepted for hand-edited files (a float goes through its shortest repr, which
    is what the person typed)."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float, Decimal)):
        raise ValueError(f"{name}: expected a number as text, got {value!r}")
    try:
        result = Decimal(str(value)) if not isinstance(value, Decimal) else value
    except InvalidOperation as error:
        raise ValueError(f"{name}: not a number: {value!r}") from error
    if not result.is_finite():
        raise ValueError(f"{name}: not a finite number: {value!r}")
    return result


def decimal_text(value: Decimal) -> str:
    """Decimal to text without exponent (``1E+1`` would confuse people reading the file)."""
    return format(value, "f")


def optional_int(value: Any, name: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name}: expected a whole number, got {value!r}")
    return value


def optional_date(value: Any, name: str) -> date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"{name}: expected an ISO date, got {value!r}")
    return date.fromisoformat(value)


def text_from(value: Any, name: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"{name}: expected text, got {value!r}")
    return value

