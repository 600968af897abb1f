"""Pilot and snapshot tests see a steady cursor.

A blinking cursor (every 0.5 s) would make what a snapshot shows depend on
how long a loaded machine took to get there: the focused field's text is
drawn differently while the cursor is off.
"""

from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea


@pytest.fixture(autouse=True)
def steady_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)
