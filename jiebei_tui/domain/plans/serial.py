"""Stored plan data back to its types, refusing what a hand-edited file got wrong (ValueError)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from jiebei_tui.domain.instants import from_iso, to_iso


def money_text(value: Decimal) -> str:
    """Decimal as plain text without exponent (``1E+1`` would confuse people reading the file)."""
    return format(value, "f")


def decimal_from(value: Any, name: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError(f"{name}: expected a number as text, got {value!r}")
    try:
        result = Decimal(str(value))
    except InvalidOperation as error:
        raise ValueError(f"{name}: not a number: {value!r}") from error
    if not result.is_finite():
        raise ValueError(f"{name}: not a finite number: {value!r}")
    return result


def optional_decimal(value: Any, name: str) -> Decimal | None:
    return None if value is None else decimal_from(value, name)


def date_from(value: Any, name: str) -> date:
    if not isinstance(value, str):
        raise ValueError(f"{name}: expected an ISO date, got {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise ValueError(f"{name}: {error}") from error


def optional_date(value: Any, name: str) -> date | None:
    return None if value is None else date_from(value, name)


def date_text(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def moment_from(value: Any, name: str) -> datetime:
    if not isinstance(value, str):
        raise ValueError(f"{name}: expected an ISO time, got {value!r}")
    return from_iso(value, name)


def moment_text(value: datetime) -> str:
    return to_iso(value)


def int_from(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name}: expected a whole number, got {value!r}")
    return value


def optional_int(value: Any, name: str) -> int | None:
    return None if value is None else int_from(value, name)


def text_from(value: Any, name: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"{name}: expected text, got {value!r}")
    return value


def optional_text(value: Any, name: str) -> str | None:
    return None if value is None else text_from(value, name)


def mapping_from(value: Any, name: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ValueError(f"{name}: expected a mapping, got {value!r}")
    return value


def list_from(value: Any, name: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValueError(f"{name}: expected a list, got {value!r}")
    return value
