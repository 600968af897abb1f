"""The habits services without Textual: today's habits, budget, fund, journal, borrowing check, reminders."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from icalendar import Calendar

from jiebei_tui.domain.calls import RecordKind, new_note, new_record
from jiebei_tui.domain.causes import Cause
from jiebei_tui.domain.habits import (
    BorrowAnswers,
    BorrowVerdictKind,
    Cadence,
    DueSource,
    FundState,
    deposit,
    set_planned,
    set_saving,
)
from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.plans import Agreement, Channel, DebtPosition, Finances, Option, OptionKind, Proposed, Rate
from jiebei_tui.domain.selfcheck import CashFlow, Debt, DebtKind, Entry, EssentialCategory, SelfCheckInput, assess
from jiebei_tui.factory import open_services
from jiebei_tui.services import Services
from jiebei_tui.store.habits import PROGRESS_TABLE

CST = timezone(timedelta(hours=8))


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 20, 30, tzinfo=CST)

    def __call__(self) -> datetime:
        return self.now


def selfcheck() -> SelfCheckInput:
    debt = Debt(
        kind=DebtKind.JIEBEI, name="借呗", outstanding_principal=Decimal("25000"), overdue_principal=Decimal("5000"),
        days_overdue=30, daily_rate=Decimal("0.0005"), monthly_payment=Decimal("1500"), due_day=26,
    )
    cash = CashFlow(
        incomes=(Entry("工资", Decimal("9000")),),
        essentials={EssentialCategory.RENT: Decimal("2500"), EssentialCategory.FOOD: Decimal("1500")},
    )
    return SelfCheckInput((debt,), cash)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def services(data_dir: Path, clock: Clock) -> Services:
    return open_services(data_dir, clock=clock)


def with_selfcheck(services: Services) -> None:
    inp = selfcheck()
    services.selfchecks.save(inp, assess(inp, services.clock().date()), services.clock())


def test_one_key_checks_in_and_takes_it_back(services: Services, clock: Clock) -> None:
    habit = services.habits.adopt("record_spending")
    first = services.habits.toggle_today(habit.id)
    assert first.checked and first.today.done and first.today.streak == 1
    clock.now += timedelta(days=1)
    assert services.habits.toggle_today(habit.id).today.streak == 2
    undone = services.habits.toggle_today(habit.id)
    assert not undone.checked and undone.today.streak == 1  # today is open again: the streak stands
    assert [row.habit_id for row in services.habits.today_rows()] == [habit.id]


def test_today_is_the_users_date_not_the_servers(data_dir: Path) -> None:
    # 23:30 UTC is already the 24th in Beijing: the check-in is filed under the user's day.
    services = open_services(data_dir, clock=lambda: datetime(2026, 11, 23, 23, 30, tzinfo=timezone.utc).astimezone(CST))
    habit = services.habits.adopt("record_spending")
    services.habits.check_in(habit.id)
    assert services.habits.repo.checkin_month("2026-11").days_done(habit.id) == (date(2026, 11, 24),)


def test_a_planned_rest_keeps_the_streak(services: Services, clock: Clock) -> None:
    habit = services.habits.add_own("不点外卖", "省钱", Cadence.DAILY)
    services.habits.check_in(habit.id)
    services.habits.plan_rest(habit.id, clock.now.date() + timedelta(days=1))
    clock.now += timedelta(days=2)
    assert services.habits.check_in(habit.id).streak == 2
    with pytest.raises(InputError):
        services.habits.add_own("", "", Cadence.DAILY)


def test_a_lost_index_is_rebuilt_from_the_month_records(services: Services, clock: Clock) -> None:
    habit = services.habits.adopt("record_spending")
    for _ in range(3):
        services.habits.check_in(habit.id)
        clock.now += timedelta(days=1)
    services.store.delete(PROGRESS_TABLE, habit.id)
    rows = services.habits.today_rows()
    assert rows[0].streak == 3
    assert habit.id in services.habits.repo.progress_all()  # saved again


def test_archived_habits_leave_today_and_come_back(services: Services) -> None:
    habit = services.habits.adopt("reflect")
    services.habits.set_archived(habit.id, True)
    assert services.habits.today_rows() == ()
    assert [found.id for found in services.habits.archived()] == [habit.id]
    assert "reflect" not in {starter.key for starter in services.habits.starters()}
    services.habits.set_archived(habit.id, False)
    assert len(services.habits.today_rows()) == 1


def test_the_budget_starts_from_the_self_checks_essentials(services: Services, clock: Clock) -> None:
    with_selfcheck(services)
    plan = services.habits.budget()
    assert [(line.key, line.planned) for line in plan.categories] == [
        ("rent", Decimal("2500.00")), ("food", Decimal("1500.00")), ("everything_else", Decimal("0.00"))
    ]
    services.habits.change_budget(lambda plan: set_planned(plan, "everything_else", "600"))
    services.habits.add_spend("food", "1,200.50", "超市")
    services.habits.add_spend("food", "¥400")
    with pytest.raises(InputError):
        services.habits.add_spend("food", "abc")
    report = services.habits.report()
    food = next(line for line in report.lines if line.key == "food")
    assert (food.spent, food.remaining, food.over) == (Decimal("1600.50"), Decimal("-100.50"), True)
    assert report.planned == Decimal("4600.00") and report.spent == Decimal("1600.50")
    assert [warning.params["category"] for warning in report.warnings] == ["Food"]
    # Last month by the same day of the month.
    services.habits.add_spend("food", "100", day=date(2026, 10, 20))
    services.habits.add_spend("food", "50", day=date(2026, 10, 30))
    comparison = services.habits.comparison()
    assert (comparison.last, comparison.last_to_date, comparison.this) == (Decimal("150.00"), Decimal("100.00"), Decimal("1600.50"))


def test_the_fund_aims_at_months_of_essentials(services: Services) -> None:
    assert services.habits.saved_fund() is None
    assert services.habits.fund_status().state is FundState.NO_TARGET
    with_selfcheck(services)
    assert services.habits.fund().target == Decimal("12000.00")  # 3 × 4,000
    status = services.habits.change_fund(lambda fund: deposit(fund, "3000"))
    assert status.state is FundState.NOT_SAVING
    status = services.habits.change_fund(lambda fund: set_saving(fund, "1000"))
    assert (status.state, status.months_to_target, status.reached_by) == (FundState.ON_THE_WAY, 9, "2027-08")
    assert services.habits.saved_fund() is not None


def test_the_journal_feeds_why_i_fell_behind(services: Services, clock: Clock) -> None:
    services.habits.reflect([Cause.INCOME_DROP], "公司裁员")
    clock.now += timedelta(days=40)
    services.habits.reflect([], "", "发工资先存钱")  # says what next, not why
    assert services.habits.latest_reflection_day() == clock.now.date()
    why = services.habits.why_i_fell_behind()
    assert why is not None and why.causes == (Cause.INCOME_DROP,) and why.own_words == "公司裁员"
    with pytest.raises(InputError):
        services.habits.reflect([])


def test_a_borrowing_check_is_saved_with_its_answer(services: Services) -> None:
    answers = BorrowAnswers(Decimal("5000"), Decimal("900"), Decimal("0.0005"), repays_other_loan=False)
    first = services.habits.check_borrowing(answers)
    assert first.verdict is BorrowVerdictKind.NO_SELFCHECK
    with_selfcheck(services)
    check = services.habits.check_borrowing(answers)
    assert check.verdict is BorrowVerdictKind.FITS and check.surplus == Decimal("3500.00")
    loan_for_loan = services.habits.check_borrowing(BorrowAnswers(Decimal("5000"), Decimal("900"), Decimal("0.0005"), True))
    assert loan_for_loan.explain().facts == ("banned_conduct",)
    assert {saved.id for saved in services.habits.borrow_checks()} == {first.id, check.id, loan_for_loan.id}


def agreed_plan(services: Services) -> None:
    """A 12-month instalment plan agreed today (as Plans' own tests make one)."""
    position = DebtPosition(
        name="借呗", lender="重庆蚂蚁消费金融", principal=Decimal("20000.00"), overdue_principal=Decimal("6000.00"),
        accrued=Decimal("450.00"), daily_rate=Decimal("0.0005"), multiplier=Decimal("1.5"), days_overdue=50, due_day=15,
    )
    option = Option.instalments_by(OptionKind.EQUAL_PAYMENT, 12, rate=Rate.monthly(Decimal("0.01")))
    today = services.clock().date()
    plan = services.plans.create("借呗分期", position, option, today, Finances(Decimal("9000"), Decimal("4000")))
    services.plans.propose(plan.id, Proposed(today, Channel.APP))
    services.plans.agree(plan.id, Agreement(option, today, today, "客服小王", "A-1"))


def promise(services: Services, text: str, when: datetime) -> None:
    record = new_record(services.calls.new_id(), RecordKind.CALL, when)
    services.calls.save(record)
    services.calls.save_note(record, new_note(services.calls.new_id(), record, text, when))


def test_reminders_gather_due_days_promises_and_instalments(services: Services, clock: Clock, tmp_path: Path) -> None:
    with_selfcheck(services)
    promise(services, "诺:11月26日还500元", clock.now - timedelta(hours=1))
    agreed_plan(services)
    first = services.plans.next_payment()
    assert first is not None and first.days_left > 7
    items = services.habits.reminders()
    assert [(item.source, item.day) for item in items[:2]] == [
        (DueSource.COMMITMENT, date(2026, 11, 26)),
        (DueSource.DEBT, date(2026, 11, 26)),
    ]
    plan_items = [item for item in items if item.source is DueSource.PLAN]
    assert len(plan_items) == 12 and plan_items[0].day == first.due
    soon = services.habits.due_soon()
    assert [(entry.item.source, entry.days_left) for entry in soon] == [(DueSource.COMMITMENT, 3), (DueSource.DEBT, 3)]
    path = tmp_path / "reminders.ics"
    count = services.habits.export_reminders(path, lambda text: text, "jiebei-tui")
    calendar = Calendar.from_ical(path.read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == count == len(items)
    assert str(events[0]["SUMMARY"]) == "Call promise: pay ¥500.00"
    assert path.stat().st_mode & 0o777 == 0o600
    view = services.home.today()
    assert view.home.next_payment is not None and view.home.next_payment.days_left == 3
    assert view.home.plan is not None and view.home.plan.name == "借呗分期" and view.home.plan.paid == 0
    assert view.home.open_commitments == 1
    assert [entry.days_left for entry in view.due_soon] == [3, 3]
