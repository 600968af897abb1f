"""Everything a screen works with, built once per App by the factory."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from jiebei_tui.services.clock import WallClock
from jiebei_tui.store.drafts import DraftKeeper
from jiebei_tui.store.settings import SettingsRepo
from jiebei_tui.store.store import OpenReport, Store

if TYPE_CHECKING:
    from jiebei_tui.services.calls import CallSession
    from jiebei_tui.services.selfcheck import SelfChecks
    from jiebei_tui.store.calls import CallsRepo


@dataclass
class Services:
    """The repositories, the drafts, the clock and the call in progress.

    Screens reach them through their ``services`` property instead of the
    store, so each screen says what it needs and tests can build one without a
    terminal. ``clock`` is shared: choosing a time zone changes it for everyone.
    The calls and self-check parts are built (and their modules imported) when
    a screen first asks for them, not at start: the first screen may need neither.
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
    def call_session(self) -> CallSession:
        from jiebei_tui.services.calls import CallSession

        return CallSession(self.calls, self.drafts, self.clock)

    def count(self, table: str) -> int:
        """How many documents a table holds (Home's counts)."""
        return self.store.count(table)

    def save_everything(self) -> None:
        """Write every draft and retry what the disk refused before."""
        self.drafts.flush()
        self.store.retry_pending()
