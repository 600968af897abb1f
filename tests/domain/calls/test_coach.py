"""The call coach: what it says for each situation, how it reads a line, and what a kept suggestion stores."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import jiebei_tui.domain.calls as calls
from jiebei_tui.domain.calls import (
    COACHED_KINDS,
    COACHING,
    RED_FLAGS_BY_KEY,
    SUGGESTED_NOT_MARKED,
    KeptSuggestion,
    NoteKind,
    RecordKind,
    Situation,
    correct,
    keep_suggestion,
    kept_for,
    mark_suggested_flag,
    new_note,
    new_record,
    recognize,
    recognize_note,
    red_flag,
)
from jiebei_tui.domain.calls.coach import cues, normalize, patterns_zh
from jiebei_tui.domain.calls.coach.normalize import comparable
from jiebei_tui.domain.calls.coach.recognize import MAX_LINE_LENGTH
from jiebei_tui.domain.facts import fact

CST = timezone(timedelta(hours=8))
AT = datetime(2026, 12, 1, 14, 30, tzinfo=CST)


def situations(text: str, kind: NoteKind = NoteKind.THEY_SAID) -> list[Situation]:
    return [suggestion.situation for suggestion in recognize(text, kind)]


# --------------------------------------------------------------------------- what the panel says


@pytest.mark.parametrize("situation", list(Situation), ids=lambda situation: situation.value)
def test_each_situation_says_a_sourced_rule_or_a_caution_and_offers_calm_lines(situation: Situation) -> None:
    coaching = COACHING[situation]
    assert coaching.situation is situation
    for cited in coaching.facts:
        assert cited.statement and cited.source  # only the fact table, always with its source
    assert coaching.facts or coaching.caution, "with no rule to cite, a caution worded as advice"
    assert 2 <= len(coaching.replies) <= 3
    assert len(set(coaching.replies)) == len(coaching.replies)
    assert coaching.follow_up
    assert set(coaching.seeds) <= {"000", "001", "002", "003"}
    if coaching.flag_key is not None:
        flag = red_flag(coaching.flag_key)
        assert not flag.automatic, "an automatic flag is raised by the logged times, not by a key"


def test_the_flags_the_coach_offers() -> None:
    offered = {situation: coaching.flag_key for situation, coaching in COACHING.items()}
    assert offered == {
        Situation.THREATS: "threats",
        Situation.PRIVATE_INFO: None,
        Situation.PERSONAL_ACCOUNT: "personal_account",
        Situation.AUTHORITY_CLAIM: "impersonation",
        Situation.LEGAL_THREAT: "threats",
        Situation.THIRD_PARTIES: "third_parties",
        Situation.NEW_LOAN: "new_loan",
        Situation.VISIT: None,
    }
    assert set(offered.values()) - {None} <= set(RED_FLAGS_BY_KEY)


def test_a_payment_to_a_personal_account_is_a_caution_not_a_rule() -> None:
    """The fact table has no rule about personal accounts: the coach says what the red flag says."""
    coaching = COACHING[Situation.PERSONAL_ACCOUNT]
    assert coaching.facts == ()
    assert coaching.caution == red_flag("personal_account").warning


def test_the_rules_quoted_are_those_the_situation_speaks_to() -> None:
    assert COACHING[Situation.VISIT].facts == (fact("home_visits"), fact("no_night_collection"))
    assert COACHING[Situation.THIRD_PARTIES].facts[0] == fact("no_third_parties")
    assert COACHING[Situation.AUTHORITY_CLAIM].facts == (fact("must_name_institution"),)
    assert fact("banned_conduct") in COACHING[Situation.NEW_LOAN].facts
    assert fact("banned_conduct") in COACHING[Situation.THREATS].facts


# --------------------------------------------------------------------------- reading a line


def test_only_the_collectors_words_and_plain_lines_are_read() -> None:
    assert COACHED_KINDS == {NoteKind.THEY_SAID, NoteKind.PLAIN}
    for kind in NoteKind:
        expected = [Situation.VISIT] if kind in COACHED_KINDS else []
        assert situations("明天上门", kind) == expected


@pytest.mark.parametrize("line", ["我说他们不能上门", "我告诉他我不会借新还旧", "我跟他说别联系我家人", "I told them not to call my boss"])
def test_a_plain_line_in_the_users_own_voice_is_not_the_collector(line: str) -> None:
    assert situations(line, NoteKind.PLAIN) == []


def test_the_same_words_said_by_the_collector_are_read() -> None:
    assert situations("我说了，我们会上门", NoteKind.THEY_SAID) == [Situation.VISIT]


def test_the_cue_is_the_users_own_typing() -> None:
    text = "明天，我們會上門！"
    (suggestion,) = recognize(text)
    assert suggestion.cue == "上門"
    assert text[suggestion.start : suggestion.end] == suggestion.cue
    (spaced,) = recognize("我们 会 上 门")
    assert spaced.cue == "上 门"
    (wide,) = recognize("ＷＥ ＷＩＬＬ ＶＩＳＩＴ ＹＯＵＲ ＨＯＭＥ")
    assert wide.cue == "ＶＩＳＩＴ ＹＯＵＲ ＨＯＭＥ"


def test_control_characters_pasted_into_a_line_do_not_hide_its_words() -> None:
    """Lines are stored as typed, ESC and bidi controls included: the coach reads past them."""
    record = new_record("r", RecordKind.CALL, AT)
    note = new_note("n", record, "他：明天\x1b[31m上\u202e门\x07", AT)
    assert note.text == "明天\x1b[31m上\u202e门\x07"
    (suggestion,) = recognize_note(note)
    assert suggestion.situation is Situation.VISIT
    assert note.text[suggestion.start : suggestion.end] == suggestion.cue == "上\u202e门"


def test_several_situations_come_in_a_fixed_order_once_each() -> None:
    found = situations("我们上门，上门以后我们会找你家人，你这个骗子")
    assert found == [Situation.THREATS, Situation.THIRD_PARTIES, Situation.VISIT]
    assert [s for s in Situation if s in found] == found


def test_a_corrected_note_is_read_as_corrected() -> None:
    record = new_record("r", RecordKind.CALL, AT)
    note = new_note("n", record, "他：明天上门", AT)
    assert [s.situation for s in recognize_note(note)] == [Situation.VISIT]
    assert recognize_note(correct(note, "明天不会上门", AT)) == ()


@pytest.mark.parametrize("text", ["", "   ", "\n", "他："])
def test_nothing_to_read(text: str) -> None:
    assert recognize(text) == ()


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        ("我们不会上门", []),
        ("不还就上门", [Situation.VISIT]),
        ("我们没有起诉您", []),
        ("不得不起诉你了", [Situation.LEGAL_THREAT]),
        ("你是不是要我们上门？", [Situation.VISIT]),
        ("别逼我们上门", [Situation.VISIT]),
        ("我们也不想走到起诉这一步", []),
        ("我们不会上门，但会起诉", [Situation.LEGAL_THREAT]),
        ("上门是不会的", []),
        ("您可以联系您的家人一起商量", []),
        ("联系一下家人，看能不能帮忙", []),
        ("我们会联系你家人帮你还", [Situation.THIRD_PARTIES]),
        ("我们会联系你家人", [Situation.THIRD_PARTIES]),
        ("We will not visit your home.", []),
        ("If you don't pay we will visit your home.", [Situation.VISIT]),
        ("You can contact your family for help.", []),
        ("We will contact your family.", [Situation.THIRD_PARTIES]),
        ("Never share your password.", []),
        ("Share your password with me.", [Situation.PRIVATE_INFO]),
    ],
)
def test_what_the_sentence_means_decides_not_the_words(said: str, meant: list[Situation]) -> None:
    assert situations(said) == meant


def test_a_long_line_is_read_up_to_its_limit() -> None:
    filler = "请问您什么时候方便还款。" * 40
    assert situations(filler[: MAX_LINE_LENGTH - 4] + "明天上门") == [Situation.VISIT]
    assert situations(filler[:MAX_LINE_LENGTH] + "明天上门") == []


# --------------------------------------------------------------------------- the comparable form


def test_comparable_form() -> None:
    line = comparable("他說：明天 上 門！Ｗe  will\u200bvisit")
    assert line.text == "他说:明天上门!we willvisit"
    assert line.span(5, 7) == (6, 9)  # 上门 was typed 上 門, a space between
    assert comparable("We   will").text == "we will"


def _pattern_runs() -> set[str]:
    """The Chinese words of the pattern and cue sources (their Simplified ones: the docstrings quote 上門 too)."""
    sources = Path(patterns_zh.__file__).read_text(encoding="utf-8") + Path(cues.__file__).read_text(encoding="utf-8")
    to_simplified = opencc.OpenCC("t2s")
    return {run for run in re.findall(r"[\u3400-\u9fff]+", sources) if to_simplified.convert(run) == run}


@pytest.mark.parametrize("config", ["s2t", "s2tw", "s2hk"])
def test_every_pattern_word_written_in_traditional_characters_reads_as_simplified(config: str) -> None:
    """normalize's table must cover the Traditional forms of every character the patterns use."""
    converter = opencc.OpenCC(config)
    missing = {
        (run, converted)
        for run in _pattern_runs()
        if comparable(converted := converter.convert(run)).text != run
    }
    assert not missing, sorted(missing)[:20]


def test_the_character_cache_stays_bounded() -> None:
    for code in range(0x4E00, 0x4E00 + normalize._CACHE_LIMIT + 100):
        comparable(chr(code))
    assert len(normalize._CHAR_CACHE) <= normalize._CACHE_LIMIT


# --------------------------------------------------------------------------- any text at all

_TABLE_CHARS = "".join(sorted(set("上门們联系家人起诉法院公安个人账户借新还旧验证码骗子你您我们不会没有，。！？：visit your home call court")))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.text(alphabet=_TABLE_CHARS + " 他：t:")))
def test_recognition_never_raises_and_always_gives_the_same_answer(text: str) -> None:
    for kind in NoteKind:
        first = recognize(text, kind)
        assert recognize(text, kind) == first
        assert len({suggestion.situation for suggestion in first}) == len(first)
        for suggestion in first:
            assert 0 <= suggestion.start < suggestion.end <= len(text)
            assert text[suggestion.start : suggestion.end] == suggestion.cue


# --------------------------------------------------------------------------- keeping a suggestion


def _note_and_suggestion() -> tuple[calls.Note, calls.Suggestion]:
    record = new_record("r1", RecordKind.CALL, AT)
    note = new_note("n1", record, "他：再不还就联系你家人", AT)
    (suggestion,) = recognize_note(note)
    return note, suggestion


def test_a_kept_suggestion_round_trips() -> None:
    note, suggestion = _note_and_suggestion()
    kept = keep_suggestion(note, suggestion, AT + timedelta(seconds=5))
    assert (kept.record_id, kept.note_id, kept.situation, kept.cue) == ("r1", "n1", Situation.THIRD_PARTIES, "联系你家人")
    assert KeptSuggestion.from_dict(kept.to_dict()) == kept
    assert kept.to_dict()["situation"] == "third_parties"


@pytest.mark.parametrize(
    "change",
    [
        {"situation": "weather"},
        {"kept_at": "2026-12-01T14:30:00"},  # no offset: refused, as everywhere in the domain
        {"note_id": ""},
        {"cue": 3},
        {"schema": "1"},
    ],
)
def test_a_damaged_kept_suggestion_is_refused_with_a_value_error(change: dict[str, object]) -> None:
    note, suggestion = _note_and_suggestion()
    data = keep_suggestion(note, suggestion, AT).to_dict() | change
    with pytest.raises(ValueError):
        KeptSuggestion.from_dict(data)
    with pytest.raises(ValueError):
        KeptSuggestion.from_dict({key: value for key, value in data.items() if key != "record_id"})


def test_kept_suggestions_of_a_record_once_each_oldest_first() -> None:
    note, suggestion = _note_and_suggestion()
    record = new_record("r1", RecordKind.CALL, AT)
    later = keep_suggestion(note, suggestion, AT + timedelta(minutes=2))
    earlier = KeptSuggestion("r1", "n0", Situation.VISIT, "上门", AT)
    other_call = KeptSuggestion("r2", "n9", Situation.VISIT, "上门", AT)
    again = keep_suggestion(note, suggestion, AT + timedelta(minutes=3))
    assert kept_for(record, [later, other_call, earlier, again]) == [earlier, again]


def test_marking_the_offered_flag_never_unmarks_it() -> None:
    note, suggestion = _note_and_suggestion()
    record = new_record("r1", RecordKind.CALL, AT)
    kept = keep_suggestion(note, suggestion, AT)
    assert not kept.marked(record)
    assert kept.status(record) == SUGGESTED_NOT_MARKED == "Suggested, not marked"
    marked = mark_suggested_flag(record, Situation.THIRD_PARTIES)
    assert marked.manual_flags == {"third_parties"}
    assert mark_suggested_flag(marked, Situation.THIRD_PARTIES) == marked
    assert kept.marked(marked)
    assert kept.status(marked) == "Suggested, then marked"
    assert mark_suggested_flag(marked, Situation.LEGAL_THREAT).manual_flags == {"third_parties", "threats"}


@pytest.mark.parametrize("situation", [Situation.VISIT, Situation.PRIVATE_INFO])
def test_a_follow_up_situation_has_no_flag_to_mark(situation: Situation) -> None:
    record = new_record("r1", RecordKind.CALL, AT)
    with pytest.raises(ValueError):
        mark_suggested_flag(record, situation)
    assert not KeptSuggestion("r1", "n1", situation, "x", AT).marked(record.toggled_flag("threats"))


# --------------------------------------------------------------------------- start-up


def test_the_package_loads_the_coach_only_when_it_is_used() -> None:
    probe = (
        "import sys, jiebei_tui.domain.calls as calls\n"
        "before = 'jiebei_tui.domain.calls.coach' in sys.modules\n"
        "calls.recognize\n"
        "print(before, 'jiebei_tui.domain.calls.coach' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "True"]


def test_the_package_exports_the_whole_coach() -> None:
    import jiebei_tui.domain.calls.coach as coach

    assert set(coach.__all__) <= set(calls.__all__)
    assert all(getattr(calls, name) is getattr(coach, name) for name in coach.__all__)
    with pytest.raises(AttributeError):
        calls.recognise  # noqa: B018
    with pytest.raises(AttributeError):
        calls.__wrapped__  # noqa: B018
