"""Streaks, rests and check-ins: hand-computed cases at the calendar's edges, then the index against
an independent oracle over random histories (windows, folding, rebuilding from month documents)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jiebei_tui.domain.habits import (
    EDITABLE,
    WINDOW,
    Cadence,
    CheckinMonth,
    Habit,
    HabitEdit,
    HabitProgress,
    PeriodState,
    cancel_rest,
    check_in,
    filing_month,
    history,
    plan_rest,
    rebuild_progress,
    start_progress,
    undo_check_in,
)
from jiebei_tui.domain.parsing.errors import InputError

Edit = Callable[[Habit, HabitProgress, CheckinMonth, date, date], HabitEdit]


class Book:
    """One habit's progress index and month documents, kept the way the store will keep them."""

    def __init__(self, habit: Habit) -> None:
        self.habit = habit
        self.progress = start_progress(habit)
        self.months: dict[str, CheckinMonth] = {}

    def month(self, day: date) -> CheckinMonth:
        key = filing_month(self.habit.cadence, day)
        return self.months.get(key, CheckinMonth(key))

    def apply(self, edit: Edit, day: date, today: date) -> None:
        result = edit(self.habit, self.progress, self.month(day), day, today)
        self.progress = result.progress
        self.months[result.month.month] = result.month

    def tick(self, *days: date) -> None:
        """Check in on each day, on that day."""
        for day in days:
            self.apply(check_in, day, day)

    def done_days(self) -> list[date]:
        return [day for month in self.months.values() for day in month.days_done(self.habit.id)]

    def rest_starts(self) -> list[date]:
        return [day for month in self.months.values() for day in month.rest_starts(self.habit.id)]


def plain_start(cadence: Cadence, day: date) -> date:
    if cadence is Cadence.DAILY:
        return day
    if cadence is Cadence.WEEKLY:
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


def plain_next(cadence: Cadence, start: date) -> date:
    if cadence is Cadence.DAILY:
        return start + timedelta(days=1)
    if cadence is Cadence.WEEKLY:
        return start + timedelta(days=7)
    return date(start.year + start.month // 12, start.month % 12 + 1, 1)


def oracle(
    cadence: Cadence, started: date, done_days: Iterable[date], rest_starts: Iterable[date], today: date
) -> tuple[int, int]:
    """(streak, best) walking every period from the start with plain dates: no windows, no folding."""
    done = {plain_start(cadence, day) for day in done_days}
    rests = set(rest_starts)
    current = plain_start(cadence, today)
    last = max([current, *done])
    run = best = 0
    period = plain_start(cadence, started)
    while period <= last:
        if period in done:
            run += 1
            best = max(best, run)
        elif period not in rests and period < current:
            run = 0
        period = plain_next(cadence, period)
    return run, best


def habit(cadence: Cadence, started: date) -> Habit:
    return Habit("h1", "Record every spend", "", cadence, started)


D = date


# ---- hand-computed cases ------------------------------------------------------------------


def test_daily_streak_runs_through_the_leap_day_and_the_month_end() -> None:
    book = Book(habit(Cadence.DAILY, D(2028, 2, 26)))
    book.tick(D(2028, 2, 26), D(2028, 2, 27), D(2028, 2, 28), D(2028, 2, 29), D(2028, 3, 1))
    assert book.progress.streak(D(2028, 3, 1)) == 5
    assert book.progress.streak(D(2028, 3, 2)) == 5  # 2 March is still open: not broken yet
    assert book.progress.streak(D(2028, 3, 3)) == 0  # 2 March was missed
    assert book.progress.best(D(2028, 3, 3)) == 5
    assert set(book.months) == {"2028-02", "2028-03"}


def test_a_missed_day_breaks_the_streak() -> None:
    book = Book(habit(Cadence.DAILY, D(2027, 1, 1)))
    book.tick(D(2027, 1, 1), D(2027, 1, 2), D(2027, 1, 4))
    assert book.progress.streak_and_best(D(2027, 1, 4)) == (1, 2)


def test_a_planned_rest_neither_breaks_nor_extends_the_streak() -> None:
    book = Book(habit(Cadence.DAILY, D(2027, 1, 1)))
    book.tick(D(2027, 1, 1), D(2027, 1, 2))
    book.apply(plan_rest, D(2027, 1, 3), D(2027, 1, 2))  # planned the day before
    assert book.progress.streak(D(2027, 1, 3)) == 2
    assert book.progress.streak(D(2027, 1, 4)) == 2  # the rest day passed: not counted, not broken
    book.tick(D(2027, 1, 4))
    assert book.progress.streak(D(2027, 1, 4)) == 3
    assert book.progress.is_rest(D(2027, 1, 3))


def test_a_check_in_on_a_rest_day_counts_as_done() -> None:
    book = Book(habit(Cadence.DAILY, D(2027, 1, 1)))
    book.tick(D(2027, 1, 1))
    book.apply(plan_rest, D(2027, 1, 2), D(2027, 1, 1))
    book.tick(D(2027, 1, 2))
    assert book.progress.streak(D(2027, 1, 2)) == 2
    assert not book.progress.is_rest(D(2027, 1, 2))


def test_rests_are_planned_ahead_only_and_a_passed_rest_stays() -> None:
    book = Book(habit(Cadence.DAILY, D(2027, 1, 1)))
    with pytest.raises(InputError) as past:
        book.apply(plan_rest, D(2027, 1, 1), D(2027, 1, 2))
    assert past.value.message == "A rest is planned ahead: for today or a later day"
    book.apply(plan_rest, D(2027, 1, 2), D(2027, 1, 2))  # today is allowed
    with pytest.raises(InputError, match="already planned"):
        book.apply(plan_rest, D(2027, 1, 2), D(2027, 1, 2))
    with pytest.raises(InputError, match="has passed"):
        book.apply(cancel_rest, D(2027, 1, 2), D(2027, 1, 3))
    with pytest.raises(InputError, match="at most a year"):
        book.apply(plan_rest, D(2027, 1, 2) + timedelta(days=367), D(2027, 1, 2))
    book.apply(plan_rest, D(2027, 1, 2) + timedelta(days=366), D(2027, 1, 2))  # a year ahead, still fine
    book.apply(cancel_rest, D(2027, 1, 2) + timedelta(days=366), D(2027, 1, 2))
    book.apply(plan_rest, D(2027, 1, 9), D(2027, 1, 3))
    book.apply(cancel_rest, D(2027, 1, 9), D(2027, 1, 3))
    assert book.rest_starts() == [D(2027, 1, 2)]
    with pytest.raises(InputError, match="No rest"):
        book.apply(cancel_rest, D(2027, 1, 9), D(2027, 1, 3))


def test_a_missed_day_after_a_rest_still_breaks() -> None:
    book = Book(habit(Cadence.DAILY, D(2027, 1, 1)))
    book.tick(D(2027, 1, 1))
    book.apply(plan_rest, D(2027, 1, 2), D(2027, 1, 1))
    assert book.progress.streak(D(2027, 1, 3)) == 1  # 2nd rest, 3rd open
    assert book.progress.streak(D(2027, 1, 4)) == 0  # 3rd missed


def test_weekly_streak_across_the_year_end_one_check_in_per_iso_week() -> None:
    book = Book(habit(Cadence.WEEKLY, D(2026, 12, 21)))
    book.tick(D(2026, 12, 27))  # Sunday: week of Mon 21 Dec
    book.tick(D(2027, 1, 1))  # Friday: week of Mon 28 Dec (ISO 2026-W53)
    with pytest.raises(InputError) as twice:
        book.apply(check_in, D(2027, 1, 3), D(2027, 1, 3))  # Sunday of that same week
    assert twice.value.message == "Already checked in for that week"
    book.tick(D(2027, 1, 4))  # Monday: a new week
    assert book.progress.streak(D(2027, 1, 4)) == 3
    assert book.months["2026-12"].days_done("h1") == (D(2026, 12, 27), D(2027, 1, 1))
    assert book.progress.streak(D(2027, 1, 17)) == 3  # Sunday 17 Jan: the week of 11 Jan is still open
    assert book.progress.streak(D(2027, 1, 18)) == 0  # week of 11 Jan missed


def test_monthly_streak_across_february_in_a_leap_year() -> None:
    book = Book(habit(Cadence.MONTHLY, D(2028, 1, 1)))
    book.tick(D(2028, 1, 31), D(2028, 2, 29), D(2028, 3, 1))
    assert book.progress.streak(D(2028, 3, 31)) == 3
    assert book.progress.streak(D(2028, 4, 30)) == 3  # April still open
    assert book.progress.streak(D(2028, 5, 1)) == 0  # April missed
    book.apply(plan_rest, D(2028, 4, 15), D(2028, 4, 1))
    assert book.progress.streak(D(2028, 5, 1)) == 3  # April planned as a rest


def test_check_in_limits() -> None:
    book = Book(habit(Cadence.DAILY, D(2027, 1, 1)))
    today = D(2027, 6, 1)
    with pytest.raises(InputError, match="not come yet"):
        book.apply(check_in, today + timedelta(days=1), today)
    weekly = Book(habit(Cadence.WEEKLY, D(2027, 1, 1)))
    with pytest.raises(InputError, match="not come yet"):  # Wednesday of this very week, on Tuesday
        weekly.apply(check_in, D(2027, 6, 2), today)
    with pytest.raises(InputError) as old:
        book.apply(check_in, today - timedelta(days=EDITABLE), today)
    assert old.value.message == "Only the last {count} days can be changed" and old.value.params == {"count": "84"}
    book.apply(check_in, today - timedelta(days=EDITABLE - 1), today)  # the oldest day still editable
    fresh = Book(habit(Cadence.DAILY, today))
    with pytest.raises(InputError, match="before the habit started"):
        fresh.apply(check_in, today - timedelta(days=1), today)


def test_undo_takes_back_exactly_one_check_in() -> None:
    book = Book(habit(Cadence.WEEKLY, D(2027, 3, 1)))
    book.tick(D(2027, 3, 3), D(2027, 3, 10))
    assert book.progress.total == 2
    book.apply(undo_check_in, D(2027, 3, 14), D(2027, 3, 14))  # any day of the week finds its check-in
    assert book.progress.total == 1 and book.progress.streak(D(2027, 3, 14)) == 1
    assert book.months["2027-03"].days_done("h1") == (D(2027, 3, 3),)
    with pytest.raises(InputError, match="no check-in to undo"):
        book.apply(undo_check_in, D(2027, 3, 14), D(2027, 3, 14))


def test_archived_habits_cannot_be_changed() -> None:
    archived = Habit("h1", "x", "", Cadence.DAILY, D(2027, 1, 1), archived=True)
    with pytest.raises(InputError, match="archived"):
        check_in(archived, start_progress(archived), CheckinMonth("2027-01"), D(2027, 1, 2), D(2027, 1, 2))


def test_the_wrong_month_document_is_a_caller_error() -> None:
    item = habit(Cadence.WEEKLY, D(2026, 12, 1))
    with pytest.raises(ValueError, match="filed under 2026-12"):
        check_in(item, start_progress(item), CheckinMonth("2027-01"), D(2027, 1, 1), D(2027, 1, 1))


# ---- time zones: dates are local dates ------------------------------------------------------

BEIJING = timezone(timedelta(hours=8))
UTC = timezone.utc


def local(moment: datetime, zone: timezone) -> date:
    return moment.astimezone(zone).date()


def test_moving_west_keeps_a_check_in_made_on_a_later_local_date() -> None:
    book = Book(habit(Cadence.DAILY, D(2027, 3, 8)))
    book.tick(D(2027, 3, 8), D(2027, 3, 9))
    moment = datetime(2027, 3, 9, 17, 0, tzinfo=UTC)  # 01:00 on 10 March in Beijing
    book.apply(check_in, local(moment, BEIJING), local(moment, BEIJING))
    # The user switches the app to UTC: "today" is 9 March again, the 10th's check-in still counts.
    today = local(moment + timedelta(minutes=5), UTC)
    assert today == D(2027, 3, 9)
    assert book.progress.streak(today) == 3
    with pytest.raises(InputError, match="Already checked in"):
        book.apply(check_in, today, today)
    assert book.progress.streak(D(2027, 3, 11)) == 3  # the 11th is open
    assert book.progress.streak(D(2027, 3, 12)) == 0


def test_moving_east_can_skip_a_date_which_then_needs_a_planned_rest() -> None:
    samoa, baker = timezone(timedelta(hours=14)), timezone(timedelta(hours=-12))
    moment = datetime(2027, 3, 10, 10, 30, tzinfo=UTC)  # 22:30 on the 9th at UTC-12, 00:30 on the 11th at UTC+14
    assert (local(moment, baker), local(moment, samoa)) == (D(2027, 3, 9), D(2027, 3, 11))
    book = Book(habit(Cadence.DAILY, D(2027, 3, 8)))
    book.tick(D(2027, 3, 8), D(2027, 3, 9))
    assert book.progress.streak(local(moment, samoa)) == 0  # the 10th never happened locally: missed
    book.apply(plan_rest, D(2027, 3, 10), local(moment, baker))  # planned before flying
    assert book.progress.streak(local(moment, samoa)) == 2


# ---- the index against the oracle ----------------------------------------------------------


def test_five_years_of_daily_check_ins_keep_the_index_small_and_exact() -> None:
    start = D(2026, 1, 1)
    book = Book(habit(Cadence.DAILY, start))
    skipped = {D(2027, 5, 5), D(2029, 2, 28)}
    day = start
    while day <= D(2030, 12, 31):
        if day.day == 15 and day.month % 2 == 0:
            book.apply(plan_rest, day, day - timedelta(days=1))
        elif day not in skipped:
            book.apply(check_in, day, day)
        day += timedelta(days=1)
    progress = book.progress
    assert len(progress.done) <= WINDOW and len(progress.to_dict()["done"]) <= WINDOW
    # Hand count: the last miss was 2029-02-28; from 2029-03-01 to 2030-12-31 there are 671 days,
    # 11 of them rests (15 Apr/Jun/Aug/Oct/Dec 2029 and 15 Feb..Dec 2030), so 660 done.
    assert progress.streak(D(2030, 12, 31)) == 660
    expected = oracle(Cadence.DAILY, start, book.done_days(), book.rest_starts(), D(2030, 12, 31))
    assert progress.streak_and_best(D(2030, 12, 31)) == expected
    rebuilt = rebuild_progress(book.habit, reversed(list(book.months.values())), D(2030, 12, 31))
    assert rebuilt == progress
    assert HabitProgress.from_dict(progress.to_dict()) == progress


OPS = st.lists(
    st.tuples(
        st.sampled_from(["check_in", "undo", "rest", "cancel", "wait", "zone_back", "run"]),
        st.integers(min_value=0, max_value=6),
    ),
    max_size=40,
)


@settings(max_examples=120, deadline=None)
@given(
    cadence=st.sampled_from(list(Cadence)),
    started=st.dates(min_value=D(2026, 1, 1), max_value=D(2029, 12, 31)),
    ops=OPS,
    long_wait=st.integers(min_value=1, max_value=WINDOW * 40),
)
def test_the_index_agrees_with_the_oracle_and_with_a_rebuild(
    cadence: Cadence, started: date, ops: list[tuple[str, int]], long_wait: int
) -> None:
    step = {Cadence.DAILY: 1, Cadence.WEEKLY: 7, Cadence.MONTHLY: 31}[cadence]
    book = Book(habit(cadence, started))
    clock = started
    for op, amount in ops:
        today = clock
        try:
            if op == "check_in":
                book.apply(check_in, max(started, today - timedelta(days=amount * step)), today)
            elif op == "undo":
                book.apply(undo_check_in, today - timedelta(days=amount * step), today)
            elif op == "rest":
                book.apply(plan_rest, today + timedelta(days=amount * step), today)
            elif op == "cancel":
                book.apply(cancel_rest, today + timedelta(days=amount * step), today)
            elif op == "run":  # every period for a while (long enough to slide the window)
                for _ in range(amount * 25 + 1):
                    clock += timedelta(days=step)
                    book.apply(check_in, clock, clock)
            elif op == "zone_back":
                today = clock - timedelta(days=1)  # a move west for this one action
                book.apply(check_in, max(started, today), today)
            else:
                clock += timedelta(days=(long_wait if amount == 6 else amount) * step // 2 + 1)
        except InputError:
            pass
        for when in (clock, clock + timedelta(days=step), clock + timedelta(days=3 * step)):
            expected = oracle(cadence, started, book.done_days(), book.rest_starts(), when)
            assert book.progress.streak_and_best(when) == expected
    rebuilt = rebuild_progress(book.habit, book.months.values(), clock)
    assert rebuilt.streak_and_best(clock) == book.progress.streak_and_best(clock)
    assert rebuilt.total == book.progress.total == len(book.done_days())
    assert HabitProgress.from_dict(book.progress.to_dict()) == book.progress
    # The history view shows exactly what the record says.
    done = {plain_start(cadence, day) for day in book.done_days()}
    for mark in history(book.habit, book.progress, clock):
        if mark.start < plain_start(cadence, started):
            assert mark.state is PeriodState.BEFORE_START
        elif mark.start in done:
            assert mark.state is PeriodState.DONE
        elif mark.start in set(book.rest_starts()):
            assert mark.state is PeriodState.REST
        elif mark.start > plain_start(cadence, clock):
            assert mark.state is PeriodState.UPCOMING
        elif mark.start == plain_start(cadence, clock):
            assert mark.state is PeriodState.OPEN
        else:
            assert mark.state is PeriodState.MISSED
