"""The Habits area."""

from __future__ import annotations

from jiebei_tui.ui.common.guidance_area import GuidanceAreaScreen


class HabitsScreen(GuidanceAreaScreen):
    AREA = "habits"
