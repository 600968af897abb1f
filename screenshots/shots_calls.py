"""Screenshots of the Calls area: a call in progress (notes of every kind, identity, checklist, a red flag, the coach),
the end-of-call summary, the history, the missed-call log and one record as its evidence report."""

from __future__ import annotations

from datetime import timedelta

from make import Shot, clock
from textual.pilot import Pilot

from jiebei_tui.domain.calls import IdentityStatus, RecordKind, missed_call, new_note, new_record
from jiebei_tui.i18n import current_language
from jiebei_tui.services import ACTIVE_DRAFT, NOTE_DRAFT
from jiebei_tui.store.calls import CallsRepo

LINES = (
    (25, "他:我是某某资产的王经理，你的借呗逾期了"),
    (48, "我:请问您的工号，代表哪家机构？"),
    (95, "他说代表重庆蚂蚁消费金融，工号W1024"),
    (160, "?罚息怎么算，要求书面说明"),
    (230, "诺:下周五还2000元"),
    (310, "!说不还就打给我单位同事"),
    (372, "我:我会通过官方客服核实后再联系你"),
)


def _history(repo: CallsRepo) -> None:
    """Earlier contacts: a verified call last week, a visit, and a run of missed calls this morning."""
    now = clock()
    earlier = new_record(repo.new_id(), RecordKind.CALL, now - timedelta(days=6, hours=3), "021-5555 0101")
    identity = earlier.identity.with_value("caller_name", "李女士").with_value("institution", "重庆蚂蚁消费金融")
    earlier = earlier.with_identity(identity.with_status("institution", IdentityStatus.VERIFIED, "95188"))
    earlier = earlier.toggled_check("stayed_calm").ended(now - timedelta(days=6, hours=2, minutes=48))
    repo.save(earlier)
    repo.save_note(earlier, new_note(repo.new_id(), earlier, "诺:12月15日前还3000元", earlier.started_at + timedelta(minutes=7)))
    visit = new_record(repo.new_id(), RecordKind.VISIT, now - timedelta(days=3, hours=5))
    visit = visit.with_identity(visit.identity.with_value("institution", "某某资产")).toggled_flag("visit_single_staff")
    repo.save(visit.ended(visit.started_at + timedelta(minutes=20)))
    for minute in range(7):
        repo.save(missed_call(repo.new_id(), "138 0000 1111", now.replace(hour=9, minute=2 + 9 * minute)))


def _call_in_progress(repo: CallsRepo, app) -> None:  # type: ignore[no-untyped-def]
    """A call that started seven minutes ago, with its unsent line, continued when Calls opens."""
    now = clock()
    record = new_record(repo.new_id(), RecordKind.CALL, now - timedelta(minutes=7), "400 800 0000")
    identity = record.identity.with_value("caller_name", "王经理").with_value("staff_id", "W1024")
    identity = identity.with_value("institution", "重庆蚂蚁消费金融").with_status("callback_number", IdentityStatus.ASKED)
    record = record.with_identity(identity).toggled_check("stayed_calm").toggled_check("asked_identity")
    record = record.toggled_flag("third_parties")
    repo.save(record)
    for seconds, text in LINES:
        repo.save_note(record, new_note(repo.new_id(), record, text, record.started_at + timedelta(seconds=seconds)))
    app.store.put("drafts", ACTIVE_DRAFT, {"value": {"record_id": record.id}})
    draft = {"text": "他说可以申请分期，但要先还", "kind": "plain", "at": now.isoformat()}
    app.store.put("drafts", NOTE_DRAFT + record.id, {"value": draft})


async def in_call(pilot: Pilot) -> None:
    repo = CallsRepo(pilot.app.store)
    _history(repo)
    _call_in_progress(repo, pilot.app)
    await pilot.press("f4")
    await pilot.pause()


async def in_call_flags(pilot: Pilot) -> None:
    await in_call(pilot)
    await pilot.press("ctrl+r")  # the flags, numbered, waiting for a digit


async def in_call_coach(pilot: Pilot) -> None:
    """The coach's band after a collector's line, while the user goes on typing."""
    await in_call(pilot)
    english = current_language() == "en"
    line = "t: Pay today or we will call your family and your employer" if english else "他:今天不还就联系你家人和单位同事"
    note_input = pilot.app.screen.query_one("#note-input")
    note_input.value = line
    await pilot.press("enter")
    await pilot.press(*("i: I will" if english else "wo"))
    await pilot.pause()


async def summary(pilot: Pilot) -> None:
    await in_call(pilot)
    await pilot.press("f8")
    await pilot.pause()


async def history(pilot: Pilot) -> None:
    _history(CallsRepo(pilot.app.store))
    await pilot.press("f4", "ctrl+o")
    await pilot.pause()


async def missed(pilot: Pilot) -> None:
    repo = CallsRepo(pilot.app.store)
    for minute in range(6):
        repo.save(missed_call(repo.new_id(), "13800001111", clock().replace(hour=9, minute=2 + 9 * minute)))
    await pilot.press("f4", "ctrl+l")
    await pilot.pause()
    await pilot.press(*"13800001111", "enter")
    pilot.app.screen.query_one("#missed-time").value = "10:05"
    await pilot.press("enter")


async def letters(pilot: Pilot) -> None:
    """Two contacts chosen in the history (Space), then w: the letters filled from them."""
    await history(pilot)
    await pilot.press("space", "down", "space", "w")
    await pilot.pause()


async def complaint(pilot: Pilot) -> None:
    await letters(pilot)
    await pilot.press("enter")
    await pilot.pause()


async def record(pilot: Pilot) -> None:
    await history(pilot)
    await pilot.press("down", "enter")
    await pilot.pause()


SHOTS: tuple[Shot, ...] = (
    Shot("calls", ("ctrl+b",), prepare=in_call),
    Shot("calls-flags", prepare=in_call_flags),
    Shot("calls-en", ("ctrl+b", "ctrl+b"), language="en", prepare=in_call),
    Shot("calls-coach", prepare=in_call_coach),
    Shot("calls-coach-en", language="en", prepare=in_call_coach),
    Shot("calls-summary", prepare=summary),
    Shot("calls-history", prepare=history),
    Shot("calls-letters", prepare=letters),
    Shot("calls-letter", prepare=complaint),
    Shot("calls-letter-en", language="en", prepare=complaint),
    Shot("calls-missed", prepare=missed),
    Shot("calls-record", prepare=record),
    Shot("calls-idle", ("f4",)),
)
