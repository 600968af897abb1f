"""The call screen with Pilot: start, notes of every kind, keys, end, summary, restart, history."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from jiebei_tui import i18n
from jiebei_tui.domain.calls import FLAG_NIGHT, NoteKind, RecordKind, new_note, new_record, red_flag
from jiebei_tui.factory import create_app
from jiebei_tui.services import ACTIVE_DRAFT, NOTE_DRAFT
from jiebei_tui.store.calls import CallsRepo
from jiebei_tui.store.store import open_store
from jiebei_tui.ui.calls.dialogs.identity import CallIdentityScreen
from jiebei_tui.ui.calls.history import CallHistoryScreen
from jiebei_tui.ui.calls.record import CallRecordScreen
from jiebei_tui.ui.calls.screen import CallsScreen
from jiebei_tui.ui.calls.summary import CallSummaryScreen
from jiebei_tui.ui.calls.widgets.log import CallLog, NoteInput
from jiebei_tui.ui.calls.widgets.panels import CallStatus, ChecklistPanel, FlagsPanel, IdentityPanel, PanelStack

CST = timezone(timedelta(hours=8))


class Clock:
    """A wall clock the test moves by hand."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def tick(self, seconds: int) -> None:
        self.now += timedelta(seconds=seconds)


def evening() -> Clock:
    return Clock(datetime(2026, 11, 23, 20, 31, 5, tzinfo=CST))


def text_of(widget) -> str:  # type: ignore[no-untyped-def]
    return str(widget.render())


def repo_at(data_dir: Path) -> CallsRepo:
    return CallsRepo(open_store(data_dir)[0])


def unsent(data_dir: Path, record_id: str) -> list[str]:
    """The unsent lines on disk for a call, one per session that has one."""
    drafts = open_store(data_dir)[0].view("drafts")
    return [doc["value"]["text"] for key, doc in drafts.items() if key.startswith(NOTE_DRAFT + record_id)]


async def type_line(pilot, clock: Clock, text: str, seconds: int = 20) -> None:  # type: ignore[no-untyped-def]
    clock.tick(seconds)
    await pilot.press(*text, "enter")


async def enter_line(pilot, clock: Clock, text: str, seconds: int = 20) -> None:  # type: ignore[no-untyped-def]
    """A line put into the note line at once (typing each key is tested elsewhere), then Enter."""
    clock.tick(seconds)
    pilot.app.screen.query_one(NoteInput).value = text
    await pilot.press("enter")


async def test_a_whole_call_survives_a_restart_and_shows_up_in_history(data_dir: Path) -> None:
    clock = evening()
    app = create_app(data_dir, start_area="calls", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, CallsScreen) and screen.record is not None
        assert isinstance(app.focused, NoteInput)  # typing at once
        record_id = screen.record.id
        assert repo_at(data_dir).get(record_id).started_at == clock.now  # start saved before any note
        await type_line(pilot, clock, "他:我是某某资产的张三")
        await enter_line(pilot, clock, "我:请说你代表哪家机构")
        await enter_line(pilot, clock, "诺:下周五还2000元")
        await enter_line(pilot, clock, "?利息怎么算")
        await enter_line(pilot, clock, "!说要打给我单位")
        await enter_line(pilot, clock, "他说可以申请分期")
        await type_line(pilot, clock, "i:我会核实后再联系")  # the ASCII prefixes work too
        await pilot.press("ctrl+t", "1", "ctrl+t", "4", "ctrl+r", "2")
        kinds = [note.kind for note in screen.notes]
        assert kinds == [
            NoteKind.THEY_SAID,
            NoteKind.I_SAID,
            NoteKind.COMMITMENT,
            NoteKind.FOLLOW_UP,
            NoteKind.RED_FLAG,
            NoteKind.PLAIN,
            NoteKind.I_SAID,
        ]
        assert [note.offset_seconds for note in screen.notes] == [20, 40, 60, 80, 100, 120, 140]
        clock.tick(30)
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, CallSummaryScreen)
        facts = text_of(app.screen.query_one("#summary-facts"))
        assert "威胁" in facts  # the flag, with its rule
        summary = app.screen.query_one("#summary-text").text
        assert "2026-12-04" in summary and "¥2,000.00" in summary and "02:50" in summary
        await pilot.press(*"周一打官方客服核实")
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, CallsScreen) and app.screen.record is None

    again = create_app(data_dir, clock=clock)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4", "ctrl+o")
        await pilot.pause()
        history = again.screen
        assert isinstance(history, CallHistoryScreen)
        assert [record.id for record in history.shown_records()] == [record_id]
        row = str(history.query_one("#history-list").get_option_at_index(0).prompt)
        assert "⚑ 2" in row  # threats (Ctrl+R 2) and the line marked with !
        await pilot.press("slash", *"分期", "enter")
        assert [record.id for record in history.shown_records()] == [record_id]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(again.screen, CallRecordScreen)
        report = again.screen.query_one("#record-report")._markdown
        lines = ("我是某某资产的张三", "请说你代表哪家机构", "下周五还2000元", "利息怎么算", "说要打给我单位")
        for line in (*lines, "我会核实后再联系"):
            assert line in report
        assert "周一打官方客服核实" in report
    stored = repo_at(data_dir).get(record_id)
    assert stored is not None and stored.ended_at is not None
    assert stored.checklist == {"stayed_calm", "kept_private"} and stored.manual_flags == {"threats"}


async def test_enter_makes_the_line_durable_at_once_and_clears_its_draft(data_dir: Path) -> None:
    clock = evening()
    app = create_app(data_dir, start_area="calls", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        record = app.screen.record
        await pilot.press(*"他说明天上门")
        app.save_everything()
        assert unsent(data_dir, record.id) == ["他说明天上门"]
        await pilot.press("enter")
        # Another session sees the note immediately: no pause, no flush.
        assert [note.text for note in repo_at(data_dir).notes(record)] == ["他说明天上门"]
        assert app.screen.query_one(NoteInput).value == ""
        app.save_everything()
        assert unsent(data_dir, record.id) == []


async def test_the_draft_reaches_the_disk_within_two_seconds_and_comes_back(data_dir: Path) -> None:
    clock = evening()
    app = create_app(data_dir, start_area="calls", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        record_id = app.screen.record.id
        await type_line(pilot, clock, "第一行")
        await pilot.press(*"还没按回车")
        await pilot.pause(2.0)
        stored = open_store(data_dir)[0]
        assert unsent(data_dir, record_id) == ["还没按回车"]
        assert stored.get("drafts", ACTIVE_DRAFT)["value"] == {"record_id": record_id}
        app.hard_exit = lambda code: None  # type: ignore[method-assign]

    clock.tick(60)
    again = create_app(data_dir, start_area="calls", clock=clock)
    async with again.run_test(size=(80, 24)):
        screen = again.screen
        assert screen.record.id == record_id  # the same call continues
        assert screen.query_one(NoteInput).value == "还没按回车"
        assert [note.text for note in screen.notes] == ["第一行"]


async def test_a_call_left_open_long_ago_is_ended_and_its_draft_kept_as_a_note(data_dir: Path) -> None:
    clock = evening()
    repo = repo_at(data_dir)
    old = new_record(repo.new_id(), RecordKind.CALL, clock.now - timedelta(days=1))
    repo.save(old)
    store = repo.store
    store.put("drafts", ACTIVE_DRAFT, {"value": {"record_id": old.id}})
    at = (clock.now - timedelta(days=1, minutes=-3)).isoformat()
    store.put("drafts", NOTE_DRAFT + old.id, {"value": {"text": "没发出的一行", "kind": "they_said", "at": at}})
    app = create_app(data_dir, start_area="calls", clock=clock)
    async with app.run_test(size=(80, 24)):
        assert app.screen.record.id != old.id
    closed = repo_at(data_dir).get(old.id)
    assert closed.ended_at == old.started_at + timedelta(minutes=3)
    notes = repo_at(data_dir).notes(closed)
    assert [(note.text, note.kind) for note in notes] == [("没发出的一行", NoteKind.THEY_SAID)]


async def test_a_key_after_a_prefix_that_is_not_a_digit_types_as_usual(data_dir: Path) -> None:
    app = create_app(data_dir, start_area="calls", clock=evening())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        await pilot.press("ctrl+t", "a", "ctrl+r", "b", "ctrl+t", "escape", "c")
        assert screen.query_one(NoteInput).value == "abc"
        assert not screen.record.checklist and not screen.record.manual_flags
        await pilot.press("ctrl+r", "0")
        assert screen.record.consented


async def test_corrections_keep_the_original(data_dir: Path) -> None:
    clock = evening()
    app = create_app(data_dir, start_area="calls", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        await type_line(pilot, clock, "诺:下周还2000")
        await type_line(pilot, clock, "第二行")
        await pilot.press("up", "up", "enter")
        await pilot.pause()
        field = app.screen.query_one("#correct-input")
        assert field.value == "下周还2000"
        clock.tick(5)
        await pilot.press("ctrl+u", *"下周五还2000元", "enter")
        await pilot.pause()
        assert isinstance(app.focused, NoteInput)
        note = screen.notes[0]
        assert note.versions == ("下周还2000", "下周五还2000元")
        assert note.kind is NoteKind.COMMITMENT and note.amount == 2000
        stored = repo_at(data_dir).notes(screen.record)[0]
        assert stored.versions == note.versions
        shown = str(screen.query_one(CallLog).get_option_at_index(0).prompt)
        assert "下周五还2000元" in shown and "下周还2000" in shown  # the original stays visible


async def test_the_identity_panel_records_asked_given_and_verified(data_dir: Path) -> None:
    app = create_app(data_dir, start_area="calls", clock=evening(), language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        record_id = app.screen.record.id
        await pilot.press("ctrl+f", "3")
        await pilot.pause()
        assert isinstance(app.screen, CallIdentityScreen)
        await pilot.press(*"Ant", "enter")  # typed: given; Enter goes on to the next detail
        assert app.focused.id == "value-callback_number"
        await pilot.press("up", "space")  # back up to the institution's status: given -> verified
        await pilot.pause()
        await pilot.press("down")  # the "checked via" line appears for a verified detail
        await pilot.press(*"95188", "enter")
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, CallsScreen)
        identity = repo_at(data_dir).get(record_id).identity
        institution = identity.institution
        assert (institution.value, institution.status.value, institution.channel) == ("Ant", "verified", "95188")
        assert identity.is_verified
        assert "institution verified" in text_of(app.screen.query_one(IdentityPanel))
        assert "verified" in text_of(app.screen.query_one(CallStatus))


@pytest.mark.parametrize(
    ("hour", "minute", "night"),
    [(21, 59, False), (22, 0, True), (7, 59, True), (8, 0, False)],
)
async def test_night_calls_are_flagged_from_the_clock(data_dir: Path, hour: int, minute: int, night: bool) -> None:
    clock = Clock(datetime(2026, 11, 23, hour, minute, tzinfo=CST))
    app = create_app(data_dir, start_area="calls", clock=clock, language="en")
    async with app.run_test(size=(120, 40)):
        label = red_flag(FLAG_NIGHT).label
        assert (label in text_of(app.screen.query_one(FlagsPanel))) is night
        assert ("⚑ 1" in text_of(app.screen.query_one(CallStatus))) is night


async def test_the_seventh_missed_call_of_a_day_raises_the_flag(data_dir: Path) -> None:
    clock = evening()
    app = create_app(data_dir, start_area="calls", clock=clock, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        # End the call the command started (nothing in it: keep it, then leave its summary).
        # Ctrl+L works the same way in a call.
        await pilot.press("f8", "k", "f8")
        await pilot.press("ctrl+l")
        await pilot.pause()
        number, time_field, result = (app.screen.query_one(f"#missed-{name}") for name in ("number", "time", "result"))
        await pilot.press(*"13800000000", "enter")
        for minute in range(7):
            time_field.value = f"9:{minute:02d}"
            await pilot.press("enter", "enter")  # number kept and selected: Enter moves on, Enter saves
            await pilot.pause()
            assert ("More than six unanswered attempts" in text_of(result)) is (minute == 6)
        assert number.value == "13800000000"
        await pilot.press("escape")
        await pilot.press("ctrl+o")
        await pilot.pause()
        rows = [str(app.screen.query_one("#history-list").get_option_at_index(i).prompt) for i in range(8)]
        # Newest first: the (empty) call of 20:31, then 9:06 (the seventh, flagged) down to 9:00.
        assert ["⚑" in row for row in rows] == [False, True, False, False, False, False, False, False]
        await pilot.press("ctrl+r", "ctrl+r")  # flag filter: night contact, then too many calls
        assert len(app.screen.shown_records()) == 1


async def test_ctrl_n_starts_a_call_from_anywhere_and_ends_a_running_one(data_dir: Path) -> None:
    clock = evening()
    app = create_app(data_dir, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.current_mode == "home"
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.current_mode == "calls"
        first = app.screen.record
        assert first is not None and isinstance(app.focused, NoteInput)
        await pilot.press(*"第一通")
        clock.tick(90)
        await pilot.press("f1")  # even with a dialog open
        await pilot.press("ctrl+n")
        await pilot.pause()
        second = app.screen.record
        assert second.id != first.id
        ended = repo_at(data_dir).get(first.id)
        assert ended.ended_at == clock.now
        assert [note.text for note in repo_at(data_dir).notes(ended)] == ["第一通"]  # the unsent line was kept


async def test_call_prep_shows_the_prep_checklist(data_dir: Path) -> None:
    app = create_app(data_dir, start_area="calls", clock=evening(), language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await app.run_action("call_prep")
        await pilot.pause()
        assert app.current_mode == "calls"
        prep = app.screen.query_one("#prep-panel")
        assert prep.display and "Take a slow breath" in text_of(prep)
        assert isinstance(app.focused, NoteInput)


async def test_at_80x24_the_note_line_and_the_last_lines_stay_visible(data_dir: Path) -> None:
    clock = evening()
    repo = repo_at(data_dir)
    record = new_record(repo.new_id(), RecordKind.CALL, clock.now)
    repo.save(record)
    for index in range(29):  # a long call in progress, continued when Calls opens
        repo.save_note(record, new_note(repo.new_id(), record, f"第{index}行", clock.now + timedelta(seconds=5 * index)))
    repo.store.put("drafts", ACTIVE_DRAFT, {"value": {"record_id": record.id}})
    clock.tick(150)
    app = create_app(data_dir, start_area="calls", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_line(pilot, clock, "第29行", 5)
        assert app.screen.query_one(CallLog).option_count == 30
        for _ in range(4):  # every panel in turn, the longest included
            await pilot.press("ctrl+b")
            await pilot.pause()
            screen = app.screen
            note_input, log = screen.query_one(NoteInput), screen.query_one(CallLog)
            assert note_input.region.bottom <= 23 and note_input.region.height == 3
            assert log.region.height >= 4
            last = log.region.y + log.region.height - 1
            assert log.scroll_offset.y + log.region.height >= log.virtual_size.height  # scrolled to the end
            assert last < note_input.region.y


async def test_notes_never_reach_the_screen_as_markup_or_escape_codes(data_dir: Path) -> None:
    app = create_app(data_dir, start_area="calls", clock=evening())
    async with app.run_test(size=(80, 24)) as pilot:
        note_input = app.screen.query_one(NoteInput)
        note_input.value = "他:[bold red]假法院[/] \x1b[2J\x1b]0;title\x07"
        await pilot.press("enter")
        prompt = app.screen.query_one(CallLog).get_option_at_index(0).prompt
        shown = prompt.plain
        assert "[bold red]假法院[/]" in shown
        assert "\x1b" not in shown and "\x07" not in shown and "␛" in shown


async def test_a_language_switch_mid_call_keeps_the_line_being_typed(data_dir: Path) -> None:
    clock = evening()
    app = create_app(data_dir, start_area="calls", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_line(pilot, clock, "第一行")
        await pilot.press(*"打到一半")
        await app.set_language("en")
        await pilot.pause()
        screen = app.screen
        assert screen.query_one(NoteInput).value == "打到一半"
        assert screen.query_one(CallLog).option_count == 1
    i18n.set_language("zh-Hans")


async def test_the_panels_come_after_the_first_frame_and_show_the_call_as_it_is_then(data_dir: Path) -> None:
    """The side panels are mounted once the screen is drawn (not in `jiebei-tui call`'s first frame), and again
    after a language switch rebuilds the screen: each time drawn from the call as it stands."""
    clock = evening()
    app = create_app(data_dir, start_area="calls", clock=clock, language="en")
    composed_with_panels: list[bool] = []
    original = PanelStack.on_mount if hasattr(PanelStack, "on_mount") else None
    assert original is None  # nothing else hooks the stack's mount
    PanelStack.on_mount = lambda self: composed_with_panels.append(self.filled)  # type: ignore[attr-defined]
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert composed_with_panels == [False]
            assert "Checklist 0/6" in text_of(app.screen.query_one(ChecklistPanel))
            await pilot.press("ctrl+t", "1")  # a checklist item ticked
            await pilot.pause()
            assert "Checklist 1/6" in text_of(app.screen.query_one(ChecklistPanel))
            await app.set_language("zh-Hans")
            await pilot.pause()
            assert composed_with_panels == [False, False]
            assert "清单 1/6" in text_of(app.screen.query_one(ChecklistPanel))
            assert "尚未核实" in text_of(app.screen.query_one(IdentityPanel))
    finally:
        del PanelStack.on_mount  # type: ignore[attr-defined]
        i18n.set_language("zh-Hans")


async def test_commitments_appear_in_plans(data_dir: Path) -> None:
    clock = evening()
    repo = repo_at(data_dir)
    record = new_record(repo.new_id(), RecordKind.CALL, clock.now - timedelta(hours=1))
    repo.save(record.ended(clock.now - timedelta(minutes=50)))
    repo.save_note(record, new_note(repo.new_id(), record, "诺:下周五还2000元", clock.now - timedelta(minutes=55)))
    app = create_app(data_dir, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        panel = app.screen.query_one("CommitmentsHomePanel")
        assert "2026-12-04" in text_of(panel) and "¥2,000.00" in text_of(panel)


async def test_the_prep_panel_shows_the_latest_self_check_numbers(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import date
    from decimal import Decimal

    from jiebei_tui.domain.selfcheck import Summary, VerdictKind

    figures = (Decimal("20000"), Decimal("5200"), Decimal("800"), Decimal("12.5"))
    latest = Summary(date(2026, 11, 20), *figures, VerdictKind.NEGOTIATE)
    monkeypatch.setattr("jiebei_tui.services.selfcheck.SelfChecks.latest_summary", lambda self: latest)
    app = create_app(data_dir, start_area="calls", clock=evening(), language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+b")  # wide: the side column shows the prep panel
        await pilot.pause()
        shown = text_of(app.screen.query_one("#prep-panel"))
        for figure in ("2026-11-20", "¥20,000.00", "¥5,200.00", "¥12.50", "¥800.00", "Open your loan page"):
            assert figure in shown


async def test_enter_starts_a_call_between_calls(data_dir: Path) -> None:
    """The idle page says "press Enter": the hidden note line must not take the focus and swallow it."""
    clock = evening()
    app = create_app(data_dir, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        assert app.screen.record is None
        await pilot.press("enter")
        first = app.screen.record
        assert first is not None and isinstance(app.focused, NoteInput)
        await pilot.press("f8")
        await pilot.pause()
        await pilot.press("d")  # started by mistake: discarded
        await pilot.pause()
        assert isinstance(app.screen, CallsScreen) and app.screen.record is None
        await pilot.press("enter")
        assert app.screen.record is not None and app.screen.record.id != first.id


async def test_enter_in_the_log_corrects_the_line_even_while_another_is_being_typed(data_dir: Path) -> None:
    from jiebei_tui.ui.calls.dialogs.correct import CorrectionScreen

    clock = evening()
    app = create_app(data_dir, start_area="calls", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await enter_line(pilot, clock, "第一行")
        app.screen.query_one(NoteInput).value = "还没说完"
        await pilot.press("up", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CorrectionScreen)
        assert app.screen.query_one("#correct-input").value == "第一行"
        await pilot.press("escape")
        await pilot.pause()
        screen = app.screen
        assert [note.text for note in screen.notes] == ["第一行"]
        assert screen.query_one(NoteInput).value == "还没说完" and isinstance(app.focused, NoteInput)
