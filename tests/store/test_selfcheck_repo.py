"""Saved self-checks: the document contract other areas rely on, order, same-day updates, bad data."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

from jiebei_tui.domain.selfcheck import CashFlow, Debt, DebtKind, Entry, EssentialCategory, SelfCheckInput, assess
from jiebei_tui.store.selfcheck import (
    TABLE,
    delete_snapshot,
    get_snapshot,
    latest_snapshot,
    latest_summary,
    list_snapshots,
    save_snapshot,
    snapshot_on,
)
from jiebei_tui.store.store import open_store

TZ = timezone(timedelta(hours=8))


def sample(overdue: str = "20000", income: str = "8000") -> SelfCheckInput:
    debt = Debt(
        kind=DebtKind.JIEBEI,
        name="借呗",
        lender="重庆蚂蚁消费金融",
        outstanding_principal=Decimal("25000.00"),
        overdue_principal=Decimal(overdue),
        days_overdue=30,
        daily_rate=Decimal("0.0005"),
        penalty_multiplier=Decimal("1.5"),
        monthly_payment=Decimal("1500.00"),
    )
    cash = CashFlow(
        incomes=(Entry("工资", Decimal(income)),),
        essentials={EssentialCategory.RENT: Decimal("2500"), EssentialCategory.FOOD: Decimal("1500")},
    )
    return SelfCheckInput((debt,), cash)


def save(store, when: datetime, **kwargs: str) -> str:
    inp = sample(**kwargs)
    return save_snapshot(store, inp, assess(inp, when.date()), when)


def test_document_follows_the_contract(data_dir: Path) -> None:
    store, _ = open_store(data_dir)
    when = datetime(2026, 11, 23, 20, 30, tzinfo=TZ)
    inp = sample()
    assessment = assess(inp, when.date())
    snapshot_id = save_snapshot(store, inp, assessment, when)
    doc = store.get(TABLE, snapshot_id)
    assert TABLE == "selfchecks"
    assert doc == {
        "taken_at": "2026-11-23T20:30:00+08:00",
        "input": inp.to_dict(),
        "summary": assessment.summary_dict(),
        "id": snapshot_id,
    }
    snapshot = get_snapshot(store, snapshot_id)
    assert snapshot is not None
    assert snapshot.input == inp
    assert snapshot.summary == assessment.summary()
    assert snapshot.taken_at == when and snapshot.day == date(2026, 11, 23)


def test_list_is_oldest_first_and_latest_is_the_newest(data_dir: Path) -> None:
    store, _ = open_store(data_dir)
    assert list_snapshots(store) == [] and latest_summary(store) is None and latest_snapshot(store) is None
    newer = save(store, datetime(2026, 12, 1, 9, 0, tzinfo=TZ), overdue="15000")
    older = save(store, datetime(2026, 11, 1, 9, 0, tzinfo=TZ), overdue="20000")
    middle = save(store, datetime(2026, 11, 15, 9, 0, tzinfo=timezone.utc), overdue="18000")
    assert [s.id for s in list_snapshots(store)] == [older, middle, newer]
    summary = latest_summary(store)
    assert summary is not None and summary.as_of == date(2026, 12, 1)
    assert summary.total_overdue > Decimal("15000")  # principal plus accrued


def test_same_day_lookup_and_replacing_by_id(data_dir: Path) -> None:
    store, _ = open_store(data_dir)
    first = save(store, datetime(2026, 11, 23, 9, 0, tzinfo=TZ))
    found = snapshot_on(store, date(2026, 11, 23))
    assert found is not None and found.id == first
    assert snapshot_on(store, date(2026, 11, 22)) is None
    inp = sample(income="9000")
    when = datetime(2026, 11, 23, 21, 0, tzinfo=TZ)
    assert save_snapshot(store, inp, assess(inp, when.date()), when, doc_id=first) == first
    snapshots = list_snapshots(store)
    assert len(snapshots) == 1 and snapshots[0].input == inp


def test_unreadable_documents_are_skipped_not_fatal(data_dir: Path) -> None:
    store, _ = open_store(data_dir)
    good = save(store, datetime(2026, 11, 23, 9, 0, tzinfo=TZ))
    store.put(TABLE, "broken-1", {"taken_at": "yesterday", "input": {}, "summary": {}})
    store.put(TABLE, "broken-2", {"taken_at": "2026-11-20T10:00:00+08:00", "input": {"debts": [{"kind": "x"}]}})
    store.put(TABLE, "broken-3", {"summary": {"as_of": "2026-11-20", "verdict": "crisis"}})
    assert [s.id for s in list_snapshots(store)] == [good]
    assert get_snapshot(store, "broken-1") is None


def test_delete(data_dir: Path) -> None:
    store, _ = open_store(data_dir)
    keep = save(store, datetime(2026, 11, 1, 9, 0, tzinfo=TZ))
    drop = save(store, datetime(2026, 11, 2, 9, 0, tzinfo=TZ))
    assert delete_snapshot(store, drop)
    assert [s.id for s in list_snapshots(store)] == [keep]


def test_a_second_session_sees_a_new_snapshot(data_dir: Path) -> None:
    mine, _ = open_store(data_dir)
    other, _ = open_store(data_dir)
    save(mine, datetime(2026, 11, 1, 9, 0, tzinfo=TZ))
    save(other, datetime(2026, 11, 2, 9, 0, tzinfo=TZ))
    assert len(list_snapshots(mine)) == 2 == len(list_snapshots(other))
