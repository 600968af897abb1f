"""Collection-call records: the automatic red flags (night, too many calls), the flag table, checklists, identity."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

import pytest

from jiebei_tui.domain import calls
from jiebei_tui.domain.calls import (
    CHECKLIST_KEYS,
    FLAG_NIGHT,
    FLAG_TOO_MANY_CALLS,
    PREP_CHECKLIST,
    RED_FLAGS,
    CallRecord,
    IdentityStatus,
    RecordKind,
    attempts_per_day,
    automatic_flags,
    automatic_flags_by_record,
    missed_call,
    new_record,
)
from jiebei_tui.domain.facts import FACTS
from jiebei_tui.domain.instants import BEIJING
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
    assert (FLAG_NIGHT in automatic_flags(record, [], BEIJING)) is flagged


@pytest.mark.parametrize("kind", list(RecordKind))
def test_night_rule_covers_every_kind(kind: RecordKind) -> None:
    record = new_record("r", kind, at(23, 22, 0), NUMBER)
    assert FLAG_NIGHT in automatic_flags(record, [], BEIJING)


def test_a_utc_server_judges_beijing_hours() -> None:
    """Logged on a server on UTC: stamped +00:00, judged on the user's Beijing clock.

    Hand-checked: 14:30Z is 22:30 in Beijing (night); 07:00Z is 15:00 (day); 00:30Z is 08:30 (day).
    Judged on the stored UTC clock instead, the first would pass and the other two be flagged falsely.
    """
    utc = timezone.utc
    late = new_record("late", RecordKind.CALL, datetime(2026, 12, 1, 14, 30, tzinfo=utc), NUMBER)
    afternoon = new_record("afternoon", RecordKind.CALL, datetime(2026, 12, 1, 7, 0, tzinfo=utc), NUMBER)
    morning = new_record("morning", RecordKind.CALL, datetime(2026, 12, 1, 0, 30, tzinfo=utc), NUMBER)
    assert FLAG_NIGHT in automatic_flags(late, [], BEIJING)
    assert FLAG_NIGHT not in automatic_flags(afternoon, [], BEIJING)
    assert FLAG_NIGHT not in automatic_flags(morning, [], BEIJING)


def test_changing_the_zone_judges_every_record_again() -> None:
    """The same stored instants, read on two clocks: nothing stored changes, the verdicts do."""
    history = [
        new_record("a", RecordKind.CALL, at(23, 22, 30), NUMBER),  # 14:30Z
        new_record("b", RecordKind.CALL, at(24, 7, 0), NUMBER),  # 23:00Z
        new_record("c", RecordKind.CALL, at(24, 15, 0), NUMBER),  # 07:00Z
    ]
    night = {r: FLAG_NIGHT in found for r, found in automatic_flags_by_record(history, BEIJING).items()}
    assert night == {"a": True, "b": True, "c": False}
    in_utc = {r: FLAG_NIGHT in found for r, found in automatic_flags_by_record(history, timezone.utc).items()}
    assert in_utc == {"a": False, "b": True, "c": True}
    berlin = ZoneInfo("Europe/Berlin")  # UTC+1 in November: 15:30, 00:00, 08:00
    in_berlin = {r: FLAG_NIGHT in found for r, found in automatic_flags_by_record(history, berlin).items()}
    assert in_berlin == {"a": False, "b": True, "c": False}


def test_a_contact_that_goes_past_22_is_judged_by_its_whole_span() -> None:
    visit = new_record("v", RecordKind.VISIT, at(23, 21, 40), NUMBER)
    assert FLAG_NIGHT not in automatic_flags(visit.ended(at(23, 21, 59)), [], BEIJING)
    assert FLAG_NIGHT not in automatic_flags(visit.ended(at(23, 22, 0)), [], BEIJING)  # ends at 22:00, not past it
    assert FLAG_NIGHT in automatic_flags(visit.ended(at(23, 22, 10)), [], BEIJING)
    assert FLAG_NIGHT in automatic_flags(visit.ended(at(24, 9, 0)), [], BEIJING)  # all night long
    # still going: judged up to now
    assert FLAG_NIGHT not in automatic_flags(visit, [], BEIJING, at(23, 21, 55))
    assert FLAG_NIGHT in automatic_flags(visit, [], BEIJING, at(23, 22, 5))
    # and on the user's clock: 13:40Z to 14:10Z is 21:40 to 22:10 in Beijing
    utc_visit = new_record("u", RecordKind.VISIT, datetime(2026, 11, 23, 13, 40, tzinfo=timezone.utc))
    assert FLAG_NIGHT in automatic_flags(utc_visit.ended(datetime(2026, 11, 23, 14, 10, tzinfo=timezone.utc)), [], BEIJING)


def test_consent_lifts_the_night_flag() -> None:
    record = new_record("r", RecordKind.CALL, at(23, 22, 30), NUMBER)
    assert FLAG_NIGHT not in automatic_flags(CallRecord(**{**record.__dict__, "consented": True}), [], BEIJING)


# --------------------------------------------------------------------------- unanswered attempts


def missed_series(count: int, number: str = NUMBER, day: int = 23, start_hour: int = 9) -> list[CallRecord]:
    return [missed_call(f"{number}-{day}-{i}", number, at(day, start_hour, i)) for i in range(count)]


def too_many(records: list[CallRecord], zone: tzinfo = BEIJING) -> list[str]:
    flags = automatic_flags_by_record(records, zone)
    return sorted(record_id for record_id, found in flags.items() if FLAG_TOO_MANY_CALLS in found)


def test_six_missed_calls_are_not_flagged() -> None:
    records = missed_series(6)
    assert too_many(records) == []
    assert all(FLAG_TOO_MANY_CALLS not in automatic_flags(r, records, BEIJING) for r in records)


def test_the_seventh_missed_call_and_later_are_flagged() -> None:
    records = missed_series(9)
    assert too_many(records) == sorted(r.id for r in records[6:])
    assert [FLAG_TOO_MANY_CALLS in automatic_flags(r, records, BEIJING) for r in records] == [False] * 6 + [True] * 3


def test_order_of_the_input_does_not_matter() -> None:
    records = missed_series(7)
    shuffled = records[:]
    random.Random(4).shuffle(shuffled)
    assert too_many(shuffled) == [records[6].id]
    assert FLAG_TOO_MANY_CALLS in automatic_flags(records[6], shuffled, BEIJING)


def test_seven_attempts_from_seven_numbers_in_one_day_are_flagged() -> None:
    """The guideline counts attempts to the debtor's own phone: rotating the calling number changes nothing."""
    numbers = [f"1390000000{i}" for i in range(7)]
    records = [missed_call(f"m{i}", number, at(23, 9 + i, 0)) for i, number in enumerate(numbers)]
    assert too_many(records) == ["m6"]


def test_a_different_day_resets_the_count() -> None:
    records = missed_series(6, day=23) + missed_series(6, day=24)
    assert too_many(records) == []
    late = missed_series(6, day=23, start_hour=18)
    next_morning = missed_call("next", NUMBER, at(24, 8, 0))
    assert FLAG_TOO_MANY_CALLS not in automatic_flags(next_morning, late, BEIJING)


def test_the_day_is_the_users_day_not_the_servers() -> None:
    """Six attempts at 17:00Z–17:05Z fall on the 23rd on a UTC server but on the 24th (01:00–01:05) in Beijing;
    four at 09:00Z–09:03Z are the 23rd on both clocks. On the server's clock all ten share the 23rd, and
    the 7th to 10th (n2–n5) would be flagged; on the user's clock no day has more than six."""
    utc = timezone.utc
    night = [missed_call(f"n{i}", f"1380000000{i}", datetime(2026, 11, 23, 17, i, tzinfo=utc)) for i in range(6)]
    day = [missed_call(f"d{i}", f"1370000000{i}", datetime(2026, 11, 23, 9, i, tzinfo=utc)) for i in range(4)]
    assert too_many(night + day, BEIJING) == []
    assert too_many(night + day, utc) == ["n2", "n3", "n4", "n5"]


def test_only_missed_calls_count() -> None:
    records = missed_series(6)
    answered = new_record("answered", RecordKind.CALL, at(23, 10, 0), NUMBER)
    sms = new_record("sms", RecordKind.SMS, at(23, 10, 1), NUMBER)
    assert too_many([*records, answered, sms]) == []


def test_withheld_numbers_are_never_counted() -> None:
    records = [missed_call(f"w{i}", "", at(23, 9, i)) for i in range(10)]
    assert too_many(records) == []


def test_record_replaces_its_stored_version() -> None:
    """Passing the edited record with the stored history must not count it twice."""
    records = missed_series(6)
    edited = records[5]
    assert FLAG_TOO_MANY_CALLS not in automatic_flags(edited, records, BEIJING)


def test_attempts_per_day_are_split_by_institution_where_known() -> None:
    """Three numbers: one named 甲公司 in an earlier call, one on the record itself, one never named."""
    earlier = new_record("e", RecordKind.CALL, at(22, 10, 0), "13900000001")
    earlier = earlier.with_identity(earlier.identity.with_value("institution", "甲公司"))
    named = missed_call("x", "13900000002", at(23, 11, 0))
    named = named.with_identity(named.identity.with_value("institution", "乙公司"))
    records = [
        earlier,
        missed_call("a1", "+86 139-0000-0001", at(23, 9, 0)),
        missed_call("a2", "13900000001", at(23, 9, 5)),
        named,
        missed_call("u", "13700000000", at(23, 12, 0)),
        missed_call("h", "", at(23, 13, 0)),  # hidden: not counted
        missed_call("next", "13900000001", at(24, 9, 0)),
    ]
    days = attempts_per_day(records, BEIJING)
    assert [(d.day.day, d.total, d.by_institution, d.unknown, d.over_limit) for d in days] == [
        (23, 4, (("甲公司", 2), ("乙公司", 1)), 1, False),
        (24, 1, (("甲公司", 1),), 0, False),
    ]


@pytest.mark.parametrize(
    "written",
    [
        "13800000000",
        "+86 138-0000-0000",
        "0086 13800000000",
        "１３８００００００００",
        "86 13800000000",
        "86-138-0000-0000",
        "tel:+86-138-0000-0000",
        "+86 (0)138 0000 0000",
        "138 0000 0000 转 1",
        "+86 138 0000 0000 ext. 1",
        "13800000000#1",
    ],
)
def test_every_way_of_writing_a_number_is_the_same_number(written: str) -> None:
    assert normalize_number(written) == NUMBER


def test_normalize_number_landlines_service_numbers_and_others() -> None:
    assert normalize_number("+86 21 1234 5678") == normalize_number("(021) 1234-5678") == "02112345678"
    assert normalize_number("010-12345678 分机 801") == normalize_number("+86 10 1234 5678") == "01012345678"
    assert normalize_number("010-12345678转1") == "01012345678"
    assert normalize_number("95188") == "95188"
    assert normalize_number("+1 415 555 2671") == "+14155552671"
    assert normalize_number("未知") == ""
    assert normalize_number("") == ""


def test_the_same_number_written_differently_is_one_caller_in_searches() -> None:
    record = missed_call("m", "tel:+86-138-0000-0000", at(23, 9, 0))
    assert calls.matches_number(record, "138 0000 0000 转 2")
    assert not calls.matches_number(record, "13900000000")


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
