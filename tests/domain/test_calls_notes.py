"""Notes typed during a contact: prefixes, corrections, commitments, search and filters."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jiebei_tui.domain.calls import (
    FLAG_NIGHT,
    CallRecord,
    CommitmentStatus,
    Note,
    NoteKind,
    RecordKind,
    change_kind,
    correct,
    extract_commitment,
    filter_records,
    format_offset,
    new_note,
    new_record,
    next_note_kind,
    open_commitments,
    parse_note_prefix,
    search_notes,
)
from jiebei_tui.domain.calls.notes import NOTE_KIND_CYCLE
from jiebei_tui.domain.instants import BEIJING

CST = timezone(timedelta(hours=8))
NUMBER = "13800000000"


def at(day: int, hour: int, minute: int = 0, second: int = 0, tz: timezone = CST) -> datetime:
    return datetime(2026, 11, day, hour, minute, second, tzinfo=tz)


# --------------------------------------------------------------------------- note prefixes


@pytest.mark.parametrize(
    ("typed", "kind", "body"),
    [
        ("他:明天上门", NoteKind.THEY_SAID, "明天上门"),
        ("他：明天上门", NoteKind.THEY_SAID, "明天上门"),
        ("对方： 要我今天还清", NoteKind.THEY_SAID, "要我今天还清"),
        ("對方：要我今天還清", NoteKind.THEY_SAID, "要我今天還清"),
        ("他说：你好", NoteKind.THEY_SAID, "你好"),
        ("t: hello", NoteKind.THEY_SAID, "hello"),
        ("T:hello", NoteKind.THEY_SAID, "hello"),
        ("ｔ：hello", NoteKind.THEY_SAID, "hello"),
        ("我：我在想办法", NoteKind.I_SAID, "我在想办法"),
        ("i:need time", NoteKind.I_SAID, "need time"),
        ("诺：12月5日还2000", NoteKind.COMMITMENT, "12月5日还2000"),
        ("承诺:下周五还", NoteKind.COMMITMENT, "下周五还"),
        ("c: 2000 by Friday", NoteKind.COMMITMENT, "2000 by Friday"),
        ("they: we will visit tomorrow", NoteKind.THEY_SAID, "we will visit tomorrow"),
        ("They said: pay today", NoteKind.THEY_SAID, "pay today"),
        ("me: I need time", NoteKind.I_SAID, "I need time"),
        ("ME：I need time", NoteKind.I_SAID, "I need time"),
        ("promise: 2000 on Friday", NoteKind.COMMITMENT, "2000 on Friday"),
        ("! they threatened my family", NoteKind.RED_FLAG, "they threatened my family"),
        ("? staff number", NoteKind.FOLLOW_UP, "staff number"),
        ("meeting: 10:00", NoteKind.PLAIN, "meeting: 10:00"),
        ("?工号是多少", NoteKind.FOLLOW_UP, "工号是多少"),
        ("？工号是多少", NoteKind.FOLLOW_UP, "工号是多少"),
        ("？？？工号", NoteKind.FOLLOW_UP, "工号"),
        ("?: 工号", NoteKind.FOLLOW_UP, "工号"),
        ("q:staff id?", NoteKind.FOLLOW_UP, "staff id?"),
        ("!说要找我单位", NoteKind.RED_FLAG, "说要找我单位"),
        ("！！说要找我单位", NoteKind.RED_FLAG, "说要找我单位"),
        ("f: threatened", NoteKind.RED_FLAG, "threatened"),
        ("  他：前面有空格", NoteKind.THEY_SAID, "前面有空格"),
        ("他们说会上门", NoteKind.PLAIN, "他们说会上门"),
        ("我们约好了", NoteKind.PLAIN, "我们约好了"),
        ("ti: no", NoteKind.PLAIN, "ti: no"),
        ("", NoteKind.PLAIN, ""),
        ("他:", NoteKind.THEY_SAID, ""),
    ],
)
def test_parse_note_prefix(typed: str, kind: NoteKind, body: str) -> None:
    assert parse_note_prefix(typed) == (kind, body)


@given(st.text())
def test_parse_note_prefix_never_fails(text: str) -> None:
    kind, body = parse_note_prefix(text)
    assert kind in NoteKind
    assert body == body.strip()


def test_kind_cycle_visits_every_kind_and_returns() -> None:
    kind = NOTE_KIND_CYCLE[0]
    seen = []
    for _ in NOTE_KIND_CYCLE:
        seen.append(kind)
        kind = next_note_kind(kind)
    assert kind is NOTE_KIND_CYCLE[0]
    assert set(seen) == set(NoteKind)
    assert next_note_kind(NoteKind.PLAIN, -1) is NOTE_KIND_CYCLE[-1]


# --------------------------------------------------------------------------- notes


def test_new_note_offset_prefix_and_text_as_typed() -> None:
    record = new_record("r", RecordKind.CALL, at(23, 10, 0))
    note = new_note("n", record, "他：\x1b[2J不还就上门", at(23, 10, 2, 5))
    assert (note.kind, note.offset_seconds, note.text) == (NoteKind.THEY_SAID, 125, "\x1b[2J不还就上门")
    assert format_offset(note.offset_seconds) == "+02:05"
    assert format_offset(3725) == "+1:02:05"
    # the cycle-key kind applies when no prefix is typed; a typed prefix wins
    assert new_note("n", record, "记下来", at(23, 10, 1), NoteKind.I_SAID).kind is NoteKind.I_SAID
    assert new_note("n", record, "他：说的", at(23, 10, 1), NoteKind.I_SAID).kind is NoteKind.THEY_SAID
    # a note typed before the record start (clock skew) never gets a negative offset
    assert new_note("n", record, "x", at(23, 9, 59)).offset_seconds == 0


HOSTILE = "\x1b]0;PWNED\x07借呗\u202e倒序\x00NUL\x9b2J\x1b[2J\r清屏\x7f"


def test_control_and_bidi_characters_are_stored_as_typed() -> None:
    """Only surrounding whitespace and the prefix go: the screen and the exports make the rest inert."""
    record = new_record("r", RecordKind.CALL, at(23, 10, 0), number=" 95\x1b188\u202e ")
    assert record.number == "95\x1b188\u202e"
    for prefix, kind in (("", NoteKind.PLAIN), ("他:", NoteKind.THEY_SAID), ("我：", NoteKind.I_SAID), ("诺:", NoteKind.COMMITMENT)):
        note = new_note("n", record, f"  {prefix}{HOSTILE}  ", at(23, 10, 1))
        assert (note.kind, note.text) == (kind, HOSTILE)
        assert note.to_dict()["text"] == HOSTILE
        corrected = correct(note, f" {HOSTILE}\x1b[31m ", at(23, 10, 5))
        assert corrected.text == HOSTILE and corrected.current_text == HOSTILE + "\x1b[31m"
        assert Note.from_dict(corrected.to_dict()) == corrected
    # A lone surrogate cannot be written to a UTF-8 file: it alone becomes U+FFFD.
    assert new_note("n", record, "a\ud800b\x1b", at(23, 10, 1)).text == "a\ufffdb\x1b"
    assert new_note("n", record, "诺:\x1b明天还500元", at(23, 10, 1)).amount == Decimal("500")


def test_corrections_keep_the_original_and_every_version() -> None:
    record = new_record("r", RecordKind.CALL, at(23, 10, 0))
    note = new_note("n", record, "他：工号 1234", at(23, 10, 1))
    first = correct(note, "工号 1243", at(23, 10, 5))
    second = correct(first, "工号 1423", at(23, 11, 0))
    assert second.text == "工号 1234"
    assert second.current_text == "工号 1423"
    assert second.versions == ("工号 1234", "工号 1243", "工号 1423")
    assert [c.at for c in second.corrections] == [at(23, 10, 5), at(23, 11, 0)]
    assert note.corrections == () and first.current_text == "工号 1243"  # earlier objects untouched
    assert (second.kind, second.offset_seconds, second.at) == (note.kind, note.offset_seconds, note.at)


def test_correcting_a_commitment_updates_its_terms() -> None:
    record = new_record("r", RecordKind.CALL, at(23, 10, 0))
    note = new_note("n", record, "诺：12月5日还2000", at(23, 10, 1))
    assert (note.amount, note.due) == (Decimal("2000.00"), date(2026, 12, 5))
    fixed = correct(note, "12月6日还3000", at(23, 10, 9))
    assert (fixed.amount, fixed.due) == (Decimal("3000.00"), date(2026, 12, 6))
    assert change_kind(fixed, NoteKind.PLAIN, at(23, 10, 20)).amount is None
    plain = new_note("p", record, "12月5日还2000", at(23, 10, 2))
    assert change_kind(plain, NoteKind.COMMITMENT, at(23, 10, 20)).due == date(2026, 12, 5)


def test_a_kind_correction_keeps_the_original_kind_beside_the_new_one() -> None:
    record = new_record("r", RecordKind.CALL, at(23, 10, 0))
    note = new_note("n", record, "他：下周上门", at(23, 10, 1))
    refiled = change_kind(note, NoteKind.I_SAID, at(23, 10, 30))
    again = change_kind(refiled, NoteKind.RED_FLAG, at(23, 11, 0))
    assert (again.kind, again.original_kind) == (NoteKind.RED_FLAG, NoteKind.THEY_SAID)
    assert [(c.previous, c.at) for c in again.kind_changes] == [
        (NoteKind.THEY_SAID, at(23, 10, 30)),
        (NoteKind.I_SAID, at(23, 11, 0)),
    ]
    assert change_kind(again, NoteKind.RED_FLAG, at(23, 12, 0)) is again  # no change, nothing recorded
    assert Note.from_dict(again.to_dict()) == again
    written_before = {key: value for key, value in note.to_dict().items() if key != "kind_changes"}
    assert Note.from_dict(written_before) == note  # notes saved by earlier versions read back unchanged


def test_naive_datetimes_are_rejected() -> None:
    with pytest.raises(ValueError):
        new_record("r", RecordKind.CALL, datetime(2026, 11, 23, 22, 0))
    record = new_record("r", RecordKind.CALL, at(23, 10))
    with pytest.raises(ValueError):
        new_note("n", record, "x", datetime(2026, 11, 23, 10, 1))
    with pytest.raises(ValueError):
        CallRecord.from_dict({**record.to_dict(), "started_at": "2026-11-23T22:00:00"})
    with pytest.raises(ValueError):
        record.ended(at(23, 9))


# --------------------------------------------------------------------------- commitments

TODAY = date(2026, 11, 23)  # a Monday


@pytest.mark.parametrize(
    ("text", "amount", "due"),
    [
        ("12月5日前还2000", "2000", date(2026, 12, 5)),
        ("12月5号还2000元", "2000", date(2026, 12, 5)),
        ("１２月５日还２０００元", "2000", date(2026, 12, 5)),
        ("2026-12-05 还2万", "20000", date(2026, 12, 5)),
        ("2027年1月8日还款5000块", "5000", date(2027, 1, 8)),
        ("12/5 还 ¥2,000", "2000", date(2026, 12, 5)),
        ("1月10日还1000", "1000", date(2027, 1, 10)),  # year-less and past: next year
        ("11月23日还500", "500", date(2026, 11, 23)),  # today counts
        ("下周五还2.5万", "25000", date(2026, 12, 4)),
        ("本周五前还3k", "3000", date(2026, 11, 27)),
        ("周五还", None, date(2026, 11, 27)),
        ("明天转500", "500", date(2026, 11, 24)),
        ("后天还 2000 元", "2000", date(2026, 11, 25)),
        ("月底前还5000块", "5000", date(2026, 11, 30)),
        ("下个月10号还一半", None, date(2026, 12, 10)),
        ("15号还1000元", "1000", date(2026, 12, 15)),
        ("分3期，每期还3000", "3000", None),
        ("还3期", None, None),
        ("下周五还1万5", None, date(2026, 12, 4)),  # unsure amount: left out, not 10000
        ("2月30日还100元", "100", None),  # impossible date: left out
        ("会尽快处理", None, None),
        ("5日内还3000元", "3000", None),  # "within 5 days" is not the 5th
        ("下週五還2.5萬", "25000", date(2026, 12, 4)),  # Traditional characters
        ("12月5號前還20000圓", "20000", date(2026, 12, 5)),
        ("月底還5000塊錢", "5000", date(2026, 11, 30)),
        ("下週五還1萬5", None, date(2026, 12, 4)),
        # Notes taken in English read the same way
        ("pay 2000 by Friday", "2000", date(2026, 11, 27)),
        ("will repay 1,500 on Dec 5", "1500", date(2026, 12, 5)),
        ("2000 yuan before the end of the month", "2000", date(2026, 11, 30)),
        ("transfer 800 tomorrow", "800", date(2026, 11, 24)),
        ("send 500 by the 15th", "500", date(2026, 12, 15)),
        ("3k next Fri", "3000", date(2026, 12, 4)),
        ("pay 3 instalments from next Monday", None, date(2026, 11, 30)),
        ("pay in 5 days", None, None),
        ("the 3rd payment is late", None, None),
        ("I sat down and said I would call back", None, None),
    ],
)
def test_extract_commitment(text: str, amount: str | None, due: date | None) -> None:
    terms = extract_commitment(text, TODAY)
    assert terms.amount == (None if amount is None else Decimal(amount))
    assert terms.due == due


@given(st.text(max_size=60))
@settings(max_examples=200, deadline=None)
def test_extract_commitment_never_fails(text: str) -> None:
    terms = extract_commitment(text, TODAY)
    assert terms.amount is None or terms.amount > 0


def test_open_commitments_sorted_by_due_date_and_status() -> None:
    first = new_record("a", RecordKind.CALL, at(23, 10))
    second = new_record("b", RecordKind.CALL, at(24, 10))
    notes = [
        new_note("late", first, "诺：12月20日还1000", at(23, 10, 1)),
        new_note("undated", first, "诺：尽快还", at(23, 10, 2)),
        new_note("soon", second, "诺：11月30日还500", at(24, 10, 1)),
        new_note("done", second, "诺：11月25日还100", at(24, 10, 2)),
        new_note("plain", second, "11月26日还100", at(24, 10, 3)),
    ]
    second = second.with_commitment_status("done", CommitmentStatus.DONE)
    found = open_commitments([first, second], notes)
    assert [c.note_id for c in found] == ["soon", "late", "undated"]
    assert found[0].amount == Decimal("500.00") and found[0].record_id == "b"


# --------------------------------------------------------------------------- search and filters


def test_search_notes_chinese_case_width_and_corrections() -> None:
    record = new_record("r", RecordKind.CALL, at(23, 10, 0))
    notes = [
        new_note("a", record, "他：我们是ABC资产管理公司", at(23, 10, 1)),
        new_note("b", record, "对方说要上门", at(23, 10, 2)),
        correct(new_note("c", record, "工号 1234", at(23, 10, 3)), "工号 A9876", at(23, 10, 4)),
    ]
    ids = lambda query: [note.id for note in search_notes(notes, query)]  # noqa: E731
    assert ids("资产") == ["a"]
    assert ids("abc") == ids("ＡＢＣ") == ids("Abc") == ["a"]
    assert ids("上门") == ["b"]
    assert ids("1234") == ids("a9876") == ["c"]  # original and corrected text both searchable
    assert ids("abc 资产") == ["a"] and ids("abc 上门") == []
    assert ids("") == ["a", "b", "c"]
    pasted = new_note("d", record, "他：工号\x1b[2J 7788\u202e", at(23, 10, 5))
    assert [note.id for note in search_notes([*notes, pasted], "7788")] == ["d"]  # read on the text as typed


def test_filter_records() -> None:
    def with_identity(record: CallRecord, **values: str) -> CallRecord:
        identity = record.identity
        for key, value in values.items():
            identity = identity.with_value(key, value)
        return record.with_identity(identity)

    a = with_identity(new_record("a", RecordKind.CALL, at(23, 10), "+86 138 0000 0000"), institution="ABC资产", caller_name="王经理")
    b = with_identity(new_record("b", RecordKind.CALL, at(23, 23), "021-5555"), institution="某律所", staff_id="Z007")
    c = with_identity(new_record("c", RecordKind.SMS, at(24, 10), "106900"), callback_number="13800000000").toggled_flag("threats")
    history = [a, b, c]
    ids = lambda found: [record.id for record in found]  # noqa: E731
    assert ids(filter_records(history, institution="abc")) == ["a"]
    assert ids(filter_records(history, number=NUMBER)) == ["a", "c"]  # counterpart or callback number
    assert ids(filter_records(history, collector="王")) == ["a"]
    assert ids(filter_records(history, collector="z007")) == ["b"]
    assert ids(filter_records(history, flag=FLAG_NIGHT, zone=BEIJING)) == ["b"]  # automatic
    assert ids(filter_records(history, flag="threats", zone=BEIJING)) == ["c"]  # manual
    with pytest.raises(ValueError):
        filter_records(history, flag="threats")  # automatic flags need the user's zone
    assert ids(filter_records(history, kind=RecordKind.SMS, number=NUMBER)) == ["c"]
    assert ids(filter_records(history, institution="")) == []
