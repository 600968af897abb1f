"""The area registry on the Textual side: the App's modes and the F-key bindings.

Each area's screen is imported when the area is first shown, so starting the
app (``jiebei-tui call`` in particular) imports only the screen it opens.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import partial
from typing import Any

from textual.binding import Binding
from textual.screen import Screen

from jiebei_tui.areas import AREAS, area
from jiebei_tui.ui.common.keys import bind


def screen_class(area_id: str) -> type[Screen[Any]]:
    module_name, class_name = area(area_id).screen.split(":")
    screen: type[Screen[Any]] = getattr(importlib.import_module(module_name), class_name)
    return screen


def _new_screen(area_id: str) -> Screen[Any]:
    return screen_class(area_id)()


def modes() -> dict[str, str | Callable[[], Screen[Any]]]:
    return {entry.id: partial(_new_screen, entry.id) for entry in AREAS}


def area_bindings() -> list[Binding]:
    """F2 Home, F3 Self-check, ...: the same numbers as the Ctrl+G menu."""
    return [
        bind(f"area.{entry.id}", f"area('{entry.id}')", entry.title, id=f"app.area.{entry.id}", priority=True)
        for entry in AREAS
    ]
