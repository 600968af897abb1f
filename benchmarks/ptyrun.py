"""Drive a real terminal app on a pseudo-terminal (80×24) and time what appears on it.

Used by run.py for the first-frame, typing and area rows, for the app and for the
baseline (benchmarks/minimal_app.py) alike, so both are started and read the same way.
"""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MINIMAL_APP = Path(__file__).resolve().parent / "minimal_app.py"
MINIMAL_MARKER = "minimal app ready"

# What each screen draws by itself (English, --lang en): the first frame counts when this is on screen.
HOME_MARKER = "One step at a time"
CALL_MARKER = "what is said, Enter saves it"  # the note line's placeholder after its first letter (the cursor sits there)
AREA_KEYS = {  # area -> (key as the terminal sends it, text of that area's own)
    "selfcheck": ("\x1bOR", "Your debts"),  # F3
    "calls": ("\x1bOS", "No call in progress"),  # F4
    "plans": ("\x1b[15~", "Commitments from calls"),  # F5: its promises panel (the intro scrolls away with 50 plans)
    "habits": ("\x1b[17~", "check in or undo"),  # F6: its key hint, shown with or without habits
    "review": ("\x1b[18~", "Space on two plans puts them side by side"),  # F7: its hint under the list
}
HOME_KEY = "\x1bOQ"  # F2


def app_command(directory: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "jiebei_tui", *extra, "--lang", "en", "--data-dir", str(directory)]


def minimal_command() -> list[str]:
    return [sys.executable, str(MINIMAL_APP)]


class Pty:
    """One process on its own pseudo-terminal; everything it writes is collected in ``output``."""

    def __init__(self, command: Sequence[str], columns: int = 80, rows: int = 24) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        # A user in Beijing: on a UTC host the app first asks which clock is the user's (once), which would
        # cover the screen being timed; the question's own cost is not a start-up row.
        env = {**os.environ, "TERM": "xterm-256color", "LANG": "C.UTF-8", "TEXTUAL_ANIMATIONS": "none",
               "TZ": "Asia/Shanghai"}
        env.pop("COLORTERM", None)  # as over SSH
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            list(command), stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True, cwd=str(ROOT)
        )
        os.close(slave)
        self.output = bytearray()

    def _read(self, timeout: float) -> None:
        ready, _w, _x = select.select([self.master], [], [], timeout)
        if ready:
            try:
                self.output += os.read(self.master, 1 << 16)
            except OSError:
                raise RuntimeError("the app exited:\n" + self.output.decode("utf-8", "replace")[-2000:]) from None

    def wait_for(self, text: str, *, since: int = 0, timeout: float = 60.0) -> float:
        """Seconds from process start until ``text`` appears (after byte ``since`` of the output)."""
        marker = text.encode("utf-8")
        deadline = time.perf_counter() + timeout
        while self.output.find(marker, since) < 0:
            if time.perf_counter() > deadline:
                raise TimeoutError(f"never saw {text!r}")
            self._read(0.005)
        return time.perf_counter() - self.started

    def settle(self, quiet: float = 0.15, limit: float = 5.0) -> None:
        """Read until nothing has arrived for ``quiet`` seconds."""
        deadline = time.perf_counter() + limit
        while time.perf_counter() < deadline:
            before = len(self.output)
            self._read(quiet)
            if len(self.output) == before:
                return

    def send(self, text: str) -> tuple[int, float]:
        """Write keys; returns (output position, time) to measure what they cause from."""
        position = len(self.output)
        began = time.perf_counter()
        os.write(self.master, text.encode("utf-8"))
        return position, began

    def close(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait()
        os.close(self.master)


def first_frame(command: Sequence[str], marker: str) -> float:
    pty = Pty(command)
    try:
        return pty.wait_for(marker)
    finally:
        pty.close()


def typing(command: Sequence[str], marker: str, chunks: int) -> list[float]:
    """Seconds from writing a 10-character chunk until all of it is drawn, for each chunk."""
    pty = Pty(command)
    try:
        pty.wait_for(marker)
        pty.settle()
        position, _ = pty.send("x")
        pty.wait_for("x", since=position)  # the line has the focus
        pty.send("\x15")  # Ctrl+U: clear the line
        pty.settle()
        latencies = []
        for index in range(chunks):
            chunk = f"q{index:03d}wertyu"[:10]
            position, began = pty.send(chunk)
            pty.wait_for(chunk, since=position, timeout=30)
            latencies.append(time.perf_counter() - began)
            pty.send("\x15")
            pty.settle(0.1)
        return latencies
    finally:
        pty.close()


FOOTER_MARKER = "Go to"  # the last part of an area's screen to be built: its footer (Ctrl+G, in every area)


def area_opens(command: Sequence[str], rounds: int) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """From Home: seconds from an area's key until its own text shows, and until its footer shows (the screen is
    whole); the first round is each area's first open."""
    pty = Pty(command)
    found: dict[str, list[float]] = {area: [] for area in AREA_KEYS}
    whole: dict[str, list[float]] = {area: [] for area in AREA_KEYS}
    try:
        pty.wait_for(HOME_MARKER)
        pty.settle()
        for _round in range(rounds):
            for area, (key, marker) in AREA_KEYS.items():
                position, began = pty.send(key)
                pty.wait_for(marker, since=position, timeout=60)
                found[area].append(time.perf_counter() - began)
                pty.wait_for(FOOTER_MARKER, since=position, timeout=60)
                whole[area].append(time.perf_counter() - began)
                pty.settle(0.2)
                position, _ = pty.send(HOME_KEY)
                pty.wait_for(HOME_MARKER, since=position, timeout=60)
                pty.settle(0.2)
        return found, whole
    finally:
        pty.close()
