"""Two hundred random kills (SIGKILL and SIGHUP) of processes saving through the services, then one more
start: every file opens, every acknowledged write is there, no temp file or damaged copy is left; and a
folder opens and exports 30 times out of 30 while another process writes.

The writers are forks of one long-lived process (``killer.py``), so a kill costs milliseconds, not a
new interpreter. The folder is on tmpfs when the machine has one: a killed process leaves the page
cache behind it, so fsync plays no part in what a kill can break, and the run stays cheap.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from jiebei_tui.factory import open_services
from jiebei_tui.services import note_draft_key
from jiebei_tui.store.calls import COMMITMENTS_TABLE, commitment_key
from jiebei_tui.store.emergency import emergency_files
from jiebei_tui.store.files import decode

KILLER = Path(__file__).with_name("killer.py")
KILLS = 200


@pytest.fixture
def folder() -> Iterator[Path]:
    shm = Path("/dev/shm")
    with tempfile.TemporaryDirectory(dir=shm if shm.is_dir() and os.access(shm, os.W_OK) else None) as name:
        yield Path(name)


def run(*args: object) -> dict[str, int]:
    result = subprocess.run([sys.executable, str(KILLER), *map(str, args)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


def test_random_kills_lose_no_acknowledged_write(folder: Path) -> None:
    data_dir, acks = folder / "data", folder / "acks"
    told = run("kills", data_dir, acks, KILLS, int.from_bytes(os.urandom(2), "big"))
    assert told["kills"] == KILLS and told["sighup"] > 50 and told["sigkill"] > 50

    services = open_services(data_dir)  # the next start: leftovers removed, emergency files merged
    news = services.store.take_news()
    assert not news.recoveries and not news.newer and news.not_writable is None
    assert emergency_files(data_dir) == []
    everything = [path for path in data_dir.rglob("*") if path.is_file()]
    assert not [path for path in everything if path.suffix == ".tmp" or ".corrupt-" in path.name]
    for path in everything:
        if path.suffix == ".json" or path.name.endswith(".json.bak"):
            decode(path, path.read_bytes())  # every data file and backup is whole

    lines = [line.split(" ") for line in acks.read_text(encoding="utf-8").splitlines()]
    kinds = {words[0] for words in lines}
    assert {"note", "commitment", "tick", "selfcheck", "plan", "habit", "spend", "draft"} <= kinds
    calls, store = services.calls, services.store
    notes: dict[str, set[str]] = {}
    records = {}

    def record(record_id: str):
        if record_id not in records:
            records[record_id] = calls.get(record_id)
            assert records[record_id] is not None, f"call {record_id} lost"
            notes[record_id] = {note.id for note in calls.notes(records[record_id])}
        return records[record_id]

    plan_ids = {summary.id for summary in services.plans.summaries()}
    habit_ids = {habit.id for habit in services.habits.all()}
    best_selfcheck = max(int(words[1]) for words in lines if words[0] == "selfcheck")
    latest = services.selfchecks.latest()
    assert latest is not None and latest.input.debts[0].outstanding_principal >= best_selfcheck
    spends: dict[str, set[tuple[int, str]]] = {}
    for index, (kind, *rest) in enumerate(lines):
        if kind in ("record", "note", "commitment", "tick", "draft"):
            found = record(rest[0])
            if kind in ("note", "commitment"):
                assert rest[1] in notes[rest[0]], f"{kind} {rest[1]} lost"
            if kind == "commitment":
                note = next(note for note in calls.notes(found) if note.id == rest[1])
                assert rest[1] in store.view(COMMITMENTS_TABLE, period=commitment_key(note.to_dict()))
            if kind == "tick":
                assert rest[1] in found.checklist, f"tick {rest[1]} lost"
            if kind == "draft":  # the next writer to start found it, or it is still there
                found_by = next((words[1:] for words in lines[index + 1 :] if words[0] == "resumed"), None)
                record_id, session_id, text = rest
                if found_by is None:
                    assert store.get("drafts", note_draft_key(record_id, session_id))["value"]["text"] == text
                else:
                    assert found_by == [record_id, text], f"draft {rest} lost: the next start found {found_by}"
        elif kind == "plan":
            assert rest[0] in plan_ids and services.plans.get(rest[0]) is not None
        elif kind == "habit":
            assert rest[0] in habit_ids
        elif kind == "spend":
            month = rest[0]
            if month not in spends:
                spends[month] = {(spend.seq, spend.note) for spend in services.habits.spends(month).spends}
            assert (int(rest[1]), rest[2]) in spends[month]
    print(f"{KILLS} kills, {len(lines)} acknowledged writes, all present")


def test_a_folder_opens_30_times_out_of_30_while_another_process_writes(folder: Path) -> None:
    assert run("opens", folder / "data", 30) == {"opened": 30, "of": 30}
