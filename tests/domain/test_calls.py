"""Collection-call records: the automatic red flags (night, too many calls), the flag table, checklists, identity."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

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
    automatic_flags,
    automatic_flags_by_record,
    missed_call,
    new_record,
)
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
