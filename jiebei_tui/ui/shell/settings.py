"""F9: language and colours, applied at once and remembered."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from jiebei_tui.i18n import LANGUAGE_NAMES, LANGUAGES, N_, _, tr
from jiebei_tui.ui.shell.clock import SYSTEM, TIME_ZONES, clock_for, system_offset_label


class SettingsScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,f9", "dismiss", N_("Close"), id="settings.close"),
    ]

    def compose(self) -> ComposeResult:
        app = self.app
        with Vertical(classes="dialog", id="settings-dialog"):
            yield Static(_("Settings"), classes="dialog-title")
            with Horizontal(id="settings-lists"):
                with Vertical():
                    yield Static(_("Language"), classes="panel-title")
                    yield OptionList(
                        *[Option(LANGUAGE_NAMES[lang], id=lang) for lang in LANGUAGES], id="settings-language"
                    )
                with Vertical():
                    yield Static(_("Colours"), classes="panel-title")
                    yield OptionList(*[Option(name, id=name) for name in sorted(app.available_themes)], id="settings-theme")
                with Vertical():
                    yield Static(_("Time zone"), classes="panel-title")
                    yield OptionList(*[Option(self._zone_label(key), id=key) for key in TIME_ZONES], id="settings-timezone")
            yield Static(_("Tab moves between the lists, arrows choose, Enter applies. Esc or q closes."), classes="dialog-hint")
            yield Button(_("Close"), id="settings-close-button")

    @staticmethod
    def _zone_label(key: str) -> str:
        label = _(TIME_ZONES[key])
        return tr("{label} ({offset})", label=label, offset=system_offset_label()) if key == SYSTEM else label

    def on_mount(self) -> None:
        from jiebei_tui.i18n import current_language

        languages = self.query_one("#settings-language", OptionList)
        languages.highlighted = LANGUAGES.index(current_language())
        themes = self.query_one("#settings-theme", OptionList)
        names = sorted(self.app.available_themes)
        if self.app.theme in names:
            themes.highlighted = names.index(self.app.theme)
        zones = self.query_one("#settings-timezone", OptionList)
        from jiebei_tui.ui.shell.app import load_preferences

        zone = load_preferences(self.app.store).get("timezone", SYSTEM)
        zones.highlighted = list(TIME_ZONES).index(zone) if zone in TIME_ZONES else 0
        languages.focus()

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        from jiebei_tui.ui.shell.app import JiebeiApp

        app = self.app
        assert isinstance(app, JiebeiApp)
        if event.option_list.id == "settings-language" and event.option.id:
            await app.set_language(event.option.id)
        elif event.option_list.id == "settings-theme" and event.option.id:
            app.set_theme(event.option.id)
        elif event.option_list.id == "settings-timezone" and event.option.id:
            app.clock = clock_for(event.option.id)
            app.save_preference(timezone=event.option.id)

    def on_button_pressed(self, _event: Button.Pressed) -> None:
        self.dismiss()
