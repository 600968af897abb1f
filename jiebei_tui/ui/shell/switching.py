"""How an area's screen comes into view quickly: restyled only when needed, drawn at once, and what waits for
its first frame run after a frame really reached the terminal.

Restyling. Textual 8 restyles every widget of a screen each time it is resumed, in
case the stylesheet changed meanwhile: ~100 ms for the self-check form on 2 cores,
paid on every F3. What can change a suspended screen's styles is a stylesheet file
added (an area's .tcss, read by the warm-up) or new values for the theme's
variables. A widget class's own DEFAULT_CSS, added when the first widget of the
class mounts (a DataTable in Review), only selects inside that class: scoped to it,
or, where it is not (Textual's Markdown), naming it (tests/ui/test_switching.py),
so no widget styled before it was added can match it. A screen records what it was
styled with; each place that restyles a screen in view records it too: the
screen's first frame, Textual's restyle on resume, a stylesheet added (by Textual or
the warm-up) and a theme change.

Drawing. Textual holds every frame for 50 ms after a switch of areas; see
``SwitchesScreens.delay_update``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from inspect import getfile
from typing import Any

from textual.app import App
from textual.cache import LRUCache
from textual.css.stylesheet import Stylesheet
from textual.css.types import CSSLocation
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import AwaitMount, Widget

_RECORD = "_jiebei_styled_with"


class ReusingStylesheet(Stylesheet):
    """Textual's stylesheet, minus the parses that give what it already has.

    Textual re-parses every stylesheet whenever it refreshes the CSS (the first screen shown, a theme chosen),
    even with the very variables it has, and then with an empty parse cache: the next widget class mounted had
    every stylesheet parsed once more (~15-25 ms of each start on 2 cores). Here variables equal to the ones
    in use change nothing, and a re-parse fills the cache it parses with.
    """

    _stale = False  # new variables since the last parse
    # Textual keeps 64 parses. With every area shown, and the widgets' DEFAULT_CSS parsed ahead, the App holds more
    # sources than that, and a full parse, walking them in order, would then miss the cache on every one.
    PARSE_CACHE = 512

    def __init__(self, *, variables: dict[str, str] | None = None) -> None:
        super().__init__(variables=variables)
        self._parse_cache = LRUCache(self.PARSE_CACHE)

    def set_variables(self, variables: dict[str, str]) -> None:
        if variables == self._variables:
            return
        self._stale = True
        super().set_variables(variables)

    def reparse(self) -> None:
        if self._stale or self._require_parse:
            self.parse()  # keeps the rules it had if a source has an error, as Textual's own reparse does

    def parse(self) -> None:
        super().parse()
        self._stale = False


def _signature(app: App[Any]) -> tuple[dict[str, str], frozenset[tuple[object, str]]]:
    """The theme's variables and the stylesheet files (not the widgets' DEFAULT_CSS)."""
    stylesheet = app.stylesheet
    sources = frozenset(
        (location, source.content) for location, source in stylesheet.source.items() if not source.is_defaults
    )
    return dict(stylesheet._variables), sources


def mark_styled(screen: Screen[Any]) -> None:
    """``screen`` has just been styled, every widget of it, with the stylesheet as it is now."""
    setattr(screen, _RECORD, _signature(screen.app))


def styled_with_current_rules(screen: Screen[Any]) -> bool:
    record = getattr(screen, _RECORD, None)
    return record is not None and record == _signature(screen.app)


def add_stylesheets(app: App[Any], paths: list[str]) -> None:
    """Read ``paths`` into the App's stylesheet and restyle the screen in view, as Textual does when a screen
    with new stylesheets is shown, but parsing only the new files (the others come from the parse cache)."""
    stylesheet = app.stylesheet
    for path in paths:
        stylesheet.read(path)
    stylesheet.parse()
    stylesheet.update(app)
    mark_styled(app.screen)


def default_css(widget_class: type[Widget]) -> list[tuple[str, CSSLocation, int, str]]:
    """What Textual adds to the stylesheet as the first widget of ``widget_class`` mounts (``_post_register``, from
    ``DOMNode._get_default_css``), from the class alone."""
    found: list[tuple[str, CSSLocation, int, str]] = []  # text, location, tie breaker, scope
    for tie_breaker, base in enumerate(DOMNode._css_bases(widget_class)):
        css: str = base.__dict__.get("DEFAULT_CSS", "")
        if css:
            try:
                location: CSSLocation = (getfile(base), f"{base.__name__}.DEFAULT_CSS")
            except (TypeError, OSError):
                location = ("", f"{base.__name__}.DEFAULT_CSS")
            scope = base._css_type_name if base.__dict__.get("SCOPED_CSS", True) else ""
            found.append((css, location, -tie_breaker, scope))
    return found


def _widget_classes(root: type[Widget] = Widget) -> Iterator[type[Widget]]:
    for subclass in root.__subclasses__():
        yield subclass
        yield from _widget_classes(subclass)


def parse_widget_styles_ahead(app: App[Any], done: set[type[Widget]], budget: float) -> bool:
    """Parse, into the stylesheet's cache, the DEFAULT_CSS of every widget class imported so far (``done``: the
    classes finished), for up to ``budget`` seconds; True when some is left. Textual parses a class's as its first
    widget mounts: ~20 sources, ~10-20 ms, of the first open of Self-check. Only the cache is filled: the
    stylesheet's sources and rules are what they would be without it, and a theme change empties the cache as it
    would anyway. A source shared by several classes is parsed once (the others find it in the cache)."""
    stylesheet = app.stylesheet
    deadline = time.perf_counter() + budget
    # The workbook's own widget classes first (with their bases: Textual's Select, Input...): an area about to be
    # opened mounts those.
    waiting = [widget_class for widget_class in _widget_classes() if widget_class not in done]
    waiting.sort(key=lambda widget_class: not widget_class.__module__.startswith("jiebei_tui"))
    for widget_class in waiting:
        for css, location, tie_breaker, scope in default_css(widget_class):
            try:
                stylesheet._parse_rules(css, location, is_default_rules=True, tie_breaker=tie_breaker, scope=scope)
            except Exception:  # the widget reports it itself when it mounts
                pass
        done.add(widget_class)
        if time.perf_counter() >= deadline:
            return True
    return False


class SwitchesScreens(App[int]):
    """The App's side: records each restyle of the screen in view, draws a screen switched to at once, and runs
    callbacks after a screen's first frame."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        stylesheet = ReusingStylesheet(variables=self.stylesheet._variables)
        stylesheet.source.update(self.stylesheet.source)
        self.stylesheet = stylesheet
        self._after_frame = []

    _switching = False
    _drew = False  # whether the last attempt to draw wrote anything to the terminal
    _after_frame: list[tuple[Screen[Any], Callable[[], object]]]

    def after_frame(self, screen: Screen[Any], callback: Callable[[], object]) -> None:
        """Call ``callback`` (in ``screen``'s message loop) once a frame of ``screen`` has been handed to the terminal.

        Not ``call_after_refresh``: a screen runs those at once, before anything is drawn, while it is not
        yet the current one (an area's screen mounts before its mode is switched to) and while Textual batches
        updates (it builds the first screen in one batch). Home's figures, the warm-up and the rest of the
        self-check form then held back the first frame (~40-80 ms).
        """
        self._after_frame.append((screen, callback))

    def _display(self, screen: Screen[Any], renderable: Any) -> None:
        # Textual drops what it renders while updates are batched, and renders nothing when nothing changed.
        self._drew = renderable is not None and not self._batch_count
        super()._display(screen, renderable)

    def post_display_hook(self) -> None:
        # Textual calls this after every attempt to draw the current screen, also when nothing was drawn.
        if not self._drew or not self._after_frame:
            return
        shown = self.screen
        waiting = []
        for screen, callback in self._after_frame:
            if screen is shown:
                screen.call_later(callback)
            else:
                waiting.append((screen, callback))
        self._after_frame = waiting

    def switch_mode(self, mode: str) -> AwaitMount:
        self._switching = True
        try:
            return super().switch_mode(mode)
        finally:
            self._switching = False

    def delay_update(self, delay: float = 0.05) -> None:
        """Textual holds every frame for 50 ms after a switch of areas, to mask the change. An area's screen
        already built is drawn whole at once, and a new one only once it is composed, so that only delayed it;
        and a frame rendered in that time was dropped and drawn again later (~60-120 ms of a first open). The
        command palette's own delay, as a command starts, stays."""
        if not self._switching:
            super().delay_update(delay)

    def _load_screen_css(self, screen: Screen[Any]) -> None:
        before = _signature(self)
        super()._load_screen_css(screen)
        if _signature(self) != before and self._screen_stacks.get(self._current_mode):
            mark_styled(self.screen)  # Textual restyled it (the screen being shown is styled as it mounts)

    def _end_batch(self) -> None:
        # A screen asks for its repaint on its next idle, which does nothing while updates are batched (a footer
        # being rebuilt). Textual's restyle on resume happened to prompt the screen again later; without it
        # the screen just switched to kept the last one's picture when another batch ended last.
        super()._end_batch()
        if not self._batch_count and self._screen_stacks.get(self._current_mode):
            self.screen.check_idle()

    def refresh_css(self, animate: bool = True) -> None:
        super().refresh_css(animate)  # restyles every screen of the current stack
        for screen in self.screen_stack:
            mark_styled(screen)
