"""User text on screen: inert (control characters made visible, never markup) and aligned by terminal cells."""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content

from jiebei_tui.domain.text_safety import sanitize_inline


def plain(text: str) -> Content:
    """User text as one safe line of Content (control characters made visible, no markup)."""
    return Content(sanitize_inline(text))


def pad(text: str, width: int) -> str:
    """Pad to ``width`` terminal cells (Chinese characters are two cells wide)."""
    return text + " " * max(0, width - cell_len(text))


def paragraphs(texts: list[str]) -> Content:
    """Several pieces of user or translated text, one per line, each inert."""
    return Content("\n").join(plain(text) for text in texts)
