"""F1: the keys of the screen you were on, plus how to get around."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from jiebei_tui.i18n import N_, _


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,f1,q,enter", "dismiss", N_("Close"), id="help.close"),
    ]

    def __init__(self, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self._keys = keys

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="help-dialog"):
            yield Static(_("Help"), classes="dialog-title")
            with VerticalScroll(id="help-body"):
                yield Static(_("Keys on this screen"), classes="panel-title")
                width = max((len(key) for key, _desc in self._keys), default=4) + 2
                yield Static("\n".join(f"{key:<{width}}{desc}" for key, desc in self._keys), id="help-keys")
                yield Static(_("Getting around"), classes="panel-title")
                yield Static(
                    "\n".join(
                        [
                            _("F2–F7 switch areas. If your terminal swallows F-keys, press Ctrl+G and a digit."),
                            _("Ctrl+P opens the command palette: type to find any action."),
                            _("F9 changes language and colours. F10 or Ctrl+Q quits; Ctrl+C quits too."),
                            _("Everything you type is kept: notes on Enter, unfinished text every second."),
                            _("On a slow connection a function key can arrive as stray letters in a field: just delete them."),
                        ]
                    ),
                    id="help-general",
                )
            yield Button(_("Close"), id="help-close-button")

    def on_button_pressed(self, _event: Button.Pressed) -> None:
        self.dismiss()
