"""Messages the App sends to its screens."""

from __future__ import annotations

from textual.message import Message


class DataChanged(Message):
    """Something was saved, here or by another session on the same data directory."""


class LanguageChanged(Message):
    """The language was switched; screens that cache text rebuild it."""
