"""Call history open and search inside the real App (driven by Pilot), with an event-loop watchdog.

    python benchmarks/inapp.py DATA_DIR QUERY     # prints one JSON line

Run as its own process by run.py, so the memory figures are this app's alone.
A 5 ms Textual timer records the longest gap between its ticks: the longest
time the event loop was blocked (the UI could not draw or take a key).
"""

from __future__ import annotations

import asyncio
import gc
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from jiebei_tui.factory import create_app  # noqa: E402

TICK = 0.005
CLOSED_WATCH = 1.0  # seconds watched after the history closes


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class Watchdog:
    def __init__(self) -> None:
        self.last = time.perf_counter()
        self.worst = 0.0

    def tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last - TICK)
        self.last = now

    def reset(self) -> None:
        self.last = time.perf_counter()
        self.worst = 0.0


async def _until(condition: Any, timeout: float = 120.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the screen never got there")
        await asyncio.sleep(0.002)


def send_key(app: Any, key: str) -> None:
    """A key as the terminal delivers it, without Pilot's wait for the app to go idle (which would
    wait for a stream to finish and hide when its first rows appeared)."""
    from textual import events

    character = "/" if key == "slash" else None
    event = events.Key(key, character)
    event.set_sender(app)
    app._driver.send_message(event)


def _status(app: Any) -> str:
    try:
        return str(app.screen.query_one("#history-status").render())
    except Exception:
        return ""


async def measure(directory: Path, query: str) -> dict[str, float]:
    from jiebei_tui.ui.calls.history import CallHistoryScreen

    app = create_app(directory, language="en")
    app.freeze_after_start = True  # as in a terminal (Pilot runs headless, where the App does not freeze)
    app.warm_up_after_start = True  # likewise: the areas, and what they open, are made ready after the first frame
    result: dict[str, float] = {}
    async with app.run_test(size=(80, 24)) as pilot:
        dog = Watchdog()
        app.set_interval(TICK, dog.tick)
        # A user reads Home before opening a call's history: the warm-up (1-2 s here) is done by then.
        await asyncio.to_thread(app.warm_up.imported.wait, 30)
        await pilot.press("f4")
        await pilot.pause(0.5)
        total = app.store.count("calls")
        result["rss_before_mib"] = rss_mib()
        result["frozen"] = gc.get_freeze_count()

        def rows() -> int:
            screen = app.screen
            if not isinstance(screen, CallHistoryScreen):
                return 0
            found = screen.query("#history-list")  # none yet while the screen just pushed is composed
            return found.first().option_count if found else 0

        dog.reset()
        began = time.perf_counter()
        send_key(app, "ctrl+o")  # the history key
        await _until(lambda: rows() > 0)
        result["history_first_rows_s"] = time.perf_counter() - began
        await _until(lambda: rows() >= total and "Loading" not in _status(app))
        result["history_all_rows_s"] = time.perf_counter() - began
        await pilot.pause(0.1)
        result["history_block_s"] = dog.worst
        result["history_reads"] = getattr(app.screen, "loads", float("nan"))  # reads of the history per open

        await pilot.press("slash")  # focus the search field
        search = app.screen.query_one("#history-search")
        search.value = query
        await pilot.pause(0.1)
        dog.reset()
        began = time.perf_counter()
        send_key(app, "enter")
        # The first match on screen: the list was emptied for the search and has a row again.
        await _until(lambda: ("Searching" in _status(app) or "Notes found in" in _status(app)) and rows() > 0)
        result["search_first_s"] = time.perf_counter() - began
        await _until(lambda: "Notes found in" in _status(app))
        result["search_s"] = time.perf_counter() - began
        await pilot.pause(0.1)
        result["search_block_s"] = dog.worst
        result["search_rows"] = rows()
        gc.collect()
        result["rss_after_search_mib"] = rss_mib()
        await pilot.press("escape")
        await pilot.pause(0.3)
        gc.collect()
        result["rss_after_closing_mib"] = rss_mib()
        result["calls"] = total

        # Open it again (as after a look at one contact), every row shown, then close it: the full
        # collections held while it was open (ui/common/collector.py) may run in the second after.
        send_key(app, "ctrl+o")
        await _until(lambda: rows() >= total and "Loading" not in _status(app))
        await pilot.pause(0.1)
        dog.reset()
        send_key(app, "escape")
        await asyncio.sleep(CLOSED_WATCH)
        result["closed_block_s"] = dog.worst
    return result


def main() -> int:
    directory, query = Path(sys.argv[1]), sys.argv[2]
    print(json.dumps(asyncio.run(measure(directory, query))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
