"""What the screens use, between the store and the UI: pure Python, no Textual.

Layers: ``domain`` → ``store`` → ``services`` → ``ui``. The factory builds one
:class:`Services` per App; screens reach it through their ``services``
property.
"""

from jiebei_tui.services.calls import (
    ACTIVE_DRAFT,
    NOTE_DRAFT,
    RESUME_WITHIN,
    CallSession,
    Opening,
    SavedLine,
    corrected,
    note_draft_key,
)
from jiebei_tui.services.clock import (
    BEIJING_SETTING,
    SYSTEM,
    WallClock,
    is_beijing_offset,
    setting_for,
    system_zone,
    utc_now,
    zone_choices,
    zone_for,
)
from jiebei_tui.services.habits import Habits, Toggled
from jiebei_tui.services.home import HomeData, HomeView, plan_progress
from jiebei_tui.services.plans import NextPayment, OpenInstalment, Plans, PlanSummary
from jiebei_tui.services.selfcheck import SelfChecks
from jiebei_tui.services.workbook import Services

__all__ = [
    "ACTIVE_DRAFT",
    "BEIJING_SETTING",
    "NOTE_DRAFT",
    "NextPayment",
    "OpenInstalment",
    "RESUME_WITHIN",
    "SYSTEM",
    "Toggled",
    "CallSession",
    "Habits",
    "HomeData",
    "HomeView",
    "Opening",
    "PlanSummary",
    "Plans",
    "SavedLine",
    "SelfChecks",
    "Services",
    "WallClock",
    "corrected",
    "is_beijing_offset",
    "note_draft_key",
    "plan_progress",
    "setting_for",
    "system_zone",
    "utc_now",
    "zone_choices",
    "zone_for",
]
