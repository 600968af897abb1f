"""What every area screen shares: header, save banner, footer, data refresh."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Header

from jiebei_tui.domain.guidance import AREA_TITLES
from jiebei_tui.i18n import _
from jiebei_tui.ui.common.messages import DataChanged, LanguageChanged
from jiebei_tui.ui.shell.banner import SaveBanner
from jiebei_tui.ui.shell.footer import TranslatedFooter

if TYPE_CHECKING:
    from jiebei_tui.ui.shell.app import JiebeiApp


class AreaScreen(Screen[None]):
    AREA: ClassVar[str] = "home"

    @property
    def workbook(self) -> JiebeiApp:
        return cast("JiebeiApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield SaveBanner(id="save-banner")
        yield from self.compose_body()
        yield TranslatedFooter(show_command_palette=False, compact=True)

    def compose_body(self) -> ComposeResult:
        raise NotImplementedError

    def on_mount(self) -> None:
        self.sub_title = _(AREA_TITLES[self.AREA])
        self.update_banner()
        self.refresh_data()

    def on_screen_resume(self) -> None:
        self.sub_title = _(AREA_TITLES[self.AREA])
        self.update_banner()
        self.refresh_data()

    def on_data_changed(self, _message: DataChanged) -> None:
        self.update_banner()
        self.refresh_data()

    def on_language_changed(self, _message: LanguageChanged) -> None:
        self.sub_title = _(AREA_TITLES[self.AREA])

    def update_banner(self) -> None:
        store = self.workbook.store
        self.query_one(SaveBanner).show_state(store.pending_count, store.last_error)

    def refresh_data(self) -> None:
        """Re-read what this screen shows from the store (another session may have changed it)."""
