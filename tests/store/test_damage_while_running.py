"""A data file damaged (or replaced by a newer version's) while the app runs: no crash, no lost line, the user told."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

from jiebei_tui import locations
from jiebei_tui.factory import create_app
from jiebei_tui.store.calls import CallsRepo
from jiebei_tui.store.schema import SCHEMA_VERSION
from jiebei_tui.ui.calls.screen import CallsScreen

CST = timezone(timedelta(hours=8))


def clock() -> datetime:
    return datetime(2026, 11, 23, 20, 31, 5, tzinfo=CST)


def messages(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(str(notification.message) for notification in app._notifications)


async def test_a_damaged_notes_file_is_repaired_and_the_next_line_is_kept(data_dir: Path) -> None:
    app = create_app(data_dir, start_area="calls", language="en", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, CallsScreen)
        await pilot.press(*"first line", "enter")
        await pilot.press(*"second line", "enter")
        record = screen.record
        assert record is not None
        locations.notes_file(data_dir, record.id).write_bytes(b"x")  # damaged in place by another program
        await pilot.press(*"third line", "enter")
        await pilot.pause(1.2)  # the app's tick hands out what the store found
        assert "was damaged" in messages(app) and "nothing is missing" in messages(app)
        assert app.store.pending_count == 0
        notes = sorted(note.text for note in CallsRepo(app.store).notes(record))  # same second: order by id
        assert notes == ["first line", "second line", "third line"]  # the version this session saved


async def test_a_newer_file_is_left_alone_and_the_line_waits_in_memory(data_dir: Path) -> None:
    app = create_app(data_dir, start_area="calls", language="en", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, CallsScreen)
        await pilot.press(*"first line", "enter")
        record = screen.record
        assert record is not None
        path = locations.notes_file(data_dir, record.id)
        future = {"_meta": {"schema": {"version": SCHEMA_VERSION + 1}}, "notes": {}}
        path.write_text(json.dumps(future), encoding="utf-8")
        await pilot.press(*"second line", "enter")
        await pilot.pause(1.2)
        assert "newer version" in messages(app)
        assert app.store.pending_count == 1 and json.loads(path.read_text(encoding="utf-8")) == future
        assert [note.text for note in CallsRepo(app.store).notes(record)] == ["second line"]
