"""How Plans, the comparison, the script and Review look at 80x24 and 120x40, in Simplified Chinese and English.

Update with ``pytest --snapshot-update``, then look at the SVGs (``python /work/notes/svgtext.py``).
"""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest

from jiebei_tui.domain.plans import Agreement, Channel, Option, OptionKind, PaymentMethod, Proposed, Rate
from jiebei_tui.factory import create_app, open_services

SIZES = [(80, 24), (120, 40)]
LANGUAGES = ["zh-Hans", "en"]
CST = timezone(timedelta(hours=8))


def fixed_clock() -> datetime:
    return datetime(2026, 12, 20, 20, 30, tzinfo=CST)


def with_plans(data_dir: Path, with_selfcheck) -> str:  # type: ignore[no-untyped-def]
    """A self-check, an active plan with one payment and a draft; returns the active plan's id."""
    with_selfcheck(datetime(2026, 11, 23, 20, 30, tzinfo=CST))
    services = open_services(data_dir, lambda: datetime(2026, 11, 23, 20, 30, tzinfo=CST))
    ids = itertools.count(1)
    services.plans.repo.new_id = lambda: f"plan{next(ids):04d}"  # type: ignore[method-assign]  # ties sort the same every run
    point = services.plans.starting_point()
    position = point.positions[0]
    option = Option.instalments_by(OptionKind.EQUAL_PAYMENT, 12, rate=Rate.monthly(Decimal("0.01")))
    plan = services.plans.create("借呗 12期", position, option, point.start, point.finances)
    services.plans.propose(plan.id, Proposed(point.start, Channel.APP))
    services.plans.agree(plan.id, Agreement(option, point.start, point.start, "客服", "JB-2026-1123"))
    # The draft is made before the payment, so the plans sort the same way every run (newest first; at one
    # moment the order would fall to their random ids).
    services.plans.create("延期 30 天", position, Option.deferral(30), point.start, point.finances)
    services.clock.use(fixed_clock)
    first = services.plans.next_payment()
    assert first is not None
    services.plans.record_payment(plan.id, date(2026, 12, 15), first.amount, PaymentMethod.APP)
    services.store.close()
    return plan.id


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_plans_area(snap_compare, data_dir: Path, size: tuple[int, int], language: str, with_selfcheck) -> None:  # type: ignore[no-untyped-def]
    with_plans(data_dir, with_selfcheck)
    app = create_app(data_dir, language=language, clock=fixed_clock)
    assert snap_compare(app, press=["f5"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_comparison(snap_compare, data_dir: Path, size: tuple[int, int], language: str, with_selfcheck) -> None:  # type: ignore[no-untyped-def]
    with_selfcheck(fixed_clock())
    app = create_app(data_dir, language=language, clock=fixed_clock)

    async def open_builder(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("f5", "ctrl+l")
        await pilot.pause()
        await pilot.pause(0.5)

    keys = ["ctrl+b"] if size[0] < 120 else []
    assert snap_compare(app, press=keys, terminal_size=size, run_before=open_builder)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_script(snap_compare, data_dir: Path, size: tuple[int, int], language: str, with_selfcheck) -> None:  # type: ignore[no-untyped-def]
    plan_id = with_plans(data_dir, with_selfcheck)
    app = create_app(data_dir, language=language, clock=fixed_clock)

    async def open_script(pilot) -> None:  # type: ignore[no-untyped-def]
        from jiebei_tui.ui.plans import PlanScreen

        await pilot.press("f5")
        await pilot.pause()
        await app.push_screen(PlanScreen(plan_id, view="script"))
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=open_script)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_review(snap_compare, data_dir: Path, size: tuple[int, int], language: str, with_selfcheck) -> None:  # type: ignore[no-untyped-def]
    with_plans(data_dir, with_selfcheck)
    app = create_app(data_dir, language=language, clock=fixed_clock)
    assert snap_compare(app, press=["f7", "down", "space", "up", "space"], terminal_size=size)
