"""Saved letters (complaint to 12378, request to the lender): table ``letters``, one file per year written."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jiebei_tui.domain.calls import Letter
from jiebei_tui.store.store import Store, new_id
from jiebei_tui.store.tables import key_for

LETTERS_TABLE = "letters"


def _letter(doc_id: str, doc: Mapping[str, Any]) -> Letter | None:
    try:
        return Letter.from_dict({**doc, "id": doc_id})
    except (KeyError, TypeError, ValueError):
        return None  # unreadable (hand-edited or newer): skipped, never rewritten


class LettersRepo:
    def __init__(self, store: Store) -> None:
        self.store = store

    @staticmethod
    def new_id() -> str:
        return new_id()

    def save(self, letter: Letter) -> bool:
        """One write of the letter's year; False: kept in memory and retried (disk full)."""
        doc = letter.to_dict()
        return self.store.put(LETTERS_TABLE, letter.id, doc, period=key_for(LETTERS_TABLE, doc))

    def get(self, letter_id: str) -> Letter | None:
        doc = self.store.get(LETTERS_TABLE, letter_id)
        return None if doc is None else _letter(letter_id, doc)

    def all(self) -> list[Letter]:
        """Every readable letter, newest change first."""
        found = [
            letter
            for year in self.store.periods(LETTERS_TABLE)
            for doc_id, doc in self.store.view(LETTERS_TABLE, period=year).items()
            if (letter := _letter(doc_id, doc)) is not None
        ]
        return sorted(found, key=lambda letter: (letter.updated_at, letter.id), reverse=True)

    def delete(self, letter: Letter) -> bool:
        return self.store.delete(LETTERS_TABLE, letter.id)
