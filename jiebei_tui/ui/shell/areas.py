"""The area registry on the Textual side: the App's modes and the F-key bindings.

Each area's screen is imported when the area is first shown, so starting the
app (``jiebei-tui call`` in particular) imports only the screen it opens.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import partial
from typing import Any

from textual._context import active_app
from textual.binding import Binding
from textual.screen import Screen

from jiebei_tui.areas import AREAS, area
from jiebei_tui.ui.common.keys import bind
from jiebei_tui.ui.shell.switching import add_stylesheets


def screen_class(area_id: str) -> type[Screen[Any]]:
    module_name, class_name = area(area_id).screen.split(":")
    screen: type[Screen[Any]] = getattr(importlib.import_module(module_name), class_name)
    return screen


def screen_stylesheets(area_id: str) -> list[str]:
    """The stylesheets (CSS_PATH) of an area's screen. The first screen's are read with the App's own: Textual
    would otherwise parse every stylesheet twice more as it mounts it (~20 ms for `jiebei-tui call`)."""
    css_path = screen_class(area_id).CSS_PATH
    return [str(path) for path in (css_path if isinstance(css_path, list) else [css_path] if css_path else [])]


def later_stylesheets(area_id: str) -> list[str]:
    """The stylesheets of what an area opens besides its screen (its dialogs): read by the warm-up."""
    return [str(path) for path in getattr(screen_class(area_id), "LATER_CSS_PATHS", [])]


def later_modules(area_id: str) -> tuple[str, ...]:
    """The modules of what an area opens besides its screen: imported by the warm-up."""
    return tuple(getattr(screen_class(area_id), "LATER_MODULES", ()))


def _new_screen(area_id: str) -> Screen[Any]:
    app = active_app.get()
    # Not for the first screen: the first restyle also puts the theme's variables in the stylesheet.
    later = any(app._screen_stacks.values())
    if later:
        # Its stylesheets before it is built (the warm-up has usually read them already): so that all of it is
        # styled with the same rules, and Textual's own reading of them does not reparse every stylesheet.
        missing = [path for path in screen_stylesheets(area_id) if not app.stylesheet.has_source(path, "")]
        if missing:
            add_stylesheets(app, missing)
    screen = screen_class(area_id)()
    if later:
        # A new screen is styled when it mounts, with the stylesheet as it is then. Textual 8 marks it as
        # never styled (-1), so showing it restyled every screen of the app from scratch (a full re-parse and
        # re-match of every node: ~0.1 s with Home and two areas built), at the first and the second open.
        screen._css_update_count = app._css_update_count
    return screen


def modes() -> dict[str, str | Callable[[], Screen[Any]]]:
    return {entry.id: partial(_new_screen, entry.id) for entry in AREAS}


def area_bindings() -> list[Binding]:
    """F2 Home, F3 Self-check, ...: the same numbers as the Ctrl+G menu."""
    return [
        bind(f"area.{entry.id}", f"area('{entry.id}')", entry.title, id=f"app.area.{entry.id}", priority=True)
        for entry in AREAS
    ]
