"""How the shell looks, at a fixed terminal size (update with --snapshot-update, then look at them)."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from jiebei_tui.factory import create_app


def fixed_clock() -> datetime:
    return datetime(2026, 11, 23, 20, 30, tzinfo=timezone.utc)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@pytest.mark.parametrize("language", ["zh-Hans", "en"])
def test_home(snap_compare, data_dir: Path, size: tuple[int, int], language: str) -> None:
    assert snap_compare(create_app(data_dir, language=language, clock=fixed_clock), terminal_size=size)


@pytest.mark.parametrize("key", ["f5", "f6", "f7"])
def test_guidance_areas(snap_compare, data_dir: Path, key: str) -> None:
    assert snap_compare(create_app(data_dir, clock=fixed_clock), press=[key], terminal_size=(80, 24))


@pytest.mark.parametrize("keys", [["ctrl+g"]], ids=["goto"])  # Help and Settings: test_snapshots_fit.py
def test_dialogs(snap_compare, data_dir: Path, keys: list[str]) -> None:
    assert snap_compare(create_app(data_dir, clock=fixed_clock), press=keys, terminal_size=(80, 24))


def test_home_traditional_chinese(snap_compare, data_dir: Path) -> None:
    assert snap_compare(create_app(data_dir, language="zh-Hant", clock=fixed_clock), terminal_size=(120, 40))
