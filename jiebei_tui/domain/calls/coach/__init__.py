"""A calm coach beside the call notes: which situation a collector's line speaks of, what the rule
says (only from the fact table, with its source), what the user can say back, and the one red
flag or follow-up a key adds. Nothing here marks anything by itself.

Importing this package costs only its tables; the patterns are compiled on the first
``recognize`` (or ``warm_up``).
"""

from __future__ import annotations

from jiebei_tui.domain.calls.coach.kept import (
    SUGGESTED_NOT_MARKED,
    KeptSuggestion,
    keep_suggestion,
    kept_for,
    kept_from_docs,
    mark_suggested_flag,
)
from jiebei_tui.domain.calls.coach.recognize import (
    COACHED_KINDS,
    Suggestion,
    recognize,
    recognize_note,
    warm_up,
)
from jiebei_tui.domain.calls.coach.situations import COACHING, Coaching, Situation, coaching

__all__ = [
    "COACHED_KINDS",
    "COACHING",
    "Coaching",
    "KeptSuggestion",
    "SUGGESTED_NOT_MARKED",
    "Situation",
    "Suggestion",
    "coaching",
    "keep_suggestion",
    "kept_for",
    "kept_from_docs",
    "mark_suggested_flag",
    "recognize",
    "recognize_note",
    "warm_up",
]
