"""Habits' share of the heavy folder: five years of daily check-ins (~10,000) and spends (~20,000).

Registered in ``heavy.EXTRA_BUILDERS``. Made by the domain functions the app
uses (``adopt_starter``/``new_habit``, ``check_in`` and ``plan_rest`` day by day
with that day as "today", ``add_spend`` with typed amounts, ``new_reflection``,
``check_borrowing``) and saved through ``HabitsRepo`` inside the ``Store.bulk()``
``heavy.build`` opens, so every month file and the progress index are exactly
what the app writes, each written once.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from jiebei_tui.domain.causes import Cause
from jiebei_tui.domain.habits import (
    BorrowAnswers,
    Cadence,
    CheckinMonth,
    EmergencyFund,
    Habit,
    HabitProgress,
    SpendMonth,
    add_category,
    add_spend,
    adopt_starter,
    check_borrowing,
    check_in,
    default_budget,
    filing_month,
    month_of,
    new_habit,
    new_reflection,
    plan_rest,
    start_progress,
)
from jiebei_tui.domain.selfcheck import CashFlow, EssentialCategory, SelfCheckInput
from jiebei_tui.store.habits import HabitsRepo
from jiebei_tui.store.store import Store

YEARS_OF_DAYS = 5 * 365 + 1
SPENDS_PER_DAY = 11  # ~20,000 over five years
NOTES = ("早饭", "午饭", "地铁", "超市", "奶茶", "话费", "外卖", "打车", "水果", "房租", "")


def _habits(start: date) -> list[Habit]:
    """Six daily habits (~9,900 check-ins in five years), two weekly and two monthly."""
    habits = [adopt_starter(key, f"hab-{key}", start) for key in ("record_spending", "check_loan_page",
                                                                    "review_budget", "fund_deposit", "reflect")]
    habits += [new_habit(f"hab-own-{index}", name, "", Cadence.DAILY, start)
               for index, name in enumerate(("不点外卖", "睡前看一眼预算", "走路上班", "记录心情", "午饭带饭"))]
    return habits


def build_habits(store: Store, rng: random.Random, now: datetime, built: Any) -> None:
    repo = HabitsRepo(store)
    today = now.date()
    start = today - timedelta(days=YEARS_OF_DAYS - 1)
    habits = _habits(start)
    progress: dict[str, HabitProgress] = {habit.id: start_progress(habit) for habit in habits}
    months: dict[str, CheckinMonth] = {}
    checkins = 0
    rate = {Cadence.DAILY: 0.9, Cadence.WEEKLY: 0.9, Cadence.MONTHLY: 0.9}
    for offset in range(YEARS_OF_DAYS):
        day = start + timedelta(days=offset)
        for habit in habits:
            state = progress[habit.id]
            if state.is_done(day):
                continue
            key = filing_month(habit.cadence, day)
            month = months.get(key) or CheckinMonth(key)
            roll = rng.random()
            if habit.cadence is Cadence.DAILY and roll > 0.995 and not state.is_rest(day):
                edit = plan_rest(habit, state, month, day, day)  # a planned day off now and then
            elif roll < rate[habit.cadence] / (1 if habit.cadence is Cadence.DAILY else 4):
                edit = check_in(habit, state, month, day, day)
                checkins += 1
            else:
                continue
            progress[habit.id], months[key] = edit.progress, edit.month
    for habit in habits:
        repo.save_habit(habit, progress[habit.id])
    for month in months.values():
        repo.save_checkin_month(month)

    essentials = {EssentialCategory.RENT: "2500", EssentialCategory.FOOD: "1500", EssentialCategory.TRANSPORT: "300"}
    plan = default_budget(SelfCheckInput((), CashFlow(essentials={k: _money(v) for k, v in essentials.items()})))
    plan = add_category(plan, "外卖", "300")
    repo.save_budget(plan)
    keys = [category.key for category in plan.categories]
    spends: dict[str, SpendMonth] = {}
    count = 0
    for offset in range(YEARS_OF_DAYS):
        day = start + timedelta(days=offset)
        key = month_of(day)
        month = spends.get(key) or SpendMonth(key)
        for _ in range(SPENDS_PER_DAY):
            amount = f"{rng.randint(3, 300)}.{rng.randint(0, 99):02d}"
            month = add_spend(month, plan, day, rng.choice(keys), amount, rng.choice(NOTES))
            count += 1
        spends[key] = month
    for month in spends.values():
        repo.save_spends(month)

    repo.save_fund(EmergencyFund(3, _money("4300"), _money("5200"), _money("800")))
    reflections = 0
    for offset in range(0, YEARS_OF_DAYS, 30):
        day = start + timedelta(days=offset)
        causes = rng.sample(list(Cause), 2)
        repo.save_reflection(new_reflection(f"ref-{offset:05d}", day, causes, "这个月收入少了，先还了最急的。", "发工资当天先存一点。"))
        reflections += 1
    for index in range(20):
        answers = BorrowAnswers(_money("5000"), _money("900"), _money("0.0005"), index % 3 == 0)
        day = start + timedelta(days=index * 90)
        repo.save_borrow_check(check_borrowing(f"borrow-{index:03d}", day, answers, None))
    built.extra.update(habits=len(habits), checkins=checkins, spends=count, reflections=reflections, borrow_checks=20)



def _money(text: str) -> Decimal:
    return Decimal(text).quantize(Decimal("0.01"))
