"""Due items from debts, call promises and plans; the 7-day banner window; the .ics export."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from icalendar import Calendar

from jiebei_tui.domain.calls import Commitment, CommitmentStatus
from jiebei_tui.domain.habits import (
    BANNER_DAYS,
    DueItem,
    DueSource,
    commitment_due_items,
    debt_due_items,
    due_soon,
    gather_due,
    plan_instalment_due,
    reminders_calendar,
)
from jiebei_tui.domain.selfcheck import Debt, DebtKind, SelfCheckInput

D = date
BEIJING = timezone(timedelta(hours=8))


def debts() -> SelfCheckInput:
    return SelfCheckInput(
        debts=(
            Debt(DebtKind.JIEBEI, "借呗", monthly_payment=Decimal("1000.00"), due_day=31),
            Debt(DebtKind.CREDIT_CARD, "", monthly_payment=Decimal("300.00"), due_day=15),
            Debt(DebtKind.FAMILY_FRIENDS, "表哥", monthly_payment=Decimal("0.00"), due_day=1),  # no payment
            Debt(DebtKind.ONLINE_LOAN, "other", monthly_payment=Decimal("50.00")),  # no due day
        )
    )


def promise(note: str, due: date | None, amount: str | None, status: CommitmentStatus) -> Commitment:
    return Commitment(
        "r1",
        note,
        "诺：周五前还500",
        Decimal(amount) if amount else None,
        due,
        datetime(2027, 1, 20, 10, 0, tzinfo=BEIJING),
        status,
    )


def test_a_due_day_of_31_falls_on_each_months_last_day() -> None:
    items = debt_due_items(debts(), D(2027, 1, 1), D(2028, 4, 30))
    jiebei = [item.day for item in items if item.key.startswith("debt-0-")]
    assert jiebei[:5] == [D(2027, 1, 31), D(2027, 2, 28), D(2027, 3, 31), D(2027, 4, 30), D(2027, 5, 31)]
    assert D(2028, 2, 29) in jiebei and len(jiebei) == 16
    assert {item.key.split("-")[1] for item in items} == {"0", "1"}  # no payment or no due day: not listed
    card = next(item for item in items if item.key == "debt-1-2027-01")
    assert card.title.render() == "Credit card: pay ¥300.00"  # no name: the kind's label, translated
    assert card.title.render(lambda text: {"Credit card": "信用卡"}.get(text, text)) == "信用卡: pay ¥300.00"


def test_debt_days_outside_the_range_are_left_out() -> None:
    items = debt_due_items(debts(), D(2027, 1, 16), D(2027, 1, 31))
    assert [(item.key, item.day) for item in items] == [("debt-0-2027-01", D(2027, 1, 31))]


def test_only_open_dated_promises_are_due() -> None:
    items = commitment_due_items(
        [
            promise("n1", D(2027, 1, 22), "500", CommitmentStatus.OPEN),
            promise("n2", None, "500", CommitmentStatus.OPEN),
            promise("n3", D(2027, 1, 22), None, CommitmentStatus.DONE),
            promise("n4", D(2027, 1, 23), None, CommitmentStatus.OPEN),
        ]
    )
    assert [item.key for item in items] == ["promise-r1-n1", "promise-r1-n4"]
    assert items[0].title.render() == "Call promise: pay ¥500.00"
    assert items[1].title.render() == "Call promise: 诺：周五前还500"
    assert items[0].detail is not None and items[0].detail.render() == "Promised on 2027-01-20: 诺：周五前还500"


def test_the_banner_window_runs_from_day_0_to_day_7_and_flags_overdue() -> None:
    today = D(2027, 3, 10)
    items = [
        plan_instalment_due("p", "分期", number, 12, today + timedelta(days=offset), Decimal("100"))
        for number, offset in ((1, -3), (2, 0), (3, 7), (4, 8))
    ]
    soon = due_soon(items, today)
    assert BANNER_DAYS == 7
    assert [(entry.item.key, entry.days_left, entry.overdue) for entry in soon] == [
        ("plan-p-1", -3, True),
        ("plan-p-2", 0, False),
        ("plan-p-3", 7, False),
    ]


def test_gathering_all_sources_soonest_first_with_plans_through_the_feed() -> None:
    today = D(2027, 1, 20)
    asked: list[date] = []

    def plan_feed(until: date) -> list[DueItem]:
        asked.append(until)
        return [
            plan_instalment_due("p7", "和借呗协商的分期", 2, 6, D(2027, 1, 18), Decimal("800")),  # unpaid: overdue
            plan_instalment_due("p7", "和借呗协商的分期", 3, 6, D(2027, 2, 18), Decimal("800")),
        ]

    items = gather_due(
        today,
        today + timedelta(days=BANNER_DAYS),
        selfcheck=debts(),
        commitments=[promise("n1", D(2027, 1, 22), "500", CommitmentStatus.OPEN)],
        plans=plan_feed,
    )
    assert asked == [D(2027, 1, 27)]
    assert [(item.source, item.day) for item in items] == [
        (DueSource.PLAN, D(2027, 1, 18)),
        (DueSource.COMMITMENT, D(2027, 1, 22)),
    ]
    assert items[0].title.render() == "和借呗协商的分期: instalment 2 of 6, ¥800.00"
    banner = due_soon(items, today)
    assert [(entry.days_left, entry.overdue) for entry in banner] == [(-2, True), (2, False)]
    with pytest.raises(ValueError):
        plan_instalment_due("p7", "x", 7, 6, today, Decimal("1"))


def test_the_ics_export_parses_with_stable_uids_and_translated_titles() -> None:
    items = debt_due_items(debts(), D(2027, 1, 1), D(2027, 2, 28)) + commitment_due_items(
        [promise("n1", D(2027, 1, 22), "500", CommitmentStatus.OPEN)]
    )
    translations = {"{name}: pay {amount}": "{name}：还 {amount}", "Credit card": "信用卡"}
    raw = reminders_calendar(
        items,
        translate=lambda text: translations.get(text, text),
        stamp=datetime(2027, 1, 1, 9, 0, tzinfo=BEIJING),
        name="借呗提醒",
    )
    events = list(Calendar.from_ical(raw).walk("VEVENT"))
    assert [(event.decoded("dtstart"), str(event["summary"])) for event in events] == [
        (D(2027, 1, 15), "信用卡：还 ¥300.00"),
        (D(2027, 1, 22), "Call promise: pay ¥500.00"),
        (D(2027, 1, 31), "借呗：还 ¥1,000.00"),
        (D(2027, 2, 15), "信用卡：还 ¥300.00"),
        (D(2027, 2, 28), "借呗：还 ¥1,000.00"),
    ]
    assert str(events[1]["uid"]) == "promise-r1-n1@jiebei-tui.local"
    assert str(events[0]["uid"]) == "debt-1-2027-01@jiebei-tui.local"
