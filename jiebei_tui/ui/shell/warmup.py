"""After the first screen is drawn, get every area ready, so that its first open costs little more than a later one.

Start-up imports and styles only what the first screen draws (see jiebei_tui/lazy.py). Then, while
the user reads Home:

1. a background thread imports each area's screen module in F-key order (tens of ms per area; the
   self-check's, with the line breaker, the most). Python switches threads every 5 ms, so the event loop still takes every key at once; a key
   for an area whose module is being imported waits for that import, which it would have done itself.
2. after each import, back on the event loop, that area's stylesheet is added to the App's (a parse
   of that file only, and a restyle of what is mounted: a few ms). Textual would otherwise re-parse
   every stylesheet it holds, and restyle everything, when the area is first shown. Then the
   DEFAULT_CSS of the widget classes imported so far is parsed into the stylesheet's cache, a few
   ms per step (Textual parses a class's as its first widget mounts).
3. then the modules of what the areas open (the call history, dialogs: AreaScreen.LATER_MODULES), and
   last the App freezes all of it (JiebeiApp.freeze_long_lived): it lives as long as the App, and full
   collections need not trace it again.

Nothing here builds a screen or reads data: an area's screen is still composed when first shown
(the Calls screen's mount opens the call session, which must stay the user's doing).
"""

from __future__ import annotations

import importlib
import sys
import threading
from typing import TYPE_CHECKING, Any

from textual.css.errors import StylesheetError

from jiebei_tui.areas import AREAS
from jiebei_tui.ui.shell.areas import later_modules, later_stylesheets, screen_stylesheets
from jiebei_tui.ui.shell.switching import add_stylesheets, parse_widget_styles_ahead

if TYPE_CHECKING:
    from textual.app import App
    from textual.widget import Widget

STEP_GAP = 0.02  # seconds between two stylesheet steps: a key pressed meanwhile is handled first
WIDGET_STYLES_STEP = 0.008  # seconds of parsing widgets' DEFAULT_CSS per step


def area_modules() -> list[str]:
    return list(dict.fromkeys(entry.screen.partition(":")[0] for entry in AREAS))


def later_area_modules() -> list[str]:
    """What the areas open besides their screens (the call history, dialogs): once every area's screen is in."""
    return list(dict.fromkeys(module for entry in AREAS for module in later_modules(entry.id)))


class WarmUp:
    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.started = False
        self.imported = threading.Event()  # set when the thread is done (the tests wait for it)
        self._all_imported = False
        self._steps_due = False  # a stylesheet step is scheduled
        self._parsed: set[type[Widget]] = set()  # widget classes whose DEFAULT_CSS is parsed ahead

    def start(self) -> None:
        if self.started:
            return
        self.started = True
        threading.Thread(target=self._import_areas, name="warm-up", daemon=True).start()

    def _import_areas(self) -> None:
        for module in area_modules():
            try:
                importlib.import_module(module)
            except Exception:  # the area's own first open imports it again and reports the error there
                break
            try:
                self.app.call_from_thread(self._add_stylesheets)  # this area's, while the next one is imported
            except RuntimeError:  # the app has already stopped
                break
        else:
            try:
                for module in later_area_modules():
                    importlib.import_module(module)
            except Exception:  # imported again, and reported, where it is opened
                pass
            try:
                self.app.call_from_thread(self._imported_all)
            except RuntimeError:
                pass
        self.imported.set()

    def _imported_all(self) -> None:
        self._all_imported = True
        if not self._steps_due:
            self._parse_widget_styles()  # those of what the areas open too; then it settles

    def _settled(self) -> None:
        """Every area's modules and stylesheets are in: they live as long as the App."""
        freeze = getattr(self.app, "freeze_long_lived", None)
        if freeze is not None:
            freeze()

    def stylesheet_paths(self) -> list[str]:
        """The stylesheets of the area screens imported so far (CSS_PATH, then LATER_CSS_PATHS: their dialogs')
        that the App does not hold yet."""
        found: list[str] = []
        for entry in AREAS:
            if entry.screen.partition(":")[0] in sys.modules:
                wanted = screen_stylesheets(entry.id) + later_stylesheets(entry.id)
                found += [path for path in wanted if path not in found]
        return [path for path in found if not self.app.stylesheet.has_source(path, "")]

    def _add_stylesheets(self) -> None:
        """One stylesheet per step, a short pause between steps (a key waiting is handled first)."""
        self._steps_due = False
        paths = self.stylesheet_paths()
        if not self.app.is_running:
            return
        try:
            if paths:
                add_stylesheets(self.app, paths[:1])
        except StylesheetError:
            paths = paths[:1]  # the area reads it itself when first shown, and reports the error there
        if len(paths) > 1:
            self._steps_due = True
            self.app.set_timer(STEP_GAP, self._add_stylesheets)
        else:
            self._parse_widget_styles()

    def _parse_widget_styles(self) -> None:
        """The DEFAULT_CSS of the widget classes imported so far, parsed ahead a few ms per step."""
        self._steps_due = False
        if not self.app.is_running:
            return
        if parse_widget_styles_ahead(self.app, self._parsed, WIDGET_STYLES_STEP):
            self._steps_due = True
            self.app.set_timer(STEP_GAP, self._parse_widget_styles)
        elif self._all_imported:
            self._settled()
