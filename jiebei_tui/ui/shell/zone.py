"""Asked once, when this computer's zone is not UTC+08:00 and no zone was chosen: which clock is yours?

Collection hours (22:00–08:00) and "per day" counts are judged on the user's
clock, and a server reached over SSH usually runs on UTC. Beijing time comes
first (it is what the workbook uses until asked); this computer's zone second.
Closing without a choice keeps Beijing time and is not asked again: Settings
(F9) changes it any time. 1 or 2, Enter, a button, q or Esc: never Esc alone.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, OptionList
from textual.widgets.option_list import Option

from jiebei_tui.domain.zones import zone_label
from jiebei_tui.i18n import N_, _, tr
from jiebei_tui.services import BEIJING_SETTING, zone_choices
from jiebei_tui.ui.common.dialog import Dialog
from jiebei_tui.ui.common.keys import bind, key_label
from jiebei_tui.ui.common.paragraph import Paragraph


class ZoneQuestionScreen(Dialog[str | None]):
    """Returns the chosen setting, or None when put off (Beijing time stays)."""

    DIALOG_ID = "zone-dialog"
    TITLE = N_("Which clock is yours?")
    CLOSE_BUTTON = "zone-later"
    CLOSE_LABEL = N_("Decide later")
    AUTO_FOCUS = "#zone-choices"
    BINDINGS = [
        bind("pick", "pick(0)", N_("Beijing time"), keys="1", show=False, id="zone.pick.1"),
        bind("pick", "pick(1)", N_("This computer's zone"), keys="2", show=False, id="zone.pick.2"),
    ]

    def hint_text(self) -> str:
        return tr("1 or 2, or arrows and Enter. You can change it any time in Settings ({key}).", key=key_label("settings"))

    def compose_body(self) -> ComposeResult:
        now = self.services.clock()
        choices = zone_choices(None, now)[:2]
        yield Paragraph(
            _(
                "This computer's clock is not on Beijing time. Calls at night (22:00–08:00) and calls per day are "
                "judged on your own clock, so the workbook needs to know which one that is. Until you choose, it "
                "uses Beijing time."
            ),
            id="zone-why",
        )
        options = []
        for index, (setting, zone) in enumerate(choices, start=1):
            local = now.astimezone(zone).strftime("%H:%M")
            label = zone_label(zone, now, _) if setting == BEIJING_SETTING else tr("This computer's zone: {zone}", zone=zone_label(zone, now, _))
            options.append(Option(tr("{n}  {label}, now {time}", n=index, label=label, time=local), id=setting))
        yield OptionList(*options, id="zone-choices")

    def compose_buttons(self) -> ComposeResult:
        with Horizontal(classes="zone-buttons"):
            yield Button(_("Use the highlighted clock"), id="zone-use", variant="primary")
            yield Button(_(self.CLOSE_LABEL), id=self.CLOSE_BUTTON)

    def on_mount(self) -> None:
        choices = self.query_one("#zone-choices", OptionList)
        choices.highlighted = 0
        choices.focus()

    def after_recompose(self) -> None:
        self.on_mount()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.dismiss(event.option.id)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "zone-use":
            event.stop()
            option = self.query_one("#zone-choices", OptionList).highlighted_option
            self.dismiss(option.id if option is not None else BEIJING_SETTING)
        else:
            super().on_button_pressed(event)

    def action_pick(self, index: int) -> None:
        choices = self.query_one("#zone-choices", OptionList)
        if index < choices.option_count:
            self.dismiss(choices.get_option_at_index(index).id)
