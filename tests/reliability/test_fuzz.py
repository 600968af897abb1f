"""hypothesis over every parser and the importer: no crash, a clear message in the user's language,
nothing stored that was not accepted, and what was accepted stored exactly as written."""

from __future__ import annotations

import json
import tempfile
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from jiebei_tui.domain.calls import Note, NoteKind, RecordKind, new_note, new_record
from jiebei_tui.domain.parsing.dates import find_dates, parse_date, parse_moment
from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.parsing.money import parse_money
from jiebei_tui.domain.parsing.numbers import parse_days, parse_due_day, parse_int, parse_months
from jiebei_tui.domain.parsing.phones import normalize_number
from jiebei_tui.domain.parsing.rates import parse_daily_rate, parse_multiplier
from jiebei_tui.domain.text_safety import storable
from jiebei_tui.i18n import set_language
from jiebei_tui.store.export import EXPORT_FORMAT, ImportFormatError, check_export, import_placements, load_export
from jiebei_tui.store.schema import SCHEMA_VERSION
from jiebei_tui.store.store import open_store

CST = timezone(timedelta(hours=8))
TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 20, 30, tzinfo=CST)
HOSTILE = ["\x1b]0;x\x07", "\x1b[2J", "\u202e", "\x00", "\x9b", "\ud800", "诺:", "万", "元", "%", "‰", "年", "月", "日",
           "号", "下周一", "明天", "1", "0", "-", ".", ",", "e9", "1e99999", "NaN", "Infinity", " ", "\n", "１２"]
typed = st.text(max_size=40) | st.lists(st.sampled_from(HOSTILE), max_size=8).map("".join)
PARSERS = {
    "money": lambda text: parse_money(text),
    "money-negative": lambda text: parse_money(text, allow_negative=True),
    "daily rate": parse_daily_rate,
    "multiplier": parse_multiplier,
    "int": lambda text: parse_int(text, maximum=10**6),
    "days": parse_days,
    "months": parse_months,
    "due day": parse_due_day,
    "date": lambda text: parse_date(text, TODAY),
    "moment": lambda text: parse_moment(text, NOW),
}


def clear(error: InputError) -> None:
    """The message is a catalog entry, filled without a missing placeholder, and translated."""
    english = error.english()
    assert english and "{" not in english.replace("{{", "")
    set_language("zh-Hans")
    try:
        assert error.text() != error.message or not any(ch.isalpha() for ch in error.message)
    finally:
        set_language("en")


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(sorted(PARSERS)), typed)
def test_every_parser_answers_a_value_or_a_clear_message(name: str, text: str) -> None:
    try:
        value = PARSERS[name](text)
    except InputError as error:
        clear(error)
        return
    assert isinstance(value, (Decimal, int, date))
    if isinstance(value, Decimal):
        assert value.is_finite()


@settings(max_examples=100, deadline=None)
@given(typed)
def test_phone_numbers_and_dates_in_text_never_crash(text: str) -> None:
    assert isinstance(normalize_number(text), str)
    for span in find_dates(text, TODAY):
        assert 0 <= span[0] <= span[1] <= len(text)


@settings(max_examples=100, deadline=None)
@given(typed)
def test_a_typed_line_becomes_a_note_with_its_words(text: str) -> None:
    record = new_record("r1", RecordKind.CALL, NOW)
    try:
        note = new_note("n1", record, text, NOW)
    except InputError as error:
        clear(error)
        return
    assert note.kind in NoteKind
    # Stored as typed: only the prefix (诺: …) and surrounding whitespace may go (and a lone surrogate, which
    # no UTF-8 file can hold, becomes U+FFFD). Control characters stay: screens and exports make them inert.
    typed_text = storable(text)
    assert note.text in typed_text
    if note.kind is NoteKind.PLAIN:
        assert note.text == typed_text.strip()
    assert Note.from_dict(json.loads(json.dumps(note.to_dict()))) == note


json_leaf = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | typed
json_value = st.recursive(json_leaf, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(typed, inner, max_size=3), max_leaves=12)
TABLE_NAMES = st.sampled_from(["notes", "calls", "selfchecks", "plans", "habits", "settings", "drafts", "_meta", "x\n", "../x", "新表"])
PARTITIONS = st.sampled_from(["2026-11-23", "2026-11", "2026", "r1", "open", "../../x", "2026-11\n", "", "a" * 70])


def _export(tables: Any, periodic: Any, schema: Any = SCHEMA_VERSION) -> dict[str, Any]:
    return {"format": EXPORT_FORMAT, "schema": schema, "tables": tables, "periodic": periodic}


ids = typed.filter(bool)
documents = st.dictionaries(ids, st.dictionaries(typed.filter(lambda name: name != "id"), json_value, max_size=3), min_size=1, max_size=3)
WHOLE = st.sampled_from(["habits", "budget", "fund", "drafts", "from_a_newer_version"])
PARTITIONED = st.sampled_from([("notes", "r1"), ("calls", "2026-11-23"), ("selfchecks", "2026"), ("spends", "2026-11"),
                               ("plans", "p1"), ("plan_summaries", "open"), ("reflections", "2026-11")])
valid_shaped = st.builds(
    lambda whole, parts: _export(whole, {name: {key: docs} for (name, key), docs in parts.items()}),
    st.dictionaries(WHOLE, documents, max_size=2),
    st.dictionaries(PARTITIONED, documents, max_size=2),
)
exports = st.one_of(
    valid_shaped,
    valid_shaped,
    json_value,
    st.builds(_export, st.dictionaries(TABLE_NAMES, st.dictionaries(typed, st.dictionaries(typed, json_value, max_size=3), max_size=3), max_size=3),
              st.dictionaries(TABLE_NAMES, st.dictionaries(PARTITIONS, st.dictionaries(typed, st.dictionaries(typed, json_value, max_size=3), max_size=2), max_size=2), max_size=3)),
    st.builds(_export, json_value, json_value, st.sampled_from([1, 2, SCHEMA_VERSION, 99, "1", True, None, -1])),
)


def _encoded(document: Any) -> bytes | None:
    try:
        return json.dumps(document, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(document).encode()  # a lone surrogate as an escape: the importer must refuse it


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(exports, st.integers(0, 200))
def test_the_importer_takes_a_whole_valid_file_or_refuses_with_one_line_before_writing(document: Any, depth: int) -> None:
    raw = _encoded(document)
    assert raw is not None
    if depth > 100:
        raw = b'{"format": "jiebei-tui-export", "schema": 2, "tables": {"x": {"a": {"v": ' + b"[" * depth * 10 + b"]" * depth * 10 + b"}}}}"
    try:
        placements = check_export(load_export(raw))
    except ImportFormatError as error:
        event("refused")
        assert "\n" not in str(error) and str(error)
        set_language("zh-Hans")
        try:
            from jiebei_tui.i18n import tr

            assert tr(error.msgid, **error.params)
        finally:
            set_language("en")
        return
    with tempfile.TemporaryDirectory() as folder:
        store, _ = open_store(Path(folder) / "data")
        count = import_placements(store, placements)
        again, _ = open_store(Path(folder) / "data")
        assert not again.take_news().recoveries
        stored = 0
        for table, key, docs in placements:
            for doc_id, doc in docs.items():
                assert again.get(table, doc_id, period=key) == {**doc, "id": doc_id}  # exactly as written
                stored += 1
        assert stored == count
        event("imported" if count else "imported, empty")
