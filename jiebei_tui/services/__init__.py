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
from jiebei_tui.services.clock import CHINA, SYSTEM, TIME_ZONES, WallClock, clock_for, local_now, system_offset_label
from jiebei_tui.services.habits import Habits, Toggled
from jiebei_tui.services.home import HomeData, HomeView, plan_progress
from jiebei_tui.services.plans import NextPayment, OpenInstalment, Plans, PlanSummary
from jiebei_tui.services.selfcheck import SelfChecks
from jiebei_tui.services.workbook import Services

__all__ = [
    "ACTIVE_DRAFT",
    "CHINA",
    "NOTE_DRAFT",
    "NextPayment",
    "OpenInstalment",
    "RESUME_WITHIN",
    "SYSTEM",
    "TIME_ZONES",
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
    "clock_for",
    "corrected",
    "local_now",
    "note_draft_key",
    "plan_progress",
    "system_offset_label",
]
