"""Quitting while changes wait in memory (a full disk, a read-only folder, a lock held): ask, never lose silently.

Three ways on, each a digit and a button (Esc or q goes back to the app, which
keeps retrying): try again now and quit if it works, export everything
somewhere else first, or quit and lose the changes, which are named here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Button, Static

from jiebei_tui.areas import table_titles
from jiebei_tui.i18n import N_, _, tr, trn
from jiebei_tui.services.news import describe_save_error
from jiebei_tui.ui.common.dialog import Dialog
from jiebei_tui.ui.common.keys import bind
from jiebei_tui.ui.common.text import plain

SHOWN = 6  # changes named one by one; the rest are counted
SNIPPET = 30  # characters of a line shown to recognise it
# Tables no area names in its exports (a copy kept for Home, not a record of its own).
OWN_TITLES = {"call_commitments": N_("Commitment reminder")}


def _snippet(doc: Any) -> str:
    """The words a person would recognise a change by: a note's text, a draft's text."""
    if isinstance(doc, dict):
        for key in ("text", "value", "name", "title"):
            value = doc.get(key)
            if isinstance(value, str) and value.strip():
                text = " ".join(value.split())
                return text[:SNIPPET] + ("…" if len(text) > SNIPPET else "")
            if isinstance(value, dict):
                found = _snippet(value)
                if found:
                    return found
    return ""


def named_changes(changes: list[tuple[str, str | None, str, Any]]) -> list[Content]:
    """One line per change (what it belongs to, and its words when it has some), at most SHOWN."""
    titles = {**table_titles(), **OWN_TITLES}
    lines: list[Content] = []
    for table, _period, _doc_id, doc in changes[:SHOWN]:
        title = _(titles[table]) if table in titles else table
        words = _snippet(doc)
        if doc is None:
            line = Content.assemble("• ", plain(tr("{what}: a deletion", what=title)))
        elif words:
            line = Content.assemble("• ", plain(title), ": “", plain(words), "”")
        else:
            line = Content.assemble("• ", plain(title))
        lines.append(line)
    if len(changes) > SHOWN:
        lines.append(Content(trn("…and {n} more", "…and {n} more", len(changes) - SHOWN)))
    return lines


class QuitScreen(Dialog[None]):
    DIALOG_ID = "quit-dialog"
    TITLE = N_("Some changes are not saved yet")
    CLOSE_BUTTON = "quit-back"
    CLOSE_LABEL = N_("Back (Esc)")
    BINDINGS = [
        bind("pick", "retry", N_("Try again and quit"), id="quit.retry", keys="1"),
        bind("pick", "export", N_("Export a copy elsewhere"), id="quit.export", keys="2"),
        bind("pick", "lose", N_("Quit and lose them"), id="quit.lose", keys="3"),
    ]

    def __init__(self, exported: Path | None = None) -> None:
        super().__init__()
        self.exported = exported

    def hint_text(self) -> str:
        return _("1, 2 or 3. Esc or q goes back to the app, which keeps trying every second.")

    def compose_body(self) -> ComposeResult:
        store = self.services.store
        count = store.pending_count
        if self.exported is None:
            reason = trn(
                "{n} change could not be written: {reason}. Quitting now loses it:",
                "{n} changes could not be written: {reason}. Quitting now loses them:",
                count,
                reason=describe_save_error(store.last_error),
            )
        else:
            reason = trn(
                "{n} change could not be written: {reason}. Quitting now leaves it only in the copy:",
                "{n} changes could not be written: {reason}. Quitting now leaves them only in the copy:",
                count,
                reason=describe_save_error(store.last_error),
            )
        yield Static(reason, id="quit-reason", markup=False)
        yield Static(Content("\n").join(named_changes(store.pending_changes())), id="quit-changes")
        if self.exported is not None:
            yield Static(
                Content.assemble(plain(tr("A copy of everything, these changes included, is in {path}.", path=str(self.exported)))),
                id="quit-exported",
            )
        yield Static("", id="quit-message", classes="field-message")

    def compose_buttons(self) -> ComposeResult:
        count = self.services.store.pending_count
        lose = (
            trn("3 Quit (the copy keeps {n} change)", "3 Quit (the copy keeps {n} changes)", count)
            if self.exported is not None
            else trn("3 Quit and lose {n} change", "3 Quit and lose {n} changes", count)
        )
        with Vertical(id="quit-buttons"):
            yield Button(_("1 Try again and quit"), id="quit-retry", variant="primary", compact=True)
            yield Button(_("2 Export a copy elsewhere"), id="quit-export", compact=True)
            yield Button(lose, id="quit-lose", variant="error", compact=True)
            yield Button(_(self.CLOSE_LABEL), id=self.CLOSE_BUTTON, compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        actions = {"quit-retry": self.action_retry, "quit-export": self.action_export, "quit-lose": self.action_lose}
        action = actions.get(event.button.id or "")
        if action is not None:
            event.stop()
            action()
        else:
            super().on_button_pressed(event)

    def action_retry(self) -> None:
        services = self.services
        services.save_everything()
        if not services.store.pending_count:
            self.app.exit(0)
            return
        self.query_one("#quit-message", Static).update(
            Content(tr("Still not saved: {reason}.", reason=describe_save_error(services.store.last_error)))
        )

    def action_export(self) -> None:
        from jiebei_tui.ui.shell.export import ExportScreen

        app = self.app
        default = Path.home() / f"jiebei-export-{self.services.clock().strftime('%Y%m%d-%H%M')}.json"

        def exported(path: Path | None) -> None:
            app.push_screen(QuitScreen(path or self.exported))

        self.dismiss(None)
        app.push_screen(ExportScreen(default), exported)

    def action_lose(self) -> None:
        self.app.exit(1, return_code=1)  # not everything was saved: the shell hears it too
