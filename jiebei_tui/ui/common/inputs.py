"""Inputs that show what was typed or pasted inert, and keep keys in the order they were typed.

:class:`InertInput` stores its value exactly as typed or pasted (an ESC, a bidi
override, a NUL included) and shows each control character as one visible
character (``ui/common/text.visible``), so nothing in it can steer the terminal
and the cursor stays over the character it is on.

:class:`InOrderInput`, for forms, keeps keys in the order they were typed, even in a burst.

Over SSH several keystrokes often arrive in one read. Textual queues all of them
for the widget that had focus at that moment, while a Tab among them only moves
focus when the screen gets round to it, so "8000<Tab>2026-10-20" would end up
as "80002026-10-20" in the first field. Here Tab, Shift+Tab and Enter move focus
at once, and keys that were queued here after focus moved are passed on to the
field that now has it. :class:`InOrderSelect` does the same for a form's choices
(Tab and Shift+Tab; Enter still opens it): a Select dropped every key typed after
a Tab in the same burst.
"""

from __future__ import annotations

from typing import TypeVar

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Input, Select

from jiebei_tui.ui.common.redraw import QuietLayout
from jiebei_tui.ui.common.text import visible

Choice = TypeVar("Choice")

NEXT_KEYS = frozenset({"tab", "enter"})
PREVIOUS_KEYS = frozenset({"shift+tab"})


def pass_on(widget: Widget, event: events.Key) -> bool:
    """A key queued for ``widget`` before the focus moved on goes to where the focus is now; True if passed."""
    screen = widget.screen
    focused = screen.focused
    if focused is widget or focused is None or screen is not widget.app.screen:
        return False
    event.stop()
    event.prevent_default()
    focused.post_message(events.Key(event.key, event.character))
    return True


class InertInput(QuietLayout, Input):
    """Shows its value inert; a key costs only its own repaint.

    Textual's Input records the width of its text as its virtual size on every
    change, and a virtual size is a layout property: each key would lay out the
    whole screen (every widget of a call screen or a self-check form) although
    the field's own size never follows its text. Unless its width is ``auto``,
    the field keeps the new virtual size (its scrolling reads it) without that
    layout pass. Likewise when a layout pass (for anything else) hands the field
    its size: Textual would set the field's virtual size back with yet another
    layout of the screen.
    """

    def _watch_value(self, value: str) -> None:
        width = self.styles.width
        with self.quiet(width is None or not width.is_auto):
            super()._watch_value(value)

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)

    @property
    def _value(self) -> Text:
        if self.password:
            return super()._value
        return Text(visible(self.value), no_wrap=True, overflow="ignore", end="")

    def _position_to_cell(self, position: int) -> int:
        return cell_len(visible(self.value[:position]))


def move_focus_now(widget: Widget, event: events.Key, next_keys: frozenset[str] = NEXT_KEYS) -> bool:
    """Tab (``next_keys``) or Shift+Tab moves the focus now, not when the screen gets round to it; True if moved."""
    if event.key not in next_keys and event.key not in PREVIOUS_KEYS:
        return False
    event.stop()
    event.prevent_default()
    if event.key in next_keys:
        widget.screen.focus_next()
    else:
        widget.screen.focus_previous()
    return True


class InOrderInput(InertInput):
    async def _on_key(self, event: events.Key) -> None:
        if pass_on(self, event) or move_focus_now(self, event):
            return
        await super()._on_key(event)


class InOrderSelect(Select[Choice]):
    async def _on_key(self, event: events.Key) -> None:
        if self.has_focus_within and not self.has_focus:
            return  # a key from its open list, on its way up: the list's own
        if not pass_on(self, event):
            move_focus_now(self, event, frozenset({"tab"}))
