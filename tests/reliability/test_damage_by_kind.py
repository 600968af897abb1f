"""Damage and a newer version's file injected while running, in every kind of file the store keeps
(each declared table, the call index shards, jiebei.json, drafts.json): no exception, nothing saved
lost, nothing written over a newer file, and the user told."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jiebei_tui.store.schema import SCHEMA_VERSION
from jiebei_tui.store.store import open_store
from jiebei_tui.store.tables import DAY, MAIN, MONTH, PLAN_STATE, RECORD_ID, TABLES, YEAR, TableSpec

PERIODS = {DAY: "2026-11-23", MONTH: "2026-11", YEAR: "2026", RECORD_ID: "r1", PLAN_STATE: "open"}
SPECS = list(TABLES.values())


def period(spec: TableSpec) -> str | None:
    return None if spec.key is None else PERIODS[spec.key]


def file_of(directory: Path, spec: TableSpec) -> Path:
    return spec.path(directory, period(spec))


@pytest.mark.parametrize("spec", SPECS, ids=[spec.name for spec in SPECS])
@pytest.mark.parametrize("damage", [b"x", b"{\"_meta\": 1, \"t\": [", b"[" * 5000 + b"]" * 5000])
def test_damage_while_running_loses_nothing(data_dir: Path, spec: TableSpec, damage: bytes) -> None:
    store, _ = open_store(data_dir)
    when = period(spec)
    assert store.put(spec.name, "d1", {"text": "一", "n": 1}, period=when)
    assert store.put(spec.name, "d2", {"text": "二", "n": 2}, period=when)
    store.take_news()
    file_of(data_dir, spec).write_bytes(damage)  # another program, in place
    assert store.put(spec.name, "d3", {"text": "三", "n": 3}, period=when) is True
    news = store.take_news()
    assert [recovery.path for recovery in news.recoveries] == [file_of(data_dir, spec)]
    assert news.recoveries[0].moved_to.read_bytes() == damage  # kept aside, never deleted
    assert {doc["id"] for doc in store.all(spec.name, period=when)} >= {"d1", "d2", "d3"}
    again, _ = open_store(data_dir)  # what the next start reads
    assert {doc["id"] for doc in again.all(spec.name, period=when)} >= {"d1", "d2", "d3"}


@pytest.mark.parametrize("spec", SPECS, ids=[spec.name for spec in SPECS])
def test_a_newer_file_while_running_is_left_alone_and_the_change_waits(data_dir: Path, spec: TableSpec) -> None:
    store, _ = open_store(data_dir)
    when = period(spec)
    assert store.put(spec.name, "d1", {"text": "一"}, period=when)
    path = file_of(data_dir, spec)
    future = json.loads(path.read_text(encoding="utf-8"))
    future["_meta"] = {"schema": {"version": SCHEMA_VERSION + 90}}
    newer = json.dumps(future).encode()
    path.write_bytes(newer)  # a newer release, run meanwhile, rewrote it
    assert store.put(spec.name, "d2", {"text": "二"}, period=when) is False  # kept in memory, not written over
    assert store.get(spec.name, "d2", period=when) is not None  # and shown
    assert path.read_bytes() == newer
    assert [error.path for error in store.take_news().newer] == [path]
    assert store.pending_count == 1
    path.unlink()  # that version's file goes away (or this one is updated): the change lands
    assert store.retry_pending() is True
    assert open_store(data_dir)[0].get(spec.name, "d2", period=when) is not None


def test_a_damaged_call_index_is_rebuilt_while_running(data_dir: Path) -> None:
    store, _ = open_store(data_dir)
    calls = next(spec for spec in SPECS if spec.name == "calls")
    for number in range(20):
        assert store.put("calls", f"c{number}", {"started_at": "2026-11-23T20:00:00+08:00"})
    for path in calls.index_paths(data_dir):
        if path.exists():
            path.write_bytes(b"\x00garbage")
    assert store.put("calls", "c20", {"started_at": "2026-11-24T20:00:00+08:00"}) is True
    fresh, _ = open_store(data_dir)
    assert {f"c{number}" for number in range(21)} <= {doc["id"] for doc in fresh.all("calls")}
    assert all(fresh.get("calls", f"c{number}") is not None for number in range(21))  # found by id alone


def test_garbage_in_the_main_file_while_running(data_dir: Path) -> None:
    store, _ = open_store(data_dir)
    assert store.put(MAIN.name, "preferences", {"language": "en"})
    MAIN.path(data_dir).write_bytes(b"\x1b[2J not json")
    assert store.put(MAIN.name, "preferences", {"language": "zh-Hant"}) is True
    assert open_store(data_dir)[0].get(MAIN.name, "preferences") == {"id": "preferences", "language": "zh-Hant"}
