"""Keep Python's garbage collector from pausing the screen while a stream fills it.

A full collection scans every tracked object: with a long call history loaded
that took 30–150 ms on 2 cores (more on a busy machine), and it comes whenever
the allocator decides — typically in the middle of a stream that allocates a
row object per record. Streams are short and allocate rows that stay, not
garbage, so full collections wait until they end (and the App freezes what
lives as long as it does, see ``JiebeiApp.area_drawn``). The young generations
are still collected as usual: with the whole collector off, the first young
collection after a stream had every object of that stream to scan (~35 ms
after a 2,000-row history, at the start of the next search).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

NEVER = 1 << 30  # a threshold for the oldest generation that no stream reaches

_state: dict[str, int] = {"streams": 0, "oldest": 0}  # streams under way; the oldest's threshold before the first


def hold() -> None:
    """No automatic full collection until every ``hold`` has its ``release``."""
    if _state["streams"] == 0:
        young, middle, _state["oldest"] = gc.get_threshold()
        gc.set_threshold(young, middle, NEVER)
    _state["streams"] += 1


def release() -> None:
    _state["streams"] -= 1
    if _state["streams"] == 0:
        young, middle, _oldest = gc.get_threshold()
        gc.set_threshold(young, middle, _state["oldest"])


@contextmanager
def collector_paused() -> Iterator[None]:
    """Inside: no automatic full collection. It may run again when the last stream ends or is cancelled."""
    hold()
    try:
        yield
    finally:
        release()
