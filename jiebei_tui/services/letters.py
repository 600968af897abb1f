"""Letters from the user's own records: filled once from the chosen contacts, then the user's to edit.

A new letter is composed in the UI language from the chosen contacts (and the
other records of their days, which unanswered attempts are counted against),
saved at once, and written out on request as Markdown and as plain text, both
private (0600) like every export.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from jiebei_tui.domain.calls import (
    CallRecord,
    Letter,
    LetterFacts,
    LetterKind,
    compose,
    letter_markdown,
    letter_text,
)
from jiebei_tui.domain.instants import local_day
from jiebei_tui.services.clock import WallClock
from jiebei_tui.store.calls import CallsRepo
from jiebei_tui.store.export import write_export
from jiebei_tui.store.letters import LettersRepo

Translate = Callable[[str], str]


class Letters:
    def __init__(self, repo: LettersRepo, calls: CallsRepo, clock: WallClock, lender: Callable[[], str] = str) -> None:
        """``lender`` names the lender as the user copied it from the loan page (the latest self-check), or ""."""
        self.repo = repo
        self.calls = calls
        self.clock = clock
        self.lender = lender

    def facts(self, record_ids: Iterable[str]) -> LetterFacts:
        """The chosen contacts (those that still exist), their notes, and every record of their days."""
        zone = self.clock.zone
        records = [record for record_id in dict.fromkeys(record_ids) if (record := self.calls.get(record_id))]
        days = sorted({local_day(record.started_at, zone) for record in records})
        history = [record for day in days for record in self.calls.records_on(day, zone)]
        return LetterFacts(records, self.calls.notes_for_records(records), history, zone, self.clock())

    def new(self, kind: LetterKind, records: Iterable[CallRecord], tr: Translate) -> Letter:
        """Compose a letter from these contacts and save it.

        The lender is the one the user copied from the loan page into the self-check: the institution a
        caller names is often a collection agency, not the lender, so it is never taken from the calls.
        """
        chosen = list(records)
        facts = self.facts(record.id for record in chosen)
        lender = self.lender()
        title, body = compose(kind, facts, tr, lender=lender, sender="", contact="")
        now = self.clock()
        letter = Letter(self.repo.new_id(), kind, tuple(r.id for r in facts.records), now, now, title, body, lender)
        self.repo.save(letter)
        return letter

    def refill(self, letter: Letter, tr: Translate, *, lender: str, sender: str, contact: str) -> tuple[str, str]:
        """(title, body) composed again from the letter's contacts with these details (not saved)."""
        facts = self.facts(letter.record_ids)
        return compose(letter.kind, facts, tr, lender=lender, sender=sender, contact=contact)

    def save(self, letter: Letter) -> bool:
        return self.repo.save(letter)

    def write_files(self, letter: Letter, tr: Translate, directory: Path) -> tuple[Path, Path]:
        """``jiebei-letter-<date>-<time>.md`` and ``.txt`` in ``directory``, atomic and private."""
        stamp = letter.updated_at.astimezone(self.clock.zone).strftime("%Y%m%d-%H%M")
        markdown = directory / f"jiebei-letter-{stamp}.md"
        text = directory / f"jiebei-letter-{stamp}.txt"
        write_export(markdown, letter_markdown(letter, tr) + "\n")
        write_export(text, letter_text(letter))
        return markdown, text

