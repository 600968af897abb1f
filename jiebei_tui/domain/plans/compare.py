"""Options side by side with doing nothing: what each costs, what it leaves owed, and a chart series.

Doing nothing is the baseline: the penalty keeps accruing at the user's copied daily
rate × multiplier (an input, default 1). By default it runs until the longest
option's last payment (at least 30 days), so the chart's lines end on the same day
and "cost" covers the same days: a plan's interest and penalty against what waiting adds in that time (while
still owing everything at the end).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Final

from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.parsing.money import ZERO
from jiebei_tui.domain.plans.afford import affordability
from jiebei_tui.domain.plans.alerts import Alert
from jiebei_tui.domain.plans.build import build_schedule, owed_while_waiting
from jiebei_tui.domain.plans.checks import MAX_WAIT_DAYS
from jiebei_tui.domain.plans.options import Option, OptionKind
from jiebei_tui.domain.plans.position import DebtPosition, Finances
from jiebei_tui.domain.plans.schedule import Schedule
from jiebei_tui.i18n import N_

MAX_COMPARED: Final = 3
MSG_COMPARE_COUNT = N_("Compare one to {maximum} options with doing nothing")


@dataclass(frozen=True)
class Compared:
    """One column: the option, its schedule and alerts, and how it differs from doing nothing.

    ``cost_difference`` is this option's interest and penalty minus what waiting adds over
    the baseline's span (negative: cheaper than waiting); ``to_clear_difference`` compares
    everything paid plus anything still owed at the end.
    """

    option: Option
    schedule: Schedule
    alerts: tuple[Alert, ...]
    cost_difference: Decimal
    to_clear_difference: Decimal

    @property
    def is_baseline(self) -> bool:
        return self.option.kind is OptionKind.DO_NOTHING


@dataclass(frozen=True)
class SideBySide:
    """The options in the order given, then doing nothing; ``chart`` holds one owed-amount series per
    entry on the shared ``days`` (for a line chart or sparkline)."""

    start: date
    entries: tuple[Compared, ...]
    days: tuple[date, ...]
    chart: tuple[tuple[Decimal, ...], ...]

    @property
    def baseline(self) -> Compared:
        return self.entries[-1]

    @property
    def cheapest(self) -> Compared:
        """The entry with the least interest and penalty among those that repay (ties: the earliest given)."""
        repaying = [entry for entry in self.entries if entry.schedule.repays]
        return min(repaying or self.entries, key=lambda entry: entry.schedule.total_cost)


MIN_DEFAULT_WAIT_DAYS: Final = 30


def _days_spanned(schedules: Sequence[Schedule], start: date) -> int:
    """Until the longest option's last payment, at least a month, at most the waiting bound."""
    last = max((schedule.last_day for schedule in schedules), default=start)
    return min(MAX_WAIT_DAYS, max(MIN_DEFAULT_WAIT_DAYS, (last - start).days))


def compare_options(
    position: DebtPosition,
    start: date,
    options: Sequence[Option],
    *,
    finances: Finances | None = None,
    wait: Option | None = None,
) -> SideBySide:
    """Build each option and doing nothing (``wait``; default: until the longest option's last payment,
    at least 30 days).

    Raises InputError for an option that does not build, or for more than three options.
    """
    chosen = [option for option in options if option.kind is not OptionKind.DO_NOTHING]
    if not 1 <= len(chosen) <= MAX_COMPARED:
        raise InputError(MSG_COMPARE_COUNT, {"maximum": str(MAX_COMPARED)})
    schedules = [build_schedule(option, position, start) for option in chosen]
    if wait is None:
        wait = Option.do_nothing(days=_days_spanned(schedules, start))
    waiting = build_schedule(wait, position, start)
    replaced = position.regular_payment
    entries = [
        Compared(
            option,
            schedule,
            schedule.alerts + affordability(schedule, finances, replaced),
            schedule.total_cost - waiting.total_cost,
            schedule.total_to_clear - waiting.total_to_clear,
        )
        for option, schedule in zip(chosen, schedules, strict=True)
    ]
    entries.append(Compared(wait, waiting, waiting.alerts, ZERO, ZERO))
    days = sorted({point.day for entry in entries for point in entry.schedule.series()})
    chart = []
    for entry in entries:
        if entry.is_baseline:
            end = entry.schedule.end or start
            chart.append(tuple(owed_while_waiting(wait, position, start, min(day, end)) for day in days))
        else:
            chart.append(tuple(entry.schedule.owed_on(day) for day in days))
    return SideBySide(start, tuple(entries), tuple(days), tuple(chart))
