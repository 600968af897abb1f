"""A plan for people: Markdown in the UI language, and its instalments as calendar reminders.

Fixed text is msgids through ``translate``; everything the user typed (title,
debt, lender, notes, reference) goes through ``escape_markdown`` so it can neither
steer a terminal nor break the document. No internal ids are shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime
from functools import partial
from typing import Any

from jiebei_tui.domain.calendar import CalendarEvent, calendar_bytes
from jiebei_tui.domain.markdown_export import ExportPage, TableReader, unreadable_note
from jiebei_tui.domain.parsing.money import format_money
from jiebei_tui.domain.plans.afford import affordability
from jiebei_tui.domain.plans.lifecycle import Plan
from jiebei_tui.domain.plans.message import Message, Param, Translate, UserText
from jiebei_tui.domain.plans.records import ChangeKind
from jiebei_tui.domain.plans.status import PlanStatus
from jiebei_tui.domain.plans.tracking import Progress, track
from jiebei_tui.domain.text_safety import escape_markdown
from jiebei_tui.i18n import N_, N_p, untranslated

M_STATUS = N_("Status")
M_DEBT = N_("Debt")
M_LENDER = N_("Lender")
M_START = N_("Plan starts")
M_TERMS = N_("Terms")
M_OFFERED = N_("as the lender offered")
M_SCHEDULE = N_("Schedule")
M_DUE = N_("Due")
M_PAYMENT = N_("Payment")
M_PRINCIPAL = N_("Principal")
M_INTEREST = N_("Interest")
M_PENALTY = N_("Penalty")
M_LEFT = N_("Principal left")
M_STATE = N_("State")
M_TOTALS = N_("In all: {paid} paid, of which {interest} interest and {penalty} penalty; paid off on {date}.")
M_WARNINGS = N_("Warnings")
M_PROPOSED = N_("Proposed on {date}, {channel}.")
M_AGREED = N_("Agreed on {date} with {whom}, reference {reference}.")
M_AGREED_NOBODY = N_("Agreed on {date}, reference {reference}.")
M_NO_REFERENCE = N_("none noted")
M_NOTE = N_("Note: {note}")
M_NOTE_HEADER = N_p("plan export: column of remarks on a payment", "Note")
M_PAYMENTS = N_("Payments made")
M_AMOUNT = N_("Amount")
M_HOW = N_("How")
M_PROGRESS = N_("Progress")
M_PROGRESS_LINE = N_("Paid {paid} of {scheduled}; {remaining} left.")
M_NEXT_DUE = N_("Next due: {amount} on {date}.")
M_COUNTS = N_("Paid late: {late}. Paid in part: {short}. Not paid: {missed}.")
M_HISTORY = N_("History")
M_WHEN = N_("When")
M_CHANGE = N_p("plan export: column of what changed", "Change")
M_DAY = N_("Date")
EV_TITLE = N_("Repay {amount}: {loan}")
EV_DESCRIPTION = N_("Instalment {number} of {count} of the plan “{title}”, due {date}.")
CALENDAR_NAME = N_("jiebei-tui repayment plans")
NO_PLANS = N_("No plan saved yet.")
PLANS_TABLE = "plans"


def _table(header: list[str], rows: Iterable[list[str]], right: set[int]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |"]
    lines.append("| " + " | ".join("---:" if index in right else "---" for index in range(len(header))) + " |")
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _say(translate: Translate, msgid: str, **params: Param) -> str:
    return Message(msgid, params).render(translate, escape_markdown)


def _minutes(moment: datetime) -> str:
    return moment.isoformat(timespec="minutes")


def plan_markdown(
    plan: Plan,
    today: date,
    translate: Translate = untranslated,
    *,
    level: int = 1,
    when: Callable[[datetime], str] = _minutes,
) -> str:
    """The whole plan as Markdown (headings, a schedule table, payments, history).

    On its own (the Review export) the title is a level-1 heading; inside the
    whole export it sits at ``level`` under the area's heading, with the history's
    moments shown by ``when`` on the user's clock.
    """
    tr = translate
    option, position, start = plan.terms
    progress = track(plan, today)
    schedule = progress.schedule
    top, sub = "#" * level, "#" * (level + 1)
    lines = [f"{top} {escape_markdown(plan.title, line_break=' ') or tr(option.kind.label)}", ""]
    lines.append(f"- {tr(M_STATUS)}: {tr(plan.status.label)}")
    lines.append(f"- {tr(M_DEBT)}: {escape_markdown(position.name) or '—'}")
    lines.append(f"- {tr(M_LENDER)}: {escape_markdown(position.lender) or '—'}")
    lines.append(f"- {tr(M_START)}: {start.isoformat()}")
    terms = tr(option.kind.label) + (f" ({tr(M_OFFERED)})" if option.offered_by_lender else "")
    lines += [f"- {tr(M_TERMS)}: {terms}", "", f"{sub} {tr(M_SCHEDULE)}", ""]
    lines.append(schedule.basis.render(tr, escape_markdown))
    lines += [""] + [f"- {note.render(tr, escape_markdown)}" for note in schedule.notes] + [""]
    tracked = plan.status in (PlanStatus.AGREED, PlanStatus.ACTIVE, PlanStatus.COMPLETED)
    header = [tr(M_DUE), tr(M_PAYMENT), tr(M_PRINCIPAL), tr(M_INTEREST), tr(M_PENALTY), tr(M_LEFT)]
    body = []
    for item in progress.instalments:
        row = item.row
        cells = [row.due.isoformat()] + [
            format_money(value) for value in (row.payment, row.principal, row.interest, row.penalty, row.balance)
        ]
        body.append(cells + ([tr(item.state.label)] if tracked else []))
    lines += _table(header + ([tr(M_STATE)] if tracked else []), body, {1, 2, 3, 4, 5})
    if schedule.payoff_date is not None:
        lines += [
            "",
            _say(
                tr,
                M_TOTALS,
                paid=format_money(schedule.total_paid),
                interest=format_money(schedule.total_interest),
                penalty=format_money(schedule.total_penalty),
                date=schedule.payoff_date.isoformat(),
            ),
        ]
    alerts = schedule.alerts + affordability(schedule, plan.finances, position.regular_payment)
    if alerts:
        lines += ["", f"{sub} {tr(M_WARNINGS)}", ""] + [f"- {alert.message.render(tr, escape_markdown)}" for alert in alerts]
    lines += _lender_lines(plan, tr)
    lines += _progress_lines(plan, progress, tr, level + 1)
    lines += ["", f"{sub} {tr(M_HISTORY)}", ""]
    history = []
    for change in plan.history:
        what = tr(change.kind.label)
        if change.kind is ChangeKind.STATUS or change.kind is ChangeKind.CREATED:
            what += f": {tr(change.status_to.label)}"
            if change.detail:
                what += f" ({escape_markdown(change.detail)})"
        history.append([when(change.at), what])
    lines += _table([tr(M_WHEN), tr(M_CHANGE)], history, set())
    return "\n".join(lines).rstrip() + "\n"


def _plan_of(doc_id: str, doc: Mapping[str, Any]) -> Plan | None:
    try:
        return Plan.from_dict({**doc, "id": doc_id})
    except (KeyError, TypeError, ValueError, ArithmeticError):
        return None  # hand-edited or from a newer version: the JSON export still has it


def markdown_section(reader: TableReader, page: ExportPage) -> Iterator[str]:
    """Every saved plan: open ones first, then finished ones, each group oldest first.

    A first pass keeps only where each plan goes; the second reads one plan
    file at a time again, so the export never holds every plan's history.
    """
    order: list[tuple[bool, datetime, str, str]] = []
    skipped = 0
    for period in reader.periods(PLANS_TABLE):
        for doc_id, doc in reader.docs(PLANS_TABLE, period).items():
            plan = _plan_of(str(doc.get("plan_id") or doc_id), doc)
            if plan is None:
                skipped += 1
            else:
                order.append((plan.status.finished, plan.created_at, period, doc_id))
    if not order and not skipped:
        yield page.tr(NO_PLANS) + "\n"
    when = partial(page.time, seconds=False)
    for _finished, _created, period, doc_id in sorted(order):
        stored = reader.docs(PLANS_TABLE, period).get(doc_id)
        again = None if stored is None else _plan_of(str(stored.get("plan_id") or doc_id), stored)
        if again is not None:
            yield plan_markdown(again, page.today, page.tr, level=3, when=when) + "\n"
    yield unreadable_note(skipped, page)


def _lender_lines(plan: Plan, tr: Translate) -> list[str]:
    lines: list[str] = []
    if plan.proposed is not None:
        proposed = plan.proposed
        lines += ["", _say(tr, M_PROPOSED, date=proposed.on.isoformat(), channel=tr(proposed.channel.label))]
        if proposed.note.strip():
            lines.append(_say(tr, M_NOTE, note=UserText(proposed.note)))
    if plan.agreement is not None:
        agreement = plan.agreement
        reference: Param = UserText(agreement.reference.strip()) if agreement.reference.strip() else Message(M_NO_REFERENCE)
        if agreement.with_whom.strip():
            whom = UserText(agreement.with_whom)
            line = _say(tr, M_AGREED, date=agreement.agreed_on.isoformat(), whom=whom, reference=reference)
        else:
            line = _say(tr, M_AGREED_NOBODY, date=agreement.agreed_on.isoformat(), reference=reference)
        lines += ["", line]
        if agreement.note.strip():
            lines.append(_say(tr, M_NOTE, note=UserText(agreement.note)))
    return lines


def _progress_lines(plan: Plan, progress: Progress, tr: Translate, level: int) -> list[str]:
    if not plan.payments and plan.status not in (PlanStatus.AGREED, PlanStatus.ACTIVE):
        return []
    lines = ["", f"{'#' * level} {tr(M_PROGRESS)}", ""]
    lines.append(
        _say(
            tr,
            M_PROGRESS_LINE,
            paid=format_money(progress.paid),
            scheduled=format_money(progress.scheduled),
            remaining=format_money(progress.remaining),
        )
    )
    upcoming = progress.next_due
    if upcoming is not None:
        lines.append(_say(tr, M_NEXT_DUE, amount=format_money(upcoming.left), date=upcoming.row.due.isoformat()))
    lines.append(
        _say(tr, M_COUNTS, late=str(progress.late_count), short=str(progress.short_count), missed=str(progress.missed_count))
    )
    if plan.payments:
        lines += ["", f"{'#' * (level + 1)} {tr(M_PAYMENTS)}", ""]
        rows = [
            [payment.paid_on.isoformat(), format_money(payment.amount), tr(payment.method.label), escape_markdown(payment.note)]
            for payment in sorted(plan.payments, key=lambda payment: (payment.paid_on, payment.recorded_at))
        ]
        lines += _table([tr(M_DAY), tr(M_AMOUNT), tr(M_HOW), tr(M_NOTE_HEADER)], rows, {1})
    return lines


def plan_events(plan: Plan, translate: Translate = untranslated, today: date | None = None) -> tuple[CalendarEvent, ...]:
    """One reminder per instalment (the alarm the day before comes from ``domain.calendar``).

    Keys are the plan id and instalment number, so exporting again updates the same
    events. With ``today``, instalments already paid in full are left out.
    """
    progress = track(plan, today or plan.start)
    option, position, _start = plan.terms
    loan = position.name.strip() or position.lender.strip() or translate(option.kind.label)
    count = progress.schedule.count
    events = []
    for item in progress.instalments:
        if today is not None and item.paid_in_full_on is not None:
            continue
        row = item.row
        title = Message(EV_TITLE, {"amount": format_money(row.payment), "loan": UserText(loan)}).render(translate)
        description = Message(
            EV_DESCRIPTION,
            {"number": str(row.number), "count": str(count), "title": UserText(plan.title), "date": row.due.isoformat()},
        ).render(translate)
        events.append(CalendarEvent(f"plan-{plan.id}-{row.number}", row.due, title, description))
    return tuple(events)


def plans_calendar(plans: Iterable[Plan], *, today: date, stamp: datetime, translate: Translate = untranslated) -> bytes:
    """The .ics of every agreed or active plan's open instalments (``jiebei-tui export --format ics``)."""
    events = [
        event
        for plan in plans
        if plan.status in (PlanStatus.AGREED, PlanStatus.ACTIVE)
        for event in plan_events(plan, translate, today)
    ]
    return calendar_bytes(events, stamp=stamp, name=translate(CALENDAR_NAME))
