"""Saved plans as the screens use them: start one, move it through its life, follow it, export it.

Every change reads the plan, applies the domain's function with the shared clock's
time (so every change is dated) and writes the plan's one file, then its summary.
An InputError from the domain reaches the screen unchanged and nothing is written.
Home and the Habits reminders read only the open plans' summaries (one small file):
:meth:`Plans.next_payment`, :meth:`Plans.followed` and :meth:`Plans.due_items`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from jiebei_tui.domain import plans as plans_domain
from jiebei_tui.domain.calls import Commitment, CommitmentStatus
from jiebei_tui.domain.habits import DueItem, plan_instalment_due
from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.i18n import N_, _
from jiebei_tui.services import call_script
from jiebei_tui.services.clock import WallClock
from jiebei_tui.services.selfcheck import SelfChecks
from jiebei_tui.store.calls import CallsRepo
from jiebei_tui.store.drafts import DraftKeeper
from jiebei_tui.store.plans import OpenInstalment, PlansRepo, PlanSummary
from jiebei_tui.store.store import Store

MSG_PLAN_GONE = N_("This plan is no longer saved (another session may have removed it)")
MSG_COMMITMENT_RECORDED = N_("This promise is already recorded as a payment of this plan")


@dataclass(frozen=True)
class NextPayment:
    """The soonest instalment still to pay of the agreed and active plans (Home)."""

    plan_id: str
    title: str
    debt: str
    number: int
    count: int
    due: date
    amount: Decimal  # what is still due on it
    days_left: int  # 0 today, negative: overdue by that many days

    @property
    def overdue(self) -> bool:
        return self.days_left < 0


class Plans:
    def __init__(
        self, store: Store, clock: WallClock, selfchecks: SelfChecks, calls: CallsRepo, drafts: DraftKeeper
    ) -> None:
        self.repo = PlansRepo(store)
        self._clock = clock
        self._selfchecks = selfchecks
        self._calls = calls
        self._drafts = drafts

    # ----- reading ---------------------------------------------------------------------------

    def today(self) -> date:
        return self._clock().date()

    def summaries(self) -> list[PlanSummary]:
        """Every plan for Review: open ones first, each group newest change first."""
        return self.repo.summaries()

    def open_summaries(self) -> list[PlanSummary]:
        """Plans from draft to active (one small file)."""
        return self.repo.open_summaries()

    def get(self, plan_id: str) -> plans_domain.Plan | None:
        return self.repo.get(plan_id)

    def count(self) -> int:
        return self.repo.count()

    # ----- what Home and the reminders read (the open plans' summaries only) ------------------

    def followed(self) -> list[PlanSummary]:
        """Agreed and active plans with their progress (paid, remaining, fraction), soonest next due first."""
        found = [summary for summary in self.repo.open_summaries() if summary.followed]
        return sorted(found, key=lambda s: (s.next_due is None, s.next_due.due if s.next_due else date.max, s.id))

    def next_payment(self) -> NextPayment | None:
        """The soonest unpaid instalment of any agreed or active plan, or None."""
        today = self.today()
        for summary in self.followed():
            item = summary.next_due
            if item is not None:
                return NextPayment(
                    summary.id, summary.title, summary.debt, item.number, summary.count, item.due, item.left,
                    (item.due - today).days,
                )
        return None

    def due_items(self, until: date) -> tuple[DueItem, ...]:
        """Every unpaid instalment of the agreed and active plans due on or before ``until``, past ones
        included (they are overdue): the Habits reminders' ``DueFeed``."""
        found: list[DueItem] = []
        for summary in self.followed():
            name = summary.title or summary.debt
            for item in summary.open:
                if item.due <= until:
                    found.append(plan_instalment_due(summary.id, name, item.number, summary.count, item.due, item.left))
        return tuple(found)

    # ----- starting ------------------------------------------------------------------------

    def starting_point(self) -> plans_domain.StartingPoint:
        """The latest self-check's debts and month, assessed again today; a blank plan without one."""
        today = self.today()
        latest = self._selfchecks.latest()
        if latest is None:
            return plans_domain.blank_start(today)
        point = plans_domain.from_selfcheck(latest.input, today, latest.day)
        return point if point.positions else plans_domain.blank_start(today)

    def create(
        self, title: str, position: plans_domain.DebtPosition, option: plans_domain.Option, start: date, finances: plans_domain.Finances | None = None
    ) -> plans_domain.Plan:
        """Save a new draft (raises the option's first InputError: nothing is saved half-way)."""
        plan = plans_domain.new_plan(self.repo.new_id(), title, position, option, start, self._clock(), finances=finances)
        plan = self._with_texts(plan)
        self.repo.save(plan)
        return plan

    # ----- changes -------------------------------------------------------------------------

    def _change(self, plan_id: str, edit: Callable[[plans_domain.Plan, datetime], plans_domain.Plan]) -> plans_domain.Plan:
        plan = self.repo.get(plan_id)
        if plan is None:
            raise InputError(MSG_PLAN_GONE)
        changed = edit(plan, self._clock())
        self.repo.save(changed)
        return changed

    def revise(self, plan_id: str, **fields: Any) -> plans_domain.Plan:
        """A draft's numbers (title, position, option, start, finances); its texts follow the new numbers."""
        return self._change(plan_id, lambda plan, at: self._with_texts(plans_domain.revise(plan, at, **fields)))

    def propose(self, plan_id: str, proposed: plans_domain.Proposed) -> plans_domain.Plan:
        return self._change(plan_id, lambda plan, at: plans_domain.propose(plan, at, proposed))

    def back_to_draft(self, plan_id: str, note: str = "") -> plans_domain.Plan:
        return self._change(plan_id, lambda plan, at: plans_domain.back_to_draft(plan, at, note))

    def agree(self, plan_id: str, agreement: plans_domain.Agreement) -> plans_domain.Plan:
        return self._change(plan_id, lambda plan, at: plans_domain.agree(plan, at, agreement))

    def complete(self, plan_id: str, note: str = "") -> plans_domain.Plan:
        return self._change(plan_id, lambda plan, at: plans_domain.complete(plan, at, note))

    def abandon(self, plan_id: str, reason: str = "") -> plans_domain.Plan:
        return self._change(plan_id, lambda plan, at: plans_domain.abandon(plan, at, reason))

    def record_payment(
        self, plan_id: str, paid_on: date, amount: Decimal, method: plans_domain.PaymentMethod, note: str = "", payment_id: str = ""
    ) -> plans_domain.Plan:
        def edit(plan: plans_domain.Plan, at: datetime) -> plans_domain.Plan:
            payment = plans_domain.Payment(payment_id or self.repo.new_id(), paid_on, amount, method, at, note)
            return plans_domain.record_payment(plan, at, payment)

        return self._change(plan_id, edit)

    def remove_payment(self, plan_id: str, payment_id: str) -> plans_domain.Plan:
        return self._change(plan_id, lambda plan, at: plans_domain.remove_payment(plan, at, payment_id))

    def record_commitment(self, plan_id: str, commitment: Commitment) -> plans_domain.Plan:
        """A promise made on a call, kept: recorded as a payment of the plan, and marked done on its call."""
        payment_id = f"promise-{commitment.note_id}"

        def edit(plan: plans_domain.Plan, at: datetime) -> plans_domain.Plan:
            if any(payment.id == payment_id for payment in plan.payments):
                raise InputError(MSG_COMMITMENT_RECORDED)
            payment = plans_domain.payment_from_commitment(
                commitment.amount, commitment.due, payment_id=payment_id, recorded_at=at, note=commitment.text
            )
            return plans_domain.record_payment(plan, at, payment)

        plan = self._change(plan_id, edit)
        self._calls.change(
            commitment.record_id, lambda record: record.with_commitment_status(commitment.note_id, CommitmentStatus.DONE)
        )
        return plan

    def update_texts(self, plan_id: str, **fields: Any) -> plans_domain.Plan:
        """The name, causes, own words, materials, or the user's own script and statement."""
        regenerate = bool({"name", "causes", "own_words", "materials"} & set(fields))

        def edit(plan: plans_domain.Plan, at: datetime) -> plans_domain.Plan:
            changed = plans_domain.update_texts(plan, at, **fields)
            return self._with_texts(changed) if regenerate else changed

        return self._change(plan_id, edit)

    def refresh_texts(self, plan_id: str) -> plans_domain.Plan | None:
        """The generated script and statement in today's UI language and figures; written only if they changed."""
        plan = self.repo.get(plan_id)
        if plan is None or plan.status.finished:
            return plan
        fresh = self._with_texts(plan)
        if fresh is not plan:
            self.repo.save(fresh)
        return fresh

    def _with_texts(self, plan: plans_domain.Plan) -> plans_domain.Plan:
        """``plan`` with its generated texts regenerated (the user's own versions kept); the same object when
        nothing changed, so nothing is written and the history stays quiet."""
        try:
            negotiation = plans_domain.negotiation_for(plan, self.today())
        except InputError:
            return plan
        script = plans_domain.render_text(plans_domain.script_lines(negotiation), _)
        statement = plans_domain.render_text(plans_domain.statement_lines(negotiation, plan.materials), _)
        if script == plan.script.generated and statement == plan.statement.generated:
            return plan
        return plans_domain.update_texts(
            plan, self._clock(), script=plan.script.regenerate(script), statement=plan.statement.regenerate(statement)
        )

    def delete(self, plan_id: str) -> None:
        """Remove a draft that was never proposed."""
        plan = self.repo.get(plan_id)
        if plan is not None and plan.status is plans_domain.PlanStatus.DRAFT and plan.proposed is None:
            self.repo.delete(plan_id)

    # ----- a call started from a plan -------------------------------------------------------

    def link_call(self, record_id: str, plan_id: str) -> None:
        """The call ``record_id`` was started from ``plan_id``: its script shows beside the note recorder."""
        call_script.link_call(self._drafts, record_id, plan_id)

    def script_for_call(self, record_id: str) -> plans_domain.Plan | None:
        plan_id = call_script.linked_plan(self._drafts, record_id)
        return self.repo.get(plan_id) if plan_id is not None else None

    # ----- export --------------------------------------------------------------------------

    def markdown(self, plan: plans_domain.Plan) -> str:
        return plans_domain.plan_markdown(plan, self.today(), _)

    def calendar(self, plans: Iterable[plans_domain.Plan]) -> bytes:
        """An .ics of the open instalments of the agreed and active ``plans`` (a reminder the day before)."""
        return plans_domain.plans_calendar(plans, today=self.today(), stamp=self._clock(), translate=_)

    def followed_plans(self) -> list[plans_domain.Plan]:
        """The agreed and active plans themselves (one file each), for the calendar of every plan."""
        return [plan for summary in self.followed() if (plan := self.repo.get(summary.id)) is not None]

    def export(self, plan: plans_domain.Plan, folder: Path) -> tuple[Path, Path | None]:
        """Write ``<title>.md`` and, when it has dates to keep, ``<title>.ics`` into ``folder`` (0600, atomic)."""
        from jiebei_tui.store.export import write_export  # the export module is not needed at start-up

        stem = export_stem(plan, self._clock())
        markdown = folder / f"{stem}.md"
        write_export(markdown, self.markdown(plan))
        if plan.status not in (plans_domain.PlanStatus.AGREED, plans_domain.PlanStatus.ACTIVE):
            return markdown, None
        calendar = folder / f"{stem}.ics"
        write_export(calendar, self.calendar([plan]).decode("utf-8"))
        return markdown, calendar


def export_stem(plan: plans_domain.Plan, now: datetime) -> str:
    """A file name without the user's text in it (titles may hold anything): the date and the plan's id."""
    return f"jiebei-plan-{now.strftime('%Y%m%d')}-{plan.id[:8]}"


__all__ = ["NextPayment", "OpenInstalment", "PlanSummary", "Plans", "export_stem"]
