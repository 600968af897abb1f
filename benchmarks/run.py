"""Every row of issue 8's table, each beside its baseline in the same run; writes benchmarks/RESULTS.md.

    python benchmarks/run.py                 # about five minutes on 2 cores (builds the heavy folder first)
    python benchmarks/run.py --quick         # fewer repetitions, about two minutes
    python benchmarks/run.py --keep /tmp/heavy   # build the heavy folder there once and reuse it
    python benchmarks/run.py --only startup,areas --keep /tmp/heavy   # some rows, printed (RESULTS.md untouched)

Nothing here asserts a time. See benchmarks/README.md for what each row means.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for path in (str(ROOT), str(HERE)):
    if path not in sys.path:
        sys.path.insert(0, path)

import exports  # noqa: E402
import heavy  # noqa: E402
import ptyrun  # noqa: E402
import writes  # noqa: E402
from report import Result, machine, median, ms, p95, render  # noqa: E402

from jiebei_tui.domain.calls import RecordKind, new_note, new_record  # noqa: E402
from jiebei_tui.services import ACTIVE_DRAFT  # noqa: E402
from jiebei_tui.store.calls import CallsRepo  # noqa: E402
from jiebei_tui.store.drafts import DraftKeeper  # noqa: E402
from jiebei_tui.store.store import open_store  # noqa: E402

SEARCH = "单位"
GROUPS = ("startup", "typing", "writes", "areas", "history", "exports")


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def new_call_next_time(directory: Path) -> None:
    """Each `call` start is a new call (the phone rings), not the previous run's call continued."""
    store, _ = open_store(directory)
    DraftKeeper(store, lambda: datetime.now(heavy.CST)).discard(ACTIVE_DRAFT)


def call_with_notes(directory: Path, count: int) -> None:
    """A call in progress whose log already holds ``count`` lines (the screen resumes it)."""
    store, _ = open_store(directory)
    repo = CallsRepo(store)
    now = datetime.now(heavy.CST).replace(microsecond=0)
    record = new_record(repo.new_id(), RecordKind.CALL, now - timedelta(seconds=count))
    with store.bulk():
        repo.save(record)
        for index in range(count):
            repo.save_note(record, new_note(f"long{index:05d}", record, f"第{index}行：他说下周上门", record.started_at + timedelta(seconds=index)))
    keeper = DraftKeeper(store, lambda: now)
    keeper.set(ACTIVE_DRAFT, {"record_id": record.id})
    keeper.flush()


PHASES: dict[str, float] = {}  # where the first frame's time goes (benchmarks/phases.py), medians of the same run


def first_frames(work: Path, heavy_dir: Path, runs: int) -> list[Result]:
    variants = {
        "minimal": (lambda: ptyrun.minimal_command(), ptyrun.MINIMAL_MARKER),
        "home, empty": (lambda: ptyrun.app_command(Path(tempfile.mkdtemp(dir=work)) / "d"), ptyrun.HOME_MARKER),
        "call, empty": (lambda: ptyrun.app_command(Path(tempfile.mkdtemp(dir=work)) / "d", "call"), ptyrun.CALL_MARKER),
        "home, heavy": (lambda: ptyrun.app_command(heavy_dir), ptyrun.HOME_MARKER),
        "call, heavy": (lambda: ptyrun.app_command(heavy_dir, "call"), ptyrun.CALL_MARKER),
    }
    split = {"minimal": ("minimal", [], ptyrun.MINIMAL_MARKER), "home": ("app", [], ptyrun.HOME_MARKER),
             "call": ("app", ["call"], ptyrun.CALL_MARKER)}
    samples: dict[str, list[float]] = {name: [] for name in variants}
    phases: dict[str, list[float]] = {}
    names = list(variants)
    for run in range(runs + 1):  # run 0 warms the file cache and is not counted
        # Each round starts with a different variant: none is always the one after the previous round's last.
        for name in names[run % len(names):] + names[: run % len(names)]:
            command, marker = variants[name]
            if name == "call, heavy":
                new_call_next_time(heavy_dir)
            seconds = ptyrun.first_frame(command(), marker)
            if run:
                samples[name].append(seconds)
        for name, (which, extra, marker) in split.items():
            out = Path(tempfile.mkdtemp(dir=work)) / "phases.json"
            arguments = [] if which == "minimal" else [*extra, "--lang", "en", "--data-dir", str(out.parent / "d")]
            ptyrun.first_frame([sys.executable, str(HERE / "phases.py"), str(out), marker, which, *arguments], marker)
            time.sleep(0.05)  # the marks are written as the frame is; the pty may close a moment before
            if run and out.exists():
                for key, value in json.loads(out.read_text(encoding="utf-8")).items():
                    phases.setdefault(f"{key}_{name}", []).append(value)
    PHASES.update({key: median(values) for key, values in phases.items()})
    base = samples.pop("minimal")
    return [
        Result(f"first frame, {name}", values, base, "≤ 1.3× minimal Input app", "ratio:1.3")
        for name, values in samples.items()
    ]


def typing_rows(heavy_dir: Path, long_call_dir: Path, chunks: int, rounds: int) -> list[Result]:
    samples: dict[str, list[float]] = {"minimal": [], "new": [], "long": []}
    order = list(samples)
    for round_ in range(rounds):  # short rounds, each starting with a different variant: a slow spell of this
        for name in order[round_ % 3:] + order[: round_ % 3]:  # shared machine falls on all of them alike
            if name == "minimal":
                samples[name] += ptyrun.typing(ptyrun.minimal_command(), ptyrun.MINIMAL_MARKER, chunks)
            elif name == "new":
                new_call_next_time(heavy_dir)
                samples[name] += ptyrun.typing(ptyrun.app_command(heavy_dir, "call"), ptyrun.CALL_MARKER, chunks)
            else:
                samples[name] += ptyrun.typing(ptyrun.app_command(long_call_dir, "call"), ptyrun.CALL_MARKER, chunks)
    return [
        Result("typing a 10-character chunk, call with 10,000 notes in its log", samples["long"], samples["minimal"],
               "p95 ≤ 1.2× minimal Input app", "ratio_p95:1.2"),
        Result("typing a 10-character chunk, new call in the heavy folder", samples["new"], samples["minimal"],
               "p95 ≤ 1.2× minimal Input app", "ratio_p95:1.2"),
    ]


def write_rows(writes_dir: Path, plain: Path, samples: int, base_samples: int) -> list[Result]:
    os.sync()  # the copies made for this run are on disk before anything is timed
    time.sleep(2)
    rows = writes.measure(writes_dir, plain, samples, base_samples)
    notes = {"call start (new record)": "its day file and one index shard",
             "commitment line": "the call's notes file and one day of commitment copies",
             "habit check-in (five years of daily check-ins)": "this month's check-ins and the progress index, "
                                                                "written together",
             "spend (this month's ~330 spends)": "this month's spends file"}
    return [
        Result(f"durable: {row.name}", row.ours, row.baseline, "p95 ≤ 10 ms" if row.baseline else "",
               "p95:0.010" if row.baseline else "", note=notes.get(row.name, ""))
        for row in rows
    ]


def area_rows(heavy_dir: Path, sessions: int) -> list[Result]:
    first: dict[str, list[float]] = {}
    later: dict[str, list[float]] = {}
    whole: dict[str, list[float]] = {}
    for _session in range(sessions):
        new_call_next_time(heavy_dir)
        found, complete = ptyrun.area_opens(ptyrun.app_command(heavy_dir), 2)
        for area, values in found.items():
            first.setdefault(area, []).append(values[0])
            later.setdefault(area, []).extend(values[1:])
            whole.setdefault(area, []).append(complete[area][0])
    rows = []
    for area in first:
        rows.append(Result(f"first open of {area} (later opens {ms(median(later[area]))})", first[area], [],
                           "≤ 150 ms", "median:0.150"))
        rows.append(Result(f"first open of {area}: whole screen, footer included", whole[area], [],
                           "(the area's own text first)"))
    return rows


def inapp_rows(heavy_dir: Path, runs: int) -> tuple[list[Result], dict[str, float]]:
    found: dict[str, list[float]] = {}
    for _run in range(runs):
        out = subprocess.run([sys.executable, str(HERE / "inapp.py"), str(heavy_dir), SEARCH],
                             capture_output=True, text=True, check=True, cwd=str(ROOT))
        for key, value in json.loads(out.stdout.strip().splitlines()[-1]).items():
            found.setdefault(key, []).append(value)
    rows = [
        Result("call history: first rows shown", found["history_first_rows_s"], [], "≤ 200 ms", "median:0.200"),
        Result("call history: longest event-loop block while opening", found["history_block_s"], [], "≤ 50 ms", "max:0.050"),
        Result(f"history search ({SEARCH!r}): results shown", found["search_s"], [], "(first results ≤ 100 ms)", ""),
        Result("history search: longest event-loop block", found["search_block_s"], [], "≤ 50 ms", "max:0.050"),
        Result("call history: longest event-loop block after closing it", found["closed_block_s"], [], "≤ 50 ms", "max:0.050",
               note="the second after Esc, with every row shown: the full collection held while it was open runs then"),
        Result("RSS after a history search", found["rss_after_search_mib"], [], "≤ 100 MB", "mib:100", unit="MiB",
               note=f"{median(found['rss_before_mib']):.0f} MiB before opening history, "
                    f"{median(found['rss_after_closing_mib']):.0f} MiB after closing it"),
    ]
    return rows, {key: median(values) for key, values in found.items()}


def export_rows(heavy_dir: Path, scratch: Path, runs: int) -> list[Result]:
    found = exports.measure(heavy_dir, scratch, runs)
    return [
        Result("`export --format json`", found["json"], found["baseline"], "≤ 1.3× plain json load+dump", "ratio:1.3"),
        Result("`export --format markdown` (baseline: our JSON export)", found["markdown"], found["json"], "≤ 2× JSON export", "ratio:2.0"),
    ]


def store_diagnostics(heavy_dir: Path) -> dict[str, float]:
    """What the store itself costs inside the UI rows (to tell store time from UI time in a miss)."""
    from jiebei_tui.store.selfcheck import list_snapshots

    found: dict[str, float] = {}
    began = time.perf_counter()
    store, _ = open_store(heavy_dir)
    found["open_store"] = time.perf_counter() - began
    repo = CallsRepo(store)
    for name, action in (("records", repo.records), ("search", lambda: repo.search(SEARCH)),
                         ("list_snapshots", lambda: list_snapshots(store))):
        began = time.perf_counter()
        action()
        found[name] = time.perf_counter() - began
    if writes.FLOOR:  # measured with the durable rows
        found["fsync_floor_p95"] = p95(writes.FLOOR)
        found["fsync_floor_median"] = median(writes.FLOOR)
        found["fsync_floor_slow_share"] = sum(1 for value in writes.FLOOR if value > 0.004) / len(writes.FLOOR)
        found["flush_median"] = median(writes.FLUSH)

    found.update(PHASES)
    return found


def compile_bytecode() -> None:
    """The app runs from compiled bytecode, as installed (pip compiles it) and as Textual itself does for the
    baseline; without this, a checkout run with PYTHONDONTWRITEBYTECODE compiles every module at every start."""
    compileall.compile_dir(str(ROOT / "jiebei_tui"), quiet=1)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (about two minutes)")
    parser.add_argument("--keep", type=Path, help="build the heavy folder here once and reuse it")
    parser.add_argument("--out", type=Path, help="where the table goes (default RESULTS.md; with --only, printed only)")
    parser.add_argument("--only", help=f"comma-separated rows to measure: {','.join(GROUPS)}")
    args = parser.parse_args()
    quick = args.quick
    only = set(args.only.split(",")) if args.only else set(GROUPS)
    if only - set(GROUPS):
        parser.error(f"--only takes {','.join(GROUPS)}")
    out = args.out or (None if args.only else HERE / "RESULTS.md")
    compile_bytecode()
    info = machine()
    info["date"] = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    info["args"] = " --quick" if quick else ""
    work = Path(tempfile.mkdtemp(prefix="jiebei-bench-"))
    try:
        master = args.keep or work / "heavy"
        if not master.exists():
            log("building the heavy folder through the repos")
            built = heavy.build(master)
            log(f"built: {built}")
        size = heavy.folder_bytes(master)
        files = sum(1 for _ in master.rglob("*.json"))
        heavy_text = (f"{CallsRepo(open_store(master)[0]).count():,} call records, "
                      f"{sum(1 for _ in (master / 'notes').glob('*.json')):,} notes files, "
                      f"{files:,} JSON files, {size / 2**20:.1f} MiB (built by benchmarks/heavy.py: "
                      "50,000 notes, 5,000 of them this month, ~6,000 commitments, 100 self-checks; "
                      "five years of daily habit check-ins (~10,000) and spends (~20,000)).")
        copies = {name: work / name for name in ("pty", "writes", "long")}
        for copy in copies.values():
            shutil.copytree(master, copy)
        results: list[Result] = []
        inapp: dict[str, float] = {}
        if "startup" in only:
            log("first frames")
            results += first_frames(work, copies["pty"], 3 if quick else 15)
        if "typing" in only:
            log("typing")
            call_with_notes(copies["long"], 10_000)
            results += typing_rows(copies["pty"], copies["long"], 10 if quick else 12, 2 if quick else 6)
        if "writes" in only:
            log("durable writes")
            plain = writes.plain_tinydb(master, work / "plain-db.json")
            results += write_rows(copies["writes"], plain, 60 if quick else 200, 5 if quick else 11)
        if "areas" in only:
            log("areas")
            results += area_rows(copies["pty"], 1 if quick else 2)
        if "history" in only:
            log("history and search")
            rows, inapp = inapp_rows(copies["pty"], 1 if quick else 2)
            results += rows
        if "exports" in only:
            log("exports")
            results += export_rows(master, work, 1 if quick else 3)
        diagnostics = store_diagnostics(copies["writes"])
        info["load_end"] = machine()["load"]
        from causes import explain, method

        text = render(results, info, heavy_text, explain(results, diagnostics, inapp), method(), "Benchmark results (issue 8)")
        if out is not None:
            out.write_text(text, encoding="utf-8")
            log(f"wrote {out}")
        print(text)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
