"""Money as people type it, exact to the fen, and money as the app shows it.

Everything is ``Decimal``: a float cannot hold ¥0.10 exactly, and a loan figure that is
off by a fen makes people doubt every other number on screen. Parsers accept what users
copy from a loan page or type through a Chinese input method and only ever raise
:class:`InputError`. Pure: no Textual, no I/O, no clock.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation, localcontext
from typing import Final

from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.parsing.text import MAX_INPUT_LENGTH, normalize_input
from jiebei_tui.i18n import N_

CENT: Final = Decimal("0.01")
ZERO: Final = Decimal("0.00")

# ¥1,000,000,000. Personal debts and incomes are far below this; anything
# larger is almost always extra zeros typed by accident, and the bound keeps
# every formatted amount short enough for an 80-column screen. It is also far
# inside Decimal's exact range, so sums of many such amounts stay exact.
DEFAULT_MAXIMUM: Final = Decimal("1000000000")
# Message ids (English; the UI translates them and fills the {placeholders}).
MSG_EMPTY = N_("Enter an amount")
MSG_NOT_AMOUNT = N_("Use digits, e.g. 20000 or 2.5万")
MSG_COMMAS = N_("Put commas only between groups of three digits, e.g. 20,000")
MSG_DECIMALS = N_("At most two decimal places (fen)")
MSG_TOO_LARGE = N_("Amount is too large (at most {maximum})")
MSG_NEGATIVE = N_("Must not be negative")


def exact_context() -> Context:
    # Enough digits that nothing below is ever rounded by the context itself:
    # inputs are at most MAX_INPUT_LENGTH characters.
    return Context(prec=400, rounding=ROUND_HALF_UP)


def round_fen(amount: Decimal) -> Decimal:
    """Round to the fen, half up (the rounding people do by hand and bills show).

    Callers keep full precision through a calculation and call this once at
    the end, so rounding errors never pile up.
    """
    if not amount.is_finite():
        raise ValueError("amount must be finite")
    with localcontext(exact_context()):
        result = amount.quantize(CENT, rounding=ROUND_HALF_UP)
    return result if result != 0 else ZERO  # never "-0.00"


_MONEY_RE = re.compile(
    r"""
    (?P<sign1>[-+])?\s*
    (?P<currency>¥|rmb|cny|人民币)?\s*
    (?P<sign2>[-+])?\s*
    (?P<number>[0-9][0-9,]*(?:\.[0-9]*)?|\.[0-9]+)\s*
    (?P<scale>万|千|亿|k|w)?\s*
    (?P<unit>元|块钱|块|圆|rmb|cny)?
    """,
    re.VERBOSE | re.IGNORECASE,
)
_GROUPED_RE = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})*")
# "w" is how people write 万 in chat (2w = 20,000); "k" is 千.
_SCALES = {
    "万": Decimal(10_000),
    "w": Decimal(10_000),
    "千": Decimal(1_000),
    "k": Decimal(1_000),
    "亿": Decimal(10**8),
}


def _plain_number(number: str) -> Decimal:
    """Digits with optional thousands commas and one dot; commas must group by three."""
    integer, dot, fraction = number.partition(".")
    if "," in integer:
        if not _GROUPED_RE.fullmatch(integer):
            raise InputError(MSG_COMMAS)
        integer = integer.replace(",", "")
    return Decimal((integer or "0") + dot + fraction)


def parse_money(
    text: str,
    *,
    allow_negative: bool = False,
    maximum: Decimal = DEFAULT_MAXIMUM,
) -> Decimal:
    """Read an amount the way people type it; return it quantized to the fen.

    Accepted: ``20000``, ``20,000``, ``2万``, ``2.5万``, ``2w``, ``3k``, ``3千``,
    ``¥20000``, ``￥20000``, ``20000元``/``块``/``块钱``/``圆``, the same in
    Traditional characters (``2.5萬``, ``20000塊``, ``20000圓``), full-width digits
    and punctuation, surrounding spaces, a leading ``-`` when ``allow_negative``.
    After the 万/千 multiplier the amount must be whole fen (``1.234`` is refused
    rather than rounded, because rounding would hide a typing slip).
    Raises only :class:`InputError`.
    """
    if not isinstance(text, str):
        raise InputError(MSG_NOT_AMOUNT)
    cleaned = normalize_input(text)
    if not cleaned:
        raise InputError(MSG_EMPTY)
    if len(cleaned) > MAX_INPUT_LENGTH:
        raise InputError(MSG_NOT_AMOUNT)
    match = _MONEY_RE.fullmatch(cleaned)
    if match is None or (match["sign1"] and match["sign2"]):
        raise InputError(MSG_NOT_AMOUNT)
    sign = match["sign1"] or match["sign2"] or "+"
    try:
        with localcontext(exact_context()):
            value = _plain_number(match["number"])
            if match["scale"]:
                value *= _SCALES[match["scale"].lower()]
            if sign == "-":
                value = -value
            if value < 0 and not allow_negative:
                raise InputError(MSG_NEGATIVE)
            if abs(value) > maximum:
                raise InputError(MSG_TOO_LARGE, {"maximum": format_money(maximum)})
            if value != value.quantize(CENT):
                raise InputError(MSG_DECIMALS)
    except (InvalidOperation, ValueError, ArithmeticError) as error:
        if isinstance(error, InputError):
            raise
        raise InputError(MSG_NOT_AMOUNT) from error
    return round_fen(value)


def format_money(amount: Decimal | int) -> str:
    """``¥20,000.00``; negative as ``-¥1,234.50``. Rounds half up to the fen."""
    value = round_fen(Decimal(amount))
    sign = "-" if value < 0 else ""
    return f"{sign}¥{abs(value):,.2f}"


def format_plain_number(value: Decimal | int) -> str:
    """A Decimal without exponent or trailing zeros: ``1.50`` -> ``1.5``, ``10`` -> ``10``."""
    text = format(Decimal(value), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text

