"""The dialog layout, once: a title, a body, a hint, buttons; Esc, q or a button closes it.

Escape is never the only way out (a slow SSH link can split it into stray
keys): q closes too whenever the focus is not in a text field, and every
dialog has a button that closes it, or is closed by the key that opened it.
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from jiebei_tui.i18n import N_, _
from jiebei_tui.ui.common.context import Retranslated
from jiebei_tui.ui.common.keys import bind

ResultT = TypeVar("ResultT")


class Dialog(Retranslated, ModalScreen[ResultT]):
    """Subclasses set ``DIALOG_ID``, ``TITLE`` and ``HINT`` (message ids) and compose the body.

    ``compose_buttons`` yields one Close button (``CLOSE_BUTTON``) unless
    overridden; pressing the button with that id closes the dialog.
    """

    DIALOG_ID: ClassVar[str] = ""
    TITLE: ClassVar[str] = ""
    HINT: ClassVar[str] = ""
    CLOSE_BUTTON: ClassVar[str] = ""
    CLOSE_LABEL: ClassVar[str] = N_("Close")
    CLOSE_COMPACT: ClassVar[bool] = False

    BINDINGS = [bind("close", "close", N_("Close"), id="dialog.close", keys="escape,q")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id=self.DIALOG_ID or None):
            yield Static(self.title_text(), classes="dialog-title")
            yield from self.compose_body()
            if hint := self.hint_text():
                yield Static(hint, classes="dialog-hint")
            yield from self.compose_buttons()

    def title_text(self) -> str:
        return _(self.TITLE)

    def hint_text(self) -> str:
        return _(self.HINT) if self.HINT else ""

    def compose_body(self) -> ComposeResult:
        yield from ()

    def compose_buttons(self) -> ComposeResult:
        if self.CLOSE_BUTTON:
            yield Button(_(self.CLOSE_LABEL), id=self.CLOSE_BUTTON, compact=self.CLOSE_COMPACT)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if self.CLOSE_BUTTON and event.button.id == self.CLOSE_BUTTON:
            event.stop()
            self.action_close()

    def action_close(self) -> None:
        self.dismiss(None)
