"""The real app in a pseudo-terminal: SSH drops, kills and Ctrl+C leave everything saved, quickly
(the pty tools are in conftest.py)."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest
from filelock import FileLock

from jiebei_tui import locations
from jiebei_tui.store.store import open_store

# Home's welcome line (zh-Hans, the default): the first frame is up and the store is open.
HOME_SHOWN = "一步一步来".encode()


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
