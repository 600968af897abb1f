"""Dates and times as people type them: one grammar, read three ways.

- :func:`find_dates`: every date inside free text, such as a commitment note
  (``下周五还2000``, ``12月5日前``, ``月底``). A promise looks forward, so a date
  without a year is the next one on or after today.
- :func:`parse_date`: one date field holding a day that has passed (the missed due
  date, copied from the loan page). A date without a year is the latest one not after today.
- :func:`parse_moment`: one time field holding a moment that has passed (a missed
  call), in the zone of ``now``. A bare time later than now was yesterday's.

A field holds nothing but a date, so it also takes ``10-15`` and ``10.15``; inside a
sentence those are a range and an amount, so free text takes only ``10月15日`` and
``10/15``. The field parsers raise only :class:`InputError`; ``find_dates`` never raises.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Final, NamedTuple

from jiebei_tui.domain.parsing.dates_english import english_dates
from jiebei_tui.domain.parsing.days import (
    add_months,
    month_end,
    next_day_of_month,
    next_on_or_after,
    safe_date,
    weekday_date,
)
from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.parsing.numbers import MAX_DAYS
from jiebei_tui.domain.parsing.text import MAX_INPUT_LENGTH, normalize_input
from jiebei_tui.i18n import N_

MSG_DATE_FORMAT = N_("Enter a date, e.g. 2026-10-15 or 10月15日")
MSG_NO_SUCH_DATE = N_("There is no such date; check the month and day")
MSG_DATE_IN_FUTURE = N_("This date is after today; enter one that has passed")
MSG_DATE_TOO_OLD = N_("That is more than ten years ago; check the year")
MSG_TIME_FORMAT = N_("Could not read the time. Use 21:47, 11-23 21:47 or 昨天 21:47.")
MSG_TIME_IN_FUTURE = N_("That time is still to come; enter one that has passed.")

# ---- the grammar ----------------------------------------------------------------------

_DAY_SUFFIX = r"(?:日|号|號)"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_MONTH = r"(?P<month>\d{1,2})"
_DAY = r"(?P<day>\d{1,2})"
_YEAR_SEP = r"\s*(?:[-/.]|年)\s*"
_MONTH_SEP = r"\s*(?:[-/.]|月)\s*"
_FULL_DATE = _YEAR + _YEAR_SEP + _MONTH + _MONTH_SEP + _DAY + r"(?:\s*" + _DAY_SUFFIX + r")?"
# A field: 2026-10-15, 2026/10/15, 2026.10.15, 2026年10月15日, 10月15日, 10-15, 10/15.
_FIELD_DATE = r"(?:" + _YEAR + _YEAR_SEP + r")?" + _MONTH + _MONTH_SEP + _DAY + r"(?:\s*" + _DAY_SUFFIX + r")?"
# 21:47, 2147, 9点, 9点05分, 9時5分.
_TIME = r"(?P<hour>\d{1,2})(?:\s*[:点點时時]\s*(?P<minute>\d{1,2})?\s*分?|(?P<minute2>\d{2}))?"

_RELATIVE_DAYS: Final = {
    "前天": -2, "昨天": -1, "昨日": -1, "yesterday": -1, "今天": 0, "今日": 0,
    "明天": 1, "明日": 1, "后天": 2, "後天": 2, "大后天": 3, "大後天": 3,
}


def _words(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))  # 大后天 before 后天


_WEEKDAYS: Final = {
    **{name: index for index, name in enumerate("一二三四五六日")},
    "天": 6,
    **{str(index + 1): index for index in range(7)},
}
_WEEKDAY = r"(?:周|週|星期|礼拜|禮拜)([一二三四五六日天1-7])"

_TEXT_FULL_DATE = re.compile(r"(?<!\d)" + _FULL_DATE + r"(?!\d)")
_TEXT_MONTH_DAY = re.compile(r"(?<!\d)" + _MONTH + r"\s*月\s*" + _DAY + r"\s*" + _DAY_SUFFIX + r"?(?!\d)")
_TEXT_SLASH_DATE = re.compile(r"(?<![\d/])" + _MONTH + "/" + _DAY + r"(?![\d/])")
_TEXT_NEXT_MONTH_DAY = re.compile(r"下(?:个|個)?月\s*" + _DAY + r"\s*" + _DAY_SUFFIX + r"(?!\d)")
# "15号", but not "5日内" (within 5 days).
_TEXT_DAY_ONLY = re.compile(r"(?<![\d月/.\-])" + _DAY + r"\s*" + _DAY_SUFFIX + r"(?!\d|内|內)")
_TEXT_THIS_WEEK = re.compile(r"(?:本|这|這|这个|這個)" + _WEEKDAY)
_TEXT_NEXT_WEEK = re.compile(r"(下下|下)(?:个|個)?" + _WEEKDAY)
_TEXT_BARE_WEEKDAY = re.compile(r"(?<![本这這个個下])" + _WEEKDAY)
_TEXT_RELATIVE_DAY = re.compile(_words([word for word, days in _RELATIVE_DAYS.items() if days >= 0]))
_TEXT_MONTH_END = re.compile(r"(?:(下)(?:个|個)?|(?<!\d)(\d{1,2})\s*)?月底")

_FIELD_DATE_RE = re.compile(_FIELD_DATE)
_MOMENT_RE = re.compile(
    r"(?:(?P<relative>" + _words(list(_RELATIVE_DAYS)) + r")\s*"
    r"|" + _FIELD_DATE + r"(?:\s+|(?<=[日号號])\s*))?" + _TIME,
    re.IGNORECASE,
)


# ---- a field's date ---------------------------------------------------------------


def _field_day(match: re.Match[str], today: date) -> date:
    """The date a field match names; without a year the latest one not after today."""
    month, day = int(match["month"]), int(match["day"])
    try:
        if match["year"]:
            return date(int(match["year"]), month, day)
        found = date(today.year, month, day)
        return found if found <= today else date(today.year - 1, month, day)
    except ValueError as error:
        raise InputError(MSG_NO_SUCH_DATE) from error


# ---- free text ------------------------------------------------------------------------


class DateSpan(NamedTuple):
    """Where a date was written in a text; ``date`` is None when it names none (2月30日)."""

    start: int
    end: int
    date: date | None


def find_dates(text: str, today: date) -> list[DateSpan]:
    """Every date-like span of ``text``, as written (2026-12-05, 12月5日, 12/5, 下月5号, 15号,
    本周五, 下周五, 周五, 明天, 后天, 月底, 下月底, 12月底; in English, Friday, next Friday, Dec 5,
    by the 15th, tomorrow, end of the month: see ``dates_english``), in no particular order.

    Spans overlap (2026-12-05 contains 12-05): order them with :func:`span_order`.
    """
    found: list[DateSpan] = []
    for match in _TEXT_FULL_DATE.finditer(text):
        named = safe_date(int(match["year"]), int(match["month"]), int(match["day"]))
        found.append(DateSpan(match.start(), match.end(), named))
    for pattern in (_TEXT_MONTH_DAY, _TEXT_SLASH_DATE):
        for match in pattern.finditer(text):
            named = next_on_or_after(today, int(match["month"]), int(match["day"]))
            found.append(DateSpan(match.start(), match.end(), named))
    for match in _TEXT_NEXT_MONTH_DAY.finditer(text):
        year, month = add_months(today.year, today.month, 1)
        found.append(DateSpan(match.start(), match.end(), safe_date(year, month, int(match["day"]))))
    for match in _TEXT_DAY_ONLY.finditer(text):
        found.append(DateSpan(match.start(), match.end(), next_day_of_month(today, int(match["day"]))))
    for match in _TEXT_THIS_WEEK.finditer(text):
        found.append(DateSpan(match.start(), match.end(), weekday_date(today, _WEEKDAYS[match[1]], 0)))
    for match in _TEXT_NEXT_WEEK.finditer(text):
        weeks = 2 if match[1] == "下下" else 1
        found.append(DateSpan(match.start(), match.end(), weekday_date(today, _WEEKDAYS[match[2]], weeks)))
    for match in _TEXT_BARE_WEEKDAY.finditer(text):
        found.append(DateSpan(match.start(), match.end(), weekday_date(today, _WEEKDAYS[match[1]], None)))
    for match in _TEXT_RELATIVE_DAY.finditer(text):
        found.append(DateSpan(match.start(), match.end(), today + timedelta(days=_RELATIVE_DAYS[match[0]])))
    for match in _TEXT_MONTH_END.finditer(text):  # 月底, 下月底, 12月底
        if match[2]:
            month = int(match[2])
            if not 1 <= month <= 12:
                continue
            found.append(DateSpan(match.start(), match.end(), month_end(today, (month - today.month) % 12)))
        else:
            found.append(DateSpan(match.start(), match.end(), month_end(today, 1 if match[1] else 0)))
    found.extend(DateSpan(*span) for span in english_dates(text, today))
    return found


def span_order(span: tuple[int, int, object]) -> tuple[int, int]:
    """Earliest first; at equal starts the longest (2026-12-05 beats its own 12-05)."""
    return span[0], span[0] - span[1]


# ---- fields ---------------------------------------------------------------------------


def _cleaned(text: str) -> str:
    if not isinstance(text, str):
        return ""
    cleaned = normalize_input(text)
    return cleaned if len(cleaned) <= MAX_INPUT_LENGTH else ""


def parse_date(text: str, today: date) -> date:
    """A day that has passed: ``2026-10-15``, ``2026/10/15``, ``2026.10.15``,
    ``2026年10月15日``, ``10月15日``, ``10-15``, ``10/15``; full-width digits too.

    Without a year, the latest such day not after ``today``. Refuses a day after
    ``today`` and one more than ten years back (a typing slip in the year).
    """
    match = _FIELD_DATE_RE.fullmatch(_cleaned(text))
    if match is None:
        raise InputError(MSG_DATE_FORMAT)
    found = _field_day(match, today)
    if found > today:
        raise InputError(MSG_DATE_IN_FUTURE)
    if (today - found).days > MAX_DAYS:
        raise InputError(MSG_DATE_TOO_OLD)
    return found


def parse_moment(text: str, now: datetime) -> datetime:
    """A moment that has passed, in ``now``'s zone: ``21:47``, ``2147``, ``9点``, ``9点05分``,
    ``昨天 21:47``, ``前天 8:00``, ``11-23 21:47``, ``11月23日 21:47``, ``2026-11-23 21:47``.

    Empty means now. A bare time later than now is yesterday's (a call is logged
    after it happened); a dated one later than now is refused.
    """
    cleaned = normalize_input(text) if isinstance(text, str) else "-"
    if not cleaned:
        return now.replace(microsecond=0)
    match = _MOMENT_RE.fullmatch(cleaned) if len(cleaned) <= MAX_INPUT_LENGTH else None
    if match is None:
        raise InputError(MSG_TIME_FORMAT)
    hour = int(match["hour"])
    minute = int(match["minute"] or match["minute2"] or 0)
    if hour > 23 or minute > 59:
        raise InputError(MSG_TIME_FORMAT)
    relative = match["relative"]
    dated = match["day"] is not None
    day = now.date()
    if relative:
        day += timedelta(days=_RELATIVE_DAYS[relative.lower()])
    elif dated:
        day = _field_day(match, day)
    moment = datetime(day.year, day.month, day.day, hour, minute, tzinfo=now.tzinfo)
    if moment > now and not dated and not relative:
        moment -= timedelta(days=1)
    if moment > now:
        raise InputError(MSG_TIME_IN_FUTURE)
    return moment
