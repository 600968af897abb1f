"""The real app in a pseudo-terminal: SSH drops, kills and Ctrl+C leave everything saved, quickly."""

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
from pathlib import Path

import pytest
from filelock import FileLock

from jiebei_tui import locations
from jiebei_tui.store.store import open_store

# Home's welcome line (zh-Hans, the default): the first frame is up and the store is open.
HOME_SHOWN = "一步一步来".encode()


class PtyApp:
    """``jiebei-tui`` running on its own pty, as an SSH session would run it."""

    def __init__(self, data_dir: Path, *args: str, columns: int = 100, rows: int = 30) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "JIEBEI_TUI_DATA_DIR": str(data_dir)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "jiebei_tui", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
        )
        os.close(slave)
        self.output = b""

    def read(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:
                    return
                if not chunk:
                    return
                self.output += chunk

    def wait_for(self, marker: bytes, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while marker not in self.output:
            assert time.monotonic() < deadline, f"never saw {marker!r}; got {self.output[-500:]!r}"
            assert self.process.poll() is None, f"app exited early: {self.output[-2000:]!r}"
            self.read(0.2)

    def type(self, data: bytes) -> None:
        os.write(self.master, data)

    def wait_exit(self, timeout: float) -> int:
        deadline = time.monotonic() + timeout
        while self.process.poll() is None and time.monotonic() < deadline:
            self.read(0.05)
        code = self.process.poll()
        assert code is not None, "the app did not exit in time"
        return code

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self.master)


@pytest.fixture
def pty_app(data_dir: Path):
    apps: list[PtyApp] = []

    def start(*args: str) -> PtyApp:
        app = PtyApp(data_dir, *args)
        apps.append(app)
        return app

    yield start
    for app in apps:
        app.close()


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM])
def test_hangup_and_terminate_exit_within_a_second_and_release_the_lock(pty_app, data_dir: Path, signum: int) -> None:
    app = pty_app()
    app.wait_for(HOME_SHOWN)
    sent = time.monotonic()
    app.process.send_signal(signum)
    code = app.wait_exit(timeout=5)
    elapsed = time.monotonic() - sent
    assert elapsed < 1.0, f"took {elapsed:.2f}s"
    assert code == 128 + signum, "our handler must run (the default action would give -signum)"
    assert b"Traceback" not in app.output
    with FileLock(str(locations.lock_file(data_dir)), timeout=0.1):
        pass
    store, report = open_store(data_dir)
    assert not report.recoveries


def test_ctrl_c_quits_cleanly_without_a_traceback(pty_app, data_dir: Path) -> None:
    app = pty_app()
    app.wait_for(HOME_SHOWN)
    app.type(b"\x03")
    assert app.wait_exit(timeout=5) == 0
    assert b"Traceback" not in app.output


def test_call_command_opens_a_live_call(pty_app) -> None:
    """`jiebei-tui call` shows the note line of a running call (how fast is measured in benchmarks/).

    The note line's placeholder appears on no other screen: not on Home, not on
    Calls between calls. Its first character carries the cursor, so the test
    looks for the rest.
    """
    app = pty_app("call")
    app.wait_for("对方或你说的话".encode(), timeout=20)
