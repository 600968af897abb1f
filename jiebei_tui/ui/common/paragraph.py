"""Text that wraps where a reader expects: between Chinese characters, at spaces, never inside an amount.

Textual wraps only at spaces. A Chinese sentence with spaces around its numbers
("每月结余 ¥5,900.00，现在可用 ¥3,000.00") then breaks only at those spaces, leaving short
ragged lines and an amount alone on its line; without spaces it folds anywhere, even
inside "¥5,900.00". :class:`Paragraph` wraps by the Unicode line-breaking rules (UAX #14,
from uniseg), which break between Chinese characters but keep "¥5,900.00，" and
"（UTC+00:00）" whole, tailored so that Latin text still breaks only at spaces (never after
the hyphen of "F-key" or the dash of "F2–F7", as Textual would not either).
"""

from __future__ import annotations

from functools import lru_cache
from types import ModuleType

from rich.cells import cell_len
from textual.app import RenderResult
from textual.content import Content
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget


@lru_cache(maxsize=1)
def _linebreak() -> ModuleType:
    """uniseg, imported when a paragraph is first wrapped: as it is imported it reads its own version through
    importlib.metadata (~20 ms), which every screen with a paragraph paid when first opened (Self-check's
    results come after its first part). The warm-up imports it ahead (see LINE_BREAKER)."""
    import uniseg.linebreak

    module: ModuleType = uniseg.linebreak
    return module


LINE_BREAKER = "uniseg.linebreak"


def _wide(character: str) -> bool:
    width: str = _linebreak().east_asian_width(character)
    return width in ("W", "F")


def _may_break(before: str, after: str) -> bool:
    """Tailoring of UAX #14: Latin text breaks only at spaces, and the space that sets a number or a
    Latin word apart from Chinese ("第 4 个月", "每月 ¥450.00") keeps the two together."""
    if before[-1].isspace():
        last = before.rstrip()[-1:]
        return not last or _wide(last) == _wide(after[0])
    return _wide(before[-1]) or _wide(after[0])


@lru_cache(maxsize=1024)
def break_units(text: str) -> tuple[str, ...]:
    """The pieces a line may end after."""
    units: list[str] = []
    for unit in _linebreak().line_break_units(text):
        if units and not _may_break(units[-1], unit):
            units[-1] += unit
        else:
            units.append(unit)
    return tuple(units)


def _fold(unit: str, width: int) -> list[str]:
    """A piece wider than the line, cut by cells (a long URL, a very narrow column)."""
    pieces, piece = [], ""
    for character in unit:
        if piece and cell_len(piece + character) > width:
            pieces.append(piece)
            piece = ""
        piece += character
    return [*pieces, piece]


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells; its own newlines are kept."""
    width = max(1, width)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for unit in break_units(paragraph) if paragraph else ():
            if cell_len((line + unit).rstrip()) <= width:
                line += unit
                continue
            if line:
                lines.append(line.rstrip())
            *full, line = _fold(unit, width) if cell_len(unit.rstrip()) > width else [unit]
            lines.extend(full)
        lines.append(line.rstrip())
    return lines


class Paragraph(Widget):
    """Plain text (never markup) wrapped by :func:`wrap`; ``update`` replaces it."""

    DEFAULT_CSS = """
    Paragraph { height: auto; }
    """

    text: reactive[str] = reactive("", layout=True)

    def __init__(self, text: str = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.set_reactive(Paragraph.text, text)

    def update(self, text: str) -> None:
        self.text = text

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return max((cell_len(line) for line in self.text.split("\n")), default=0)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(wrap(self.text, width)) if self.text else 0

    def render(self) -> RenderResult:
        return Content("\n".join(wrap(self.text, self.content_region.width)))
