"""Saved plans on disk: the only code that reads or writes them.

* Plans: table ``plans``, one file per plan (``plans/<plan id>.json``) holding the
  whole :class:`~jiebei_tui.domain.plans.Plan` (option, agreed terms, payments,
  texts, dated history). Saving a plan, or recording a payment, rewrites that one
  file, whatever else is saved; its size is bounded by the plan (at most 120
  instalments and the payments made towards them).
* Summaries: table ``plan_summaries``, one small document per plan with what
  Review and Home show (status, paid, remaining, next due, the instalments still
  open), in ``plans/summaries/open.json`` (draft to active) and
  ``finished.json`` (completed, abandoned). Home reads ``open.json`` only.

A save writes the plan's file first, then its summary; a summary left behind by a
crash in between (it no longer matches the plan) is rewritten the next time that
plan is read, and a plan file without a summary gets one when
the list is read. A document that cannot be read back (edited by hand, or
damaged) is skipped rather than allowed to break the screens.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from jiebei_tui.domain import plans as plans_domain
from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.plans import PlanStatus
from jiebei_tui.domain.serial import (
    date_from,
    decimal_text,
    int_from,
    list_from,
    moment_from,
    moment_text,
    money_from,
    optional_date,
    text_from,
)
from jiebei_tui.store.store import Store, new_id
from jiebei_tui.store.tables import key_for

PLANS_TABLE = "plans"
SUMMARIES_TABLE = "plan_summaries"
OPEN = "open"
FINISHED = "finished"


@dataclass(frozen=True)
class OpenInstalment:
    """An instalment not yet fully paid: its number, due date and what is still due on it."""

    number: int
    due: date
    left: Decimal

    def to_list(self) -> list[Any]:
        return [self.number, self.due.isoformat(), decimal_text(self.left)]

    @classmethod
    def from_list(cls, data: Any) -> OpenInstalment:
        number, due, left = list_from(data, "open")
        return cls(int_from(number, "number"), date_from(due, "due"), money_from(left, "left"))


@dataclass(frozen=True)
class PlanSummary:
    """One plan as Review and Home list it, without reading the plan's file.

    ``count`` is 0 and ``problem`` set when the plan's numbers no longer build a
    schedule (a file edited by hand): the plan is listed, its figures are not.
    """

    id: str
    title: str
    status: PlanStatus
    debt: str
    lender: str
    created_at: datetime
    updated_at: datetime
    count: int
    scheduled: Decimal
    paid: Decimal
    payments: int
    payoff: date | None
    open: tuple[OpenInstalment, ...] = ()
    problem: str = ""

    @property
    def remaining(self) -> Decimal:
        return max(Decimal("0.00"), self.scheduled - self.paid)

    @property
    def fraction(self) -> float:
        """Paid share of the schedule, 0..1, for a progress bar."""
        if self.scheduled <= 0:
            return 1.0 if self.count else 0.0
        return float(min(Decimal(1), self.paid / self.scheduled))

    @property
    def next_due(self) -> OpenInstalment | None:
        return self.open[0] if self.open else None

    @property
    def followed(self) -> bool:
        """Agreed or active: its instalments are real dates to keep."""
        return self.status in (PlanStatus.AGREED, PlanStatus.ACTIVE)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "status": self.status.value,
            "debt": self.debt,
            "lender": self.lender,
            "created_at": moment_text(self.created_at),
            "updated_at": moment_text(self.updated_at),
            "count": self.count,
            "scheduled": decimal_text(self.scheduled),
            "paid": decimal_text(self.paid),
            "payments": self.payments,
            "payoff": None if self.payoff is None else self.payoff.isoformat(),
            "open": [item.to_list() for item in self.open],
            "problem": self.problem,
        }

    @classmethod
    def from_dict(cls, doc_id: str, data: Mapping[str, Any]) -> PlanSummary:
        return cls(
            id=doc_id,
            title=text_from(data.get("title"), "title"),
            status=PlanStatus(text_from(data.get("status"), "status")),
            debt=text_from(data.get("debt"), "debt"),
            lender=text_from(data.get("lender"), "lender"),
            created_at=moment_from(data.get("created_at"), "created_at"),
            updated_at=moment_from(data.get("updated_at"), "updated_at"),
            count=int_from(data.get("count", 0), "count"),
            scheduled=money_from(data.get("scheduled", "0"), "scheduled"),
            paid=money_from(data.get("paid", "0"), "paid"),
            payments=int_from(data.get("payments", 0), "payments"),
            payoff=optional_date(data.get("payoff"), "payoff"),
            open=tuple(OpenInstalment.from_list(item) for item in list_from(data.get("open"), "open")),
            problem=text_from(data.get("problem"), "problem"),
        )


def summarize(plan: plans_domain.Plan) -> PlanSummary:
    """The summary of ``plan``: its schedule against its payments (no clock: nothing here depends on today)."""
    _option, position, _start = plan.terms
    paid = sum((payment.amount for payment in plan.payments), Decimal("0.00"))
    count, scheduled, payoff, problem = 0, Decimal("0.00"), None, ""
    still_open: tuple[OpenInstalment, ...] = ()
    try:
        progress = plans_domain.track(plan, plan.start)
    except InputError as error:
        problem = error.english()
    else:
        schedule = progress.schedule
        count, scheduled, payoff = schedule.count, schedule.total_paid, schedule.payoff_date
        if plan.status in (PlanStatus.AGREED, PlanStatus.ACTIVE):
            still_open = tuple(
                OpenInstalment(item.row.number, item.row.due, item.left)
                for item in progress.instalments
                if item.paid_in_full_on is None
            )
    return PlanSummary(
        id=plan.id,
        title=plan.title,
        status=plan.status,
        debt=position.name,
        lender=position.lender,
        created_at=plan.created_at,
        updated_at=plan.updated_at,
        count=count,
        scheduled=scheduled,
        paid=paid,
        payments=len(plan.payments),
        payoff=payoff,
        open=still_open,
        problem=problem,
    )


def _plan(doc_id: str, doc: Mapping[str, Any]) -> plans_domain.Plan | None:
    try:
        return plans_domain.Plan.from_dict({**doc, "id": doc_id})
    except (KeyError, TypeError, ValueError, ArithmeticError):
        return None


def _summary(doc_id: str, doc: Mapping[str, Any]) -> PlanSummary | None:
    try:
        return PlanSummary.from_dict(doc_id, doc)
    except (KeyError, TypeError, ValueError, ArithmeticError):
        return None


def state_of(status: PlanStatus) -> str:
    return FINISHED if status.finished else OPEN


class PlansRepo:
    """Reads and writes plans and their summaries through a :class:`Store`."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @staticmethod
    def new_id() -> str:
        return new_id()

    # ----- plans ---------------------------------------------------------------------------

    def get(self, plan_id: str) -> plans_domain.Plan | None:
        """One plan (reads its own file); its summary is brought up to date if a crash left it behind."""
        period = self._key(plan_id)
        doc = self.store.view(PLANS_TABLE, period=period).get(plan_id)
        plan = None if doc is None else _plan(plan_id, doc)
        if plan is not None:
            current = self.store.view(SUMMARIES_TABLE, period=state_of(plan.status)).get(plan_id)
            summary = summarize(plan)
            if current != summary.to_dict():
                self._put_summary(summary)
        return plan

    def save(self, plan: plans_domain.Plan) -> bool:
        """Write the plan's file, then its summary. False: kept in memory and retried (disk full)."""
        durable = self.store.put(PLANS_TABLE, plan.id, self.document(plan), period=self._key(plan.id))
        self._put_summary(summarize(plan))
        return durable

    def delete(self, plan_id: str) -> None:
        """Remove a plan and its summary (offered for drafts only)."""
        for state in (OPEN, FINISHED):
            if plan_id in self.store.view(SUMMARIES_TABLE, period=state):
                self.store.delete(SUMMARIES_TABLE, plan_id, period=state)
        self.store.delete(PLANS_TABLE, plan_id, period=self._key(plan_id))

    @staticmethod
    def document(plan: plans_domain.Plan) -> dict[str, Any]:
        """The stored document: the plan as it serialises, with its id as the file's key."""
        doc = plan.to_dict()
        doc.pop("id", None)
        return {**doc, "plan_id": plan.id}

    @staticmethod
    def _key(plan_id: str) -> str:
        return str(key_for(PLANS_TABLE, {"plan_id": plan_id}))

    def count(self) -> int:
        """How many plans are saved (one directory listing)."""
        return len(self.store.periods(PLANS_TABLE))

    # ----- summaries -------------------------------------------------------------------------

    def _put_summary(self, summary: PlanSummary) -> None:
        state = state_of(summary.status)
        self.store.put(SUMMARIES_TABLE, summary.id, summary.to_dict(), period=state)
        other = FINISHED if state == OPEN else OPEN
        if summary.id in self.store.view(SUMMARIES_TABLE, period=other):
            self.store.delete(SUMMARIES_TABLE, summary.id, period=other)

    def open_summaries(self) -> list[PlanSummary]:
        """Plans from draft to active, newest change first: one small file."""
        return self._summaries(OPEN)

    def summaries(self) -> list[PlanSummary]:
        """Every plan, open ones first, each group newest change first; plan files without a summary get one."""
        found = {summary.id: summary for state in (FINISHED, OPEN) for summary in self._summaries(state)}
        for plan_id in self.store.periods(PLANS_TABLE):
            if plan_id not in found:
                plan = self.get(plan_id)  # writes its summary
                if plan is not None:
                    found[plan_id] = summarize(plan)
        return sorted(found.values(), key=lambda s: (s.status.finished, -s.updated_at.timestamp(), s.id))

    def _summaries(self, state: str) -> list[PlanSummary]:
        view = self.store.view(SUMMARIES_TABLE, period=state)
        found = [summary for doc_id, doc in view.items() if (summary := _summary(doc_id, doc)) is not None]
        return sorted(found, key=lambda s: (-s.updated_at.timestamp(), s.id))
