"""The shell with Pilot: areas, help, go-to menu, languages, palette, drafts."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from jiebei_tui import i18n
from jiebei_tui.factory import create_app
from jiebei_tui.ui.shell.footer import TranslatedFooter
from jiebei_tui.ui.shell.goto import GotoScreen
from jiebei_tui.ui.shell.help import HelpScreen
from jiebei_tui.ui.shell.settings import SettingsScreen


def fixed_clock() -> datetime:
    return datetime(2026, 11, 23, 20, 30, tzinfo=timezone.utc)


def footer_text(app) -> str:
    footer = app.screen.query_one(TranslatedFooter)
    return " ".join(str(key.description) for key in footer.query("FooterKey"))


async def test_function_keys_switch_areas(data_dir: Path) -> None:
    app = create_app(data_dir, clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.current_mode == "home"
        for key, area in [("f3", "selfcheck"), ("f4", "calls"), ("f5", "plans"), ("f6", "habits"), ("f7", "review"), ("f2", "home")]:
            await pilot.press(key)
            assert app.current_mode == area
            assert app.screen.AREA == area


async def test_ctrl_g_menu_reaches_every_area_without_function_keys(data_dir: Path) -> None:
    app = create_app(data_dir, clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        for digit, area in [("4", "calls"), ("7", "review"), ("2", "home")]:  # every digit: the test below
            await pilot.press("ctrl+g")
            assert isinstance(app.screen, GotoScreen)
            await pilot.press(digit)
            assert app.current_mode == area
        await pilot.press("ctrl+g", "down", "down", "down", "down", "enter")  # Help, Home, Self-check, Calls, Plans
        assert app.current_mode == "plans"
        await pilot.press("ctrl+g", "1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q", "ctrl+g", "9")
        assert isinstance(app.screen, SettingsScreen)


def test_ctrl_g_digits_are_the_f_key_numbers() -> None:
    from jiebei_tui.ui.shell.app import JiebeiApp
    from jiebei_tui.ui.shell.goto import TARGETS

    f_keys = {binding.key: binding.action for binding in JiebeiApp.BINDINGS if binding.key.startswith("f")}
    actions = {"help": "help", "settings": "settings"}
    for target in TARGETS:
        assert f_keys[f"f{target.number}"] == actions.get(target.id, f"area('{target.id}')")
    goto_digits = {binding.key: binding.action for binding in GotoScreen.BINDINGS if binding.key.isdigit()}
    assert goto_digits == {str(target.number): f"pick('{target.id}')" for target in TARGETS}


async def test_help_lists_the_keys_and_closes_without_escape(data_dir: Path) -> None:
    app = create_app(data_dir, language="en", clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        keys = str(app.screen.query_one("#help-keys").render())
        assert "Export" in keys and "Quit" in keys and "Go to" in keys
        await pilot.press("enter")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f1", "escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_footer_hides_the_current_area_and_is_translated(data_dir: Path) -> None:
    app = create_app(data_dir, clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        text = footer_text(app)
        assert "帮助" in text and "自查" in text and "首页" not in text
        await pilot.press("f3")
        await pilot.pause()
        assert "首页" in footer_text(app)


async def test_language_switch_applies_at_once_and_is_remembered(data_dir: Path) -> None:
    app = create_app(data_dir, clock=fixed_clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f9")
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("down", "down", "enter")  # 简体中文 -> 繁體中文 -> English
        await pilot.pause()
        assert i18n.current_language() == "en"
        await pilot.press("escape")
        await pilot.pause()
        assert "Help" in footer_text(app)
        assert app.screen.sub_title == "Home"
        await pilot.press("f4")
        await pilot.pause()
        assert app.screen.sub_title == "Calls"

    i18n.set_language("zh-Hans")
    again = create_app(data_dir, clock=fixed_clock)
    async with again.run_test(size=(100, 30)):
        assert i18n.current_language() == "en"


async def test_theme_choice_is_remembered(data_dir: Path) -> None:
    app = create_app(data_dir, clock=fixed_clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f9", "tab")
        theme_list = app.screen.query_one("#settings-theme")
        assert theme_list.has_focus
        await pilot.press("down", "enter")
        chosen = app.theme
    assert chosen != "textual-dark"
    again = create_app(data_dir, clock=fixed_clock)
    async with again.run_test(size=(100, 30)):
        assert again.theme == chosen


@pytest.mark.parametrize(
    ("lang_env", "expected"),
    [("zh_TW.UTF-8", "zh-Hant"), ("zh_HK.UTF-8", "zh-Hant"), ("en_GB.UTF-8", "en"), ("de_DE.UTF-8", "zh-Hans"), ("C", "zh-Hans")],
)
async def test_first_run_follows_the_locale(data_dir: Path, lang_env: str, expected: str) -> None:
    app = create_app(data_dir, clock=fixed_clock, environ={"LANG": lang_env})
    async with app.run_test(size=(80, 24)):
        assert i18n.current_language() == expected


async def test_lc_all_wins_over_lang(data_dir: Path) -> None:
    app = create_app(data_dir, clock=fixed_clock, environ={"LANG": "en_US.UTF-8", "LC_ALL": "zh_TW.UTF-8"})
    async with app.run_test(size=(80, 24)):
        assert i18n.current_language() == "zh-Hant"


async def test_command_palette_offers_translated_commands_that_apply(data_dir: Path) -> None:
    app = create_app(data_dir, clock=fixed_clock)
    async with app.run_test(size=(80, 24)):
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "前往自查" in titles
        assert "前往首页" not in titles  # already there
        assert "语言：English" in titles and "语言：简体中文" not in titles


async def test_call_command_opens_the_calls_area(data_dir: Path) -> None:
    app = create_app(data_dir, start_area="calls", clock=fixed_clock)
    async with app.run_test(size=(80, 24)):
        assert app.current_mode == "calls"


async def test_quit_saves_drafts(data_dir: Path) -> None:
    app = create_app(data_dir, clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.drafts.set("probe", "还没按回车的字")
        await pilot.press("ctrl+c")
    assert app.return_code == 0
    assert app.store.get("drafts", "probe")["value"] == "还没按回车的字"


async def test_drafts_reach_the_disk_within_two_seconds(data_dir: Path) -> None:
    app = create_app(data_dir, clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.drafts.set("probe", "草稿")
        await pilot.pause(2.0)
        other = create_app(data_dir, clock=fixed_clock)
        assert other.store.get("drafts", "probe")["value"] == "草稿"


async def test_another_sessions_save_shows_up(data_dir: Path) -> None:
    app = create_app(data_dir, clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        from jiebei_tui.domain.calls import RecordKind, new_record

        parts = app.screen.query_one("#home-parts")

        def counts() -> str:
            return str(parts.get_option("workbook").prompt)

        assert "已记录的通话与消息：0" in counts()
        other = create_app(data_dir, clock=fixed_clock).services.calls
        other.save(new_record(other.new_id(), RecordKind.CALL, fixed_clock()))
        await pilot.pause(2.1)
        assert "已记录的通话与消息：1" in counts()


async def test_save_failure_banner_and_recovery(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    app = create_app(data_dir, language="en", clock=fixed_clock)
    async with app.run_test(size=(100, 30)) as pilot:
        def refuse(*_args, **_kwargs):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr("jiebei_tui.store.partitions.atomic_write_many", refuse)
        app.store.put("notebook", "p1", {"kind": "deferral"})
        app.notify_data_changed()
        await pilot.pause()
        banner = app.screen.query_one("#save-banner")
        assert banner.display
        assert "the disk is full" in str(banner.render())
        monkeypatch.undo()
        await pilot.pause(1.2)
        assert app.store.pending_count == 0
        await pilot.pause()
        assert not banner.display




async def test_after_the_first_frame_every_area_is_imported_and_styled_ahead(data_dir: Path) -> None:
    """The warm-up (ui/shell/warmup.py) imports each area's screen and adds its stylesheet before it is shown;
    the areas then open and look as they do without it."""
    import asyncio
    import sys

    from jiebei_tui.ui.shell.warmup import area_modules

    app = create_app(data_dir, clock=fixed_clock)
    app.warm_up_after_start = True
    async with app.run_test(size=(80, 24)) as pilot:
        assert await asyncio.to_thread(app.warm_up.imported.wait, 30)
        assert all(module in sys.modules for module in area_modules())
        for _ in range(100):
            if not app.warm_up.stylesheet_paths():
                break
            await pilot.pause(0.05)
        assert app.warm_up.stylesheet_paths() == []  # every area's stylesheet is held by the App
        for key, area in [("f3", "selfcheck"), ("f4", "calls"), ("f5", "plans"), ("f6", "habits"), ("f7", "review")]:
            await pilot.press(key)
            assert app.current_mode == area
        assert app.warm_up.started


async def test_call_start_reads_the_call_screens_stylesheet_and_its_dialogs_after_the_first_frame(data_dir: Path) -> None:
    """`jiebei-tui call` parses only what its first frame draws; the warm-up adds the dialogs' stylesheet."""
    import asyncio

    from jiebei_tui.ui.calls import CALLS_CSS, CALLS_DIALOGS_CSS

    dialogs_only = [path for path in CALLS_DIALOGS_CSS if path != CALLS_CSS]
    app = create_app(data_dir, clock=fixed_clock, start_area="calls")
    read_at_start = [str(path) for path in app.css_path]
    assert CALLS_CSS in read_at_start
    assert dialogs_only and not set(dialogs_only) & set(read_at_start)
    app.warm_up_after_start = True
    async with app.run_test(size=(80, 24)) as pilot:
        assert await asyncio.to_thread(app.warm_up.imported.wait, 30)
        for _ in range(100):
            if not app.warm_up.stylesheet_paths():
                break
            await pilot.pause(0.05)
        assert all(app.stylesheet.has_source(path, "") for path in dialogs_only)


async def test_once_the_warm_up_is_done_what_it_built_is_frozen(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What the warm-up imports lives as long as the App: full collections should not trace it again (the one after
    the call history closes took ~20 ms more with it). So the App freezes once more when every area's modules and
    stylesheets are in, not only as each area is first drawn."""
    import asyncio
    import sys

    from jiebei_tui.ui.shell.warmup import area_modules, later_area_modules

    app = create_app(data_dir, clock=fixed_clock)
    app.warm_up_after_start = True
    freezes: list[bool] = []  # for each freeze: was everything the warm-up builds there by then?
    modules = area_modules() + later_area_modules()
    assert "jiebei_tui.ui.calls.history" in modules
    monkeypatch.setattr(app, "freeze_long_lived", lambda: freezes.append(
        all(module in sys.modules for module in modules) and not app.warm_up.stylesheet_paths()
    ))
    async with app.run_test(size=(80, 24)) as pilot:
        assert await asyncio.to_thread(app.warm_up.imported.wait, 30)
        for _ in range(100):
            if any(freezes[1:]):
                break
            await pilot.pause(0.05)
    assert freezes[0] is False  # Home's first frame, before the warm-up
    assert any(freezes[1:])


async def test_after_the_warm_up_no_area_parses_its_widgets_default_css(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Textual parses a widget class's DEFAULT_CSS as its first widget mounts (~20 classes for Self-check's first
    part); the warm-up has parsed them into the stylesheet's cache, which is large enough to keep them all."""
    import asyncio

    import textual.css.stylesheet

    app = create_app(data_dir, clock=fixed_clock)
    app.warm_up_after_start = True
    parsed: list[str] = []
    parse = textual.css.stylesheet.parse

    def counting(scope, css, read_from, *args, is_default_rules=False, **kwargs):  # type: ignore[no-untyped-def]
        if is_default_rules:
            parsed.append(read_from[1])
        return parse(scope, css, read_from, *args, is_default_rules=is_default_rules, **kwargs)

    monkeypatch.setattr(textual.css.stylesheet, "parse", counting)
    async with app.run_test(size=(80, 24)) as pilot:
        assert await asyncio.to_thread(app.warm_up.imported.wait, 30)
        for _ in range(200):
            await pilot.pause(0.05)
            if not app.warm_up._steps_due and not app.warm_up.stylesheet_paths():
                break
        assert parsed  # the warm-up parsed them
        parsed.clear()
        for key in ("f3", "f4", "f5", "f6", "f7", "f2", "f3"):
            await pilot.press(key)
            await pilot.pause(0.3)
        assert parsed == []


async def test_an_area_shown_for_the_first_time_reads_its_data_once(data_dir: Path) -> None:
    """Textual resumes a mode's new screen twice; the second resume re-reads nothing (base.Page)."""
    from jiebei_tui.ui.shell.base import AreaScreen

    app = create_app(data_dir, clock=fixed_clock)
    reads: list[str] = []
    original = AreaScreen.reload

    def counted(self: AreaScreen) -> None:
        reads.append(type(self).__name__)
        original(self)

    async with app.run_test(size=(80, 24)) as pilot:
        AreaScreen.reload = counted  # type: ignore[method-assign]
        try:
            await pilot.press("f5")
            await pilot.pause()
            assert reads.count("PlansScreen") == 1
            await pilot.press("f2", "f5")
            await pilot.pause()
            assert reads.count("PlansScreen") == 2  # shown again: read again
        finally:
            AreaScreen.reload = original  # type: ignore[method-assign]


async def test_home_lines_fit_beside_the_scrollbar(data_dir: Path) -> None:
    """When Home's list scrolls, its lines are wrapped for the width left beside the scrollbar: the list would
    otherwise wrap a line a cell too long itself, its last word at the left edge under the labels."""
    from rich.cells import cell_len

    app = create_app(data_dir, clock=fixed_clock, language="en")
    async with app.run_test(size=(80, 16)) as pilot:
        await pilot.pause(0.5)
        parts = app.screen.query_one("#home-parts")
        assert parts.max_scroll_y > 0  # it does scroll at this height
        room = parts.scrollable_content_region.width
        for index in range(parts.option_count):
            for line in str(parts.get_option_at_index(index).prompt).splitlines():
                assert cell_len(line) <= room, line
