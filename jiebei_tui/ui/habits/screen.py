"""The Habits area: habits and streaks, the budget, the emergency fund, reminders, reflection, and a
check before borrowing again, one view at a time.

Ctrl+B shows the next view; a digit picks one from the bar (when no text field
has the cursor). Each view is built the first time it is shown, so opening the
area costs one view, not six. Ctrl+L, Ctrl+S and Ctrl+O go to the view shown,
and the footer lists only the ones it has.
"""

from __future__ import annotations

import importlib

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import ContentSwitcher, Static

from jiebei_tui import locations
from jiebei_tui.i18n import N_, _
from jiebei_tui.ui.common.keys import bind
from jiebei_tui.ui.habits.pane import Pane
from jiebei_tui.ui.shell.base import AreaScreen

# (view id, label msgid, "module:Class"), in bar order; the digit is the position.
VIEWS: tuple[tuple[str, str, str], ...] = (
    ("habits", N_("Habits"), "jiebei_tui.ui.habits.habits_view:HabitsPane"),
    ("budget", N_("Budget"), "jiebei_tui.ui.habits.budget_view:BudgetPane"),
    ("fund", N_("Fund"), "jiebei_tui.ui.habits.fund_view:FundPane"),
    ("reminders", N_("Reminders"), "jiebei_tui.ui.habits.reminders_view:RemindersPane"),
    ("reflection", N_("Reflection"), "jiebei_tui.ui.habits.reflection_view:ReflectionPane"),
    ("borrow", N_("Borrow check"), "jiebei_tui.ui.habits.borrow_view:BorrowPane"),
)
VIEW_IDS: tuple[str, ...] = tuple(view for view, _label, _path in VIEWS)
WIDE = 110  # from here a view's list and its details sit side by side
TALL = 34  # from here text fields get more lines


def pane_class(view: str) -> type[Pane]:
    path = next(path for found, _label, path in VIEWS if found == view)
    module_name, class_name = path.split(":")
    pane: type[Pane] = getattr(importlib.import_module(module_name), class_name)
    return pane


class HabitsScreen(AreaScreen):
    AREA = "habits"
    CSS_PATH = str(locations.styles_dir() / "habits.tcss")
    LATER_MODULES = tuple(path.partition(":")[0] for _view, _label, path in VIEWS)  # each view's pane, when shown
    BINDINGS = [
        bind("view", "next_view", N_("View"), id="habits.view", tooltip=N_("Habits, budget, fund, reminders, reflection, borrowing")),
        bind("add", "add", N_("Add"), id="habits.add"),
        bind("save", "save", N_("Save"), id="habits.save"),
        bind("history", "history", N_("Past entries"), id="habits.history"),
        *(
            bind("pick", f"show_view('{view}')", N_("Pick by number"), id=f"habits.pick.{view}", keys=str(number), show=False)
            for number, view in enumerate(VIEW_IDS, start=1)
        ),
    ]

    view: reactive[str] = reactive("habits", init=False)

    def compose_body(self) -> ComposeResult:
        with Vertical(classes="area-body"):
            yield Static(self._bar(), id="habits-bar")
            yield ContentSwitcher(id="habits-views")

    def _bar(self) -> Content:
        parts: list[Content | str] = []
        for number, (view, label, _path) in enumerate(VIEWS, start=1):
            text = f" {number} {_(label)} "
            parts.append(Content.styled(text, "bold reverse") if view == self.view else Content.styled(text, "$text-muted"))
        return Content.assemble(*parts)

    def on_mount(self) -> None:
        super().on_mount()
        self.on_resize()
        self.call_later(self.show_view, self.view)

    def on_resize(self, _event: object = None) -> None:
        self.set_class(self.app.size.width >= WIDE, "-wide")
        self.set_class(self.app.size.height >= TALL, "-tall")

    def after_recompose(self) -> None:
        super().after_recompose()
        self.call_later(self.show_view, self.view)

    @property
    def pane(self) -> Pane | None:
        switcher = self.query_one("#habits-views", ContentSwitcher)
        current = switcher.visible_content
        return current if isinstance(current, Pane) else None

    async def show_view(self, view: str) -> None:
        """Show ``view`` (building it the first time) and put the cursor in it."""
        if view not in VIEW_IDS:
            return
        switcher = self.query_one("#habits-views", ContentSwitcher)
        pane_id = f"habits-{view}"
        if not switcher.query(f"#{pane_id}"):
            await switcher.mount(pane_class(view)(id=pane_id))
        elif switcher.current != pane_id:
            self.query_one(f"#{pane_id}", Pane).refresh_data()
        self.view = view
        switcher.current = pane_id
        self.query_one("#habits-bar", Static).update(self._bar())
        self.refresh_bindings()
        self.query_one(f"#{pane_id}", Pane).focus_first()

    def refresh_data(self) -> None:
        pane = self.pane if self.is_mounted else None
        if pane is not None:
            pane.refresh_data()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("add", "save", "history"):
            pane = self.pane if self.is_mounted else None
            return pane is not None and action in pane.KEYS
        return True

    async def action_next_view(self) -> None:
        await self.show_view(VIEW_IDS[(VIEW_IDS.index(self.view) + 1) % len(VIEW_IDS)])

    async def action_show_view(self, view: str) -> None:
        await self.show_view(view)

    def action_add(self) -> None:
        if (pane := self.pane) is not None:
            pane.add()

    def action_save(self) -> None:
        if (pane := self.pane) is not None:
            pane.save()

    def action_history(self) -> None:
        if (pane := self.pane) is not None:
            pane.history()

    def stash_drafts(self) -> None:
        """Quit, SIGHUP, a language switch: what is typed is already a draft (kept on every change)."""
        for pane in self.query(Pane):
            pane.keep_draft()
