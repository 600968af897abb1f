"""The Markdown evidence report: rules with sources, safe user text, selection."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jiebei_tui.domain.calls import (
    CallRecord,
    IdentityStatus,
    NoteKind,
    RecordKind,
    change_kind,
    correct,
    missed_call,
    new_note,
    new_record,
)
from jiebei_tui.domain.calls.evidence import evidence_report, select_records_for
from jiebei_tui.domain.facts import COMPLAINT_CHANNELS, fact
from jiebei_tui.domain.instants import BEIJING

CST = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 24, 9, 0, tzinfo=CST)
NUMBER = "13800000000"


def at(day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, second, tzinfo=CST)


def night_call() -> CallRecord:
    record = new_record("r1", RecordKind.CALL, at(23, 22, 5), NUMBER)
    identity = (
        record.identity.with_value("caller_name", "王经理")
        .with_value("staff_id", "A1234")
        .with_value("institution", "某资产管理公司")
        .with_status("institution", IdentityStatus.VERIFIED, "95188")
    )
    return record.with_identity(identity).toggled_flag("threats").ended(at(23, 22, 17, 30))


def split_cells(row: str) -> list[str]:
    """Split a Markdown table row on unescaped pipes (a backslash escapes the next character)."""
    cells, current, index = [], "", 0
    while index < len(row):
        char = row[index]
        if char == "\\" and index + 1 < len(row):
            current += row[index : index + 2]
            index += 2
            continue
        if char == "|":
            cells.append(current)
            current = ""
        else:
            current += char
        index += 1
    cells.append(current)
    return cells[1:-1]


def assert_structure_intact(report: str, expected_headings: int | None = None) -> None:
    """Every table row has its header's column count; headings are only the ones we wrote."""
    lines = report.split("\n")
    columns = None
    for line in lines:
        if line.startswith("|"):
            count = len(split_cells(line))
            if columns is None:
                columns = count
            assert count == columns, line
        else:
            columns = None
    if expected_headings is not None:
        assert sum(1 for line in lines if line.startswith("#")) == expected_headings


def test_flags_come_with_their_rule_and_source() -> None:
    report = evidence_report([night_call()], [], now=NOW, zone=BEIJING)
    for key in ("no_night_collection", "banned_conduct", "cfc_no_harassment"):
        assert fact(key).statement in report
        assert fact(key).source in report
    assert "Contact between 22:00 and 08:00 without my consent** (found from the logged times)" in report
    assert "Threats, insults or violence** (marked by me)" in report


def test_flag_without_a_rule_shows_its_warning_not_a_rule() -> None:
    record = night_call().toggled_flag("personal_account")
    section = evidence_report([record], [], now=NOW, zone=BEIJING).split("Demanded payment into a personal account")[1]
    assert section.split("\n")[1].startswith("  - Note: There is no rule to cite here")


def test_report_has_identity_timeline_commitments_summary_and_complaints() -> None:
    record = night_call().with_summary(next_step="等书面通知", text="态度很差")
    notes = [
        new_note("n1", record, "他：不还就找你单位", at(23, 22, 6, 15)),
        correct(new_note("n2", record, "诺：12月5日还2000", at(23, 22, 8)), "12月5日还2500", at(23, 22, 9)),
    ]
    report = evidence_report([record], notes, now=NOW, zone=BEIJING)
    assert "| Calling for | verified through an official channel | 某资产管理公司 | 95188 |" in report
    assert "All times are in Beijing time (UTC+08:00)." in report
    assert "| 2026-11-23 22:06:15 | +01:15 | They said | 不还就找你单位 |" in report
    # the original stays, the correction follows it with its time
    assert "| 2026-11-23 22:08:00 | +03:00 | Commitment | 12月5日还2000 |" in report
    assert "| 2026-11-23 22:09:00 | +04:00 | Correction | the line of 2026-11-23 22:08:00 now reads: 12月5日还2500 |" in report
    assert "<br>" not in report
    assert "| 2026-12-05 | ¥2,500.00 | 12月5日还2500 | open |" in report
    assert "- Duration: 12:30" in report
    assert "- Next step: 等书面通知" in report and "> 态度很差" in report
    tail = report.split("## Where to complain")[1]
    for channel in COMPLAINT_CHANNELS:
        assert f"**{channel.number}**" in tail
    for number in ("12378", "12363", "95188", "110"):
        assert f"**{number}**" in tail
    assert_structure_intact(report)


def test_user_text_cannot_break_the_markdown() -> None:
    record = new_record("r1", RecordKind.CALL, at(23, 10), "# 138 | 0000\n## x")
    record = record.with_identity(record.identity.with_value("caller_name", "张 | 三\n# 王"))
    record = record.with_summary(next_step="- 列表 | 竖线", text="# 标题\n| a | b |\n1. 列表")
    notes = [
        new_note("n1", record, "他：# 大标题 | 假列 | 再一列\n## 第二行\n---", at(23, 10, 1)),
        new_note("n2", record, "![img](http://x) <script>**粗**</script> `code` [link](u)", at(23, 10, 2)),
    ]
    report = evidence_report([record], notes, now=NOW, zone=BEIJING)
    assert "\\# 大标题 \\| 假列 \\| 再一列 / \\## 第二行 / \\---" in report
    assert re.search(r"(?<!\\)<script>", report) is None and "\\<script>" in report
    assert "张 \\| 三 / \\# 王" in report
    assert "\n# 标题" not in report and "\n#  大标题" not in report
    # title, the record heading with its sections, complaints: nothing typed adds a heading
    headings = 1 + 1 + 6 + 1
    assert_structure_intact(report, expected_headings=headings)


def test_no_escape_character_reaches_the_report() -> None:
    record = new_record("r1", RecordKind.CALL, at(23, 10), "138\x1b[2J")
    record = record.with_identity(record.identity.with_value("institution", "\x1b]52;c;ZXZpbA==\x07银行"))
    notes = [new_note("n1", record, "他：\x1b[31m红色\x1b[0m\u202e0002\x9b", at(23, 10, 1))]
    report = evidence_report([record], notes, now=NOW, zone=BEIJING)
    assert "\x1b" not in report and "\x07" not in report and "\x9b" not in report and "\u202e" not in report
    assert "␛" in report


CONTROL_HEAVY = st.text(
    alphabet=st.sampled_from("\x1b\x07\x9b\x00\r\n\t\u202e\u2028|#*_`[]<>-+=.1 他说：还款")
    | st.characters(codec="utf-8"),
    max_size=40,
)


@settings(max_examples=60, deadline=None)
@given(CONTROL_HEAVY, CONTROL_HEAVY, CONTROL_HEAVY, CONTROL_HEAVY)
def test_any_user_text_stays_inert(note_text: str, number: str, name: str, summary: str) -> None:
    record = new_record("r1", RecordKind.CALL, at(23, 10), number)
    record = record.with_identity(record.identity.with_value("caller_name", name)).with_summary(
        next_step=summary, text=summary
    )
    notes = [new_note("n1", record, note_text, at(23, 10, 1)), new_note("n2", record, "诺：" + note_text, at(23, 10, 2))]
    report = evidence_report([record], notes, now=NOW, zone=BEIJING)
    for char in report:
        assert char == "\n" or unicodedata.category(char) not in ("Cc", "Cs", "Zl", "Zp"), repr(char)
    assert "\u202e" not in report
    assert_structure_intact(report, expected_headings=1 + 1 + 6 + 1)


def test_translate_is_applied_to_fixed_text_only() -> None:
    catalog = {"Timeline": "时间线", "Red flags": "危险信号", "Rule": "规则", "They said": "对方说"}
    record = night_call()
    notes = [new_note("n1", record, "他：Timeline", at(23, 22, 6))]
    report = evidence_report([record], notes, lambda s: catalog.get(s, s), now=NOW, zone=BEIJING)
    assert "### 时间线" in report and "### 危险信号" in report and "- 规则: " in report
    assert "| 对方说 | Timeline |" in report  # user text is never translated


def test_ongoing_call_shows_time_so_far() -> None:
    record = new_record("r1", RecordKind.CALL, at(24, 8, 50), NUMBER)
    report = evidence_report([record], [], now=NOW, zone=BEIJING)
    assert "- Ended: still ongoing at 2026-11-24 09:00:00" in report
    assert "- Duration: 10:00" in report


def test_missed_calls_in_one_table_with_the_seventh_flagged() -> None:
    missed = [missed_call(f"m{i}", NUMBER, at(23, 9, i)) for i in range(7)]
    report = evidence_report(missed, [], now=NOW, zone=BEIJING)
    rows = [line for line in report.split("\n") if line.startswith("| 2026-11-23 09:")]
    assert len(rows) == 7
    assert all("More than six" not in row for row in rows[:6])
    assert "More than six unanswered attempts to my phone in one day (should not exceed six)" in rows[6]
    assert "| 2026-11-23 | **7** (more than six) | not said 7 |" in report
    assert fact("max_six_unanswered_calls").statement in report
    assert_structure_intact(report)


def test_selection_keeps_the_history_as_context() -> None:
    missed = [missed_call(f"m{i}", NUMBER, at(23, 9, i)) for i in range(7)]
    alone = evidence_report([missed[6]], [], now=NOW, zone=BEIJING)
    with_context = evidence_report([missed[6]], [], now=NOW, zone=BEIJING, context=missed)
    assert "More than six" not in alone
    assert "More than six" in with_context


def test_select_records_for_number_or_collector() -> None:
    call = night_call()  # number 138…, collector 王经理 / A1234
    sms = new_record("s", RecordKind.SMS, at(22, 10), "+86 138 0000 0000")
    other = new_record("o", RecordKind.CALL, at(22, 11), "021-5555")
    other = other.with_identity(other.identity.with_value("staff_id", "a1234"))
    stranger = new_record("x", RecordKind.CALL, at(22, 12), "95555")
    history = [call, sms, other, stranger]
    ids = lambda found: [record.id for record in found]  # noqa: E731
    assert ids(select_records_for(history, number="13800000000")) == ["s", "r1"]
    assert ids(select_records_for(history, collector="A1234")) == ["o", "r1"]
    assert ids(select_records_for(history, collector="王经理", number="021 5555")) == ["o", "r1"]
    with pytest.raises(ValueError):
        select_records_for(history)


def test_empty_selection_still_lists_where_to_complain() -> None:
    report = evidence_report([], [], now=NOW, zone=BEIJING)
    assert "No contacts selected." in report and "**12378**" in report
    assert re.search(r"^## ", report, re.M)


def test_a_kind_correction_is_listed_after_the_original() -> None:
    record = night_call()
    note = new_note("n1", record, "他：我来自法院", at(23, 22, 6))
    refiled = change_kind(note, NoteKind.I_SAID, at(23, 22, 7))
    report = evidence_report([record], [refiled], now=NOW, zone=BEIJING)
    assert "| 2026-11-23 22:06:00 | +01:00 | They said | 我来自法院 |" in report  # as typed
    assert "| 2026-11-23 22:07:00 | +02:00 | Correction | the line of 2026-11-23 22:06:00 was re-filed: They said → I said |" in report
    assert "i_said" not in report and "they_said" not in report


def test_lines_marked_with_an_exclamation_mark_are_in_the_flags_section() -> None:
    record = new_record("r1", RecordKind.CALL, at(23, 15, 0), NUMBER)
    notes = [new_note("n1", record, "！说要去我单位闹", at(23, 15, 2)), new_note("n2", record, "他：今天还", at(23, 15, 3))]
    report = evidence_report([record], notes, now=NOW, zone=BEIJING)
    flags = report.split("### Red flags")[1].split("###")[0]
    assert "- **Lines I marked with !** (marked by me)" in flags
    assert "  - 2026-11-23 15:02:00: 说要去我单位闹" in flags
    assert "None logged." not in flags and "今天还" not in flags


def test_times_are_shown_on_the_users_clock_whatever_they_were_stored_with() -> None:
    stored_in_utc = new_record("u", RecordKind.CALL, datetime(2026, 12, 1, 14, 30, tzinfo=timezone.utc), NUMBER)
    report = evidence_report([stored_in_utc], [], now=NOW, zone=BEIJING)
    assert "## 1. Call · 2026-12-01 22:30:00 · 13800000000" in report
    assert "Contact between 22:00 and 08:00 without my consent** (found from the logged times)" in report
    in_utc = evidence_report([stored_in_utc], [], now=NOW, zone=timezone.utc)
    assert "All times are in UTC." in in_utc and "## 1. Call · 2026-12-01 14:30:00" in in_utc
    assert "found from the logged times" not in in_utc
