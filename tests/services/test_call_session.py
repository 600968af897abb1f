"""The call session without Textual: start, continue, close stale calls, finish, the unsent line."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from jiebei_tui.domain.calls import NoteKind, RecordKind, new_note, new_record
from jiebei_tui.services import ACTIVE_DRAFT, RESUME_WITHIN, CallSession, corrected, note_draft_key
from jiebei_tui.store.calls import CallsRepo
from jiebei_tui.store.drafts import DraftKeeper
from jiebei_tui.store.store import open_store

CST = timezone(timedelta(hours=8))


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 20, 31, tzinfo=CST)

    def __call__(self) -> datetime:
        return self.now

    def tick(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


def session_at(data_dir: Path, clock: Clock) -> CallSession:
    """A fresh session on the folder, as a new run of the app would make."""
    store = open_store(data_dir)[0]
    return CallSession(CallsRepo(store), DraftKeeper(store, clock), clock)


def test_a_new_call_is_on_disk_before_anything_is_typed(data_dir: Path, clock: Clock) -> None:
    session = session_at(data_dir, clock)
    assert session.start() is None
    record = session.record
    assert record is not None and record.started_at == clock.now and record.kind is RecordKind.CALL
    other = session_at(data_dir, clock)  # another process: nothing waits in memory
    assert other.repo.get(record.id) == record
    assert other.drafts.get(ACTIVE_DRAFT) == {"record_id": record.id}


def test_each_line_is_durable_at_once_and_its_draft_goes(data_dir: Path, clock: Clock) -> None:
    session = session_at(data_dir, clock)
    session.start()
    session.set_unsent("他:我是张三")
    session.drafts.flush()
    key = note_draft_key(session.record.id, session.session_id)
    assert session_at(data_dir, clock).drafts.get(key)["text"] == "他:我是张三"
    clock.tick(seconds=20)
    saved = session.add_line("他:我是张三")
    assert saved is not None and saved.durable
    assert (saved.note.text, saved.note.kind, saved.note.offset_seconds) == ("我是张三", NoteKind.THEY_SAID, 20)
    assert session.unsent == "" and session.drafts.get(key) is None
    again = session_at(data_dir, clock)
    assert [note.text for note in again.repo.notes(session.record)] == ["我是张三"]
    assert again.drafts.get(key) is None


def test_a_call_touched_within_half_an_hour_is_continued_with_its_unsent_line(data_dir: Path, clock: Clock) -> None:
    first = session_at(data_dir, clock)
    first.start()
    first.add_line("第一行")
    first.kind = NoteKind.COMMITMENT
    first.set_unsent("下周五还")
    first.drafts.flush()  # then the connection drops
    first.close()
    clock.tick(seconds=RESUME_WITHIN.total_seconds())
    again = session_at(data_dir, clock)
    opening = again.open()
    assert opening.resumed is not None and opening.resumed.id == first.record.id and opening.closed is None
    assert again.record == first.record
    assert [note.text for note in again.notes] == ["第一行"]
    assert (again.unsent, again.kind) == ("下周五还", NoteKind.COMMITMENT)
    assert again.open().resumed is None  # only the first look continues a call


def test_a_call_left_open_long_ago_is_ended_at_its_last_activity_keeping_the_unsent_line(data_dir: Path, clock: Clock) -> None:
    first = session_at(data_dir, clock)
    first.start()
    clock.tick(minutes=3)
    first.set_unsent("没发出的一行")
    first.drafts.flush()
    first.close()
    record_id = first.record.id
    clock.tick(hours=5)
    again = session_at(data_dir, clock)
    opening = again.open()
    assert opening.resumed is None and opening.closed is not None
    closed = again.repo.get(record_id)
    assert closed.ended_at == closed.started_at + timedelta(minutes=3)
    assert [(note.text, note.offset_seconds) for note in again.repo.notes(closed)] == [("没发出的一行", 180)]
    assert not again.live
    assert again.drafts.get(ACTIVE_DRAFT) is None and again.drafts.items(note_draft_key(record_id)) == {}


def test_starting_a_call_ends_the_one_in_progress_and_keeps_its_unsent_line(data_dir: Path, clock: Clock) -> None:
    session = session_at(data_dir, clock)
    session.start()
    first = session.record
    session.set_unsent("第一通")
    clock.tick(seconds=90)
    previous = session.start()
    assert previous is not None and previous.id == first.id and previous.ended_at == clock.now
    assert [note.text for note in session.repo.notes(first)] == ["第一通"]
    assert session.record.id != first.id and session.notes == [] and session.unsent == ""
    assert session.drafts.get(ACTIVE_DRAFT) == {"record_id": session.record.id}


def test_start_looks_for_a_stale_call_first(data_dir: Path, clock: Clock) -> None:
    old = session_at(data_dir, clock)
    old.start()
    old.drafts.flush()
    clock.tick(days=1)
    session = session_at(data_dir, clock)
    previous = session.start()  # without open(): the stale call is still closed, not forgotten
    assert previous is not None and previous.id == old.record.id and previous.ended_at == old.record.started_at


def test_finishing_drops_a_bare_prefix_and_forgets_the_drafts(data_dir: Path, clock: Clock) -> None:
    session = session_at(data_dir, clock)
    session.start()
    record_id = session.record.id
    session.set_unsent("他：")  # a prefix with nothing after it is not a line
    clock.tick(minutes=2)
    ended = session.finish()
    assert ended is not None and ended.ended_at == clock.now
    assert session.repo.notes(ended) == []
    assert not session.live and session.finish() is None
    assert session.drafts.get(ACTIVE_DRAFT) is None and session.drafts.items(note_draft_key(record_id)) == {}


def test_a_call_ended_in_another_session_stops_being_live_here(data_dir: Path, clock: Clock) -> None:
    here = session_at(data_dir, clock)
    here.start()
    there = session_at(data_dir, clock)
    there.open()
    there.toggle_check("stayed_calm")
    here.reload()
    assert here.record.checklist == {"stayed_calm"}  # the other session's tick shows here
    there.finish()
    here.reload()
    assert not here.live and here.add_line("太晚了") is None


def test_ticks_flags_and_consent_are_saved_under_the_lock(data_dir: Path, clock: Clock) -> None:
    session = session_at(data_dir, clock)
    assert session.toggle_check("stayed_calm") is None  # nothing live
    session.start()
    session.toggle_check("stayed_calm")
    session.toggle_flag("threats")
    session.toggle_consent()
    stored = session_at(data_dir, clock).repo.get(session.record.id)
    assert (stored.checklist, stored.manual_flags, stored.consented) == ({"stayed_calm"}, {"threats"}, True)
    session.toggle_flag("threats")
    assert session.record.manual_flags == set()


def test_a_pointer_to_a_missing_call_is_dropped(data_dir: Path, clock: Clock) -> None:
    session = session_at(data_dir, clock)
    session.drafts.set(ACTIVE_DRAFT, {"record_id": "gone"})
    assert session.open().resumed is None
    assert session.drafts.get(ACTIVE_DRAFT) is None


def test_a_correction_keeps_the_original_and_changes_only_what_changed(clock: Clock) -> None:
    record = new_record("r1", RecordKind.CALL, clock.now)
    note = new_note("n1", record, "诺:下周还2000", clock.now)
    assert corrected(note, "下周还2000", NoteKind.COMMITMENT, clock.now) is note
    changed = corrected(note, "下周五还2000元", NoteKind.COMMITMENT, clock.now)
    assert changed.versions == ("下周还2000", "下周五还2000元") and changed.kind is NoteKind.COMMITMENT
    refiled = corrected(note, "下周还2000", NoteKind.I_SAID, clock.now)
    assert refiled.versions == ("下周还2000",) and refiled.kind is NoteKind.I_SAID


# ----- two sessions on one call ---------------------------------------------------------------


def test_two_sessions_keep_their_own_unsent_lines_and_ending_in_one_keeps_the_others(data_dir: Path, clock: Clock) -> None:
    laptop = session_at(data_dir, clock)
    laptop.start()
    record_id = laptop.record.id
    phone = session_at(data_dir, clock)  # a second terminal opens Calls during the same call
    assert phone.open().resumed is not None and phone.record.id == record_id
    laptop.set_unsent("他：我是张三")
    phone.set_unsent("我：请发书面通知")
    laptop.drafts.flush()
    phone.drafts.flush()
    stored = session_at(data_dir, clock).drafts.items(note_draft_key(record_id))
    assert sorted(value["text"] for value in stored.values()) == ["他：我是张三", "我：请发书面通知"]
    clock.tick(seconds=30)
    phone.finish()  # F8 on the phone: its own line becomes a note, the laptop's stays its own
    assert [note.text for note in phone.repo.notes(phone.repo.get(record_id))] == ["请发书面通知"]
    left = session_at(data_dir, clock).drafts.items(note_draft_key(record_id))
    assert [value["text"] for value in left.values()] == ["他：我是张三"]
    clock.tick(seconds=5)
    kept = laptop.reload()  # the laptop sees the call ended: what it had not sent is kept as a note
    assert kept is not None and (kept.text, kept.kind) == ("我是张三", NoteKind.THEY_SAID)
    assert not laptop.live and laptop.unsent == ""
    notes = laptop.repo.notes(laptop.repo.get(record_id))
    assert [note.text for note in notes] == ["请发书面通知", "我是张三"]
    assert session_at(data_dir, clock).drafts.items(note_draft_key(record_id)) == {}


def test_a_session_never_takes_a_live_sessions_line_but_takes_a_gone_ones(data_dir: Path, clock: Clock) -> None:
    first = session_at(data_dir, clock)
    first.start()
    first.set_unsent("还在打字")
    first.drafts.flush()
    second = session_at(data_dir, clock)
    second.open()
    assert second.live and second.unsent == ""  # the first is still running: its line is its own
    first.close()  # its process ends (an SSH drop)
    third = session_at(data_dir, clock)
    third.open()
    assert third.unsent == "还在打字"  # taken over, under the third session's own key
    assert list(third.drafts.items(note_draft_key(first.record.id))) == [note_draft_key(first.record.id, third.session_id)]


def test_a_draft_from_a_process_that_exited_is_taken_over(data_dir: Path, clock: Clock) -> None:
    import subprocess
    import sys

    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(gone.stdout)
    session = session_at(data_dir, clock)
    session.start()
    record_id = session.record.id
    session.finish()
    record = session.repo.get(record_id)
    session.repo.change(record_id, lambda r: type(r)(**{**r.__dict__, "ended_at": None}))
    session.drafts.set(ACTIVE_DRAFT, {"record_id": record_id})
    newer, older = (clock.now + timedelta(seconds=40)).isoformat(), (clock.now + timedelta(seconds=20)).isoformat()
    session.drafts.set(note_draft_key(record_id, "exited"), {"text": "问：工号", "kind": "plain", "at": newer, "session": "exited", "pid": pid})
    session.drafts.set(note_draft_key(record_id), {"text": "旧版本的草稿", "kind": "plain", "at": older})  # no session
    session.drafts.flush()
    again = session_at(data_dir, clock)
    assert again.open().resumed is not None and record is not None
    # two lines of gone sessions: the newest comes back into the note line, the older is saved as a note
    assert again.unsent == "问：工号"
    assert [(note.text, note.offset_seconds) for note in again.notes] == [("旧版本的草稿", 20)]


def test_lines_left_by_gone_sessions_of_calls_that_ended_become_notes(data_dir: Path, clock: Clock) -> None:
    first = session_at(data_dir, clock)
    first.start()
    record_id = first.record.id
    second = session_at(data_dir, clock)
    second.open()
    second.set_unsent("我：明天回电")
    second.drafts.flush()
    first.finish()  # the call ends while the second session still types ...
    second.close()  # ... and the second one is gone before it noticed
    later = session_at(data_dir, clock)
    later.open()
    assert [note.text for note in later.repo.notes(later.repo.get(record_id))] == ["明天回电"]
    assert later.drafts.items(note_draft_key(record_id)) == {}
