"""Durable writes at a heavy user's size, each beside plain TinyDB holding the same documents.

Ours: the repo calls the screens make (``CallsRepo.save_note``, ``change``,
``save``, ``save_snapshot``), timed until they return (the file is fsynced and
renamed, the folder fsynced). Baseline: TinyDB 4.9 with its default
``JSONStorage`` (one ``db.json`` with every table, rewritten in place with an
fsync on every write), doing the same change the plain way. Samples are
interleaved (a baseline sample after every few of ours) so both see the same
machine.
"""

from __future__ import annotations

import json
import os
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from heavy import CST, selfcheck_input
from tinydb import TinyDB
from tinydb.table import Document, Table

from jiebei_tui.domain.calls import CHECKLIST_KEYS, CallRecord, RecordKind, new_note, new_record
from jiebei_tui.domain.habits import add_spend, check_in, filing_month, month_of, remove_spend, undo_check_in
from jiebei_tui.domain.selfcheck import assess
from jiebei_tui.store.atomic import atomic_write
from jiebei_tui.store.calls import CallsRepo
from jiebei_tui.store.habits import CHECKINS_TABLE, PROGRESS_TABLE, SPENDS_TABLE, HabitsRepo
from jiebei_tui.store.selfcheck import save_snapshot, snapshot_on
from jiebei_tui.store.store import Store, new_id, open_store
from jiebei_tui.store.tables import INDEX_TABLE


class _StrTable(Table):
    document_id_class = str  # the same UUID-string ids as ours


class _PlainTinyDB(TinyDB):
    table_class = _StrTable


def plain_tinydb(directory: Path, target: Path) -> Path:
    """Every document of the folder in one TinyDB file, as the default JSONStorage writes it."""
    tables: dict[str, dict[str, Any]] = {}
    for path in sorted(directory.rglob("*.json")):
        if path.name == "index.json" or path.parent.name.startswith((".", "backup-")):
            continue
        for name, docs in json.loads(path.read_text(encoding="utf-8")).items():
            if name not in ("_meta", INDEX_TABLE):
                tables.setdefault(name, {}).update(docs)
    target.write_text(json.dumps(tables), encoding="utf-8")
    return target


@dataclass
class Row:
    name: str
    ours: list[float]
    baseline: list[float]


FLOOR: list[float] = []  # a bare atomic write of one small file, sampled between ours: the disk's own cost
FLUSH: list[float] = []  # one device flush: 6 KB rewritten in place and fdatasync'ed (no rename, no folder)


def _floor(probe: Path) -> None:
    began = time.perf_counter()
    atomic_write(probe / "probe.json", b"{}" * 3000, backup=probe / "probe.json.bak", tmp_dir=probe)
    FLOOR.append(time.perf_counter() - began)
    fd = os.open(probe / "flush.bin", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        began = time.perf_counter()
        os.pwrite(fd, b"x" * 6000, 0)
        os.fdatasync(fd)
        FLUSH.append(time.perf_counter() - began)
    finally:
        os.close(fd)


def _interleaved(name: str, ours: Callable[[int], None], base: Callable[[int], None], samples: int, base_samples: int,
                 probe: Path) -> Row:
    every = max(1, samples // base_samples)
    mine: list[float] = []
    theirs: list[float] = []
    for index in range(samples):
        began = time.perf_counter()
        ours(index)
        mine.append(time.perf_counter() - began)
        if index % 2:
            _floor(probe)
        if index % every == 0 and len(theirs) < base_samples:
            began = time.perf_counter()
            base(index)
            theirs.append(time.perf_counter() - began)
    return Row(name, mine, theirs)


def measure(directory: Path, plain_file: Path, samples: int, base_samples: int) -> list[Row]:
    """``directory``: a copy of the heavy folder (it is written to)."""
    probe = directory.parent / "fsync-probe"
    probe.mkdir(exist_ok=True)
    FLOOR.clear()
    FLUSH.clear()
    store, _ = open_store(directory)
    repo = CallsRepo(store)
    db = _PlainTinyDB(plain_file)  # default JSONStorage
    periods = repo.periods()  # days, newest first
    long_ago = (datetime.now(CST) - timedelta(days=913)).date().isoformat()  # 30 months
    old = next(r for day in periods if day <= long_ago for r in repo.records_in(day) if r.kind is not RecordKind.MISSED)
    current = next(r for day in periods for r in repo.records_in(day) if r.kind is not RecordKind.MISSED)
    rows = []

    def note_into(record: CallRecord, text: str) -> Callable[[int], None]:
        def save(index: int) -> None:
            note = new_note(repo.new_id(), record, text.format(index=index), datetime.now(CST))
            assert repo.save_note(record, note)

        return save

    def plain_note(index: int) -> None:
        doc = new_note(new_id(), current, f"他说第{index}次：下周上门", datetime.now(CST)).to_dict()
        db.table("notes").insert(Document(doc, doc_id=doc.pop("id")))

    rows.append(_interleaved("note, call of 30 months ago", note_into(old, "他说第{index}次：下周上门"), plain_note, samples, base_samples, probe))
    rows.append(_interleaved("note, call of the current month", note_into(current, "他说第{index}次：下周上门"), plain_note, samples, base_samples, probe))

    def plain_commitment(index: int) -> None:
        doc = new_note(new_id(), current, f"诺:明天还{index}00元", datetime.now(CST)).to_dict()
        note_id = doc.pop("id")
        db.table("notes").insert(Document(doc, doc_id=note_id))
        db.table("call_commitments").insert(Document(doc, doc_id=note_id))

    rows.append(_interleaved("commitment line", note_into(current, "诺:明天还{index}00元"), plain_commitment, samples, base_samples, probe))

    def tick(index: int) -> None:
        key = CHECKLIST_KEYS[index % len(CHECKLIST_KEYS)]
        assert repo.change(current.id, lambda record: record.toggled_check(key)) is not None

    def plain_tick(index: int) -> None:
        key = CHECKLIST_KEYS[index % len(CHECKLIST_KEYS)]
        calls = db.table("calls")
        doc = dict(calls.get(doc_id=current.id) or {})
        doc["checklist"] = sorted(set(doc.get("checklist", [])) ^ {key})
        calls.update(doc, doc_ids=[current.id])

    rows.append(_interleaved("checklist tick", tick, plain_tick, samples, base_samples, probe))

    inp = selfcheck_input(random.Random(1), Decimal("18000"))

    def selfcheck(index: int) -> None:
        taken = datetime.now(CST)
        same_day = snapshot_on(store, taken.date())  # what the screen does: saving again the same day updates
        save_snapshot(store, inp, assess(inp, taken.date()), taken, doc_id=same_day.id if same_day else None)

    def plain_selfcheck(index: int) -> None:
        taken = datetime.now(CST)
        doc = {"taken_at": taken.isoformat(), "input": inp.to_dict(), "summary": assess(inp, taken.date()).summary_dict()}
        checks = db.table("selfchecks")
        if checks.contains(doc_id="today"):
            checks.update(doc, doc_ids=["today"])
        else:
            checks.insert(Document(doc, doc_id="today"))

    rows.append(_interleaved("self-check save", selfcheck, plain_selfcheck, samples, base_samples, probe))

    def call_start(index: int) -> None:
        assert repo.save(new_record(repo.new_id(), RecordKind.CALL, datetime.now(CST) + timedelta(seconds=index)))

    def plain_call_start(index: int) -> None:
        doc = new_record(new_id(), RecordKind.CALL, datetime.now(CST)).to_dict()
        db.table("calls").insert(Document(doc, doc_id=doc.pop("id")))

    rows.append(_interleaved("call start (new record)", call_start, plain_call_start, max(10, samples // 4), base_samples, probe))
    rows += _habit_rows(store, db, samples, base_samples, probe)
    db.close()
    rows.append(Row("reference: a bare atomic write of one 6 KB file (the disk's floor)", list(FLOOR), []))
    rows.append(Row("reference: one device flush (6 KB rewritten in place, fdatasync)", list(FLUSH), []))
    return rows


def _habit_rows(store: Store, db: TinyDB, samples: int, base_samples: int, probe: Path) -> list[Row]:
    """A check-in (and its undo, alternately) on a daily habit with five years of check-ins, and a spend.

    What the Habits screen does: read this month's record and the progress index, change both in the
    domain, write them together. Baseline: the same two documents updated in one TinyDB file.
    """
    habits = HabitsRepo(store)
    habit = next(found for found in habits.habits() if found.id == "hab-record_spending")
    today = datetime.now(CST).date()

    def tick(index: int) -> None:
        progress = habits.progress_all()[habit.id]
        month = habits.checkin_month(filing_month(habit.cadence, today))
        change = undo_check_in if progress.is_done(today) else check_in
        assert habits.save_edit(change(habit, progress, month, today, today))

    def plain_tick(index: int) -> None:
        for table, doc_id in ((CHECKINS_TABLE, month_of(today)), (PROGRESS_TABLE, habit.id)):
            found = db.table(table)
            doc = dict(found.get(doc_id=doc_id) or {})
            doc["touched"] = index
            found.update(doc, doc_ids=[doc_id])

    rows = [_interleaved("habit check-in (five years of daily check-ins)", tick, plain_tick, samples, base_samples, probe)]
    plan = habits.budget()
    assert plan is not None

    def spend(index: int) -> None:
        month = habits.spends(month_of(today))
        if index % 2:  # keep the month's size steady: every other sample removes the one added before
            assert habits.save_spends(remove_spend(month, month.spends[-1].seq))
        else:
            assert habits.save_spends(add_spend(month, plan, today, "food", f"{index % 90 + 10}.50", "午饭"))

    def plain_spend(index: int) -> None:
        found = db.table(SPENDS_TABLE)
        doc = dict(found.get(doc_id=month_of(today)) or {})
        doc["touched"] = index
        found.update(doc, doc_ids=[month_of(today)])

    rows.append(_interleaved("spend (this month's ~330 spends)", spend, plain_spend, samples, base_samples, probe))
    return rows
