"""Schema versions and the migration path.

Every data file carries ``{"_meta": {"schema": {"version": N, ...}}}``. A file
with a lower version is migrated step by step (its pre-migration bytes kept as
``<name>.v<N>.bak``); a higher version is refused and never written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SCHEMA_VERSION = 1
META_TABLE = "_meta"
META_ID = "schema"

Tables = dict[str, dict[str, Any]]


def _v0_to_v1(tables: Tables) -> Tables:
    """Version 0 is a bare TinyDB file without ``_meta``: the data is kept as it is."""
    return tables


# MIGRATIONS[n] turns a version-n file into a version-(n+1) file.
MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {0: _v0_to_v1}


def version_of(tables: Tables) -> int:
    meta = tables.get(META_TABLE, {}).get(META_ID)
    if meta is None:
        return 0
    version = meta.get("version")
    if not isinstance(version, int) or version < 0:
        raise ValueError("schema version is not a whole number")
    return version


def stamp(tables: Tables, kind: str, app_version: str) -> None:
    tables.setdefault(META_TABLE, {})[META_ID] = {
        "version": SCHEMA_VERSION,
        "kind": kind,
        "written_by": app_version,
    }


def migrate(tables: Tables, kind: str, app_version: str) -> Tables:
    version = version_of(tables)
    while version < SCHEMA_VERSION:
        tables = MIGRATIONS[version](tables)
        version += 1
    stamp(tables, kind, app_version)
    return tables
