"""Collection-call records: automatic red flags, note prefixes, corrections, commitments, storage."""

from __future__ import annotations

import json
import random
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jiebei_tui.domain import calls
from jiebei_tui.domain.calls import (
    CHECKLIST_KEYS,
    FLAG_NIGHT,
    FLAG_TOO_MANY_CALLS,
    IDENTITY_KEYS,
    PREP_CHECKLIST,
    RED_FLAGS,
    CallRecord,
    CommitmentStatus,
    IdentityStatus,
    Note,
    NoteKind,
    RecordKind,
    Summary,
    automatic_flags,
    automatic_flags_by_record,
    change_kind,
    correct,
    extract_commitment,
    filter_records,
    format_offset,
    missed_call,
    new_note,
    new_record,
    next_note_kind,
    open_commitments,
    parse_note_prefix,
    search_notes,
    summarize,
)
from jiebei_tui.domain.calls.notes import NOTE_KIND_CYCLE
from jiebei_tui.domain.facts import FACTS
from jiebei_tui.domain.parsing.phones import normalize_number

CST = timezone(timedelta(hours=8))
NUMBER = "13800000000"


def at(day: int, hour: int, minute: int = 0, second: int = 0, tz: timezone = CST) -> datetime:
    return datetime(2026, 11, day, hour, minute, second, tzinfo=tz)


# --------------------------------------------------------------------------- night rule


@pytest.mark.parametrize(
    ("hour", "minute", "second", "flagged"),
    [
        (21, 59, 0, False),
        (21, 59, 59, False),
        (22, 0, 0, True),
        (23, 30, 0, True),
        (0, 0, 0, True),
        (7, 59, 0, True),
        (7, 59, 59, True),
        (8, 0, 0, False),
        (12, 0, 0, False),
    ],
)
def test_night_contact_boundaries(hour: int, minute: int, second: int, flagged: bool) -> None:
    record = new_record("r", RecordKind.CALL, at(23, hour, minute, second), NUMBER)
    assert (FLAG_NIGHT in automatic_flags(record, [])) is flagged


@pytest.mark.parametrize("kind", list(RecordKind))
def test_night_rule_covers_every_kind(kind: RecordKind) -> None:
    record = new_record("r", kind, at(23, 22, 0), NUMBER)
    assert FLAG_NIGHT in automatic_flags(record, [])


def test_night_rule_uses_the_records_own_clock() -> None:
    """22:00 in Beijing is 14:00 UTC; the rule reads the wall clock the user logged."""
    beijing = new_record("r", RecordKind.CALL, at(23, 22, 0), NUMBER)
    same_moment_utc = new_record("r", RecordKind.CALL, beijing.started_at.astimezone(timezone.utc), NUMBER)
    assert FLAG_NIGHT in automatic_flags(beijing, [])
    assert FLAG_NIGHT not in automatic_flags(same_moment_utc, [])


def test_consent_lifts_the_night_flag() -> None:
    record = new_record("r", RecordKind.CALL, at(23, 22, 30), NUMBER)
    assert FLAG_NIGHT not in automatic_flags(CallRecord(**{**record.__dict__, "consented": True}), [])


# --------------------------------------------------------------------------- missed calls


def missed_series(count: int, number: str = NUMBER, day: int = 23, start_hour: int = 9) -> list[CallRecord]:
    return [missed_call(f"{number}-{day}-{i}", number, at(day, start_hour, i)) for i in range(count)]


def too_many(records: list[CallRecord]) -> list[str]:
    flags = automatic_flags_by_record(records)
    return sorted(record_id for record_id, found in flags.items() if FLAG_TOO_MANY_CALLS in found)


def test_six_missed_calls_are_not_flagged() -> None:
    records = missed_series(6)
    assert too_many(records) == []
    assert all(FLAG_TOO_MANY_CALLS not in automatic_flags(r, records) for r in records)


def test_the_seventh_missed_call_and_later_are_flagged() -> None:
    records = missed_series(9)
    assert too_many(records) == sorted(r.id for r in records[6:])
    assert [FLAG_TOO_MANY_CALLS in automatic_flags(r, records) for r in records] == [False] * 6 + [True] * 3


def test_order_of_the_input_does_not_matter() -> None:
    records = missed_series(7)
    shuffled = records[:]
    random.Random(4).shuffle(shuffled)
    assert too_many(shuffled) == [records[6].id]
    assert FLAG_TOO_MANY_CALLS in automatic_flags(records[6], shuffled)


def test_a_different_number_resets_the_count() -> None:
    records = missed_series(6) + missed_series(1, number="13900000000", start_hour=10)
    assert too_many(records) == []


def test_a_different_day_resets_the_count() -> None:
    records = missed_series(6, day=23) + missed_series(6, day=24)
    assert too_many(records) == []
    # ... and a day boundary is the calendar day on the record's own clock
    late = missed_series(6, day=23, start_hour=18)
    next_morning = missed_call("next", NUMBER, at(24, 8, 0))
    assert FLAG_TOO_MANY_CALLS not in automatic_flags(next_morning, late)


def test_only_missed_calls_count() -> None:
    records = missed_series(6)
    answered = new_record("answered", RecordKind.CALL, at(23, 10, 0), NUMBER)
    sms = new_record("sms", RecordKind.SMS, at(23, 10, 1), NUMBER)
    assert too_many([*records, answered, sms]) == []


def test_the_same_number_written_differently_counts_together() -> None:
    records = missed_series(6)
    seventh = missed_call("seventh", "+86 138-0000-0000", at(23, 11, 0))
    assert FLAG_TOO_MANY_CALLS in automatic_flags(seventh, records)


def test_withheld_numbers_are_never_counted() -> None:
    records = [missed_call(f"w{i}", "", at(23, 9, i)) for i in range(10)]
    assert too_many(records) == []


def test_record_replaces_its_stored_version() -> None:
    """Passing the edited record with the stored history must not count it twice."""
    records = missed_series(6)
    edited = records[5]
    assert FLAG_TOO_MANY_CALLS not in automatic_flags(edited, records)


def test_normalize_number() -> None:
    assert normalize_number("+86 138-0000-0000") == NUMBER
    assert normalize_number("0086 13800000000") == NUMBER
    assert normalize_number("１３８００００００００") == NUMBER
    assert normalize_number("+86 21 1234 5678") == normalize_number("(021) 1234-5678") == "02112345678"
    assert normalize_number("95188") == "95188"
    assert normalize_number("未知") == ""


# --------------------------------------------------------------------------- red flag table


def test_red_flags_cite_existing_facts_and_two_are_automatic() -> None:
    fact_keys = {fact.key for fact in FACTS}
    for flag in RED_FLAGS:
        assert set(flag.fact_keys) <= fact_keys
        assert flag.fact_keys or flag.warning, flag.key
    assert {flag.key for flag in RED_FLAGS if flag.automatic} == {FLAG_NIGHT, FLAG_TOO_MANY_CALLS}
    keys = [flag.key for flag in RED_FLAGS]
    assert len(keys) == len(set(keys))
    for required in ("no_institution", "threats", "third_parties", "impersonation", "personal_account", "new_loan"):
        assert required in keys
    assert calls.red_flag("night_contact").fact_keys == ("no_night_collection",)
    assert calls.red_flag("too_many_calls").fact_keys == ("max_six_unanswered_calls",)


def test_checklists_have_stable_unique_keys() -> None:
    assert CHECKLIST_KEYS == (
        "stayed_calm",
        "asked_identity",
        "confirmed_debt",
        "kept_private",
        "asked_written_notice",
        "agreed_next_step",
    )
    assert len({item.key for item in PREP_CHECKLIST}) == len(PREP_CHECKLIST)
    assert all(item.label and item.hint for item in PREP_CHECKLIST)


def test_toggles_validate_keys() -> None:
    record = new_record("r", RecordKind.CALL, at(23, 10))
    record = record.toggled_check("stayed_calm").toggled_flag("threats")
    assert record.checklist == {"stayed_calm"} and record.manual_flags == {"threats"}
    assert record.toggled_check("stayed_calm").checklist == frozenset()
    with pytest.raises(KeyError):
        record.toggled_check("nope")
    with pytest.raises(KeyError):
        record.toggled_flag("nope")


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


def test_new_note_offset_prefix_and_sanitising() -> None:
    record = new_record("r", RecordKind.CALL, at(23, 10, 0))
    note = new_note("n", record, "他：\x1b[2J不还就上门", at(23, 10, 2, 5))
    assert (note.kind, note.offset_seconds, note.text) == (NoteKind.THEY_SAID, 125, "␛[2J不还就上门")
    assert format_offset(note.offset_seconds) == "+02:05"
    assert format_offset(3725) == "+1:02:05"
    # the cycle-key kind applies when no prefix is typed; a typed prefix wins
    assert new_note("n", record, "记下来", at(23, 10, 1), NoteKind.I_SAID).kind is NoteKind.I_SAID
    assert new_note("n", record, "他：说的", at(23, 10, 1), NoteKind.I_SAID).kind is NoteKind.THEY_SAID
    # a note typed before the record start (clock skew) never gets a negative offset
    assert new_note("n", record, "x", at(23, 9, 59)).offset_seconds == 0


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
    assert change_kind(fixed, NoteKind.PLAIN).amount is None
    assert change_kind(new_note("p", record, "12月5日还2000", at(23, 10, 2)), NoteKind.COMMITMENT).due == date(2026, 12, 5)


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


# --------------------------------------------------------------------------- summary


def test_summarize_collects_everything() -> None:
    record = new_record("r", RecordKind.CALL, at(23, 22, 10), NUMBER)
    identity = (
        record.identity.with_value("caller_name", "张三")
        .with_value("institution", "某资产管理公司")
        .with_status("institution", IdentityStatus.VERIFIED, "95188")
        .with_status("staff_id", IdentityStatus.ASKED)
    )
    record = record.with_identity(identity).toggled_flag("threats").toggled_check("stayed_calm")
    notes = [
        new_note("n1", record, "诺：12月5日还2000", at(23, 22, 12)),
        new_note("n2", record, "？书面通知什么时候发", at(23, 22, 13)),
        new_note("other", new_record("x", RecordKind.CALL, at(23, 9)), "他：别的", at(23, 9, 1)),
    ]
    record = record.with_summary(next_step="等书面通知", text="对方态度很差")
    ongoing = summarize(record, notes, at(23, 22, 15))
    assert (ongoing.duration_seconds, ongoing.ongoing) == (300, True)
    done = summarize(record.ended(at(23, 22, 20, 30)), notes, at(24, 9))
    assert (done.duration_seconds, done.ongoing) == (630, False)
    assert done.identity_verified is True
    assert done.verified_fields == ("institution",)
    assert done.unverified_fields == ("caller_name",)
    assert set(done.missing_fields) == set(IDENTITY_KEYS) - {"institution", "caller_name"}
    assert [(f.key, f.automatic, f.manual) for f in done.flags] == [("night_contact", True, False), ("threats", False, True)]
    assert done.flags[0].flag.fact_keys == ("no_night_collection",)
    assert [(c.note_id, c.due, c.amount) for c in done.commitments] == [("n1", date(2026, 12, 5), Decimal("2000.00"))]
    assert done.follow_ups == ("书面通知什么时候发",)
    assert done.checklist_done == ("stayed_calm",) and "agreed_next_step" in done.checklist_open
    assert (done.next_step, done.text, done.text_edited, done.note_count) == ("等书面通知", "对方态度很差", True, 2)
    assert Summary.from_dict(json.loads(json.dumps(done.to_dict()))) == done


def test_missed_call_has_no_duration_and_unverified_identity() -> None:
    record = missed_call("m", NUMBER, at(23, 10))
    summary = summarize(record, [], at(23, 12))
    assert (summary.duration_seconds, summary.ongoing, summary.identity_verified) == (0, False, False)
    assert summary.text_edited is False and summary.text == ""


# --------------------------------------------------------------------------- storage


def full_record() -> CallRecord:
    record = new_record("r1", RecordKind.VISIT, at(23, 22, 5), "+86 138 0000 0000")
    identity = record.identity.with_value("claimed_amount", "¥20,000").with_status(
        "claimed_amount", IdentityStatus.VERIFIED, "借呗页面"
    )
    record = record.with_identity(identity).toggled_check("kept_private").toggled_flag("visit_single_staff")
    record = record.with_commitment_status("n1", CommitmentStatus.DROPPED)
    return record.with_summary(next_step="打95188核实", text="两行\n摘要").ended(at(23, 22, 40))


def test_record_round_trip_through_json() -> None:
    record = full_record()
    data = json.loads(json.dumps(record.to_dict()))
    assert data["started_at"] == "2026-11-23T22:05:00+08:00"
    assert CallRecord.from_dict(data) == record
    minimal = missed_call("m", NUMBER, at(23, 9))
    assert CallRecord.from_dict(json.loads(json.dumps(minimal.to_dict()))) == minimal


def test_record_from_dict_keeps_unknown_keys_and_tolerates_missing_optional_fields() -> None:
    data = {"id": "x", "kind": "sms", "started_at": "2026-11-23T10:00:00+08:00", "manual_flags": ["future_flag"]}
    record = CallRecord.from_dict(data)
    assert record.manual_flags == {"future_flag"} and record.number == "" and record.ended_at is None
    assert summarize(record, [], at(23, 11)).flags == ()  # unknown keys are not shown as flags


def test_note_round_trip_through_json() -> None:
    record = new_record("r", RecordKind.CALL, at(23, 10, 0))
    note = correct(new_note("n", record, "诺：12月5日还2000", at(23, 10, 1)), "12月5日还2500.50元", at(23, 10, 3))
    data = json.loads(json.dumps(note.to_dict()))
    assert data["amount"] == "2500.50" and data["due"] == "2026-12-05"
    assert Note.from_dict(data) == note


@given(st.text(), st.integers(min_value=0, max_value=10**6), st.sampled_from(list(NoteKind)))
@settings(max_examples=100, deadline=None)
def test_any_note_round_trips(text: str, seconds: int, kind: NoteKind) -> None:
    record = new_record("r", RecordKind.CALL, at(23, 10, 0))
    note = new_note("n", record, text, record.started_at + timedelta(seconds=seconds), kind)
    note = correct(note, text[::-1], note.at + timedelta(seconds=1))
    assert Note.from_dict(json.loads(json.dumps(note.to_dict()))) == note


# --------------------------------------------------------------------------- identity


def test_identity_value_and_status_rules() -> None:
    identity = calls.Identity()
    given_ = identity.with_value("staff_id", " A123 ")
    assert given_.staff_id == calls.IdentityEntry(IdentityStatus.GIVEN, "A123")
    verified = given_.with_status("staff_id", IdentityStatus.VERIFIED, "95188")
    assert verified.staff_id.channel == "95188"
    assert verified.with_value("staff_id", "A123") == verified  # same value keeps verification
    assert verified.with_value("staff_id", "A124").staff_id.status is IdentityStatus.GIVEN
    assert verified.with_value("staff_id", "").staff_id == calls.IdentityEntry(IdentityStatus.ASKED)
    assert calls.next_identity_status(IdentityStatus.VERIFIED) is IdentityStatus.NOT_ASKED
    with pytest.raises(KeyError):
        identity.get("password")


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
    assert ids(filter_records(history, flag=FLAG_NIGHT)) == ["b"]  # automatic
    assert ids(filter_records(history, flag="threats")) == ["c"]  # manual
    assert ids(filter_records(history, kind=RecordKind.SMS, number=NUMBER)) == ["c"]
    assert ids(filter_records(history, institution="")) == []
