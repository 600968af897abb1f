"""Change a widget's text, or length, without laying out the whole screen when its size stays the same.

``Static.update`` asks for a layout pass, and Textual lays out the whole screen
for it: on the call screen or the self-check form (~200 widgets) that is tens of
milliseconds on 2 cores, paid on every key that changes a message, a badge or a
counter. Text that fits the box it already has needs only its own repaint; a
layout is asked for only when the box must grow or shrink.

Inputs and lists record the length of their content as their *virtual* size,
which Textual also treats as a layout change (:class:`QuietLayout`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from textual.css.scalar import Scalar
from textual.geometry import Region, Size
from textual.visual import VisualType
from textual.widget import Widget
from textual.widgets import Static

if TYPE_CHECKING:
    from typing_extensions import Self

    _Mixin = Widget
else:
    _Mixin = object  # a plain mixin: a Widget base here would break how Textual merges the widget's CSS classes


def _follows_text(scalar: Scalar | None, parent_is_auto: bool) -> bool:
    """Whether a width or height set to ``scalar`` depends on the content (auto, or a fraction of an auto parent)."""
    if scalar is None:
        return False  # fills what the parent gives
    return scalar.is_auto or (scalar.is_fraction and parent_is_auto)


def _measure(widget: Static, container: Size, viewport: Size, width: int, follows: tuple[bool, bool]) -> tuple[int, int]:
    """What the layout asks a widget about its content: its width (when it follows the text) and height."""
    follows_width, follows_height = follows
    return (
        widget.get_content_width(container, viewport) if follows_width else 0,
        widget.get_content_height(container, viewport, width) if follows_height else 0,
    )


def update_in_place(widget: Static, content: VisualType) -> None:
    """``widget.update(content)``, with a layout only when the widget's size follows its text and changes."""
    if not widget.is_mounted or not widget.display or not widget.size:
        widget.update(content)  # never laid out (or hidden): nothing to compare with
        return
    parent = widget.parent
    styles = widget.styles
    parent_styles = parent.styles if isinstance(parent, Widget) else None
    follows = (
        _follows_text(styles.width, parent_styles is not None and parent_styles.is_auto_width),
        _follows_text(styles.height, parent_styles is not None and parent_styles.is_auto_height),
    )
    if not any(follows):
        widget.update(content, layout=False)
        return
    container, viewport, width = widget.container_size, widget.app.size, widget.content_size.width
    before = _measure(widget, container, viewport, width, follows)
    widget.update(content, layout=False)  # a repaint clears the widget's cached content sizes
    after = _measure(widget, container, viewport, width, follows)
    if after != before:
        widget.refresh(layout=True)


class QuietLayout(_Mixin):
    """Mixed into a widget whose size does not follow its content: inside :meth:`quiet`, what it changes
    (its virtual size, when text is typed or rows are added) repaints it without a layout of the screen."""

    _quiet_layout = False

    @contextmanager
    def quiet(self, quiet: bool = True) -> Iterator[None]:
        self._quiet_layout = quiet
        try:
            yield
        finally:
            self._quiet_layout = False

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False) -> Self:
        if self._quiet_layout:
            layout = False
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)


def after_first_frame(widget: Widget, callback: Callable[[], object]) -> None:
    """``callback`` once a frame of the widget's screen is on the terminal (see ``JiebeiApp.after_frame``);
    in an App without it (a test's), after the next refresh."""
    after_frame = getattr(widget.app, "after_frame", None)
    if after_frame is None:
        widget.call_after_refresh(callback)
    else:
        after_frame(widget.screen, callback)
