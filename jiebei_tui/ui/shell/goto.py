"""Ctrl+G: pick an area by digit, for terminals that swallow F-keys. The digit is the F-key's number."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from jiebei_tui.areas import AREAS
from jiebei_tui.i18n import N_, _
from jiebei_tui.ui.common.dialog import Dialog
from jiebei_tui.ui.common.keys import bind


@dataclass(frozen=True)
class Target:
    id: str
    title: str
    number: int


# Help (F1), the areas (F2–F7) and Settings (F9), in the order of their F-keys.
TARGETS: tuple[Target, ...] = (
    Target("help", N_("Help"), 1),
    *(Target(area.id, area.title, area.number) for area in AREAS),
    Target("settings", N_("Settings"), 9),
)


class GotoScreen(Dialog[str | None]):
    DIALOG_ID = "goto-dialog"
    TITLE = N_("Go to")
    HINT = N_("Digit or arrows + Enter; Esc or q to close.")
    BINDINGS = [
        bind("goto", "close", N_("Close"), id="goto.close.ctrl_g"),
        *[
            bind("pick", f"pick('{target.id}')", N_("Pick by number"), keys=str(target.number), show=False, id=f"goto.{target.id}")
            for target in TARGETS
        ],
    ]

    def compose_body(self) -> ComposeResult:
        yield OptionList(*[Option(f"{target.number}  {_(target.title)}", id=target.id) for target in TARGETS], id="goto-list")

    def action_pick(self, target: str) -> None:
        self.dismiss(target)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
