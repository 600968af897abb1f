"""Keeps what the user is typing safe before they press Enter.

Widgets hand their current value to :meth:`DraftKeeper.set` on every change (in
memory, cheap); the App flushes dirty drafts to ``drafts.json`` once a second
(all of them in one write), and on quit, Ctrl+C, SIGHUP and SIGTERM.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from jiebei_tui.store.emergency import Changes
from jiebei_tui.store.store import Store

DRAFTS_TABLE = "drafts"


class DraftKeeper:
    def __init__(self, store: Store, clock: Callable[[], datetime]) -> None:
        self._store = store
        self._clock = clock
        self._dirty: dict[str, Any] = {}
        self._flushing: dict[str, Any] = {}  # handed to the store, not yet written or kept by it

    def get(self, key: str) -> Any | None:
        if key in self._dirty:
            return self._dirty[key]
        doc = self._store.get(DRAFTS_TABLE, key)
        return None if doc is None else doc.get("value")

    def items(self, prefix: str) -> dict[str, Any]:
        """Every draft whose key starts with ``prefix`` (unsaved changes included)."""
        found = {key: doc.get("value") for key, doc in self._store.view(DRAFTS_TABLE).items() if key.startswith(prefix)}
        found.update((key, value) for key, value in self._dirty.items() if key.startswith(prefix))
        return found

    def set(self, key: str, value: Any) -> None:
        self._dirty[key] = value

    def discard(self, key: str) -> None:
        """The draft became real data (or was cleared): forget it everywhere."""
        self._dirty.pop(key, None)
        if key in self._store.view(DRAFTS_TABLE):
            self._store.delete(DRAFTS_TABLE, key)

    @property
    def dirty(self) -> bool:
        return bool(self._dirty)

    def flush(self) -> None:
        """Write every changed draft; a failed write stays queued inside the store."""
        dirty, self._dirty = self._dirty, {}
        if dirty:
            self._flushing = dirty
            try:
                self._store.put_all(DRAFTS_TABLE, self._documents(dirty))
            finally:
                self._flushing = {}

    def _documents(self, drafts: dict[str, Any]) -> dict[str, dict[str, Any]]:
        saved_at = self._clock().isoformat()
        return {key: {"value": value, "saved_at": saved_at} for key, value in drafts.items()}

    def unsaved(self) -> list[Changes]:
        """Drafts not handed to the store yet, for an emergency file (callable from another thread)."""
        drafts = {**self._flushing, **self._dirty}
        if not drafts:
            return []
        return [(DRAFTS_TABLE, None, tuple(self._documents(drafts).items()))]
