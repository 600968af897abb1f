"""Plans and Review by keyboard: from a self-check to a plan followed to its next due, across a restart;
bad input stops at the field; a promise from a call becomes a payment with Enter."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

from icalendar import Calendar
from textual.widgets import DataTable, Input, OptionList

from jiebei_tui.domain.calls import RecordKind, new_note, new_record
from jiebei_tui.domain.plans import PlanStatus
from jiebei_tui.factory import create_app

CST = timezone(timedelta(hours=8))


class Clock:
    def __init__(self, when: datetime) -> None:
        self.now = when

    def __call__(self) -> datetime:
        return self.now


async def settle(pilot, seconds: float = 0.5) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.pause(seconds)


async def test_from_a_selfcheck_to_a_followed_plan_found_again_in_review(data_dir: Path, tmp_path: Path, with_selfcheck) -> None:  # type: ignore[no-untyped-def]
    clock = Clock(datetime(2026, 11, 23, 20, 30, tzinfo=CST))
    app = create_app(with_selfcheck(clock.now), language="en", clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f5", "ctrl+l")
        await settle(pilot)
        builder = app.screen
        assert type(builder).__name__ == "BuilderScreen"
        assert builder.query_one("#pl-principal", Input).value == "25000"  # from the self-check
        compare = builder.query_one("#pl-compare", DataTable)
        assert len(compare.columns) == 4  # the row names, two options, doing nothing
        assert "Do nothing for" in str(builder.query_one("#pl-result-intro").render())
        await pilot.press("ctrl+s")
        await settle(pilot)
        plan_screen = app.screen
        assert type(plan_screen).__name__ == "PlanScreen"
        plan_id = plan_screen.plan_id

        await pilot.click("#plan-propose")
        await settle(pilot, 0.2)
        await pilot.press("ctrl+s")
        await settle(pilot, 0.2)
        await pilot.click("#plan-agree")
        await settle(pilot, 0.2)
        app.screen.query_one("#pl-reference", Input).focus()
        await pilot.press(*"A-1", "ctrl+s")
        await settle(pilot, 0.2)
        plan = app.services.plans.get(plan_id)
        assert plan is not None and plan.status is PlanStatus.AGREED and plan.agreement.reference == "A-1"

        clock.now = datetime(2026, 12, 15, 21, 0, tzinfo=CST)
        await pilot.press("ctrl+l")  # the first instalment, its amount filled in
        await settle(pilot, 0.2)
        first_due = app.services.plans.next_payment()
        assert first_due is not None
        assert app.screen.query_one("#pl-amount", Input).value == str(first_due.amount)
        await pilot.press("ctrl+s")
        await settle(pilot, 0.2)
        await pilot.press("ctrl+l")
        await settle(pilot, 0.2)
        amount = app.screen.query_one("#pl-amount", Input)
        amount.value = ""
        amount.focus()
        await pilot.press(*"500", "ctrl+s")
        await settle(pilot, 0.2)
        plan = app.services.plans.get(plan_id)
        assert plan is not None and plan.status is PlanStatus.ACTIVE
        assert [p.paid_on for p in plan.payments] == [date(2026, 12, 15)] * 2

    again = create_app(data_dir, language="en", clock=clock)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.press("f7")
        await settle(pilot)
        listing = again.screen.query_one("#review-list", OptionList)
        upcoming = again.services.plans.next_payment()
        assert upcoming is not None and upcoming.number == 2 and upcoming.due == date(2027, 1, 15)
        prompt = str(listing.get_option_at_index(0).prompt)
        assert "Active" in prompt and "on 2027-01-15" in prompt
        assert f"¥{upcoming.amount:,.2f}" in prompt  # what is left of the second instalment after the ¥500.00

    calendar_file = tmp_path / "plans.ics"
    result = subprocess.run(
        [sys.executable, "-m", "jiebei_tui", "export", "--format", "ics", "-o", str(calendar_file),
         "--data-dir", str(data_dir), "--lang", "en"],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    events = Calendar.from_ical(calendar_file.read_bytes()).walk("VEVENT")
    assert len(events) == 11  # the first instalment is paid in full
    assert events[0].decoded("dtstart") == date(2027, 1, 15)
    assert events[0].walk("VALARM")[0].decoded("trigger") == -timedelta(days=1)


async def test_bad_input_is_said_beside_the_field_and_nothing_is_saved(data_dir: Path, with_selfcheck) -> None:  # type: ignore[no-untyped-def]
    clock = Clock(datetime(2026, 11, 23, 20, 30, tzinfo=CST))
    app = create_app(with_selfcheck(clock.now), language="en", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5", "ctrl+l")
        await settle(pilot)
        screen = app.screen
        for typed, message in (
            ("0", "A plan needs at least 1 instalment"),
            ("-3", "Enter a whole number"),
            ("10000", "At most 120 instalments"),
        ):
            months = screen.query_one("#pl-o-months", Input)
            months.value = typed
            await settle(pilot, 0.5)
            assert message in str(screen.query_one("#pl-row-o-months .pl-message").render())
        await pilot.press("ctrl+s")
        await settle(pilot, 0.2)
        assert app.screen is screen  # not saved: the builder stays, the focus on the field
        assert app.services.plans.count() == 0
        screen.query_one("#pl-o-months", Input).value = "12"
        rate = screen.query_one("#pl-o-rate", Input)
        rate.value = "0"
        await settle(pilot, 0.5)
        assert "no interest" in str(screen.query_one("#pl-row-o-rate .pl-message").render())


async def test_a_promise_from_a_call_becomes_a_payment_with_enter(data_dir: Path, with_selfcheck) -> None:  # type: ignore[no-untyped-def]
    clock = Clock(datetime(2026, 11, 23, 20, 30, tzinfo=CST))
    app = create_app(with_selfcheck(clock.now), language="en", clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        services = app.services
        point = services.plans.starting_point()
        from jiebei_tui.domain.plans import Agreement, Channel, Option, OptionKind, Proposed

        option = Option.instalments_by(OptionKind.EQUAL_PAYMENT, 6)
        plan = services.plans.create("借呗", point.positions[0], option, point.start, point.finances)
        services.plans.propose(plan.id, Proposed(point.start, Channel.APP))
        services.plans.agree(plan.id, Agreement(option, point.start, point.start))
        record = new_record("r1", RecordKind.CALL, clock.now - timedelta(hours=1))
        services.calls.save(record)
        services.calls.save_note(record, new_note("n1", record, "诺:今天还800", clock.now - timedelta(hours=1)))
        await pilot.press("f5")
        await settle(pilot, 0.2)
        app.screen.query_one("#plans-commitments").focus()
        await pilot.press("enter")
        await settle(pilot, 0.2)
        assert type(app.screen).__name__ == "RecordPromiseDialog"
        await pilot.press("enter")  # the only agreed plan is highlighted
        await settle(pilot, 0.2)
        saved = services.plans.get(plan.id)
        assert saved is not None and [p.amount for p in saved.payments] == [Decimal("800")]
        assert "No open commitments" in str(app.screen.query_one("#plans-commitments").render())
