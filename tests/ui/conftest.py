"""Pilot and snapshot tests see a steady cursor.

A blinking cursor (every 0.5 s) would make what a snapshot shows depend on
how long a loaded machine took to get there: the focused field's text is
drawn differently while the cursor is off.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from rich.console import Console
from textual.app import App
from textual.widgets import Input, TextArea


@pytest.fixture(autouse=True)
def steady_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)


def screen_lines(app: App[object]) -> list[str]:
    """What the terminal shows, one string per row (as a person reads it, CJK two cells wide)."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True, legacy_windows=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text().splitlines()


@pytest.fixture
def screen_text() -> Callable[[App[object]], list[str]]:
    return screen_lines
