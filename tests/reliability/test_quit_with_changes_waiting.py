"""A full disk or a read-only folder while the app runs (ENOSPC/EROFS injected where the store writes
files: the machine offers no small tmpfs to fill), then F10: the app asks, names what would be lost,
exports it elsewhere, retries, and never quits silently with changes waiting."""

from __future__ import annotations

import errno
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from textual.widgets import Static

from jiebei_tui.factory import create_app
from jiebei_tui.store import partitions
from jiebei_tui.store.calls import CallsRepo
from jiebei_tui.store.store import open_store
from jiebei_tui.ui.shell.export import ExportScreen
from jiebei_tui.ui.shell.quit import QuitScreen

CST = timezone(timedelta(hours=8))


def clock() -> datetime:
    return datetime(2026, 11, 23, 20, 31, 5, tzinfo=CST)


class Disk:
    """The store's two ways to write a file, failing with ``error`` while it is set."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.error: int | None = None
        for name in ("atomic_write", "atomic_write_many"):
            real = getattr(partitions, name)
            monkeypatch.setattr(partitions, name, self._failing(real))

    def _failing(self, real):  # type: ignore[no-untyped-def]
        def write(*args, **kwargs):  # type: ignore[no-untyped-def]
            if self.error is not None:
                raise OSError(self.error, "injected")
            return real(*args, **kwargs)

        return write


async def test_f10_with_the_disk_full_asks_exports_and_retries(data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    error, said = errno.ENOSPC, "the disk is full"
    disk = Disk(monkeypatch)
    app = create_app(data_dir, start_area="calls", language="en", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"saved before", "enter")
        disk.error = error
        await pilot.press(*"line the disk refused", "enter")
        await pilot.press(*"half a line")
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, QuitScreen), "F10 with changes waiting must ask, not quit"
        reason = str(app.screen.query_one("#quit-reason", Static).render())
        changes = str(app.screen.query_one("#quit-changes", Static).render())
        assert said in reason
        assert "line the disk refused" in changes and "half a line" in changes

        await pilot.press("2")  # export a copy elsewhere
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        target = tmp_path / "elsewhere.json"
        field = app.screen.query_one("#export-path")
        field.value = str(target)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QuitScreen) and app.screen.exported == target
        exported = target.read_text(encoding="utf-8")
        assert "line the disk refused" in exported and "half a line" in exported and "saved before" in exported
        json.loads(exported)

        await pilot.press("1")  # still failing: says so and stays
        await pilot.pause()
        assert isinstance(app.screen, QuitScreen)
        assert "Still not saved" in str(app.screen.query_one("#quit-message", Static).render())
        assert app.return_code is None

        disk.error = None  # space again
        await pilot.press("1")
        await pilot.pause()
    assert app.return_code == 0
    store = open_store(data_dir)[0]
    repo = CallsRepo(store)
    record = repo.get(store.get("drafts", "calls.active")["value"]["record_id"])
    assert sorted(note.text for note in repo.notes(record)) == ["line the disk refused", "saved before"]  # one clock second


async def test_read_only_then_quitting_and_losing_them_says_how_many_and_exits_non_zero(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    disk = Disk(monkeypatch)
    app = create_app(data_dir, start_area="calls", language="en", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        disk.error = errno.EROFS
        await pilot.press(*"lost on purpose", "enter")
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, QuitScreen)
        assert "read-only" in str(app.screen.query_one("#quit-reason", Static).render())
        waiting = app.store.pending_count
        assert waiting >= 1 and f"Quit and lose {waiting} change" in str(app.screen.query_one("#quit-lose").render())
        await pilot.press("escape")  # back to the app, which keeps trying
        await pilot.pause()
        assert not isinstance(app.screen, QuitScreen)
        await pilot.press("f10")
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
    assert app.return_code == 1
