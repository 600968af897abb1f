"""A plan as Markdown for people and as calendar reminders: translated, escaped, no internal ids."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from icalendar import Calendar

from jiebei_tui import i18n
from jiebei_tui.domain.plans import (
    Agreement,
    Channel,
    DebtPosition,
    Option,
    OptionKind,
    Payment,
    PaymentMethod,
    Plan,
    Proposed,
    abandon,
    agree,
    new_plan,
    plan_events,
    plan_markdown,
    plans_calendar,
    propose,
    record_payment,
)

BEIJING = timezone(timedelta(hours=8))
START = date(2027, 1, 5)
LOAN = DebtPosition(
    name="借呗 | # 主账户",
    lender="重庆*蚂蚁*消费金融",
    principal=Decimal("6000.00"),
    overdue_principal=Decimal("1000.00"),
    accrued=Decimal("30.00"),
    daily_rate=Decimal("0.0005"),
    due_day=20,
)
TERMS = Option(OptionKind.EQUAL_PAYMENT, months=6, first_due=date(2027, 1, 20), due_day=20)


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 20, tzinfo=BEIJING)


def active_plan() -> Plan:
    plan = new_plan("plan-7f3a", "# 还款 | 计划\n<b>", LOAN, TERMS, START, at(START))
    plan = propose(plan, at(START), Proposed(START, Channel.HOTLINE, "工号 *8*"))
    plan = agree(plan, at(START), Agreement(TERMS, START, START, "王女士 [客服]", "REF|2027"))
    payment = Payment("pay-secret-id", date(2027, 1, 20), Decimal("500.00"), PaymentMethod.APP, at(date(2027, 1, 20)), "用 `花呗`")
    return record_payment(plan, at(date(2027, 1, 20)), payment)


def test_markdown_holds_the_schedule_progress_and_history_without_internal_ids() -> None:
    plan = active_plan()
    text = plan_markdown(plan, date(2027, 2, 1))
    schedule = plan.schedule()
    assert text.startswith("# \\# 还款 \\| 计划 \\<b>\n")
    assert "Debt: 借呗 \\| # 主账户" in text and "Lender: 重庆\\*蚂蚁\\*消费金融" in text
    assert "| 2027-01-20 | " + f"¥{schedule.rows[0].payment:,.2f}" in text
    assert f"¥{schedule.total_paid:,.2f} paid" in text
    assert "remaining principal × 0.05% a day × the actual days" in text
    assert "Agreed on 2027-01-05 with 王女士 \\[客服\\], reference REF\\|2027." in text
    assert "Note: 工号 \\*8\\*" in text and "用 \\`花呗\\`" in text
    assert "Paid in part" in text and "Next due:" in text
    assert "plan-7f3a" not in text and "pay-secret-id" not in text
    assert "Status changed: Active" in text


def test_markdown_is_in_the_ui_language() -> None:
    text = plan_markdown(active_plan(), date(2027, 2, 1), i18n.load_translation("zh-Hans").gettext)
    assert "状态" in text and "Status" not in text
    assert "¥" in text and "2027-01-20" in text


def test_each_instalment_is_a_reminder_with_a_stable_key() -> None:
    plan = active_plan()
    events = plan_events(plan)
    assert [event.key for event in events] == [f"plan-plan-7f3a-{n}" for n in range(1, 7)]
    assert [event.day for event in events] == [row.due for row in plan.schedule().rows]
    assert events[0].title.startswith("Repay ¥") and "借呗" in events[0].title
    assert "Instalment 1 of 6" in events[0].description
    assert plan_events(plan) == events  # exporting again gives the same keys
    open_only = plan_events(plan, today=date(2027, 2, 1))
    assert len(open_only) == 6  # the first instalment is only partly paid
    paid_up = record_payment(
        plan,
        at(date(2027, 1, 21)),
        Payment("p2", date(2027, 1, 21), plan.schedule().rows[0].payment, PaymentMethod.APP, at(date(2027, 1, 21))),
    )
    assert [event.key for event in plan_events(paid_up, today=date(2027, 2, 1))][0] == "plan-plan-7f3a-2"


def test_the_calendar_of_active_plans_parses_with_a_reminder_the_day_before() -> None:
    keep = active_plan()
    dropped = abandon(new_plan("other", "x", LOAN, TERMS, START, at(START)), at(START))
    raw = plans_calendar([keep, dropped], today=date(2027, 1, 6), stamp=at(date(2027, 1, 6)))
    calendar = Calendar.from_ical(raw)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 6
    assert {str(event["uid"]).split("@")[0] for event in events} == {f"plan-plan-7f3a-{n}" for n in range(1, 7)}
    assert all(list(event.walk("VALARM"))[0].decoded("trigger") == -timedelta(days=1) for event in events)
    assert str(calendar["x-wr-calname"]) == "jiebei-tui repayment plans"
