"""How the call screen looks at 80×24 and 120×40, with a fixed clock (update with --snapshot-update, then look)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from jiebei_tui.factory import create_app

CST = timezone(timedelta(hours=8))
LINES = (
    "他:我是某某资产的王经理，你的借呗逾期了",
    "我:请问您的工号，代表哪家机构？",
    "他说代表蚂蚁，工号W1024",
    "诺:下周五还2000元",
    "?罚息怎么算，要书面说明",
    "!说不还就打给我单位同事",
)


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 22, 5, tzinfo=CST)  # after 22:00: the night flag shows by itself

    def __call__(self) -> datetime:
        return self.now


def call_in_progress(clock: Clock, *keys: str):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        note_input = pilot.app.screen.query_one("#note-input")
        for line in LINES:
            clock.now += timedelta(seconds=23)
            note_input.value = line
            await pilot.press("enter")
        await pilot.press("ctrl+t", "1", "ctrl+t", "2", "ctrl+r", "3")
        await pilot.press(*"他说可以申请分", *keys)  # a line being typed, cursor at its end
        await pilot.pause()

    return run_before


@pytest.mark.parametrize(
    ("size", "keys"),
    [((80, 24), ()), ((80, 24), ("ctrl+b", "ctrl+b", "ctrl+b")), ((120, 40), ())],
    ids=["80x24", "80x24-flags", "120x40"],
)
def test_call_screen(snap_compare, data_dir: Path, size: tuple[int, int], keys: tuple[str, ...]) -> None:
    clock = Clock()
    app = create_app(data_dir, start_area="calls", clock=clock)
    assert snap_compare(app, terminal_size=size, run_before=call_in_progress(clock, *keys))


def test_call_screen_english(snap_compare, data_dir: Path) -> None:
    clock = Clock()
    app = create_app(data_dir, start_area="calls", clock=clock, language="en")
    assert snap_compare(app, terminal_size=(120, 40), run_before=call_in_progress(clock))


COACHED = {
    "zh-Hans": ("他:我是某某资产的王经理，你的借呗逾期了", "我:请问您的工号，代表哪家机构？", "他:再不还我们就联系你的家人和单位同事"),
    "en": (
        "t: This is Wang from a collection agency about your overdue Jiebei loan",
        "i: Which institution are you calling for?",
        "t: Pay today or we will call your family and your employer",
    ),
}


def coached_call(clock: Clock, lines: tuple[str, ...]):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        note_input = pilot.app.screen.query_one("#note-input")
        for line in lines:
            clock.now += timedelta(seconds=23)
            note_input.value = line
            await pilot.press("enter")
        await pilot.press(*"wo")  # typing goes on while the coach shows
        pilot.app.screen.query_one("#call-hint").clear()  # the keys, not "Saved", however long the run took
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("language", ["zh-Hans", "en"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_call_coach(snap_compare, data_dir: Path, size: tuple[int, int], language: str) -> None:
    clock = Clock()
    clock.now = clock.now.replace(hour=15)  # daytime: only the coach's band, not the night rule
    app = create_app(data_dir, start_area="calls", clock=clock, language=language)
    assert snap_compare(app, terminal_size=size, run_before=coached_call(clock, COACHED[language]))
