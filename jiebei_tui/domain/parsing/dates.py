"""Dates as people write them in a note: 2026-12-05, 12月5日, 12/5, 下月5号, 周五, 明天, 月底."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Any

_WEEKDAYS = {
    **{name: index for index, name in enumerate("一二三四五六日")},
    "天": 6,
    **{str(index + 1): index for index in range(7)},
}
_WEEKDAY = r"(?:周|週|星期|礼拜|禮拜)([一二三四五六日天1-7])"
_DAY_SUFFIX = r"(?:日|号|號)"

_FULL_DATE = re.compile(
    r"(?<!\d)(20\d\d)\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?:\s*" + _DAY_SUFFIX + r")?(?!\d)"
)
_MONTH_DAY = re.compile(r"(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*" + _DAY_SUFFIX + r"?(?!\d)")
_SLASH_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?![\d/])")
_NEXT_MONTH_DAY = re.compile(r"下(?:个|個)?月\s*(\d{1,2})\s*" + _DAY_SUFFIX + r"(?!\d)")
_DAY_ONLY = re.compile(r"(?<![\d月/.\-])(\d{1,2})\s*" + _DAY_SUFFIX + r"(?!\d|内|內)")  # not "5日内" (within 5 days)
_THIS_WEEK = re.compile(r"(?:本|这|這|这个|這個)" + _WEEKDAY)
_NEXT_WEEK = re.compile(r"(下下|下)(?:个|個)?" + _WEEKDAY)
_BARE_WEEKDAY = re.compile(r"(?<![本这這个個下])" + _WEEKDAY)
_RELATIVE_DAY = re.compile(r"大后天|大後天|后天|後天|明天|明日|今天|今日")
_MONTH_END = re.compile(r"(?:(下)(?:个|個)?|(?<!\d)(\d{1,2})\s*)?月底")

_RELATIVE_DAYS = {"今天": 0, "今日": 0, "明天": 1, "明日": 1, "后天": 2, "後天": 2, "大后天": 3, "大後天": 3}
def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _next_month_day(today: date, month: int, day: int) -> date | None:
    """Month-day without a year: the next one on or after today (a promise looks forward)."""
    for year in (today.year, today.year + 1):
        candidate = _safe_date(year, month, day)
        if candidate is not None and candidate >= today:
            return candidate
    return None


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def date_spans(text: str, today: date) -> list[tuple[int, int, date | None]]:
    """Every date-like span, as (start, end, date); the date is None when invalid (2月30日)."""
    found: list[tuple[int, int, date | None]] = []
    for match in _FULL_DATE.finditer(text):
        found.append((match.start(), match.end(), _safe_date(*(int(g) for g in match.groups()))))
    for pattern in (_MONTH_DAY, _SLASH_DATE):
        for match in pattern.finditer(text):
            found.append((match.start(), match.end(), _next_month_day(today, int(match[1]), int(match[2]))))
    for match in _NEXT_MONTH_DAY.finditer(text):
        year, month = _add_months(today.year, today.month, 1)
        found.append((match.start(), match.end(), _safe_date(year, month, int(match[1]))))
    for match in _DAY_ONLY.finditer(text):
        day = int(match[1])
        candidate = None
        for months in range(3):  # 31号 in a 30-day month: the next month that has it
            year, month = _add_months(today.year, today.month, months)
            candidate = _safe_date(year, month, day)
            if candidate is not None and candidate >= today:
                break
            candidate = None
        found.append((match.start(), match.end(), candidate))
    monday = today - timedelta(days=today.weekday())
    for match in _THIS_WEEK.finditer(text):
        found.append((match.start(), match.end(), monday + timedelta(days=_WEEKDAYS[match[1]])))
    for match in _NEXT_WEEK.finditer(text):
        weeks = 2 if match[1] == "下下" else 1
        found.append((match.start(), match.end(), monday + timedelta(weeks=weeks, days=_WEEKDAYS[match[2]])))
    for match in _BARE_WEEKDAY.finditer(text):
        ahead = (_WEEKDAYS[match[1]] - today.weekday()) % 7
        found.append((match.start(), match.end(), today + timedelta(days=ahead)))
    for match in _RELATIVE_DAY.finditer(text):
        found.append((match.start(), match.end(), today + timedelta(days=_RELATIVE_DAYS[match[0]])))
    for match in _MONTH_END.finditer(text):  # 月底, 下月底, 12月底
        if match[2]:
            month = int(match[2])
            if not 1 <= month <= 12:
                continue
            year = today.year if month >= today.month else today.year + 1
        else:
            year, month = _add_months(today.year, today.month, 1 if match[1] else 0)
        found.append((match.start(), match.end(), date(year, month, calendar.monthrange(year, month)[1])))
    return found


def span_order(span: tuple[int, int, Any]) -> tuple[int, int]:
    """Earliest first; at equal starts the longest (2026-12-05 beats its own 12/05)."""
    return span[0], span[0] - span[1]
