"""The SelfCheck area."""

from __future__ import annotations

from .guidance_area import GuidanceAreaScreen


class SelfCheckScreen(GuidanceAreaScreen):
    AREA = "selfcheck"
