"""Stored values back to their types, refusing what a damaged or hand-edited file got wrong.

Every ``from_dict`` in this package goes through these so a bad file raises one
``ValueError`` naming the field, never a KeyError or a silently wrong number.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

E = TypeVar("E")


def mapping(value: Any, name: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ValueError(f"{name}: expected an object, got {type(value).__name__}")
    return value


def items(value: Any, name: str) -> list[Any]:
    if not isinstance(value, list | tuple):
        raise ValueError(f"{name}: expected a list, got {type(value).__name__}")
    return list(value)


def required(data: Mapping[str, Any], key: str, name: str) -> Any:
    if key not in data:
        raise ValueError(f"{name}: missing {key!r}")
    return data[key]


def text(value: Any, name: str, *, allow_empty: bool = True) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{name}: expected text, got {value!r}")
    if not allow_empty and not value.strip():
        raise ValueError(f"{name}: must not be empty")
    return value


def whole(value: Any, name: str, *, minimum: int | None = None, maximum: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name}: expected a whole number, got {value!r}")
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise ValueError(f"{name}: {value} is out of range")
    return value


def flag(value: Any, name: str) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{name}: expected true or false, got {value!r}")
    return value


def money(value: Any, name: str, *, allow_negative: bool = False) -> Decimal:
    """Amounts are written as text (``"12.50"``) so no float ever touches them."""
    if not isinstance(value, str):
        raise ValueError(f"{name}: expected an amount as text, got {value!r}")
    try:
        result = Decimal(value)
    except InvalidOperation as error:
        raise ValueError(f"{name}: not a number: {value!r}") from error
    if not result.is_finite():
        raise ValueError(f"{name}: not a finite number: {value!r}")
    if result < 0 and not allow_negative:
        raise ValueError(f"{name}: must not be negative")
    return result


def optional_money(value: Any, name: str) -> Decimal | None:
    return None if value is None else money(value, name)


def decimal_text(value: Decimal) -> str:
    """Without exponent: ``1E+1`` would puzzle anyone reading the file."""
    return format(value, "f")


def day(value: Any, name: str) -> date:
    if not isinstance(value, str):
        raise ValueError(f"{name}: expected an ISO date, got {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise ValueError(f"{name}: not an ISO date: {value!r}") from error


def optional_day(value: Any, name: str) -> date | None:
    return None if value is None else day(value, name)


def member(enum: type[E], value: Any, name: str) -> E:
    try:
        return enum(value)  # type: ignore[call-arg]
    except ValueError as error:
        raise ValueError(f"{name}: unknown value {value!r}") from error


def month_key(value: Any, name: str) -> str:
    """``"2026-03"``: the key of a month document."""
    if not isinstance(value, str) or len(value) != 7 or value[4] != "-":
        raise ValueError(f"{name}: expected a month as YYYY-MM, got {value!r}")
    try:
        date.fromisoformat(value + "-01")
    except ValueError as error:
        raise ValueError(f"{name}: not a month: {value!r}") from error
    return value
