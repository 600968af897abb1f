"""Stored values back to their types, refusing what a damaged or hand-edited file got wrong.

Every ``from_dict`` in the domain goes through these, so a bad file raises one
``ValueError`` naming the field, never a KeyError or a silently wrong number.
Amounts are written as text (``"12.50"``) so no float ever touches them. A number typed by
hand into a file as a JSON number is read through its shortest repr, which is what was typed;
an amount of money must still be whole fen, so a float artefact such as 0.30000000000000004
is refused rather than rounded.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any, TypeVar

from jiebei_tui.domain.instants import from_iso, to_iso

E = TypeVar("E", bound=Enum)
FEN = Decimal("0.01")


def decimal_from(value: Any, name: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (str, int, float, Decimal)):
        raise ValueError(f"{name}: expected a number as text, got {value!r}")
    try:
        result = value if isinstance(value, Decimal) else Decimal(str(value))
    except InvalidOperation as error:
        raise ValueError(f"{name}: not a number: {value!r}") from error
    if not result.is_finite():
        raise ValueError(f"{name}: not a finite number: {value!r}")
    return result


def optional_decimal(value: Any, name: str) -> Decimal | None:
    return None if value is None else decimal_from(value, name)


def money_from(value: Any, name: str, *, allow_negative: bool = False) -> Decimal:
    result = decimal_from(value, name)
    if result < 0 and not allow_negative:
        raise ValueError(f"{name}: must not be negative")
    if result != result.quantize(FEN):
        raise ValueError(f"{name}: an amount has at most two decimals (fen), got {value!r}")
    return result


def rate_from(value: Any, name: str) -> Decimal:
    """A rate as a fraction (0.0005 for 0.05% a day): any precision, never negative."""
    result = decimal_from(value, name)
    if result < 0:
        raise ValueError(f"{name}: must not be negative")
    return result


def optional_money(value: Any, name: str) -> Decimal | None:
    return None if value is None else money_from(value, name)


def decimal_text(value: Decimal) -> str:
    """Without exponent: ``1E+1`` would puzzle anyone reading the file."""
    return format(value, "f")


def int_from(value: Any, name: str, *, minimum: int | None = None, maximum: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name}: expected a whole number, got {value!r}")
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise ValueError(f"{name}: {value} is out of range")
    return value


def optional_int(value: Any, name: str) -> int | None:
    return None if value is None else int_from(value, name)


def bool_from(value: Any, name: str) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{name}: expected true or false, got {value!r}")
    return value


def text_from(value: Any, name: str, *, allow_empty: bool = True) -> str:
    """Text; a missing (None) value is empty text."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValueError(f"{name}: expected text, got {value!r}")
    if not allow_empty and not value.strip():
        raise ValueError(f"{name}: must not be empty")
    return value


def optional_text(value: Any, name: str) -> str | None:
    return None if value is None else text_from(value, name)


def date_from(value: Any, name: str) -> date:
    if not isinstance(value, str):
        raise ValueError(f"{name}: expected an ISO date, got {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise ValueError(f"{name}: not an ISO date: {value!r}") from error


def optional_date(value: Any, name: str) -> date | None:
    return None if value is None or value == "" else date_from(value, name)


def date_text(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def moment_from(value: Any, name: str) -> datetime:
    """An aware instant (see :mod:`instants`: naive times are refused)."""
    if not isinstance(value, str):
        raise ValueError(f"{name}: expected an ISO time, got {value!r}")
    return from_iso(value, name)


def moment_text(value: datetime) -> str:
    return to_iso(value)


def month_from(value: Any, name: str) -> str:
    """``"2026-03"``: the key of a month document."""
    if not isinstance(value, str) or len(value) != 7 or value[4] != "-":
        raise ValueError(f"{name}: expected a month as YYYY-MM, got {value!r}")
    try:
        date.fromisoformat(value + "-01")
    except ValueError as error:
        raise ValueError(f"{name}: not a month: {value!r}") from error
    return value


def mapping_from(value: Any, name: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ValueError(f"{name}: expected an object, got {type(value).__name__}")
    return value


def list_from(value: Any, name: str) -> list[Any]:
    """A list; a missing (None) value is an empty list."""
    if value is None:
        return []
    if not isinstance(value, (list, tuple)):
        raise ValueError(f"{name}: expected a list, got {type(value).__name__}")
    return list(value)


def required(data: Mapping[str, Any], key: str, name: str) -> Any:
    if key not in data:
        raise ValueError(f"{name}: missing {key!r}")
    return data[key]


def enum_from(enum: type[E], value: Any, name: str) -> E:
    try:
        return enum(value)
    except ValueError as error:
        raise ValueError(f"{name}: unknown value {value!r}") from error
