"""The Habits area and Home with Pilot: check in, spend, fund, reflect, restart and find it all; the .ics;
the start banner."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

from icalendar import Calendar
from textual.widgets import Input, OptionList, Static

from jiebei_tui.domain.causes import Cause
from jiebei_tui.domain.selfcheck import CashFlow, Debt, DebtKind, Entry, EssentialCategory, SelfCheckInput, assess
from jiebei_tui.factory import create_app, open_services

CST = timezone(timedelta(hours=8))


def fixed_clock() -> datetime:
    return datetime(2026, 11, 23, 20, 30, tzinfo=CST)


def text_of(widget: Static) -> str:
    return str(widget.render())


def with_selfcheck(data_dir: Path, due_day: int = 26) -> None:
    services = open_services(data_dir, clock=fixed_clock)
    debt = Debt(kind=DebtKind.JIEBEI, name="借呗", outstanding_principal=Decimal("25000"), overdue_principal=Decimal("5000"),
                days_overdue=30, daily_rate=Decimal("0.0005"), monthly_payment=Decimal("1500"), due_day=due_day)
    cash = CashFlow(incomes=(Entry("工资", Decimal("9000")),),
                    essentials={EssentialCategory.RENT: Decimal("2500"), EssentialCategory.FOOD: Decimal("1500")})
    inp = SelfCheckInput((debt,), cash)
    services.selfchecks.save(inp, assess(inp, fixed_clock().date()), fixed_clock())


async def test_check_in_spend_fund_reflect_then_find_it_all_after_a_restart(data_dir: Path) -> None:
    with_selfcheck(data_dir)
    app = create_app(data_dir, language="en", clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        assert "No habits yet" in text_of(app.screen.query_one("#hb-summary", Static))
        await pilot.press("ctrl+l")  # the starters; Enter adopts the first (check the loan page, weekly)
        await pilot.pause()
        await pilot.press("down", "enter")  # the second: record every spend (daily)
        await pilot.pause()
        await pilot.press("space")  # one key checks in
        await pilot.pause()
        assert "1 of 1 done" in text_of(app.screen.query_one("#hb-summary", Static))

        await pilot.press("ctrl+b")  # budget, from the self-check's essentials; the spend line has the cursor
        await pilot.pause()
        assert isinstance(app.focused, Input) and app.focused.id == "bg-amount"
        await pilot.press("down", *"35.5", "enter", *"lunch", "enter")  # food (rent, then food), amount, note
        await pilot.pause()
        summary = text_of(app.screen.query_one("#bg-summary", Static))
        assert "planned ¥4,000.00, spent ¥35.50" in summary
        await pilot.press(*"abc", "enter", "enter")
        await pilot.pause()
        assert "Use digits" in text_of(app.screen.query_one("#bg-message", Static))
        await pilot.press("ctrl+u")

        await pilot.press("ctrl+b")  # the fund: 3 months of the 4,000 essentials
        await pilot.pause()
        await pilot.press("ctrl+u", *"3000", "tab", "ctrl+u", *"1000", "ctrl+s")
        await pilot.pause()
        assert "25%" in text_of(app.screen.query_one("#fund-status", Static))
        assert "9 months" in text_of(app.screen.query_one("#fund-status", Static))

        await pilot.press("ctrl+b", "ctrl+b")  # reminders, then reflection
        await pilot.pause()
        await pilot.press("space", "tab", *"lost my job", "ctrl+s")
        await pilot.pause()
        assert "2026-11-23" in text_of(app.screen.query_one("#rf-latest", Static))
        await pilot.press("f10")

    again = create_app(data_dir, language="en", clock=lambda: fixed_clock() + timedelta(days=1))
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        parts = again.screen.query_one("#home-parts", OptionList)
        home = "\n".join(str(parts.get_option_at_index(i).prompt) for i in range(parts.option_count))
        assert "0 of 1 done" in home and "1 day in a row" in home  # yesterday's check-in still counts
        assert "¥3,000.00 of ¥12,000.00" in home and "Last written on 2026-11-23" in home
        services = again.services
        assert services.habits.spends("2026-11").spends[0].note == "lunch"
        why = services.habits.why_i_fell_behind()
        assert why is not None and why.causes == (Cause.INCOME_DROP,) and why.own_words == "lost my job"


async def test_reminders_export_an_ics_that_calendars_read(data_dir: Path) -> None:
    with_selfcheck(data_dir)
    target = data_dir.parent / "reminders.ics"
    app = create_app(data_dir, language="en", clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6", "4")
        await pilot.pause()
        assert "12 reminders in the year ahead" in text_of(app.screen.query_one("#rm-summary", Static))
        await pilot.press("x")
        await pilot.pause()
        field = app.screen.query_one("#calendar-path", Input)
        field.value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert "Saved 12 reminders" in text_of(app.screen.query_one("#calendar-result", Static))
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in events][:1] == ["借呗: pay ¥1,500.00"]
    assert events[0].decoded("DTSTART").isoformat() == "2026-11-26"
    assert events[0].walk("VALARM")


async def test_the_start_banner_shows_a_payment_due_in_three_days(data_dir: Path) -> None:
    with_selfcheck(data_dir, due_day=26)  # the 26th: three days after the 23rd
    app = create_app(data_dir, language="en", clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        banner = app.screen.query_one("#home-due", Static)
        assert banner.display
        assert "2026-11-26 借呗: pay ¥1,500.00 (in 3 days)" in text_of(banner)


async def test_home_is_calm_when_empty_and_each_part_opens_its_area(data_dir: Path) -> None:
    app = create_app(data_dir, language="en", clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.screen.query_one("#home-due", Static).display
        parts = app.screen.query_one("#home-parts", OptionList)
        assert parts.has_focus
        ids = [parts.get_option_at_index(i).id for i in range(parts.option_count)]
        assert ids == ["owed", "next", "plan", "promises", "habits", "fund", "reflection", "workbook"]
        await pilot.press("down", "down", "enter")  # the plan
        assert app.current_mode == "plans"
        await pilot.press("f2", "down", "down", "down", "enter")  # the fund
        await pilot.pause()
        assert app.current_mode == "habits" and app.screen.view == "fund"
