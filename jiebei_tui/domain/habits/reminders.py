"""Everything with a due date in one neutral shape, for the start banner and the .ics export.

Three sources feed it through small adapters: the self-check's debts (their
monthly due day), call commitments with a date, and Plans' instalments. Plans
meets this module only through :class:`DueItem` and :data:`DueFeed`: it builds
its items with :func:`plan_instalment_due`, so neither area imports the other's
internals. Seed 002: set repayment reminders so no due date slips by.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Final, TypeAlias

from jiebei_tui.domain.calendar import CalendarEvent, calendar_bytes
from jiebei_tui.domain.calls import Commitment, CommitmentStatus
from jiebei_tui.domain.habits.notice import Notice
from jiebei_tui.domain.habits.periods import add_months, clamp_day
from jiebei_tui.domain.labels import LabelledEnum
from jiebei_tui.domain.parsing.money import format_money
from jiebei_tui.domain.selfcheck import SelfCheckInput
from jiebei_tui.domain.text_safety import sanitize_inline
from jiebei_tui.i18n import N_

BANNER_DAYS: Final = 7  # the start banner: today and the next 7 days (day 0 to day 7, both included)
MAX_TITLE_TEXT: Final = 40

T_DEBT = N_("{name}: pay {amount}")
T_PROMISE_AMOUNT = N_("Call promise: pay {amount}")
T_PROMISE_TEXT = N_("Call promise: {text}")
D_PROMISE = N_("Promised on {date}: {text}")
T_INSTALMENT = N_("{plan}: instalment {number} of {count}, {amount}")


class DueSource(LabelledEnum):
    DEBT = "debt", N_("Due day from the self-check")
    COMMITMENT = "commitment", N_("Promise made on a call")
    PLAN = "plan", N_("Plan instalment")


_SOURCE_ORDER: Final = {DueSource.PLAN: 0, DueSource.COMMITMENT: 1, DueSource.DEBT: 2}


@dataclass(frozen=True)
class DueItem:
    """One dated payment or promise. ``key`` is stable for the same item, so re-importing
    the .ics updates events instead of duplicating them."""

    key: str
    source: DueSource
    day: date
    amount: Decimal | None
    title: Notice
    detail: Notice | None = None


DueFeed: TypeAlias = Callable[[date], Iterable[DueItem]]
"""What Plans implement: every *unpaid* instalment of the active plans due on or before the
given date, past ones included (they are overdue), each built with :func:`plan_instalment_due`."""


def plan_instalment_due(plan_id: str, plan_name: str, number: int, count: int, day: date, amount: Decimal) -> DueItem:
    """One instalment of a plan as a due item; its key ``plan-<id>-<number>`` matches Plans' own .ics."""
    if not 1 <= number <= count:
        raise ValueError(f"instalment {number} of {count}")
    title = Notice(
        T_INSTALMENT,
        {
            "plan": sanitize_inline(plan_name).strip(),
            "number": str(number),
            "count": str(count),
            "amount": format_money(amount),
        },
    )
    return DueItem(f"plan-{plan_id}-{number}", DueSource.PLAN, day, amount, title)


def debt_due_items(selfcheck: SelfCheckInput, start: date, end: date) -> tuple[DueItem, ...]:
    """Each debt's monthly due day between ``start`` and ``end`` (both included), for debts
    with a due day and a monthly payment. A due day past the month's end falls on its last
    day (31 -> 30, 29 or 28), as lenders do. Whether a past one was paid is not known here,
    so only days from ``start`` on are listed."""
    found: list[DueItem] = []
    months = (end.year - start.year) * 12 + end.month - start.month
    for index, debt in enumerate(selfcheck.debts):
        if debt.due_day is None or not 1 <= debt.due_day <= 31 or debt.monthly_payment <= 0:
            continue
        name = sanitize_inline(debt.name).strip()
        params = {"name": name or debt.kind.label, "amount": format_money(debt.monthly_payment)}
        translated = frozenset() if name else frozenset({"name"})
        for offset in range(months + 1):
            year, month = add_months(start.year, start.month, offset)
            day = clamp_day(year, month, debt.due_day)
            if start <= day <= end:
                found.append(
                    DueItem(
                        f"debt-{index}-{year:04d}-{month:02d}",
                        DueSource.DEBT,
                        day,
                        debt.monthly_payment,
                        Notice(T_DEBT, params, translated),
                    )
                )
    return tuple(found)


def _short(text: str) -> str:
    clean = sanitize_inline(text).strip()
    return clean if len(clean) <= MAX_TITLE_TEXT else clean[: MAX_TITLE_TEXT - 1] + "…"


def commitment_due_items(commitments: Iterable[Commitment]) -> tuple[DueItem, ...]:
    """Open promises from calls that carry a date (done or dropped ones are not due any more)."""
    found: list[DueItem] = []
    for commitment in commitments:
        if commitment.status is not CommitmentStatus.OPEN or commitment.due is None:
            continue
        if commitment.amount is not None:
            title = Notice(T_PROMISE_AMOUNT, {"amount": format_money(commitment.amount)})
        else:
            title = Notice(T_PROMISE_TEXT, {"text": _short(commitment.text)})
        detail = Notice(
            D_PROMISE, {"date": commitment.made_at.date().isoformat(), "text": sanitize_inline(commitment.text).strip()}
        )
        key = f"promise-{commitment.record_id}-{commitment.note_id}"
        found.append(DueItem(key, DueSource.COMMITMENT, commitment.due, commitment.amount, title, detail))
    return tuple(found)


def _order(item: DueItem) -> tuple[date, int, str]:
    return item.day, _SOURCE_ORDER[item.source], item.key


def gather_due(
    today: date,
    until: date,
    *,
    selfcheck: SelfCheckInput | None = None,
    commitments: Iterable[Commitment] = (),
    plans: DueFeed | None = None,
) -> tuple[DueItem, ...]:
    """All sources together, soonest first: debts from today to ``until``, open promises and unpaid
    instalments up to ``until`` (earlier ones included: they are overdue)."""
    items: list[DueItem] = []
    if selfcheck is not None:
        items.extend(debt_due_items(selfcheck, today, until))
    items.extend(item for item in commitment_due_items(commitments) if item.day <= until)
    if plans is not None:
        items.extend(item for item in plans(until) if item.day <= until)
    return tuple(sorted(items, key=_order))


@dataclass(frozen=True)
class DueSoon:
    item: DueItem
    days_left: int  # 0 = today; negative = overdue by that many days

    @property
    def overdue(self) -> bool:
        return self.days_left < 0


def due_soon(items: Iterable[DueItem], today: date, days: int = BANNER_DAYS) -> tuple[DueSoon, ...]:
    """What the start banner lists: overdue items, then everything due from today (day 0) to day ``days``."""
    return tuple(
        DueSoon(item, (item.day - today).days) for item in sorted(items, key=_order) if (item.day - today).days <= days
    )


def reminder_events(items: Iterable[DueItem], translate: Callable[[str], str]) -> list[CalendarEvent]:
    """One calendar event per item (an alarm the day before comes from ``domain.calendar``)."""
    return [
        CalendarEvent(
            item.key,
            item.day,
            item.title.render(translate),
            item.detail.render(translate) if item.detail is not None else "",
        )
        for item in sorted(items, key=_order)
    ]


def reminders_calendar(
    items: Iterable[DueItem], *, translate: Callable[[str], str], stamp: datetime, name: str
) -> bytes:
    """The .ics file of ``items``; ``stamp`` must be timezone-aware."""
    return calendar_bytes(reminder_events(items, translate), stamp=stamp, name=name)
