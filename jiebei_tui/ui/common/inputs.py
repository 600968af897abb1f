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
from textual.widgets import Input

NEXT_KEYS = frozenset({"tab", "enter"})
PREVIOUS_KEYS = frozenset({"shift+tab"})


class InOrderInput(Input):
    async def _on_key(self, event: events.Key) -> None:
        screen = self.screen
        focused = screen.focused
        if focused is not self and focused is not None and screen is self.app.screen:
            event.stop()
            event.prevent_default()
            focused.post_message(events.Key(event.key, event.character))
            return
        if event.key in NEXT_KEYS or event.key in PREVIOUS_KEYS:
            event.stop()
            event.prevent_default()
            if event.key in NEXT_KEYS:
                screen.focus_next()
            else:
                screen.focus_previous()
            return
        await super()._on_key(event)
