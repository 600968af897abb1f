"""What happens to a plan, as records: the proposal made, the terms agreed, payments, and dated changes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from jiebei_tui.domain.instants import require_aware
from jiebei_tui.domain.labels import LabelledEnum
from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.plans.options import Option
from jiebei_tui.domain.plans.position import DebtPosition
from jiebei_tui.domain.plans.status import PlanStatus
from jiebei_tui.domain.serial import (
    date_from,
    decimal_text,
    mapping_from,
    moment_from,
    moment_text,
    money_from,
    optional_text,
    text_from,
)
from jiebei_tui.i18n import N_

MSG_COMMITMENT_NO_AMOUNT = N_("This commitment has no amount; add the amount first")
MSG_COMMITMENT_NO_DATE = N_("This commitment has no date; add the date first")


class Channel(LabelledEnum):
    """How the proposal reached the lender (official channels only)."""

    APP = "app", N_("In the lender's app")
    HOTLINE = "hotline", N_("Official customer-service phone line")
    ONLINE_SERVICE = "online_service", N_("Official online customer service")
    LETTER = "letter", N_("Letter or e-mail")
    OTHER = "other", N_("Other official channel")


class PaymentMethod(LabelledEnum):
    APP = "app", N_("Repaid in the app")
    AUTO_DEBIT = "auto_debit", N_("Automatic debit")
    BANK_TRANSFER = "bank_transfer", N_("Transfer to the lender's official account")
    OTHER = "other", N_("Other")


class ChangeKind(LabelledEnum):
    CREATED = "created", N_("Plan created")
    STATUS = "status", N_("Status changed")
    REVISED = "revised", N_("Numbers changed")
    TEXTS = "texts", N_("Script or statement changed")
    PAYMENT_ADDED = "payment_added", N_("Payment recorded")
    PAYMENT_REMOVED = "payment_removed", N_("Payment taken back")


@dataclass(frozen=True)
class Proposed:
    on: date
    channel: Channel
    note: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"on": self.on.isoformat(), "channel": self.channel.value, "note": self.note}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Proposed:
        return cls(
            date_from(data.get("on"), "on"),
            Channel(text_from(data.get("channel"), "channel")),
            text_from(data.get("note"), "note"),
        )


@dataclass(frozen=True)
class Agreement:
    """The terms as agreed (they may differ from the proposal), who agreed them, when, and the reference.

    ``position`` is the lender's own figures when they differ from the plan's (None: the plan's).
    """

    terms: Option
    start: date
    agreed_on: date
    with_whom: str = ""
    reference: str = ""
    note: str = ""
    position: DebtPosition | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "terms": self.terms.to_dict(),
            "start": self.start.isoformat(),
            "agreed_on": self.agreed_on.isoformat(),
            "with_whom": self.with_whom,
            "reference": self.reference,
            "note": self.note,
            "position": None if self.position is None else self.position.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Agreement:
        position = data.get("position")
        return cls(
            terms=Option.from_dict(mapping_from(data.get("terms"), "terms")),
            start=date_from(data.get("start"), "start"),
            agreed_on=date_from(data.get("agreed_on"), "agreed_on"),
            with_whom=text_from(data.get("with_whom"), "with_whom"),
            reference=text_from(data.get("reference"), "reference"),
            note=text_from(data.get("note"), "note"),
            position=None if position is None else DebtPosition.from_dict(mapping_from(position, "position")),
        )


@dataclass(frozen=True)
class Payment:
    """A payment made: when, how much, how; ``recorded_at`` is when it was typed in."""

    id: str
    paid_on: date
    amount: Decimal
    method: PaymentMethod
    recorded_at: datetime
    note: str = ""

    def to_dict(self) -> dict[str, str]:
        return {
            "id": self.id,
            "paid_on": self.paid_on.isoformat(),
            "amount": decimal_text(self.amount),
            "method": self.method.value,
            "recorded_at": moment_text(self.recorded_at),
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Payment:
        return cls(
            id=text_from(data.get("id"), "id"),
            paid_on=date_from(data.get("paid_on"), "paid_on"),
            amount=money_from(data.get("amount"), "amount"),
            method=PaymentMethod(text_from(data.get("method"), "method")),
            recorded_at=moment_from(data.get("recorded_at"), "recorded_at"),
            note=text_from(data.get("note"), "note"),
        )


def payment_from_commitment(
    amount: Decimal | None,
    due: date | None,
    *,
    payment_id: str,
    recorded_at: datetime,
    method: PaymentMethod = PaymentMethod.APP,
    note: str = "",
) -> Payment:
    """A promise made during a call (诺:, amount and date) recorded as a plan payment once it is kept.

    Takes the commitment's amount and due date as they are (``calls.Commitment.amount``
    and ``.due``); :func:`lifecycle.record_payment` then checks the date against the plan.
    """
    require_aware(recorded_at, "recorded_at")
    if amount is None:
        raise InputError(MSG_COMMITMENT_NO_AMOUNT)
    if due is None:
        raise InputError(MSG_COMMITMENT_NO_DATE)
    return Payment(payment_id, due, amount, method, recorded_at, note)


@dataclass(frozen=True)
class Change:
    """One dated change. ``status_from`` is set only when the status moved; ``detail`` is a payment id or
    the user's note for the change."""

    at: datetime
    kind: ChangeKind
    status_from: PlanStatus | None
    status_to: PlanStatus
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "at": moment_text(self.at),
            "kind": self.kind.value,
            "status_from": None if self.status_from is None else self.status_from.value,
            "status_to": self.status_to.value,
            "detail": self.detail,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Change:
        before = optional_text(data.get("status_from"), "status_from")
        return cls(
            at=moment_from(data.get("at"), "at"),
            kind=ChangeKind(text_from(data.get("kind"), "kind")),
            status_from=None if before is None else PlanStatus(before),
            status_to=PlanStatus(text_from(data.get("status_to"), "status_to")),
            detail=text_from(data.get("detail"), "detail"),
        )
