"""What the screens use, between the store and the UI: pure Python, no Textual.

Layers: ``domain`` → ``store`` → ``services`` → ``ui``. The factory builds one
:class:`Services` per App; screens reach it through their ``services``
property.

The names below are imported on first use (PEP 562): starting the app needs
only :class:`Services` and the clock, not the call and self-check rules
behind the rest (importing them all took about a third of start-up).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_WHERE = {
    **dict.fromkeys(
        ("ACTIVE_DRAFT", "NOTE_DRAFT", "RESUME_WITHIN", "CallSession", "Opening", "SavedLine", "corrected", "note_draft_key"),
        "jiebei_tui.services.calls",
    ),
    **dict.fromkeys(
        (
            "BEIJING_SETTING",
            "SYSTEM",
            "WallClock",
            "is_beijing_offset",
            "setting_for",
            "system_zone",
            "utc_now",
            "zone_choices",
            "zone_for",
        ),
        "jiebei_tui.services.clock",
    ),
    **dict.fromkeys(("Habits", "Toggled"), "jiebei_tui.services.habits"),
    **dict.fromkeys(("HomeData", "HomeView", "plan_progress"), "jiebei_tui.services.home"),
    **dict.fromkeys(("NextPayment", "OpenInstalment", "Plans", "PlanSummary"), "jiebei_tui.services.plans"),
    "SelfChecks": "jiebei_tui.services.selfcheck",
    "Services": "jiebei_tui.services.workbook",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


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
