"""Keyed items with an English label and hint (message ids the UI translates)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Labelled:
    """A stable key, an English label msgid and a short hint msgid (translated by the UI)."""

    key: str
    label: str
    hint: str
