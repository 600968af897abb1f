"""Habits, budget, fund, reflections and borrowing checks on disk: the only code that reads or writes them.

Contract (see ``store/tables.py``):

* ``habits`` (``habits/habits.json``): one document per habit, by habit id.
* ``habit_progress`` (``habits/progress.json``): one small streak index per habit
  (:class:`HabitProgress`, bounded in size), by habit id. Home reads this, never
  the check-ins.
* ``habit_checkins`` (``habits/checkins/YYYY-MM.json``): one :class:`CheckinMonth`
  per month, its id the month. A check-in, an undo or a rest writes that month's
  file and the progress file together (month first: if the second write is lost,
  the record still holds the check-in, and checking in again repairs the index).
* ``budget`` and ``fund`` (``habits/budget.json``, ``habits/fund.json``): one document each.
* ``spends`` (``habits/spends/YYYY-MM.json``): one :class:`SpendMonth` per month.
* ``reflections`` (``habits/reflections/YYYY-MM.json``, by the entry's day) and
  ``borrow_checks`` (``habits/borrow/YYYY.json``): one document per entry.

So a save touches one or two small files whatever the history holds. A
document that cannot be read back is skipped when listing and never
overwritten: a change that would replace it is refused (:class:`UnreadableError`).
Every ``save``/``put`` returns what :meth:`Store.put` returns: False means the
change is kept in memory and retried.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

from jiebei_tui.domain import habits as habits_domain
from jiebei_tui.domain.habits import (
    EmergencyFund,
    Habit,
    HabitEdit,
    HabitProgress,
    Reflection,
    month_of,
)
from jiebei_tui.store.atomic import atomic_write
from jiebei_tui.store.errors import LockTimeout, StoreError
from jiebei_tui.store.store import Store, new_id

HABITS_TABLE = "habits"
PROGRESS_TABLE = "habit_progress"
CHECKINS_TABLE = "habit_checkins"
BUDGET_TABLE = "budget"
SPENDS_TABLE = "spends"
FUND_TABLE = "fund"
REFLECTIONS_TABLE = "reflections"
BORROW_TABLE = "borrow_checks"
BUDGET_ID = "plan"
FUND_ID = "fund"

T = TypeVar("T")


class UnreadableError(ValueError):
    """A stored document could not be read back (edited by hand, or from a newer version): left as it is."""

    def __init__(self, table: str, doc_id: str) -> None:
        super().__init__(f"{table}/{doc_id} cannot be read; it is left untouched")
        self.table = table
        self.doc_id = doc_id


def _read(parse: Callable[[Any], T], doc: Mapping[str, Any] | None, doc_id: str | None = None) -> T | None:
    """``parse`` of a stored document, None when it is missing or unreadable."""
    if doc is None:
        return None
    try:
        return parse({**doc, "id": doc_id} if doc_id is not None else doc)
    except (KeyError, TypeError, ValueError, ArithmeticError):
        return None


class HabitsRepo:
    """Reads and writes the habits area through a :class:`Store`."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @staticmethod
    def new_id() -> str:
        return new_id()

    # ----- habits and their streak indexes -----------------------------------------------------

    def habits(self) -> list[Habit]:
        """Every readable habit (archived ones too), in the order they were started.

        Habits added on the same day keep the order they were added in (the file's order; the sort
        is stable): several are often added on the first day, and ids are random.
        """
        view = self.store.view(HABITS_TABLE)
        found = [habit for doc_id, doc in view.items() if (habit := _read(Habit.from_dict, doc, doc_id)) is not None]
        return sorted(found, key=lambda habit: habit.started)

    def habit(self, habit_id: str) -> Habit | None:
        return _read(Habit.from_dict, self.store.view(HABITS_TABLE).get(habit_id), habit_id)

    def progress_all(self) -> dict[str, HabitProgress]:
        """Every readable streak index, by habit id (one small file)."""
        view = self.store.view(PROGRESS_TABLE)
        return {doc_id: found for doc_id, doc in view.items() if (found := _read(HabitProgress.from_dict, doc)) is not None}

    def save_habit(self, habit: Habit, progress: HabitProgress | None = None) -> bool:
        """A new or changed habit; a new one also gets its (empty) streak index."""
        durable = self.store.put(HABITS_TABLE, habit.id, habit.to_dict())
        if progress is not None:
            durable = self.store.put(PROGRESS_TABLE, habit.id, progress.to_dict()) and durable
        return durable

    def save_progress(self, progress: HabitProgress) -> bool:
        return self.store.put(PROGRESS_TABLE, progress.habit_id, progress.to_dict())

    def delete_habit(self, habit: Habit) -> bool:
        """Forget a habit with its index; its check-ins stay in the month files (a month file is
        only rewritten when something in it changes, and old months never are)."""
        durable = self.store.delete(PROGRESS_TABLE, habit.id)
        return self.store.delete(HABITS_TABLE, habit.id) and durable

    # ----- check-ins ---------------------------------------------------------------------------

    def checkin_month(self, month: str) -> habits_domain.CheckinMonth:
        """The record of one month (empty when nothing was filed there). UnreadableError if damaged."""
        doc = self.store.view(CHECKINS_TABLE, period=month).get(month)
        if doc is None:
            return habits_domain.CheckinMonth(month)
        found = _read(habits_domain.CheckinMonth.from_dict, doc)
        if found is None or found.month != month:
            raise UnreadableError(CHECKINS_TABLE, month)
        return found

    def checkin_months(self) -> Iterator[habits_domain.CheckinMonth]:
        """Every readable month record, oldest first (rebuilding an index; never on Home)."""
        for month in self.store.periods(CHECKINS_TABLE):
            view = self.store.view(CHECKINS_TABLE, period=month, keep=False)
            found = _read(habits_domain.CheckinMonth.from_dict, view.get(month))
            if found is not None:
                yield found

    def save_checkin_month(self, month: habits_domain.CheckinMonth) -> bool:
        """A whole month record at once (building or importing a history; a screen saves edits)."""
        return self.store.put(CHECKINS_TABLE, month.month, month.to_dict(), period=month.month)

    def save_edit(self, edit: HabitEdit) -> bool:
        """The month record and the streak index of one check-in, undo or rest, written together."""
        month = edit.month
        return self._together(
            (CHECKINS_TABLE, month.month, month.to_dict(), month.month),
            (PROGRESS_TABLE, edit.progress.habit_id, edit.progress.to_dict(), None),
        )

    def _together(self, *changes: tuple[str, str, dict[str, Any], str | None]) -> bool:
        """Several files in one group write (each fsynced, renamed in order, folders fsynced once).

        When the disk refuses, or changes already wait in memory, each change goes through
        ``put`` instead: kept in memory in the same order and retried like every other write.
        """
        if not self.store.pending_count:
            try:
                with self.store.bulk():
                    for table, doc_id, doc, period in changes:
                        self.store.stage(table, doc_id, doc, period=period)
                return True
            except (OSError, LockTimeout, StoreError):
                pass  # the puts below keep the changes and say so
        durable = True
        for table, doc_id, doc, period in changes:
            durable = self.store.put(table, doc_id, doc, period=period) and durable
        return durable

    # ----- budget and spends -------------------------------------------------------------------

    def budget(self) -> habits_domain.BudgetPlan | None:
        """The saved plan, None when none was saved yet (or it cannot be read: see ``budget_unreadable``)."""
        return _read(habits_domain.BudgetPlan.from_dict, self.store.view(BUDGET_TABLE).get(BUDGET_ID))

    def budget_unreadable(self) -> bool:
        doc = self.store.view(BUDGET_TABLE).get(BUDGET_ID)
        return doc is not None and _read(habits_domain.BudgetPlan.from_dict, doc) is None

    def save_budget(self, plan: habits_domain.BudgetPlan) -> bool:
        if self.budget_unreadable():
            raise UnreadableError(BUDGET_TABLE, BUDGET_ID)
        return self.store.put(BUDGET_TABLE, BUDGET_ID, plan.to_dict())

    def spends(self, month: str) -> habits_domain.SpendMonth:
        """One month's spends (empty when none). UnreadableError if the month's file is damaged."""
        doc = self.store.view(SPENDS_TABLE, period=month).get(month)
        if doc is None:
            return habits_domain.SpendMonth(month)
        found = _read(habits_domain.SpendMonth.from_dict, doc)
        if found is None or found.month != month:
            raise UnreadableError(SPENDS_TABLE, month)
        return found

    def spend_months(self) -> list[str]:
        """Months with spends on disk or waiting in memory, newest first (a folder listing, no reads)."""
        return sorted(self.store.periods(SPENDS_TABLE), reverse=True)

    def save_spends(self, month: habits_domain.SpendMonth) -> bool:
        return self.store.put(SPENDS_TABLE, month.month, month.to_dict(), period=month.month)

    # ----- emergency fund ----------------------------------------------------------------------

    def fund(self) -> EmergencyFund | None:
        return _read(EmergencyFund.from_dict, self.store.view(FUND_TABLE).get(FUND_ID))

    def save_fund(self, fund: EmergencyFund) -> bool:
        doc = self.store.view(FUND_TABLE).get(FUND_ID)
        if doc is not None and _read(EmergencyFund.from_dict, doc) is None:
            raise UnreadableError(FUND_TABLE, FUND_ID)
        return self.store.put(FUND_TABLE, FUND_ID, fund.to_dict())

    # ----- reflections -------------------------------------------------------------------------

    def _reflections_in(self, month: str, *, keep: bool = True) -> list[Reflection]:
        view = self.store.view(REFLECTIONS_TABLE, period=month, keep=keep)
        found = [entry for doc_id, doc in view.items() if (entry := _read(Reflection.from_dict, doc, doc_id)) is not None]
        return sorted(found, key=lambda entry: entry.day)

    def iter_reflections(self) -> Iterator[list[Reflection]]:
        """A month at a time, newest month first (each month's entries oldest first)."""
        for month in sorted(self.store.periods(REFLECTIONS_TABLE), reverse=True):
            yield self._reflections_in(month, keep=False)

    def reflections(self) -> list[Reflection]:
        """Every readable entry, oldest first (the journal view)."""
        return [entry for batch in reversed(list(self.iter_reflections())) for entry in batch]

    def latest_reflections(self) -> list[Reflection]:
        """The entries of the newest month that has any (Home: one small file)."""
        for month in sorted(self.store.periods(REFLECTIONS_TABLE), reverse=True):
            found = self._reflections_in(month)
            if found:
                return found
        return []

    def save_reflection(self, entry: Reflection) -> bool:
        return self.store.put(REFLECTIONS_TABLE, entry.id, entry.to_dict(), period=month_of(entry.day))

    def delete_reflection(self, entry: Reflection) -> bool:
        return self.store.delete(REFLECTIONS_TABLE, entry.id, period=month_of(entry.day))

    # ----- before borrowing again --------------------------------------------------------------

    def borrow_checks(self) -> list[habits_domain.BorrowCheck]:
        """Every readable saved check, newest first."""
        found: list[habits_domain.BorrowCheck] = []
        for year in self.store.periods(BORROW_TABLE):
            view = self.store.view(BORROW_TABLE, period=year, keep=False)
            found += [check for doc_id, doc in view.items() if (check := _read(habits_domain.BorrowCheck.from_dict, doc, doc_id))]
        return sorted(found, key=lambda check: (check.day, check.id), reverse=True)

    def save_borrow_check(self, check: habits_domain.BorrowCheck) -> bool:
        return self.store.put(BORROW_TABLE, check.id, check.to_dict(), period=f"{check.day.year:04d}")



def write_calendar(path: Path, data: bytes) -> None:
    """An .ics export: atomic and private (0600), like every export."""
    atomic_write(path, data)
