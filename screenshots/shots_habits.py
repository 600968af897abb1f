"""Home and Habits for a user three weeks in (the sample the Habits snapshots use), and the zone question
a server on UTC asks once."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from make import Shot


def _sample_module():  # type: ignore[no-untyped-def]
    path = Path(__file__).resolve().parent.parent / "tests" / "ui" / "habits_sample.py"
    spec = importlib.util.spec_from_file_location("habits_sample", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


sample = _sample_module().sample

SHOTS: tuple[Shot, ...] = (
    Shot("home-with-data", before=sample),
    Shot("home-with-data-en", language="en", before=sample),
    Shot("habits", ("f6", "down"), before=sample),
    Shot("habits-en", ("f6", "down"), language="en", before=sample),
    Shot("habits-budget", ("f6", "2"), before=sample),
    Shot("habits-fund", ("f6", "3"), before=sample),
    Shot("habits-reminders", ("f6", "4"), before=sample),
    Shot("zone-question", tz="UTC"),
)
