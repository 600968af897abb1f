"""What a record amounts to (summary), and records and notes through JSON."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from jiebei_tui.domain.calls import (
    IDENTITY_KEYS,
    CallRecord,
    CommitmentStatus,
    IdentityStatus,
    Note,
    NoteKind,
    RecordKind,
    Summary,
    correct,
    missed_call,
    new_note,
    new_record,
    summarize,
)
from jiebei_tui.domain.instants import BEIJING

CST = timezone(timedelta(hours=8))
NUMBER = "13800000000"


def at(day: int, hour: int, minute: int = 0, second: int = 0, tz: timezone = CST) -> datetime:
    return datetime(2026, 11, day, hour, minute, second, tzinfo=tz)


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
    ongoing = summarize(record, notes, at(23, 22, 15), zone=BEIJING)
    assert (ongoing.duration_seconds, ongoing.ongoing) == (300, True)
    done = summarize(record.ended(at(23, 22, 20, 30)), notes, at(24, 9), zone=BEIJING)
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


def test_lines_marked_with_an_exclamation_mark_count_as_flags() -> None:
    record = new_record("r", RecordKind.CALL, at(23, 15, 0), NUMBER).toggled_flag("threats")
    notes = [
        new_note("n1", record, "！说要去我单位", at(23, 15, 1)),
        new_note("n2", record, "! they called my mother", at(23, 15, 2)),
        new_note("n3", record, "他：今天必须还", at(23, 15, 3)),
    ]
    summary = summarize(record, notes, at(23, 16), zone=BEIJING)
    assert [finding.key for finding in summary.flags] == ["threats"]  # 15:00: no automatic flag
    assert summary.marked_lines == ("说要去我单位", "they called my mother")
    assert summary.flag_count == 3


def test_missed_call_has_no_duration_and_unverified_identity() -> None:
    record = missed_call("m", NUMBER, at(23, 10))
    summary = summarize(record, [], at(23, 12), zone=BEIJING)
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
    assert summarize(record, [], at(23, 11), zone=BEIJING).flags == ()  # unknown keys are not shown as flags


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
