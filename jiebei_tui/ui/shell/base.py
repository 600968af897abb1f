"""The two kinds of full screen: an area (F2–F7) and a screen pushed over it (history, a record, a summary).

Both have the header, the body and the translated footer; an area also has the
save banner. Each re-reads what it shows when it comes into view, when another
session saved something (DataChanged), and after a language switch.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual.app import ComposeResult
from textual.events import ScreenResume
from textual.screen import Screen
from textual.types import NoActiveAppError
from textual.widgets import Header

from jiebei_tui.areas import area
from jiebei_tui.i18n import _
from jiebei_tui.ui.common.context import Retranslated
from jiebei_tui.ui.common.messages import DataChanged
from jiebei_tui.ui.common.redraw import after_first_frame
from jiebei_tui.ui.shell.banner import SaveBanner
from jiebei_tui.ui.shell.footer import TranslatedFooter
from jiebei_tui.ui.shell.switching import mark_styled, styled_with_current_rules

if TYPE_CHECKING:
    from jiebei_tui.ui.shell.app import JiebeiApp


class Page(Retranslated, Screen[None]):
    """Header, body, footer; ``reload`` shows the data, ``heading`` names the page in the header."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._size_classes()

    def _size_classes(self) -> None:
        """The classes of the screen's breakpoints for the terminal's size, set before it mounts: Textual sets
        them at the screen's first resize, which styled the whole screen once more (the same on that resize
        changes nothing now)."""
        horizontal, vertical = self.HORIZONTAL_BREAKPOINTS or [], self.VERTICAL_BREAKPOINTS or []
        if not (horizontal or vertical):
            return
        try:
            width, height = self.app.size
        except NoActiveAppError:
            return
        found = self._get_breakpoint_classes(width, horizontal) | self._get_breakpoint_classes(height, vertical)
        self.add_class(*found, update=False)

    @property
    def workbook(self) -> JiebeiApp:
        return cast("JiebeiApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield from self.compose_top()
        yield from self.compose_body()
        yield TranslatedFooter(show_command_palette=False, compact=True)

    def compose_top(self) -> ComposeResult:
        yield from ()

    def compose_body(self) -> ComposeResult:
        raise NotImplementedError

    def heading(self) -> str:
        raise NotImplementedError

    def on_mount(self) -> None:
        self.sub_title = self.heading()

    _resumed = False  # between a ScreenResume and the next ScreenSuspend

    def on_screen_resume(self, _event: ScreenResume) -> None:
        # Textual 8 resumes an area's screen twice when it is first shown (as its mode is built, then as it
        # is switched to); nothing can have changed in between, and a re-read can cost tens of ms.
        if self._resumed:
            return
        self._resumed = True
        self.reload()

    def on_screen_suspend(self) -> None:
        self._resumed = False

    def on_data_changed(self, _message: DataChanged) -> None:
        self.reload()

    def after_recompose(self) -> None:
        self.sub_title = self.heading()
        self.reload()

    def reload(self) -> None:
        """Re-read what this screen shows (another session may have changed it)."""


class AreaScreen(Page):
    AREA: ClassVar[str] = "home"
    # Stylesheets of the screens and dialogs this area opens, beyond its own CSS_PATH: the warm-up adds them after
    # the first frame, so that the first screen's parse (`jiebei-tui call`) holds only what it draws.
    LATER_CSS_PATHS: ClassVar[list[str | PurePath]] = []
    # Modules of those screens and dialogs (imported when first opened): the warm-up imports them after every area's
    # screen, so that a first open does not, and what they build is frozen with the rest (JiebeiApp.freeze_long_lived).
    LATER_MODULES: ClassVar[tuple[str, ...]] = ()

    def compose_top(self) -> ComposeResult:
        yield SaveBanner(id="save-banner")

    def heading(self) -> str:
        return _(area(self.AREA).title)

    def on_mount(self) -> None:
        # Textual runs Page.on_mount too (each class's handler). An area's screen lives as long as the App.
        after_first_frame(self, self.first_drawn)

    _drawn = False  # until the first frame, the styles computed as the screen mounted still hold

    @property
    def drawn(self) -> bool:
        """Whether a frame of this screen has reached the terminal (what waits for it: ``after_first_frame``)."""
        return self._drawn

    def on_screen_resume(self, event: ScreenResume) -> None:
        # Runs before Page's handler and Textual's own (Screen's), which restyles the whole screen on every
        # resume (ui.shell.switching.py): only needed when the stylesheet changed since it was last styled.
        event.refresh_styles = self._drawn and not styled_with_current_rules(self)
        if event.refresh_styles:
            mark_styled(self)  # Textual's handler, right after this one, restyles it

    def first_drawn(self) -> None:
        """Right after the screen's first frame (once: the screen lives as long as the App)."""
        self._drawn = True
        mark_styled(self)
        if self.app.screen is self:  # the first screen: Textual's first restyle could not mark it (it was not shown yet)
            self._css_update_count = self.app._css_update_count
        self.workbook.area_drawn()

    def reload(self) -> None:
        store = self.services.store
        self.query_one(SaveBanner).show_state(store.pending_count, store.last_error)
        self.refresh_data()

    def refresh_data(self) -> None:
        """The area's own data (the banner is done)."""


class SubScreen(Page):
    """Pushed over an area; ``SUB_TITLE`` names it in the header."""

    SUB_TITLE: ClassVar[str] = ""

    def heading(self) -> str:
        return _(self.SUB_TITLE)
