"""After the call, with Pilot: the editable summary, history filters and search, the evidence export."""

from __future__ import annotations

import asyncio
import re
import stat
from datetime import datetime, timedelta, timezone
from pathlib import Path

from textual.widgets import OptionList

from jiebei_tui.domain.calls import CommitmentStatus, IdentityStatus, RecordKind, new_note, new_record
from jiebei_tui.factory import create_app
from jiebei_tui.store.calls import CallsRepo
from jiebei_tui.store.store import open_store
from jiebei_tui.ui.calls import history as history_module
from jiebei_tui.ui.calls.dialogs.empty import EmptyCallScreen
from jiebei_tui.ui.calls.dialogs.export import CallExportScreen
from jiebei_tui.ui.calls.history import CallHistoryScreen
from jiebei_tui.ui.calls.screen import CallsScreen
from jiebei_tui.ui.calls.summary import CallSummaryScreen
from jiebei_tui.ui.common.messages import DataChanged

CST = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 23, 20, 30, tzinfo=CST)


def clock() -> datetime:
    return NOW


def repo_at(data_dir: Path) -> CallsRepo:
    return CallsRepo(open_store(data_dir)[0])


def seed(data_dir: Path) -> dict[str, str]:
    """Three contacts: two by 张三 for 某某资产 (one with a threat), one by 李四 for 另一家."""
    repo = repo_at(data_dir)
    ids = {}
    for key, days, name, institution, flags, line in (
        ("first", 5, "张三", "某某资产", (), "他说明天上门"),
        ("second", 2, "张三", "某某资产", ("threats",), "说要打给我单位"),
        ("other", 1, "李四", "另一家公司", (), "诺:月底前还1000元"),
    ):
        record = new_record(repo.new_id(), RecordKind.CALL, NOW - timedelta(days=days), "13800000000" if key != "other" else "")
        identity = record.identity.with_value("caller_name", name).with_value("institution", institution)
        record = record.with_identity(identity.with_status("institution", IdentityStatus.VERIFIED, "95188"))
        for flag in flags:
            record = record.toggled_flag(flag)
        record = record.ended(record.started_at + timedelta(minutes=6))
        repo.save(record)
        repo.save_note(record, new_note(repo.new_id(), record, line, record.started_at + timedelta(minutes=1)))
        ids[key] = record.id
    return ids


async def open_history(pilot) -> CallHistoryScreen:  # type: ignore[no-untyped-def]
    await pilot.press("f4", "ctrl+o")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CallHistoryScreen)
    return screen


async def test_history_filters_by_institution_and_flag_and_searches_chinese(data_dir: Path) -> None:
    ids = seed(data_dir)
    app = create_app(data_dir, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        history = await open_history(pilot)
        assert [r.id for r in history.shown_records()] == [ids["other"], ids["second"], ids["first"]]  # newest first
        history.query_one("#history-institution").value = "某某"
        await pilot.pause()
        assert [r.id for r in history.shown_records()] == [ids["second"], ids["first"]]
        history.query_one("#history-institution").value = ""
        for _ in range(4):  # all -> night -> too many calls -> no institution -> threats
            await pilot.press("ctrl+r")
        assert [r.id for r in history.shown_records()] == [ids["second"]]
        assert "威胁" in str(history.query_one("#history-status").render())
        while history._flag_filter is not None:  # round to "all" again
            await pilot.press("ctrl+r")
        await pilot.press("slash", *"上门", "enter")
        assert [r.id for r in history.shown_records()] == [ids["first"]]
        assert "他说明天上门" in str(history.query_one("#history-list").get_option_at_index(0).prompt)
        await pilot.press("q")
        assert isinstance(app.screen, CallsScreen)


async def test_export_all_contacts_of_one_collector(data_dir: Path, tmp_path: Path) -> None:
    ids = seed(data_dir)
    out = tmp_path / "张三.md"
    app = create_app(data_dir, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_history(pilot)
        await pilot.press("down", "x")  # the second row: 张三's latest call
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, CallExportScreen)
        await pilot.press("down", "down", "enter")  # this contact / this number / this collector
        assert dialog.scope == "collector"
        dialog.query_one("#export-calls-path").value = str(out)
        await pilot.press("enter")
        await pilot.pause()
    text = out.read_text(encoding="utf-8")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert len(re.findall(r"^## ", text, flags=re.MULTILINE)) == 3  # two contacts and where to complain
    assert "他说明天上门" in text and "说要打给我单位" in text and "月底前还1000元" not in text
    assert "威胁" in text and "中国银行业协会" in text  # the flag with its rule and the rule's source
    assert ids["other"] not in text


async def test_the_summary_is_editable_and_only_an_edited_text_is_stored(data_dir: Path) -> None:
    ids = seed(data_dir)
    app = create_app(data_dir, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(CallSummaryScreen(ids["other"]))
        await pilot.pause()
        summary = app.screen
        text = summary.query_one("#summary-text").text
        assert "李四" in text and "月底前还1000元" in text and "2026-11-30" in text
        await pilot.press(*"周一打官方客服")
        await pilot.pause(1.0)  # saved as typed (debounced), no key needed
        stored = repo_at(data_dir).get(ids["other"])
        assert stored.next_step == "周一打官方客服" and stored.summary_text is None
        commitments = summary.query_one("#summary-commitments")
        commitments.focus()
        commitments.highlighted = 0
        await pilot.press("enter")  # open -> done
        summary.query_one("#summary-text").text = "我自己的小结"
        await pilot.press("f8")
        await pilot.pause()
    stored = repo_at(data_dir).get(ids["other"])
    assert stored.summary_text == "我自己的小结"
    assert list(stored.commitment_status.values()) == [CommitmentStatus.DONE]
    assert repo_at(data_dir).open_commitments() == []


async def test_an_empty_call_ended_within_a_minute_asks_and_d_discards_it(data_dir: Path) -> None:
    """Ctrl+N by mistake, F8: one key and it is gone (nothing left among the records or in reports)."""
    app = create_app(data_dir, start_area="calls", clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        record_id = app.screen.record.id
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, EmptyCallScreen)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, CallsScreen) and app.screen.record is None
    assert repo_at(data_dir).get(record_id) is None


async def test_keeping_an_empty_call_is_the_default_and_it_can_still_be_discarded_later(data_dir: Path) -> None:
    """A real call can end before anything is typed: Enter (or Esc, q, k) keeps it, then the summary shows."""
    app = create_app(data_dir, start_area="calls", clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        record_id = app.screen.record.id
        await pilot.press("f8")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CallSummaryScreen)
        assert repo_at(data_dir).get(record_id) is not None
        app.screen.query_one("#summary-discard").press()
        await pilot.pause()
        assert isinstance(app.screen, CallsScreen)
    assert repo_at(data_dir).get(record_id) is None


async def test_a_call_with_something_in_it_is_never_asked_about(data_dir: Path) -> None:
    app = create_app(data_dir, start_area="calls", clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"他：你好", "enter", "f8")
        await pilot.pause()
        assert isinstance(app.screen, CallSummaryScreen)


def many_days(data_dir: Path, days: int) -> list[str]:
    """One call a day for ``days`` days before NOW, each with a line; ids newest first."""
    repo = repo_at(data_dir)
    ids = []
    for day in range(1, days + 1):
        record = new_record(repo.new_id(), RecordKind.CALL, NOW - timedelta(days=day))
        repo.save(record)
        repo.save_note(record, new_note(repo.new_id(), record, f"第{day}天：说要上门" if day % 2 else f"第{day}天", record.started_at))
        ids.append(record.id)
    return ids


class Gate:
    """Lets the history be read one day at a time, when the test says so."""

    def __init__(self, monkeypatch, days_before_wait: int) -> None:  # type: ignore[no-untyped-def]
        self.open = asyncio.Event()
        self.read = 0
        original = CallsRepo.records_in
        gate = self

        def records_in(repo: CallsRepo, period: str, *, keep: bool = True) -> list:  # type: ignore[type-arg]
            gate.read += 1
            return original(repo, period, keep=keep)

        monkeypatch.setattr(CallsRepo, "records_in", records_in)
        original_breathe = history_module.breathe

        async def held_breath() -> None:
            # Between slices: hold the stream there once the first rows are shown, until the test opens the gate.
            if gate.read >= days_before_wait:
                await gate.open.wait()
            await original_breathe()

        monkeypatch.setattr(history_module, "breathe", held_breath)


async def test_history_shows_the_first_rows_before_the_last_are_read(data_dir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ids = many_days(data_dir, 40)
    gate = Gate(monkeypatch, days_before_wait=1)
    monkeypatch.setattr(history_module, "FIRST_ROWS", 5)
    app = create_app(data_dir, clock=clock, language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f4", "ctrl+o")
        history = app.screen
        assert isinstance(history, CallHistoryScreen)
        for _ in range(200):
            if history.query_one("#history-list").option_count:
                break
            await asyncio.sleep(0.01)
        shown = [r.id for r in history.shown_records()]
        assert shown and shown == ids[: len(shown)] and len(shown) < len(ids)  # newest first, not all yet
        assert gate.read < len(ids)  # the last days are not read yet
        assert "Loading" in str(history.query_one("#history-status").render())
        gate.open.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [r.id for r in history.shown_records()] == ids
        assert history.loads == 1  # read once for this open
        await pilot.press("ctrl+r", "ctrl+r")  # a filter and back: no second read of the days
        await app.workers.wait_for_complete()
        assert history.loads == 1 and gate.read == len(ids)


async def test_a_new_search_replaces_the_one_under_way(data_dir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ids = many_days(data_dir, 30)
    searched: list[tuple[str, str]] = []
    original = CallsRepo.search_record

    def search_record(repo: CallsRepo, record_id: str, query: str) -> list:  # type: ignore[type-arg]
        searched.append((query, record_id))
        return original(repo, record_id, query)

    monkeypatch.setattr(CallsRepo, "search_record", search_record)
    original_breathe = history_module.breathe
    never = asyncio.Event()

    async def held_breath() -> None:
        if searched and searched[-1][0] == "上门" and len(searched) >= 3:
            await never.wait()  # the first search is still under way when the second one comes
        await original_breathe()

    monkeypatch.setattr(history_module, "breathe", held_breath)
    monkeypatch.setattr(history_module, "SLICE_SECONDS", 0.0)  # a draw after every record
    app = create_app(data_dir, clock=clock, language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        history = await open_history(pilot)
        await app.workers.wait_for_complete()
        search = history.query_one("#history-search")
        search.value = "上门"
        await pilot.press("slash", "enter")
        assert "Searching" in str(history.query_one("#history-status").render())
        search.value = "第2天"
        search.focus()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        first = [record for query, record in searched if query == "上门"]
        assert 0 < len(first) < len(ids)  # the first search stopped part way, replaced by the second
        assert [r.id for r in history.shown_records()] == [ids[1]]  # only the second search's match
        status = str(history.query_one("#history-status").render())
        assert "Notes found in 1 contact." in status


async def test_closing_the_history_while_it_streams_is_harmless(data_dir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A reload, a filter or a stream step that comes while the screen closes finds nothing to show, and says nothing.

    The screen stops taking messages before its widgets are removed, but a stream's step (a worker) or a callback
    run after the next screen's refresh can still come once they are gone.
    """
    many_days(data_dir, 40)
    gate = Gate(monkeypatch, days_before_wait=1)
    monkeypatch.setattr(history_module, "FIRST_ROWS", 5)
    app = create_app(data_dir, clock=clock, language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        history = await open_history(pilot)
        for _ in range(200):
            if history.query_one("#history-list").option_count:
                break
            await asyncio.sleep(0.005)
        assert history._streaming
        app.pop_screen()
        for _ in range(200):
            if not history.query("#history-institution"):
                break
            await asyncio.sleep(0)
        gate.open.set()  # the stream's next step
        history.reload()  # a reload (another session's save) or a filter, late
        history.on_data_changed(DataChanged())
        history.action_toggle_chosen()
        await pilot.pause(0.2)
        await app.workers.wait_for_complete()
        assert isinstance(app.screen, CallsScreen)
        await pilot.press("ctrl+o")  # and it opens again as usual
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, CallHistoryScreen) and app.screen.query_one("#history-list").option_count == 40


async def test_closing_the_history_lets_its_rows_go_at_once(data_dir: Path) -> None:
    """The rows go by reference count as the screen closes, not with Python's next full collection (which had
    ~22,000 objects of a 2,000-contact history to trace, blocking the screen 45-80 ms on 2 cores)."""
    seed(data_dir)
    app = create_app(data_dir, clock=clock, language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        history = await open_history(pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        rows = history.query_one("#history-list", OptionList)
        assert rows.option_count == 3
        app.pop_screen()
        await pilot.pause(0.2)
        assert isinstance(app.screen, CallsScreen)
        assert rows.option_count == 0
