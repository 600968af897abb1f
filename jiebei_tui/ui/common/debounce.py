"""Save a little after the last change, and at once when leaving: what dialogs and forms typed into a record use."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.message_pump import MessagePump
from textual.timer import Timer


class DebouncedSave:
    """``changed()`` on every edit; ``save`` runs ``seconds`` after the last one, or now with ``flush()``."""

    def __init__(self, owner: MessagePump, seconds: float, save: Callable[[], None]) -> None:
        self._owner = owner
        self._seconds = seconds
        self._save = save
        self._timer: Timer | None = None
        self.dirty = False

    def changed(self) -> None:
        self.dirty = True
        if self._timer is not None:
            self._timer.stop()
        # Through the owner's message loop (a timer's callback runs in its own task): never mid-rebuild.
        self._timer = self._owner.set_timer(self._seconds, partial(self._owner.call_later, self.flush))

    def flush(self) -> None:
        """Save now if anything changed since the last save (quit, SIGHUP, Done)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if not self.dirty:
            return
        self.dirty = False
        self._save()

    def forget(self) -> None:
        """What was typed no longer matters (the record was discarded)."""
        self.dirty = False
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
