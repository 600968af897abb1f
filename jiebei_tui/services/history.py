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
from datetime import date, timedelta, tzinfo

from jiebei_tui.domain.calls import CallRecord, Note, automatic_flags_by_record, matches_institution
from jiebei_tui.domain.instants import local_day
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
    flags: int  # red flags, manual and automatic, and lines the user marked with "!"
    matches: list[Note] | None  # the notes that matched a search, None without one


class CallHistory:
    """Records newest first, loaded on demand; ``rows`` yields what a set of filters shows, as it is found.

    Automatic flags are judged on the user's days in ``zone``; a record's file is
    its day on the clock it was stored with, up to a day off the user's, so a
    user's day is released only once the file before it has been read too (the
    same flags and order as over the whole history).
    """

    def __init__(self, repo: CallsRepo, zone: tzinfo) -> None:
        self.repo = repo
        self.zone = zone
        self.records: list[CallRecord] = []
        self.by_id: dict[str, CallRecord] = {}
        self.flags: dict[str, set[str]] = {}
        self._days: Iterator[str] | None = None
        self._pending: list[CallRecord] = []  # read, but their user's day may go on in a file not read yet
        self._complete = False
        self._searches: dict[str, dict[str, list[Note]]] = {}  # query -> record id -> matches (checked records only)
        self.total = repo.count()  # from the index alone: known before anything is read

    @property
    def complete(self) -> bool:
        return self._complete

    def _more(self) -> bool:
        """Read the next file and release the user's days it completes (False: everything was released before)."""
        if self._complete:
            return False
        if self._days is None:
            self._days = iter(self.repo.periods())
        period = next(self._days, None)
        if period is None:
            self._complete = True
            self._release(self._pending)
            self._pending = []
            self.total = len(self.records)
            return False
        self._pending.extend(self.repo.records_in(period, keep=False))
        # Files older than this one hold only records of the user's days up to the day after it.
        settled_from = _day_after(period)
        if settled_from is None:  # the undated file, or a name that is no day: wait for the end
            return True
        ready = [record for record in self._pending if local_day(record.started_at, self.zone) >= settled_from]
        if ready:
            ready_ids = {id(record) for record in ready}
            self._pending = [record for record in self._pending if id(record) not in ready_ids]
            self._release(ready)
        return True

    def _release(self, batch: list[CallRecord]) -> None:
        """Whole user's days, newest first after every record released before them."""
        batch = sorted(batch, key=lambda record: (record.started_at, record.id), reverse=True)
        automatic = automatic_flags_by_record(batch, self.zone)
        for record in batch:
            self.flags[record.id] = automatic.get(record.id, set()) | record.manual_flags
            self.by_id[record.id] = record
        self.records.extend(batch)

    def flag_count(self, record: CallRecord) -> int:
        """What the row shows beside ⚑: red flags and the lines the user marked as one."""
        return len(self.flags.get(record.id, ())) + record.marked_lines

    def iter_records(self) -> Iterator[CallRecord]:
        """Every record newest first: those read already, then reading on (resumable across callers)."""
        index = 0
        while True:
            if index < len(self.records):
                yield self.records[index]
                index += 1
            elif self._complete:
                return
            else:
                self._more()

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
            yield Found(record, self.flag_count(record), matches) if matches or not query else None


def _day_after(period: str) -> date | None:
    """The day after the one a calls file is named for (``YYYY-MM-DD``); None when it names no real day."""
    try:
        return date.fromisoformat(period) + timedelta(days=1)
    except (ValueError, OverflowError):
        return None
