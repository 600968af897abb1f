"""Whole numbers with a unit word: days, months, a day of the month."""

from __future__ import annotations

import re
from typing import Final

from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.parsing.text import MAX_INPUT_LENGTH, normalize_input
from jiebei_tui.i18n import N_

MAX_DAYS: Final = 3650  # ten years; more is a typing slip
MAX_MONTHS: Final = 600  # fifty years of instalments
MSG_NUMBER_EMPTY = N_("Enter a number")
MSG_WHOLE_NUMBER = N_("Enter a whole number, e.g. {example}")
MSG_NUMBER_RANGE = N_("Enter a number from {minimum} to {maximum}")
_INT_RE = re.compile(r"(?P<digits>[0-9]+)\s*(?P<suffix>\D*)")


def parse_int(
    text: str,
    *,
    minimum: int = 0,
    maximum: int,
    suffixes: tuple[str, ...] = (),
    example: str = "12",
) -> int:
    """A whole number in ``minimum..maximum``, optionally followed by a unit word (``天``, ``个月``).

    Full-width digits are accepted. Raises only :class:`InputError`.
    """
    if not isinstance(text, str):
        raise InputError(MSG_WHOLE_NUMBER, {"example": example})
    cleaned = normalize_input(text)
    if not cleaned:
        raise InputError(MSG_NUMBER_EMPTY)
    match = _INT_RE.fullmatch(cleaned) if len(cleaned) <= MAX_INPUT_LENGTH else None
    if match is None or (match["suffix"] and match["suffix"].strip() not in suffixes):
        raise InputError(MSG_WHOLE_NUMBER, {"example": example})
    value = int(match["digits"])  # at most MAX_INPUT_LENGTH digits, well inside int()'s limit
    if not minimum <= value <= maximum:
        raise InputError(MSG_NUMBER_RANGE, {"minimum": str(minimum), "maximum": str(maximum)})
    return value


def parse_days(text: str) -> int:
    """Days overdue as the loan page shows them (``12``, ``12天``), 0..3650."""
    return parse_int(text, minimum=0, maximum=MAX_DAYS, suffixes=("天", "日"), example="12")


def parse_months(text: str) -> int:
    """Remaining instalments (``12``, ``12期``, ``12个月``), 0..600."""
    return parse_int(text, minimum=0, maximum=MAX_MONTHS, suffixes=("期", "个月", "月"), example="12")


def parse_due_day(text: str) -> int:
    """Day of the month a payment is due (``15``, ``15号``, ``15日``), 1..31."""
    return parse_int(text, minimum=1, maximum=31, suffixes=("号", "日"), example="15")
