"""Being cut off: SIGHUP (an SSH drop), SIGTERM, SIGINT or a terminal that is gone.

Textual installs no handler for these; the default action kills the process with
the draft unsaved. Here the handler itself only notes the signal, tells the
store to stop waiting for the lock, starts a last-resort timer and wakes the
event loop: it runs in the main thread between two bytecodes, so even a store
call waiting for another session's lock, or a long paste being drawn, cannot
hold it up. The loop then saves every draft; whatever cannot be written at once
(the lock held, the disk full) goes to this process's emergency file, which the
next start merges. A hung-up terminal leaves at once (nothing to restore on a
closed pty; measured: Textual's own shutdown there takes seconds); SIGTERM and
SIGINT leave through Textual so a local terminal is restored. If the loop
cannot get there in time, the timer writes the emergency file from what is in
memory and ends the process: gone within :data:`HARD_EXIT_SECONDS`, whatever
Textual is doing.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
import time
from collections.abc import Callable
from types import FrameType

from jiebei_tui.services import Services

HARD_EXIT_SECONDS = 0.7
SIGNALS = (signal.SIGHUP, signal.SIGTERM, signal.SIGINT)


class Leaving:
    """One per App: installed at mount, used by the signal handlers and the terminal driver."""

    def __init__(
        self,
        services: Services,
        save_everything: Callable[[], None],
        exit_app: Callable[[int], None],
        hard_exit: Callable[[int], None] = os._exit,
    ) -> None:
        self._services = services
        self._save_everything = save_everything
        self._exit_app = exit_app
        self._hard_exit = hard_exit
        self._loop: asyncio.AbstractEventLoop | None = None
        self._code: int | None = None
        self._saved = threading.Event()
        self.emergency_file: str | None = None

    @property
    def leaving(self) -> bool:
        return self._code is not None

    def install(self) -> None:
        """Called in the event loop's thread (the App's on_mount)."""
        self._loop = asyncio.get_running_loop()
        for signum in SIGNALS:
            try:
                signal.signal(signum, self._on_signal)
            except (ValueError, OSError):
                pass  # not the main thread (tests) or no such signal here

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        self.cut_off(128 + signum, terminal_gone=signum == signal.SIGHUP)

    def cut_off(self, code: int, *, terminal_gone: bool) -> None:
        """Leave now, saving everything; safe from a signal handler or another thread. Only the first call counts."""
        if self._code is not None:
            return
        self._code = code
        self._services.store.leave()
        timer = threading.Thread(target=self._last_resort, args=(code,), name="jiebei-leaving", daemon=True)
        timer.start()
        loop = self._loop
        if loop is None or loop.is_closed():
            return  # the timer alone ends the process
        try:
            loop.call_soon_threadsafe(self._leave, code, terminal_gone)
        except RuntimeError:
            pass  # the loop is closing: the timer ends the process

    def _leave(self, code: int, terminal_gone: bool) -> None:
        try:
            self._save_everything()
            self.save_the_rest()
        finally:
            self._saved.set()
        if terminal_gone:
            self._hard_exit(code)
        else:
            self._exit_app(code)

    def save_the_rest(self) -> None:
        """What the disk did not take (the lock held, the disk full) goes to the emergency file."""
        path = self._services.store.write_emergency(self._services.drafts.unsaved())
        if path is not None:
            self.emergency_file = str(path)

    def _last_resort(self, code: int) -> None:
        started = time.monotonic()
        if self._saved.wait(HARD_EXIT_SECONDS):
            time.sleep(max(0.0, HARD_EXIT_SECONDS - (time.monotonic() - started)))  # Textual's own exit, meanwhile
        else:
            # The loop is stuck (a long paste being drawn, a dead terminal): save from what is in memory.
            self.save_the_rest()
        self._hard_exit(code)
