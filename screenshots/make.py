"""Regenerate the SVG screenshots of every screen at 100x30.

    python screenshots/make.py            # all shots into screenshots/
    python screenshots/make.py home calls # only these

Area shots live in ``screenshots/shots_<area>.py`` next to this file, each a
``SHOTS`` tuple of :class:`Shot` (import it with ``from make import Shot``).

Each shot runs the real App against a throw-away data directory (with sample
data where a screen needs some), so the pictures always show current screens.
"""

from __future__ import annotations

import asyncio
import os
import random
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from textual.pilot import Pilot

OUT = Path(__file__).resolve().parent
SIZE = (100, 30)


def clock() -> datetime:
    """A Monday evening in Beijing (the sample data in tests/ui/habits_sample.py uses the same moment)."""
    return datetime(2026, 11, 23, 20, 30, tzinfo=timezone(timedelta(hours=8)))


@dataclass(frozen=True)
class Shot:
    name: str
    keys: tuple[str, ...] = ()
    language: str = "zh-Hans"
    start_area: str = "home"
    prepare: Callable[[Pilot], Awaitable[None]] | None = field(default=None, compare=False)
    # Data written into the folder before the app opens it (a user with some history).
    before: Callable[[Path], object] | None = field(default=None, compare=False)
    # The computer's zone: a user in Beijing, unless a shot shows what a server on UTC asks.
    tz: str = "Asia/Shanghai"


SHOTS: tuple[Shot, ...] = (
    Shot("home"),
    Shot("home-en", language="en"),
    Shot("home-zh-hant", language="zh-Hant"),
    Shot("plans", ("f5",)),
    Shot("review", ("f7",)),
    Shot("help", ("f1",)),
    Shot("goto", ("ctrl+g",)),
    Shot("settings", ("f9",)),
    Shot("export", ("x",)),
)


def all_shots() -> tuple[Shot, ...]:
    """The shell's shots plus each area's, from ``screenshots/shots_<area>.py`` (``SHOTS``)."""
    import importlib.util

    shots = list(SHOTS)
    for path in sorted(OUT.glob("shots_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[path.stem] = module
        spec.loader.exec_module(module)
        shots.extend(module.SHOTS)
    return tuple(shots)


async def take(shot: Shot, root: Path) -> Path:
    from jiebei_tui.factory import create_app

    data = root / shot.name / "home" / "data"
    data.parent.mkdir(parents=True)
    os.environ["HOME"] = str(data.parent)
    os.environ["TZ"] = shot.tz
    time.tzset()
    if shot.before is not None:
        shot.before(data)
    # Ids from a generator seeded by the shot: records saved at the same (fixed) moment are listed in id order,
    # which random ids made change from run to run (the two plans in Review).
    ids = random.Random(shot.name)
    uuid.uuid4 = lambda: uuid.UUID(int=ids.getrandbits(128), version=4)
    app = create_app(data, language=shot.language, start_area=shot.start_area, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        if shot.prepare is not None:
            await shot.prepare(pilot)
        for key in shot.keys:
            await pilot.press(key)
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        app.save_screenshot(f"{shot.name}.svg", str(OUT))
    return OUT / f"{shot.name}.svg"


async def main(names: list[str]) -> int:
    shots = all_shots()
    wanted = [shot for shot in shots if not names or shot.name in names]
    unknown = set(names) - {shot.name for shot in shots}
    if unknown:
        print("unknown shots:", ", ".join(sorted(unknown)), file=sys.stderr)
        return 2
    os.environ["TEXTUAL_ANIMATIONS"] = "none"
    # A steady cursor: a blinking one would be drawn on or off depending on how long each shot took.
    from textual.widgets import Input, TextArea

    Input._toggle_cursor = lambda self: None  # type: ignore[method-assign]
    TextArea._toggle_cursor_blink_visible = lambda self: None  # type: ignore[method-assign]
    # A fixed folder, not a random one: the export dialog shows where the file goes, and the shot must not change
    # with every run.
    root = Path(tempfile.gettempdir()) / "jiebei-tui-screenshots"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir()
    try:
        for shot in wanted:
            print("wrote", (await take(shot, root)).relative_to(OUT.parent))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1:])))
