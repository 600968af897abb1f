"""Keys typed in one burst with the key that opens a screen reach that screen (ui/shell/keyhold.py).

Each burst is put on the App's queue at once, as the terminal driver does with one read
(Pilot's ``press`` waits for the app to go idle after every key, which a user never does).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from textual import events
from textual.app import App
from textual.widgets import Input, Select

from jiebei_tui.factory import create_app
from jiebei_tui.ui.calls.dialogs.identity import CallIdentityScreen
from jiebei_tui.ui.calls.screen import CallsScreen
from jiebei_tui.ui.calls.widgets.log import NoteInput
from jiebei_tui.ui.selfcheck.widgets.field import FieldInput


def evening() -> datetime:
    return datetime(2026, 11, 23, 20, 31, 5, tzinfo=timezone(timedelta(hours=8)))


def burst(app: App[int], *keys: str) -> None:
    """Every key on the App's queue in one go; a one-character key is typed text."""
    for key in keys:
        if len(key) == 1:
            app.post_message(events.Key(key if key.isalnum() else {" ": "space", "!": "exclamation_mark"}[key], key))
        else:
            app.post_message(events.Key(key, None))


def text(value: str) -> list[str]:
    return list(value)


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    """Until no key is held any more (a first open of the self-check form takes a while on a loaded machine)."""
    hold = pilot.app.key_hold
    for _ in range(200):
        await pilot.pause(0.05)
        if not hold.holding and not hold.held:
            break
    await pilot.pause(0.1)
    await pilot.pause()


async def test_f4_ctrl_n_and_a_line_typed_at_once_all_reach_the_note_line(data_dir: Path) -> None:
    app = create_app(data_dir, clock=evening, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        burst(app, "f4", "ctrl+n", *text("hello typed at once"))
        await settle(pilot)
        assert isinstance(app.screen, CallsScreen) and app.screen.record is not None
        assert app.screen.query_one(NoteInput).value == "hello typed at once"


async def test_a_paste_right_after_f4_ctrl_n_reaches_the_note_line(data_dir: Path) -> None:
    app = create_app(data_dir, clock=evening)
    async with app.run_test(size=(80, 24)) as pilot:
        burst(app, "f4", "ctrl+n")
        app.post_message(events.Paste("他说今天必须还清"))
        burst(app, *text("!"))
        await settle(pilot)
        assert app.screen.query_one(NoteInput).value == "他说今天必须还清!"


async def test_keys_typed_with_f3_reach_the_self_check_form(data_dir: Path) -> None:
    app = create_app(data_dir, clock=evening)
    async with app.run_test(size=(80, 24)) as pilot:
        burst(app, "f3", "tab", "tab", *text("招联"), "tab", *text("20000"))
        await settle(pilot)
        await app.screen.form_ready()
        await settle(pilot)
        values = {(f.path[0], f.path[2]): f.value for f in app.screen.query(FieldInput)}
        assert values[("debts", "lender")] == "招联"
        assert values[("debts", "outstanding")] == "20000"


async def test_text_typed_with_the_key_that_opens_a_dialog_lands_in_the_dialog(data_dir: Path) -> None:
    app = create_app(data_dir, start_area="calls", clock=evening, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        burst(app, "ctrl+f", "3", *text("Ant"))
        await settle(pilot)
        assert isinstance(app.screen, CallIdentityScreen)
        assert app.screen.query_one("#value-institution", Input).value == "Ant"


async def test_a_burst_through_two_areas_keeps_its_order(data_dir: Path) -> None:
    # F-keys among the text keep their meaning: the text after F3 is the form's, after F4 the note line's.
    app = create_app(data_dir, clock=evening, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        burst(app, "f3", "f4", "ctrl+n", *text("late"), "f2", "f4", *text("r"))
        await settle(pilot)
        assert isinstance(app.screen, CallsScreen)
        assert app.screen.query_one(NoteInput).value == "later"


async def test_keys_typed_past_a_choice_in_the_plan_builder_land_in_the_next_field(data_dir: Path, with_selfcheck) -> None:  # type: ignore[no-untyped-def]
    app = create_app(with_selfcheck(evening()), language="en", clock=evening)
    async with app.run_test(size=(120, 40)) as pilot:
        burst(app, "f5", "ctrl+l")
        await settle(pilot)
        builder = app.screen
        assert type(builder).__name__ == "BuilderScreen"
        kind = builder.query_one("#pl-o-kind", Select)
        kind.focus()
        await pilot.pause()
        builder.focus_next()
        after = builder.focused
        assert isinstance(after, Input) and after.id
        chosen = kind.value
        kind.focus()
        await pilot.pause()
        burst(app, "tab", *text("24"))  # the field selects its text on focus: typing replaces it
        await settle(pilot)
        assert builder.focused is after and after.value == "24"
        assert kind.value == chosen
