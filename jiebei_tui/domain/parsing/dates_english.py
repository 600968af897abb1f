"""Dates inside English free text, read as :func:`dates.find_dates` reads Chinese ones.

A user who takes notes in English writes ``promise: 2000 by Friday`` or ``pay on the
15th``; the meanings follow the Chinese forms one for one, so a promise is read the
same in every language: ``Friday`` is the coming one (today included, as 周五),
``this Friday`` this week's (本周五), ``next Friday`` next week's (下周五),
``Dec 5`` / ``5 December`` the next one on or after today (12月5日), ``the 15th``
the next 15th (15号), ``end of the month`` / ``end of next month`` (月底 / 下月底).
Words only count whole (``Sat`` is not inside ``Saturn``), in any case.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import Final

from jiebei_tui.domain.parsing.days import month_end, next_day_of_month, next_on_or_after, weekday_date

_WEEKDAY_NAMES: Final = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
# Short forms are words too ("sat down", "the sun"): they count capitalised, or after this/next.
_WEEKDAY_SHORT: Final = {
    "Mon": 0, "Tue": 1, "Tues": 1, "Wed": 2, "Thu": 3, "Thur": 3, "Thurs": 3, "Fri": 4, "Sat": 5, "Sun": 6,
}
_MONTH_NAMES: Final = {
    **{name.lower(): index for index, name in enumerate(calendar.month_name) if name},
    **{name.lower(): index for index, name in enumerate(calendar.month_abbr) if name},
    "sept": 9,
}
_RELATIVE: Final = {"today": 0, "tonight": 0, "tomorrow": 1, "tmr": 1, "day after tomorrow": 2}


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))  # "thursday" before "thu"


_ORDINAL = r"(?:st|nd|rd|th)?"
_WEEKDAY_RES = (
    re.compile(r"\b(?:(this|next)\s+)?(" + _alternatives(_WEEKDAY_NAMES) + r")\b", re.IGNORECASE),
    re.compile(r"\b(?:(this|next)\s+)(" + _alternatives(_WEEKDAY_SHORT) + r")\b\.?", re.IGNORECASE),
    re.compile(r"\b()(" + _alternatives(_WEEKDAY_SHORT) + r")\b\.?"),  # capitalised, as written
)
_MONTH = r"(?P<month>" + _alternatives(_MONTH_NAMES) + r")\.?"
_MONTH_DAY_RE = re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})" + _ORDINAL + r"\b", re.IGNORECASE)
_DAY_MONTH_RE = re.compile(r"\b(?P<day>\d{1,2})" + _ORDINAL + r"\s+(?:of\s+)?" + _MONTH + r"(?![a-z])", re.IGNORECASE)
# "the 15th" alone may be a payment's rank ("the 3rd payment"): a date only after on/by/before/until.
_THE_DAY_RE = re.compile(
    r"\b(?:on|by|before|until|till)\s+the\s+(?P<day>\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?" + _MONTH + r")",
    re.IGNORECASE,
)
_RELATIVE_RE = re.compile(r"\b(?:the\s+)?(" + _alternatives(_RELATIVE) + r")\b", re.IGNORECASE)
_MONTH_END_RE = re.compile(
    r"\b(?:(?:the\s+)?end\s+of\s+(?:(this|the|next)\s+)?month|(this|next)?\s*month[-\s]end)\b", re.IGNORECASE
)


def english_dates(text: str, today: date) -> Iterator[tuple[int, int, date | None]]:
    """(start, end, date) for every English date-like span of ``text``; date None when it names none."""
    for pattern in _WEEKDAY_RES:
        for match in pattern.finditer(text):
            name, which = match[2], (match[1] or "").lower()
            weekday = _WEEKDAY_NAMES.get(name.lower(), _WEEKDAY_SHORT.get(name.capitalize(), 0))
            weeks = {"this": 0, "next": 1}.get(which)
            yield match.start(), match.end(), weekday_date(today, weekday, weeks)
    for pattern in (_MONTH_DAY_RE, _DAY_MONTH_RE):
        for match in pattern.finditer(text):
            month = _MONTH_NAMES[match["month"].lower()]
            yield match.start(), match.end(), next_on_or_after(today, month, int(match["day"]))
    for match in _THE_DAY_RE.finditer(text):
        yield match.start(), match.end(), next_day_of_month(today, int(match["day"]))
    for match in _RELATIVE_RE.finditer(text):
        yield match.start(), match.end(), today + timedelta(days=_RELATIVE[match[1].lower()])
    for match in _MONTH_END_RE.finditer(text):
        ahead = (match[1] or match[2] or "").lower() == "next"
        yield match.start(), match.end(), month_end(today, 1 if ahead else 0)
