"""Collection contacts (calls, messages, home visits, missed calls) and the notes taken during them.

Pure data and rules: the call screen builds these objects, the store saves their
``to_dict()`` output, the evidence report reads them. This package is the area's
public interface: other areas import from here, never from its modules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# Each module is imported when one of its names is first used (jiebei_tui/lazy.py): start-up imports
# only what the first screen draws. mypy sees the imports below, so a misspelt name is still an error.
if TYPE_CHECKING:
    from jiebei_tui.domain.calls.checklist import (
        CHECKLIST,
        CHECKLIST_KEYS,
        PREP_CHECKLIST,
    )
    from jiebei_tui.domain.calls.coach import (
        COACHED_KINDS,
        COACHING,
        SUGGESTED_NOT_MARKED,
        Coaching,
        KeptSuggestion,
        Situation,
        Suggestion,
        coaching,
        keep_suggestion,
        kept_for,
        kept_from_docs,
        mark_suggested_flag,
        recognize,
        recognize_note,
        warm_up,
    )
    from jiebei_tui.domain.calls.commitments import (
        Commitment,
        open_commitments,
        record_commitments,
    )
    from jiebei_tui.domain.calls.evidence import (
        evidence_report,
        select_records_for,
    )
    from jiebei_tui.domain.calls.export import markdown_section
    from jiebei_tui.domain.calls.flags import (
        FLAG_NIGHT,
        FLAG_TOO_MANY_CALLS,
        MANUAL_FLAG_KEYS,
        MAX_UNANSWERED_PER_DAY,
        NIGHT_ENDS,
        NIGHT_STARTS,
        RED_FLAGS,
        RED_FLAGS_BY_KEY,
        RedFlag,
        red_flag,
    )
    from jiebei_tui.domain.calls.identity import (
        IDENTITY_FIELDS,
        IDENTITY_KEYS,
        IDENTITY_STATUS_CYCLE,
        Identity,
        IdentityEntry,
        IdentityStatus,
        next_identity_status,
    )
    from jiebei_tui.domain.calls.letters import (
        Letter,
        LetterFacts,
        LetterKind,
        compose,
        letter_markdown,
        letter_text,
    )
    from jiebei_tui.domain.calls.notes import (
        Correction,
        KindChange,
        Note,
        NoteKind,
        change_kind,
        correct,
        format_duration,
        format_offset,
        new_note,
        next_note_kind,
        notes_for,
        parse_note_prefix,
    )
    from jiebei_tui.domain.calls.records import (
        SCHEMA_VERSION,
        CallRecord,
        CommitmentStatus,
        RecordKind,
        missed_call,
        new_record,
    )
    from jiebei_tui.domain.calls.rules import (
        DayAttempts,
        attempts_per_day,
        automatic_flags,
        automatic_flags_by_record,
        contact_span,
        institutions_by_number,
        is_night,
        reaches_night,
    )
    from jiebei_tui.domain.calls.search import (
        filter_records,
        matches_collector,
        matches_institution,
        matches_number,
        search_notes,
    )
    from jiebei_tui.domain.calls.sections import Translate
    from jiebei_tui.domain.calls.summary import (
        FlagFinding,
        Summary,
        duration_seconds,
        flag_findings,
        is_empty,
        looks_accidental,
        summarize,
    )
    from jiebei_tui.domain.calls.terms import (
        CommitmentTerms,
        extract_commitment,
    )
else:
    from jiebei_tui.lazy import Exports

    __getattr__ = Exports(
        __name__,
        {
            "checklist": ("CHECKLIST", "CHECKLIST_KEYS", "PREP_CHECKLIST"),
            "commitments": ("Commitment", "open_commitments", "record_commitments"),
            "evidence": ("evidence_report", "select_records_for"),
            "export": ("markdown_section",),
            "flags": (
                "FLAG_NIGHT", "FLAG_TOO_MANY_CALLS", "MANUAL_FLAG_KEYS", "MAX_UNANSWERED_PER_DAY", "NIGHT_ENDS",
                "NIGHT_STARTS", "RED_FLAGS", "RED_FLAGS_BY_KEY", "RedFlag", "red_flag"
            ),
            "identity": (
                "IDENTITY_FIELDS", "IDENTITY_KEYS", "IDENTITY_STATUS_CYCLE", "Identity", "IdentityEntry",
                "IdentityStatus", "next_identity_status"
            ),
            "letters": ("Letter", "LetterFacts", "LetterKind", "compose", "letter_markdown", "letter_text"),
            "notes": (
                "Correction", "KindChange", "Note", "NoteKind", "change_kind", "correct", "format_duration",
                "format_offset", "new_note", "next_note_kind", "notes_for", "parse_note_prefix"
            ),
            "records": (
                "SCHEMA_VERSION", "CallRecord", "CommitmentStatus", "RecordKind", "missed_call", "new_record"
            ),
            "rules": (
                "DayAttempts", "attempts_per_day", "automatic_flags", "automatic_flags_by_record", "contact_span",
                "institutions_by_number", "is_night", "reaches_night"
            ),
            "search": (
                "filter_records", "matches_collector", "matches_institution", "matches_number", "search_notes"
            ),
            "sections": ("Translate",),
            "summary": (
                "FlagFinding", "Summary", "duration_seconds", "flag_findings", "is_empty", "looks_accidental",
                "summarize"
            ),
            "terms": ("CommitmentTerms", "extract_commitment"),
            "coach": (
                "COACHED_KINDS", "COACHING", "SUGGESTED_NOT_MARKED", "Coaching", "KeptSuggestion", "Situation",
                "Suggestion", "coaching", "keep_suggestion", "kept_for", "kept_from_docs", "mark_suggested_flag",
                "recognize", "recognize_note", "warm_up"
            ),
        },
    )

__all__ = [
    "CHECKLIST",
    "CHECKLIST_KEYS",
    "COACHED_KINDS",
    "COACHING",
    "CallRecord",
    "Coaching",
    "Commitment",
    "CommitmentStatus",
    "CommitmentTerms",
    "Correction",
    "DayAttempts",
    "FLAG_NIGHT",
    "FLAG_TOO_MANY_CALLS",
    "FlagFinding",
    "IDENTITY_FIELDS",
    "IDENTITY_KEYS",
    "IDENTITY_STATUS_CYCLE",
    "Identity",
    "IdentityEntry",
    "IdentityStatus",
    "KeptSuggestion",
    "KindChange",
    "Letter",
    "LetterFacts",
    "LetterKind",
    "MANUAL_FLAG_KEYS",
    "MAX_UNANSWERED_PER_DAY",
    "NIGHT_ENDS",
    "NIGHT_STARTS",
    "Note",
    "NoteKind",
    "PREP_CHECKLIST",
    "RED_FLAGS",
    "RED_FLAGS_BY_KEY",
    "RecordKind",
    "RedFlag",
    "SCHEMA_VERSION",
    "SUGGESTED_NOT_MARKED",
    "Situation",
    "Suggestion",
    "Summary",
    "Translate",
    "attempts_per_day",
    "automatic_flags",
    "automatic_flags_by_record",
    "change_kind",
    "coaching",
    "compose",
    "contact_span",
    "correct",
    "duration_seconds",
    "evidence_report",
    "extract_commitment",
    "filter_records",
    "flag_findings",
    "format_duration",
    "format_offset",
    "institutions_by_number",
    "is_empty",
    "is_night",
    "keep_suggestion",
    "kept_for",
    "kept_from_docs",
    "mark_suggested_flag",
    "letter_markdown",
    "letter_text",
    "looks_accidental",
    "markdown_section",
    "matches_collector",
    "matches_institution",
    "matches_number",
    "missed_call",
    "new_note",
    "new_record",
    "next_identity_status",
    "next_note_kind",
    "notes_for",
    "open_commitments",
    "parse_note_prefix",
    "recognize",
    "recognize_note",
    "reaches_night",
    "record_commitments",
    "red_flag",
    "search_notes",
    "select_records_for",
    "summarize",
    "warm_up",
]

