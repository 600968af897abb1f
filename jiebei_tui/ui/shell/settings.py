"""F9: language, colours, your time zone and the call coach, applied at once and remembered.

The time zone is the user's own clock, used for every rule (22:00–08:00, calls
per day), every time shown and every export: Beijing time, this computer's
zone, or the zone chosen before. Choosing another judges every record again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from jiebei_tui.domain.zones import zone_label
from jiebei_tui.i18n import LANGUAGE_NAMES, LANGUAGES, N_, _, current_language, tr
from jiebei_tui.services import BEIJING_SETTING, SYSTEM, system_zone, zone_choices
from jiebei_tui.store.settings import COACH_OFF, COACH_ON
from jiebei_tui.ui.common.dialog import Dialog
from jiebei_tui.ui.common.keys import bind

if TYPE_CHECKING:
    from jiebei_tui.ui.shell.app import JiebeiApp


COACH_TITLE = N_("Call coach")
COACH_ON_LABEL = N_("On")
COACH_OFF_LABEL = N_("Off")
COACH_ON_NOTICE = N_("Call coach on: after a line of the collector's, what the rule says and what you can say.")
COACH_OFF_NOTICE = N_("Call coach off: no suggestions beside the notes. You can turn it on again here.")


class SettingsScreen(Dialog[None]):
    DIALOG_ID = "settings-dialog"
    TITLE = N_("Settings")
    HINT = N_("Tab moves between the lists, arrows choose, Enter applies. Esc or q closes.")
    CLOSE_BUTTON = "settings-close-button"
    BINDINGS = [bind("settings", "close", N_("Close"), id="settings.close.f9")]

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="settings-lists"):
            with Vertical():
                yield Static(_("Language"), classes="panel-title")
                yield OptionList(*[Option(LANGUAGE_NAMES[lang], id=lang) for lang in LANGUAGES], id="settings-language")
            with Vertical():
                yield Static(_("Colours"), classes="panel-title")
                yield OptionList(*[Option(name, id=name) for name in sorted(self.app.available_themes)], id="settings-theme")
            with Vertical(classes="settings-wide"):
                yield Static(_("My time zone"), classes="panel-title")
                yield OptionList(*self._zone_options(), id="settings-timezone")
                yield Static(_(COACH_TITLE), classes="panel-title", id="settings-coach-title")
                yield OptionList(Option(_(COACH_ON_LABEL), id=COACH_ON), Option(_(COACH_OFF_LABEL), id=COACH_OFF), id="settings-coach")

    def _zone_options(self) -> list[Option]:
        now = self.services.clock()
        system = system_zone()
        options = []
        for setting, zone in zone_choices(self.services.settings.load().timezone, now):
            label = zone_label(zone, now, _)
            if setting != BEIJING_SETTING and zone_label(system, now, _) == label:
                # Its own line for the zone's name: "Europe/Berlin" is never broken across lines.
                label = tr("This computer's zone:\n{zone}", zone=label)
            options.append(Option(label, id=setting))
        return options

    def on_mount(self) -> None:
        self._highlight_choices()

    def after_recompose(self) -> None:
        self._highlight_choices()

    def _highlight_choices(self) -> None:
        languages = self.query_one("#settings-language", OptionList)
        languages.highlighted = LANGUAGES.index(current_language())
        themes = self.query_one("#settings-theme", OptionList)
        names = sorted(self.app.available_themes)
        if self.app.theme in names:
            themes.highlighted = names.index(self.app.theme)
        zones = self.query_one("#settings-timezone", OptionList)
        saved = self.services.settings.load().timezone or BEIJING_SETTING
        settings = [option.id or "" for option in zones.options]
        if saved == SYSTEM:  # written by an earlier version: this computer's zone, offered second
            saved = settings[min(1, len(settings) - 1)]
        zones.highlighted = settings.index(saved) if saved in settings else 0
        coach = self.query_one("#settings-coach", OptionList)
        coach.highlighted = 0 if self.services.settings.load().coach else 1
        languages.focus()

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        app = cast("JiebeiApp", self.app)
        choice = event.option.id
        if not choice:
            return
        if event.option_list.id == "settings-language":
            await app.set_language(choice)
        elif event.option_list.id == "settings-theme":
            app.set_theme(choice)
        elif event.option_list.id == "settings-timezone":
            app.set_time_zone(choice)
        elif event.option_list.id == "settings-coach":
            self.services.settings.save(coach=choice)
            self.notify(_(COACH_ON_NOTICE if choice == COACH_ON else COACH_OFF_NOTICE), timeout=4)
