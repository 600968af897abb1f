"""Statistics and the RESULTS.md table for run.py."""

from __future__ import annotations

import math
import os
import platform
import statistics
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path


def p95(values: Sequence[float]) -> float:
    """Nearest-rank 95th percentile (with few samples: close to the worst one)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


@dataclass
class Result:
    """One row of the table: our samples, the baseline's, and how the target reads them."""

    measure: str
    ours: list[float]
    baseline: list[float] = field(default_factory=list)
    target: str = ""
    # "ratio:1.3" (ours/baseline medians), "ratio_p95:1.2", "p95:0.010", "median:0.2", "max:0.05", "mib:100"
    rule: str = ""
    note: str = ""
    unit: str = "s"

    def figure(self, values: Sequence[float]) -> str:
        if not values:
            return "—"
        if self.unit == "MiB":
            return f"{median(values):.0f} MiB"
        if len(values) == 1:
            return ms(values[0])
        return f"{ms(median(values))} / {ms(p95(values))}"

    @property
    def ratio(self) -> float | None:
        if not self.baseline:
            return None
        if self.rule.startswith("ratio_p95"):
            return p95(self.ours) / p95(self.baseline)
        return median(self.ours) / median(self.baseline)

    @property
    def met(self) -> bool | None:
        if not self.rule:
            return None
        kind, _colon, limit_text = self.rule.partition(":")
        limit = float(limit_text)
        value = {
            "ratio": lambda: self.ratio or math.inf,
            "ratio_p95": lambda: self.ratio or math.inf,
            "p95": lambda: p95(self.ours),
            "median": lambda: median(self.ours),
            "max": lambda: max(self.ours),
            "mib": lambda: median(self.ours),
        }[kind]()
        return value <= limit

    def cells(self) -> list[str]:
        ratio = f"{self.ratio:.2f}×" if self.ratio is not None else "—"
        met = {True: "met", False: "**missed**", None: "(info)"}[self.met]
        return [self.measure, self.figure(self.ours), self.figure(self.baseline), ratio, self.target, met]


def machine() -> dict[str, str]:
    def fs_type(path: Path) -> str:
        try:
            out = subprocess.run(["df", "--output=fstype", str(path)], capture_output=True, text=True, check=True)
            return out.stdout.split()[-1]
        except (OSError, subprocess.CalledProcessError, IndexError):
            return "unknown"

    import tempfile

    return {
        "cores": str(os.cpu_count()),
        "python": platform.python_version(),
        "textual": version("textual"),
        "tinydb": version("tinydb"),
        "filesystem": fs_type(Path(tempfile.gettempdir())),
        "kernel": platform.release(),
        "load": " / ".join(f"{value:.1f}" for value in os.getloadavg()),
    }


def render(results: list[Result], info: dict[str, str], heavy: str, causes: list[str], method: list[str], title: str) -> str:
    header = ["measure", "ours (median / p95)", "baseline (median / p95)", "ratio", "target", ""]
    lines = [
        f"# {title}",
        "",
        f"Measured {info['date']} by `python benchmarks/run.py{info.get('args', '')}` on this machine: "
        f"{info['cores']} cores, Python {info['python']}, Textual {info['textual']}, TinyDB {info['tinydb']}, "
        f"file system {info['filesystem']} (kernel {info['kernel']}). Load average (1/5/15 min) at the start "
        f"{info['load']}, at the end {info['load_end']}: the machine is shared, so every row is measured beside "
        "its baseline in the same run, interleaved, and the ratios matter more than the absolute times.",
        "",
        f"Heavy folder: {heavy}",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
    ]
    lines += ["| " + " | ".join(result.cells()) + " |" for result in results]
    notes = [f"- {result.measure}: {result.note}" for result in results if result.note]
    if notes:
        lines += ["", "Notes on rows:", "", *notes]
    lines += ["", "## Targets missed, and the measured cause", ""]
    lines += causes or ["Every target was met in this run."]
    lines += ["", "## How each row is measured", "", *method, ""]
    return "\n".join(lines)
