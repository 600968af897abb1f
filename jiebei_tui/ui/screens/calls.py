"""The Calls area."""

from __future__ import annotations

from .guidance_area import GuidanceAreaScreen


class CallsScreen(GuidanceAreaScreen):
    AREA = "calls"
