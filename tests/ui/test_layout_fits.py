"""Nothing cut off, nothing split, in all three languages: the footer, Help, Settings, the identity
dialog, the flags panel at 80×24, and the verdict card at 80, 100 and 120 columns."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from rich.cells import cell_len, get_character_cell_size
from textual.app import App
from textual.widgets import Button
from textual.widgets._footer import FooterKey

from jiebei_tui import i18n
from jiebei_tui.domain.calls import RED_FLAGS
from jiebei_tui.domain.selfcheck import CashFlow, Debt, DebtKind, Entry, EssentialCategory, SelfCheckInput, assess
from jiebei_tui.factory import create_app
from jiebei_tui.store.selfcheck import save_snapshot
from jiebei_tui.store.store import open_store
from jiebei_tui.ui.calls.dialogs.identity import CallIdentityScreen
from jiebei_tui.ui.common.paragraph import Paragraph, wrap
from jiebei_tui.ui.shell.footer import footer_rows
from jiebei_tui.ui.shell.help import HelpScreen
from jiebei_tui.ui.shell.settings import SettingsScreen

LANGUAGES = ["zh-Hans", "zh-Hant", "en"]
ScreenText = Callable[[App[object]], list[str]]
MONEY = re.compile(r"¥[\d,]+\.\d{2}")


def fixed_clock() -> datetime:
    return datetime(2026, 11, 23, 12, 30, tzinfo=timezone.utc)


def cells(line: str, start: int, end: int) -> str:
    """The part of a screen row between two cell columns."""
    out, column = [], 0
    for character in line:
        if start <= column < end:
            out.append(character)
        column += get_character_cell_size(character)
    return "".join(out)


# ----- the footer ------------------------------------------------------------------------------


def test_footer_rows_keep_every_key_whole() -> None:
    widths = [25, 22, 21, 10, 11, 11, 10, 11, 11, 12, 12]  # English self-check: "^s Save and see result" …
    area = [False] * 6 + [True] * 5
    rows = footer_rows(widths, area, 80)
    assert sorted(index for row in rows for index in row) == list(range(len(widths)))
    assert all(sum(widths[i] for i in row) - 1 <= 80 for row in rows)
    assert len(rows) == 2  # the screen's keys alone would need two rows, so keys flow on
    assert footer_rows([20, 20, 10, 10], [False, False, True, True], 50) == [[0, 1], [2, 3]]  # areas on their own row
    assert footer_rows([20, 20], [False, True], 80) == [[0, 1]]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("key", [None, "f3", "f4"], ids=["home", "selfcheck", "calls"])
async def test_the_footer_never_cuts_a_key(data_dir: Path, language: str, key: str | None) -> None:
    app = create_app(data_dir, language=language, clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        if key:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause()
        keys = list(app.screen.query(FooterKey))
        assert any(k.key == "ctrl+g" for k in keys) and any(k.key == "f10" for k in keys)
        for footer_key in keys:
            width = cell_len(footer_key.key_display) + cell_len(footer_key.description) + 2
            assert footer_key.region.right <= 80 and footer_key.region.width >= width, footer_key.description


# ----- Help ------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
async def test_help_scrolls_and_its_close_button_stays_on_screen(data_dir: Path, language: str) -> None:
    app = create_app(data_dir, language=language, clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        close = app.screen.query_one("#help-close-button", Button)
        assert close.region.bottom <= 24 and close.region.height >= 1
        body = app.screen.query_one("#help-body")
        assert app.focused is body and body.max_scroll_y > 0  # it scrolls, with the keys
        await pilot.press("end")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y
        last = app.screen.query_one("#help-general", Paragraph)
        assert last.region.bottom <= body.region.bottom  # the last line can be read
        await pilot.press("enter")
        assert not isinstance(app.screen, HelpScreen)


# ----- Settings --------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
async def test_settings_never_breaks_a_theme_name_or_a_utc_offset(
    data_dir: Path, language: str, screen_text: ScreenText, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from jiebei_tui.store.settings import SettingsRepo

    monkeypatch.setenv("TZ", "Europe/Berlin")  # a computer abroad: its zone is offered beside Beijing time
    time.tzset()
    SettingsRepo(open_store(data_dir)[0]).save(zone_asked=True)
    app = create_app(data_dir, language=language, clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        text = "\n".join(screen_text(app))
        visible = [name for name in app.available_themes if re.search(rf"\b{re.escape(name)}\s", text)]
        assert len(visible) >= 8  # the list scrolls; every name shown is shown whole
        for broken in ("rose-pine-daw\n", "solarized-dar\n", "solarized-lig\n"):
            assert broken not in text
        assert "Europe/Berlin" in text and "UTC+01:00" in text and "UTC+08:00" in text


# ----- calls: identity dialog and flags panel --------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
async def test_identity_labels_are_never_cut_or_run_into_their_values(
    data_dir: Path, language: str, screen_text: ScreenText
) -> None:
    app = create_app(data_dir, language=language, clock=fixed_clock, start_area="calls")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+f", "6")
        await pilot.pause()
        assert isinstance(app.screen, CallIdentityScreen)
        for character in "15":
            await pilot.press(character)
        await pilot.pause()
        for label in app.screen.query(".identity-label"):
            text = str(label.render())
            if label.region.width:  # the "checked via" rows show only for a verified detail
                assert label.region.width >= cell_len(text) + 1, text
        row = next(line for line in screen_text(app) if "15" in line)
        assert re.search(r"\S\s+15", row)  # "6 对方所说逾期天数 15", not "…天数15"


@pytest.mark.parametrize("language", LANGUAGES)
async def test_flag_labels_are_shown_whole(data_dir: Path, language: str, screen_text: ScreenText) -> None:
    app = create_app(data_dir, language=language, clock=fixed_clock, start_area="calls")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        lines = screen_text(app)
        text = " ".join(line.strip() for line in lines)
        for flag in RED_FLAGS:
            if not flag.automatic:
                assert i18n._(flag.label) in text, flag.label
        assert not any("…" in line for line in lines)


# ----- the verdict card ------------------------------------------------------------------------


def saved_selfcheck(data_dir: Path) -> Path:
    """A self-check whose card names ¥405.00 (¥27,000.00 overdue at 0.05% a day: ¥13.50 a day)."""
    debt = Debt(
        kind=DebtKind.JIEBEI, name="借呗", lender="重庆蚂蚁消费金融", outstanding_principal=Decimal(27000),
        overdue_principal=Decimal(27000), days_overdue=40, daily_rate=Decimal("0.0005"),
    )
    cash = CashFlow(
        incomes=(Entry("工资", Decimal(9000)),),
        essentials={EssentialCategory.RENT: Decimal(2500), EssentialCategory.FOOD: Decimal(1500)},
        savings=(Entry("余额宝", Decimal(8000)),),
    )
    inp = SelfCheckInput((debt,), cash)
    store, _ = open_store(data_dir)
    save_snapshot(store, inp, assess(inp, fixed_clock().date()), fixed_clock())
    store.close()
    return data_dir


@pytest.mark.parametrize("language", LANGUAGES)
async def test_the_verdict_card_keeps_amounts_with_their_words(
    data_dir: Path, language: str, screen_text: ScreenText
) -> None:
    """One app per language, resized: 120 columns (form and result side by side), then 100 and 80."""
    app = create_app(saved_selfcheck(data_dir), language=language, clock=fixed_clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        for width in (120, 100, 80):
            await pilot.resize_terminal(width, 40)
            await pilot.pause()
            if width == 100:  # below 120 the result is a view of its own
                await pilot.press("ctrl+b")
                await pilot.pause()
            assert app.screen.has_class("-results") == (width < 120)
            assert app.screen.query_one("#sc-verdict-text").content_region.right <= width
            lines = screen_text(app)
            for widget_id in ("#sc-verdict-text", "#sc-waiting"):
                paragraph = app.screen.query_one(widget_id, Paragraph)
                region = paragraph.content_region
                shown = [cells(line, region.x, region.right).rstrip() for line in lines[region.y : region.bottom]]
                assert "¥405.00" in paragraph.text
                assert shown == wrap(paragraph.text, region.width), width  # what is drawn is what was wrapped
                for amount in MONEY.findall(paragraph.text):
                    assert any(amount in line for line in shown), f"{amount} split across lines at {width}"
                for line in shown[:-1]:
                    assert not re.fullmatch(r"[¥\d,.\s，。；）)]*", line), f"an amount alone on a line: {line!r}"
                assert not any(line[:1] in "，。；：）、" for line in shown if line), "a line starts with closing punctuation"
