"""Everything a screen works with, built once per App by the factory."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from jiebei_tui.domain.markdown_export import ExportPage
from jiebei_tui.i18n import _, ngettext
from jiebei_tui.services.calls import CallSession
from jiebei_tui.services.clock import WallClock, is_beijing_offset, system_zone, zone_for
from jiebei_tui.services.habits import Habits
from jiebei_tui.services.home import HomeData
from jiebei_tui.services.letters import Letters
from jiebei_tui.services.plans import Plans
from jiebei_tui.services.selfcheck import SelfChecks
from jiebei_tui.store.calls import CallsRepo
from jiebei_tui.store.drafts import DraftKeeper
from jiebei_tui.store.habits import HabitsRepo
from jiebei_tui.store.letters import LettersRepo
from jiebei_tui.store.settings import SettingsRepo
from jiebei_tui.store.store import OpenReport, Store


@dataclass
class Services:
    """The repositories, the drafts, the clock, the call in progress and the plans.

    Screens reach them through their ``services`` property instead of the
    store, so each screen says what it needs and tests can build one without a
    terminal. ``clock`` is shared: choosing a time zone changes it for everyone.
    """

    store: Store
    clock: WallClock
    report: OpenReport = field(default_factory=OpenReport)
    drafts: DraftKeeper = field(init=False)
    settings: SettingsRepo = field(init=False)
    calls: CallsRepo = field(init=False)
    letters: Letters = field(init=False)
    selfchecks: SelfChecks = field(init=False)
    call_session: CallSession = field(init=False)
    habits: Habits = field(init=False)
    home: HomeData = field(init=False)
    plans: Plans = field(init=False)

    def __post_init__(self) -> None:
        self.drafts = DraftKeeper(self.store, self.clock)
        self.settings = SettingsRepo(self.store)
        self.calls = CallsRepo(self.store)
        self.selfchecks = SelfChecks(self.store)
        self.letters = Letters(LettersRepo(self.store), self.calls, self.clock, self.selfchecks.lender)
        self.call_session = CallSession(self.calls, self.drafts, self.clock)
        self.plans = Plans(self.store, self.clock, self.selfchecks, self.calls, self.drafts)
        self.habits = Habits(HabitsRepo(self.store), self.selfchecks, self.calls, self.clock)
        self.habits.plan_feed = self.plans.due_items  # unpaid instalments feed the reminders and the banner
        self.home = HomeData(self.selfchecks, self.habits, self.plans, self.clock)

    def count(self, table: str) -> int:
        """How many documents a table holds (Home's counts)."""
        return self.store.count(table)

    def local(self, moment: datetime) -> datetime:
        """``moment`` on the user's wall clock (stored times keep the offset they were saved with)."""
        return moment.astimezone(self.clock.zone)

    def export_page(self) -> ExportPage:
        """Exports made now: in the UI language, times on the user's zone."""
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

    def save_everything(self) -> None:
        """Write every draft and retry what the disk refused before."""
        self.drafts.flush()
        self.store.retry_pending()
