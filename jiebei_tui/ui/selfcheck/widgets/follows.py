"""The end of the self-check form while the rest of it is still being mounted.

The form draws its top at once and mounts the rest in steps right after
(about 200 widgets mounted at once took a second or more here). Someone who
types fast, or whose keys arrive in one SSH burst, may Tab past what is built:
the focus then lands here, and this line holds every key typed meanwhile, in
order, until the next part is mounted and has the focus; then the keys go on
to it, as if the whole form had been there all along.
"""

from __future__ import annotations

from typing import Protocol

from textual import events
from textual.widgets import Static

from jiebei_tui.i18n import _


class Building(Protocol):
    built: bool

    async def more_built(self) -> None:
        """Return when the next part of the form is mounted (or all of it)."""


class FormFollows(Static):
    can_focus = True

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(_("Loading…"), id=id, classes="sc-follows")
        self._held: list[events.Key] = []

    async def _on_key(self, event: events.Key) -> None:
        # Held here, not awaited here: a message pump stuck waiting would hold up closing the screen or the App.
        event.stop()
        event.prevent_default()
        self._held.append(event)
        if len(self._held) == 1:
            self.run_worker(self._pass_on(), group="follows")

    async def _pass_on(self) -> None:
        """Once the focus has moved on to what was built next, hand it the held keys, in order."""
        screen = self.screen
        form: Building = screen  # type: ignore[assignment]  # only the self-check form mounts this
        while screen.focused is self and not form.built:
            await form.more_built()
        held, self._held = self._held, []
        focused = screen.focused
        if focused is not None and focused is not self:
            for key in held:
                focused.post_message(events.Key(key.key, key.character))
