"""Messages the App sends to its screens."""

from __future__ import annotations

from textual.message import Message


class DataChanged(Message):
    """Something was saved, here or by another session on the same data directory."""


class LanguageChanged(Message, bubble=False):
    """The language was switched: each screen rebuilds itself in its own message loop."""
