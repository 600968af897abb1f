"""What one plan's screen says, worked out from the plan alone: its next step, its dated history, the
safety lines beside the script, and which of its texts the user changed."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from textual.content import Content

from jiebei_tui.domain.causes import Cause
from jiebei_tui.domain.facts import fact
from jiebei_tui.domain.parsing.money import format_money
from jiebei_tui.domain.plans import NEGOTIATION_FACTS, SAFETY, ChangeKind, Plan, PlanStatus, Progress
from jiebei_tui.i18n import _, tr
from jiebei_tui.ui.common.keys import key_label
from jiebei_tui.ui.common.text import plain


def safety_lines() -> Content:
    """What to keep in mind before calling or writing, with the facts it rests on (and their sources)."""
    lines = [Content.styled(_("Before you call or write"), "bold $text-primary")]
    lines += [Content("⚑ " + _(text)) for text in SAFETY]
    for key in NEGOTIATION_FACTS:
        item = fact(key)
        lines.append(Content.styled(f"• {_(item.statement)} ({_(item.source)})", "$text-muted"))
    return Content("\n").join(lines)


def next_step(plan: Plan, progress: Progress | None, today: date) -> str:
    """The one thing to do next in this plan's life, in words."""
    status = plan.status
    if status is PlanStatus.DRAFT:
        return tr("Next: read the script ({key}), then propose the plan through an official channel.",
                  key=key_label("view"))
    if status is PlanStatus.PROPOSED:
        return _("Next: when the lender answers, record the terms as agreed (or go back to the draft).")
    upcoming = progress.next_due if progress is not None else None
    if status in (PlanStatus.AGREED, PlanStatus.ACTIVE) and upcoming is not None:
        days = (upcoming.row.due - today).days
        when = (tr("overdue by {days} days", days=-days) if days < 0 else
                _("today") if days == 0 else tr("in {days} days", days=days))
        return tr("Next payment: {amount} on {date} ({when}), instalment {number} of {count}.",
                  amount=format_money(upcoming.left), date=upcoming.row.due.isoformat(), when=when,
                  number=upcoming.row.number, count=progress.schedule.count if progress else 0)
    if status is PlanStatus.ACTIVE:
        return _("Everything in the schedule is paid: mark the plan as completed once the lender confirms.")
    return tr("This plan is {status}.", status=_(status.label).lower())


def history_lines(plan: Plan) -> Content:
    """Proposed, agreed, and every change, newest first, each with its date."""
    lines: list[Content] = []
    if plan.proposed is not None:
        lines.append(Content(tr("Proposed on {date}, {channel}.", date=plan.proposed.on.isoformat(),
                                channel=_(plan.proposed.channel.label))))
    agreement = plan.agreement
    if agreement is not None:
        reference = agreement.reference or _("none noted")
        lines.append(Content.assemble(tr("Agreed on {date}, reference ", date=agreement.agreed_on.isoformat()),
                                      plain(reference), "  ", plain(agreement.with_whom)))
    lines.append(Content.styled(_("Every change, dated"), "bold"))
    for change in reversed(plan.history):
        what = _(change.kind.label)
        if change.kind in (ChangeKind.STATUS, ChangeKind.CREATED):
            what += f": {_(change.status_to.label)}"
        detail = change.detail if change.kind not in (ChangeKind.PAYMENT_ADDED, ChangeKind.PAYMENT_REMOVED) else ""
        lines.append(Content.assemble(change.at.strftime("%Y-%m-%d %H:%M"), "  ", what,
                                      "  " if detail else "", plain(detail)))
    return Content("\n").join(lines)


def saved_texts(plan: Plan) -> dict[str, Any]:
    """The plan's texts and choices as the screen shows them, to tell what the user changed."""
    return {
        "script": plan.script.text,
        "statement": plan.statement.text,
        "own_words": plan.own_words,
        "name": plan.name,
        "causes": sorted(c.value for c in plan.causes),
        "materials": sorted(plan.materials),
    }


def text_changes(plan: Plan, typed: Mapping[str, Any]) -> dict[str, Any]:
    """What the user changed in the texts, as ``PlansService.update_texts`` takes it (edited texts keep the generated one)."""
    saved = saved_texts(plan)
    changes: dict[str, Any] = {}
    for key in ("name", "own_words"):
        if typed[key] != saved[key]:
            changes[key] = typed[key]
    if typed["causes"] != saved["causes"]:
        changes["causes"] = tuple(Cause(value) for value in typed["causes"])
    if typed["materials"] != saved["materials"]:
        changes["materials"] = tuple(typed["materials"])
    if typed["script"] != saved["script"]:
        changes["script"] = plan.script.edit(typed["script"])
    if typed["statement"] != saved["statement"]:
        changes["statement"] = plan.statement.edit(typed["statement"])
    return changes
