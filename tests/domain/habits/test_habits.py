"""Starter habits, the user's own habits, today's list and the history view."""

from __future__ import annotations

from datetime import date

import pytest

from jiebei_tui.domain.habits import (
    STARTER_HABITS,
    Cadence,
    CheckinMonth,
    Habit,
    PeriodState,
    adopt_starter,
    check_in,
    done_counts,
    filing_month,
    habit_today,
    habits_today,
    history,
    history_weeks,
    new_habit,
    plan_rest,
    rename_habit,
    start_progress,
    unused_starters,
)
from jiebei_tui.domain.parsing.errors import InputError

D = date


def test_starters_cover_the_seeds_prevention_advice_each_with_a_why() -> None:
    keys = {starter.key for starter in STARTER_HABITS}
    assert {"check_loan_page", "record_spending", "fund_deposit", "no_loan_for_loan"} <= keys
    assert all(starter.why.strip() and starter.seeds for starter in STARTER_HABITS)
    assert {starter.cadence for starter in STARTER_HABITS} == set(Cadence)
    assert len(keys) == len(STARTER_HABITS)


def test_adopting_a_starter_keeps_its_texts_translatable_until_renamed() -> None:
    adopted = adopt_starter("fund_deposit", "h1", D(2027, 1, 5))
    assert adopted.translatable and adopted.cadence is Cadence.MONTHLY and adopted.starter == "fund_deposit"
    assert "fund_deposit" not in {starter.key for starter in unused_starters([adopted])}
    renamed = rename_habit(adopted, " 发工资当天存应急金 ", "")
    assert (renamed.name, renamed.translatable, renamed.starter) == ("发工资当天存应急金", False, "fund_deposit")


def test_own_habits_are_checked_like_any_field() -> None:
    made = new_habit("h2", " 不点外卖 ", "省下的钱进应急金", Cadence.DAILY, D(2027, 1, 5))
    assert (made.name, made.why, made.started, made.translatable) == (
        "不点外卖",
        "省下的钱进应急金",
        D(2027, 1, 5),
        False,
    )
    with pytest.raises(InputError, match="short name"):
        new_habit("h3", "   ", "", Cadence.DAILY, D(2027, 1, 5))
    with pytest.raises(InputError) as long:
        new_habit("h3", "很" * 41, "", Cadence.DAILY, D(2027, 1, 5))
    assert long.value.params == {"maximum": "40"}
    # Stored as typed (the screen and the exports make it inert); a line break in a name becomes a space.
    hostile = new_habit("h4", "a\x1bb\u202e\x00", "w\nhy\x07", Cadence.DAILY, D(2027, 1, 5))
    assert (hostile.name, hostile.why) == ("a\x1bb\u202e\x00", "w hy\x07")


def test_today_lists_what_is_still_to_do_first_with_streaks() -> None:
    today = D(2027, 3, 10)  # a Wednesday
    daily = Habit("d", "record", "", Cadence.DAILY, D(2027, 3, 1))
    weekly = Habit("w", "loan page", "", Cadence.WEEKLY, D(2027, 3, 1))
    archived = Habit("x", "old", "", Cadence.DAILY, D(2027, 3, 1), archived=True)
    d_progress = start_progress(daily)
    for day in (D(2027, 3, 8), D(2027, 3, 9), D(2027, 3, 10)):
        d_progress = check_in(daily, d_progress, CheckinMonth("2027-03"), day, day).progress
    w_progress = start_progress(weekly)
    w_progress = check_in(weekly, w_progress, CheckinMonth("2027-03"), D(2027, 3, 2), D(2027, 3, 2)).progress
    rows = habits_today([(daily, d_progress), (weekly, w_progress), (archived, start_progress(archived))], today)
    assert [(row.habit_id, row.done, row.streak, row.period_end) for row in rows] == [
        ("w", False, 1, D(2027, 3, 14)),  # this week still open: the streak of 1 stands
        ("d", True, 3, D(2027, 3, 10)),
    ]
    resting = plan_rest(weekly, w_progress, CheckinMonth("2027-03"), today, today).progress
    row = habit_today(weekly, resting, today)
    assert (row.done, row.resting, row.streak) == (False, True, 1)


def test_daily_history_is_twelve_whole_iso_weeks_for_a_heat_map() -> None:
    item = Habit("d", "record", "", Cadence.DAILY, D(2027, 2, 1))
    progress = start_progress(item)
    today = D(2027, 3, 10)  # Wednesday
    for day in (D(2027, 3, 1), D(2027, 3, 2), D(2027, 3, 4), D(2027, 3, 9)):
        month = CheckinMonth(filing_month(item.cadence, day))
        progress = check_in(item, progress, month, day, today).progress
    progress = plan_rest(item, progress, CheckinMonth("2027-03"), D(2027, 3, 12), today).progress
    marks = history(item, progress, today)
    weeks = history_weeks(marks)
    assert len(marks) == 84 and len(weeks) == 12
    assert marks[0].start == D(2026, 12, 21) and marks[-1].start == D(2027, 3, 14)  # Monday .. Sunday
    states = {mark.start: mark.state for mark in marks}
    assert states[D(2027, 1, 31)] is PeriodState.BEFORE_START
    assert states[D(2027, 2, 1)] is PeriodState.MISSED
    assert states[D(2027, 3, 3)] is PeriodState.MISSED
    assert states[D(2027, 3, 9)] is PeriodState.DONE
    assert states[D(2027, 3, 10)] is PeriodState.OPEN
    assert states[D(2027, 3, 11)] is PeriodState.UPCOMING
    assert states[D(2027, 3, 12)] is PeriodState.REST
    assert done_counts(weeks)[-2:] == (3, 1)  # week of 1 March: 1, 2, 4; week of 8 March: 9


def test_monthly_history_is_the_last_twelve_months() -> None:
    item = Habit("m", "fund", "", Cadence.MONTHLY, D(2026, 1, 1))
    progress = check_in(item, start_progress(item), CheckinMonth("2027-02"), D(2027, 2, 28), D(2027, 3, 1)).progress
    marks = history(item, progress, D(2027, 3, 1))
    assert [mark.start for mark in marks][0] == D(2026, 4, 1) and marks[-1].end == D(2027, 3, 31)
    assert [mark.state for mark in marks[-2:]] == [PeriodState.DONE, PeriodState.OPEN]
    with pytest.raises(ValueError):
        history_weeks(marks)
