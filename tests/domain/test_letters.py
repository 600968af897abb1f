"""Letters filled from the user's own records: the complaint to 12378 and the request to the lender."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from jiebei_tui.domain.calls import (
    CallRecord,
    Letter,
    LetterFacts,
    LetterKind,
    NoteKind,
    RecordKind,
    compose,
    letter_markdown,
    letter_text,
    missed_call,
    new_note,
    new_record,
)
from jiebei_tui.domain.facts import fact
from jiebei_tui.domain.instants import BEIJING

UTC = timezone.utc
NOW = datetime(2026, 12, 2, 2, 0, tzinfo=UTC)  # 10:00 in Beijing


def utc(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=UTC)


def english(text: str) -> str:
    return text


def night_call() -> CallRecord:
    """Beijing 22:30 on 1 December, stored by a server on UTC as 14:30Z."""
    record = new_record("night", RecordKind.CALL, utc(1, 14, 30), "+86 138 0013 8000")
    identity = record.identity.with_value("institution", "某资产管理公司").with_value("caller_name", "王经理")
    return record.with_identity(identity).ended(utc(1, 14, 41))


def afternoon_call() -> CallRecord:
    """Beijing 15:00: nothing improper about its time."""
    return new_record("day", RecordKind.CALL, utc(1, 7, 0), "13900000000").ended(utc(1, 7, 5))


def facts(records: list[CallRecord], notes: list = (), history: list[CallRecord] | None = None, zone=BEIJING) -> LetterFacts:  # type: ignore[assignment]
    return LetterFacts(records, list(notes), history if history is not None else records, zone, NOW)


def test_the_complaint_lists_each_flagged_contact_on_the_users_clock_with_its_rule_and_source() -> None:
    night, day = night_call(), afternoon_call()
    marked = new_note("n1", night, "!说要去我单位找我", utc(1, 14, 35))
    title, body = compose(
        LetterKind.COMPLAINT, facts([night, day], [marked]), english, lender="重庆蚂蚁消费金融有限公司", sender="李四", contact="13700000000"
    )
    assert title == "Complaint about improper debt collection"
    assert "To: NFRA consumer complaint line (12378)" in body
    assert "From: 李四, 13700000000" in body
    assert "Date: 2026-12-02" in body  # the user's day, not the server's
    assert "all times are in Beijing time (UTC+08:00)" in body
    assert "1. 2026-12-01 22:30–22:41, Call from +86 138 0013 8000" in body
    assert "The caller said they were: 某资产管理公司, 王经理" in body
    assert "What happened: 说要去我单位找我" in body
    night_rule = fact("no_night_collection")
    assert f"Rule: {night_rule.statement} ({night_rule.source})" in body
    assert "13900000000" not in body  # the 15:00 call raised no flag: it is not complained about
    assert "重庆蚂蚁消费金融有限公司" in body
    assert "Please look into the contacts above." in body


def test_the_complaint_counts_a_days_attempts_to_my_phone_across_numbers() -> None:
    missed = [missed_call(f"m{i}", f"1380000000{i}", utc(1, 1 + i)) for i in range(7)]
    _title, body = compose(LetterKind.COMPLAINT, facts(missed), english, lender="", sender="", contact="")
    assert "2026-12-01: 7 unanswered call attempts to my phone" in body
    assert "between 09:00 and 15:00" in body
    rule = fact("max_six_unanswered_calls")
    assert rule.statement in body and "should not" in rule.statement
    assert body.count("unanswered call attempts") == 1  # one day, one item: not seven stories
    assert "the lender" in body  # no lender given: a neutral word, never an invented name


def test_changing_the_zone_rewrites_the_complaint() -> None:
    night = night_call()
    _title, beijing = compose(LetterKind.COMPLAINT, facts([night]), english, lender="", sender="", contact="")
    _title, on_utc = compose(LetterKind.COMPLAINT, facts([night], zone=UTC), english, lender="", sender="", contact="")
    assert "22:30" in beijing
    assert "14:30" not in on_utc and "None of the selected contacts carries a red flag" in on_utc


def test_the_request_asks_for_hours_channels_no_third_parties_and_writing_citing_the_rules() -> None:
    _title, body = compose(LetterKind.REQUEST, facts([night_call()]), english, lender="某银行", sender="", contact="")
    assert body.startswith("To: 某银行")
    third = fact("no_third_parties")
    assert f"{third.statement} ({third.source})" in body
    assert "Do not contact my family, colleagues or any other third party" in body
    assert "Confirm in writing" in body
    assert "- 2026-12-01 22:30–22:41, Call from +86 138 0013 8000: Contact between 22:00 and 08:00" in body


def test_letters_promise_nothing_and_are_translated() -> None:
    from jiebei_tui.i18n import _, set_language

    set_language("zh-Hans")
    zh = _
    for kind in LetterKind:
        title, body = compose(kind, facts([night_call()]), zh, lender="", sender="", contact="")
        assert "Rule:" not in body and "From:" not in body  # no English left in a Chinese letter
        for promise in ("保证", "一定会", "肯定"):
            assert promise not in title + body


def test_a_letter_round_trips_and_its_edits_are_kept_with_their_time() -> None:
    letter = Letter("l1", LetterKind.REQUEST, ("night",), NOW, NOW, "Title", "Body")
    edited = letter.edited(NOW + timedelta(minutes=5), title="标题", body="第一行\n第二行\x1b[31m", lender="L", sender="S", contact="C")
    assert edited.updated_at == NOW + timedelta(minutes=5) and edited.created_at == NOW
    assert edited.body == "第一行\n第二行\x1b[31m"  # stored as typed: the writers make it inert
    assert "\x1b" not in letter_text(edited) and "\x1b" not in letter_markdown(edited, english)
    assert Letter.from_dict({**edited.to_dict(), "id": "l1"}) == edited


def test_markdown_keeps_the_letters_lines_and_plain_text_is_ready_to_paste() -> None:
    body = "# not a heading\n1. first ask\n2. second ask\n   Rule: 5000.00 on 2026-12-01\n\nThanks | bye"
    letter = Letter("l1", LetterKind.COMPLAINT, (), NOW, NOW, "My *letter*", body)
    markdown = letter_markdown(letter, english)
    assert markdown.startswith("# My \\*letter\\*\n")
    assert "\\# not a heading" in markdown
    assert "1. first ask  \n2. second ask  \n   Rule: 5000.00 on 2026-12-01\n\nThanks \\| bye" in markdown
    assert letter_text(letter) == f"My *letter*\n\n{body}\n"


def test_the_letters_record_kind_note_is_only_for_red_flag_lines() -> None:
    night = night_call()
    said = new_note("n2", night, "他:我是王经理", utc(1, 14, 31))
    assert said.kind is NoteKind.THEY_SAID
    _title, body = compose(LetterKind.COMPLAINT, facts([night], [said]), english, lender="", sender="", contact="")
    assert "我是王经理" not in body  # what happened is what the user marked, not every line
