"""docs/FACTS.md and domain/facts.py say the same: every stated fact, its source and its confidence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from jiebei_tui.domain.facts import FACTS

DOC = Path(__file__).resolve().parent.parent / "docs" / "FACTS.md"
ROW = re.compile(r"^\| `(?P<key>[a-z0-9_]+)` \| (?P<statement>.+?) \| (?P<source>.+?) \| (?P<original>.+?) \| (?P<conf>[HM–-]+) \|$")


@pytest.mark.skipif(not DOC.exists(), reason="needs the source checkout")
def test_the_fact_table_in_docs_matches_what_the_app_states() -> None:
    rows = {match["key"]: match for line in DOC.read_text(encoding="utf-8").splitlines() if (match := ROW.match(line))}
    assert sorted(rows) == sorted(fact.key for fact in FACTS), "a fact is missing on one side"
    for fact in FACTS:
        row = rows[fact.key]
        assert (row["statement"], row["source"], row["conf"]) == (fact.statement, fact.source, fact.confidence), fact.key
