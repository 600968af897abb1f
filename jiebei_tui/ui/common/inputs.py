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
field that now has it.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.widget import Widget
from textual.widgets import Input

from jiebei_tui.ui.common.text import visible

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


class InertInput(Input):
    @property
    def _value(self) -> Text:
        if self.password:
            return super()._value
        return Text(visible(self.value), no_wrap=True, overflow="ignore", end="")

    def _position_to_cell(self, position: int) -> int:
        return cell_len(visible(self.value[:position]))


class InOrderInput(InertInput):
    async def _on_key(self, event: events.Key) -> None:
        if pass_on(self, event):
            return
        screen = self.screen
        if event.key in NEXT_KEYS or event.key in PREVIOUS_KEYS:
            event.stop()
            event.prevent_default()
            if event.key in NEXT_KEYS:
                screen.focus_next()
            else:
                screen.focus_previous()
            return
        await super()._on_key(event)
