"""The App: areas as modes, global keys, saving drafts, watching the data files."""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen

from jiebei_tui import locations
from jiebei_tui.domain.guidance import AREAS
from jiebei_tui.i18n import N_, _, current_language, set_language, tr
from jiebei_tui.store.drafts import DraftKeeper
from jiebei_tui.store.errors import StoreError
from jiebei_tui.store.store import OpenReport, Store
from jiebei_tui.ui.calls.screen import NEW_CALL, NEW_CALL_TIP, CallsScreen
from jiebei_tui.ui.common.messages import DataChanged, LanguageChanged
from jiebei_tui.ui.habits.screen import HabitsScreen
from jiebei_tui.ui.home.screen import HomeScreen
from jiebei_tui.ui.plans.screen import PlansScreen
from jiebei_tui.ui.review.screen import ReviewScreen
from jiebei_tui.ui.selfcheck.screen import SelfCheckScreen
from jiebei_tui.ui.shell.banner import describe_save_error
from jiebei_tui.ui.shell.commands import workbook_commands
from jiebei_tui.ui.shell.export import ExportScreen
from jiebei_tui.ui.shell.goto import GotoScreen
from jiebei_tui.ui.shell.help import HelpScreen
from jiebei_tui.ui.shell.settings import SettingsScreen

SETTINGS_TABLE = "settings"
PREFERENCES_ID = "preferences"
DEFAULT_THEME = "textual-dark"
TICK_SECONDS = 1.0
# After SIGHUP/SIGTERM the process is gone within this long, whatever Textual is doing.
HARD_EXIT_SECONDS = 0.9


def _local_now() -> datetime:
    return datetime.now().astimezone()


class JiebeiApp(App[int]):
    CSS_PATH = str(locations.stylesheet())
    MODES: ClassVar[dict[str, Any]] = {
        "home": HomeScreen,
        "selfcheck": SelfCheckScreen,
        "calls": CallsScreen,
        "plans": PlansScreen,
        "habits": HabitsScreen,
        "review": ReviewScreen,
    }
    DEFAULT_MODE = "home"
    BINDINGS = [
        Binding("f1", "help", N_("Help"), id="app.help", priority=True, tooltip=N_("Keys and how to get around")),
        Binding("f10", "quit", N_("Quit"), id="app.quit", priority=True, tooltip=N_("Save what you typed and leave")),
        Binding("ctrl+g", "goto", N_("Go to"), id="app.goto", priority=True, tooltip=N_("Pick an area with a digit")),
        Binding("f2", "area('home')", N_("Home"), id="app.area.home", priority=True),
        Binding("f3", "area('selfcheck')", N_("Self-check"), id="app.area.selfcheck", priority=True),
        Binding("f4", "area('calls')", N_("Calls"), id="app.area.calls", priority=True),
        Binding("f5", "area('plans')", N_("Plans"), id="app.area.plans", priority=True),
        Binding("f6", "area('habits')", N_("Habits"), id="app.area.habits", priority=True),
        Binding("f7", "area('review')", N_("Review"), id="app.area.review", priority=True),
        Binding("f9", "settings", N_("Settings"), id="app.settings", show=False, priority=True, tooltip=N_("Language and colours")),
        Binding("ctrl+q", "quit", N_("Quit"), id="app.quit.ctrl_q", show=False, priority=True),
        Binding("ctrl+c", "quit", N_("Quit"), id="app.quit.ctrl_c", show=False, priority=True),
        Binding("ctrl+n", "new_call", NEW_CALL, id="app.new_call", priority=True, show=False, tooltip=NEW_CALL_TIP),
    ]

    def __init__(
        self,
        store: Store,
        report: OpenReport | None = None,
        *,
        language: str,
        theme: str = DEFAULT_THEME,
        start_area: str = "home",
        clock: Callable[[], datetime] = _local_now,
    ) -> None:
        if start_area not in AREAS:
            raise ValueError(f"unknown area {start_area!r}")
        self.DEFAULT_MODE = start_area
        super().__init__()
        self.store = store
        self.open_report = report or OpenReport()
        self.clock = clock
        self.drafts = DraftKeeper(store, clock)
        self._initial_theme = theme
        self._token = store.change_token()
        set_language(language)
        self.title = _("Jiebei overdue workbook")

    # ----- lifecycle -------------------------------------------------------------------------

    def on_mount(self) -> None:
        if self._initial_theme in self.available_themes:
            self.theme = self._initial_theme
        self._install_signal_handlers()
        self.set_interval(TICK_SECONDS, self._tick)
        self._announce_open_report()

    def _install_signal_handlers(self) -> None:
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGHUP, signal.SIGTERM, signal.SIGINT):
            try:
                loop.add_signal_handler(signum, self._on_terminate_signal, signum)
            except (NotImplementedError, RuntimeError, ValueError):
                pass  # not the main thread (tests) or no such signal here

    def _on_terminate_signal(self, signum: int) -> None:
        """SSH dropped, killed or interrupted: save every draft, then leave quickly."""
        timer = threading.Timer(HARD_EXIT_SECONDS, self.hard_exit, args=(128 + signum,))
        timer.daemon = True
        timer.start()
        self.save_everything()
        self.exit(128 + signum)

    @staticmethod
    def hard_exit(code: int) -> None:
        """Last resort if Textual cannot shut down (its terminal is gone): drafts are already saved."""
        os._exit(code)

    def save_everything(self) -> None:
        """Flush drafts (screens push their live text into the keeper first)."""
        for screen in self._all_screens():
            flush = getattr(screen, "stash_drafts", None)
            if flush is not None:
                flush()
        self.drafts.flush()
        self.store.retry_pending()

    def _all_screens(self) -> Iterable[Screen[Any]]:
        for stack in self._screen_stacks.values():
            yield from stack

    def _tick(self) -> None:
        if self.drafts.dirty:
            self.drafts.flush()
        if self.store.pending_count:
            self.store.retry_pending()
        news = self.store.take_news()
        if news.has_news:
            self._announce_open_report(news)
        try:
            token = self.store.change_token()
        except (OSError, StoreError):
            return
        if token != self._token:
            self._token = token
            self.notify_data_changed()

    def notify_data_changed(self) -> None:
        """Tell the visible screen to re-read; hidden ones re-read when shown."""
        self._token = self.store.change_token()
        self.screen.post_message(DataChanged())

    def _announce_open_report(self, report: OpenReport | None = None) -> None:
        """What opening (or, later, reading and writing) the data had to fix or refuse."""
        report = report or self.open_report
        for recovery in report.recoveries:
            if recovery.restored_from_backup:
                message = tr(
                    "{name} was damaged ({reason}). It was moved to {aside} and the last good backup was restored.",
                    name=recovery.path.name,
                    reason=recovery.reason,
                    aside=str(recovery.moved_to),
                )
            else:
                message = tr(
                    "{name} was damaged ({reason}) and there was no good backup. It was moved to {aside}; "
                    "the workbook starts without it. Nothing was deleted.",
                    name=recovery.path.name,
                    reason=recovery.reason,
                    aside=str(recovery.moved_to),
                )
            self.notify(message, title=_("Data file recovered"), severity="warning", timeout=30)
        if report.fixed_permissions:
            self.notify(
                tr(
                    "Made {count} data file(s) private to your user again (they were readable by others).",
                    count=len(report.fixed_permissions),
                ),
                title=_("Privacy"),
                timeout=15,
            )
        if report.not_writable is not None:
            self.notify(
                tr(
                    "The data folder cannot be written right now ({reason}). What you type is kept in memory and "
                    "saved as soon as it can be; on Home, x exports a copy elsewhere.",
                    reason=describe_save_error(report.not_writable),
                ),
                title=_("Not saved yet"),
                severity="warning",
                timeout=30,
            )
        if report.migration is not None:
            self.notify(
                tr("Your data now uses a faster layout; the old files are kept in {path}.",
                   path=locations.display_path(report.migration.backup)),
                timeout=15,
            )
        for newer in report.newer:
            self.notify(
                tr("{name} was written by a newer version of jiebei-tui. It was not changed; what you type for it is "
                   "kept in memory. Please update jiebei-tui.", name=newer.path.name),
                title=_("Not saved yet"),
                severity="warning",
                timeout=30,
            )
        if report.migrated:
            self.notify(
                tr("Updated {count} data file(s) to the current format; the old copies end in .bak.", count=len(report.migrated)),
                timeout=10,
            )

    # ----- actions -------------------------------------------------------------------------

    async def action_quit(self) -> None:
        self.save_everything()
        self.exit(0)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The key of the area you are in is hidden: it would do nothing, and the footer is narrow.
        if action == "area" and parameters and parameters[0] == self.current_mode:
            return False
        return True

    def action_command_palette(self) -> None:
        # Textual's own action, with the placeholder in the UI language.
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(CommandPalette(id="--command-palette", placeholder=_("Search for commands…")))

    def action_area(self, area: str) -> None:
        if area in AREAS and area != self.current_mode:
            self.switch_mode(area)

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        # Our own bindings (they all have ids), one line per action with all its keys.
        grouped: dict[str, list[str]] = {}
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if binding.id is None or not binding.description:
                continue
            keys_for = grouped.setdefault(_(binding.description), [])
            display = self.get_key_display(binding)
            if display not in keys_for:
                keys_for.append(display)
        keys = [(" / ".join(displays), description) for description, displays in grouped.items()]
        self.push_screen(HelpScreen(keys))

    def action_settings(self) -> None:
        if not isinstance(self.screen, SettingsScreen):
            self.push_screen(SettingsScreen())

    def action_goto(self) -> None:
        if isinstance(self.screen, GotoScreen):
            return

        def chosen(target: str | None) -> None:
            if target == "help":
                self.action_help()
            elif target == "settings":
                self.action_settings()
            elif target:
                self.action_area(target)

        self.push_screen(GotoScreen(), chosen)

    async def _to_calls(self) -> CallsScreen:
        """The Calls screen on top: switch to its area and close what was pushed over it (all autosaved)."""
        if self.current_mode != "calls":
            await self.switch_mode("calls")
        while len(self.screen_stack) > 1 and not isinstance(self.screen, CallsScreen):
            await self.pop_screen()
        screen = self.screen
        assert isinstance(screen, CallsScreen)
        return screen

    async def action_new_call(self) -> None:
        """Ctrl+N from anywhere: a new call record, timer running, cursor in the note line."""
        self.save_everything()
        (await self._to_calls()).start_call()

    async def action_call_prep(self) -> None:
        """The prep checklist of the Calls area (the self-check verdict leads here)."""
        (await self._to_calls()).show_prep()

    def action_export(self) -> None:
        stamp = self.clock().strftime("%Y%m%d-%H%M")
        self.push_screen(ExportScreen(Path.home() / f"jiebei-export-{stamp}.json"))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from workbook_commands(self, screen)

    # ----- preferences ---------------------------------------------------------------------

    def save_preference(self, **values: str) -> None:
        prefs = self.store.get(SETTINGS_TABLE, PREFERENCES_ID) or {}
        prefs.update(values)
        self.store.put(SETTINGS_TABLE, PREFERENCES_ID, prefs)

    async def set_language(self, language: str) -> None:
        if language == current_language():
            return
        self.save_everything()
        set_language(language)
        self.save_preference(language=language)
        self.title = _("Jiebei overdue workbook")
        for screen in list(self._all_screens()):
            await screen.recompose()
            screen.post_message(LanguageChanged())
            if hasattr(screen, "AREA"):
                screen.post_message(DataChanged())
        self.refresh_bindings()

    def set_theme(self, theme: str) -> None:
        self.theme = theme

    def watch_theme(self, theme: str) -> None:
        if self.is_mounted and theme != self._initial_theme:
            self._initial_theme = theme
            self.save_preference(theme=theme)


def load_preferences(store: Store) -> dict[str, Any]:
    return store.get(SETTINGS_TABLE, PREFERENCES_ID) or {}
