"""The call history as a screen streams it: read a day at a time, filtered and searched record by record.

The history screen shows rows as they are found instead of reading the whole
history (and every note, for a search) before drawing anything. Reading is
lazy and resumable: a new filter or search picks up where the last one
stopped, so the history is read at most once per change on disk. Searching
reads one record's notes file at a time and remembers what it found for that
query. Nothing here keeps a file once read (the store's cache stays small).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from jiebei_tui.domain.calls import CallRecord, Note, automatic_flags_by_record, matches_institution
from jiebei_tui.store.calls import CallsRepo


@dataclass(frozen=True)
class Filters:
    """What the list is narrowed to; all empty shows everything."""

    institution: str = ""
    flag: str | None = None
    query: str = ""


@dataclass(frozen=True)
class Found:
    record: CallRecord
    flags: int  # red flags, manual and automatic
    matches: list[Note] | None  # the notes that matched a search, None without one


class CallHistory:
    """Records newest first, loaded on demand; ``rows`` yields what a set of filters shows, as it is found."""

    def __init__(self, repo: CallsRepo) -> None:
        self.repo = repo
        self.records: list[CallRecord] = []
        self.by_id: dict[str, CallRecord] = {}
        self.flags: dict[str, set[str]] = {}
        self._days: Iterator[list[CallRecord]] | None = None
        self._complete = False
        self._searches: dict[str, dict[str, list[Note]]] = {}  # query -> record id -> matches (checked records only)
        self.total = repo.count()  # from the index alone: known before anything is read

    @property
    def complete(self) -> bool:
        return self._complete

    def _more(self) -> bool:
        """Read the next day's records (flags are per day: the same as over the whole history)."""
        if self._complete:
            return False
        if self._days is None:
            self._days = self.repo.iter_records()
        batch = next(self._days, None)
        if batch is None:
            self._complete = True
            self.total = len(self.records)
            return False
        automatic = automatic_flags_by_record(batch)
        for record in batch:
            self.flags[record.id] = automatic.get(record.id, set()) | record.manual_flags
            self.by_id[record.id] = record
        self.records.extend(batch)
        return True

    def iter_records(self) -> Iterator[CallRecord]:
        """Every record newest first: those read already, then reading on (resumable across callers)."""
        index = 0
        while True:
            if index < len(self.records):
                yield self.records[index]
                index += 1
            elif not self._more():
                return

    def matches(self, record: CallRecord, query: str) -> list[Note]:
        """The record's notes that match ``query`` (read once per query)."""
        found = self._searches.setdefault(query, {})
        if record.id not in found:
            found[record.id] = self.repo.search_record(record.id, query)
        return found[record.id]

    def rows(self, filters: Filters) -> Iterator[Found | None]:
        """What ``filters`` show, newest first, one record at a time (None: a record looked at and not shown).

        The caller decides how long to go on between draws (a search may look at
        hundreds of records before the next match); stopping halfway loses
        nothing, the next call starts from what was read.
        """
        institution = filters.institution.strip()
        query = filters.query.strip()
        for record in self.iter_records():
            flags = self.flags.get(record.id, set())
            if (institution and not matches_institution(record, institution)) or (
                filters.flag is not None and filters.flag not in flags
            ):
                yield None
                continue
            matches = self.matches(record, query) if query else None
            yield Found(record, len(flags), matches) if matches or not query else None
