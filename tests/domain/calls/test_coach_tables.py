"""The coach against its line tables: collector lines in three languages, and calm lines that must stay calm.

coach_lines.tsv is what the patterns were written against: every line must give exactly its
situations. coach_heldout.tsv was written afterwards and never tuned against: it keeps the
recogniser from getting worse than the floors below (benchmarks/coach.py prints both tables'
precision and recall).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import opencc
import pytest

from jiebei_tui.domain.calls import Situation, parse_note_prefix, recognize

HERE = Path(__file__).resolve().parent
TO_SIMPLIFIED = opencc.OpenCC("t2s")
FULL_WIDTH_PUNCTUATION = "，。！？：；（）、…"
MIN_LINES_PER_SITUATION = 10
# Held-out floors: measured 100% precision, 89% recall and no calm line raised when it was written.
HELD_OUT_MIN_PRECISION = 0.97
HELD_OUT_MIN_RECALL = 0.85


@dataclass(frozen=True)
class Row:
    expected: frozenset[str]
    line: str
    note: str
    number: int  # line number in the file, for failure messages


def load(name: str) -> list[Row]:
    """Rows of a table: situations (comma-separated, "-" for none), the line as typed, an optional note."""
    rows = []
    for number, raw in enumerate((HERE / name).read_text(encoding="utf-8").splitlines(), start=1):
        if not raw or raw.startswith("#"):
            continue
        situations, line, *rest = raw.split("\t")
        expected = frozenset() if situations == "-" else frozenset(situations.split(","))
        rows.append(Row(expected, line, rest[0] if rest else "", number))
    return rows


def found(line: str) -> frozenset[str]:
    """What the coach raises for a line typed in the note input (its prefix sets the kind, as in the app)."""
    kind, body = parse_note_prefix(line)
    return frozenset(suggestion.situation.value for suggestion in recognize(body, kind))


LINES = load("coach_lines.tsv")
HELD_OUT = load("coach_heldout.tsv")
POSITIVE = [row for row in LINES if row.expected]
CALM = [row for row in LINES if not row.expected]


@pytest.mark.parametrize("row", POSITIVE, ids=lambda row: f"L{row.number}")
def test_a_collector_line_raises_exactly_its_situations(row: Row) -> None:
    assert found(row.line) == row.expected, row.line


@pytest.mark.parametrize("row", CALM, ids=lambda row: f"L{row.number}")
def test_a_calm_line_stays_calm(row: Row) -> None:
    assert found(row.line) == frozenset(), row.line


def _lines_for(situation: Situation) -> list[Row]:
    return [row for row in POSITIVE if situation.value in row.expected]


def _is_traditional(line: str) -> bool:
    return TO_SIMPLIFIED.convert(line) != line


@pytest.mark.parametrize("situation", list(Situation), ids=lambda situation: situation.value)
def test_each_situation_is_tested_in_every_form_a_stressed_user_types(situation: Situation) -> None:
    rows = _lines_for(situation)
    assert len(rows) >= MIN_LINES_PER_SITUATION
    assert any(_is_traditional(row.line) for row in rows), "no line in Traditional characters"
    assert any(row.line.isascii() for row in rows), "no English line"
    assert any(char in row.line for row in rows for char in FULL_WIDTH_PUNCTUATION), "no full-width punctuation"
    assert any(row.note.startswith("typo") for row in rows), "no line with a typing slip"


def test_there_are_more_calm_lines_than_collector_lines() -> None:
    assert len(CALM) >= len(POSITIVE)
    assert {row.line for row in LINES} >= {
        "我是某某公司的，关于您的借呗还款",
        "请问您什么时候方便还款",
        "这是提醒您还款的电话",
        "We can discuss an instalment plan",
        "我们不会上门",
        "我们没有起诉您，只是提醒",
    }


def test_the_tables_know_only_real_situations() -> None:
    known = {situation.value for situation in Situation}
    for row in LINES + HELD_OUT:
        assert row.expected <= known, f"line {row.number}: {sorted(row.expected - known)}"


def test_the_held_out_lines_stay_above_their_floors() -> None:
    hits = raised = expected = 0
    calm_raised = []
    for row in HELD_OUT:
        got = found(row.line)
        hits += len(got & row.expected)
        raised += len(got)
        expected += len(row.expected)
        if not row.expected and got:
            calm_raised.append(row.line)
    assert not calm_raised, "calm held-out lines raised a situation"
    assert hits / raised >= HELD_OUT_MIN_PRECISION
    assert hits / expected >= HELD_OUT_MIN_RECALL
