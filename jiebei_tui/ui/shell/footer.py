"""A Footer that shows binding descriptions in the current language, on two rows when needed.

Bindings are declared once, at import time, with English message ids; the key
descriptions are translated each time the footer is composed. At 80 columns a
screen's own keys plus the area keys do not fit on one row, and a key that is
cut off is a key the user never learns, so the area keys move to a second row.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from jiebei_tui.i18n import N_, _

# Textual's own key descriptions that this footer shows (an open Select, the command palette):
# marked here so that the catalogs hold them and the footer can translate them like ours.
TEXTUAL_KEY_DESCRIPTIONS = (N_("Dismiss menu"), N_("Exit the command palette"))

# Cells per key besides its text: the space after the key, and the description's padding and margin.
ITEM_PADDING = 3


def _is_area_key(key: FooterKey) -> bool:
    return key.action.startswith("area(")


class TranslatedFooter(Footer):
    _rows = 1

    def compose(self) -> ComposeResult:
        keys: list[FooterKey] = []
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.description = _(widget.description) if widget.description else ""
                if widget.tooltip:
                    widget.tooltip = _(str(widget.tooltip))
                keys.append(widget)
            else:
                yield widget
        self._rows = self._rows_needed(keys)
        self.styles.height = self._rows
        if self._rows == 1:
            self.styles.layout = "horizontal"
            yield from keys
            return
        self.styles.layout = "vertical"
        yield HorizontalGroup(*[key for key in keys if not _is_area_key(key)], classes="footer-row")
        yield HorizontalGroup(*[key for key in keys if _is_area_key(key)], classes="footer-row")

    def _rows_needed(self, keys: list[FooterKey]) -> int:
        width = self.app.size.width
        needed = sum(cell_len(key.key_display) + cell_len(key.description) + ITEM_PADDING for key in keys)
        # The last key's trailing margin may fall off the edge.
        return 1 if not width or needed - 1 <= width else 2

    def on_resize(self) -> None:
        keys = list(self.query(FooterKey))
        if keys and self._rows_needed(keys) != self._rows:
            self.call_after_refresh(self.recompose)
