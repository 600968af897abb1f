"""An Input for forms that keeps keys in the order they were typed, even in a burst.

Over SSH several keystrokes often arrive in one read. Textual queues all of them
for the widget that had focus at that moment, while a Tab among them only moves
focus when the screen gets round to it, so "8000<Tab>2026-10-20" would end up
as "80002026-10-20" in the first field. Here Tab, Shift+Tab and Enter move focus
at once, and keys that were queued here after focus moved are passed on to the
field that now has it.
"""

from __future__ import annotations

from textual import events
from textual.widget import Widget
from textual.widgets import Input

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


class InOrderInput(Input):
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
