"""The note input and the log of lines above it.

The input keeps the focus for the whole call. Two-stroke keys (Ctrl+T then a
digit, ...) are offered to the screen first, so the digit toggles an item
instead of being typed; any other key cancels the prefix and types as usual,
so nothing typed is ever swallowed.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from jiebei_tui.domain.calls import Note, parse_note_prefix
from jiebei_tui.i18n import N_
from jiebei_tui.ui.calls.widgets.text import note_line


def _offer_to_screen(widget: Input | OptionList, event: events.Key) -> bool:
    taker = getattr(widget.screen, "take_key", None)
    if taker is not None and taker(event):
        event.stop()
        event.prevent_default()
        return True
    return False


class NoteInput(Input):
    """One line of note; a pasted SMS of several lines is kept whole, its lines joined with " / ".

    Enter hands the line over in a :class:`LineEntered` message and empties the
    input at once, while the input works through its keys in order. (Input's own
    Enter binding runs only after the key has bubbled up to the App; over a slow
    link the next line's first keys arrive in the same burst and would already
    be glued to this line by then.)
    """

    class LineEntered(Message):
        def __init__(self, note_input: NoteInput, text: str) -> None:
            super().__init__()
            self.note_input = note_input
            self.text = text

    class PrefixOnly(Message):
        """Enter on a line with a kind prefix but nothing after it: nothing to save yet."""

    def __init__(self, *, value: str = "", placeholder: str = "", id: str | None = None) -> None:
        super().__init__(value=value, placeholder=placeholder, select_on_focus=False, id=id)

    async def action_submit(self) -> None:
        self.take_line()

    def take_line(self) -> None:
        """Hand the line over and empty the input, right now (see the class docstring)."""
        text = self.value
        if not parse_note_prefix(text)[1]:
            if text.strip():
                self.post_message(self.PrefixOnly())
            return
        self.post_message(self.LineEntered(self, text))  # first: the screen saves it before the draft is dropped
        self.value = ""

    async def _on_key(self, event: events.Key) -> None:
        if _offer_to_screen(self, event):
            return
        if event.key in ("enter", "ctrl+j"):  # ctrl+j: an Enter typed before the app set up the terminal
            event.stop()
            event.prevent_default()
            self.take_line()
        # Anything else: Input._on_key runs next (MRO dispatch).

    def _on_paste(self, event: events.Paste) -> None:
        lines = [line.strip() for line in event.text.splitlines() if line.strip()]
        event.prevent_default()  # Input's own handler would keep only the first line
        event.stop()
        if not lines:
            return
        text = " / ".join(lines)
        if self.selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *self.selection)


class CallLog(OptionList):
    """The lines of this contact, oldest first; Enter on a line corrects it."""

    BINDINGS = [
        Binding("escape", "back_to_input", N_("Back to the note line"), id="calls.log.back", show=False),
    ]

    class BackToInput(Message):
        """Leave the log; ``character`` is a key typed here that belongs in the note line."""

        def __init__(self, character: str | None = None) -> None:
            super().__init__()
            self.character = character

    def __init__(self, notes: Sequence[Note] = (), *, id: str | None = None) -> None:
        super().__init__(*(Option(note_line(note), id=note.id) for note in notes), id=id)
        self._shown: tuple[tuple[str, int, str], ...] = tuple((note.id, len(note.corrections), note.kind.value) for note in notes)

    def show_notes(self, notes: Sequence[Note], *, force: bool = False) -> None:
        """Rebuild only when a line was added, corrected or re-filed; keep the highlight; follow the end."""
        shown = tuple((note.id, len(note.corrections), note.kind.value) for note in notes)
        if shown == self._shown and not force:
            return
        highlighted = self.highlighted_option.id if self.highlighted_option is not None else None
        at_end = highlighted is None or (self._shown and highlighted == self._shown[-1][0])
        self._shown = shown
        self.set_options(Option(note_line(note), id=note.id) for note in notes)
        if highlighted is not None and not at_end:
            try:
                self.highlighted = self.get_option_index(highlighted)
            except Exception:
                self.highlighted = None
        elif self.has_focus and notes:
            self.highlighted = len(notes) - 1
        self.call_after_refresh(self.scroll_end, animate=False)

    def focus_last(self) -> None:
        if self.option_count:
            self.focus()
            self.highlighted = self.option_count - 1

    async def _on_key(self, event: events.Key) -> None:
        if _offer_to_screen(self, event):
            return
        if event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            self.post_message(self.BackToInput(event.character))
        elif event.key == "down" and self.highlighted is not None and self.highlighted >= self.option_count - 1:
            event.stop()
            event.prevent_default()
            self.post_message(self.BackToInput())

    def action_back_to_input(self) -> None:
        self.post_message(self.BackToInput())

    def on_blur(self) -> None:
        self.highlighted = None
        self.call_after_refresh(self.scroll_end, animate=False)

    def on_resize(self) -> None:
        # A panel opened or the terminal shrank: while no line is being picked, the newest lines stay in view.
        if self.highlighted is None:
            self.call_after_refresh(self.scroll_end, animate=False)
