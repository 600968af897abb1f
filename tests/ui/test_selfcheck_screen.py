"""The self-check with Pilot: keys only, messages beside fields, drafts, saving, history, next step."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

from textual.widgets import DataTable, Select, Static

from jiebei_tui.domain.selfcheck import (
    DRAFT_KEY,
    CashFlow,
    Debt,
    DebtKind,
    Entry,
    EssentialCategory,
    SelfCheckInput,
    assess,
)
from jiebei_tui.factory import create_app
from jiebei_tui.store.selfcheck import list_snapshots, save_snapshot
from jiebei_tui.store.store import open_store
from jiebei_tui.ui.common.bullets import BulletList
from jiebei_tui.ui.common.paragraph import Paragraph
from jiebei_tui.ui.selfcheck.explain import ExplainScreen
from jiebei_tui.ui.selfcheck.history import SelfCheckHistoryScreen
from jiebei_tui.ui.selfcheck.screen import SelfCheckScreen
from jiebei_tui.ui.selfcheck.widgets.field import DebtCard, FieldInput, FieldRow
from jiebei_tui.ui.selfcheck.widgets.follows import FormFollows


def fixed_clock() -> datetime:
    return datetime(2026, 11, 23, 20, 30, tzinfo=timezone(timedelta(hours=8)))  # the user's own (Beijing) evening


async def type_text(pilot, text: str, then: str | None = "tab") -> None:
    await pilot.press(*list(text))
    if then:
        await pilot.press(then)


async def form_built(pilot) -> None:
    """Keys typed past what was built are held until the rest is mounted: wait for it, and for them.

    Messages already posted are handled first: a language switch posts the rebuild to each screen and
    returns, so until the screen takes it the old form still reads as built."""
    await pilot.pause()
    await pilot.app.screen.form_ready()
    await pilot.pause()


def field(app, section: str, key: str, index: int = 0) -> FieldInput:
    fields = [f for f in app.screen.query(FieldInput) if f.path[0] == section and f.path[2] == key]
    return fields[index]


def message_beside(field_input: FieldInput) -> str:
    row = field_input.parent
    assert isinstance(row, FieldRow)
    return str(row.query_one(".sc-message", Static).render())


def sample_input(income: str = "8000", overdue: str = "20000") -> SelfCheckInput:
    debt = Debt(
        kind=DebtKind.JIEBEI, name="借呗", lender="重庆蚂蚁消费金融", outstanding_principal=Decimal("25000"),
        overdue_principal=Decimal(overdue), days_overdue=30, daily_rate=Decimal("0.0005"),
        penalty_multiplier=Decimal("1.5"), monthly_payment=Decimal("1500"),
    )
    cash = CashFlow(incomes=(Entry("工资", Decimal(income)),), essentials={EssentialCategory.RENT: Decimal("2500")})
    return SelfCheckInput((debt,), cash)


def save_sample(data_dir: Path, when: datetime, **kwargs: str) -> None:
    store, _ = open_store(data_dir)
    inp = sample_input(**kwargs)
    save_snapshot(store, inp, assess(inp, when.date()), when)
    store.close()


async def test_first_self_check_with_keys_only_survives_a_restart(data_dir: Path) -> None:
    app = create_app(data_dir, clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        assert isinstance(app.screen, SelfCheckScreen)
        await form_built(pilot)
        await pilot.press("tab", "tab")  # kind -> name -> lender
        await type_text(pilot, "重庆蚂蚁消费金融")
        await type_text(pilot, "两万五")  # not an amount
        outstanding = field(app, "debts", "outstanding")
        assert outstanding.value == "两万五"  # kept as typed
        assert message_beside(outstanding) == "请用数字，例如 20000 或 2.5万"
        await pilot.press("shift+tab", "ctrl+u")
        await type_text(pilot, "2.5万")
        assert message_beside(outstanding) == "¥25,000.00"
        await type_text(pilot, "2万")
        await type_text(pilot, "2026-10-02")
        assert message_beside(field(app, "debts", "since")) == "已逾期 52 天，从 2026-10-02 起"
        await type_text(pilot, "0.05%")
        await type_text(pilot, "1.5")
        await type_text(pilot, "1500")
        await pilot.press("tab", "tab", "tab", "tab", "tab")  # due day -> method, months, remove, add debt, income
        await type_text(pilot, "工资")
        await type_text(pilot, "8000", then="tab")  # -> "add income" button
        await pilot.press("tab")
        await type_text(pilot, "2500", then="enter")  # Enter moves on too
        await type_text(pilot, "1500", then=None)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.has_class("-results")
        assert app.focused is not None and app.focused.id == "sc-next"
        headline = app.screen.query_one("#sc-verdict-headline", Paragraph).text
        assert headline == "向贷款机构申请分期或延期"
        assert "每多等一天大约多花 ¥15.00" in app.screen.query_one("#sc-waiting", Paragraph).text
        assert app.drafts.get(DRAFT_KEY) is None
        await pilot.press("ctrl+q")

    again = create_app(data_dir, clock=fixed_clock)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", "ctrl+o")
        assert isinstance(again.screen, SelfCheckHistoryScreen)
        table = again.screen.query_one("#sc-history-table", DataTable)
        assert table.row_count == 1
        assert [str(cell) for cell in table.get_row_at(0)][:3] == ["2026-11-23", "¥25,780.00", "¥2,500.00"]
        await pilot.press("q")
        assert isinstance(again.screen, SelfCheckScreen)
        assert field(again, "debts", "outstanding").value == "25000"  # the next self-check starts from the last


async def test_half_done_form_is_back_after_a_crash(data_dir: Path) -> None:
    app = create_app(data_dir, clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await form_built(pilot)  # keys in the same burst as F3 would race the screen's mount
        await pilot.press("tab", "tab", "tab")
        await type_text(pilot, "3万", then=None)
        await pilot.pause(1.5)  # the App writes drafts every second; no quit: as if killed
        crashed = create_app(data_dir, clock=fixed_clock)
        async with crashed.run_test(size=(80, 24)) as other:
            await other.press("f3")
            await form_built(other)
            assert field(crashed, "debts", "outstanding").value == "3万"
            status = str(crashed.screen.query_one("#sc-status", Static).render())
            assert "已恢复你之前输入的内容" in status


async def test_nothing_is_written_to_the_draft_until_something_is_typed(data_dir: Path) -> None:
    app = create_app(data_dir, clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        assert not app.drafts.dirty
        app.save_everything()
        assert app.drafts.get(DRAFT_KEY) is None


async def test_quit_keeps_what_was_typed(data_dir: Path) -> None:
    app = create_app(data_dir, clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await form_built(pilot)  # keys in the same burst as F3 would race the screen's mount
        await pilot.press("tab", "tab")
        await type_text(pilot, "招联", then=None)
        await pilot.press("ctrl+q")
    store, _ = open_store(data_dir)
    draft = store.get("drafts", DRAFT_KEY)
    assert draft is not None and draft["value"]["debts"][0]["lender"] == "招联"


async def test_saving_an_incomplete_form_says_what_is_missing_beside_each_field(data_dir: Path) -> None:
    app = create_app(data_dir, language="en", clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", "ctrl+s")
        await pilot.pause()
        assert list_snapshots(app.store) == []
        income = field(app, "incomes", "amount")
        assert app.focused is income
        assert message_beside(income) == "Enter what comes in each month; type 0 if nothing does right now"
        assert "at least one essential" in message_beside(field(app, "essentials", "amount"))
        await type_text(pilot, "0", then=None)
        assert message_beside(income) == "¥0.00"


async def test_explanation_shows_the_formula_with_the_inputs(data_dir: Path) -> None:
    save_sample(data_dir, fixed_clock())
    app = create_app(data_dir, language="en", clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", "ctrl+b")
        await pilot.pause()
        await pilot.press("tab", "down", "down", "down", "down", "down", "enter")  # figures: total cost per day
        assert isinstance(app.screen, ExplainScreen)
        steps = app.screen.query_one("#sc-explain-steps", BulletList).text
        assert "借呗: Cost of each day of waiting: ¥20,000.00 × 0.05% × 1.5 = ¥15.00" in steps
        inputs = app.screen.query_one("#sc-explain-inputs", BulletList).text
        assert "Penalty multiplier: 1.5, from your contract" in inputs
        await pilot.press("q")
        assert isinstance(app.screen, SelfCheckScreen)
        await pilot.press("enter")  # the figure is still highlighted
        assert isinstance(app.screen, ExplainScreen)
        await pilot.press("f8")  # done
        assert isinstance(app.screen, SelfCheckScreen)


async def test_verdict_leads_to_the_next_step(data_dir: Path) -> None:
    save_sample(data_dir, fixed_clock(), income="20000")  # surplus clears it within months -> plan builder
    app = create_app(data_dir, clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", "ctrl+b")
        await pilot.pause()
        assert "下一步：制定计划" in str(app.screen.query_one("#sc-next").render())
        await pilot.press("enter")
        assert app.current_mode == "plans"
    save_sample(data_dir, fixed_clock() + timedelta(days=1), income="3000")  # shortfall -> call prep
    again = create_app(data_dir, clock=lambda: fixed_clock() + timedelta(days=1))
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", "ctrl+b", "enter")  # the result view, its next-step button focused
        await pilot.pause()
        assert again.current_mode == "calls"


async def test_crisis_says_where_to_get_help(data_dir: Path) -> None:
    save_sample(data_dir, fixed_clock(), income="1000")
    app = create_app(data_dir, clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", "ctrl+b")
        await pilot.pause()
        assert app.screen.query_one("#sc-help").display
        text = app.screen.query_one("#sc-help-text", BulletList).text
        assert "12378" in text and "不要付钱给任何人" in text


async def test_add_and_remove_a_debt(data_dir: Path) -> None:
    app = create_app(data_dir, language="en", clock=fixed_clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3", "ctrl+l")
        await pilot.pause()
        cards = list(app.screen.query(DebtCard))
        assert [card.debt["kind"] for card in cards] == ["jiebei", "huabei"]
        assert app.drafts.get(DRAFT_KEY)["debts"][1]["name"] == "Huabei"
        remove = app.screen.query_one(f"#sc-remove-{cards[1].uid}")
        remove.focus()
        await pilot.press("enter")
        assert len(app.screen.query(DebtCard)) == 2  # the first press only asks
        await pilot.pause(0.25)  # a Button ignores a second press during its 0.2 s press effect
        await pilot.press("enter")
        await pilot.pause()
        assert len(app.screen.query(DebtCard)) == 1
        assert len(app.drafts.get(DRAFT_KEY)["debts"]) == 1


async def test_switching_language_keeps_what_was_typed(data_dir: Path) -> None:
    app = create_app(data_dir, clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await form_built(pilot)  # keys in the same burst as F3 would race the screen's mount
        await pilot.press("tab", "tab", "tab")
        await type_text(pilot, "abc", then="tab")
        await app.set_language("en")
        await form_built(pilot)  # the switch rebuilds the form in steps: a row can be there before its message
        outstanding = field(app, "debts", "outstanding")
        assert outstanding.value == "abc"
        assert message_beside(outstanding) == "Use digits, e.g. 20000 or 2.5万"


async def test_after_a_language_switch_the_whole_form_is_waited_for_again(data_dir: Path) -> None:
    """The rebuilt form is mounted in steps again; what waits for it (keys held, Ctrl+S) waits for the new
    build, not the last one's finished signal (form_ready then spun without end and froze the app)."""
    app = create_app(data_dir, clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await form_built(pilot)
        screen = app.screen
        await app.set_language("en")
        for _ in range(200):  # until the screen has taken the rebuild
            if not screen.built:
                break
            await asyncio.sleep(0.005)
        assert not screen.built
        assert not screen._progress.is_set()
        await asyncio.wait_for(screen.form_ready(), 30)
        assert screen.built


async def test_another_sessions_self_check_appears_in_history(data_dir: Path) -> None:
    save_sample(data_dir, fixed_clock() - timedelta(days=30), overdue="20000")
    app = create_app(data_dir, clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", "ctrl+o")
        table = app.screen.query_one("#sc-history-table", DataTable)
        assert table.row_count == 1
        save_sample(data_dir, fixed_clock(), overdue="15000")
        await pilot.pause(2.1)
        assert table.row_count == 2
        await pilot.press("up")  # the new one is on top; the cursor stayed where it was
        compare = str(app.screen.query_one("#sc-compare", Static).render())
        assert "相隔 30 天" in compare and "变好" in compare


async def test_history_compares_any_two_and_deletes_with_a_second_press(data_dir: Path) -> None:
    for days, overdue in ((60, "20000"), (30, "18000"), (0, "15000")):
        save_sample(data_dir, fixed_clock() - timedelta(days=days), overdue=overdue)
    app = create_app(data_dir, language="en", clock=fixed_clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3", "ctrl+o")
        compare = app.screen.query_one("#sc-compare", Static)
        assert "30 days apart" in str(compare.render())  # newest against the one before
        await pilot.press("down", "down", "space", "up", "up")  # pin the oldest, back to the newest
        text = str(compare.render())
        assert "2026-09-24 20:30 → 2026-11-23 20:30, 60 days apart" in text
        assert "Total overdue: ¥20," in text and "better" in text
        await pilot.press("d")
        assert "Press d again" in str(compare.render())
        await pilot.press("d")
        assert len(list_snapshots(app.store)) == 2


async def test_saving_twice_on_one_day_updates_that_day(data_dir: Path) -> None:
    save_sample(data_dir, fixed_clock() - timedelta(hours=2))
    app = create_app(data_dir, clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", "ctrl+s")
        await pilot.pause()
        assert len(list_snapshots(app.store)) == 1
        assert list_snapshots(app.store)[0].taken_at == fixed_clock()


async def test_home_is_calm_when_empty_and_shows_the_daily_cost(data_dir: Path) -> None:
    app = create_app(data_dir, clock=fixed_clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()

        def owed() -> str:
            return str(app.screen.query_one("#home-parts").get_option("owed").prompt)

        assert "还没有做过自查" in owed() and "F3" in owed()
        save_sample(data_dir, fixed_clock())
        app.notify_data_changed()
        await pilot.pause()
        assert "2026-11-23" in owed() and "每多等一天大约多花 ¥15.00。" in owed()


async def test_wide_screens_show_form_and_result_side_by_side(data_dir: Path) -> None:
    app = create_app(data_dir, language="en", clock=fixed_clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        assert app.screen.has_class("-wide")
        form, side = app.screen.query_one("#sc-form"), app.screen.query_one("#sc-side")
        assert form.region.width > 60 and side.region.width > 40 and side.region.x > form.region.x
        labels = [str(s.render()) for s in app.screen.query(".sc-label")][:4]
        assert labels == ["Kind of debt", "Name of the debt", "Lender (放款机构)", "Principal not yet repaid"]
    narrow = create_app(data_dir, language="en", clock=fixed_clock)
    async with narrow.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        assert narrow.screen.has_class("-narrow")
        assert narrow.screen.query_one("#sc-side").region.width == 0


async def test_the_form_shows_at_once_and_keys_typed_past_what_is_built_wait_for_the_next_field(
    data_dir: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    gate = asyncio.Event()
    original = DebtCard.mount_rest

    async def held(card: DebtCard) -> list:  # type: ignore[type-arg]
        await gate.wait()  # the rest of the form waits until the test has looked
        return await original(card)

    monkeypatch.setattr(DebtCard, "mount_rest", held)
    app = create_app(data_dir, clock=fixed_clock, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        screen = app.screen
        assert isinstance(screen, SelfCheckScreen) and not screen.built
        assert "Your debts" in str(screen.query_one(".sc-section .panel-title", Static).render())
        assert len(screen.query(FieldRow)) < 5 and not screen.query("#sc-save")  # only the top so far
        assert isinstance(app.focused, Select)  # the kind of the first debt
        # Name, lender, then past what is built. Not awaited: Pilot would wait for the held keys to be handled.
        typing = asyncio.create_task(pilot.press("tab", "tab", "tab", *"2.5万", "tab", *"2万"))
        for _ in range(300):
            if isinstance(app.focused, FormFollows) and len(app.focused._held) == 7:
                break
            await asyncio.sleep(0.01)
        follows = app.focused
        assert isinstance(follows, FormFollows) and len(follows._held) == 7  # "2.5万", tab, "2万": held, in order
        assert not screen.built and not screen.query("#sc-debts-d1-outstanding")
        gate.set()
        await screen.form_ready()
        await typing
        await pilot.pause()
        assert screen.built and screen.query("#sc-save") and not screen.query_one(FormFollows).display
        assert field(app, "debts", "outstanding").value == "2.5万"  # the keys went on, in order
        assert field(app, "debts", "overdue").value == "2万"
        assert message_beside(field(app, "debts", "outstanding")) == "¥25,000.00"
