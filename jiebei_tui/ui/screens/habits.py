"""The Habits area."""

from __future__ import annotations

from .guidance_area import GuidanceAreaScreen


class HabitsScreen(GuidanceAreaScreen):
    AREA = "habits"
