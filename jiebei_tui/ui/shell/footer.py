"""A Footer that shows binding descriptions in the current language, on as many rows as it needs.

Bindings are declared once, at import time, with English message ids; the key
descriptions are translated each time the footer is composed. A key that is cut
off is a key the user never learns, so no key is ever cut: when they do not fit on
one row, the screen's own keys go first and the area keys start a row of their own;
when even that does not fit (English at 80 columns), keys flow on to the next row.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from jiebei_tui.i18n import N_, _
from jiebei_tui.ui.common.redraw import after_first_frame

# Textual's own key descriptions that this footer shows (an open Select, the command palette):
# marked here so that the catalogs hold them and the footer can translate them like ours.
TEXTUAL_KEY_DESCRIPTIONS = (N_("Dismiss menu"), N_("Exit the command palette"))

# Cells per key besides its text: the space after the key, and the description's padding and margin.
ITEM_PADDING = 3


def _is_area_key(key: FooterKey) -> bool:
    return key.action.startswith("area(")


def _pack(indices: Sequence[int], widths: Sequence[int], width: int) -> list[list[int]]:
    """Keys in order, a new row whenever the next would not fit (the last key's margin may fall off)."""
    rows: list[list[int]] = []
    used = 0
    for index in indices:
        if rows and used + widths[index] - 1 <= width:
            rows[-1].append(index)
            used += widths[index]
        else:
            rows.append([index])
            used = widths[index]
    return rows


def footer_rows(widths: Sequence[int], area: Sequence[bool], width: int) -> list[list[int]]:
    """Which keys go on which row: one row if all fit; else the screen's keys, then the area keys
    on rows of their own; or, when that takes more rows, all keys flowing on in order."""
    everything = list(range(len(widths)))
    if not width or sum(widths) - 1 <= width:
        return [everything]
    own = [index for index in everything if not area[index]]
    areas = [index for index in everything if area[index]]
    split = _pack(own, widths, width) + _pack(areas, widths, width)
    flowing = _pack(everything, widths, width)
    return split if len(split) <= len(flowing) else flowing


class TranslatedFooter(Footer):
    _layout: list[list[int]] = [[]]
    _composed_for: tuple[object, ...] | None = None  # the keys (and language) the footer was last built for

    def _keys_shown(self, screen: Screen[object]) -> tuple[object, ...]:
        palette = self.app.COMMAND_PALETTE_BINDING
        return (_(TEXTUAL_KEY_DESCRIPTIONS[0]), *(
            (key, binding.action, binding.description, binding.group, enabled, tooltip)
            for key, (_node, binding, enabled, tooltip) in screen.active_bindings.items()
            if binding.show or key == palette
        ))

    _rebuild_due = False

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Rebuild only when the keys shown change, once for any number of announcements before it. Every move
        of the focus announces new bindings, and rebuilding the footer lays out the whole screen: on the
        self-check form that was each Tab's main cost. A screen being left is not rebuilt: its keys change only
        because another area is now the current one (its key shows, theirs hides), and change back when it is
        shown again."""
        self.set_reactive(Footer._bindings_ready, True)
        if not (screen.app.app_focus and self.is_attached and screen is self.screen and screen.is_current):
            return
        if not self._rebuild_due:
            self._rebuild_due = True
            if getattr(screen, "drawn", True):  # an area's screen is drawn once; a dialog has no such wait
                self.call_after_refresh(self._rebuild)
            else:
                # The screen's own text first: its keys (~20 ms of styling and layout at start) a frame later.
                after_first_frame(self, lambda: self.call_later(self._rebuild))  # composed in its own context

    async def _rebuild(self) -> None:
        self._rebuild_due = False
        if self.is_attached and self._keys_shown(self.screen) != self._composed_for:
            await self.recompose()

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._composed_for = self._keys_shown(self.screen)
        keys: list[FooterKey] = []
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # The key is bound to the footer's compact flag, and its watcher adds this class once the key is
                # mounted, which styled each key a second time (~64 restyles on the first open of Self-check).
                widget.set_class(self.compact, "-compact", update=False)
                widget.description = _(widget.description) if widget.description else ""
                if widget.tooltip:
                    widget.tooltip = _(str(widget.tooltip))
                keys.append(widget)
            else:
                yield widget
        self._layout = self._rows_for(keys)
        self.styles.height = len(self._layout)
        if len(self._layout) == 1:
            self.styles.layout = "horizontal"
            yield from keys
            return
        self.styles.layout = "vertical"
        for row in self._layout:
            yield HorizontalGroup(*[keys[index] for index in row], classes="footer-row")

    def _rows_for(self, keys: Sequence[FooterKey]) -> list[list[int]]:
        widths = [cell_len(key.key_display) + cell_len(key.description) + ITEM_PADDING for key in keys]
        return footer_rows(widths, [_is_area_key(key) for key in keys], self.app.size.width)

    def on_resize(self) -> None:
        keys = list(self.query(FooterKey))
        if keys and self._rows_for(keys) != self._layout:
            self.call_after_refresh(self.recompose)
