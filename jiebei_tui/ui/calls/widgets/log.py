"""The note input and the log of lines above it.

The input keeps the focus for the whole call. Every key is offered to the
screen first (``take_key``, see ``ui/calls/strokes.py``), so the digit after a
two-stroke key toggles an item instead of being typed.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from jiebei_tui.domain.calls import Note, parse_note_prefix
from jiebei_tui.i18n import N_
from jiebei_tui.services import CallSession, SavedLine
from jiebei_tui.ui.calls.widgets.text import note_line
from jiebei_tui.ui.common.inputs import InertInput, pass_on
from jiebei_tui.ui.common.keys import bind


def _offer_to_screen(widget: Input | OptionList, event: events.Key) -> bool:
    taker = getattr(widget.screen, "take_key", None)
    if taker is not None and taker(event):
        event.stop()
        event.prevent_default()
        return True
    return False


class NoteInput(InertInput):
    """One line of note; a pasted SMS of several lines is kept whole, its lines joined with " / ".

    Every change reaches the call session at once (the draft that survives a
    crash). Enter hands the line to the session, which makes it durable, and
    empties the input right then, while the input works through its keys in
    order: over a slow link the next line's first keys arrive in the same burst
    as Enter, and Input's own Enter binding would run only after they were
    already glued to this line. The screen hears of the saved line afterwards.
    """

    keys_in_order = True  # the screen's keys run here, in typing order (ui/shell/keyhold.py holds none behind them)

    class LineSaved(Message):
        def __init__(self, saved: SavedLine) -> None:
            super().__init__()
            self.saved = saved

    class PrefixOnly(Message):
        """Enter on a line with a kind prefix but nothing after it: nothing to save yet."""

    def __init__(self, session: CallSession, *, placeholder: str = "", id: str | None = None) -> None:
        self.session = session
        super().__init__(value=session.unsent, placeholder=placeholder, select_on_focus=False, id=id)

    def allow_focus(self) -> bool:
        # Between calls the line is hidden: it must not take the focus (and with it Enter, "start a call").
        return self.session.live

    def watch_value(self, value: str) -> None:
        if value != self.session.unsent:
            self.session.set_unsent(value)

    async def action_submit(self) -> None:
        self.take_line()

    def take_line(self) -> None:
        """Save the line and empty the input, right now (see the class docstring)."""
        text = self.value
        if not parse_note_prefix(text)[1]:
            if text.strip():
                self.post_message(self.PrefixOnly())
            return
        saved = self.session.add_line(text)
        if saved is None:
            return  # no call in progress (ended in another session): the text stays where it is
        self.value = ""
        self.cursor_position = 0
        self.post_message(self.LineSaved(saved))

    async def _on_key(self, event: events.Key) -> None:
        if pass_on(self, event) or _offer_to_screen(self, event):
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
        bind("close", "back_to_input", N_("Back to the note line"), id="calls.log.back", keys="escape", show=False),
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
            # set_focus, not focus(): it takes effect now, so a second ↑ typed in the same burst moves up the log.
            self.screen.set_focus(self)
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
