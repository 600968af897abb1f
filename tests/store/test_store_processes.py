"""The store across processes: killed writers, two sessions at once, seeing each other's changes."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from jiebei_tui.store.files import decode
from jiebei_tui.store.store import open_store

WRITER = r"""
import sys
from jiebei_tui.store.store import open_store
directory, prefix, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
store, _ = open_store(__import__("pathlib").Path(directory))
print("ready", flush=True)
for i in range(count):
    doc_id = f"{prefix}-{i}"
    period = "2026-11" if i % 2 else None
    table = "notes" if period else "calls"
    if not store.put(table, doc_id, {"i": i, "text": "笔记" * 40}, period=period):
        print("not-saved", doc_id, flush=True)
        continue
    print(doc_id, flush=True)
"""


def start_writer(directory: Path, prefix: str, count: int) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(directory), prefix, str(count)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    return process


def saved_ids(directory: Path) -> set[str]:
    """Every call and note id on disk, whatever the layout; every data file (indexes too) must parse."""
    ids: set[str] = set()
    for path in directory.rglob("*.json"):
        tables = decode(path, path.read_bytes())  # raises if the file does not parse
        ids |= set(tables.get("calls", {})) | set(tables.get("notes", {}))
    return ids


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGHUP])
def test_killed_writer_never_corrupts_and_loses_no_acknowledged_write(data_dir: Path, signum: int) -> None:
    rng = random.Random(20261123 + signum)
    acknowledged: set[str] = set()
    for round_number in range(12):
        writer = start_writer(data_dir, f"r{round_number}", 10_000)
        deadline = time.monotonic() + rng.uniform(0.02, 0.25)
        assert writer.stdout is not None
        while time.monotonic() < deadline:
            line = writer.stdout.readline().strip()
            if line and not line.startswith("not-saved"):
                acknowledged.add(line)
        writer.send_signal(signum)
        rest, _ = writer.communicate(timeout=10)
        # Lines printed before the kill were acknowledged too.
        acknowledged |= {line for line in rest.splitlines() if line and not line.startswith("not-saved")}
        missing = acknowledged - saved_ids(data_dir)
        assert not missing, f"round {round_number}: lost {sorted(missing)[:5]}"
    store, report = open_store(data_dir)
    assert not report.recoveries
    assert len(acknowledged) > 20


def test_two_sessions_writing_at_once_lose_nothing(data_dir: Path) -> None:
    open_store(data_dir)
    writers = [start_writer(data_dir, name, 150) for name in ("a", "b")]
    outputs = [writer.communicate(timeout=120)[0] for writer in writers]
    assert all(writer.returncode == 0 for writer in writers)
    acknowledged = {line for out in outputs for line in out.splitlines()}
    assert len(acknowledged) == 300
    assert saved_ids(data_dir) == acknowledged


def test_a_second_session_sees_changes_without_restarting(data_dir: Path) -> None:
    first, _ = open_store(data_dir)
    second, _ = open_store(data_dir)
    token = second.change_token()
    first.put("calls", "from-first", {"who": "甲"})
    assert second.change_token() != token
    assert second.get("calls", "from-first") == {"who": "甲", "id": "from-first"}
    # And the other way round, including a document the other one changed meanwhile.
    second.put("calls", "from-first", {"who": "乙"})
    assert first.get("calls", "from-first") == {"who": "乙", "id": "from-first"}
    first.put("notes", "n", {"t": 1}, period="2026-11")
    assert [d["id"] for d in second.all("notes", period="2026-11")] == ["n"]


def test_update_is_a_read_modify_write_under_the_lock(data_dir: Path) -> None:
    first, _ = open_store(data_dir)
    second, _ = open_store(data_dir)
    first.put("habits", "h", {"ticks": []})
    first.update("habits", "h", lambda doc: doc["ticks"].append("a"))
    second.update("habits", "h", lambda doc: doc["ticks"].append("b"))
    assert json.loads(json.dumps(first.get("habits", "h"))) == {"ticks": ["a", "b"], "id": "h"}
