"""The line under the note: the keys of the call, or for a few seconds what just happened."""

from __future__ import annotations

from textual.content import Content
from textual.timer import Timer
from textual.widgets import Static

from jiebei_tui.ui.common.redraw import update_in_place

HINT_SECONDS = 6.0


class HintLine(Static):
    """Shows ``guide`` (the keys) unless a message is due; a notice waits until no message is showing."""

    def __init__(self, guide: Content, *, id: str | None = None) -> None:
        super().__init__(guide, id=id)
        self._guide = guide
        self._notice: Content | None = None
        self._timer: Timer | None = None

    @property
    def busy(self) -> bool:
        """A message is on show (a flag's rule, "saved"): keep it for its seconds."""
        return self._timer is not None

    def say(self, message: str | Content, *, style: str = "bold", seconds: float = HINT_SECONDS) -> None:
        self._stop()
        update_in_place(self, message if isinstance(message, Content) else Content.styled(message, style))
        self._timer = self.set_timer(seconds, self.clear)

    def notice(self, message: str | Content) -> None:
        """Say ``message`` now if nothing else is showing, or as soon as the current message ends."""
        if self.busy:
            self._notice = message if isinstance(message, Content) else Content.styled(message, "bold")
        else:
            self.say(message)

    def clear(self) -> None:
        """Back to the keys (or to a notice that was waiting)."""
        self._stop()
        notice, self._notice = self._notice, None
        if notice is not None:
            self.say(notice)
        else:
            update_in_place(self, self._guide)

    def _stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
