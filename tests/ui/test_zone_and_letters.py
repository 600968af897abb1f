"""The user's clock asked once (never in the way of a call), letters from chosen contacts, two sessions on one call."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, OptionList, TextArea

from jiebei_tui.domain.calls import RecordKind, missed_call, new_note, new_record
from jiebei_tui.factory import create_app
from jiebei_tui.store.calls import CallsRepo
from jiebei_tui.store.store import open_store
from jiebei_tui.ui.calls.history import CallHistoryScreen
from jiebei_tui.ui.calls.letter import LetterScreen
from jiebei_tui.ui.calls.letters import LettersScreen
from jiebei_tui.ui.calls.screen import CallsScreen
from jiebei_tui.ui.calls.summary import CallSummaryScreen
from jiebei_tui.ui.calls.widgets.log import NoteInput
from jiebei_tui.ui.shell.app import JiebeiApp
from jiebei_tui.ui.shell.zone import ZoneQuestionScreen

UTC = timezone.utc


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def afternoon_utc() -> datetime:
    return datetime(2026, 12, 1, 14, 30, tzinfo=UTC)  # 22:30 in Beijing


@pytest.fixture
def utc_server(monkeypatch: pytest.MonkeyPatch) -> None:
    """A server on UTC reached over SSH: the question is due."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()


async def test_the_zone_is_asked_once_and_the_answer_is_remembered(data_dir: Path, utc_server: None) -> None:
    app = create_app(data_dir, clock=Clock(afternoon_utc()))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ZoneQuestionScreen)
        options = app.screen.query_one("#zone-choices", OptionList)
        assert options.option_count == 2 and options.get_option_at_index(0).id == "+08:00"  # Beijing time first
        await pilot.press("2")  # this computer's zone
        assert not isinstance(app.screen, ZoneQuestionScreen)
        assert app.clock().utcoffset() == timedelta(0)
    again = create_app(data_dir, clock=Clock(afternoon_utc()))
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not isinstance(again.screen, ZoneQuestionScreen)
        assert again.clock().utcoffset() == timedelta(0)


async def test_the_question_is_asked_over_home_once_home_is_drawn(
    data_dir: Path, utc_server: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Asked before the first screen was drawn, it stood alone on a blank terminal."""
    events: list[str] = []
    drawn, push = JiebeiApp.area_drawn, JiebeiApp.push_screen

    def area_drawn(self: JiebeiApp) -> None:
        events.append("drawn")
        drawn(self)

    def push_screen(self: JiebeiApp, screen: Any, *args: Any, **kwargs: Any) -> Any:
        events.append(type(screen).__name__)
        return push(self, screen, *args, **kwargs)

    monkeypatch.setattr(JiebeiApp, "area_drawn", area_drawn)
    monkeypatch.setattr(JiebeiApp, "push_screen", push_screen)
    app = create_app(data_dir, clock=Clock(afternoon_utc()))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ZoneQuestionScreen)
        assert events.index("drawn") < events.index("ZoneQuestionScreen")


async def test_putting_the_question_off_keeps_beijing_time_and_is_not_asked_again(data_dir: Path, utc_server: None) -> None:
    app = create_app(data_dir, clock=Clock(afternoon_utc()))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("q")  # not only Esc
        assert not isinstance(app.screen, ZoneQuestionScreen)
        assert app.clock().utcoffset() == timedelta(hours=8)
    again = create_app(data_dir, clock=Clock(afternoon_utc()))
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not isinstance(again.screen, ZoneQuestionScreen)


async def test_choosing_another_zone_in_settings_judges_the_records_again(data_dir: Path, utc_server: None) -> None:
    repo = CallsRepo(open_store(data_dir)[0])
    repo.save(new_record("c1", RecordKind.CALL, afternoon_utc(), "138").ended(afternoon_utc() + timedelta(minutes=5)))
    app = create_app(data_dir, clock=Clock(afternoon_utc() + timedelta(hours=1)))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("1")  # Beijing time: the 14:30Z call is a 22:30 call
        await pilot.press("f4", "ctrl+o")
        history = app.screen
        assert isinstance(history, CallHistoryScreen)
        await app.workers.wait_for_complete()  # the rows stream in
        assert history.history is not None and history.history.flags["c1"] == {"night_contact"}
        app.set_time_zone("UTC")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert history.history.flags["c1"] == set()
        assert "⚑" not in str(history.query_one("#history-list").get_option_at_index(0).prompt)


async def test_jiebei_tui_call_records_at_once_and_asks_after_the_call(data_dir: Path, utc_server: None) -> None:
    clock = Clock(afternoon_utc())
    app = create_app(data_dir, start_area="calls", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CallsScreen) and app.screen.session.live  # no question in the way
        await pilot.press(*"他:我是王经理", "enter")
        clock.now += timedelta(minutes=2)
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, CallSummaryScreen)
        await pilot.press("f8")  # done with the summary
        await pilot.pause()
        assert isinstance(app.screen, ZoneQuestionScreen)
        await pilot.press("enter")  # Beijing time, highlighted first
        assert app.clock().utcoffset() == timedelta(hours=8)


def seed_contacts(data_dir: Path) -> None:
    repo = CallsRepo(open_store(data_dir)[0])
    call = new_record("c1", RecordKind.CALL, afternoon_utc(), "+86 138 0013 8000")
    call = call.with_identity(call.identity.with_value("institution", "某资产管理公司")).ended(afternoon_utc() + timedelta(minutes=11))
    repo.save(call)
    repo.save_note(call, new_note("n1", call, "!说要去我单位找我", afternoon_utc() + timedelta(minutes=3)))
    for index in range(7):
        repo.save(missed_call(f"m{index}", f"1390000000{index}", datetime(2026, 12, 1, 1 + index, tzinfo=UTC)))


async def test_a_letter_from_chosen_contacts_is_edited_saved_and_written(data_dir: Path, tmp_path: Path) -> None:
    seed_contacts(data_dir)
    app = create_app(data_dir, clock=Clock(datetime(2026, 12, 2, 2, 0, tzinfo=UTC)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4", "ctrl+o")
        history = app.screen
        assert isinstance(history, CallHistoryScreen)
        await pilot.press("space", "down", "space")  # two contacts chosen
        assert len(history.chosen) == 2
        await pilot.press("w")
        assert isinstance(app.screen, LettersScreen)
        await pilot.press("enter")  # the first: a complaint to 12378
        await pilot.pause()
        letter = app.screen
        assert isinstance(letter, LetterScreen)
        body = letter.query_one("#letter-body", TextArea)
        assert "12378" in body.text and "22:30" in body.text
        letter.query_one("#letter-lender", Input).value = "重庆蚂蚁消费金融有限公司"
        await pilot.pause()
        assert "重庆蚂蚁消费金融有限公司" in body.text  # not edited yet: the details fill the text again
        body.insert("\n补充：我有通话录音。", body.document.end)
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = app.services.letters.repo.get(letter.letter_id)
        assert saved is not None and saved.body.endswith("补充：我有通话录音。") and saved.lender == "重庆蚂蚁消费金融有限公司"
        await pilot.click("#letter-write")
        await pilot.pause()
        written = sorted(p.name for p in Path.home().glob("jiebei-letter-*"))
        assert [name.rsplit(".", 1)[1] for name in written] == ["md", "txt"]
        await pilot.press("f8")
        assert isinstance(app.screen, LettersScreen)
        letters = app.screen.query_one("#letters-list", OptionList)
        assert [letters.get_option_at_index(i).id for i in range(letters.option_count)][-1] == letter.letter_id


async def test_two_sessions_on_one_call_keep_both_unsent_lines(data_dir: Path) -> None:
    clock = Clock(datetime(2026, 12, 1, 12, 0, tzinfo=UTC))
    first = create_app(data_dir, start_area="calls", clock=clock)
    second = create_app(data_dir, clock=clock)
    async with first.run_test(size=(80, 24)) as one:
        await one.pause()
        record_id = first.screen.session.record.id
        await one.press(*"他:第一个终端还没发")
        first.services.drafts.flush()
        async with second.run_test(size=(80, 24)) as two:
            await two.press("f4")
            await two.pause()
            assert second.screen.session.record.id == record_id  # the same call, resumed
            assert second.screen.query_one(NoteInput).value == ""  # never the other session's text
            await two.press(*"我:第二个终端也没发")
            second.services.drafts.flush()
            clock.now += timedelta(minutes=1)
            await two.press("f8")  # ended here: its own line is saved, the other's is left alone
            await two.pause()
        first.screen.refresh_data()  # what the one-second tick does when another session wrote
        await one.pause()
        assert not first.screen.session.live  # ended there; the line it had not sent became a note
        assert first.screen.query_one(NoteInput).value == ""
    repo = CallsRepo(open_store(data_dir)[0])
    texts = sorted(note.text for note in repo.notes(repo.get(record_id)))
    assert texts == ["第一个终端还没发", "第二个终端也没发"]


# ----- how they look at 80×24 (update with --snapshot-update, then look at them) -----------------


@pytest.mark.parametrize("language", ["zh-Hans", "en"])
def test_zone_question_snapshot(snap_compare, data_dir: Path, utc_server: None, language: str) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()

    app = create_app(data_dir, language=language, clock=Clock(afternoon_utc()))
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def letters_at(*keys: str):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("f4", "ctrl+o", "space", "down", "space", "w", *keys)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("language", ["zh-Hans", "zh-Hant", "en"])
@pytest.mark.parametrize("keys", [(), ("enter",), ("down", "enter")], ids=["list", "complaint", "request"])
def test_letters_snapshot(snap_compare, data_dir: Path, language: str, keys: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    seed_contacts(data_dir)
    app = create_app(data_dir, language=language, clock=Clock(datetime(2026, 12, 2, 2, 0, tzinfo=UTC)))
    assert snap_compare(app, terminal_size=(80, 24), run_before=letters_at(*keys))
