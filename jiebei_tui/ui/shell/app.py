"""The App: areas as modes, global keys, saving drafts, watching the data files."""

from __future__ import annotations

import gc
import os
import signal
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, SystemCommand
from textual.command import CommandPalette
from textual.driver import Driver
from textual.screen import Screen

from jiebei_tui import locations
from jiebei_tui.areas import AREA_IDS
from jiebei_tui.i18n import N_, _, current_language, set_language
from jiebei_tui.services import Services
from jiebei_tui.store.crash import write_crash_report
from jiebei_tui.store.drafts import DraftKeeper
from jiebei_tui.store.errors import StoreError
from jiebei_tui.store.store import OpenReport, Store
from jiebei_tui.ui.calls import NEW_CALL, NEW_CALL_TIP
from jiebei_tui.ui.common.keys import bind
from jiebei_tui.ui.common.messages import DataChanged, LanguageChanged
from jiebei_tui.ui.common.text import install_terminal_guard
from jiebei_tui.ui.shell.areas import area_bindings, modes, screen_stylesheets
from jiebei_tui.ui.shell.keyhold import HoldsKeys, KeyHold
from jiebei_tui.ui.shell.leaving import Leaving
from jiebei_tui.ui.shell.notices import open_report_notices
from jiebei_tui.ui.shell.quit import QuitScreen  # imported at start: F10 must work whatever the disk does
from jiebei_tui.ui.shell.switching import SwitchesScreens
from jiebei_tui.ui.shell.warmup import WarmUp

# The screens a key opens (Help, Ctrl+G, settings, export, the palette's commands) are imported
# when the key is pressed: start-up imports only what the first screen shows.
if TYPE_CHECKING:
    from jiebei_tui.ui.calls.screen import CallsScreen
    from jiebei_tui.ui.common.commitments import CommitmentsHomePanel

DEFAULT_THEME = "textual-dark"
TICK_SECONDS = 1.0
CRASHED = 70  # EX_SOFTWARE: the exit code after an unexpected error


class JiebeiApp(HoldsKeys, SwitchesScreens, App[int]):
    CSS_PATH = str(locations.stylesheet())
    MODES: ClassVar[dict[str, Any]] = modes()
    DEFAULT_MODE = "home"
    BINDINGS = [
        bind("help", "help", N_("Help"), id="app.help", priority=True, tooltip=N_("Keys and how to get around")),
        bind("quit", "quit", N_("Quit"), id="app.quit", keys="f10", priority=True, tooltip=N_("Save what you typed and leave")),
        bind("goto", "goto", N_("Go to"), id="app.goto", priority=True, tooltip=N_("Pick an area with a digit")),
        *area_bindings(),
        bind("settings", "settings", N_("Settings"), id="app.settings", show=False, priority=True, tooltip=N_("Language and colours")),
        bind("quit", "quit", N_("Quit"), id="app.quit.ctrl_q", keys="ctrl+q", show=False, priority=True),
        bind("quit", "quit", N_("Quit"), id="app.quit.ctrl_c", keys="ctrl+c", show=False, priority=True),
        bind("new_call", "new_call", NEW_CALL, id="app.new_call", priority=True, show=False, tooltip=NEW_CALL_TIP),
    ]

    # Freeze what start-up built once each area is drawn (None: only when running in a terminal, not
    # under the tests' headless Pilot, where frozen apps would pile up in one process). See area_drawn.
    freeze_after_start: bool | None = None
    # Get the areas ready after the first frame (ui/shell/warmup.py); None: only in a terminal, as above.
    warm_up_after_start: bool | None = None

    def __init__(self, services: Services, *, language: str, theme: str = DEFAULT_THEME, start_area: str = "home") -> None:
        if start_area not in AREA_IDS:
            raise ValueError(f"unknown area {start_area!r}")
        setattr(self, "DEFAULT_MODE", start_area)  # noqa: B010 -- per App, read by App.__init__: the first screen
        install_terminal_guard()  # before anything is drawn: no control character from data reaches the terminal
        super().__init__(css_path=[self.CSS_PATH, *screen_stylesheets(start_area)])
        self.services = services
        self.start_area = start_area
        self._initial_theme = theme
        self._token = services.store.change_token()
        self.leaving = Leaving(services, self.save_everything, self.exit, self.hard_exit)
        self.crash_report: Path | None = None  # where the traceback went, when the app crashed
        self.warm_up = WarmUp(self)
        self.key_hold = KeyHold(self)
        self._crashed = False
        set_language(language)
        self.title = _("Jiebei overdue workbook")

    def get_driver_class(self) -> type[Driver]:
        driver = super().get_driver_class()
        from textual.drivers.linux_driver import LinuxDriver

        if driver is LinuxDriver:  # not on Windows, and not a driver chosen through TEXTUAL_DRIVER
            from jiebei_tui.ui.shell.terminal import TerminalDriver

            return TerminalDriver
        return driver

    # The tests, the screenshots and the benchmarks reach these through the App.
    @property
    def store(self) -> Store:
        return self.services.store

    @property
    def drafts(self) -> DraftKeeper:
        return self.services.drafts

    @property
    def open_report(self) -> OpenReport:
        return self.services.report

    def clock(self) -> datetime:
        return self.services.clock()

    # ----- lifecycle -------------------------------------------------------------------------

    def on_mount(self) -> None:
        if self._initial_theme in self.available_themes:
            self.theme = self._initial_theme
        else:
            self.services.settings.ignore([("theme", self._initial_theme[:40])])
        self.leaving.install()
        self.set_interval(TICK_SECONDS, self._tick)
        for message, options in open_report_notices(self.open_report):
            self.notify(message, **options)

    def area_drawn(self) -> None:
        """Called once by each area's screen after its first refresh (the first is the start-up screen).

        What is built by then lives as long as the app: modules, Textual, the area
        screens (kept for the whole run as the App's modes). Freezing it keeps
        Python's full garbage collections from scanning it again: with a long call
        history loaded, a full collection took ~150 ms on 2 cores, ~30 ms with that
        frozen, and it runs whenever the allocator decides, blocking the screen
        meanwhile. (The price: a screen rebuilt by a language switch leaves its
        old widgets uncollected, a few MB at most per switch.)
        """
        self.freeze_long_lived()
        gc.enable()  # the command line turns it off until the first screen is drawn (cli._run_app)
        warm = not self.is_headless if self.warm_up_after_start is None else self.warm_up_after_start
        if warm:
            self.warm_up.start()
        # Asked over the first screen, once it is drawn (asked sooner, it stood on a blank screen). `jiebei-tui
        # call` records at once, in Beijing time, and asks after the call.
        if self.start_area != "calls":
            self.ask_zone_if_due()

    def freeze_long_lived(self) -> None:
        """Move what exists now out of reach of full collections: called as each area is first drawn, and once the
        warm-up has imported every area (its modules, ~30,000 objects, were otherwise traced by each full
        collection: ~20 ms of the one after the call history closes)."""
        freeze = not self.is_headless if self.freeze_after_start is None else self.freeze_after_start
        if freeze:
            gc.freeze()

    def on_unmount(self) -> None:
        # This run's call session is over: another run may now take over the line it left unsent.
        self.services.close_call_session()

    def terminal_gone(self) -> None:
        """The terminal driver found the pty closed (an SSH client that died): save and leave now."""
        self.leaving.cut_off(128 + signal.SIGHUP, terminal_gone=True)

    @staticmethod
    def hard_exit(code: int) -> None:
        """Leave without Textual's shutdown (its terminal is gone); everything is saved by then."""
        os._exit(code)

    def _handle_exception(self, error: Exception) -> None:
        """Any unexpected error: save every draft, the traceback to a private crash file, one line on exit.

        Textual would print the traceback with its local variables (notes, record ids) on the screen.
        """
        self._return_code = CRASHED
        if self._exception is None:  # Pilot re-raises it at the end of a test, as Textual does
            self._exception = error
            self._exception_event.set()
        if self._crashed:
            return
        self._crashed = True
        try:
            self.save_everything()
        except Exception:  # saving what can be saved; the crash file says what happened
            pass
        self.leaving.save_the_rest()
        self.crash_report = write_crash_report(self.store.directory, error)
        self._close_messages_no_wait()

    def panic(self, *renderables: Any) -> None:
        # Textual's input thread panics with a traceback (locals included): handled as a crash instead.
        self._handle_exception(RuntimeError("the terminal input failed"))

    def save_everything(self) -> None:
        """Flush drafts (screens whose text is not a draft save it straight into its record first)."""
        for screen in self._all_screens():
            flush = getattr(screen, "stash_drafts", None)
            if flush is not None:
                flush()
        self.services.save_everything()

    def _all_screens(self) -> Iterable[Screen[Any]]:
        for stack in self._screen_stacks.values():
            yield from stack

    def _tick(self) -> None:
        if self.drafts.dirty:
            self.drafts.flush()
        store = self.store
        if store.pending_count:
            store.retry_pending()
        news = store.take_news()
        if news.has_news:
            for message, options in open_report_notices(news):
                self.notify(message, **options)
        try:
            token = store.change_token()
        except (OSError, StoreError):
            return
        if token != self._token:
            self._token = token
            self.notify_data_changed()

    def notify_data_changed(self) -> None:
        """Tell the visible screen to re-read; hidden ones re-read when shown."""
        self._token = self.store.change_token()
        self.screen.post_message(DataChanged())

    # ----- actions -------------------------------------------------------------------------

    async def action_quit(self) -> None:
        """F10, Ctrl+Q, Ctrl+C: save and leave; with changes the disk refused, ask first (QuitScreen)."""
        self.save_everything()
        if not self.store.pending_count:
            self.exit(0)
        elif not isinstance(self.screen, QuitScreen):
            self.push_screen(QuitScreen())

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
        if area in AREA_IDS and area != self.current_mode:
            self.switch_mode(area)

    async def open_area(self, area: str, view: str | None = None) -> None:
        """Switch to ``area``; ``view`` names a view inside it (for screens with ``show_view``, like Habits)."""
        if area in AREA_IDS and area != self.current_mode:
            await self.switch_mode(area)
        show = getattr(self.screen, "show_view", None)
        if view is not None and show is not None:
            self.screen.call_later(show, view)  # in the screen's own message loop, after it has mounted

    def action_help(self) -> None:
        from jiebei_tui.ui.shell.help import HelpScreen, help_keys

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(help_keys(self, self.screen)))

    def action_settings(self) -> None:
        from jiebei_tui.ui.shell.settings import SettingsScreen

        if not isinstance(self.screen, SettingsScreen):
            self.push_screen(SettingsScreen())

    def action_goto(self) -> None:
        from jiebei_tui.ui.shell.goto import GotoScreen

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
        from jiebei_tui.ui.calls.screen import CallsScreen

        if self.current_mode != "calls":
            await self.switch_mode("calls")
        while len(self.screen_stack) > 1 and not isinstance(self.screen, CallsScreen):
            await self.pop_screen()
        screen = self.screen
        assert isinstance(screen, CallsScreen)
        return screen

    async def action_new_call(self) -> None:
        """Ctrl+N from anywhere: a new call record, timer running, cursor in the note line. From a plan, the
        plan's script opens beside the note recorder."""
        plan_id = getattr(self.screen, "call_plan_id", None)
        self.save_everything()
        screen = await self._to_calls()

        def start() -> None:
            screen.start_call()
            record = screen.session.record
            if isinstance(plan_id, str) and record is not None:
                self.services.plans.link_call(record.id, plan_id)
                screen.show_plan_script()

        screen.call_later(start)  # in the screen's own message loop, after it has mounted

    def on_commitments_home_panel_chosen(self, message: CommitmentsHomePanel.Chosen) -> None:
        """Enter on a promise from a call, wherever promises are listed: record it as a plan payment."""
        from jiebei_tui.ui.plans import RecordPromiseDialog

        self.push_screen(RecordPromiseDialog(message.commitment), lambda _saved: self.notify_data_changed())

    async def action_call_prep(self) -> None:
        """The prep checklist of the Calls area (the self-check verdict leads here)."""
        screen = await self._to_calls()
        screen.call_later(screen.show_prep)

    def action_export(self) -> None:
        from jiebei_tui.ui.shell.export import ExportScreen

        stamp = self.clock().strftime("%Y%m%d-%H%M")
        self.push_screen(ExportScreen(Path.home() / f"jiebei-export-{stamp}.json"))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        from jiebei_tui.ui.shell.commands import workbook_commands

        yield from workbook_commands(self, screen)

    # ----- preferences ---------------------------------------------------------------------

    async def set_language(self, language: str) -> None:
        """Switch at once: every screen rebuilds itself in the new language (in its own message loop)."""
        if language == current_language():
            return
        self.save_everything()
        set_language(language)
        self.services.settings.save(language=language)
        self.title = _("Jiebei overdue workbook")
        for screen in list(self._all_screens()):
            screen.post_message(LanguageChanged())
        self.refresh_bindings()

    def set_theme(self, theme: str) -> None:
        self.theme = theme

    def set_time_zone(self, setting: str) -> None:
        """The user's clock from now on: every record is judged again and every screen shows its times anew."""
        self.services.choose_zone(setting)
        self.notify_data_changed()

    def ask_zone_if_due(self) -> None:
        """Once, when this computer is not on UTC+08:00 and no zone was chosen (never during a call)."""
        if not self.services.zone_question_due():
            return
        from jiebei_tui.ui.shell.zone import ZoneQuestionScreen  # only then: most runs never ask

        if isinstance(self.screen, ZoneQuestionScreen):
            return

        def answered(setting: str | None) -> None:
            if setting is None:
                self.services.put_off_zone_question()
            else:
                self.set_time_zone(setting)

        self.push_screen(ZoneQuestionScreen(), answered)

    def watch_theme(self, theme: str) -> None:
        if theme != self._initial_theme:
            self._initial_theme = theme
            self.services.settings.save(theme=theme)
