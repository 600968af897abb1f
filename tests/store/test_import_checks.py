"""Import reads the whole file strictly and refuses it, naming the first problem, before anything is written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jiebei_tui.store.export import ImportFormatError, check_export, export_document, load_export
from jiebei_tui.store.store import open_store

HEAD = '{"format": "jiebei-tui-export", "schema": 2, "periodic": {}, "tables": '


def export_bytes(tables: str = "{}", *, periodic: str = "{}", schema: str = "2") -> bytes:
    return ('{"format": "jiebei-tui-export", "schema": ' + schema + ', "periodic": ' + periodic + ', "tables": ' + tables + "}").encode()


def problem(raw: bytes) -> str:
    with pytest.raises(ImportFormatError) as raised:
        check_export(load_export(raw))
    return raised.value.msgid


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (export_bytes('{"x": {"a": {"v": ' + "[" * 950 + "1" + "]" * 950 + "}}}"), "it is nested too deeply"),
        (export_bytes('{"x": {"a": {"v": ' + "[" * 5000 + "1" + "]" * 5000 + "}}}"), "it is nested too deeply"),
        (b"[" * 5_000_000, "it is nested too deeply"),
        (export_bytes(periodic='{"notes": {"../../x": {"a": {}}}}'), "periodic table {name}: {key} is not a valid partition"),
        (export_bytes(periodic='{"call_commitments": {"2026-11-01\\n": {"a": {}}}}'), "periodic table {name}: {key} is not a valid partition"),
        (export_bytes('{"_meta": {"a": {}}}'), '"{where}": {name} is not a usable table name'),
        (export_bytes('{"x": {"a": {"v": 1}, "a": {"v": 2}}}'), "the name {name} appears twice in one object (one copy would be lost)"),
        (export_bytes(schema='"1"'), "its schema {schema} is not a version number"),
        (export_bytes(schema="99"), "its schema {schema} is newer than this version reads ({supported}): please update jiebei-tui"),
        (export_bytes('{"x": {"a": {"v": NaN}}}'), "{word} is not a number JSON allows"),
        (export_bytes('{"x": {"": {"v": 1}}}'), "table {name} has a document without an id"),
        (export_bytes('{"x": {"a": 5}}'), "table {name} is not a set of documents"),
        (
            export_bytes(periodic='{"calls": {"2026-11-01": {"c": {}}, "2026-11-02": {"c": {}}}}'),
            "document {id} of table {name} appears twice (one copy would be lost)",
        ),
        (b"\xff\xfe", "it is not UTF-8 text (byte {at})"),
        (export_bytes('{"x": {"a": {"v": "\\ud800"}}}'), "it holds text that is not valid Unicode (a lone surrogate escape)"),
        (b'{"format": ', "it is not valid JSON (line {line}, column {column})"),
        (b"[]", 'it is not a jiebei-tui export (no "format": "jiebei-tui-export")'),
    ],
    ids=[
        "depth-950", "depth-5000", "5MB-of-brackets", "dotdot-period", "newline-period", "_meta", "duplicate-ids",
        "schema-string", "schema-newer", "NaN", "empty-id", "doc-not-object", "id-in-two-partitions", "not-utf8", "lone-surrogate",
        "truncated", "not-an-export",
    ],
)
def test_hostile_exports_are_refused_with_the_first_problem(raw: bytes, expected: str) -> None:
    assert problem(raw) == expected


def test_the_command_line_refuses_without_creating_the_folder(tmp_path: Path) -> None:
    from jiebei_tui.cli import main

    bad = tmp_path / "bad.json"
    bad.write_bytes(export_bytes(periodic='{"notes": {"../../x": {"a": {}}}}'))
    target = tmp_path / "new-folder"
    assert main(["import", str(bad), "--data-dir", str(target), "--lang", "en"]) == 1
    assert not target.exists()


def test_hostile_text_in_documents_is_imported_byte_for_byte(data_dir: Path) -> None:
    hostile = "\x1b]0;PWNED\x07\u202e\x00\x9b" + "长" * 10_000
    raw = export_bytes('{"from_a_newer_version": {"p": {"name": ' + json.dumps(hostile) + ', "n": [1, {"k": "\\u001b"}]}}}')
    from jiebei_tui.store.export import import_placements

    store, _ = open_store(data_dir)
    assert import_placements(store, check_export(load_export(raw))) == 1
    assert open_store(data_dir)[0].get("from_a_newer_version", "p") == {"name": hostile, "n": [1, {"k": "\x1b"}], "id": "p"}


def test_an_export_of_the_first_release_still_imports(data_dir: Path) -> None:
    document = {"format": "jiebei-tui-export", "schema": 1, "tables": {"calls": {"c": {"started_at": "2026-11-01T10:00:00+08:00"}}},
                "periodic": {"notes": {"2026-11": {"n": {"record_id": "c", "text": "x"}}}}}
    store, _ = open_store(data_dir)
    from jiebei_tui.store.export import import_placements

    assert import_placements(store, check_export(load_export(json.dumps(document).encode()))) == 2
    exported = export_document(open_store(data_dir)[0], __import__("datetime").datetime(2026, 11, 2))
    assert exported["periodic"]["notes"] == {"c": {"n": {"record_id": "c", "text": "x"}}}
