"""Everything the user saved, as one JSON document (or Markdown), and back.

``export`` then ``import`` into an empty data folder gives the same data: same
tables, same ids, same documents, drafts and settings included. Exports stream:
one partition file is read, written out and let go at a time, so exporting five
years costs about what a plain JSON load and dump of the same files costs, and
never holds the whole history in memory. Import checks the whole document
before writing anything; it also reads exports of the first release (schema 1).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime, tzinfo
from pathlib import Path
from typing import IO, Any

from jiebei_tui import __version__
from jiebei_tui.domain.markdown_export import ExportPage, iter_markdown
from jiebei_tui.domain.zones import zone_name
from jiebei_tui.store.atomic import atomic_write, atomic_write_chunks
from jiebei_tui.store.errors import ImportRefusedError
from jiebei_tui.store.migrate import commitment_copies
from jiebei_tui.store.schema import LAYOUT_SCHEMA1, META_TABLE, SCHEMA_VERSION
from jiebei_tui.store.store import Store, is_empty
from jiebei_tui.store.tables import TABLES, key_for, spec_for

EXPORT_FORMAT = "jiebei-tui-export"


def _single_tables(store: Store) -> list[str]:
    names = store.disk.single_table_names()
    names |= {op_table for op_table in store.pending_tables() if not spec_for(op_table).partitioned}
    return sorted(names)


def _partitioned_tables() -> list[str]:
    return sorted(name for name, spec in TABLES.items() if spec.partitioned)


# One section of the JSON export: a table name, its partition (None for a one-file table) and its documents.
Section = tuple[str, "str | None", Mapping[str, Mapping[str, Any]]]


def sections(store: Store) -> Iterator[Section]:
    """Every table and partition with its documents, in export order (read one file at a time)."""
    for name in _single_tables(store):
        yield name, None, store.view(name, keep=False)
    for name in _partitioned_tables():
        for key in store.periods(name):
            yield name, key, store.view(name, period=key, keep=False)


def _header(now: datetime, zone: tzinfo | None) -> dict[str, Any]:
    """``time_zone`` names the user's zone (``exported_at`` is on its clock); stored times carry their own offset."""
    header = {
        "format": EXPORT_FORMAT,
        "schema": SCHEMA_VERSION,
        "app_version": __version__,
        "exported_at": (now if zone is None else now.astimezone(zone)).isoformat(timespec="seconds"),
    }
    if zone is not None:
        header["time_zone"] = zone_name(zone, now)
    return header


def export_document(store: Store, now: datetime, zone: tzinfo | None = None) -> dict[str, Any]:
    """The whole export as one dict (small folders and tests; the CLI streams with :func:`iter_json`)."""
    document = {**_header(now, zone), "tables": {}, "periodic": {name: {} for name in _partitioned_tables()}}
    for name, key, docs in sections(store):
        copied = json.loads(json.dumps(docs))
        if key is None:
            document["tables"][name] = copied
        else:
            document["periodic"][name][key] = copied
    return document


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _dump(value: Any, depth: int) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True).replace("\n", "\n" + "  " * depth)


def _objects(entries: Iterable[tuple[str, Callable[[], Iterator[str]]]], depth: int) -> Iterator[str]:
    """A JSON object written member by member, laid out exactly as ``json.dumps(indent=2)`` would."""
    pad = "  " * depth
    first = True
    for name, render in entries:
        yield ("{\n" if first else ",\n") + f"{pad}  {_dump(name, 0)}: "
        yield from render()
        first = False
    yield "{}" if first else f"\n{pad}}}"


def iter_json(store: Store, now: datetime, zone: tzinfo | None = None) -> Iterator[str]:
    """``dumps(export_document(store, now, zone))``, produced a partition at a time."""
    header = _header(now, zone)

    def docs(name: str, key: str | None, depth: int) -> Callable[[], Iterator[str]]:
        return lambda: iter([_dump(dict(store.view(name, period=key, keep=False)), depth)])

    def partitions(name: str) -> Callable[[], Iterator[str]]:
        return lambda: _objects(((key, docs(name, key, 3)) for key in store.periods(name)), 2)

    yield "{\n"
    for name in ("app_version", "exported_at", "format"):
        yield f"  {_dump(name, 0)}: {_dump(header[name], 1)},\n"
    yield '  "periodic": '
    yield from _objects(((name, partitions(name)) for name in _partitioned_tables()), 1)
    yield f',\n  "schema": {SCHEMA_VERSION},\n  "tables": '
    yield from _objects(((name, docs(name, None, 2)) for name in _single_tables(store)), 1)
    if "time_zone" in header:
        yield f',\n  "time_zone": {_dump(header["time_zone"], 1)}'
    yield "\n}\n"


class StoreReader:
    """The store as the Markdown export's sections read it (see ``domain.markdown_export.TableReader``)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def periods(self, table: str) -> list[str]:
        return self._store.periods(table)

    def docs(self, table: str, period: str | None = None) -> Mapping[str, Mapping[str, Any]]:
        return self._store.view(table, period=period, keep=False)

    def docs_like(self, table: str, doc: Mapping[str, Any]) -> Mapping[str, Mapping[str, Any]]:
        return self._store.view(table, period=key_for(table, doc), keep=False)

    def count(self, table: str) -> int:
        return self._store.count(table)


def iter_markdown_export(store: Store, page: ExportPage) -> Iterator[str]:
    return iter_markdown(StoreReader(store), page)


def stream_export(store: Store, fmt: str, page: ExportPage, output: Path | IO[str] | None) -> None:
    """Write a JSON or Markdown export to a file (atomic, 0600) or a text stream (stdout by default)."""
    chunks = iter_json(store, page.now, page.zone) if fmt == "json" else iter_markdown_export(store, page)
    if isinstance(output, Path):
        atomic_write_chunks(output, (chunk.encode("utf-8") for chunk in chunks))
        return
    stream = output or sys.stdout
    for chunk in chunks:
        stream.write(chunk)


def write_export(path: Path, text: str) -> None:
    """Atomic, private (0600): an export holds the same sensitive data as the store."""
    atomic_write(path, text.encode("utf-8"))


# ----- import ------------------------------------------------------------------------------------


class ImportFormatError(ValueError):
    pass


def _docs(where: str, docs: Any) -> Mapping[str, Mapping[str, Any]]:
    if not isinstance(docs, dict) or not all(isinstance(doc, dict) for doc in docs.values()):
        raise ImportFormatError(f"{where} is malformed")
    return docs


def _table(name: Any, where: str) -> str:
    try:
        spec_for(name)
    except (ValueError, TypeError):
        raise ImportFormatError(f"{where}: {name!r} is not a usable table name") from None
    return str(name)


def _placements(document: Any) -> list[tuple[str, str | None, Mapping[str, Mapping[str, Any]]]]:
    """Check the whole export; return (table, partition, documents) to write. Raises ImportFormatError."""
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        raise ImportFormatError('not a jiebei-tui export (missing "format": "jiebei-tui-export")')
    schema = document.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < LAYOUT_SCHEMA1:
        raise ImportFormatError(f"export schema {schema!r} is not a version number")
    if schema > SCHEMA_VERSION:
        raise ImportFormatError(f"export schema {schema!r} is newer than this version supports ({SCHEMA_VERSION})")
    tables, periodic = document.get("tables", {}), document.get("periodic", {})
    if not isinstance(tables, dict) or not isinstance(periodic, dict):
        raise ImportFormatError('"tables" and "periodic" must be objects')
    placed: list[tuple[str, str | None, Mapping[str, Mapping[str, Any]]]] = []
    for name, docs in tables.items():
        spec = spec_for(_table(name, "tables"))
        docs = _docs(f"table {name!r}", docs)
        if spec.partitioned and schema > LAYOUT_SCHEMA1:
            raise ImportFormatError(f"table {name!r} must be under \"periodic\"")
        placed.append((name, None, docs))  # schema 1 kept calls and self-checks here: placed by their own dates
    for name, partitions in periodic.items():
        spec = spec_for(_table(name, "periodic"))
        if not isinstance(partitions, dict) or (schema > LAYOUT_SCHEMA1 and not spec.partitioned):
            raise ImportFormatError(f"periodic table {name!r} is malformed")
        for key, docs in partitions.items():
            docs = _docs(f"periodic table {name!r}", docs)
            if schema == LAYOUT_SCHEMA1:
                if name != "notes" or not isinstance(key, str):
                    raise ImportFormatError(f"periodic table {name!r} is malformed")
                placed.append((name, None, docs))  # schema 1 split notes by month: now by call
            elif not spec.valid_key(key):
                raise ImportFormatError(f"periodic table {name!r}: {key!r} is not a valid partition")
            else:
                placed.append((name, key, docs))
    if any(name == META_TABLE for name, _key, _docs_ in placed):
        raise ImportFormatError("_meta is not a table")
    if schema == LAYOUT_SCHEMA1:  # its commitment copies, made consistent with its notes as a migration does
        notes = {doc_id: doc for name, _key, docs in placed if name == "notes" for doc_id, doc in docs.items()}
        copies = {doc_id: doc for name, _key, docs in placed if name == "call_commitments" for doc_id, doc in docs.items()}
        placed = [entry for entry in placed if entry[0] != "call_commitments"]
        placed.append(("call_commitments", None, commitment_copies(notes, copies)))
    return placed


def import_document(store: Store, document: Any) -> int:
    """Load an export into an empty data folder; returns how many documents were written.

    The whole document is checked first; then each file is written once.
    """
    placed = _placements(document)
    if not is_empty(store):
        raise ImportRefusedError("the data directory already holds data")
    count = 0
    with store.bulk():
        for name, key, docs in placed:
            for doc_id, doc in docs.items():
                store.stage(name, str(doc_id), doc, period=key)
                count += 1
    return count
