"""The call coach: precision and recall on its line tables, cost per committed line, import and compile cost.

    python benchmarks/coach.py              # from the repository root, with the development venv

Not a test: nothing here asserts a time. Recognition runs once per Enter; the target is under 1 ms
per line and nothing added to start-up. The tables are read by the tests' own reader
(tests/domain/calls/test_coach_tables.py).
"""

from __future__ import annotations

import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from jiebei_tui.domain.calls import Situation, parse_note_prefix, recognize  # noqa: E402
from jiebei_tui.domain.calls.coach.recognize import MAX_LINE_LENGTH  # noqa: E402

ROUNDS = 200
RUNS = 9


def tables() -> Any:
    """tests/domain/calls/test_coach_tables.py, loaded by path (tests/ is not a package)."""
    path = ROOT / "tests" / "domain" / "calls" / "test_coach_tables.py"
    spec = importlib.util.spec_from_file_location("coach_tables", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def scores(rows: list[Any], found: Any) -> None:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    calm = calm_raised = 0
    for row in rows:
        got = found(row.line)
        for situation in got & row.expected:
            tp[situation] += 1
        for situation in got - row.expected:
            fp[situation] += 1
        for situation in row.expected - got:
            fn[situation] += 1
        if not row.expected:
            calm += 1
            calm_raised += bool(got)
    print(f"  {'situation':18} {'lines':>5} {'precision':>9} {'recall':>7}")
    for situation in (s.value for s in Situation):
        lines = tp[situation] + fn[situation]
        raised = tp[situation] + fp[situation]
        precision = f"{tp[situation] / raised:.1%}" if raised else "-"
        print(f"  {situation:18} {lines:5d} {precision:>9} {tp[situation] / lines:7.1%}")
    all_tp, all_fp, all_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    print(
        f"  {'all':18} {all_tp + all_fn:5d} {all_tp / (all_tp + all_fp):9.1%} {all_tp / (all_tp + all_fn):7.1%}"
        f"   calm lines: {calm}, of which raised something: {calm_raised}"
    )


def _timed(kind: Any, body: str) -> int:
    start = time.perf_counter_ns()
    recognize(body, kind)
    return time.perf_counter_ns() - start


def per_line_cost(lines: list[str]) -> None:
    bodies = [parse_note_prefix(line) for line in lines]
    for kind, body in bodies:  # compile the patterns and fill the character cache first
        recognize(body, kind)
    samples = sorted(_timed(kind, body) for _ in range(ROUNDS) for kind, body in bodies)
    p99 = samples[int(len(samples) * 0.99)]
    print(
        f"  {len(samples)} recognitions of the {len(bodies)} table lines: median {statistics.median(samples) / 1000:.0f} µs, "
        f"p99 {p99 / 1000:.0f} µs, max {samples[-1] / 1000:.0f} µs"
    )
    longest = "，".join(body for _kind, body in bodies)[:MAX_LINE_LENGTH]
    long_samples = [_timed(bodies[0][0], longest) for _ in range(50)]
    print(
        f"  a line of {MAX_LINE_LENGTH} characters (the most that is read of one line): "
        f"median {statistics.median(long_samples) / 1000:.0f} µs"
    )


def _cpu_ms(code: str, env: dict[str, str]) -> float:
    """CPU time of ``code`` in a fresh interpreter (the machine is shared: wall time would measure the others)."""
    setup, measured = (part.strip() for part in code.split("##"))
    program = f"import time\n{setup}\nt = time.process_time()\n{measured}\nprint(time.process_time() - t)"
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, cwd=ROOT, env=env, check=True)
    return float(result.stdout) * 1000


def import_and_compile_cost() -> None:
    with tempfile.TemporaryDirectory() as cache:
        # As installed: bytecode cached (this sandbox sets PYTHONDONTWRITEBYTECODE), in a throw-away folder.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"PYTHONPYCACHEPREFIX": cache}
        _cpu_ms("import jiebei_tui.domain.calls.coach ## pass", env)
        loaded = subprocess.run(
            [sys.executable, "-c", "import sys, jiebei_tui.domain.calls; print('jiebei_tui.domain.calls.coach' in sys.modules)"],
            capture_output=True, text=True, cwd=ROOT, env=env, check=True,
        ).stdout.strip()
        imports = [_cpu_ms("import jiebei_tui.domain.calls ## import jiebei_tui.domain.calls.coach", env) for _ in range(RUNS)]
        compiles = [
            _cpu_ms("import jiebei_tui.domain.calls.coach as coach ## coach.warm_up()", env) for _ in range(RUNS)
        ]
    print(f"  importing jiebei_tui.domain.calls (what start-up does) loads the coach: {loaded}")
    print(f"  importing the coach on first use, after jiebei_tui.domain.calls: median {statistics.median(imports):.1f} ms CPU")
    print(f"  compiling its patterns (first recognize, or warm_up): median {statistics.median(compiles):.1f} ms CPU")


def main() -> None:
    module = tables()
    print(f"Load average at the start: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    print("Precision and recall, by situation (a line may raise two):")
    print(" the table the patterns were written against (tests/domain/calls/coach_lines.tsv):")
    scores(module.LINES, module.found)
    print(" held out, never tuned against (tests/domain/calls/coach_heldout.tsv):")
    scores(module.HELD_OUT, module.found)
    print("Cost per committed line (after warm-up):")
    per_line_cost([row.line for row in module.LINES + module.HELD_OUT])
    print("Start-up:")
    import_and_compile_cost()
    print(f"Load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
