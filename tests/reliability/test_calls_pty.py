"""The real `jiebei-tui call` on a pty, killed mid-call: every entered line and the draft survive.

SIGKILL gives the app no chance at all, so the draft must already be on disk
(flushed within two seconds of the last keystroke). SIGHUP is what an SSH drop
sends: the handler saves the draft on the way out, so no waiting is needed.
"""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest

from jiebei_tui.domain.calls import NoteKind
from jiebei_tui.services import ACTIVE_DRAFT, NOTE_DRAFT
from jiebei_tui.store.calls import CallsRepo
from jiebei_tui.store.store import open_store

LINES = ("他:我是某某资产的张三", "诺:下周五还2000元", "!说要打给我单位")
DRAFT = "还没按回车的半句"
READY = b"00:0"  # the call timer is on screen: the note line has the focus


def enter_lines_and_a_draft(app) -> None:  # type: ignore[no-untyped-def]  # a PtyApp (conftest.py)
    app.wait_for(READY)
    for line in LINES:
        app.type(line.encode() + b"\r")
        app.read(0.3)
    app.type(DRAFT.encode())
    app.read(0.3)


def saved(data_dir: Path) -> tuple[list[tuple[str, NoteKind]], str]:
    store = open_store(data_dir)[0]
    repo = CallsRepo(store)
    record_id = store.get("drafts", ACTIVE_DRAFT)["value"]["record_id"]
    record = repo.get(record_id)
    assert record is not None and record.ended_at is None
    notes = [(note.text, note.kind) for note in repo.notes(record)]
    drafts = [doc["value"] for key, doc in store.view("drafts").items() if key.startswith(NOTE_DRAFT + record_id)]
    assert len(drafts) <= 1  # one session: one unsent line
    return notes, drafts[0]["text"] if drafts else ""


EXPECTED = [
    ("我是某某资产的张三", NoteKind.THEY_SAID),
    ("下周五还2000元", NoteKind.COMMITMENT),
    ("说要打给我单位", NoteKind.RED_FLAG),
]


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGHUP])
def test_killed_mid_call_nothing_typed_is_lost(pty_app, data_dir: Path, signum: int) -> None:
    app = pty_app("call")
    enter_lines_and_a_draft(app)
    if signum == signal.SIGKILL:
        app.read(2.5)  # the draft is flushed within two seconds of the last keystroke
    app.process.send_signal(signum)
    code = app.wait_exit(timeout=5)
    assert code == (-signal.SIGKILL if signum == signal.SIGKILL else 128 + signum)
    assert b"Traceback" not in app.output

    notes, draft = saved(data_dir)
    assert notes == EXPECTED
    assert draft == DRAFT

    again = pty_app("call")
    again.wait_for(DRAFT.encode())  # the same call, with the unsent half-sentence back in the note line
    again.wait_for("下周五还2000元".encode())
    again.type(b"\r")  # and it can be sent now
    deadline = time.monotonic() + 10
    while len(saved(data_dir)[0]) < 4:
        assert time.monotonic() < deadline, "the restored draft was not saved as a note"
        again.read(0.2)
    assert saved(data_dir) == ([*EXPECTED, (DRAFT, NoteKind.PLAIN)], "")


def test_keys_arriving_in_one_burst_keep_their_order(pty_app, data_dir: Path) -> None:
    """A slow SSH link delivers several keystrokes in one read: every Enter still ends its own line,
    and Ctrl+T or Ctrl+R still take the digit right behind them."""
    app = pty_app("call")
    app.wait_for(READY)
    app.type("他:第一行\r第二行\rabc\x141\x122def".encode())  # \x14 = Ctrl+T, \x12 = Ctrl+R
    deadline = time.monotonic() + 10
    while True:
        store = open_store(data_dir)[0]
        record_id = store.get("drafts", ACTIVE_DRAFT)["value"]["record_id"]
        record = CallsRepo(store).get(record_id)
        notes = [note.text for note in CallsRepo(store).notes(record)]
        if notes == ["第一行", "第二行"] and record.checklist and record.manual_flags:
            break
        assert time.monotonic() < deadline, (notes, record)
        app.read(0.2)
    assert record.checklist == {"stayed_calm"} and record.manual_flags == {"threats"}
    app.process.send_signal(signal.SIGHUP)
    app.wait_exit(timeout=5)
    assert saved(data_dir) == ([("第一行", NoteKind.THEY_SAID), ("第二行", NoteKind.PLAIN)], "abcdef")


def test_typing_at_once_after_the_command_loses_nothing(pty_app, data_dir: Path) -> None:
    """The phone rings, `jiebei-tui call`, and the first words are typed before the screen is even drawn."""
    app = pty_app("call")
    time.sleep(0.05)  # the app is still starting: the keys wait in the terminal
    app.type("他:马上输入\r草稿".encode())
    app.wait_for(READY)
    deadline = time.monotonic() + 10
    while saved_or_none(data_dir) != ([("马上输入", NoteKind.THEY_SAID)], "草稿"):
        assert time.monotonic() < deadline, saved_or_none(data_dir)
        app.read(0.2)


def saved_or_none(data_dir: Path) -> tuple[list[tuple[str, NoteKind]], str] | None:
    try:
        return saved(data_dir)
    except (TypeError, AssertionError):
        return None  # not there yet


def test_a_burst_that_opens_a_call_reaches_its_note_line(pty_app, data_dir: Path) -> None:
    """F4, Ctrl+N and a line in one read (a fast typist over SSH): the whole line lands in the new call's note
    line, not the first character only (ui/shell/keyhold.py)."""
    app = pty_app("--lang", "en", env={"TZ": "Asia/Shanghai"})  # no time-zone question over Home
    app.wait_for(b"Self-check")  # Home is drawn
    app.type(b"\x1bOS\x0e" + "hello 马上输入".encode())  # F4, Ctrl+N, the line
    deadline = time.monotonic() + 10
    while saved_or_none(data_dir) != ([], "hello 马上输入"):
        assert time.monotonic() < deadline, saved_or_none(data_dir)
        app.read(0.2)
