"""Everything a screen works with, built once per App by the factory."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING

from jiebei_tui.i18n import _, ngettext
from jiebei_tui.services.clock import WallClock, is_beijing_offset, system_zone, zone_for
from jiebei_tui.store.drafts import DraftKeeper
from jiebei_tui.store.settings import SettingsRepo
from jiebei_tui.store.store import OpenReport, Store

if TYPE_CHECKING:
    from jiebei_tui.domain.markdown_export import ExportPage
    from jiebei_tui.services.calls import CallSession
    from jiebei_tui.services.habits import Habits
    from jiebei_tui.services.home import HomeData
    from jiebei_tui.services.letters import Letters
    from jiebei_tui.services.plans import Plans
    from jiebei_tui.services.selfcheck import SelfChecks
    from jiebei_tui.store.calls import CallsRepo


@dataclass
class Services:
    """The repositories, the drafts, the clock, the call in progress and the plans.

    Screens reach them through their ``services`` property instead of the
    store, so each screen says what it needs and tests can build one without a
    terminal. ``clock`` is shared: choosing a time zone changes it for everyone.
    Each area's part is built (and its modules imported) when a screen first
    asks for it, not at start: the first screen needs only some of them.
    """

    store: Store
    clock: WallClock
    report: OpenReport = field(default_factory=OpenReport)
    drafts: DraftKeeper = field(init=False)
    settings: SettingsRepo = field(init=False)

    def __post_init__(self) -> None:
        self.drafts = DraftKeeper(self.store, self.clock)
        self.settings = SettingsRepo(self.store)

    @cached_property
    def calls(self) -> CallsRepo:
        from jiebei_tui.store.calls import CallsRepo

        return CallsRepo(self.store)

    @cached_property
    def selfchecks(self) -> SelfChecks:
        from jiebei_tui.services.selfcheck import SelfChecks

        return SelfChecks(self.store)

    @cached_property
    def letters(self) -> Letters:
        from jiebei_tui.services.letters import Letters
        from jiebei_tui.store.letters import LettersRepo

        return Letters(LettersRepo(self.store), self.calls, self.clock, self.selfchecks.lender)

    @cached_property
    def call_session(self) -> CallSession:
        from jiebei_tui.services.calls import CallSession

        return CallSession(self.calls, self.drafts, self.clock)

    @cached_property
    def plans(self) -> Plans:
        from jiebei_tui.services.plans import Plans

        return Plans(self.store, self.clock, self.selfchecks, self.calls, self.drafts)

    @cached_property
    def habits(self) -> Habits:
        from jiebei_tui.services.habits import Habits
        from jiebei_tui.store.habits import HabitsRepo

        habits = Habits(HabitsRepo(self.store), self.selfchecks, self.calls, self.clock)
        habits.plan_feed = self.plans.due_items  # unpaid instalments feed the reminders and the banner
        return habits

    @cached_property
    def home(self) -> HomeData:
        from jiebei_tui.services.home import HomeData

        return HomeData(self.selfchecks, self.habits, self.plans, self.clock)

    def count(self, table: str) -> int:
        """How many documents a table holds (Home's counts)."""
        return self.store.count(table)

    def local(self, moment: datetime) -> datetime:
        """``moment`` on the user's wall clock (stored times keep the offset they were saved with)."""
        return moment.astimezone(self.clock.zone)

    def export_page(self) -> ExportPage:
        """Exports made now: in the UI language, times on the user's zone."""
        from jiebei_tui.domain.markdown_export import ExportPage

        return ExportPage(_, self.clock.zone, self.clock(), ngettext)

    def choose_zone(self, setting: str) -> None:
        """The user's time zone, for every rule, display and export from now on (records are judged again)."""
        self.clock.use_zone(zone_for(setting))
        self.settings.save(timezone=setting, zone_asked=True)

    def put_off_zone_question(self) -> None:
        """Closed without choosing: Beijing time stays, and the question is not asked again (F9 changes it)."""
        self.settings.save(zone_asked=True)

    def zone_question_due(self, environ: Mapping[str, str] | None = None) -> bool:
        """Ask once: nothing chosen yet, and this computer's zone is not UTC+08:00 (a server on UTC, abroad)."""
        prefs = self.settings.load()
        if prefs.timezone is not None or prefs.zone_asked:
            return False
        return not is_beijing_offset(system_zone(environ), self.clock())

    def close_call_session(self) -> None:
        """This run is over: another run may take over the line its call session left unsent.

        Nothing to do when no screen asked for the session (it is built on first use).
        """
        session = self.__dict__.get("call_session")
        if session is not None:
            session.close()

    def save_everything(self) -> None:
        """Write every draft and retry what the disk refused before."""
        self.drafts.flush()
        self.store.retry_pending()
