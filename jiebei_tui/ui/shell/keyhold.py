"""Keys typed while a screen is still being shown wait for it, in the order they were typed.

Textual hands each key to whatever has the focus when the App takes the key from
its queue. A key that runs an action (F4, Ctrl+N, a key that opens a dialog) only
asks for the new screen: the screen composes, mounts and takes its focus later,
in its own message loop. Keys that came in the same read (a fast typist, a slow
SSH link, a paste right after a key) went meanwhile to the screen being left, or
to nothing: F4 Ctrl+N "hello" put only "h" on the note line.

Here, once a key has run a binding, the keys after it (and pastes) wait until
the screen then in front has handled what was already asked of it (its compose,
mount, resume, the action's ``call_later``) and has been drawn; then they go on,
in order, as if just typed: a binding among them keeps its meaning and holds the
rest again. A key that a binding further up may take (not text for the focused
field) holds the keys after it until it has come back up to the App, because
Textual runs those bindings only then. The form widgets (``ui/common/inputs.py``)
do the same inside one screen: a key queued for a field the focus has left goes
on to where the focus is now.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any

from textual import events
from textual.app import App
from textual.await_complete import AwaitComplete
from textual.message_pump import MessagePump
from textual.timer import Timer
from textual.widget import AwaitMount
from textual.widgets import Input

# Never hold keys longer than this, whatever a screen does (a first open of the self-check form takes up to
# ~2 s on a loaded machine): a late key is better than a lost one.
LONGEST_HOLD = 3.0

Held = events.Key | events.Paste


class KeyHold:
    """The App's keys while a screen is on its way; see the module docstring."""

    def __init__(self, app: App[int]) -> None:
        self.app = app
        self.held: deque[Held] = deque()
        self.holding = False
        self._turn = 0  # which hold a late callback belongs to
        self._in_flight: events.Key | None = None
        self._timer: Timer | None = None

    def wait(self, event: Held) -> bool:
        """True if ``event`` waits; else, if it is a key a binding may take, hold the keys after it."""
        if event._sender not in (None, self.app):
            return False  # a key a widget passed on (ui/common/inputs.py), bubbling up: not typed now
        if self.holding:
            self.held.append(event)
            return True
        if isinstance(event, events.Key) and self._may_bind(event):
            self._in_flight = event
            self._hold()
        return False

    def sent(self, event: events.Key | events.Paste) -> None:
        """The App has sent ``event`` on; if it is a key a binding may take, follow it up to the App.

        A step behind the key, widget by widget along the way Textual bubbles it: when the
        step reaches the App, the key was either taken on the way or has run the App's
        check of the bindings (which holds the keys anew if one ran).
        """
        if event is not self._in_flight:
            return
        self._in_flight = None
        target: MessagePump = self.app.focused or self.app.screen
        target.call_later(self._follow, target, self._turn)

    def _follow(self, node: MessagePump, turn: int) -> None:
        if turn != self._turn:
            return  # a binding ran meanwhile
        parent = node._parent
        if parent is None or node is self.app:
            self.app.call_later(self._go_on, turn)
        else:
            parent.call_later(self._follow, parent, turn)

    def binding_ran(self, key: str) -> None:
        """A binding ran for ``key``: what follows waits for the screen now in front."""
        focused = self.app.focused
        if isinstance(focused, Input) and key in focused._bindings.key_to_bindings:
            return  # the field's own editing key (Backspace, Home...): it changes nothing else
        self.screen_changed()

    def screen_changed(self) -> None:
        """A screen was pushed, popped or switched to: what follows waits until it is drawn."""
        self._in_flight = None
        turn = self._hold()
        self.app.screen.call_after_refresh(self._drawn, turn)

    def _may_bind(self, event: events.Key) -> bool:
        focused = self.app.focused
        typing = isinstance(focused, Input)
        stays = getattr(self.app.screen, "key_stays_here", None)
        if stays is not None and getattr(focused, "keys_in_order", False):
            # The note line hands keys to the call screen itself, in typing order: the screen says which of
            # them stay there (a tick, a flag) and which may open a dialog (ui/calls/strokes.py).
            verdict = stays(event)
            if verdict is not None:
                return not verdict
        if typing and event.is_printable:
            return False  # text for the field, which takes it
        for node, bindings in self.app.screen._modal_binding_chain:
            if typing and node is focused:
                continue
            if event.key in bindings.key_to_bindings:
                return True
        return False

    def _hold(self) -> int:
        self.holding = True
        self._turn += 1
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.app.set_timer(LONGEST_HOLD, lambda turn=self._turn: self._go_on(turn))
        return self._turn

    def _drawn(self, turn: int) -> None:
        # Run from the screen's callbacks after its refresh: the keys go on in the App's own loop, once a
        # screen built in steps (``ready_for_keys``, the self-check form) has the rest mounted.
        ready: Callable[[], Awaitable[None]] | None = getattr(self.app.screen, "ready_for_keys", None)
        if ready is None:
            self.app.call_later(self._go_on, turn)
        else:
            self.app.run_worker(self._when_ready(ready, turn), group="key-hold")

    async def _when_ready(self, ready: Callable[[], Awaitable[None]], turn: int) -> None:
        await ready()
        self.app.call_later(self._go_on, turn)

    async def _go_on(self, turn: int) -> None:
        if turn != self._turn or not self.holding:
            return  # a later hold took over, or this one ended already
        self.holding = False
        self._in_flight = None
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        while self.held and not self.holding:
            await self.app.on_event(self.held.popleft())


class HoldsKeys(App[int]):
    """The App's side of :class:`KeyHold`: keys and pastes pass through it, and every binding run and
    screen change tells it. The App sets ``key_hold`` in its ``__init__``."""

    key_hold: KeyHold

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded and self.key_hold.wait(event):
            return
        await super().on_event(event)
        if isinstance(event, events.Key):
            self.key_hold.sent(event)

    async def _check_bindings(self, key: str, priority: bool = False) -> bool:
        ran = await super()._check_bindings(key, priority)
        if ran:
            self.key_hold.binding_ran(key)
        return ran

    def push_screen(self, *args: Any, **kwargs: Any) -> Any:
        shown = super().push_screen(*args, **kwargs)
        self.key_hold.screen_changed()
        return shown

    def pop_screen(self) -> AwaitComplete:
        popped = super().pop_screen()
        self.key_hold.screen_changed()
        return popped

    def switch_mode(self, mode: str) -> AwaitMount:
        shown = super().switch_mode(mode)
        self.key_hold.screen_changed()
        return shown
