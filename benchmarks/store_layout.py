"""Why call notes are split by month: the cost of saving one note at a heavy user's size.

    python benchmarks/store_layout.py [--notes 50000] [--months 60] [--saves 200]

Builds two data directories with the same notes (~50,000, five years of heavy
use): one with notes split into one TinyDB file per month (what the store
does), one with every note in a single file (what a naive layout would do).
Then it times ``Store.put`` of one new note until it is durable (fsynced and
renamed) in each, and prints the median, p95 and the ratio. Timings on a
shared machine are noisy: compare medians and ratios, not single runs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from jiebei_tui import locations
from jiebei_tui.store.schema import stamp
from jiebei_tui.store.store import open_store

NOTE_TEXT = "他说：下周五之前必须还清，否则上报征信。我：我需要先核实你的工号。"


def note(i: int, period: str) -> dict[str, object]:
    return {
        "record_id": f"rec-{i // 25}",
        "at": f"{period}-15T10:{i % 60:02d}:00+08:00",
        "offset_seconds": i % 900,
        "kind": "they_said",
        "text": NOTE_TEXT,
        "corrections": [],
    }


def build(directory: Path, notes: int, periods: list[str]) -> None:
    """Write the files directly (one write per file) so building takes seconds, not hours."""
    locations.notes_dir(directory).mkdir(parents=True, mode=0o700)
    per_period: dict[str, dict[str, dict[str, object]]] = {p: {} for p in periods}
    for i in range(notes):
        period = periods[i % len(periods)]
        per_period[period][uuid.uuid4().hex] = note(i, period)
    for period, docs in per_period.items():
        tables: dict[str, dict[str, object]] = {"notes": docs}
        stamp(tables, "notes", "bench")
        path = locations.notes_file(directory, period)
        path.write_text(json.dumps(tables, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        path.chmod(0o600)


def time_saves(directory: Path, period: str, saves: int) -> list[float]:
    store, _ = open_store(directory)
    timings = []
    for i in range(saves):
        started = time.perf_counter()
        assert store.put("notes", uuid.uuid4().hex, note(i, period), period=period)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def describe(name: str, timings: list[float], size: int) -> tuple[float, float]:
    ordered = sorted(timings)
    median = statistics.median(ordered)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    print(f"{name:<28} file {size / 1e6:6.2f} MB   median {median:7.2f} ms   p95 {p95:7.2f} ms")
    return median, p95


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", type=int, default=50_000)
    parser.add_argument("--months", type=int, default=60)
    parser.add_argument("--saves", type=int, default=200)
    args = parser.parse_args()
    periods = [f"{2022 + m // 12}-{m % 12 + 1:02d}" for m in range(args.months)]
    current = periods[-1]
    with tempfile.TemporaryDirectory() as root:
        split, single = Path(root) / "split", Path(root) / "single"
        build(split, args.notes, periods)
        build(single, args.notes, [current])
        print(f"{args.notes} notes, {args.saves} saves each, Python {sys.version.split()[0]}")
        split_median, split_p95 = describe(
            f"one file per month ({len(periods)})",
            time_saves(split, current, args.saves),
            locations.notes_file(split, current).stat().st_size,
        )
        single_median, single_p95 = describe(
            "one file for everything",
            time_saves(single, current, max(10, args.saves // 10)),
            locations.notes_file(single, current).stat().st_size,
        )
        print(f"single / split: median x{single_median / split_median:.1f}, p95 x{single_p95 / split_p95:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
