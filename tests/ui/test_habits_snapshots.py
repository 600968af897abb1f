"""How Home and Habits look at 80x24 and 120x40, in Simplified Chinese and English, with a user's data.

Update with ``pytest --snapshot-update``, then look at the SVGs (``python /work/notes/svgtext.py``).
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from jiebei_tui.factory import create_app


def _sample_module():  # type: ignore[no-untyped-def]
    """tests/ui/habits_sample.py (the screenshots use it too); tests import with --import-mode=importlib."""
    spec = importlib.util.spec_from_file_location("habits_sample", Path(__file__).with_name("habits_sample.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SAMPLE = _sample_module()
NOW = SAMPLE.NOW


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample user, built once (through the services, about two seconds) and copied per test."""
    return SAMPLE.sample(tmp_path_factory.mktemp("habits-user") / "data")


@pytest.fixture
def user(template: Path, data_dir: Path) -> Path:
    shutil.copytree(template, data_dir)
    return data_dir

SIZES = [(80, 24), (120, 40)]
LANGUAGES = ["zh-Hans", "en"]


def clock():  # type: ignore[no-untyped-def]
    return NOW


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_home_with_data(snap_compare, user: Path, size: tuple[int, int], language: str) -> None:
    assert snap_compare(create_app(user, language=language, clock=clock), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_habits(snap_compare, user: Path, size: tuple[int, int], language: str) -> None:
    app = create_app(user, language=language, clock=clock)
    assert snap_compare(app, press=["f6", "down"], terminal_size=size)


@pytest.mark.parametrize("view", ["2", "3", "5"], ids=["budget", "fund", "reflection"])
def test_habits_views(snap_compare, user: Path, view: str) -> None:
    app = create_app(user, clock=clock)
    assert snap_compare(app, press=["f6", view], terminal_size=(80, 24))
