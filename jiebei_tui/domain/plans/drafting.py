"""The script and statement of a saved plan: filled from its own numbers, the user's edits kept."""

from __future__ import annotations

from datetime import date, datetime

from jiebei_tui.domain.plans.afford import affordability
from jiebei_tui.domain.plans.build import build_schedule
from jiebei_tui.domain.plans.lifecycle import Plan, update_texts
from jiebei_tui.domain.plans.message import Translate, identity
from jiebei_tui.domain.plans.negotiate import Negotiation, render_text, script_lines, statement_lines
from jiebei_tui.domain.plans.proposal import Proposal


def negotiation_for(plan: Plan, today: date) -> Negotiation:
    """What the plan's script is filled from: its debt, its proposal (never the agreed terms), its money."""
    schedule = build_schedule(plan.option, plan.position, plan.start)
    fits = not affordability(schedule, plan.finances, plan.position.regular_payment)
    return Negotiation(
        position=plan.position,
        proposal=Proposal.of(plan.option, schedule),
        today=today,
        name=plan.name,
        causes=plan.causes,
        own_words=plan.own_words,
        finances=plan.finances,
        fits_budget=fits and plan.finances is not None,
    )


def refresh_texts(plan: Plan, at: datetime, today: date, translate: Translate = identity) -> Plan:
    """Regenerate the script and statement in the UI language; text the user edited stays as they wrote it
    (``DraftText.outdated`` then tells them the numbers changed)."""
    negotiation = negotiation_for(plan, today)
    script = render_text(script_lines(negotiation), translate)
    statement = render_text(statement_lines(negotiation, plan.materials), translate)
    return update_texts(
        plan, at, script=plan.script.regenerate(script), statement=plan.statement.regenerate(statement)
    )
