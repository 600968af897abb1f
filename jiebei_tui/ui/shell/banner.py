"""A one-line notice at the top of every area when saving needs attention."""

from __future__ import annotations

from textual.widgets import Static

from jiebei_tui.i18n import trn
from jiebei_tui.services.news import describe_save_error


class SaveBanner(Static):
    """Hidden while everything is saved; otherwise says what is kept and what to do."""

    def show_state(self, pending: int, error: BaseException | None) -> None:
        self.display = bool(pending)
        if pending:
            self.update(
                trn(
                    "Not saved yet: {reason}. {n} change is kept in memory and retried every few "
                    "seconds. Nothing is lost while the app stays open; press F2, then x, to export a copy elsewhere.",
                    "Not saved yet: {reason}. {n} changes are kept in memory and retried every few "
                    "seconds. Nothing is lost while the app stays open; press F2, then x, to export a copy elsewhere.",
                    pending,
                    reason=describe_save_error(error),
                )
            )
