"""Money, rates and small numbers as people type them, exact to the fen.

Everything here is ``Decimal``: a float cannot hold ¥0.10 exactly, and a loan
figure that is off by a fen makes people doubt every other number on screen.
Parsers accept what users copy from a loan page or type through a Chinese input
method (full-width digits, ``2.5万``, ``¥``/``元``, ``万分之五``) and only ever
raise :class:`MoneyParseError`, whose English message id the UI translates and
shows beside the field.

Pure: no Textual, no I/O, no clock.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation, localcontext
from typing import Final

from ..i18n import N_

CENT: Final = Decimal("0.01")
ZERO: Final = Decimal("0.00")

# ¥1,000,000,000. Personal debts and incomes are far below this; anything
# larger is almost always extra zeros typed by accident, and the bound keeps
# every formatted amount short enough for an 80-column screen. It is also far
# inside Decimal's exact range, so sums of many such amounts stay exact.
DEFAULT_MAXIMUM: Final = Decimal("1000000000")

# Daily rates, as a fraction (0.0005 == 0.05% per day).
# 1% a day is 365% a year: above that the input is a typing slip (e.g. "5"
# meant as 万分之五), not a loan, so we ask the user to look again.
MAX_DAILY_RATE: Final = Decimal("0.01")
# 0.001% a day (0.365% a year). A non-zero rate below this is almost surely a
# fraction typed where a percentage was meant ("0.0005" for 0.05%). Zero stays
# allowed: loans from family are often interest-free.
MIN_NONZERO_DAILY_RATE: Final = Decimal("0.00001")
# Rates with more digits than this are derived numbers, not what a page prints.
_RATE_QUANTUM: Final = Decimal("1E-10")

# Penalty multiplier copied from the contract (the BRIEF lists it as NOT
# verified, so it is always an input). 1 means "no uplift"; contracts seen in
# the press say 1.5. Above 3 is almost surely "15" typed for 1.5.
DEFAULT_MULTIPLIER: Final = Decimal("1")
MIN_MULTIPLIER: Final = Decimal("1")
MAX_MULTIPLIER: Final = Decimal("3")
_MULTIPLIER_QUANTUM: Final = Decimal("0.0001")

MAX_DAYS: Final = 3650  # ten years; more is a typing slip
MAX_MONTHS: Final = 600  # fifty years of instalments
MAX_INPUT_LENGTH: Final = 100  # longer text is not an amount; also bounds the work

# Message ids (English; the UI translates them and fills the {placeholders}).
MSG_EMPTY = N_("Enter an amount")
MSG_NOT_AMOUNT = N_("Use digits, e.g. 20000 or 2.5万")
MSG_COMMAS = N_("Put commas only between groups of three digits, e.g. 20,000")
MSG_DECIMALS = N_("At most two decimal places (fen)")
MSG_TOO_LARGE = N_("Amount is too large (at most {maximum})")
MSG_NEGATIVE = N_("Must not be negative")
MSG_RATE_EMPTY = N_("Enter the daily rate from your loan page, e.g. 0.05%")
MSG_RATE_FORMAT = N_("Enter the daily rate as printed, e.g. 0.05% or 万分之五")
MSG_RATE_NOT_DAILY = N_(
    "This looks like an annual or monthly rate. Enter the daily rate from your loan page, e.g. 0.05%"
)
MSG_RATE_NEGATIVE = N_("A rate cannot be negative")
MSG_RATE_TOO_HIGH = N_(
    "More than {maximum} a day is almost certainly a typing slip. Check the rate on your loan page, "
    "e.g. 0.05% or 万分之五"
)
MSG_RATE_TOO_SMALL = N_(
    "This is smaller than any loan rate. Type the rate as printed with the percent sign, e.g. 0.05%"
)
MSG_MULTIPLIER_FORMAT = N_("Enter the multiplier from your contract, e.g. 1.5 (or leave it empty for 1)")
MSG_MULTIPLIER_RANGE = N_(
    "Enter a multiplier from {minimum} to {maximum}. If the contract says the rate is raised by 50%, enter 1.5"
)
MSG_NUMBER_EMPTY = N_("Enter a number")
MSG_WHOLE_NUMBER = N_("Enter a whole number, e.g. {example}")
MSG_NUMBER_RANGE = N_("Enter a number from {minimum} to {maximum}")


class MoneyParseError(ValueError):
    """A field value the user can fix; ``message`` is an English msgid, ``params`` fill it.

    Used by every parser in this module (money, rates, multipliers, whole
    numbers) so a form needs only one ``except`` around any field.
    """

    def __init__(self, message: str, params: dict[str, str] | None = None) -> None:
        self.message = message
        self.params: dict[str, str] = dict(params or {})
        super().__init__(self.english())

    def english(self) -> str:
        """The untranslated text with placeholders filled (logs and tests)."""
        return self.message.format(**self.params) if self.params else self.message


# Full-width ASCII (U+FF01..U+FF5E) to ASCII, plus the symbols an input method
# produces in Chinese mode. "。" is what many IMEs type for "." after a digit.
_NORMALIZE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_NORMALIZE.update(
    {
        0x3000: 0x20,  # ideographic space
        0xFFE5: ord("¥"),  # ￥ full-width yen/yuan sign
        0x3002: ord("."),  # 。
        0xFF61: ord("."),  # ｡ half-width ideographic full stop
        0x2212: ord("-"),  # − minus sign
        0xFE63: ord("-"),  # ﹣ small hyphen-minus
        0x2030: ord("‰"),
    }
)


def normalize_input(text: str) -> str:
    """Full-width and IME punctuation to ASCII, surrounding whitespace removed.

    Only an explicit table is used (not NFKC) so that look-alikes such as ①
    or Arabic-Indic digits are rejected instead of silently becoming numbers.
    """
    return text.translate(_NORMALIZE).strip()


def _context() -> Context:
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
    with localcontext(_context()):
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
            raise MoneyParseError(MSG_COMMAS)
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
    ``¥20000``, ``￥20000``, ``20000元``/``块``/``块钱``, full-width digits
    and punctuation, surrounding spaces, a leading ``-`` when ``allow_negative``.
    After the 万/千 multiplier the amount must be whole fen (``1.234`` is refused
    rather than rounded, because rounding would hide a typing slip).
    Raises only :class:`MoneyParseError`.
    """
    if not isinstance(text, str):
        raise MoneyParseError(MSG_NOT_AMOUNT)
    cleaned = normalize_input(text)
    if not cleaned:
        raise MoneyParseError(MSG_EMPTY)
    if len(cleaned) > MAX_INPUT_LENGTH:
        raise MoneyParseError(MSG_NOT_AMOUNT)
    match = _MONEY_RE.fullmatch(cleaned)
    if match is None or (match["sign1"] and match["sign2"]):
        raise MoneyParseError(MSG_NOT_AMOUNT)
    sign = match["sign1"] or match["sign2"] or "+"
    try:
        with localcontext(_context()):
            value = _plain_number(match["number"])
            if match["scale"]:
                value *= _SCALES[match["scale"].lower()]
            if sign == "-":
                value = -value
            if value < 0 and not allow_negative:
                raise MoneyParseError(MSG_NEGATIVE)
            if abs(value) > maximum:
                raise MoneyParseError(MSG_TOO_LARGE, {"maximum": format_money(maximum)})
            if value != value.quantize(CENT):
                raise MoneyParseError(MSG_DECIMALS)
    except (InvalidOperation, ValueError, ArithmeticError) as error:
        if isinstance(error, MoneyParseError):
            raise
        raise MoneyParseError(MSG_NOT_AMOUNT) from error
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


# ---- daily rates -----------------------------------------------------------------

_RATE_PREFIX_RE = re.compile(
    r"^(?:日利率|日利息|日息|日费率|日率|利率|daily\s*rate)\s*:?\s*", re.IGNORECASE
)
_RATE_NUMBER_RE = re.compile(r"(?P<number>[0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*(?P<unit>%|‰|‱)?")
_RATE_FRACTION_RE = re.compile(r"(?P<base>百|千|万)分之\s*(?P<number>.+)")
_RATE_SHORT_WAN_RE = re.compile(r"万\s*(?P<number>.+)")  # "日息万5" is chat for 万分之五
_CN_DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
_BASES = {"百": Decimal(100), "千": Decimal(1000), "万": Decimal(10000)}
_UNITS = {None: Decimal(100), "%": Decimal(100), "‰": Decimal(1000), "‱": Decimal(10000)}


def _chinese_number(text: str) -> Decimal | None:
    """Small Chinese numerals as loan pages print them: 五, 十五, 二十, 三点五, 零点五."""
    integer, dot, fraction = text.partition("点")
    if dot and not fraction:
        return None
    if not integer:
        return None
    if "十" in integer:
        tens, _, ones = integer.partition("十")
        if len(tens) > 1 or len(ones) > 1 or (tens and tens not in _CN_DIGITS) or (ones and ones not in _CN_DIGITS):
            return None
        whole = (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    else:
        if any(char not in _CN_DIGITS for char in integer):
            return None
        whole = int("".join(str(_CN_DIGITS[char]) for char in integer))
    if any(char not in _CN_DIGITS for char in fraction):
        return None
    digits = "".join(str(_CN_DIGITS[char]) for char in fraction)
    return Decimal(f"{whole}.{digits}" if digits else str(whole))


def _number_or_chinese(text: str) -> Decimal | None:
    text = text.strip()
    match = _RATE_NUMBER_RE.fullmatch(text)
    if match and match["unit"] is None:
        return Decimal(match["number"])
    return _chinese_number(text)


def parse_daily_rate(text: str) -> Decimal:
    """Read a daily interest rate and return it as a fraction (``0.05%`` -> ``0.0005``).

    Accepted: ``0.05%``, ``0.5‰``, ``5‱``, ``万分之五``/``万分之5``/``万分之三点五``,
    ``千分之0.5``, chat shorthand ``万5``, with an optional ``日利率``/``日息`` label
    copied along. A bare number such as ``0.05`` is read as a percentage, because
    loan pages print the daily rate as ``0.05%`` and the sign is what people drop;
    reading it as a fraction would mean 5% a day. Text mentioning 年/月 is refused
    as an annual or monthly rate. Raises only :class:`MoneyParseError`.
    """
    if not isinstance(text, str):
        raise MoneyParseError(MSG_RATE_FORMAT)
    cleaned = normalize_input(text)
    if not cleaned:
        raise MoneyParseError(MSG_RATE_EMPTY)
    if len(cleaned) > MAX_INPUT_LENGTH:
        raise MoneyParseError(MSG_RATE_FORMAT)
    if "年" in cleaned or "月" in cleaned or "apr" in cleaned.lower():
        raise MoneyParseError(MSG_RATE_NOT_DAILY)
    cleaned = _RATE_PREFIX_RE.sub("", cleaned, count=1)
    negative = cleaned.startswith("-")
    if negative:
        cleaned = cleaned[1:].lstrip()
    try:
        with localcontext(_context()):
            rate = _rate_value(cleaned)
            if negative and rate != 0:
                raise MoneyParseError(MSG_RATE_NEGATIVE)
            if rate > MAX_DAILY_RATE:
                raise MoneyParseError(MSG_RATE_TOO_HIGH, {"maximum": format_rate(MAX_DAILY_RATE)})
            if 0 < rate < MIN_NONZERO_DAILY_RATE:
                raise MoneyParseError(MSG_RATE_TOO_SMALL)
            if rate != rate.quantize(_RATE_QUANTUM):
                raise MoneyParseError(MSG_RATE_FORMAT)
            return _tidy(rate)
    except MoneyParseError:
        raise
    except (InvalidOperation, ValueError, ArithmeticError) as error:
        raise MoneyParseError(MSG_RATE_FORMAT) from error


def _rate_value(cleaned: str) -> Decimal:
    match = _RATE_NUMBER_RE.fullmatch(cleaned)
    if match:
        return Decimal(match["number"]) / _UNITS[match["unit"]]
    for pattern in (_RATE_FRACTION_RE, _RATE_SHORT_WAN_RE):
        match = pattern.fullmatch(cleaned)
        if match:
            number = _number_or_chinese(match["number"])
            if number is None:
                break
            base = _BASES[match.groupdict().get("base") or "万"]
            return number / base
    raise MoneyParseError(MSG_RATE_FORMAT)


def _tidy(value: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation (0.00050 -> 0.0005)."""
    return Decimal(format_plain_number(value))


def format_rate(rate: Decimal) -> str:
    """A daily-rate fraction as a percentage with at least two decimals: ``0.0005`` -> ``0.05%``."""
    percent = format_plain_number(Decimal(rate) * 100)
    whole, _, decimals = percent.partition(".")
    return f"{whole}.{decimals.ljust(2, '0')}%"


# ---- penalty multiplier -------------------------------------------------------------

_MULTIPLIER_RE = re.compile(
    r"(?:罚息倍数|罚息|倍数)?\s*:?\s*[×xX*]?\s*"
    r"(?P<number>[0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*(?P<unit>倍|%|[xX×])?"
)
# "上浮50%" / "加收50%": the contract's way of writing a 1.5× penalty rate.
_UPLIFT_RE = re.compile(r"(?:罚息)?(?:利率)?(?:上浮|加收)\s*(?P<number>[0-9]+(?:\.[0-9]*)?)\s*%")


def parse_multiplier(text: str, *, default: Decimal | None = DEFAULT_MULTIPLIER) -> Decimal:
    """Read the penalty multiplier copied from the contract: ``1.5``, ``1.5倍``, ``×1.5``, ``150%``, ``上浮50%``.

    Empty text returns ``default`` (1: no uplift), because many contracts state
    none and the BRIEF forbids assuming one. Range 1..3. Raises only
    :class:`MoneyParseError`.
    """
    if not isinstance(text, str):
        raise MoneyParseError(MSG_MULTIPLIER_FORMAT)
    cleaned = normalize_input(text)
    if not cleaned:
        if default is None:
            raise MoneyParseError(MSG_MULTIPLIER_FORMAT)
        return default
    if len(cleaned) > MAX_INPUT_LENGTH:
        raise MoneyParseError(MSG_MULTIPLIER_FORMAT)
    try:
        with localcontext(_context()):
            uplift = _UPLIFT_RE.fullmatch(cleaned)
            if uplift:
                value = 1 + Decimal(uplift["number"]) / 100
            else:
                match = _MULTIPLIER_RE.fullmatch(cleaned)
                if match is None:
                    raise MoneyParseError(MSG_MULTIPLIER_FORMAT)
                value = Decimal(match["number"])
                if match["unit"] == "%":
                    value /= 100
            if not MIN_MULTIPLIER <= value <= MAX_MULTIPLIER:
                raise MoneyParseError(
                    MSG_MULTIPLIER_RANGE,
                    {"minimum": format_plain_number(MIN_MULTIPLIER), "maximum": format_plain_number(MAX_MULTIPLIER)},
                )
            if value != value.quantize(_MULTIPLIER_QUANTUM):
                raise MoneyParseError(MSG_MULTIPLIER_FORMAT)
            return _tidy(value)
    except MoneyParseError:
        raise
    except (InvalidOperation, ValueError, ArithmeticError) as error:
        raise MoneyParseError(MSG_MULTIPLIER_FORMAT) from error


def format_multiplier(multiplier: Decimal) -> str:
    """``1.5``; no trailing zeros, no exponent."""
    return format_plain_number(multiplier)


# ---- whole numbers ----------------------------------------------------------------

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

    Full-width digits are accepted. Raises only :class:`MoneyParseError`.
    """
    if not isinstance(text, str):
        raise MoneyParseError(MSG_WHOLE_NUMBER, {"example": example})
    cleaned = normalize_input(text)
    if not cleaned:
        raise MoneyParseError(MSG_NUMBER_EMPTY)
    match = _INT_RE.fullmatch(cleaned) if len(cleaned) <= MAX_INPUT_LENGTH else None
    if match is None or (match["suffix"] and match["suffix"].strip() not in suffixes):
        raise MoneyParseError(MSG_WHOLE_NUMBER, {"example": example})
    value = int(match["digits"])  # at most MAX_INPUT_LENGTH digits, well inside int()'s limit
    if not minimum <= value <= maximum:
        raise MoneyParseError(MSG_NUMBER_RANGE, {"minimum": str(minimum), "maximum": str(maximum)})
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
