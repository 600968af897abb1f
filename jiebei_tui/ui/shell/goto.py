"""Ctrl+G: pick an area by digit, for terminals that swallow F-keys."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from jiebei_tui.domain.guidance import AREA_TITLES, AREAS
from jiebei_tui.i18n import N_, _

# (target, key shown) in menu order; digits 1-8 pick them.
TARGETS: tuple[str, ...] = (*AREAS, "help", "settings")
_EXTRA_TITLES = {"help": N_("Help"), "settings": N_("Settings")}


class GotoScreen(ModalScreen[str | None]):
    BINDINGS = [
        Binding("escape,q,ctrl+g", "dismiss(None)", N_("Close"), id="goto.close"),
        *[
            Binding(str(index), f"pick({index - 1})", N_("Pick by number"), show=False, id=f"goto.{target}")
            for index, target in enumerate(TARGETS, start=1)
        ],
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="goto-dialog"):
            yield Static(_("Go to"), classes="dialog-title")
            yield OptionList(
                *[
                    Option(f"{index}  {_(AREA_TITLES.get(target) or _EXTRA_TITLES[target])}", id=target)
                    for index, target in enumerate(TARGETS, start=1)
                ],
                id="goto-list",
            )
            yield Static(_("Digit or arrows + Enter; Esc or q to close."), classes="dialog-hint")

    def action_pick(self, index: int) -> None:
        self.dismiss(TARGETS[index])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
