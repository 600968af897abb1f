"""An area shown again is restyled only when the stylesheet changed while it was away (ui.shell.switching.py)."""

from __future__ import annotations

import asyncio
import importlib
import pkgutil
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
import textual.widgets
from textual._compositor import LayoutUpdate
from textual.app import App
from textual.css.stylesheet import Stylesheet
from textual.screen import Screen
from textual.widget import Widget

import jiebei_tui.ui
from jiebei_tui.factory import create_app


def fixed_clock() -> datetime:
    return datetime(2026, 11, 23, 20, 30, tzinfo=timezone.utc)


def styles_of(screen: Screen[Any]) -> dict[int, str]:
    return {id(node): node.styles.base.css for node in screen.walk_children(with_self=True)}


def restyled_from_scratch(app: App[Any], screen: Screen[Any]) -> dict[int, str]:
    app.stylesheet.reparse()
    app.stylesheet.update(screen)
    return styles_of(screen)


def count_restyles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    restyled: list[str] = []
    original = Screen.update_node_styles

    def counted(self: Screen[Any], animate: bool = True) -> None:
        restyled.append(type(self).__name__)
        original(self, animate)

    monkeypatch.setattr(Screen, "update_node_styles", counted)
    return restyled


async def test_an_area_shown_again_keeps_its_styles_without_a_restyle(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = create_app(data_dir, clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause(0.3)
        restyled = count_restyles(monkeypatch)
        await pilot.press("f2", "f3")
        await pilot.pause(0.3)
        assert app.current_mode == "selfcheck"
        assert restyled == []
        assert styles_of(app.screen) == restyled_from_scratch(app, app.screen)


async def test_an_area_is_restyled_when_the_theme_changed_while_it_was_away(data_dir: Path) -> None:
    app = create_app(data_dir, clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause(0.3)
        dark = styles_of(app.screen)
        await pilot.press("f2")
        await pilot.pause()
        app.theme = "textual-light"
        await pilot.pause(0.2)
        await pilot.press("f3")
        await pilot.pause(0.3)
        light = styles_of(app.screen)
        assert light != dark
        assert light == restyled_from_scratch(app, app.screen)


async def test_an_area_is_restyled_when_a_stylesheet_was_added_while_it_was_away(
    data_dir: Path, tmp_path: Path
) -> None:
    """As when a screen shown later brings a stylesheet whose rules reach further than its own widgets."""
    from textual.color import Color

    from jiebei_tui.ui.shell.switching import add_stylesheets

    reaching = tmp_path / "reaching.tcss"
    reaching.write_text("#sc-form { background: #ff0000; }", encoding="utf-8")
    app = create_app(data_dir, clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause(0.3)
        await pilot.press("f2")
        await pilot.pause()
        add_stylesheets(app, [str(reaching)])
        await pilot.press("f3")
        await pilot.pause(0.3)
        assert app.screen.query_one("#sc-form").styles.background == Color(255, 0, 0)


async def test_every_area_looks_as_restyled_from_scratch_while_stylesheets_arrive(data_dir: Path) -> None:
    """With the warm-up adding each area's stylesheet after the first frame, and widgets bringing their own
    DEFAULT_CSS as they first mount, every screen shown still has the styles a full restyle gives it."""
    app = create_app(data_dir, clock=fixed_clock)
    app.warm_up_after_start = True
    async with app.run_test(size=(80, 24)) as pilot:
        for key in ["f3", "f2", "f4", "f5", "f6", "f7", "f3", "f2", "f4", "f5", "f6", "f7"]:
            await pilot.press(key)
            await pilot.pause(0.2)
            assert styles_of(app.screen) == restyled_from_scratch(app, app.screen), key


def _widget_classes() -> set[type[Widget]]:
    for package in (textual.widgets, jiebei_tui.ui):
        for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            importlib.import_module(module.name)
    found: set[type[Widget]] = set()
    pending = [Widget]
    while pending:
        cls = pending.pop()
        for sub in cls.__subclasses__():
            if sub not in found:
                found.add(sub)
                pending.append(sub)
    return found


def test_every_unscoped_default_css_selects_inside_its_own_class() -> None:
    """What lets a new widget's DEFAULT_CSS leave the screens already styled alone: a rule that names the
    class can only match widgets of that class or inside one, and none existed before the CSS was added."""
    checked = []
    variables = App().get_css_variables()
    for cls in _widget_classes():
        if cls.SCOPED_CSS or not cls.__dict__.get("DEFAULT_CSS", "").strip():
            continue
        stylesheet = Stylesheet(variables=variables)
        stylesheet.add_source(cls.DEFAULT_CSS, read_from=("", cls.__name__), is_default_css=True)
        stylesheet.parse()
        for rule in stylesheet.rules:
            for selector_set in rule.selector_set:
                names = {selector.name for selector in selector_set.selectors}
                assert cls.__name__ in names, (cls, selector_set.css)
        checked.append(cls.__name__)
    assert "MarkdownParagraph" in checked  # Textual's own unscoped CSS is among those checked


async def test_a_screen_switched_to_is_drawn_when_another_batch_ends_last(data_dir: Path) -> None:
    """Textual holds updates for 50 ms after a switch; when another batch of updates ends after that, the
    screen switched to must still be drawn whole (Pilot's pause would draw it itself, so plain sleeps here)."""
    app = create_app(data_dir, clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause(0.3)
        shown: list[tuple[str, object]] = []
        display = app._display

        def recorded(screen: Screen[Any], renderable: Any) -> None:
            shown.append((type(screen).__name__, renderable))
            display(screen, renderable)

        app._display = recorded  # type: ignore[method-assign]
        app._begin_batch()
        app.action_area("home")
        await asyncio.sleep(0.2)
        ended_at = len(shown)
        app._end_batch()
        await asyncio.sleep(0.2)
        assert any(name == "HomeScreen" and isinstance(update, LayoutUpdate) for name, update in shown[ended_at:])
