"""One letter: the lender, the user's name and number, and the text, all editable and saved as typed.

Until the text is edited, changing the lender, name or number fills the letter
again; after that the text is the user's, and "Fill in again" asks a second
press before it replaces it. "Write files" saves it next to the other exports
as Markdown and as plain text ready to paste, both private to the user.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Static, TextArea

from jiebei_tui.domain.calls import Letter
from jiebei_tui.i18n import N_, _, tr
from jiebei_tui.ui.calls import CALLS_DIALOGS_CSS
from jiebei_tui.ui.common.debounce import DebouncedSave
from jiebei_tui.ui.common.inputs import InertInput
from jiebei_tui.ui.common.keys import bind
from jiebei_tui.ui.shell.base import SubScreen

SAVE_AFTER_SECONDS = 0.8


class LetterScreen(SubScreen):
    SUB_TITLE = N_("Letter")
    AUTO_FOCUS = "#letter-body"
    CSS_PATH = CALLS_DIALOGS_CSS
    BINDINGS = [
        bind("done", "done", N_("Done"), id="calls.letter.done", tooltip=N_("Save and go back")),
        bind("save", "save", N_("Save"), id="calls.letter.save"),
    ]

    def __init__(self, letter_id: str) -> None:
        super().__init__()
        self.letter_id = letter_id
        self.letter: Letter | None = None
        self._generated = ""  # the text as last filled in: while the body equals it, the details refill it
        self._confirm_refill = False
        self._edits = DebouncedSave(self, SAVE_AFTER_SECONDS, self._save)

    def compose_body(self) -> ComposeResult:
        letter = self.services.letters.repo.get(self.letter_id)
        self.letter = letter
        self._generated = letter.body if letter is not None else ""
        with Vertical(id="letter-form"):
            yield Static(id="letter-dates")
            with Horizontal(classes="letter-row"):
                yield Static(_("Lender"), classes="letter-label")
                yield InertInput(letter.lender if letter else "", placeholder=_("as named on your loan page"), id="letter-lender", compact=True)
            with Horizontal(classes="letter-row"):
                yield Static(_("My name"), classes="letter-label")
                yield InertInput(letter.sender if letter else "", id="letter-sender", compact=True)
                yield Static(_("My phone"), classes="letter-label")
                yield InertInput(letter.contact if letter else "", id="letter-contact", compact=True)
            yield TextArea(letter.body if letter else _("This letter no longer exists."), id="letter-body", soft_wrap=True)
            yield Static(id="letter-result")
            with Horizontal(id="letter-buttons"):
                yield Button(_("Write files (.md and .txt)"), id="letter-write", variant="primary", compact=True)
                yield Button(_("Fill in again"), id="letter-refill", compact=True)
                yield Button(_("Done"), id="letter-done", compact=True)

    def reload(self) -> None:
        self._show_dates()

    def _show_dates(self) -> None:
        letter = self.letter
        if letter is None:
            return
        local = self.services.local
        self.query_one("#letter-dates", Static).update(
            Content.assemble(
                Content.styled(letter.title, "bold"),
                Content.styled(
                    "\n"
                    + tr(
                        "written {created} · saved {updated}",
                        created=local(letter.created_at).strftime("%Y-%m-%d %H:%M"),
                        updated=local(letter.updated_at).strftime("%m-%d %H:%M"),
                    ),
                    "$text-muted",
                ),
            )
        )

    # ----- editing -------------------------------------------------------------------------

    def _details(self) -> dict[str, str]:
        return {
            "lender": self.query_one("#letter-lender", Input).value,
            "sender": self.query_one("#letter-sender", Input).value,
            "contact": self.query_one("#letter-contact", Input).value,
        }

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        letter = self.letter
        if letter is None or self._details() == {"lender": letter.lender, "sender": letter.sender, "contact": letter.contact}:
            return  # shown, not changed (a field reports its first value too)
        body = self.query_one("#letter-body", TextArea)
        if self.letter is not None and body.text == self._generated:
            self._refill()  # the text was not edited yet: the details fill it again
        self._edits.changed()

    def on_text_area_changed(self, _event: TextArea.Changed) -> None:
        self._confirm_refill = False
        self._edits.changed()

    def _refill(self) -> None:
        if self.letter is None:
            return
        title, body = self.services.letters.refill(self.letter, _, **self._details())
        self._generated = body
        area = self.query_one("#letter-body", TextArea)
        if area.text != body:
            area.load_text(body)
        self.letter = self.letter.edited(self.services.clock(), title=title, body=body, **self._details())

    def _save(self) -> None:
        if self.letter is None:
            return
        body = self.query_one("#letter-body", TextArea).text
        self.letter = self.letter.edited(self.services.clock(), title=self.letter.title, body=body, **self._details())
        self.services.letters.save(self.letter)
        self._show_dates()

    def stash_drafts(self) -> None:
        """Quit, a language switch or a dropped connection: the letter is saved as it stands."""
        self._edits.flush()

    def action_save(self) -> None:
        self._edits.dirty = True
        self._edits.flush()
        self.query_one("#letter-result", Static).update(Content.styled(_("Saved."), "$text-success"))

    def action_done(self) -> None:
        self._edits.flush()
        self.dismiss()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        result = self.query_one("#letter-result", Static)
        if event.button.id == "letter-done":
            self.action_done()
        elif event.button.id == "letter-refill":
            edited = self.query_one("#letter-body", TextArea).text != self._generated
            if edited and not self._confirm_refill:
                self._confirm_refill = True
                result.update(Content.styled(_("This replaces your edits of the text. Press Fill in again once more to do it."), "bold $text-warning"))
                return
            self._confirm_refill = False
            self._refill()
            self._edits.changed()
            result.update(_("Filled in again from the contacts."))
        elif event.button.id == "letter-write":
            self._write(result)

    def _write(self, result: Static) -> None:
        self._edits.dirty = True
        self._edits.flush()
        if self.letter is None:
            return
        try:
            markdown, text = self.services.letters.write_files(self.letter, _, Path.home())
        except OSError as error:
            result.update(Content.styled(tr("The files could not be written: {error}", error=error.strerror or str(error)), "bold $text-error"))
            return
        result.update(Content.styled(tr("Written: {markdown} and {text}", markdown=str(markdown), text=str(text)), "$text-success"))
