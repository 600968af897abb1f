"""Export rows: ``jiebei-tui export`` as a user runs it, beside a plain JSON load and dump of the same files.

Both run as fresh processes (interpreter start included) and write a file with
an fsync. The baseline reads every data file of the folder with ``json.loads``
and writes all their documents with one ``json.dump`` in the export's own
layout (indent 2, sorted keys, UTF-8): the least any JSON export of those
documents can cost.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BASELINE = r"""
import json, os, sys
from pathlib import Path
folder, out = Path(sys.argv[1]), sys.argv[2]
tables = {}
for path in sorted(folder.rglob("*.json")):
    if path.name == "index.json" or path.parent.name.startswith((".", "backup-")):
        continue
    for name, docs in json.loads(path.read_bytes()).items():
        if name != "_meta":
            tables.setdefault(name, {}).update(docs)
with open(out, "w", encoding="utf-8") as handle:
    json.dump(tables, handle, ensure_ascii=False, indent=2, sort_keys=True)
    handle.flush()
    os.fsync(handle.fileno())
"""


def _timed(command: list[str]) -> float:
    began = time.perf_counter()
    subprocess.run(command, check=True, cwd=str(ROOT), stdout=subprocess.DEVNULL)
    return time.perf_counter() - began


def measure(directory: Path, scratch: Path, runs: int) -> dict[str, list[float]]:
    """Interleaved: baseline, json, markdown, for each run."""
    found: dict[str, list[float]] = {"baseline": [], "json": [], "markdown": []}
    app = [sys.executable, "-m", "jiebei_tui", "export", "--lang", "en", "--data-dir", str(directory)]
    for _run in range(runs):
        found["baseline"].append(_timed([sys.executable, "-c", BASELINE, str(directory), str(scratch / "plain.json")]))
        found["json"].append(_timed([*app, "--format", "json", "-o", str(scratch / "export.json")]))
        found["markdown"].append(_timed([*app, "--format", "markdown", "-o", str(scratch / "export.md")]))
    return found
