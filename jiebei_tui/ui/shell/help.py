"""F1: the keys of the screen you were on, plus how to get around.

The body scrolls (it has the focus: arrows, PgUp/PgDn, Home/End) and is never taller than
the screen leaves room for, so the last line and the Close button stay reachable at 80×24.
"""

from __future__ import annotations

from typing import Any

from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from jiebei_tui.areas import AREAS
from jiebei_tui.i18n import N_, _, tr
from jiebei_tui.ui.common.dialog import Dialog
from jiebei_tui.ui.common.keys import bind, key_label
from jiebei_tui.ui.common.paragraph import Paragraph


def help_keys(app: App[Any], screen: Screen[Any]) -> list[tuple[str, str]]:
    """Our own bindings active on ``screen`` (they all have ids), one line per action with all its keys."""
    grouped: dict[str, list[str]] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.id is None or not binding.description:
            continue
        keys_for = grouped.setdefault(_(binding.description), [])
        display = app.get_key_display(binding)
        if display not in keys_for:
            keys_for.append(display)
    return [(" / ".join(displays), description) for description, displays in grouped.items()]


def getting_around() -> list[str]:
    first, last = AREAS[0], AREAS[-1]
    return [
        tr(
            "{first}–{last} switch areas. If your terminal swallows F-keys, press {goto}, then the F-key's number.",
            first=first.key.upper(),
            last=last.key.upper(),
            goto=key_label("goto"),
        ),
        tr(
            "In every area {save} saves, {history} opens what was saved before, {view} switches the view "
            "and {done} means done.",
            save=key_label("save"),
            history=key_label("history"),
            view=key_label("view"),
            done=key_label("done"),
        ),
        _("Ctrl+P opens the command palette: type to find any action."),
        _("F9 changes language and colours. F10 or Ctrl+Q quits; Ctrl+C quits too."),
        _("Everything you type is kept: notes on Enter, unfinished text every second."),
        _("On a slow connection a function key can arrive as stray letters in a field: just delete them."),
    ]


class HelpScreen(Dialog[None]):
    DIALOG_ID = "help-dialog"
    TITLE = N_("Help")
    HINT = N_("↑↓, PgUp and PgDn scroll. Enter, F1, q or Esc closes.")
    CLOSE_BUTTON = "help-close-button"
    CLOSE_COMPACT = True
    BINDINGS = [
        bind("help", "close", N_("Close"), id="help.close.f1"),
        bind("confirm", "close", N_("Close"), id="help.close.enter", keys="enter"),
    ]

    def __init__(self, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self._keys = keys

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(_("Keys on this screen"), classes="panel-title")
            width = max((len(key) for key, _desc in self._keys), default=4) + 2
            yield Static("\n".join(f"{key:<{width}}{desc}" for key, desc in self._keys), id="help-keys")
            yield Static(_("Getting around"), classes="panel-title")
            yield Paragraph("\n".join(getting_around()), id="help-general")

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()
