"""Command palette entries, in the current language, offering only what applies now."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.screen import Screen

from jiebei_tui.areas import AREAS
from jiebei_tui.i18n import LANGUAGE_NAMES, LANGUAGES, _, current_language, tr

if TYPE_CHECKING:
    from jiebei_tui.ui.shell.app import JiebeiApp


def workbook_commands(app: JiebeiApp, screen: Screen[object]) -> Iterable[SystemCommand]:
    for area in AREAS:
        if app.current_mode != area.id:
            yield SystemCommand(
                tr("Go to {area}", area=_(area.title)),
                _("Switch to this area"),
                lambda area_id=area.id: app.action_area(area_id),
            )
    yield SystemCommand(_("Help"), _("Keys and how to get around"), app.action_help)
    yield SystemCommand(_("Settings"), _("Language and colours"), app.action_settings)
    for language in LANGUAGES:
        if language != current_language():
            yield SystemCommand(
                tr("Language: {name}", name=LANGUAGE_NAMES[language]),
                _("Switch the language of the workbook"),
                lambda language=language: app.run_worker(app.set_language(language)),
            )
    yield SystemCommand(_("Colours"), _("Choose a colour theme"), app.search_themes)
    yield SystemCommand(_("Export"), _("Save a copy of everything to a file"), app.action_export)
    yield SystemCommand(_("Quit"), _("Save what you typed and leave"), app.action_quit)
