"""Which file holds which table: the one place a table and its partitioning are declared.

A table is either one file (settings live in ``jiebei.json``) or split into
partitions, one file each, named by a partition key that is validated with
``fullmatch`` (never ``match`` + ``$``, which accepts a trailing newline and so a
file name with a newline in it). Each table says how a document's key is found
(``key_of``): the day a call started, the call a note belongs to, the day a
commitment is due, the year of a self-check. Splitting
keeps every durable write to one small file whose size does not grow with the
history.

Adding an area's tables is one declaration in ``TABLES``; a table that is not
declared lives in ``other.json`` (so data from a newer release, or a table an
area writes before it is declared, is kept and exported, never lost).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jiebei_tui import locations

# Partition keys. ASCII only, so a key is always a plain file name.
DAY = re.compile(r"\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])", re.ASCII)
MONTH = re.compile(r"\d{4}-(?:0[1-9]|1[0-2])", re.ASCII)
YEAR = re.compile(r"\d{4}", re.ASCII)
RECORD_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}", re.ASCII)

INDEX_FILE = "index.json"
INDEX_SHARD = re.compile(r"index-(\d{2})\.json", re.ASCII)
INDEX_TABLE = "index"
# Files with a partition key fall back here when the key cannot be read from the document
# (a hand-edited or damaged record): kept, exported, never silently dropped.
UNDATED_DAY = "0000-01-01"
UNDATED_MONTH = "0000-01"
UNDATED_YEAR = "0000"
UNKEYED = "unkeyed"

KeyOf = Callable[[Mapping[str, Any]], str]


def _text_at(doc: Mapping[str, Any], path: str) -> str | None:
    value: Any = doc
    for part in path.split("."):
        if not isinstance(value, Mapping):
            return None
        value = value.get(part)
    return value if isinstance(value, str) else None


def by_day(*fields: str) -> KeyOf:
    """The day (``YYYY-MM-DD``) of the first of ``fields`` that holds an ISO date, on its own wall clock."""

    def key(doc: Mapping[str, Any]) -> str:
        for name in fields:
            text = _text_at(doc, name)
            if text and DAY.fullmatch(text[:10]) and text[10:11] in ("", "T", " "):
                return text[:10]
        return UNDATED_DAY

    return key


def by_month(*fields: str) -> KeyOf:
    """The month (``YYYY-MM``) of the first of ``fields`` that holds an ISO date, on its own wall clock."""

    def key(doc: Mapping[str, Any]) -> str:
        for name in fields:
            text = _text_at(doc, name)
            if text and MONTH.fullmatch(text[:7]) and text[7:8] in ("", "-"):
                return text[:7]
        return UNDATED_MONTH

    return key


def by_year(*fields: str) -> KeyOf:
    def key(doc: Mapping[str, Any]) -> str:
        for name in fields:
            text = _text_at(doc, name)
            if text and YEAR.fullmatch(text[:4]) and text[4:5] in ("", "-"):
                return text[:4]
        return UNDATED_YEAR

    return key


def by_field(name: str) -> KeyOf:
    """The value of ``name`` itself (a record id), when it is a usable file name."""

    def key(doc: Mapping[str, Any]) -> str:
        text = _text_at(doc, name)
        return text if text is not None and RECORD_ID.fullmatch(text) else UNKEYED

    return key


PLAN_STATE = re.compile(r"open|finished", re.ASCII)
FINISHED_PLAN = frozenset({"completed", "abandoned"})


def by_plan_state(doc: Mapping[str, Any]) -> str:
    """``finished`` for a completed or abandoned plan's summary, ``open`` for every other."""
    return "finished" if doc.get("status") in FINISHED_PLAN else "open"


@dataclass(frozen=True)
class TableSpec:
    """Where a table lives.

    ``file`` is a path relative to the data folder; a partitioned table has
    ``{key}`` in it, a ``key`` pattern, and ``key_of`` to find a document's
    partition from the document itself. ``indexed`` keeps an index (document id
    → key) so a document can be read by id alone: ``<folder>/index.json``, or with
    ``index_shards`` > 1, ``<folder>/index-NN.json`` by a hash of the id, so adding
    a document rewrites a small share of the index, not all of it.
    """

    name: str
    file: str
    key: re.Pattern[str] | None = None
    key_of: KeyOf | None = None
    indexed: bool = False
    index_shards: int = 1

    @property
    def partitioned(self) -> bool:
        return self.key is not None

    @property
    def folder(self) -> str | None:
        return self.file.rpartition("/")[0] or None

    def valid_key(self, key: object) -> bool:
        return isinstance(key, str) and self.key is not None and self.key.fullmatch(key) is not None

    def path(self, directory: Path, key: str | None = None) -> Path:
        """The file for ``key``; ValueError for a missing, unexpected or malformed key."""
        if self.key is None:
            if key is not None:
                raise ValueError(f"table {self.name!r} is not split into partitions")
            return directory / self.file
        if not self.valid_key(key):
            raise ValueError(f"table {self.name!r} needs a partition key like {self.key.pattern!r}, got {key!r}")
        return directory / self.file.format(key=key)

    def index_paths(self, directory: Path) -> list[Path]:
        """Every file of the index (they exist all together, or none does)."""
        if not self.indexed or self.folder is None:
            raise ValueError(f"table {self.name!r} keeps no index")
        return [self._index_file(directory, shard) for shard in range(self.index_shards)]

    def _index_file(self, directory: Path, shard: int) -> Path:
        assert self.folder is not None
        name = INDEX_FILE if self.index_shards == 1 else f"index-{shard:02d}.json"
        return directory / self.folder / name

    def shard_of(self, doc_id: str) -> int:
        """Which index file holds ``doc_id`` (a stable hash, so ids spread evenly whatever they look like)."""
        return zlib.crc32(doc_id.encode("utf-8", "surrogatepass")) % self.index_shards

    def index_path(self, directory: Path, doc_id: str) -> Path:
        """The index file that holds ``doc_id`` (the one path: Home looks up a few hundred ids)."""
        if not self.indexed or self.folder is None:
            raise ValueError(f"table {self.name!r} keeps no index")
        return self._index_file(directory, self.shard_of(doc_id))

    def keys_on_disk(self, directory: Path) -> list[str]:
        """Every partition with a file, sorted (days, months and years sort by time)."""
        if self.folder is None:
            return []
        prefix, suffix = Path(self.file).name.split("{key}")
        found: list[str] = []
        try:
            entries = list((directory / self.folder).iterdir())
        except FileNotFoundError:
            return []
        for entry in entries:
            name = entry.name
            if name.startswith(prefix) and name.endswith(suffix):
                key = name[len(prefix) : len(name) - len(suffix)]
                if self.valid_key(key):
                    found.append(key)
        return sorted(found)


MAIN = TableSpec("settings", locations.MAIN_FILE)
DRAFTS = TableSpec("drafts", locations.DRAFTS_FILE)
OTHER_FILE = "other.json"

TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        MAIN,
        DRAFTS,
        # Call records by the day they started (a busy day is a few KB); the index finds a record by id alone.
        TableSpec("calls", "calls/{key}.json", DAY, by_day("started_at"), indexed=True, index_shards=16),
        # One file per call: a note rewrites only its own call's lines.
        TableSpec("notes", locations.NOTES_DIR + "/{key}.json", RECORD_ID, by_field("record_id")),
        # Suggestions of the call coach the user chose to keep ("suggested, not marked"), one file per call.
        TableSpec("coach_kept", "coach/{key}.json", RECORD_ID, by_field("record_id")),
        # Copies of commitment notes by the day they are due (undated: the day made): Home reads from
        # two weeks ago on, and a commitment line rewrites one day's promises.
        TableSpec("call_commitments", "commitments/{key}.json", DAY, by_day("due", "at")),
        TableSpec("selfchecks", "selfchecks/{key}.json", YEAR, by_year("summary.as_of", "taken_at"), indexed=True),
        # One file per plan, its payments and dated history inside: recording a payment rewrites that
        # plan's file only, whatever else is saved. Review and Home read the plans' summaries instead,
        # one small file for the open plans (draft to active) and one for the finished ones.
        TableSpec("plans", "plans/{key}.json", RECORD_ID, by_field("plan_id")),
        TableSpec("plan_summaries", "plans/summaries/{key}.json", PLAN_STATE, by_plan_state),
        # Habits: what Home reads at start is a few small files (the habits, their streak indexes, the
        # fund); the history is one file per month (a check-in or a spend rewrites that month only).
        TableSpec("habits", "habits/habits.json"),
        TableSpec("habit_progress", "habits/progress.json"),  # one small streak index per habit
        TableSpec("habit_checkins", "habits/checkins/{key}.json", MONTH, by_month("month")),  # one doc per month
        TableSpec("budget", "habits/budget.json"),
        TableSpec("spends", "habits/spends/{key}.json", MONTH, by_month("month")),  # one doc per month
        TableSpec("fund", "habits/fund.json"),
        TableSpec("reflections", "habits/reflections/{key}.json", MONTH, by_month("day")),
        TableSpec("borrow_checks", "habits/borrow/{key}.json", YEAR, by_year("day")),
        # Letters filled from call records, by the year written: editing one rewrites a year of letters.
        TableSpec("letters", "letters/{key}.json", YEAR, by_year("created_at"), indexed=True),
    )
}
# The file metadata is never a table.
RESERVED = frozenset({"_meta"})


def spec_for(table: str) -> TableSpec:
    """The declaration of ``table``; undeclared tables share ``other.json``."""
    spec = TABLES.get(table)
    if spec is not None:
        return spec
    if table in RESERVED or not isinstance(table, str) or not table:
        raise ValueError(f"{table!r} is not a usable table name")
    return TableSpec(table, OTHER_FILE)


def key_for(table: str, doc: Mapping[str, Any]) -> str | None:
    """The partition ``doc`` belongs in (None for a one-file table)."""
    spec = spec_for(table)
    return None if spec.key_of is None else spec.key_of(doc)


def kind_of(spec: TableSpec) -> str:
    """What a file says it holds, in its ``_meta`` (``main``, ``drafts``, ``other`` or the table)."""
    if spec is MAIN:
        return "main"
    if spec is DRAFTS:
        return "drafts"
    return spec.name if spec.partitioned or spec.file != OTHER_FILE else "other"


def folders() -> list[str]:
    """Every folder a declared table lives in (created 0700 when first written)."""
    return sorted({spec.folder for spec in TABLES.values() if spec.folder is not None})


def single_files(directory: Path) -> list[Path]:
    """The one-file tables' files that hold data the UI watches (drafts excluded: they change every second)."""
    return [directory / MAIN.file, directory / OTHER_FILE]


def all_data_files(directory: Path) -> Iterator[Path]:
    """Every data file of the current layout that exists (indexes excluded: they are derived)."""
    for name in sorted({spec.file for spec in TABLES.values() if not spec.partitioned} | {OTHER_FILE}):
        path = directory / name
        if path.exists():
            yield path
    for spec in TABLES.values():
        if spec.partitioned:
            for key in spec.keys_on_disk(directory):
                yield spec.path(directory, key)
