"""Escape sequences, bidi overrides, NUL, C1 controls and long texts in the data: stored as typed in every
area (call lines, corrections, the caller's details, habits, drafts, imports), never obeyed by the terminal,
never raw in an export. Assertions are on the stored values and on the bytes the app wrote to its terminal
and to the export files."""

from __future__ import annotations

import json
import re
import time
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

from jiebei_tui.domain.calls import correct
from jiebei_tui.domain.habits import Cadence
from jiebei_tui.domain.markdown_export import ExportPage
from jiebei_tui.domain.plans import DebtPosition, Finances, Option, OptionKind, Rate
from jiebei_tui.domain.selfcheck import CashFlow, Debt, DebtKind, Entry, SelfCheckInput, assess
from jiebei_tui.factory import open_services
from jiebei_tui.i18n import _
from jiebei_tui.services import ACTIVE_DRAFT, note_draft_key
from jiebei_tui.store.calls import CallsRepo
from jiebei_tui.store.export import stream_export
from jiebei_tui.store.store import open_store

CST = timezone(timedelta(hours=8))
NOW = datetime.now(CST)
TITLE = "\x1b]0;PWNED\x07"  # sets the terminal's title when obeyed
HOSTILE = f"借呗{TITLE}\u202e倒序\x00NUL\x9b2J\x1b[2J清屏"
# What must never reach an export raw: ESC at all, BEL, the bidi override, NUL, any C1 control (UTF-8 C2 80..9F).
FORBIDDEN = [b"\x1b", b"\x07", "\u202e".encode(), b"\x00"]
C1 = re.compile(b"\xc2[\x80-\x9f]")
# On the terminal, Textual sends its own OSC 22 (the pointer's shape): the data's title sequence, its BEL,
# its bidi override, NUL, C1 CSI and clear-screen must not be there.
ON_SCREEN = [b"\x1b]0;", b"PWNED\x07", "\u202e".encode(), b"\x00", "\x9b".encode(), b"\x1b[2J\xe6\xb8\x85"]


def seed(data_dir: Path) -> str:
    """Hostile text in every area; the call session's id (its unsent line is kept under it)."""
    services = open_services(data_dir, lambda: NOW)
    debt = Debt(kind=DebtKind.JIEBEI, name=HOSTILE, lender=HOSTILE, outstanding_principal=Decimal(25000),
                overdue_principal=Decimal(18000), days_overdue=52, daily_rate=Decimal("0.0005"),
                penalty_multiplier=Decimal("1.5"), monthly_payment=Decimal(1500), due_day=26)
    inp = SelfCheckInput((debt,), CashFlow(incomes=(Entry(HOSTILE, Decimal(9000)),)))
    services.selfchecks.save(inp, assess(inp, NOW.date()), NOW)
    position = DebtPosition(name=HOSTILE, lender=HOSTILE, principal=Decimal("20000.00"), overdue_principal=Decimal("6000.00"),
                            accrued=Decimal("450.00"), daily_rate=Decimal("0.0005"), multiplier=Decimal("1.5"),
                            days_overdue=50, due_day=15)
    option = Option.instalments_by(OptionKind.EQUAL_PAYMENT, 12, rate=Rate.monthly(Decimal("0.01")))
    services.plans.create(HOSTILE, position, option, NOW.date(), Finances(Decimal(9000), Decimal(4000)))
    habit = services.habits.add_own(HOSTILE, HOSTILE, Cadence.DAILY)
    assert (habit.name, habit.why) == (HOSTILE, HOSTILE)  # as typed
    services.call_session.start()
    saved = services.call_session.add_line("他:" + HOSTILE)
    assert saved is not None and saved.note.text == HOSTILE  # as typed, the prefix read
    services.call_session.replace_note(correct(saved.note, HOSTILE + "改", NOW))
    services.call_session.add_line(HOSTILE + "x" * 10_000)
    services.call_session.change(
        lambda record: record.with_identity(record.identity.with_value("caller_name", HOSTILE)).with_summary(next_step=HOSTILE)
    )
    services.call_session.set_unsent(HOSTILE + "x" * 10_000)
    services.drafts.flush()
    services.store.put("from_a_newer_version", HOSTILE, {"text": HOSTILE})  # an undeclared table, and an id
    services.store.put("表" + TITLE + "\u202e", "x", {"text": "a heading in the Markdown export"})  # a table's name
    return services.call_session.session_id


def test_the_store_keeps_what_was_typed(data_dir: Path) -> None:
    session_id = seed(data_dir)
    store = open_store(data_dir)[0]
    record_id = store.get("drafts", ACTIVE_DRAFT)["value"]["record_id"]
    assert store.get("drafts", note_draft_key(record_id, session_id))["value"]["text"] == HOSTILE + "x" * 10_000
    repo = CallsRepo(store)
    record = repo.get(record_id)
    assert record is not None
    assert (record.identity.caller_name.value, record.next_step) == (HOSTILE, HOSTILE)
    notes = repo.notes(record)
    assert sorted((note.text, note.current_text) for note in notes) == [
        (HOSTILE, HOSTILE + "改"),
        (HOSTILE + "x" * 10_000, HOSTILE + "x" * 10_000),
    ]
    habits = open_services(data_dir, lambda: NOW).habits.all()
    assert [(habit.name, habit.why) for habit in habits if not habit.translatable] == [(HOSTILE, HOSTILE)]


def test_exports_keep_the_text_and_write_no_control_character(data_dir: Path, tmp_path: Path) -> None:
    session_id = seed(data_dir)
    store = open_store(data_dir)[0]
    record_id = store.get("drafts", ACTIVE_DRAFT)["value"]["record_id"]
    session = note_draft_key(record_id, session_id)
    assert store.get("drafts", session)["value"]["text"] == HOSTILE + "x" * 10_000  # as typed
    for fmt, name in (("json", "all.json"), ("markdown", "all.md")):
        path = tmp_path / name
        stream_export(store, fmt, ExportPage(_, CST, NOW), path)
        written = path.read_bytes()
        for raw in FORBIDDEN:
            assert raw not in written, f"{raw!r} in the {fmt} export"
        assert C1.search(written) is None, f"a C1 control in the {fmt} export"
        assert b"PWNED" in written  # the text is there, made inert
        assert written.count(b"PWNED") >= 6  # each stored copy: a line, its correction, the caller, next step, habit…
    document = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    assert document["tables"]["from_a_newer_version"][HOSTILE]["text"] == HOSTILE  # the same value, escaped
    drafts = document["tables"]["drafts"]
    assert drafts[session]["value"]["text"] == HOSTILE + "x" * 10_000
    notes = document["periodic"]["notes"][record_id]
    assert sorted(note["text"] for note in notes.values()) == [HOSTILE, HOSTILE + "x" * 10_000]


def test_no_area_lets_the_data_steer_the_terminal(pty_app, keys, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    seed(data_dir)
    app = pty_app("--lang", "en")
    app.wait_for("One step at a time")
    for area in (3, 4, 5, 6, 7, 2):
        app.type(keys.F[area])
        app.read(0.6)  # the area drawn with its data (a slow machine only shows less, never more)
    app.type(keys.F[4])
    app.wait_for("PWNED")  # the restored draft, shown inert
    app.type(keys.F[10])
    app.wait_exit(timeout=10)
    for raw in ON_SCREEN:
        assert raw not in app.output, f"{raw!r} reached the terminal"
    assert b"PWNED" in app.output


def test_a_pasted_line_is_stored_as_typed_and_shown_inert(pty_app, keys, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    app = pty_app("call", "--lang", "en")
    app.wait_for(keys.CALL_READY)
    app.paste("他:" + HOSTILE)
    app.type(keys.ENTER)
    texts: list[str] = []
    deadline = time.monotonic() + 15
    while texts != [HOSTILE]:
        assert time.monotonic() < deadline, f"the line was not saved as typed: {texts!r}"
        app.read(0.2)
        store = open_store(data_dir)[0]
        draft = store.get("drafts", ACTIVE_DRAFT)
        record = None if draft is None else CallsRepo(store).get(draft["value"]["record_id"])
        texts = [] if record is None else [note.text for note in CallsRepo(store).notes(record)]
    app.wait_for("PWNED")  # on the timeline, inert
    app.type(keys.F[10])
    app.wait_exit(timeout=10)
    for raw in ON_SCREEN:
        assert raw not in app.output, f"{raw!r} reached the terminal"
    assert "\u241b]0;PWNED\u2407".encode() in app.output  # ESC and BEL shown as their pictures
