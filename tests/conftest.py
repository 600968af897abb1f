"""Every test runs away from the real user data, in a fixed language, without cursor blink."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from jiebei_tui import i18n


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "home"
    home.mkdir()
    data = home / "data"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("JIEBEI_TUI_DATA_DIR", str(data))
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    # A computer on Beijing time, as most users' own are: the time-zone question is not due. Tests of a
    # server on UTC (the usual SSH host) set TZ=UTC themselves.
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    i18n.set_language(i18n.DEFAULT_LANGUAGE)
    yield data
    i18n.set_language(i18n.DEFAULT_LANGUAGE)
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def data_dir(isolated_environment: Path) -> Path:
    return isolated_environment
