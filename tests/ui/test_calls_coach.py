"""The call coach with Pilot: a band after a collector's committed line, its keys, Settings, the report."""

from __future__ import annotations

import io
from datetime import datetime, timedelta, timezone
from pathlib import Path

from textual.widgets import OptionList, Static

from jiebei_tui.domain.calls import NoteKind, Situation, red_flag
from jiebei_tui.domain.markdown_export import ExportPage
from jiebei_tui.factory import create_app
from jiebei_tui.i18n import ngettext
from jiebei_tui.store.calls import CallsRepo
from jiebei_tui.store.export import stream_export
from jiebei_tui.store.settings import SettingsRepo
from jiebei_tui.store.store import open_store
from jiebei_tui.ui.calls.widgets.coach import KEEP_DIGIT, CoachBand
from jiebei_tui.ui.calls.widgets.hint import HintLine
from jiebei_tui.ui.calls.widgets.log import NoteInput
from jiebei_tui.ui.shell.settings import SettingsScreen

CST = timezone(timedelta(hours=8))


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 24, 15, 2, tzinfo=CST)

    def __call__(self) -> datetime:
        return self.now


def band_text(app) -> str:  # type: ignore[no-untyped-def]
    band = app.screen.query_one(CoachBand)
    return "\n".join(str(part.render()) for part in band.query(Static)) if band.display else ""


async def commit(pilot, clock: Clock, text: str) -> None:  # type: ignore[no-untyped-def]
    """A line typed key by key, then Enter."""
    clock.now += timedelta(seconds=20)
    await pilot.press(*text, "enter")
    await pilot.pause()


async def test_three_lines_three_situations_one_flag_marked_one_kept_and_typing_never_interrupted(data_dir: Path) -> None:
    clock = Clock()
    app = create_app(data_dir, start_area="calls", clock=clock, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        note_input = screen.query_one(NoteInput)

        await commit(pilot, clock, "他:再不还就去你家上门")
        assert Situation.VISIT.label in band_text(app)
        assert "Ctrl+R Enter: add a follow-up" in band_text(app)
        # The band never takes the focus: everything typed while it shows lands in the note line.
        await pilot.press(*"我没同意 123 ok")
        assert screen.focused is note_input
        assert note_input.value == "我没同意 123 ok"
        assert Situation.VISIT.label in band_text(app)  # typing does not send it away

        await pilot.press("ctrl+u")
        await commit(pilot, clock, "他:我们会联系你的家人和单位同事")
        assert Situation.THIRD_PARTIES.label in band_text(app)  # the next committed line replaced it
        assert Situation.VISIT.label not in band_text(app)
        assert "Ctrl+R Enter: mark the flag" in band_text(app)
        await pilot.press(*"好的")
        await pilot.press("ctrl+r", "enter")  # the offered key: marks the flag, leaves the typed text alone
        await pilot.press(*" bye")
        assert note_input.value == "好的 bye"
        assert screen.focused is note_input
        assert screen.record.manual_flags == {"third_parties"}
        assert band_text(app) == ""  # gone with the key
        await pilot.press("enter")

        await commit(pilot, clock, "他:转到我个人账户就行")
        assert Situation.PERSONAL_ACCOUNT.label in band_text(app)
        await pilot.press("ctrl+r", KEEP_DIGIT)  # kept as "suggested, not marked"
        assert band_text(app) == ""
        assert "suggested, not marked" in str(screen.query_one(HintLine).render())
        assert screen.record.manual_flags == {"third_parties"}  # nothing flagged without the user's key
        assert note_input.value == ""

        record = screen.record
        await pilot.press("f8")  # end the call

    repo = CallsRepo(open_store(data_dir)[0])
    saved = repo.get(record.id)
    assert saved is not None and saved.manual_flags == {"third_parties"}
    notes = repo.notes(saved)
    assert [note.kind for note in notes].count(NoteKind.FOLLOW_UP) == 0  # the visit's follow-up was never asked for
    assert [item.situation for item in repo.kept(saved)] == [Situation.PERSONAL_ACCOUNT]
    report = repo.export_evidence(data_dir / "evidence.md", [saved], lambda text: text, now=clock.now, zone=CST)
    flags = report.split("### Red flags")[1].split("###")[0]
    assert f"**{red_flag('third_parties').label}** (marked by me)" in flags
    assert red_flag("personal_account").label not in flags
    kept = report.split("### Suggestions kept from the call coach")[1].split("###")[0]
    assert Situation.PERSONAL_ACCOUNT.label in kept and "Suggested, not marked" in kept and "转到我个人账户" in kept

    out = io.StringIO()  # the Markdown export of everything lists it too
    stream_export(repo.store, "markdown", ExportPage(lambda text: text, CST, clock.now, ngettext), out)
    everything = out.getvalue()
    assert "Suggestions kept from the call coach" in everything and "转到我个人账户" in everything


async def test_a_follow_up_situation_adds_its_line_and_esc_hides_the_band(data_dir: Path) -> None:
    clock = Clock()
    app = create_app(data_dir, start_area="calls", clock=clock, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        await commit(pilot, clock, "他:把验证码发给我")
        assert Situation.PRIVATE_INFO.label in band_text(app)
        await pilot.press("ctrl+r", "enter")
        follow_ups = [note for note in screen.session.notes if note.kind is NoteKind.FOLLOW_UP]
        assert len(follow_ups) == 1 and "official channels" in follow_ups[0].current_text
        assert not screen.record.manual_flags
        await commit(pilot, clock, "他:We will visit your home tomorrow")
        assert Situation.VISIT.label in band_text(app)
        await pilot.press("escape")
        assert band_text(app) == ""
        await pilot.press("ctrl+r", "enter")  # no suggestion any more: Enter after Ctrl+R is no longer its key
        assert [note.kind for note in screen.session.notes].count(NoteKind.FOLLOW_UP) == 1
        await commit(pilot, clock, "我:好的，我会通过官方渠道核实")  # the user's own words are never coached
        assert band_text(app) == ""


async def test_settings_turn_the_coach_off_and_on_and_remember_it(data_dir: Path) -> None:
    clock = Clock()
    app = create_app(data_dir, start_area="calls", clock=clock, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await commit(pilot, clock, "他:再不还就起诉你")
        assert Situation.LEGAL_THREAT.label in band_text(app)
        await pilot.press("f9")
        assert isinstance(app.screen, SettingsScreen)
        app.screen.query_one("#settings-coach", OptionList).focus()
        await pilot.press("down", "enter", "escape")
        await pilot.pause()
        assert band_text(app) == ""  # turned off while a suggestion showed: it goes
        await commit(pilot, clock, "他:再不还就起诉你")
        assert band_text(app) == ""
        assert SettingsRepo(open_store(data_dir)[0]).load().coach is False

    app = create_app(data_dir, start_area="calls", clock=clock, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await commit(pilot, clock, "他:再不还就起诉你")
        assert band_text(app) == ""  # remembered after a restart
        await pilot.press("f9")
        coach = app.screen.query_one("#settings-coach", OptionList)
        assert coach.highlighted == 1
        coach.focus()
        await pilot.press("up", "enter", "escape")
        await pilot.pause()
        await commit(pilot, clock, "他:再不还就起诉你")
        assert Situation.LEGAL_THREAT.label in band_text(app)
