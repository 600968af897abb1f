"""Everything saved, as a document a person can read or print, in the UI language.

Each area writes its own section: ``Area.markdown`` in ``areas.py`` names a
function ``(reader, page) -> Iterator[str]`` that yields the section's Markdown
(after the heading this module writes). An area without one still gets its
heading and a line saying how much it holds and that the JSON export has it in
full. Times are on the user's wall clock, named once at the top; no internal
id, stored key or English field name reaches the page. JSON stays the lossless
backup; this document is for reading.

Pure: the store hands in a :class:`TableReader` and the sections read one
partition at a time through it, so an export never holds the whole history.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import Any, Protocol

from jiebei_tui.areas import AREAS, Area
from jiebei_tui.domain.instants import wall_time
from jiebei_tui.domain.zones import TIMES_IN, zone_label
from jiebei_tui.i18n import N_, N_plural

Translate = Callable[[str], str]
Plural = Callable[[str, str, int], str]

DOCUMENT_TITLE = N_("jiebei-tui: everything I saved")
EXPORTED_AT = N_("Exported on {time}.")
FOR_READING = N_(
    "This document is for reading and printing. The JSON export (jiebei-tui export) is the complete backup "
    "that can be imported again."
)
NOT_LAID_OUT = N_plural(
    "{n} entry saved here. This part is not laid out for reading yet; the JSON export holds it in full.",
    "{n} entries saved here. This part is not laid out for reading yet; the JSON export holds it in full.",
)
NOTHING_SAVED = N_("Nothing saved yet.")
UNREADABLE = N_plural(
    "{n} saved entry could not be read and is left out here; the JSON export holds it as it was saved.",
    "{n} saved entries could not be read and are left out here; the JSON export holds them as they were saved.",
)


class TableReader(Protocol):
    """What an area's section may read: one partition (or one-file table) at a time."""

    def periods(self, table: str) -> Sequence[str]:
        """The table's partition keys, oldest first ([] for a one-file table)."""
        ...

    def docs(self, table: str, period: str | None = None) -> Mapping[str, Mapping[str, Any]]:
        """Document id -> document, for one partition (or the whole one-file table)."""
        ...

    def docs_like(self, table: str, doc: Mapping[str, Any]) -> Mapping[str, Mapping[str, Any]]:
        """The documents of the partition ``doc`` would be saved in (a call's notes, from its id)."""
        ...

    def count(self, table: str) -> int: ...


def _english_plural(singular: str, plural: str, n: int) -> str:
    return singular if n == 1 else plural


@dataclass(frozen=True)
class ExportPage:
    """The language, zone and moment of one export."""

    tr: Translate
    zone: tzinfo
    now: datetime
    ngettext: Plural = _english_plural

    def time(self, moment: datetime, *, seconds: bool = True) -> str:
        return wall_time(moment, self.zone, seconds=seconds)

    def plural(self, forms: tuple[str, str], n: int, **params: object) -> str:
        return self.ngettext(forms[0], forms[1], n).format(n=n, **params)

    @property
    def today(self) -> date:
        """The user's date now (streaks, what is due, how far a fund has to go)."""
        return self.now.astimezone(self.zone).date()


AreaWriter = Callable[[TableReader, ExportPage], Iterator[str]]


def unreadable_note(count: int, page: ExportPage) -> str:
    """The short line a section ends with when it skipped documents it could not read ("" for none)."""
    return page.plural(UNREADABLE, count) + "\n" if count else ""


def area_writer(entry: Area) -> AreaWriter | None:
    """The area's section writer, imported when an export first needs it."""
    if not entry.markdown:
        return None
    module, _, name = entry.markdown.partition(":")
    writer: AreaWriter = getattr(importlib.import_module(module), name)
    return writer


def _fallback(entry: Area, reader: TableReader, page: ExportPage) -> Iterator[str]:
    count = sum(reader.count(table.name) for table in entry.tables)
    yield (page.plural(NOT_LAID_OUT, count) if count else page.tr(NOTHING_SAVED)) + "\n"


def iter_markdown(reader: TableReader, page: ExportPage, areas: Sequence[Area] = AREAS) -> Iterator[str]:
    """The document a section at a time: a title, the zone, then each area that saves anything."""
    tr = page.tr
    yield "\n".join(
        [
            f"# {tr(DOCUMENT_TITLE)}",
            "",
            tr(EXPORTED_AT).format(time=page.time(page.now)) + " " + tr(TIMES_IN).format(zone=zone_label(page.zone, page.now, tr)),
            "",
            tr(FOR_READING),
            "",
        ]
    )
    for entry in areas:
        if not entry.tables:
            continue
        yield f"\n## {tr(entry.title)}\n\n"
        writer = area_writer(entry)
        if writer is None:
            yield from _fallback(entry, reader, page)
        else:
            yield from writer(reader, page)
