"""Screenshots of Plans and Review: the options compared with doing nothing, a followed plan, its script,
and Review with two plans side by side."""

from __future__ import annotations

from decimal import Decimal

from make import Shot, clock
from shots_selfcheck import one_self_check
from textual.pilot import Pilot

from jiebei_tui.domain.plans import Agreement, Channel, Option, OptionKind, PaymentMethod, Proposed, Rate


async def plans_saved(pilot: Pilot) -> None:
    """The self-check, a 12-month plan agreed and active (its first instalment paid), and a draft deferral."""
    await one_self_check(pilot)
    plans = pilot.app.services.plans  # type: ignore[attr-defined]
    point = plans.starting_point()
    option = Option.instalments_by(OptionKind.EQUAL_PAYMENT, 12, rate=Rate.monthly(Decimal("0.01")))
    plan = plans.create("借呗 12期", point.positions[0], option, point.start, point.finances)
    plans.propose(plan.id, Proposed(point.start, Channel.APP))
    plans.agree(plan.id, Agreement(option, point.start, point.start, "客服 工号 0231", "JB-2026-1123"))
    plans.create("借呗 延期 30 天", point.positions[0], Option.deferral(30), point.start, point.finances)
    first = plans.next_payment()
    if first is not None and first.due <= clock().date():
        plans.record_payment(plan.id, first.due, first.amount, PaymentMethod.APP)
    pilot.app.plan_id = plan.id  # type: ignore[attr-defined]


async def builder(pilot: Pilot) -> None:
    await one_self_check(pilot)
    await pilot.press("f5", "ctrl+l")
    await pilot.pause(0.5)


async def plan_view(pilot: Pilot, view: str) -> None:
    from jiebei_tui.ui.plans import PlanScreen

    await plans_saved(pilot)
    await pilot.press("f5")
    await pilot.pause()
    await pilot.app.push_screen(PlanScreen(pilot.app.plan_id, view=view))  # type: ignore[attr-defined]
    await pilot.pause()


async def schedule(pilot: Pilot) -> None:
    await plan_view(pilot, "schedule")


async def script(pilot: Pilot) -> None:
    await plan_view(pilot, "script")


async def review(pilot: Pilot) -> None:
    await plans_saved(pilot)


SHOTS = (
    Shot("plans-compare", ("ctrl+b",), prepare=builder),
    Shot("plans-compare-en", ("ctrl+b",), language="en", prepare=builder),
    Shot("plans-plan", prepare=schedule),
    Shot("plans-script", prepare=script),
    Shot("review-two-plans", ("f7", "down", "space", "up", "space"), prepare=review),
    Shot("review-en", ("f7",), language="en", prepare=review),
)
