"""User and file text on screen: inert, never markup, never a terminal control; aligned by terminal cells.

Text a user typed, pasted or imported, and text read from a file (a path, a
setting), becomes screen text in two steps, both here:

* where a widget is given it: :func:`plain` (one line) or :func:`inert` (several
  lines) make Content from it, so ``[red]`` or ``[@click=app.quit]`` is shown as
  typed instead of being read as markup, and control characters are made
  visible (ESC as ␛); inputs show their value the same way (:func:`visible`,
  one character for one, so the cursor stays where it belongs);
* where Textual hands drawn text to the terminal: :func:`install_terminal_guard`
  drops any control character still in it, whichever widget drew it. No
  escape sequence, bidi override or NUL from the data reaches the terminal,
  even from a widget that forgot the first step.
"""

from __future__ import annotations

import re
from typing import Any

from rich.cells import cell_len
from rich.segment import Segment
from textual.content import Content

from jiebei_tui.domain.text_safety import sanitize, sanitize_inline

# What a terminal would obey: C0 and C1 controls (newline and tab included: Textual draws lines itself),
# DEL, bidi controls, the Unicode line separators, and lone surrogates (they cannot even be encoded).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")
_PICTURES = {code: 0x2400 + code for code in range(0x20)} | {0x7F: 0x2421}


def plain(text: str) -> Content:
    """User text as one safe line of Content (control characters made visible, no markup)."""
    return Content(sanitize_inline(text))


def inert(text: str) -> Content:
    """Text with user or file text in it, lines kept, as Content: shown as written, never read as markup."""
    return Content(sanitize(text).replace("\t", "    "))


def visible(text: str) -> str:
    """Each control character as one printable character (ESC as ␛, others as �): an input shows its value
    this way, so positions in the text and on the screen stay one for one."""
    if _CONTROL.search(text) is None:
        return text
    return _CONTROL.sub(lambda match: chr(_PICTURES.get(ord(match.group()), 0xFFFD)), text)


def pad(text: str, width: int) -> str:
    """Pad to ``width`` terminal cells (Chinese characters are two cells wide)."""
    return text + " " * max(0, width - cell_len(text))


def _terminal_safe(text: str) -> str:
    # Controls are zero cells wide to Rich, so dropping them moves nothing on the screen.
    return _CONTROL.sub(lambda match: "\ufffd" if 0xD800 <= ord(match.group()) <= 0xDFFF else "", text)


def install_terminal_guard() -> None:
    """Make the last step from drawn text to terminal output drop control characters (idempotent).

    Textual writes what widgets drew through ``Strip.render`` (every screen
    update: full, partial and inline). Textual itself never puts a control
    character into drawn text (it moves the cursor and sets colours around it),
    so removing them there removes exactly what came from data.
    """
    from textual.strip import Strip

    if getattr(Strip.render, "_jiebei_guard", False):
        return
    original = Strip.render

    def render(self: Strip, console: Any) -> str:
        if self._render_cache is None and any(
            not control and _CONTROL.search(text) for text, _style, control in self._segments
        ):
            safe = Strip(
                [
                    segment if segment.control else Segment(_terminal_safe(segment.text), segment.style)
                    for segment in self._segments
                ],
                self.cell_length,
            )
            self._render_cache = original(safe, console)
        return original(self, console)

    render._jiebei_guard = True  # type: ignore[attr-defined]
    Strip.render = render  # type: ignore[method-assign]


def paragraphs(texts: list[str]) -> Content:
    """Several pieces of user or translated text, one per line, each inert."""
    return Content("\n").join(plain(text) for text in texts)
