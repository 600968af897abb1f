"""A bullet list with a hanging indent.

Textual wraps text at spaces; a Chinese sentence has none, so "• " followed by one
would leave the bullet alone on its line. Here the bullet has its own column and
each item wraps inside the other.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from jiebei_tui.ui.common.text import inert


class BulletList(Vertical):
    DEFAULT_CSS = """
    BulletList { height: auto; }
    BulletList > Horizontal { height: auto; }
    BulletList .bullet { width: 2; }
    BulletList.-numbered .bullet { width: 4; }
    BulletList .bullet-text { width: 1fr; height: auto; }
    """

    def __init__(
        self, items: Iterable[str] = (), *, numbered: bool = False, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.items = list(items)
        self.set_class(numbered, "-numbered")
        self.numbered = numbered

    def _rows(self) -> list[Horizontal]:
        return [
            Horizontal(Static(f"{number}." if self.numbered else "•", classes="bullet"), Static(inert(item), classes="bullet-text"))
            for number, item in enumerate(self.items, start=1)
        ]

    def compose(self) -> ComposeResult:
        yield from self._rows()

    def set_items(self, items: Iterable[str]) -> None:
        self.items = list(items)
        if self.is_mounted:
            self.remove_children()
            self.mount_all(self._rows())

    @property
    def text(self) -> str:
        """All items, one per line (for tests and logs)."""
        return "\n".join(self.items)
