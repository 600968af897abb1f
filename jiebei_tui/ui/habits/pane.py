"""What every view of the Habits area shares: its place in the view bar and the keys the screen hands it.

The screen owns the area-wide keys (Ctrl+L adds, Ctrl+S saves, Ctrl+O opens past
records) and passes each to the view on show; a view says which of them it has
(``KEYS``), so the footer shows only those. A view is mounted the first time it
is shown, and re-reads its data whenever it is shown or another session saved.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.containers import Vertical
from textual.widgets import Static

from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.ui.common.context import WithServices


class Pane(WithServices, Vertical):
    """One view of the area; subclasses set ``VIEW`` and ``KEYS`` (the bar's labels are in ``screen.VIEWS``)."""

    VIEW: ClassVar[str] = ""
    KEYS: ClassVar[frozenset[str]] = frozenset()  # of "add", "save", "history"
    DRAFT: ClassVar[str] = ""  # the drafts key of what is typed here and not saved yet

    DEFAULT_CSS = """
    Pane { height: 1fr; }
    """

    def on_mount(self) -> None:
        self.refresh_data()
        self.restore_draft()

    def refresh_data(self) -> None:
        """Re-read and redraw (the view was shown, or data changed)."""

    def focus_first(self) -> None:
        """Where the cursor goes when the view is shown."""
        self.screen.focus_next()

    def add(self) -> None: ...

    def save(self) -> None: ...

    def history(self) -> None: ...

    # ----- what is typed and not saved yet -------------------------------------------------

    def draft_value(self) -> Any:
        """What to keep while it is not saved (None: nothing)."""
        return None

    def apply_draft(self, value: Any) -> None:
        """Fill the fields from a kept draft."""

    def restore_draft(self) -> None:
        if self.DRAFT:
            value = self.services.drafts.get(self.DRAFT)
            if value is not None:
                self.apply_draft(value)

    def keep_draft(self) -> None:
        """On every change: in memory now, on disk within a second (and on quit or SIGHUP)."""
        if self.DRAFT:
            value = self.draft_value()
            if value is None:
                self.services.drafts.discard(self.DRAFT)
            else:
                self.services.drafts.set(self.DRAFT, value)

    def drop_draft(self) -> None:
        if self.DRAFT:
            self.services.drafts.discard(self.DRAFT)


def show_problem(message: Static, error: InputError | None) -> None:
    """The message beside a field: the error in the UI language, or nothing."""
    message.update("" if error is None else error.text())
    message.display = error is not None
