"""Saved self-checks as the screens use them: the list, the latest, and saving today's."""

from __future__ import annotations

from datetime import date, datetime

from jiebei_tui.domain import selfcheck as selfcheck_domain
from jiebei_tui.domain.selfcheck import (
    DebtKind,
    SelfCheckInput,
    Summary,
)
from jiebei_tui.store.selfcheck import (
    Snapshot,
    count_snapshots,
    delete_snapshot,
    get_snapshot,
    latest_snapshot,
    list_snapshots,
    save_snapshot,
    snapshot_on,
)
from jiebei_tui.store.store import Store


class SelfChecks:
    def __init__(self, store: Store) -> None:
        self._store = store

    def all(self) -> list[Snapshot]:
        """Every readable saved self-check, oldest first."""
        return list_snapshots(self._store)

    def get(self, snapshot_id: str) -> Snapshot | None:
        return get_snapshot(self._store, snapshot_id)

    def count(self) -> int:
        """How many are saved, without reading them (a screen that only says how many)."""
        return count_snapshots(self._store)

    def latest(self) -> Snapshot | None:
        """The newest self-check: reads the latest year that has one (Home, Habits), not the whole history."""
        return latest_snapshot(self._store)

    def latest_summary(self) -> Summary | None:
        """The numbers of the newest self-check (Home, call preparation), or None."""
        latest = self.latest()
        return None if latest is None else latest.summary

    def lender(self) -> str:
        """The lender the user copied from the loan page in the newest self-check (a Jiebei debt first), or ""."""
        latest = self.latest()
        debts = [] if latest is None else sorted(latest.input.debts, key=lambda debt: debt.kind is not DebtKind.JIEBEI)
        return next((debt.lender.strip() for debt in debts if debt.lender.strip()), "")

    def save(self, inp: SelfCheckInput, assessment: selfcheck_domain.Assessment, taken_at: datetime) -> bool:
        """Save a completed self-check dated ``assessment.today``; a second save that day replaces the first.

        Returns True when it replaced one (the user is told "updated").
        """
        day: date = assessment.today
        same_day = snapshot_on(self._store, day)
        save_snapshot(self._store, inp, assessment, taken_at, doc_id=same_day.id if same_day else None)
        return same_day is not None

    def delete(self, snapshot_id: str) -> bool:
        """False when the write is kept in memory to retry."""
        return delete_snapshot(self._store, snapshot_id)
