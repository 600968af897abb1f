"""Call records and notes on disk: records by day, notes by call, commitments by due day, merges, search, export."""

from __future__ import annotations

import stat
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jiebei_tui import locations
from jiebei_tui.domain.calls import (
    FLAG_TOO_MANY_CALLS,
    CommitmentStatus,
    NoteKind,
    RecordKind,
    automatic_flags,
    change_kind,
    correct,
    missed_call,
    new_note,
    new_record,
)
from jiebei_tui.domain.instants import BEIJING
from jiebei_tui.store.calls import COMMITMENTS_TABLE, NOTES_TABLE, CallsRepo, period_of
from jiebei_tui.store.files import FileCache
from jiebei_tui.store.store import open_store
from jiebei_tui.store.tables import spec_for

CST = timezone(timedelta(hours=8))


def at(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=CST)


@pytest.fixture
def repo(data_dir: Path) -> CallsRepo:
    return CallsRepo(open_store(data_dir)[0])


def other_session(data_dir: Path) -> CallsRepo:
    return CallsRepo(open_store(data_dir)[0])


def test_a_record_and_its_notes_round_trip_through_another_session(repo: CallsRepo, data_dir: Path) -> None:
    record = new_record(repo.new_id(), RecordKind.CALL, at(23, 20, 31), "138 0000 0000")
    assert repo.save(record)
    note = new_note(repo.new_id(), record, "他:我是张三", at(23, 20, 32))
    assert repo.save_note(record, note)
    fresh = other_session(data_dir)
    assert fresh.get(record.id) == record
    assert fresh.notes(record) == [note]
    assert fresh.notes(record)[0].kind is NoteKind.THEY_SAID


def test_notes_stay_with_their_call_even_past_midnight(repo: CallsRepo, data_dir: Path) -> None:
    record = new_record(repo.new_id(), RecordKind.CALL, datetime(2026, 11, 30, 23, 58, tzinfo=CST))
    repo.save(record)
    late = new_note(repo.new_id(), record, "过了午夜", datetime(2026, 12, 1, 0, 3, tzinfo=CST))
    repo.save_note(record, late)
    assert period_of(record.started_at) == "2026-11-30"
    assert (data_dir / "calls" / "2026-11-30.json").exists()
    assert not (data_dir / "calls" / "2026-12-01.json").exists()
    assert locations.notes_file(data_dir, record.id).exists()  # one file per call, whatever the time
    assert repo.notes(record) == [late]


def test_opening_one_record_reads_its_own_notes_file_only(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = CallsRepo(open_store(data_dir)[0])
    for month in (9, 10, 11):
        old = new_record(repo.new_id(), RecordKind.CALL, at(3, 10, month=month))
        repo.save(old)
        repo.save_note(old, new_note(repo.new_id(), old, "一行", at(3, 10, 1, month=month)))
    record = new_record(repo.new_id(), RecordKind.CALL, at(23, 20))
    repo.save(record)
    fresh = other_session(data_dir)
    read: list[Path] = []
    original = FileCache.read

    def spy(self: FileCache, path: Path, *, keep: bool = True) -> object:
        read.append(path)
        return original(self, path, keep=keep)

    monkeypatch.setattr(FileCache, "read", spy)
    fresh.notes(record)
    assert read == [locations.notes_file(data_dir, record.id)]
    read.clear()
    assert fresh.get(record.id) == record
    assert read == [spec_for("calls").index_path(data_dir, record.id), data_dir / "calls" / "2026-11-23.json"]


def test_two_sessions_ticking_different_items_keep_both(repo: CallsRepo, data_dir: Path) -> None:
    record = new_record(repo.new_id(), RecordKind.CALL, at(23, 20))
    repo.save(record)
    other = other_session(data_dir)
    repo.change(record.id, lambda r: r.toggled_check("stayed_calm"))
    other.change(record.id, lambda r: r.toggled_flag("threats"))
    final = repo.get(record.id)
    assert final is not None
    assert final.checklist == {"stayed_calm"}
    assert final.manual_flags == {"threats"}


def test_change_of_a_missing_record_writes_nothing(repo: CallsRepo) -> None:
    assert repo.change("nope", lambda r: r.toggled_check("stayed_calm")) is None
    assert repo.get("nope") is None


def test_corrections_keep_the_original_on_disk(repo: CallsRepo, data_dir: Path) -> None:
    record = new_record(repo.new_id(), RecordKind.CALL, at(23, 20))
    repo.save(record)
    note = new_note(repo.new_id(), record, "下周还2000", at(23, 20, 1))
    repo.save_note(record, note)
    repo.save_note(record, correct(note, "下周五还2000", at(23, 20, 5)))
    stored = other_session(data_dir).notes(record)[0]
    assert stored.versions == ("下周还2000", "下周五还2000")


def test_open_commitments_come_from_the_index_soonest_first(repo: CallsRepo) -> None:
    first = new_record(repo.new_id(), RecordKind.CALL, at(20, 10))
    second = new_record(repo.new_id(), RecordKind.CALL, at(23, 20))
    for record in (first, second):
        repo.save(record)
    late = new_note(repo.new_id(), first, "诺:12月20日还3000元", at(20, 10, 5))
    soon = new_note(repo.new_id(), second, "诺:下周五还2000元", at(23, 20, 5))
    repo.save_note(first, late)
    repo.save_note(second, soon)
    found = repo.open_commitments()
    assert [(c.due, c.amount) for c, _record in found] == [(date(2026, 12, 4), 2000), (date(2026, 12, 20), 3000)]
    assert found[0][1].id == second.id
    # Done commitments leave the list; re-filing a note away from "commitment" too.
    repo.change(second.id, lambda r: r.with_commitment_status(soon.id, CommitmentStatus.DONE))
    repo.save_note(first, change_kind(late, NoteKind.PLAIN, at(23, 21)))
    assert repo.open_commitments() == []
    assert repo.store.all(COMMITMENTS_TABLE) == [{**soon.to_dict(), "id": soon.id}]


def test_the_index_is_repaired_on_load_after_a_crash_between_two_writes(repo: CallsRepo) -> None:
    record = new_record(repo.new_id(), RecordKind.CALL, at(23, 20))
    repo.save(record)
    lost = new_note(repo.new_id(), record, "诺:明天还500元", at(23, 20, 1))
    refiled = new_note(repo.new_id(), record, "诺:会再联系", at(23, 20, 2))  # undated: filed under the day made
    repo.save_note(record, lost)
    repo.save_note(record, refiled)
    # A copy missing (killed between a note and its copy), and one left behind by hand-editing the notes file.
    repo.store.delete(COMMITMENTS_TABLE, lost.id, period="2026-11-24")
    repo.store.put(NOTES_TABLE, refiled.id, change_kind(refiled, NoteKind.PLAIN, at(23, 20, 3)).to_dict(), period=record.id)
    assert [c.note_id for c, _r in repo.open_commitments()] == [refiled.id]
    repo.repair_commitments(record, repo.notes(record))
    assert [c.note_id for c, _r in repo.open_commitments()] == [lost.id]


def test_a_users_day_is_read_across_the_files_around_it(repo: CallsRepo) -> None:
    """Records are filed by the day on the clock they were stored with; the user's day is read across files."""
    utc = timezone.utc
    for minute in range(5):  # the 23rd 10:0x in Beijing, filed on the 23rd
        repo.save(missed_call(repo.new_id(), "+86 138-0000-0000" if minute % 2 else "13800000000", at(23, 10, minute)))
    # Stored on a UTC server at 16:30Z on the 22nd: filed on the 22nd, but 00:30 on the 23rd in Beijing.
    repo.save(missed_call(repo.new_id(), "13900000000", datetime(2026, 11, 22, 16, 30, tzinfo=utc)))
    # 16:30Z on the 23rd is the 24th in Beijing: not the 23rd, though filed there.
    repo.save(missed_call(repo.new_id(), "13900000000", datetime(2026, 11, 23, 16, 30, tzinfo=utc)))
    repo.save(new_record(repo.new_id(), RecordKind.CALL, at(23, 11)))
    same_day = repo.records_on(date(2026, 11, 23), BEIJING, kind=RecordKind.MISSED)
    assert len(same_day) == 6 and same_day[0].number == "13900000000"
    assert len(repo.records_on(date(2026, 11, 23), BEIJING)) == 7
    seventh = missed_call(repo.new_id(), "13700000000", at(23, 12))
    assert FLAG_TOO_MANY_CALLS in automatic_flags(seventh, same_day, BEIJING)
    assert len(repo.records_on(date(2026, 11, 23), utc, kind=RecordKind.MISSED)) == 6  # 02:00Z–16:30Z on the 23rd


def test_records_are_newest_first_and_unreadable_ones_are_skipped(repo: CallsRepo) -> None:
    older = new_record(repo.new_id(), RecordKind.SMS, at(20, 9))
    newer = new_record(repo.new_id(), RecordKind.VISIT, at(22, 15))
    repo.save(older)
    repo.save(newer)
    repo.store.put("calls", "broken", {"kind": "call", "started_at": "2026-11-23T10:00:00"})  # naive: refused
    assert [record.id for record in repo.records()] == [newer.id, older.id]


def test_search_finds_chinese_in_any_month_and_in_corrections(repo: CallsRepo) -> None:
    october = new_record(repo.new_id(), RecordKind.CALL, at(5, 10, month=10))
    november = new_record(repo.new_id(), RecordKind.CALL, at(23, 20))
    for record in (october, november):
        repo.save(record)
    repo.save_note(october, new_note(repo.new_id(), october, "他说明天上门", at(5, 10, 1, month=10)))
    typo = new_note(repo.new_id(), november, "要打给我单为", at(23, 20, 1))
    repo.save_note(november, correct(typo, "要打给我单位同事", at(23, 20, 2)))
    repo.save_note(november, new_note(repo.new_id(), november, "ＡＢＣ资产", at(23, 20, 3)))
    assert set(repo.search("上门")) == {october.id}
    assert set(repo.search("单位")) == {november.id}
    assert set(repo.search("abc")) == {november.id}
    assert repo.search("上门 单位") == {}
    assert repo.search("  ") == {}


def test_delete_removes_the_record_its_notes_and_their_index(repo: CallsRepo) -> None:
    record = new_record(repo.new_id(), RecordKind.CALL, at(23, 20))
    keep = new_record(repo.new_id(), RecordKind.CALL, at(23, 21))
    repo.save(record)
    repo.save(keep)
    repo.save_note(record, new_note(repo.new_id(), record, "诺:明天还500元", at(23, 20, 1)))
    repo.save_note(keep, new_note(repo.new_id(), keep, "留着", at(23, 21, 1)))
    repo.delete(record)
    assert repo.get(record.id) is None
    assert repo.open_commitments() == []
    assert [note.text for note in repo.notes_for_records([record, keep])] == ["留着"]


def test_evidence_export_is_private_complete_and_inert(repo: CallsRepo, tmp_path: Path) -> None:
    record = new_record(repo.new_id(), RecordKind.CALL, at(23, 22, 5), "13800000000")
    record = record.toggled_flag("threats")
    repo.save(record)
    repo.save_note(record, new_note(repo.new_id(), record, "他:\x1b[31m[red]威胁\x1b]52;c;eA==\x07", at(23, 22, 6)))
    out = tmp_path / "evidence.md"
    text = repo.export_evidence(out, [record], lambda s: s, now=at(23, 23), zone=BEIJING)
    assert out.read_text(encoding="utf-8") == text
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert "\x1b" not in text and "\x07" not in text
    assert "␛" in text and "\\[red\\]" in text
    for expected in ("22:05:00", "Beijing time (UTC+08:00)", "+01:00", "Threats, insults or violence", "22:00", "12378", "12363", "95188", "110"):
        assert expected in text
    assert "China Banking Association" in text  # each flag's rule comes with its source


def test_each_action_writes_only_its_own_small_files_once(repo: CallsRepo, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from decimal import Decimal

    from jiebei_tui.domain.selfcheck import CashFlow, Entry, SelfCheckInput, assess
    from jiebei_tui.store import partitions
    from jiebei_tui.store.selfcheck import save_snapshot

    old = new_record(repo.new_id(), RecordKind.CALL, at(3, 10, month=9))
    repo.save(old)
    written: list[str] = []
    real = partitions.atomic_write_many

    def count(items: list[tuple[Path, bytes, Path | None]], tmp_dir: Path) -> object:
        written.extend(str(path.relative_to(data_dir)) for path, _data, _backup in items)
        return real(items, tmp_dir)

    monkeypatch.setattr(partitions, "atomic_write_many", count)

    def files(action) -> list[str]:  # type: ignore[no-untyped-def]
        written.clear()
        action()
        return sorted(written)

    record = new_record(repo.new_id(), RecordKind.CALL, at(23, 20))
    shard = str(spec_for("calls").index_path(data_dir, record.id).relative_to(data_dir))
    assert files(lambda: repo.save(record)) == sorted(["calls/2026-11-23.json", shard])  # a new call: its day + index shard
    line = new_note(repo.new_id(), record, "他说下周上门", at(23, 20, 1))
    assert files(lambda: repo.save_note(record, line)) == [f"notes/{record.id}.json"]
    promise = new_note(repo.new_id(), record, "诺:12月5日还2000元", at(23, 20, 2))
    assert files(lambda: repo.save_note(record, promise)) == ["commitments/2026-12-05.json", f"notes/{record.id}.json"]
    promise = correct(promise, "诺:12月5日还2500元", at(23, 20, 3))
    assert files(lambda: repo.save_note(record, promise)) == ["commitments/2026-12-05.json", f"notes/{record.id}.json"]
    # A new due date moves the copy: the old one is removed first (so a crash never leaves a stale copy).
    assert files(lambda: repo.save_note(record, correct(promise, "诺:12月6日还2500元", at(23, 20, 4)))) == [
        "commitments/2026-12-05.json", "commitments/2026-12-06.json", f"notes/{record.id}.json"]
    assert files(lambda: repo.change(record.id, lambda r: r.toggled_check("stayed_calm"))) == ["calls/2026-11-23.json"]
    assert files(lambda: repo.repair_commitments(record, repo.notes(record))) == []  # nothing to repair: no write
    inp = SelfCheckInput((), CashFlow(incomes=(Entry("工资", Decimal("8000")),)))
    when = at(23, 21)
    first = files(lambda: save_snapshot(repo.store, inp, assess(inp, when.date()), when, doc_id="s1"))
    assert first == ["selfchecks/2026.json", "selfchecks/index.json"]
    assert files(lambda: save_snapshot(repo.store, inp, assess(inp, when.date()), when + timedelta(minutes=5), doc_id="s1")) == [
        "selfchecks/2026.json"]
    assert all(old.id not in path and "2026-09" not in path for path in written)
    assert repo.open_commitments()[0][0].due == date(2026, 12, 6)


def test_a_file_that_cannot_be_written_holds_back_only_its_own_changes(repo: CallsRepo, data_dir: Path) -> None:
    import json

    first = new_record(repo.new_id(), RecordKind.CALL, at(23, 20))
    second = new_record(repo.new_id(), RecordKind.CALL, at(23, 21))
    repo.save(first)
    repo.save(second)
    repo.save_note(first, new_note(repo.new_id(), first, "一", at(23, 20, 1)))
    locations.notes_file(data_dir, first.id).write_text(json.dumps({"_meta": {"schema": {"version": 99}}}), encoding="utf-8")
    assert repo.save_note(first, new_note(repo.new_id(), first, "二", at(23, 20, 2))) is False
    assert repo.save_note(second, new_note(repo.new_id(), second, "三", at(23, 21, 1))) is True
    assert repo.store.pending_count == 1
    assert [note.text for note in other_session(data_dir).notes(second)] == ["三"]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8")) | st.text(alphabet="他说：？！，。ＡＢｃ１２\u3000ﬁ①㈱é\u0301Åß"))
def test_the_fast_search_key_is_exactly_fold(text: str) -> None:
    from jiebei_tui.domain.parsing.text import fold
    from jiebei_tui.store.calls import search_key

    assert search_key(text) == fold(text)
