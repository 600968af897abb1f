"""Schema versions.

Every data file carries ``{"_meta": {"schema": {"version": N, "kind": ..., "written_by": ...}}}``.

* version 0: a bare TinyDB file without ``_meta`` (the first development builds);
* version 1: the first release's layout — one main file ``jiebei.json`` with
  every table except notes and drafts, ``notes/YYYY-MM.json``, ``drafts.json``;
* version 2: one small file per partition (see ``store.tables``); ``jiebei.json``
  keeps the settings and says which layout the folder is in.

The documents themselves did not change between versions, only where they live,
so a file of an older version found in a version-2 folder is read as it is and
stamped with the current version when next written. A file with a higher version
is refused and never written (``NewerSchemaError``). Moving a version-1 folder to
the current layout is ``store.migrate``.
"""

from __future__ import annotations

from typing import Any

SCHEMA_VERSION = 2
LAYOUT_SCHEMA1 = 1
META_TABLE = "_meta"
META_ID = "schema"

Tables = dict[str, dict[str, Any]]


def version_of(tables: Tables) -> int:
    meta = tables.get(META_TABLE, {}).get(META_ID)
    if meta is None:
        return 0
    version = meta.get("version") if isinstance(meta, dict) else None
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise ValueError("schema version is not a whole number")
    return version


def stamp(tables: Tables, kind: str, app_version: str) -> None:
    tables[META_TABLE] = {META_ID: {"version": SCHEMA_VERSION, "kind": kind, "written_by": app_version}}
