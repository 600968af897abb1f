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
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime, tzinfo
from pathlib import Path
from typing import IO, Any

from jiebei_tui import __version__
from jiebei_tui.domain.markdown_export import ExportPage, iter_markdown
from jiebei_tui.domain.zones import zone_name
from jiebei_tui.i18n import N_
from jiebei_tui.store.atomic import atomic_write, atomic_write_chunks
from jiebei_tui.store.errors import ImportRefusedError
from jiebei_tui.store.files import MAX_DEPTH, nesting_exceeds
from jiebei_tui.store.migrate import commitment_copies
from jiebei_tui.store.schema import LAYOUT_SCHEMA1, SCHEMA_VERSION
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


# JSON leaves these raw when it writes Unicode as itself; written as \uXXXX escapes instead (the same JSON
# value), an export shown in a terminal or an editor cannot be steered by them: C1 controls (0x9b is CSI
# on some terminals), bidi overrides that reorder a line, invisible line separators.
_INERT_JSON = re.compile("[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def _escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def _json(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)
    # A search runs in C; str.translate with a table looks up every character in Python (it took half the export).
    return _INERT_JSON.sub(_escaped, text) if _INERT_JSON.search(text) else text


def dumps(document: dict[str, Any]) -> str:
    return _json(document) + "\n"


def _dump(value: Any, depth: int) -> str:
    return _json(value).replace("\n", "\n" + "  " * depth)


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
    """The file is not an export this version can read. ``msgid`` is an English message id with ``params``:
    the command line says it in the user's language; ``str()`` is the English sentence."""

    def __init__(self, msgid: str, **params: object) -> None:
        super().__init__(msgid.format(**params) if params else msgid)
        self.msgid = msgid
        self.params = params


# The export wraps a data file's tables two levels deeper ("periodic", then the partition).
MAX_EXPORT_DEPTH = MAX_DEPTH + 2
Placements = list[tuple[str, "str | None", Mapping[str, Mapping[str, Any]]]]


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        twice = next(name for name, _value in pairs if name in seen or seen.add(name))  # type: ignore[func-returns-value]
        raise ImportFormatError(N_("the name {name} appears twice in one object (one copy would be lost)"), name=repr(twice))
    return found


def _not_standard(word: str) -> Any:
    raise ImportFormatError(N_("{word} is not a number JSON allows"), word=word)


def load_export(raw: bytes) -> Any:
    """Parse an export file strictly: UTF-8, standard JSON, no name twice in an object, not nested deeper
    than any export this app writes. Raises ImportFormatError naming the first problem."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ImportFormatError(N_("it is not UTF-8 text (byte {at})"), at=error.start) from None
    try:
        document = json.loads(text, object_pairs_hook=_unique, parse_constant=_not_standard)
    except RecursionError:
        raise ImportFormatError(N_("it is nested too deeply")) from None
    except json.JSONDecodeError as error:
        raise ImportFormatError(N_("it is not valid JSON (line {line}, column {column})"), line=error.lineno, column=error.colno) from None
    if nesting_exceeds(document, MAX_EXPORT_DEPTH):
        raise ImportFormatError(N_("it is nested too deeply"))
    try:
        json.dumps(document, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise ImportFormatError(N_("it holds text that is not valid Unicode (a lone surrogate escape)")) from None
    return document


def _docs(name: str, docs: Any) -> Mapping[str, Mapping[str, Any]]:
    if not isinstance(docs, dict) or not all(isinstance(doc, dict) for doc in docs.values()):
        raise ImportFormatError(N_("table {name} is not a set of documents"), name=repr(name))
    if "" in docs:
        raise ImportFormatError(N_("table {name} has a document without an id"), name=repr(name))
    return docs


def _table(name: Any, where: str) -> str:
    try:
        spec_for(name)
    except (ValueError, TypeError):
        raise ImportFormatError(N_('"{where}": {name} is not a usable table name'), where=where, name=repr(name)) from None
    return str(name)


def check_export(document: Any) -> Placements:
    """Check the whole export before anything is written; return (table, partition, documents) to write.

    Raises ImportFormatError naming the first problem.
    """
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        raise ImportFormatError(N_('it is not a jiebei-tui export (no "format": "jiebei-tui-export")'))
    schema = document.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < LAYOUT_SCHEMA1:
        raise ImportFormatError(N_("its schema {schema} is not a version number"), schema=repr(schema))
    if schema > SCHEMA_VERSION:
        raise ImportFormatError(
            N_("its schema {schema} is newer than this version reads ({supported}): please update jiebei-tui"),
            schema=schema,
            supported=SCHEMA_VERSION,
        )
    tables, periodic = document.get("tables", {}), document.get("periodic", {})
    if not isinstance(tables, dict) or not isinstance(periodic, dict):
        raise ImportFormatError(N_('"tables" and "periodic" must be objects'))
    placed: Placements = []
    for name, docs in tables.items():
        spec = spec_for(_table(name, "tables"))
        docs = _docs(name, docs)
        if spec.partitioned and schema > LAYOUT_SCHEMA1:
            raise ImportFormatError(N_('table {name} belongs under "periodic"'), name=repr(name))
        placed.append((name, None, docs))  # schema 1 kept calls and self-checks here: placed by their own dates
    for name, partitions in periodic.items():
        spec = spec_for(_table(name, "periodic"))
        if not isinstance(partitions, dict) or (schema > LAYOUT_SCHEMA1 and not spec.partitioned):
            raise ImportFormatError(N_("periodic table {name} is not split into partitions"), name=repr(name))
        for key, docs in partitions.items():
            docs = _docs(name, docs)
            if schema == LAYOUT_SCHEMA1:
                if name != "notes" or not isinstance(key, str):
                    raise ImportFormatError(N_("periodic table {name} is not split into partitions"), name=repr(name))
                placed.append((name, None, docs))  # schema 1 split notes by month: now by call
            elif not spec.valid_key(key):
                raise ImportFormatError(
                    N_("periodic table {name}: {key} is not a valid partition"), name=repr(name), key=repr(key)
                )
            else:
                placed.append((name, key, docs))
    # An indexed table finds a document by its id alone: the same id in two partitions would leave one unreachable.
    seen: dict[tuple[str, str], str | None] = {}
    for name, key, docs in placed:
        if not spec_for(name).indexed:
            continue
        for doc_id in docs:
            if (name, doc_id) in seen:
                raise ImportFormatError(
                    N_("document {id} of table {name} appears twice (one copy would be lost)"),
                    id=repr(doc_id),
                    name=repr(name),
                )
            seen[(name, doc_id)] = key
    if schema == LAYOUT_SCHEMA1:  # its commitment copies, made consistent with its notes as a migration does
        notes = {doc_id: doc for name, _key, docs in placed if name == "notes" for doc_id, doc in docs.items()}
        copies = {doc_id: doc for name, _key, docs in placed if name == "call_commitments" for doc_id, doc in docs.items()}
        placed = [entry for entry in placed if entry[0] != "call_commitments"]
        placed.append(("call_commitments", None, commitment_copies(notes, copies)))
    return placed


def import_placements(store: Store, placed: Placements) -> int:
    """Write checked documents into an empty data folder, each file once; returns how many."""
    if not is_empty(store):
        raise ImportRefusedError("the data directory already holds data")
    count = 0
    with store.bulk():
        for name, key, docs in placed:
            for doc_id, doc in docs.items():
                store.stage(name, str(doc_id), doc, period=key)
                count += 1
    return count


def import_document(store: Store, document: Any) -> int:
    """Load an export into an empty data folder; returns how many documents were written.

    The whole document is checked first; then each file is written once.
    """
    return import_placements(store, check_export(document))
