"""Home: what matters today, at a glance, each part opening its area with one key.

It is the first frame at start, so it stays light: four widgets, and the first
frame draws Home's own text only. Its figures follow right after that frame: one
read of the day's model through ``services.home`` (counters and small indexes
only), one update of the list. Reading them imports the rules behind them (plans,
habits, the self-check: ~40 ms of modules), which the welcome line does not need.
Enter on a part opens its area (and the right view in Habits); the F-keys open the
areas as everywhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from jiebei_tui import locations
from jiebei_tui.areas import counted_tables
from jiebei_tui.i18n import N_, _
from jiebei_tui.ui.common.keys import bind
from jiebei_tui.ui.common.messages import DataChanged
from jiebei_tui.ui.shell.base import AreaScreen

if TYPE_CHECKING:  # imported with the figures, right after the first frame (see first_drawn)
    from jiebei_tui.services import HomeView
    from jiebei_tui.ui.home.parts import Extras, Part

ROOMY_HEIGHT = 34


class HomeScreen(AreaScreen):
    AREA = "home"
    AUTO_FOCUS = "#home-parts"

    BINDINGS = [
        bind("export", "export", N_("Export"), id="home.export", keys="x", tooltip=N_("Save a copy of everything to a file")),
        # Before the list's own Enter (Home has no text field), so the footer names the key.
        bind("confirm", "open_part", N_("Open"), id="home.open", keys="enter", priority=True,
             tooltip=N_("Open the highlighted part")),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._parts: list[Part] = []
        self._read: tuple[HomeView, Extras] | None = None
        self._read_key: tuple[object, ...] | None = None
        self._figures_due = False  # True once the first frame is drawn: the figures are read from then on

    def compose_body(self) -> ComposeResult:
        with Vertical(classes="area-body"):
            yield Static(_("You're not alone. One step at a time: every step here is saved as you go."), id="welcome")
            yield Static("", id="home-due")
            yield OptionList(id="home-parts")

    def first_drawn(self) -> None:
        # The warm-up first: its thread imports the areas' screens while this reads the figures (a key for an
        # area pressed soon after the first frame would otherwise wait for both).
        super().first_drawn()
        self._figures_due = True
        self.refresh_data()

    def extras(self) -> Extras:
        from jiebei_tui.domain.selfcheck import DRAFT_KEY
        from jiebei_tui.ui.home.parts import Extras

        services = self.services
        return Extras(
            selfcheck_draft=services.drafts.get(DRAFT_KEY) is not None,
            counts=tuple((label, services.count(table)) for table, label in counted_tables()),
            folder=locations.display_path(services.store.directory),
        )

    def read_key(self) -> tuple[object, ...]:
        """What Home's model depends on besides the code: every save (file stats), a self-check in progress,
        the day. Coming back to Home re-reads only when it changed (a read is ~25 ms with a heavy history)."""
        from jiebei_tui.domain.selfcheck import DRAFT_KEY

        services = self.services
        return services.store.change_token(), services.drafts.get(DRAFT_KEY) is not None, services.clock().date()

    def on_data_changed(self, _message: DataChanged) -> None:
        self._read_key = None  # read again, whatever the key says (e.g. the user chose another time zone)

    def refresh_data(self) -> None:
        """One read of the day's model (when something changed), one update of the banner and the list."""
        if not self._figures_due:
            return  # the first frame is Home's own text; first_drawn reads the figures right after it
        from jiebei_tui.ui.home.parts import banner

        key = self.read_key()
        if self._read is None or key != self._read_key:
            self._read = (self.services.home.today(), self.extras())
            self._read_key = key
        view = self._read[0]
        due = self.query_one("#home-due", Static)
        text = banner(view)
        due.display = text is not None
        if text is not None:
            due.update(text)
        # The lines the banner is about to take from the list, which is laid out only after this draw.
        self.draw(banner_growth=(text.plain.count("\n") + 1 if text is not None else 0) - due.outer_size.height)

    def _options(self, view: HomeView, extras: Extras, width: int, room: int) -> list[Option | None]:
        from jiebei_tui.ui.home.parts import all_parts, prompt

        self._parts = all_parts(view, extras, room)
        options: list[Option | None] = []
        for part in self._parts:
            options.append(Option(prompt(part, width, room), id=part.id))
            if self.app.size.height >= ROOMY_HEIGHT:
                options.append(None)  # a blank line between parts where there is room
        return options[:-1] if options and options[-1] is None else options

    def draw(self, banner_growth: int = 0) -> None:
        """Lay the parts out for the current width (again on a resize, without reading anything)."""
        if self._read is None:
            return
        from jiebei_tui.ui.home.parts import label_width

        view, extras = self._read
        parts = self.query_one("#home-parts", OptionList)
        width = label_width()
        room = max(20, (parts.size.width or self.app.size.width - 2) - width - 3)
        if not self._scrolls:
            options = self._options(view, extras, width, room)
            lines = sum(str(option.prompt).count("\n") + 1 if option else 1 for option in options)
            self._scrolls = bool(parts.size.height) and lines > parts.size.height - banner_growth
        if self._scrolls:
            # The scrollbar takes cells from the text, which the list would otherwise wrap itself (the line's
            # last word at the left edge, under the labels).
            options = self._options(view, extras, width, room - parts.styles.scrollbar_size_vertical)
        highlighted = parts.highlighted
        parts.set_options(options)
        parts.highlighted = highlighted if highlighted is not None and highlighted < parts.option_count else 0
        self.call_after_refresh(self._fit_scrollbar)

    _scrolls = False  # whether the list had more lines than it shows, as last laid out

    def _fit_scrollbar(self) -> None:
        parts = self.query_one("#home-parts", OptionList)
        scrolls = parts.max_scroll_y > 0
        if scrolls != self._scrolls:
            self._scrolls = scrolls
            self.draw()

    def on_resize(self) -> None:
        self.draw()

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        await self.open_part(event.option.id)

    async def action_open_part(self) -> None:
        option = self.query_one("#home-parts", OptionList).highlighted_option
        await self.open_part(option.id if option is not None else None)

    async def open_part(self, part_id: str | None) -> None:
        part = next((part for part in self._parts if part.id == part_id), None)
        if part is None:
            return
        if part.area == "home":
            self.action_export()
            return
        await self.workbook.open_area(part.area, part.view)

    def action_export(self) -> None:
        self.workbook.action_export()
