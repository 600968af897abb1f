"""A user three weeks into the Habits area, for snapshots and screenshots: a self-check with a due day
three days ahead, an agreed plan, a call promise, three habits with a history, spends, a fund, a reflection."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

from jiebei_tui.domain.calls import RecordKind, new_note, new_record
from jiebei_tui.domain.causes import Cause
from jiebei_tui.domain.habits import Cadence, set_current, set_saving
from jiebei_tui.domain.plans import Agreement, Channel, DebtPosition, Finances, Option, OptionKind, Proposed, Rate
from jiebei_tui.domain.selfcheck import CashFlow, Debt, DebtKind, Entry, EssentialCategory, SelfCheckInput, assess
from jiebei_tui.factory import open_services
from jiebei_tui.services import Services

CST = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 23, 20, 30, tzinfo=CST)


class Clock:
    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def selfcheck(services: Services) -> None:
    debt = Debt(kind=DebtKind.JIEBEI, name="借呗", lender="重庆蚂蚁消费金融", outstanding_principal=Decimal("25000"),
                overdue_principal=Decimal("18000"), days_overdue=52, daily_rate=Decimal("0.0005"),
                penalty_multiplier=Decimal("1.5"), monthly_payment=Decimal("1500"), due_day=26)
    cash = CashFlow(incomes=(Entry("工资", Decimal("9000")),),
                    essentials={EssentialCategory.RENT: Decimal("2500"), EssentialCategory.FOOD: Decimal("1500")})
    inp = SelfCheckInput((debt,), cash)
    services.selfchecks.save(inp, assess(inp, services.clock().date()), services.clock())


def plan(services: Services) -> None:
    position = DebtPosition(name="借呗", lender="重庆蚂蚁消费金融", principal=Decimal("20000.00"),
                            overdue_principal=Decimal("6000.00"), accrued=Decimal("450.00"),
                            daily_rate=Decimal("0.0005"), multiplier=Decimal("1.5"), days_overdue=50, due_day=15)
    option = Option.instalments_by(OptionKind.EQUAL_PAYMENT, 12, rate=Rate.monthly(Decimal("0.01")))
    today = services.clock().date()
    made = services.plans.create("借呗分期", position, option, today, Finances(Decimal("9000"), Decimal("4000")))
    services.plans.propose(made.id, Proposed(today, Channel.APP))
    services.plans.agree(made.id, Agreement(option, today, today, "客服小王", "A-1"))


def promise(services: Services) -> None:
    when = NOW - timedelta(days=2)
    record = new_record(services.calls.new_id(), RecordKind.CALL, when)
    services.calls.save(record.ended(when + timedelta(minutes=6)))
    services.calls.save_note(record, new_note(services.calls.new_id(), record, "诺:11月28日先还500元", when))


def habits(services: Services, clock: Clock) -> None:
    clock.now = NOW - timedelta(days=24)
    daily = services.habits.adopt("record_spending")
    weekly = services.habits.adopt("check_loan_page")
    own = services.habits.add_own("不点外卖", "省下来的钱放进应急金", Cadence.DAILY)
    for offset in range(24, -1, -1):
        clock.now = NOW - timedelta(days=offset)
        if offset % 7 != 3:
            services.habits.check_in(daily.id)
        if offset % 3 and offset > 0:
            services.habits.check_in(own.id)
        if offset % 7 == 5:
            services.habits.check_in(weekly.id)
        if offset == 2:
            services.habits.plan_rest(own.id, NOW.date())
    clock.now = NOW


def money(services: Services) -> None:
    for day, category, amount, note in (
        (1, "rent", "2500", "十一月房租"), (20, "food", "38.5", "午饭"), (22, "food", "1400", "超市"),
        (23, "everything_else", "89", "话费"),
    ):
        services.habits.add_spend(category, amount, note, day=NOW.date().replace(day=day))
    services.habits.add_spend("food", "1200", "超市", day=NOW.date().replace(month=10, day=15))
    services.habits.change_fund(lambda fund: set_saving(set_current(fund, "3000"), "1000"))
    services.habits.reflect([Cause.INCOME_DROP, Cause.POOR_PLANNING], "公司裁员后收入少了一半，没提前安排还款。",
                            "发工资当天先存应急金。")


def sample(data_dir: Path) -> Path:
    clock = Clock()
    services = open_services(data_dir, clock=clock)
    # Ids in order, not random: habits started the same day (and plans made at the same time) sort by id.
    for repo, prefix in ((services.habits.repo, "habit"), (services.plans.repo, "plan")):
        ids = itertools.count(1)
        repo.new_id = lambda prefix=prefix, ids=ids: f"{prefix}{next(ids):04d}"  # type: ignore[method-assign]
    selfcheck(services)
    plan(services)
    promise(services)
    habits(services, clock)
    money(services)
    services.store.close()
    return data_dir
