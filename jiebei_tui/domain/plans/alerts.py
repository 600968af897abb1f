"""Warnings in words: what a plan's numbers mean for the month, each a message id with its values."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from jiebei_tui.domain.plans.message import Message
from jiebei_tui.i18n import N_


class AlertKind(str, Enum):
    ZERO_RATE = "zero_rate"
    LAST_ADJUSTED = "last_adjusted"
    NEVER_PAID_OFF = "never_paid_off"
    NOT_PAID_OFF_IN_TIME = "not_paid_off_in_time"
    ABOVE_SURPLUS = "above_surplus"
    BELOW_ESSENTIALS = "below_essentials"
    NO_SURPLUS = "no_surplus"
    MINIMUMS_ABOVE_BUDGET = "minimums_above_budget"
    STILL_OVERDUE = "still_overdue"
    LENDER_MISSING = "lender_missing"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS: dict[AlertKind, str] = {
    AlertKind.ZERO_RATE: N_("No interest"),
    AlertKind.LAST_ADJUSTED: N_("Last instalment changed"),
    AlertKind.NEVER_PAID_OFF: N_("Never paid off"),
    AlertKind.NOT_PAID_OFF_IN_TIME: N_("Not paid off within the time looked at"),
    AlertKind.ABOVE_SURPLUS: N_("Above what is left each month"),
    AlertKind.BELOW_ESSENTIALS: N_("Leaves less than the essentials"),
    AlertKind.NO_SURPLUS: N_("Nothing left each month"),
    AlertKind.MINIMUMS_ABOVE_BUDGET: N_("Minimum payments above the budget"),
    AlertKind.STILL_OVERDUE: N_("Still overdue"),
    AlertKind.LENDER_MISSING: N_("Lender missing"),
}


@dataclass(frozen=True)
class Alert:
    kind: AlertKind
    message: Message
