"""The few numbers kept per saved self-check, and how a later one differs from an earlier one."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Final

from jiebei_tui.domain.labels import LabelledEnum
from jiebei_tui.domain.selfcheck.kinds import VERDICT_RANK, VerdictKind
from jiebei_tui.domain.serial import decimal_from, decimal_text, optional_date, optional_int
from jiebei_tui.i18n import N_

SUMMARY_VERSION: Final = 1


@dataclass(frozen=True)
class Summary:
    """The few numbers kept per saved self-check (history, trend, Home)."""

    as_of: date
    total_owed: Decimal
    total_overdue: Decimal  # overdue principal + accrued
    monthly_surplus: Decimal
    daily_cost: Decimal
    verdict: VerdictKind
    months: int | None = None  # only for clear_in_months

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": SUMMARY_VERSION,
            "as_of": self.as_of.isoformat(),
            "total_owed": decimal_text(self.total_owed),
            "total_overdue": decimal_text(self.total_overdue),
            "monthly_surplus": decimal_text(self.monthly_surplus),
            "daily_cost": decimal_text(self.daily_cost),
            "verdict": self.verdict.value,
            "months": self.months,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Summary:
        try:
            as_of = optional_date(data["as_of"], "as_of")
            verdict = VerdictKind(data["verdict"])
        except (KeyError, ValueError) as error:
            raise ValueError(f"summary: {error}") from error
        if as_of is None:
            raise ValueError("summary: as_of is required")
        return cls(
            as_of=as_of,
            total_owed=decimal_from(data.get("total_owed", "0"), "total_owed"),
            total_overdue=decimal_from(data.get("total_overdue", "0"), "total_overdue"),
            monthly_surplus=decimal_from(data.get("monthly_surplus", "0"), "monthly_surplus"),
            daily_cost=decimal_from(data.get("daily_cost", "0"), "daily_cost"),
            verdict=verdict,
            months=optional_int(data.get("months"), "months"),
        )


class Direction(LabelledEnum):
    BETTER = "better", N_("better")
    WORSE = "worse", N_("worse")
    SAME = "same", N_("no change")


@dataclass(frozen=True)
class Change:
    before: Decimal
    after: Decimal
    difference: Decimal  # after − before
    direction: Direction


@dataclass(frozen=True)
class Comparison:
    """How a later snapshot differs from an earlier one; directions are from the user's side."""

    days_between: int
    total_owed: Change
    total_overdue: Change
    monthly_surplus: Change
    daily_cost: Change
    verdict_before: VerdictKind
    verdict_after: VerdictKind
    months_before: int | None
    months_after: int | None
    verdict_direction: Direction


def _change(before: Decimal, after: Decimal, *, lower_is_better: bool) -> Change:
    difference = after - before
    if difference == 0:
        direction = Direction.SAME
    elif (difference < 0) == lower_is_better:
        direction = Direction.BETTER
    else:
        direction = Direction.WORSE
    return Change(before, after, difference, direction)


def _verdict_score(summary: Summary) -> tuple[int, int]:
    # Within clear_in_months, fewer months is better.
    months = summary.months if summary.verdict is VerdictKind.CLEAR_IN_MONTHS and summary.months else 0
    return (VERDICT_RANK[summary.verdict], -months)


def compare(before: Summary | Mapping[str, Any], after: Summary | Mapping[str, Any]) -> Comparison:
    """Compare two saved snapshots (``before`` the earlier). Accepts Summary or its dict."""
    a = before if isinstance(before, Summary) else Summary.from_dict(before)
    b = after if isinstance(after, Summary) else Summary.from_dict(after)
    score_a, score_b = _verdict_score(a), _verdict_score(b)
    if score_a == score_b:
        verdict_direction = Direction.SAME
    else:
        verdict_direction = Direction.BETTER if score_b > score_a else Direction.WORSE
    return Comparison(
        days_between=(b.as_of - a.as_of).days,
        total_owed=_change(a.total_owed, b.total_owed, lower_is_better=True),
        total_overdue=_change(a.total_overdue, b.total_overdue, lower_is_better=True),
        monthly_surplus=_change(a.monthly_surplus, b.monthly_surplus, lower_is_better=False),
        daily_cost=_change(a.daily_cost, b.daily_cost, lower_is_better=True),
        verdict_before=a.verdict,
        verdict_after=b.verdict,
        months_before=a.months,
        months_after=b.months,
        verdict_direction=verdict_direction,
    )
