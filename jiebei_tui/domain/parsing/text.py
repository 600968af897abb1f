"""What people type, made comparable: full-width and IME punctuation to ASCII, search keys."""

from __future__ import annotations

import unicodedata
from typing import Final

MAX_INPUT_LENGTH: Final = 100  # longer text is not an amount; also bounds the work
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
# The Traditional forms of the words the parsers read (2萬, 20000圓, 萬分之三點五, 12個月,
# 15號), to the Simplified ones: the Traditional screens give these as examples.
_NORMALIZE.update(str.maketrans("萬億塊錢圓幣點兩費個號", "万亿块钱圆币点两费个号"))


def normalize_input(text: str) -> str:
    """Full-width and IME punctuation to ASCII, Traditional unit words to Simplified,
    surrounding whitespace removed.

    Only an explicit table is used (not NFKC) so that look-alikes such as ①
    or Arabic-Indic digits are rejected instead of silently becoming numbers.
    """
    return text.translate(_NORMALIZE).strip()


def fold(text: str) -> str:
    """Search key: NFKC (full-width -> half-width, ｔ -> t, ： -> :) then casefold (Latin case)."""
    return unicodedata.normalize("NFKC", text).casefold()
