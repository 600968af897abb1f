"""Recognising, in a line the user committed, the situations the rules speak to.

Runs once per committed line (Enter), never per keystroke. The patterns are compiled on the first
call (``warm_up`` lets the screen pay that once, off the typing path) and kept: after that a
line of ordinary length costs well under a millisecond (benchmarks/coach.py). A match counts only
if the clause around it does not turn it back into calm talk (see :mod:`.cues`). False positives
are worse than misses here: a calm call must stay calm.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from jiebei_tui.domain.calls.coach import cues, patterns_en, patterns_zh
from jiebei_tui.domain.calls.coach.normalize import Comparable, comparable
from jiebei_tui.domain.calls.coach.situations import COACHING, Coaching, Situation
from jiebei_tui.domain.calls.notes import Note, NoteKind

# The kinds a collector's words come in: 他: lines, and plain lines (a stressed user skips the prefix).
COACHED_KINDS: frozenset[NoteKind] = frozenset({NoteKind.PLAIN, NoteKind.THEY_SAID})
MAX_LINE_LENGTH = 300  # characters read from one line: a spoken sentence is far shorter; a pasted page is cut
_WINDOW = 40  # characters of the clause before a match that a negation can reach from
_AFTER = 14  # characters after a match where 帮忙 / "for help" turns contact into advice
_USER_CAN_ACT = frozenset({Situation.VISIT, Situation.THIRD_PARTIES})
_STOPS = frozenset(patterns_zh.STOP.replace("\\n", "\n"))
_SENTENCE_STOPS = frozenset("。.!?\n")
_LATIN = re.compile("[a-z]")


@dataclass(frozen=True)
class Suggestion:
    """One situation found in a line; ``cue`` is the line's own words that raised it.

    ``start``/``end`` index the text given to :func:`recognize` (the note's body).
    """

    situation: Situation
    cue: str
    start: int
    end: int

    @property
    def coaching(self) -> Coaching:
        return COACHING[self.situation]


@dataclass(frozen=True)
class _Compiled:
    # Chinese and English wording apart: a line without Latin letters never runs the English
    # patterns (whose word-boundary look-behinds make the engine try them at every character).
    chinese: Mapping[Situation, re.Pattern[str]]
    english: Mapping[Situation, re.Pattern[str]]
    negated_before: re.Pattern[str]
    negated_before_en: re.Pattern[str]
    negated_after: re.Pattern[str]
    not_negation: re.Pattern[str]
    not_negation_map: Mapping[str, str]
    user_acts: re.Pattern[str]
    help_after: re.Pattern[str]
    caller_acts: re.Pattern[str]
    user_voice: re.Pattern[str]


@cache
def _compiled() -> _Compiled:
    not_negation = dict(cues.ZH_NOT_NEGATION)
    return _Compiled(
        chinese={situation: re.compile("|".join(patterns_zh.PATTERNS[situation])) for situation in Situation},
        english={situation: re.compile("|".join(patterns_en.PATTERNS[situation])) for situation in Situation},
        negated_before=re.compile(cues.ZH_NEGATED_BEFORE),
        negated_before_en=re.compile(cues.EN_NEGATED_BEFORE),
        negated_after=re.compile(cues.ZH_NEGATED_AFTER),
        not_negation=re.compile("|".join(not_negation)),
        not_negation_map=not_negation,
        user_acts=re.compile(cues.USER_ACTS_BEFORE),
        help_after=re.compile(cues.HELP_AFTER),
        caller_acts=re.compile(cues.CALLER_ACTS),
        user_voice=re.compile(cues.USER_VOICE),
    )


def warm_up() -> None:
    """Compile the patterns now (a few milliseconds), so the first Enter of a call does not pay it."""
    _compiled()


def _clause_start(text: str, position: int) -> int:
    start = position
    while start > 0 and text[start - 1] not in _STOPS:
        start -= 1
    return start


def _sentence_after(text: str, position: int) -> str:
    end = position
    limit = min(len(text), position + _AFTER)
    while end < limit and text[end] not in _SENTENCE_STOPS:
        end += 1
    return text[position:end]


def _counts(situation: Situation, text: str, start: int, end: int, compiled: _Compiled) -> bool:
    """Whether a match at ``text[start:end]`` means what it says in its clause."""
    clause_start = _clause_start(text, start)
    before = text[max(clause_start, start - _WINDOW) : start]
    before_zh = compiled.not_negation.sub(lambda m: compiled.not_negation_map[m.group(0)], before)
    if compiled.negated_before.search(before_zh) or compiled.negated_before_en.search(before):
        return False
    if compiled.negated_after.match(text, end):
        return False
    if situation in _USER_CAN_ACT and compiled.user_acts.search(before):
        return False
    if situation is Situation.THIRD_PARTIES and compiled.help_after.search(_sentence_after(text, end)):
        return bool(compiled.caller_acts.search(text[clause_start:start]))
    return True


def _find(
    situation: Situation, line: Comparable, patterns: list[Mapping[Situation, re.Pattern[str]]], compiled: _Compiled
) -> tuple[int, int] | None:
    """The first match that counts, in the order the wordings are tried (Chinese first)."""
    for by_situation in patterns:
        for match in by_situation[situation].finditer(line.text):
            if match.end() > match.start() and _counts(situation, line.text, match.start(), match.end(), compiled):
                return line.span(match.start(), match.end())
    return None


def recognize(text: str, kind: NoteKind = NoteKind.THEY_SAID) -> tuple[Suggestion, ...]:
    """The situations a committed line speaks of, at most one per situation, in Situation order.

    ``text`` is the line's body (without its 他: prefix) and ``kind`` its kind: only the
    collector's words (THEY_SAID) and plain lines are read, and a plain line in the user's own
    voice (我说…, "I told them…") is not. Never raises; the same text always gives the same answer.
    """
    if kind not in COACHED_KINDS or not text or text.isspace():
        return ()
    text = text[:MAX_LINE_LENGTH]
    compiled = _compiled()
    line = comparable(text)
    if kind is NoteKind.PLAIN and compiled.user_voice.match(line.text):
        return ()
    patterns = []
    if not line.text.isascii():
        patterns.append(compiled.chinese)
    if _LATIN.search(line.text):  # English words, or pinyin typed before the input method converted it
        patterns.append(compiled.english)
    found = []
    for situation in Situation:
        span = _find(situation, line, patterns, compiled)
        if span is not None:
            found.append(Suggestion(situation, text[span[0] : span[1]], span[0], span[1]))
    return tuple(found)


def recognize_note(note: Note) -> tuple[Suggestion, ...]:
    """:func:`recognize` for a saved note (its current text, after any correction)."""
    return recognize(note.current_text, note.kind)
