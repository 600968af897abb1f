"""A saved plan and its life: draft → proposed → agreed → active → completed, or abandoned.

Pure data with ``to_dict``/``from_dict`` (what the store saves) and functions that
return a changed copy. Every change is dated (``at`` is passed in; there is no
clock here) and logged in ``history``; a change the plan's state does not allow
is refused with an InputError the screen can show.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Final

from jiebei_tui.domain.causes import Cause
from jiebei_tui.domain.instants import require_aware
from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.plans import checks
from jiebei_tui.domain.plans.build import build_schedule
from jiebei_tui.domain.plans.materials import DraftText, ticked_in_order
from jiebei_tui.domain.plans.options import Option
from jiebei_tui.domain.plans.position import DebtPosition, Finances
from jiebei_tui.domain.plans.records import Agreement, Change, ChangeKind, Payment, Proposed
from jiebei_tui.domain.plans.schedule import Schedule
from jiebei_tui.domain.plans.status import TRANSITIONS, PlanStatus
from jiebei_tui.domain.serial import date_from, list_from, mapping_from, moment_from, moment_text, text_from
from jiebei_tui.i18n import N_

SCHEMA_VERSION: Final = 1

MSG_ONLY_DRAFT_PROPOSED = N_("Only a draft can be proposed")
MSG_ONLY_PROPOSED_AGREED = N_("Only a proposed plan can be marked as agreed")
MSG_ONLY_PROPOSED_REDRAFTED = N_("Only a proposed plan can go back to being a draft")
MSG_ONLY_AGREED_ACTIVE = N_("Only an agreed plan can become active")
MSG_PAYMENTS_NEED_AGREEMENT = N_("Payments can be recorded once the plan is agreed")
MSG_ONLY_ACTIVE_COMPLETED = N_("Only an active plan can be completed")
MSG_FINISHED = N_("This plan is finished (completed or abandoned); start a new plan instead")
MSG_ONLY_DRAFT_REVISED = N_("Only a draft can be changed; record the lender's terms when they are agreed")
MSG_PAYMENT_IN_FUTURE = N_("A payment cannot be dated after today")
MSG_NO_SUCH_PAYMENT = N_("This payment is no longer in the plan")


@dataclass(frozen=True)
class Plan:
    """One saved plan for one debt. ``option`` is what the user proposes; once agreed, ``agreement`` holds
    the terms as agreed (which may differ) and the schedule follows them."""

    id: str
    title: str
    created_at: datetime
    updated_at: datetime
    status: PlanStatus
    start: date
    position: DebtPosition
    option: Option
    finances: Finances | None = None
    name: str = ""  # the user's own name for the script, if they want it there
    causes: tuple[Cause, ...] = ()
    own_words: str = ""
    script: DraftText = field(default_factory=lambda: DraftText(""))
    statement: DraftText = field(default_factory=lambda: DraftText(""))
    materials: tuple[str, ...] = ()
    proposed: Proposed | None = None
    agreement: Agreement | None = None
    payments: tuple[Payment, ...] = ()
    history: tuple[Change, ...] = ()

    @property
    def terms(self) -> tuple[Option, DebtPosition, date]:
        """What the schedule follows: the agreed terms once there are any, else the proposal."""
        if self.agreement is not None:
            return self.agreement.terms, self.agreement.position or self.position, self.agreement.start
        return self.option, self.position, self.start

    def schedule(self) -> Schedule:
        option, position, start = self.terms
        return build_schedule(option, position, start)

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": SCHEMA_VERSION,
            "id": self.id,
            "title": self.title,
            "created_at": moment_text(self.created_at),
            "updated_at": moment_text(self.updated_at),
            "status": self.status.value,
            "start": self.start.isoformat(),
            "position": self.position.to_dict(),
            "option": self.option.to_dict(),
            "finances": None if self.finances is None else self.finances.to_dict(),
            "name": self.name,
            "causes": [cause.value for cause in self.causes],
            "own_words": self.own_words,
            "script": self.script.to_dict(),
            "statement": self.statement.to_dict(),
            "materials": list(self.materials),
            "proposed": None if self.proposed is None else self.proposed.to_dict(),
            "agreement": None if self.agreement is None else self.agreement.to_dict(),
            "payments": [payment.to_dict() for payment in self.payments],
            "history": [change.to_dict() for change in self.history],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Plan:
        """Rebuild from :meth:`to_dict`; raises ValueError (with the field) on malformed data."""
        try:
            status = PlanStatus(text_from(data.get("status"), "status"))
            causes = tuple(Cause(text_from(value, "causes")) for value in list_from(data.get("causes"), "causes"))
        except ValueError as error:
            raise ValueError(f"plan: {error}") from error
        finances = data.get("finances")
        proposed = data.get("proposed")
        agreement = data.get("agreement")
        return cls(
            id=text_from(data.get("id"), "id"),
            title=text_from(data.get("title"), "title"),
            created_at=moment_from(data.get("created_at"), "created_at"),
            updated_at=moment_from(data.get("updated_at"), "updated_at"),
            status=status,
            start=date_from(data.get("start"), "start"),
            position=DebtPosition.from_dict(mapping_from(data.get("position"), "position")),
            option=Option.from_dict(mapping_from(data.get("option"), "option")),
            finances=None if finances is None else Finances.from_dict(mapping_from(finances, "finances")),
            name=text_from(data.get("name"), "name"),
            causes=causes,
            own_words=text_from(data.get("own_words"), "own_words"),
            script=DraftText.from_dict(mapping_from(data.get("script") or {}, "script")),
            statement=DraftText.from_dict(mapping_from(data.get("statement") or {}, "statement")),
            materials=ticked_in_order(text_from(k, "materials") for k in list_from(data.get("materials"), "materials")),
            proposed=None if proposed is None else Proposed.from_dict(mapping_from(proposed, "proposed")),
            agreement=None if agreement is None else Agreement.from_dict(mapping_from(agreement, "agreement")),
            payments=tuple(Payment.from_dict(item) for item in list_from(data.get("payments"), "payments")),
            history=tuple(Change.from_dict(item) for item in list_from(data.get("history"), "history")),
        )


def _changed(plan: Plan, at: datetime, kind: ChangeKind, detail: str = "", **fields: Any) -> Plan:
    require_aware(at, "at")
    before = plan.status
    after = fields.get("status", before)
    change = Change(at, kind, before if after is not before else None, after, detail)
    return replace(plan, updated_at=at, history=(*plan.history, change), **fields)


def _move(plan: Plan, at: datetime, target: PlanStatus, message: str, detail: str = "", **fields: Any) -> Plan:
    if plan.status.finished:
        raise InputError(MSG_FINISHED)
    if target not in TRANSITIONS[plan.status]:
        raise InputError(message)
    return _changed(plan, at, ChangeKind.STATUS, detail, status=target, **fields)


def new_plan(
    plan_id: str,
    title: str,
    position: DebtPosition,
    option: Option,
    start: date,
    at: datetime,
    *,
    finances: Finances | None = None,
) -> Plan:
    """A draft; raises the option's first InputError so nothing is saved half-way."""
    require_aware(at, "at")
    build_schedule(option, position, start)
    change = Change(at, ChangeKind.CREATED, None, PlanStatus.DRAFT, "")
    return Plan(plan_id, title, at, at, PlanStatus.DRAFT, start, position, option, finances, history=(change,))


def revise(
    plan: Plan,
    at: datetime,
    *,
    title: str | None = None,
    position: DebtPosition | None = None,
    option: Option | None = None,
    start: date | None = None,
    finances: Finances | None = None,
) -> Plan:
    """Change a draft's numbers; the new option must build."""
    if plan.status is not PlanStatus.DRAFT:
        raise InputError(MSG_FINISHED if plan.status.finished else MSG_ONLY_DRAFT_REVISED)
    new_position = position or plan.position
    new_option = option or plan.option
    new_start = start or plan.start
    build_schedule(new_option, new_position, new_start)
    return _changed(
        plan,
        at,
        ChangeKind.REVISED,
        title=plan.title if title is None else title,
        position=new_position,
        option=new_option,
        start=new_start,
        finances=finances if finances is not None else plan.finances,
    )


def update_texts(plan: Plan, at: datetime, **fields: Any) -> Plan:
    """Change what the script and statement are filled from, or the texts themselves, in any unfinished state.

    Accepts ``name``, ``causes``, ``own_words``, ``script``, ``statement`` and ``materials``.
    """
    allowed = {"name", "causes", "own_words", "script", "statement", "materials"}
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"update_texts: unexpected {sorted(unknown)}")
    if plan.status.finished:
        raise InputError(MSG_FINISHED)
    if "materials" in fields:
        fields["materials"] = ticked_in_order(fields["materials"])
    return _changed(plan, at, ChangeKind.TEXTS, **fields)


def propose(plan: Plan, at: datetime, proposed: Proposed) -> Plan:
    return _move(plan, at, PlanStatus.PROPOSED, MSG_ONLY_DRAFT_PROPOSED, proposed=proposed)


def back_to_draft(plan: Plan, at: datetime, note: str = "") -> Plan:
    """The lender declined or asked for changes: rework the proposal (the earlier proposal stays in history)."""
    return _move(plan, at, PlanStatus.DRAFT, MSG_ONLY_PROPOSED_REDRAFTED, note)


def agree(plan: Plan, at: datetime, agreement: Agreement) -> Plan:
    """Record the terms as agreed; they must build (InputError otherwise)."""
    if plan.status is PlanStatus.PROPOSED:
        build_schedule(agreement.terms, agreement.position or plan.position, agreement.start)
    return _move(plan, at, PlanStatus.AGREED, MSG_ONLY_PROPOSED_AGREED, agreement=agreement)


def activate(plan: Plan, at: datetime) -> Plan:
    return _move(plan, at, PlanStatus.ACTIVE, MSG_ONLY_AGREED_ACTIVE)


def complete(plan: Plan, at: datetime, note: str = "") -> Plan:
    return _move(plan, at, PlanStatus.COMPLETED, MSG_ONLY_ACTIVE_COMPLETED, note)


def abandon(plan: Plan, at: datetime, reason: str = "") -> Plan:
    return _move(plan, at, PlanStatus.ABANDONED, MSG_FINISHED, reason)


def record_payment(plan: Plan, at: datetime, payment: Payment) -> Plan:
    """Add a payment made; an agreed plan becomes active with its first payment (both changes dated)."""
    if plan.status.finished:
        raise InputError(MSG_FINISHED)
    if plan.status not in (PlanStatus.AGREED, PlanStatus.ACTIVE):
        raise InputError(MSG_PAYMENTS_NEED_AGREEMENT)
    checks.check_amount(payment.amount)
    _option, _position, start = plan.terms
    checks.check_not_before(payment.paid_on, start)
    if payment.paid_on > at.date():
        raise InputError(MSG_PAYMENT_IN_FUTURE)
    if plan.status is PlanStatus.AGREED:
        plan = activate(plan, at)
    return _changed(plan, at, ChangeKind.PAYMENT_ADDED, payment.id, payments=(*plan.payments, payment))


def remove_payment(plan: Plan, at: datetime, payment_id: str) -> Plan:
    """Take back a payment recorded by mistake (the removal stays in history)."""
    if plan.status.finished:
        raise InputError(MSG_FINISHED)
    kept = tuple(payment for payment in plan.payments if payment.id != payment_id)
    if len(kept) == len(plan.payments):
        raise InputError(MSG_NO_SUCH_PAYMENT)
    return _changed(plan, at, ChangeKind.PAYMENT_REMOVED, payment_id, payments=kept)


def paid_total(plan: Plan) -> Decimal:
    return sum((payment.amount for payment in plan.payments), Decimal("0.00"))
