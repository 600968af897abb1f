"""The Review area."""

from __future__ import annotations

from .guidance_area import GuidanceAreaScreen


class ReviewScreen(GuidanceAreaScreen):
    AREA = "review"
