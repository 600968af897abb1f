"""The proof suite's tools: the real app on a pseudo-terminal (optionally its controlling terminal, as under sshd).

Everything here drives the installed program as a user would: ``python -m
jiebei_tui`` on its own pty, keys written to the master side, every byte it
writes to the terminal collected so tests can assert on what reached the screen.
"""

from __future__ import annotations

import fcntl
import os
import select
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

F = {n: seq for n, seq in zip(range(1, 11), ("\x1bOP", "\x1bOQ", "\x1bOR", "\x1bOS", "\x1b[15~", "\x1b[17~", "\x1b[18~", "\x1b[19~", "\x1b[20~", "\x1b[21~"), strict=True)}
UP, ENTER, ESC = "\x1b[A", "\r", "\x1b"
CALL_READY = b"00:0"  # the call timer is on screen: the note line has the focus


def _controlling_terminal() -> None:
    """In the child, after setsid: make the pty its controlling terminal, so closing the master hangs it up
    (the kernel then sends SIGHUP, as it does to a login shell's session when sshd closes the pty)."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class PtyApp:
    """``jiebei-tui`` on its own pty. ``output`` holds every byte it wrote to the terminal."""

    def __init__(
        self,
        data_dir: Path,
        *args: str,
        columns: int = 80,
        rows: int = 24,
        controlling: bool = False,
        command: Sequence[str] | None = None,
        env: dict[str, str] | None = None,
    ) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        environ = {**os.environ, "TERM": "xterm-256color", "JIEBEI_TUI_DATA_DIR": str(data_dir), **(env or {})}
        environ.pop("COLORTERM", None)
        self.process = subprocess.Popen(
            list(command) if command is not None else [sys.executable, "-m", "jiebei_tui", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=environ,
            start_new_session=True,
            preexec_fn=_controlling_terminal if controlling else None,
        )
        os.close(slave)
        self.output = bytearray()
        self.master_open = True

    def read(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while self.master_open and time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(self.master, 1 << 16)
                except OSError:
                    return
                if not chunk:
                    return
                self.output += chunk

    def wait_for(self, marker: bytes | str, timeout: float = 30.0) -> None:
        """Until ``marker`` is anywhere in what the app has written so far."""
        wanted = marker.encode() if isinstance(marker, str) else marker
        deadline = time.monotonic() + timeout
        while wanted not in self.output:
            assert time.monotonic() < deadline, f"never saw {wanted!r}; got {bytes(self.output[-600:])!r}"
            assert self.process.poll() is None, f"app exited early: {bytes(self.output[-2000:])!r}"
            self.read(0.1)

    def seen(self, marker: bytes | str) -> bool:
        return (marker.encode() if isinstance(marker, str) else marker) in self.output

    def type(self, data: str | bytes) -> None:
        os.write(self.master, data.encode() if isinstance(data, str) else data)

    def paste(self, text: str) -> None:
        """A bracketed paste, as a terminal sends it (written in pieces: the pty buffer is small)."""
        data = ("\x1b[200~" + text + "\x1b[201~").encode("utf-8", "surrogatepass")
        for start in range(0, len(data), 4096):
            self.type(data[start : start + 4096])
            self.read(0)

    def hang_up(self) -> None:
        """Close the master side, as sshd does when the client dies."""
        os.close(self.master)
        self.master_open = False

    def wait_exit(self, timeout: float) -> int:
        deadline = time.monotonic() + timeout
        while self.process.poll() is None and time.monotonic() < deadline:
            if self.master_open:
                self.read(0.02)
            else:
                time.sleep(0.01)
        code = self.process.poll()
        assert code is not None, "the app did not exit in time"
        return code

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if self.master_open:
            os.close(self.master)
            self.master_open = False


@pytest.fixture
def pty_app(data_dir: Path) -> Iterator[Callable[..., PtyApp]]:
    apps: list[PtyApp] = []

    def start(*args: str, **options: object) -> PtyApp:
        app = PtyApp(data_dir, *args, **options)  # type: ignore[arg-type]
        apps.append(app)
        return app

    yield start
    for app in apps:
        app.close()


def wait_until(check: Callable[[], object], timeout: float, what: str, poll: Callable[[], None] | None = None) -> object:
    """Poll ``check`` until it returns something true (``poll`` keeps reading the pty meanwhile)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            found = check()
        except (OSError, ValueError, KeyError, TypeError):
            found = None
        if found:
            return found
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        if poll is not None:
            poll()
        else:
            time.sleep(0.05)


class Keys:
    """What a terminal sends for the keys the tests press."""

    F = F
    UP, ENTER, ESC = UP, ENTER, ESC
    CALL_READY = CALL_READY


@pytest.fixture
def keys() -> type[Keys]:
    return Keys


@pytest.fixture
def until() -> Callable[..., object]:
    return wait_until
