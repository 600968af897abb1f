"""Restyle an area's screen when it comes back into view only if the stylesheet changed in a way that matters.

Textual 8 restyles every widget of a screen each time it is resumed, in case the
stylesheet changed meanwhile: ~100 ms for the self-check form on 2 cores, paid on
every F3. What can change a suspended screen's styles is a stylesheet file added
(an area's .tcss, read by the warm-up) or new values for the theme's variables.
A widget class's own DEFAULT_CSS, added when the first widget of the class mounts
(a DataTable in Review), only selects inside that class: scoped to it, or, where
it is not (Textual's Markdown), naming it (tests/ui/test_styling.py), so no widget
styled before it was added can match it. A screen records what it was styled with; each place that restyles a screen in view records it too: the screen's
first frame, Textual's restyle on resume, a stylesheet added (by Textual or the
warm-up) and a theme change.
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.screen import Screen

_RECORD = "_jiebei_styled_with"


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


class KeepsStyles(App[int]):
    """The App's side: after Textual restyles the screen in view for a new stylesheet or a theme, record it."""

    def _load_screen_css(self, screen: Screen[Any]) -> None:
        before = _signature(self)
        super()._load_screen_css(screen)
        if _signature(self) != before and self._screen_stacks.get(self._current_mode):
            mark_styled(self.screen)  # Textual restyled it (the screen being shown is styled as it mounts)

    def _end_batch(self) -> None:
        # A screen asks for its repaint on its next idle, which does nothing while updates are batched (a switch
        # delays them 50 ms). Textual's restyle on resume happened to prompt the screen again later; without it
        # the screen just switched to kept the last one's picture when another batch ended last.
        super()._end_batch()
        if not self._batch_count and self._screen_stacks.get(self._current_mode):
            self.screen.check_idle()

    def refresh_css(self, animate: bool = True) -> None:
        super().refresh_css(animate)  # restyles every screen of the current stack
        for screen in self.screen_stack:
            mark_styled(screen)
