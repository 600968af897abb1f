"""Where a first frame's time goes: run the app (or the minimal app) with two marks and a widget count.

``python benchmarks/phases.py OUT.json MARKER minimal|app [app arguments...]``: the process records
when ``App.run`` is called (everything before it: imports, opening the data folder, building the App)
and when the terminal is handed the frame holding MARKER, and how many widgets the screen then has
(all of them, and those with a place on screen). run.py starts it on the same pseudo-terminal as the
first-frame rows, interleaved with them, so the split is read beside the rows it explains.
"""

from __future__ import annotations

import json
import runpy
import sys
import time
from pathlib import Path
from typing import Any

STARTED = time.perf_counter()


def main() -> None:
    out, marker, which, *args = sys.argv[1:]
    import textual.app
    from textual.drivers.linux_driver import LinuxDriver

    marks: dict[str, Any] = {}
    run = textual.app.App.run
    write = LinuxDriver.write

    def timed_run(app: textual.app.App[Any], *a: Any, **k: Any) -> Any:
        marks["run"] = time.perf_counter() - STARTED
        return run(app, *a, **k)

    def timed_write(driver: LinuxDriver, data: str) -> None:
        if "frame" not in marks and marker in data:
            marks["frame"] = time.perf_counter() - STARTED
            widgets = list(driver._app.screen.walk_children(with_self=False))
            marks["widgets"] = len(widgets)
            marks["placed"] = sum(1 for widget in widgets if widget.region.area)
            Path(out).write_text(json.dumps(marks), encoding="utf-8")
        write(driver, data)

    textual.app.App.run = timed_run  # type: ignore[method-assign]
    LinuxDriver.write = timed_write  # type: ignore[method-assign]
    if which == "minimal":
        sys.argv = [str(Path(__file__).with_name("minimal_app.py"))]
        runpy.run_path(sys.argv[0], run_name="__main__")
    else:
        sys.argv = ["jiebei_tui", *args]
        runpy.run_module("jiebei_tui", run_name="__main__")


if __name__ == "__main__":
    main()
