"""The habits area as the screens use it: habits and check-ins, the budget, the fund, reflections,
the check before borrowing, and the reminders with their .ics export.

"Today" is always the shared clock read in the user's zone (``clock().date()``).
Nothing here reads a whole history except on request (the journal, past borrowing
checks): streaks come from the small progress index, a month's budget from that
month's file and the one before it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Final

from jiebei_tui.domain import habits as h
from jiebei_tui.domain.calls import Commitment
from jiebei_tui.domain.causes import Cause
from jiebei_tui.domain.selfcheck import SelfCheckInput
from jiebei_tui.services.selfcheck import SelfChecks
from jiebei_tui.store.calls import CallsRepo
from jiebei_tui.store.habits import HabitsRepo, write_calendar

PROMISES_SINCE_DAYS: Final = 14  # a promise that passed two weeks ago still shows (as Home's panel does)
REMINDER_DAYS: Final = 366  # the reminders list and the .ics: a year ahead


@dataclass(frozen=True)
class Toggled:
    """What one key on a habit did: ``checked`` True for a check-in, False for an undo."""

    checked: bool
    today: h.HabitToday


class Habits:
    def __init__(self, repo: HabitsRepo, selfchecks: SelfChecks, calls: CallsRepo, clock: Callable[[], datetime]) -> None:
        self.repo = repo
        self._selfchecks = selfchecks
        self._calls = calls
        self._clock = clock
        # Plans' unpaid instalments (set when Plans is wired in): see domain.habits.DueFeed.
        self.plan_feed: h.DueFeed | None = None

    def today(self) -> date:
        return self._clock().date()

    # ----- habits ------------------------------------------------------------------------------

    def all(self) -> list[h.Habit]:
        return self.repo.habits()

    def _progress_of(self, habit: h.Habit, indexes: dict[str, h.HabitProgress]) -> h.HabitProgress:
        """The habit's index; rebuilt from the month records (and saved) if it was lost."""
        found = indexes.get(habit.id)
        if found is not None and found.cadence is habit.cadence:
            return found
        rebuilt = h.rebuild_progress(habit, self.repo.checkin_months(), self.today())
        self.repo.save_progress(rebuilt)
        indexes[habit.id] = rebuilt
        return rebuilt

    def active(self) -> list[tuple[h.Habit, h.HabitProgress]]:
        """Habits not archived, each with its streak index (two small files)."""
        indexes = self.repo.progress_all()
        return [(habit, self._progress_of(habit, indexes)) for habit in self.all() if not habit.archived]

    def today_rows(self) -> tuple[h.HabitToday, ...]:
        return h.habits_today(self.active(), self.today())

    def archived(self) -> list[h.Habit]:
        return [habit for habit in self.all() if habit.archived]

    def starters(self) -> tuple[h.StarterHabit, ...]:
        """Starters not adopted yet."""
        return h.unused_starters(self.all())

    def adopt(self, key: str) -> h.Habit:
        habit = h.adopt_starter(key, self.repo.new_id(), self.today())
        self.repo.save_habit(habit, h.start_progress(habit))
        return habit

    def add_own(self, name: str, why: str, cadence: h.Cadence) -> h.Habit:
        """InputError for the name or the reason (nothing saved then)."""
        habit = h.new_habit(self.repo.new_id(), name, why, cadence, self.today())
        self.repo.save_habit(habit, h.start_progress(habit))
        return habit

    def _habit(self, habit_id: str) -> h.Habit:
        habit = self.repo.habit(habit_id)
        if habit is None:
            raise KeyError(habit_id)
        return habit

    def rename(self, habit_id: str, name: str, why: str) -> h.Habit:
        habit = h.rename_habit(self._habit(habit_id), name, why)
        self.repo.save_habit(habit)
        return habit

    def set_archived(self, habit_id: str, archived: bool) -> h.Habit:
        """Archive (hidden from today, its record kept) or restore a habit."""
        habit = self._habit(habit_id)
        changed = replace(habit, archived=archived)
        self.repo.save_habit(changed)
        return changed

    def _edit(
        self,
        habit_id: str,
        day: date,
        change: Callable[[h.Habit, h.HabitProgress, h.CheckinMonth, date, date], h.HabitEdit],
    ) -> h.HabitProgress:
        habit = self._habit(habit_id)
        indexes = self.repo.progress_all()
        progress = self._progress_of(habit, indexes)
        month = self.repo.checkin_month(h.filing_month(habit.cadence, day))
        edit = change(habit, progress, month, day, self.today())
        self.repo.save_edit(edit)
        return edit.progress

    def check_in(self, habit_id: str, day: date | None = None) -> h.HabitToday:
        """Tick ``day``'s period (today's by default). InputError says why not (already done, too old)."""
        progress = self._edit(habit_id, day or self.today(), h.check_in)
        return h.habit_today(self._habit(habit_id), progress, self.today())

    def undo(self, habit_id: str, day: date | None = None) -> h.HabitToday:
        progress = self._edit(habit_id, day or self.today(), h.undo_check_in)
        return h.habit_today(self._habit(habit_id), progress, self.today())

    def toggle_today(self, habit_id: str) -> Toggled:
        """The one key of the habits list: check in the current period, or take that check-in back."""
        habit = self._habit(habit_id)
        progress = self._progress_of(habit, self.repo.progress_all())
        if progress.is_done(self.today()):
            return Toggled(False, self.undo(habit_id))
        return Toggled(True, self.check_in(habit_id))

    def plan_rest(self, habit_id: str, day: date) -> h.HabitProgress:
        """A planned rest for ``day``'s period: the streak neither breaks nor grows. InputError if not allowed."""
        return self._edit(habit_id, day, h.plan_rest)

    def cancel_rest(self, habit_id: str, day: date) -> h.HabitProgress:
        return self._edit(habit_id, day, h.cancel_rest)

    def toggle_rest(self, habit_id: str, day: date) -> bool:
        """Plan a rest for ``day``'s period, or cancel the one planned there; True when one is planned now."""
        habit = self._habit(habit_id)
        if self._progress_of(habit, self.repo.progress_all()).is_rest(day):
            self.cancel_rest(habit_id, day)
            return False
        self.plan_rest(habit_id, day)
        return True

    def history(self, habit_id: str) -> tuple[h.PeriodMark, ...]:
        habit = self._habit(habit_id)
        return h.history(habit, self._progress_of(habit, self.repo.progress_all()), self.today())

    # ----- budget ------------------------------------------------------------------------------

    def _latest_input(self) -> SelfCheckInput | None:
        snapshot = self._selfchecks.latest()
        return None if snapshot is None else snapshot.input

    def budget(self) -> h.BudgetPlan:
        """The saved plan, or one made from the latest self-check's essentials (saved once changed)."""
        return self.repo.budget() or h.default_budget(self._latest_input())

    def change_budget(self, change: Callable[[h.BudgetPlan], h.BudgetPlan]) -> h.BudgetPlan:
        """Apply one edit (set_planned, add_category...) and save; InputError leaves nothing saved."""
        plan = change(self.budget())
        self.repo.save_budget(plan)
        return plan

    def spends(self, month: str | None = None) -> h.SpendMonth:
        return self.repo.spends(month or h.month_of(self.today()))

    def add_spend(self, category: str, amount_text: str, note: str = "", day: date | None = None) -> h.Spend:
        """A spend typed by the user (money parser); InputError beside the amount or the note."""
        day = day or self.today()
        month = self.repo.spends(h.month_of(day))
        updated = h.add_spend(month, self.budget(), day, category, amount_text, note)
        self.repo.save_spends(updated)
        added = {spend.seq for spend in updated.spends} - {spend.seq for spend in month.spends}
        return next(spend for spend in updated.spends if spend.seq in added)

    def remove_spend(self, month: str, seq: int) -> None:
        self.repo.save_spends(h.remove_spend(self.repo.spends(month), seq))

    def report(self, month: str | None = None) -> h.BudgetReport:
        return h.month_report(self.budget(), self.spends(month))

    def comparison(self, month: str | None = None) -> h.MonthComparison:
        """This month (or ``month``) against the month before: two small files."""
        this = self.spends(month)
        return h.compare_months(self.budget(), this, self.repo.spends(h.previous_month(this.month)), self.today())

    # ----- emergency fund ----------------------------------------------------------------------

    def saved_fund(self) -> h.EmergencyFund | None:
        return self.repo.fund()

    def fund(self) -> h.EmergencyFund:
        """The saved fund, or one aimed at three months of the latest self-check's essentials."""
        return self.repo.fund() or h.fund_from_selfcheck(self._latest_input())

    def change_fund(self, change: Callable[[h.EmergencyFund], h.EmergencyFund]) -> h.FundStatus:
        """Apply one edit (set_current, deposit...) and save; InputError leaves nothing saved."""
        fund = change(self.fund())
        self.repo.save_fund(fund)
        return h.fund_status(fund, self.today())

    def fund_status(self) -> h.FundStatus:
        return h.fund_status(self.fund(), self.today())

    # ----- reflection --------------------------------------------------------------------------

    def reflect(self, causes: Iterable[Cause], own_words: str = "", next_time: str = "") -> h.Reflection:
        """A dated entry; InputError when it holds nothing."""
        entry = h.new_reflection(self.repo.new_id(), self.today(), causes, own_words, next_time)
        self.repo.save_reflection(entry)
        return entry

    def reflections(self) -> list[h.Reflection]:
        """The whole journal, newest first."""
        return list(reversed(self.repo.reflections()))

    def delete_reflection(self, entry: h.Reflection) -> None:
        self.repo.delete_reflection(entry)

    def latest_reflection_day(self) -> date | None:
        """Home: the newest month with entries only."""
        latest = h.latest(self.repo.latest_reflections())
        return None if latest is None else latest.day

    def why_i_fell_behind(self) -> h.FellBehind | None:
        """For the negotiation script: the newest entry that says why (reads back a month at a time)."""
        for batch in self.repo.iter_reflections():
            found = h.why_i_fell_behind(batch)
            if found is not None:
                return found
        return None

    # ----- before borrowing again --------------------------------------------------------------

    def check_borrowing(self, answers: h.BorrowAnswers) -> h.BorrowCheck:
        """Judged against the latest self-check's monthly surplus, saved with its answer."""
        check = h.check_borrowing(self.repo.new_id(), self.today(), answers, self._selfchecks.latest_summary())
        self.repo.save_borrow_check(check)
        return check

    def borrow_checks(self) -> list[h.BorrowCheck]:
        return self.repo.borrow_checks()

    # ----- reminders ---------------------------------------------------------------------------

    def open_promises(self) -> list[Commitment]:
        """Open promises from calls due from two weeks ago on, or undated and made since then."""
        since = self.today() - timedelta(days=PROMISES_SINCE_DAYS)
        return [commitment for commitment, _record in self._calls.open_commitments(since=since)]

    def due(
        self,
        until: date,
        *,
        selfcheck: SelfCheckInput | None = None,
        promises: Iterable[Commitment] | None = None,
    ) -> tuple[h.DueItem, ...]:
        """Every debt due day from today to ``until``, open promises and unpaid instalments up to it
        (earlier ones too: they are overdue), soonest first. Pass what the caller already read."""
        return h.gather_due(
            self.today(),
            until,
            selfcheck=selfcheck if selfcheck is not None else self._latest_input(),
            commitments=promises if promises is not None else self.open_promises(),
            plans=self.plan_feed,
        )

    def reminders(self) -> tuple[h.DueItem, ...]:
        """The reminders list and the .ics: a year ahead."""
        return self.due(self.today() + timedelta(days=REMINDER_DAYS))

    def due_soon(self) -> tuple[h.DueSoon, ...]:
        """What the start banner lists: overdue, then due within seven days."""
        return h.due_soon(self.due(self.today() + timedelta(days=h.BANNER_DAYS)), self.today())

    def export_reminders(self, path: Path, translate: Callable[[str], str], name: str) -> int:
        """Write the .ics of every reminder (private, atomic); returns how many events it holds."""
        items = self.reminders()
        write_calendar(path, h.reminders_calendar(items, translate=translate, stamp=self._clock(), name=name))
        return len(items)
