"""The terminal driver: Textual's Linux driver, with pastes taken whole and a closed terminal noticed at once.

Two things Textual 8.2.8 gets wrong for this app, fixed here and nowhere else:

* A bracketed paste is fed to the key parser a character at a time, and an ESC
  inside it is read as the start of a key sequence: pasting ``x\\x1by`` typed
  the keys ``^`` ``y`` and pasted ``x``. A megabyte pasted costs a second of
  parsing. :class:`PasteParser` takes everything between the paste markers as
  one Paste event, byte for byte (NUL included), before the key parser sees it.
* When the pty is closed (sshd does that when the client dies) reads hit EOF or
  EIO and writes fail: the input thread ended with a traceback, the writer
  thread died and the next screen update blocked the app on its full queue.
  Here a failed write is dropped and a closed input ends the app through
  :class:`~jiebei_tui.ui.shell.leaving.Leaving`, which saves everything first.

And one thing it does slowly: each key read was handed to the event loop on its
own (a task per key), so the loop started on the first keys of a burst while the
input thread waited for the interpreter lock to hand over the rest. A 10-character
chunk (an input method's commit, a paste-like SSH burst) was then often drawn in
two frames, the second ~20 ms later. Here everything one read brought reaches the
App's queue at once, in order, in one call.
"""

from __future__ import annotations

import os
import selectors
import threading
from codecs import getincrementaldecoder
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from textual import events
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"


def _partial_marker(data: str, marker: str, shortest: int) -> int:
    """How many characters at the end of ``data`` could begin ``marker`` (held until the next read)."""
    for size in range(min(len(marker) - 1, len(data)), shortest - 1, -1):
        if data.endswith(marker[:size]):
            return size
    return 0


class PasteParser(XTermParser):
    """Textual's key parser, with bracketed pastes cut out of the stream first."""

    def __init__(self, debug: bool = False) -> None:
        super().__init__(debug)
        self._pasted: list[str] | None = None
        self._held = ""

    def feed(self, data: str) -> Iterable[Message]:
        return list(self._feed(data))

    def _feed(self, data: str) -> Iterator[Message]:
        if not data:  # end of input
            if self._pasted is not None:
                yield events.Paste("".join(self._pasted) + self._held)
            elif self._held:
                yield from super().feed(self._held)
            self._pasted, self._held = None, ""
            yield from super().feed("")
            return
        data, self._held = self._held + data, ""
        while data:
            if self._pasted is None:
                start = data.find(PASTE_START)
                if start < 0:
                    # "\x1b[" or more of a marker cut by the read is held back; a lone ESC is the Escape key.
                    keep = _partial_marker(data, PASTE_START, 2)
                    if keep < len(data):  # never empty: Textual's parser takes "" for the end of input
                        yield from super().feed(data[: len(data) - keep])
                    self._held = data[len(data) - keep :]
                    return
                if start:
                    yield from super().feed(data[:start])
                self._pasted = []
                data = data[start + len(PASTE_START) :]
            else:
                end = data.find(PASTE_END)
                if end < 0:
                    keep = _partial_marker(data, PASTE_END, 1)
                    self._pasted.append(data[: len(data) - keep])
                    self._held = data[len(data) - keep :]
                    return
                self._pasted.append(data[:end])
                yield events.Paste("".join(self._pasted))
                self._pasted = None
                data = data[end + len(PASTE_END) :]


class _Output:
    """The terminal as the writer thread sees it: a failed write means the terminal is gone; later ones are dropped."""

    def __init__(self, file: IO[str], on_gone: Callable[[], None]) -> None:
        self._file = file
        self._on_gone = on_gone
        self.gone = False

    def write(self, text: str) -> int:
        if not self.gone:
            try:
                return self._file.write(text)
            except (OSError, ValueError):
                self._lost()
        return len(text)

    def flush(self) -> None:
        if not self.gone:
            try:
                self._file.flush()
            except (OSError, ValueError):
                self._lost()

    def _lost(self) -> None:
        self.gone = True
        self._on_gone()

    def fileno(self) -> int:
        return self._file.fileno()

    def isatty(self) -> bool:
        return self._file.isatty()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._file, name)


class TerminalDriver(LinuxDriver):
    """Set as the App's driver on Linux and macOS; tests run headless and never use it."""

    def __init__(self, app: Any, *, debug: bool = False, mouse: bool = True, size: tuple[int, int] | None = None) -> None:
        super().__init__(app, debug=debug, mouse=mouse, size=size)
        assert self._file is not None
        self._output = _Output(self._file, self._terminal_gone)
        self._file = self._output  # type: ignore[assignment]
        self._read_batch: list[Message] | None = None  # what the current read brought, in the input thread

    def send_message(self, message: Message) -> None:
        batch = self._read_batch
        if batch is not None and threading.current_thread() is self._key_thread:
            batch.append(message)
        else:
            super().send_message(message)

    def _deliver(self, messages: list[Message]) -> None:
        """In the event loop: one read's events into the App's queue, in the order they were read."""
        for message in messages:
            self._app.post_message(message)

    def _process_all(self, messages: Iterable[Message]) -> None:
        batch: list[Message] = []
        self._read_batch = batch
        try:
            for message in messages:
                self.process_message(message)
        finally:
            self._read_batch = None
        if batch:
            self._loop.call_soon_threadsafe(self._deliver, batch)

    def _terminal_gone(self) -> None:
        gone = getattr(self._app, "terminal_gone", None)
        if gone is not None:
            gone()

    def _run_input_thread(self) -> None:
        try:
            self.run_input_thread()
        except Exception as error:  # a bug, not a closed terminal (handled below): the app's crash handling
            self._app.call_from_thread(self._app._handle_exception, error)

    def run_input_thread(self) -> None:
        """Textual's loop (``LinuxDriver.run_input_thread``) with :class:`PasteParser`, ending at EOF or EIO."""
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        parser = PasteParser(self._debug)
        decode = getincrementaldecoder("utf-8")(errors="replace").decode
        try:
            while not self.exit_event.is_set():
                for _key, mask in selector.select(0.1):
                    if not mask & selectors.EVENT_READ:
                        continue
                    try:
                        raw = os.read(self.fileno, 64 * 1024)
                    except OSError:
                        raw = b""
                    if not raw:  # the terminal is gone: EOF, or EIO from a closed pty
                        self._terminal_gone()
                        return
                    self._process_all(parser.feed(decode(raw)))
                self._process_all(parser.tick())
        finally:
            selector.close()
