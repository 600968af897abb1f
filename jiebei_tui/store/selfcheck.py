"""Saved self-checks: the only code that reads or writes them.

Contract (other areas rely on it): table ``"selfchecks"``, one file per year
(``selfchecks/YYYY.json``, by the day the self-check is for) with an id index,
one document per completed self-check::

    {"taken_at": "2026-11-23T20:30:00+08:00",
     "input": SelfCheckInput.to_dict(),
     "summary": Assessment.summary_dict()}

The half-done form is not stored here: it is a draft (``app.drafts``) until the
user completes the self-check. A document that cannot be read back (edited by
hand, or damaged) is skipped rather than allowed to break the screens.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from jiebei_tui.domain import selfcheck as selfcheck_domain
from jiebei_tui.domain.selfcheck import (
    SelfCheckInput,
    Summary,
)
from jiebei_tui.store.store import Store, new_id
from jiebei_tui.store.tables import key_for

TABLE = "selfchecks"


@dataclass(frozen=True)
class Snapshot:
    """One completed self-check as saved."""

    id: str
    taken_at: datetime
    input: SelfCheckInput
    summary: Summary

    @property
    def day(self) -> date:
        return self.summary.as_of


def snapshot_document(inp: SelfCheckInput, assessment: selfcheck_domain.Assessment, taken_at: datetime) -> dict[str, Any]:
    """The JSON document for one self-check (see the module docstring)."""
    return {"taken_at": taken_at.isoformat(), "input": inp.to_dict(), "summary": assessment.summary_dict()}


def save_snapshot(
    store: Store,
    inp: SelfCheckInput,
    assessment: selfcheck_domain.Assessment,
    taken_at: datetime,
    *,
    doc_id: str | None = None,
) -> str:
    """Save a completed self-check and return its id (``doc_id`` replaces that one).

    A failed disk write is kept in memory by the store and retried, so the
    id is valid either way.
    """
    snapshot_id = doc_id or new_id()
    doc = snapshot_document(inp, assessment, taken_at)
    store.put(TABLE, snapshot_id, doc, period=key_for(TABLE, doc))
    return snapshot_id


def _from_document(doc: Mapping[str, Any], doc_id: str | None = None) -> Snapshot | None:
    try:
        taken_at = datetime.fromisoformat(str(doc["taken_at"]))
        return Snapshot(
            id=str(doc_id if doc_id is not None else doc["id"]),
            taken_at=taken_at,
            input=SelfCheckInput.from_dict(doc.get("input") or {}),
            summary=Summary.from_dict(doc["summary"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def _sort_key(snapshot: Snapshot) -> tuple[float, str]:
    # .timestamp() works for aware and naive (local) datetimes alike.
    return (snapshot.taken_at.timestamp(), snapshot.id)


def _in_year(store: Store, year: str) -> list[Snapshot]:
    view = store.view(TABLE, period=year)
    return sorted((s for doc_id, doc in view.items() if (s := _from_document(doc, doc_id)) is not None), key=_sort_key)


def list_snapshots(store: Store) -> list[Snapshot]:
    """Every readable saved self-check, oldest first."""
    return sorted((s for year in store.periods(TABLE) for s in _in_year(store, year)), key=_sort_key)


def count_snapshots(store: Store) -> int:
    """How many self-checks are saved (reads the index only)."""
    return store.count(TABLE)


def get_snapshot(store: Store, snapshot_id: str) -> Snapshot | None:
    doc = store.get(TABLE, snapshot_id)
    return None if doc is None else _from_document(doc)


def latest_snapshot(store: Store) -> Snapshot | None:
    """The newest self-check: reads the latest year that has one, not the whole history."""
    for year in reversed(store.periods(TABLE)):
        snapshots = _in_year(store, year)
        if snapshots:
            return snapshots[-1]
    return None


def latest_summary(store: Store) -> Summary | None:
    """The numbers of the newest self-check (Home, call preparation), or None."""
    latest = latest_snapshot(store)
    return None if latest is None else latest.summary


def snapshot_on(store: Store, day: date) -> Snapshot | None:
    """The newest self-check dated ``day``: saving again the same day updates it."""
    same_day = [s for s in _in_year(store, f"{day.year:04d}") if s.day == day]
    return same_day[-1] if same_day else None


def delete_snapshot(store: Store, snapshot_id: str) -> bool:
    """Remove one saved self-check; False when the write is kept in memory to retry."""
    return store.delete(TABLE, snapshot_id)
