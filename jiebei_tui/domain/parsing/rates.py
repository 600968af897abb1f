"""Daily rates and the penalty multiplier, as printed on a loan page or contract."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation, localcontext
from typing import Final

from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.parsing.money import exact_context, format_plain_number
from jiebei_tui.domain.parsing.text import MAX_INPUT_LENGTH, normalize_input
from jiebei_tui.i18n import N_

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


# ---- daily rates -----------------------------------------------------------------

_RATE_LABEL = r"(?:日利率|日利息|日息|日费率|日率|利率|daily\s*rate)"
# A label copied along with the rate: "日利率：0.05%", "每日0.05%", "每日利率 0.05%".
_RATE_PREFIX_RE = re.compile(r"^(?:(?:每日|每天)" + _RATE_LABEL + "?|" + _RATE_LABEL + r")\s*:?\s*", re.IGNORECASE)
# "0.05%/天", "0.05% 每日": the daily unit written after the rate.
_RATE_SUFFIX_RE = re.compile(r"\s*(?:/|每)\s*(?:天|日)$")
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
    ``千分之0.5``, chat shorthand ``万5``, with an optional ``日利率``/``日息``/``每日``
    label in front or ``/天`` behind, in either script (``萬分之三點五``). A bare number such as ``0.05`` is read as a percentage, because
    loan pages print the daily rate as ``0.05%`` and the sign is what people drop;
    reading it as a fraction would mean 5% a day. Text mentioning 年/月 is refused
    as an annual or monthly rate. Raises only :class:`InputError`.
    """
    if not isinstance(text, str):
        raise InputError(MSG_RATE_FORMAT)
    cleaned = normalize_input(text)
    if not cleaned:
        raise InputError(MSG_RATE_EMPTY)
    if len(cleaned) > MAX_INPUT_LENGTH:
        raise InputError(MSG_RATE_FORMAT)
    if "年" in cleaned or "月" in cleaned or "apr" in cleaned.lower():
        raise InputError(MSG_RATE_NOT_DAILY)
    cleaned = _RATE_SUFFIX_RE.sub("", _RATE_PREFIX_RE.sub("", cleaned, count=1), count=1)
    negative = cleaned.startswith("-")
    if negative:
        cleaned = cleaned[1:].lstrip()
    try:
        with localcontext(exact_context()):
            rate = _rate_value(cleaned)
            if negative and rate != 0:
                raise InputError(MSG_RATE_NEGATIVE)
            if rate > MAX_DAILY_RATE:
                raise InputError(MSG_RATE_TOO_HIGH, {"maximum": format_rate(MAX_DAILY_RATE)})
            if 0 < rate < MIN_NONZERO_DAILY_RATE:
                raise InputError(MSG_RATE_TOO_SMALL)
            if rate != rate.quantize(_RATE_QUANTUM):
                raise InputError(MSG_RATE_FORMAT)
            return _tidy(rate)
    except InputError:
        raise
    except (InvalidOperation, ValueError, ArithmeticError) as error:
        raise InputError(MSG_RATE_FORMAT) from error


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
    raise InputError(MSG_RATE_FORMAT)


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
    :class:`InputError`.
    """
    if not isinstance(text, str):
        raise InputError(MSG_MULTIPLIER_FORMAT)
    cleaned = normalize_input(text)
    if not cleaned:
        if default is None:
            raise InputError(MSG_MULTIPLIER_FORMAT)
        return default
    if len(cleaned) > MAX_INPUT_LENGTH:
        raise InputError(MSG_MULTIPLIER_FORMAT)
    try:
        with localcontext(exact_context()):
            uplift = _UPLIFT_RE.fullmatch(cleaned)
            if uplift:
                value = 1 + Decimal(uplift["number"]) / 100
            else:
                match = _MULTIPLIER_RE.fullmatch(cleaned)
                if match is None:
                    raise InputError(MSG_MULTIPLIER_FORMAT)
                value = Decimal(match["number"])
                if match["unit"] == "%":
                    value /= 100
            if not MIN_MULTIPLIER <= value <= MAX_MULTIPLIER:
                raise InputError(
                    MSG_MULTIPLIER_RANGE,
                    {"minimum": format_plain_number(MIN_MULTIPLIER), "maximum": format_plain_number(MAX_MULTIPLIER)},
                )
            if value != value.quantize(_MULTIPLIER_QUANTUM):
                raise InputError(MSG_MULTIPLIER_FORMAT)
            return _tidy(value)
    except InputError:
        raise
    except (InvalidOperation, ValueError, ArithmeticError) as error:
        raise InputError(MSG_MULTIPLIER_FORMAT) from error


def format_multiplier(multiplier: Decimal) -> str:
    """``1.5``; no trailing zeros, no exponent."""
    return format_plain_number(multiplier)

