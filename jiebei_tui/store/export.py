"""Everything the user saved, as one JSON document, and back.

``export`` then ``import`` into an empty data directory gives the same data:
same tables, same ids, same documents, drafts and settings included.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from jiebei_tui import __version__
from jiebei_tui.store.atomic import atomic_write
from jiebei_tui.store.errors import ImportRefusedError
from jiebei_tui.store.schema import SCHEMA_VERSION
from jiebei_tui.store.store import PERIODIC_TABLES, Store, is_empty, table_names

EXPORT_FORMAT = "jiebei-tui-export"


def export_document(store: Store, now: datetime) -> dict[str, Any]:
    tables = {
        name: {doc.pop("id"): doc for doc in store.all(name)} for name in table_names(store)
    }
    periodic = {
        name: {period: {doc.pop("id"): doc for doc in store.all(name, period=period)} for period in store.periods(name)}
        for name in sorted(PERIODIC_TABLES)
    }
    return {
        "format": EXPORT_FORMAT,
        "schema": SCHEMA_VERSION,
        "app_version": __version__,
        "exported_at": now.isoformat(timespec="seconds"),
        "tables": tables,
        "periodic": periodic,
    }


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_export(path: Path, text: str) -> None:
    """Atomic, private (0600): an export holds the same sensitive data as the store."""
    atomic_write(path, text.encode("utf-8"))


class ImportFormatError(ValueError):
    pass


def _check_document(document: Any) -> dict[str, Any]:
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        raise ImportFormatError("not a jiebei-tui export (missing \"format\": \"jiebei-tui-export\")")
    schema = document.get("schema")
    if not isinstance(schema, int) or schema > SCHEMA_VERSION:
        raise ImportFormatError(f"export schema {schema!r} is newer than this version supports ({SCHEMA_VERSION})")
    tables, periodic = document.get("tables", {}), document.get("periodic", {})
    if not isinstance(tables, dict) or not isinstance(periodic, dict):
        raise ImportFormatError("\"tables\" and \"periodic\" must be objects")
    for name, docs in tables.items():
        if name in PERIODIC_TABLES or not isinstance(docs, dict) or not all(isinstance(d, dict) for d in docs.values()):
            raise ImportFormatError(f"table {name!r} is malformed")
    for name, periods in periodic.items():
        if name not in PERIODIC_TABLES or not isinstance(periods, dict):
            raise ImportFormatError(f"periodic table {name!r} is malformed")
        for docs in periods.values():
            if not isinstance(docs, dict) or not all(isinstance(d, dict) for d in docs.values()):
                raise ImportFormatError(f"periodic table {name!r} is malformed")
    return document


def import_document(store: Store, document: Any) -> int:
    """Load an export into an empty data directory; returns how many documents were written."""
    document = _check_document(document)
    if not is_empty(store):
        raise ImportRefusedError("the data directory already holds data")
    count = 0
    for name, docs in document["tables"].items():
        if docs:
            store.put_many(name, docs)
            count += len(docs)
    for name, periods in document["periodic"].items():
        for period, docs in periods.items():
            if docs:
                store.put_many(name, docs, period=period)
                count += len(docs)
    return count
