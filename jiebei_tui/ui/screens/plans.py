"""The Plans area."""

from __future__ import annotations

from .guidance_area import GuidanceAreaScreen


class PlansScreen(GuidanceAreaScreen):
    AREA = "plans"
