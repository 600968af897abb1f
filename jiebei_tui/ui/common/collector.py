"""Keep Python's garbage collector from pausing the screen while a stream fills it.

A full collection scans every tracked object: with a long call history loaded
that took 30–150 ms on 2 cores (more on a busy machine), and it comes whenever
the allocator decides — typically in the middle of a stream that allocates a
row object per record. Streams are short and allocate rows that stay, not
garbage, so the collector waits until they end (and the App freezes what
lives as long as it does, see ``JiebeiApp.area_drawn``).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_state = {"streams": 0, "was_enabled": True}  # streams under way; whether the collector ran before the first


@contextmanager
def collector_paused() -> Iterator[None]:
    """Inside: no automatic collection. The collector runs again when the last stream ends or is cancelled."""
    if _state["streams"] == 0:
        _state["was_enabled"] = gc.isenabled()
        gc.disable()
    _state["streams"] += 1
    try:
        yield
    finally:
        _state["streams"] -= 1
        if _state["streams"] == 0 and _state["was_enabled"]:
            gc.enable()
