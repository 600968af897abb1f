"""At 80×24, in all three languages: Help, Settings, the identity dialog and the flags panel, whole.

Update with ``pytest -n 0 --snapshot-update tests/ui/test_snapshots_fit.py`` and look at the SVGs.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from jiebei_tui.factory import create_app

LANGUAGES = ["zh-Hans", "zh-Hant", "en"]
CST = timezone(timedelta(hours=8))


def fixed_clock() -> datetime:
    return datetime(2026, 11, 23, 20, 30, tzinfo=CST)  # before 22:00: no night flag


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("key", ["f1", "f9"], ids=["help", "settings"])
def test_shell_dialogs(snap_compare, data_dir: Path, language: str, key: str) -> None:
    assert snap_compare(create_app(data_dir, language=language, clock=fixed_clock), press=[key], terminal_size=(80, 24))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("keys", [("ctrl+f", "6", "1", "5"), ("ctrl+r", "3", "ctrl+b", "ctrl+b", "ctrl+b")], ids=["identity", "flags"])
def test_call_panels(snap_compare, data_dir: Path, language: str, keys: tuple[str, ...]) -> None:
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()

    app = create_app(data_dir, language=language, start_area="calls", clock=fixed_clock)
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
