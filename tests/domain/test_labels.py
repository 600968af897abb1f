"""Enums that carry their labels, and messages with English plurals."""

from __future__ import annotations

import json

import pytest

from jiebei_tui import i18n
from jiebei_tui.domain.calls import CommitmentStatus, IdentityStatus, NoteKind, RecordKind
from jiebei_tui.domain.labels import LabelledEnum, Message
from jiebei_tui.domain.selfcheck import DebtKind, Direction, EssentialCategory, RepaymentMethod
from jiebei_tui.i18n import N_

# What the files on disk hold: changing one of these would make saved data unreadable.
STORED = {
    RecordKind: ["call", "sms", "visit", "missed"],
    CommitmentStatus: ["open", "done", "dropped"],
    NoteKind: ["plain", "they_said", "i_said", "commitment", "follow_up", "red_flag"],
    IdentityStatus: ["not_asked", "asked", "given", "verified"],
    DebtKind: ["jiebei", "huabei", "credit_card", "online_loan", "family_friends", "other"],
    RepaymentMethod: ["equal_installment", "equal_principal", "interest_first", "lump_sum", "other"],
    EssentialCategory: ["rent", "food", "utilities", "transport", "medical", "family_support", "other"],
    Direction: ["better", "worse", "same"],
}


@pytest.mark.parametrize("enum", list(STORED), ids=lambda enum: enum.__name__)
def test_stored_values_stay_and_every_member_has_a_label(enum: type[LabelledEnum]) -> None:
    assert [member.value for member in enum] == STORED[enum]
    for member in enum:
        assert enum(member.value) is member
        assert member == member.value and json.dumps(member) == json.dumps(member.value)
        assert member.label
    assert len({member.label for member in enum}) == len(enum)


def test_labels_are_translated_where_shown() -> None:
    assert i18n._(RecordKind.VISIT.label) == "上门"
    i18n.set_language("en")
    assert i18n._(RecordKind.VISIT.label) == "Home visit"


def test_a_member_without_a_label_is_refused_when_the_enum_is_defined() -> None:
    with pytest.raises(ValueError, match="needs a label"):

        class Broken(LabelledEnum):
            ONE = "one", ""


PAIR = ("{days} day overdue", "{days} days overdue")


@pytest.mark.parametrize(("count", "english"), [(0, "0 days overdue"), (1, "1 day overdue"), (2, "2 days overdue")])
def test_a_counted_message_picks_its_english_form(count: int, english: str) -> None:
    message = Message.counted(PAIR, count, {"days": str(count)})
    assert message.english() == english
    i18n.set_language("en")
    assert message.text() == english


def test_a_plain_message_fills_its_parameters() -> None:
    message = Message(N_("{rate} a day"), {"rate": "0.05%"})
    assert message.english() == "0.05% a day"
    assert message.text() == "每天 0.05%"
    assert Message("×{multiplier}").english() == "×{multiplier}"  # no params: the text as it is
