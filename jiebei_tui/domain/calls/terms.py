"""The amount and due date inside a commitment note (诺: 下周五还2000元)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from jiebei_tui.domain.parsing.dates import find_dates, span_order
from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.parsing.money import parse_money


@dataclass(frozen=True)


class CommitmentTerms:
    amount: Decimal | None = None
    due: date | None = None

_NUMBER = r"\d[\d,]*(?:\.\d+)?"
_YUAN = r"(?:元|块|塊|圆|圓)"
# After the digits: 万/千 and/or 元/块. "1万5" / "1万5千" are kept whole, so money
# parsing reads 15000 or refuses; it never reads 10000.
_AMOUNT_TAIL = r"(?:[万萬](?:\d+千?)?\s*" + _YUAN + r"?|千\s*" + _YUAN + r"?|" + _YUAN + r")"
_AMOUNT_PATTERNS = (
    re.compile(r"(?:¥|RMB|rmb|CNY)\s*" + _NUMBER + r"(?:\s*" + _AMOUNT_TAIL + r")?"),
    re.compile(_NUMBER + r"(?=\s*(?:yuan|RMB|CNY|kuai)\b)", re.IGNORECASE),  # 2000 yuan, 2,000 RMB
    re.compile(_NUMBER + r"\s*" + _AMOUNT_TAIL),
    re.compile(_NUMBER + r"\s*[wWkK](?![a-zA-Z])"),  # chat shorthand: 2w = 2万, 3k = 3千
)
# "还2000" (repay 2000): a bare number right after a paying verb, but not "还3期" or "还5天".
_VERB_AMOUNT = re.compile(
    r"(?:还|還|付|转|轉|交|给|給|打)(?:款|钱|錢)?\s*(" + _NUMBER + r")"
    r"(?![\d.,a-zA-Z]|\s*(?:期|天|个|個|次|号|號|日|月|年|%|点|點|[万萬千]))"
)
# "pay 2000 by Friday": the same in English, but not "pay 3 instalments" or "pay in 5 days".
_VERB_AMOUNT_ENGLISH = re.compile(
    r"\b(?:pay|repay|paying|repaying|transfer|send|clear)\s+(?:back\s+)?(" + _NUMBER + r")"
    r"(?![\d.,]|\s*(?:%|days?\b|weeks?\b|months?\b|years?\b|instal+ments?\b|periods?\b|times?\b|st\b|nd\b|rd\b|th\b))",
    re.IGNORECASE,
)


def _parse_amount(token: str) -> Decimal | None:
    """money.parse_money on the token (it reads Traditional 萬/塊 too); None unless a positive amount."""
    try:
        amount = parse_money(token)
    except InputError:
        return None
    return amount if amount > 0 else None


def extract_commitment(text: str, today: date) -> CommitmentTerms:
    """Best effort: the first date and the first amount in a commitment note.

    Dates: ``2026-12-05``/``2026/12/5``/``2026年12月5日``, ``12月5日``/``12月5号``,
    ``12/5`` (month/day), ``下月5号``, ``15号``, ``今天``/``明天``/``后天``,
    ``本周五``/``下周五``/``周五`` (the coming one, today included), ``月底``.
    Year-less dates resolve to the next occurrence on or after ``today``.
    Amounts need a marker: ``2000元``, ``2000块``, ``¥2,000``, ``2万``, ``2000 yuan``, or a
    bare number right after 还/付/转 or pay/repay/transfer (``还2000``, ``pay 2000``).
    English dates too (``by Friday``, ``Dec 5``). Anything unsure is left out (None);
    the user can correct the note.
    """
    folded = unicodedata.normalize("NFKC", text)
    dates = find_dates(folded, today)
    valid = [span for span in dates if span.date is not None]
    due = min(valid, key=span_order).date if valid else None
    # Blank out every date-like span so "12月5日" never reads as an amount of 12 or 5.
    masked = list(folded)
    for start, end, _ in dates:
        masked[start:end] = " " * (end - start)
    without_dates = "".join(masked)
    amount: Decimal | None = None
    spans: list[tuple[int, int, Any]] = []
    for pattern in _AMOUNT_PATTERNS:
        spans.extend((m.start(), m.end(), m[0]) for m in pattern.finditer(without_dates))
    for verb in (_VERB_AMOUNT, _VERB_AMOUNT_ENGLISH):
        spans.extend((m.start(1), m.end(1), m[1]) for m in verb.finditer(without_dates))
    for _start, _end, token in sorted(spans, key=span_order):
        amount = _parse_amount(token)
        if amount is not None:
            break
    return CommitmentTerms(amount, due)

