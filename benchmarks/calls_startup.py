"""How fast `jiebei-tui call` is ready, and how fast one note is durable, at a heavy user's size.

    python benchmarks/calls_startup.py                  # 2,000 calls / 50,000 notes, 7 runs
    python benchmarks/calls_startup.py --runs 3 --keep /tmp/big   # keep the data folder
    python benchmarks/calls_startup.py --calls 0 --notes 0        # the same on an empty folder

Builds a data folder with five years of calls (2,000 records, 50,000 notes over
60 monthly files, commitments indexed), then:

1. starts the real app (`python -m jiebei_tui call`) on a pseudo-terminal,
   measures the time from process start until the call timer is drawn, and
   until a character typed then is echoed back in the note line (the input has
   the focus). Medians over several runs; the first run warms the file cache
   like any second start on the same machine would.
2. saves notes into the current month's file the way Enter does
   (CallsRepo.save_note -> Store.put: temp file, fsync, rename, fsync dir) and
   reports p50/p95; the same for one checklist tick (rewrites the main file).
3. for reference: loading the whole history and searching every note.

No assertions: these are numbers for the README, not tests.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import random
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jiebei_tui.domain.calls import (  # noqa: E402
    CHECKLIST_KEYS,
    MANUAL_FLAG_KEYS,
    IdentityStatus,
    NoteKind,
    RecordKind,
    missed_call,
    new_note,
    new_record,
)
from jiebei_tui.store.calls import COMMITMENTS_TABLE, NOTES_TABLE, CallsRepo, period_of  # noqa: E402
from jiebei_tui.store.store import open_store  # noqa: E402
from jiebei_tui.ui.calls.screen import ACTIVE_DRAFT  # noqa: E402

CST = timezone(timedelta(hours=8))
PHRASES = (
    "他:我是某某资产管理公司的工作人员，工号A{n}",
    "我:请问您代表哪家机构？",
    "他说逾期{n}天了，要求今天处理",
    "诺:下周五还{n}00元",
    "?利息和罚息是怎么算的，要书面说明",
    "!说要联系我单位同事和家人",
    "我:我会通过官方客服核实后再联系",
    "他说可以申请分期，但要先还一部分",
)


def build(directory: Path, calls: int, notes: int, months: int = 60) -> None:
    """Five years of history, written in bulk (one write per file)."""
    store, _report = open_store(directory)
    rng = random.Random(4)
    now = datetime.now(CST).replace(microsecond=0)
    per_call = notes // calls
    records: dict[str, dict] = {}
    by_month: dict[str, dict[str, dict]] = {}
    commitments: dict[str, dict] = {}
    for index in range(calls):
        start = now - timedelta(days=rng.uniform(1, months * 30.4), seconds=rng.randint(0, 86_399))
        if index % 10 == 0:
            record = missed_call(f"r{index:05d}", f"1380000{index % 50:04d}", start)
        else:
            record = new_record(f"r{index:05d}", RecordKind.CALL, start, f"1380000{index % 50:04d}")
            identity = record.identity.with_value("caller_name", f"催收员{index % 40}")
            identity = identity.with_value("institution", f"某某资产{index % 7}")
            if index % 3 == 0:
                identity = identity.with_status("institution", IdentityStatus.VERIFIED, "95188")
            record = record.with_identity(identity)
            for key in rng.sample(CHECKLIST_KEYS, 3):
                record = record.toggled_check(key)
            if index % 4 == 0:
                record = record.toggled_flag(rng.choice(MANUAL_FLAG_KEYS))
            record = record.ended(start + timedelta(minutes=rng.randint(2, 20)))
        records[record.id] = record.to_dict()
        month = by_month.setdefault(period_of(record.started_at), {})
        count = per_call + (1 if index < notes % calls else 0)
        for line in range(count):
            text = rng.choice(PHRASES).format(n=rng.randint(1, 99))
            note = new_note(f"{record.id}n{line:03d}", record, text, record.started_at + timedelta(seconds=20 * line))
            month[note.id] = note.to_dict()
            if note.kind is NoteKind.COMMITMENT:
                commitments[note.id] = note.to_dict()
    store.put_many("calls", records)
    store.put_many(COMMITMENTS_TABLE, commitments)
    for period, docs in by_month.items():
        store.put_many(NOTES_TABLE, docs, period=period)


class Pty:
    def __init__(self, directory: Path, columns: int = 80, rows: int = 24) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "JIEBEI_TUI_DATA_DIR": str(directory), "LANG": "C.UTF-8"}
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "jiebei_tui", "call"],
            stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True, cwd=str(ROOT),
        )
        os.close(slave)
        self.output = b""

    def wait_for(self, marker: bytes, timeout: float = 60) -> float:
        deadline = time.perf_counter() + timeout
        while marker not in self.output:
            if time.perf_counter() > deadline:
                raise TimeoutError(f"never saw {marker!r}")
            ready, _w, _x = select.select([self.master], [], [], 0.01)
            if ready:
                self.output += os.read(self.master, 65536)
        return time.perf_counter() - self.started

    def close(self) -> None:
        self.process.kill()
        self.process.wait()
        os.close(self.master)


def startup_runs(directory: Path, runs: int) -> tuple[list[float], list[float]]:
    drawn, typed = [], []
    for run in range(runs + 1):
        store, _report = open_store(directory)
        store.delete("drafts", ACTIVE_DRAFT)  # each run is a new call, not the previous run's call continued
        store.close()
        pty = Pty(directory)
        try:
            first = pty.wait_for(b"00:0")
            os.write(pty.master, "测".encode())
            echoed = pty.wait_for("测".encode())
        finally:
            pty.close()
        if run:  # run 0 only warms the file cache
            drawn.append(first)
            typed.append(echoed)
    return drawn, typed


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def durability(directory: Path, count: int) -> tuple[list[float], list[float]]:
    store, _report = open_store(directory)
    repo = CallsRepo(store)
    record = new_record(repo.new_id(), RecordKind.CALL, datetime.now(CST))
    repo.save(record)
    note_times, tick_times = [], []
    for index in range(count):
        note = new_note(repo.new_id(), record, f"他说第{index}次：下周上门", datetime.now(CST))
        began = time.perf_counter()
        assert repo.save_note(record, note)
        note_times.append(time.perf_counter() - began)
    for index in range(max(10, count // 5)):
        key = CHECKLIST_KEYS[index % len(CHECKLIST_KEYS)]
        began = time.perf_counter()
        repo.change(record.id, lambda current, key=key: current.toggled_check(key))
        tick_times.append(time.perf_counter() - began)
    return note_times, tick_times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--notes", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--saves", type=int, default=200)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the data folder here and keep it")
    args = parser.parse_args()

    os.umask(0o077)
    temporary = None
    if args.keep:
        directory = args.keep
    else:
        temporary = tempfile.mkdtemp(prefix="jiebei-bench-")
        directory = Path(temporary) / "data"
    try:
        if args.calls and not (directory / "jiebei.json").exists():  # --calls 0: the empty baseline
            began = time.perf_counter()
            build(directory, args.calls, args.notes)
            print(f"built {args.calls} calls / {args.notes} notes in {time.perf_counter() - began:.1f} s")
        sizes = sum(path.stat().st_size for path in directory.rglob("*.json")) if directory.exists() else 0
        print(f"data folder: {directory} ({sizes / 2**20:.1f} MiB)")

        drawn, typed = startup_runs(directory, args.runs)
        print(f"`jiebei-tui call`, process start -> call timer drawn:   median {statistics.median(drawn):.2f} s "
              f"(min {min(drawn):.2f}, max {max(drawn):.2f}, {len(drawn)} runs)")
        print(f"`jiebei-tui call`, process start -> typed char echoed:  median {statistics.median(typed):.2f} s "
              f"(min {min(typed):.2f}, max {max(typed):.2f})")

        notes, ticks = durability(directory, args.saves)
        print(f"one note durable (Store.put returns), {len(notes)} saves: "
              f"p50 {percentile(notes, 0.5) * 1000:.1f} ms, p95 {percentile(notes, 0.95) * 1000:.1f} ms")
        print(f"one checklist tick (main file rewritten), {len(ticks)} saves: "
              f"p50 {percentile(ticks, 0.5) * 1000:.1f} ms, p95 {percentile(ticks, 0.95) * 1000:.1f} ms")

        repo = CallsRepo(open_store(directory)[0])
        began = time.perf_counter()
        history = repo.records()
        loaded = time.perf_counter() - began
        began = time.perf_counter()
        found = repo.search("上门")
        searched = time.perf_counter() - began
        print(f"history list (on demand): {len(history)} records in {loaded:.2f} s; "
              f"search of every note: {sum(len(v) for v in found.values())} hits in {searched:.2f} s")
    finally:
        if temporary:
            shutil.rmtree(temporary, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
