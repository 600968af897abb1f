"""Warnings in words: what a plan's numbers mean for the month, each a message id with its values."""

from __future__ import annotations

from dataclasses import dataclass

from jiebei_tui.domain.labels import LabelledEnum
from jiebei_tui.domain.plans.message import Message
from jiebei_tui.i18n import N_


class AlertKind(LabelledEnum):
    ZERO_RATE = "zero_rate", N_("No interest")
    LAST_ADJUSTED = "last_adjusted", N_("Last instalment changed")
    NEVER_PAID_OFF = "never_paid_off", N_("Never paid off")
    NOT_PAID_OFF_IN_TIME = "not_paid_off_in_time", N_("Not paid off within the time looked at")
    ABOVE_SURPLUS = "above_surplus", N_("Above what is left each month")
    BELOW_ESSENTIALS = "below_essentials", N_("Leaves less than the essentials")
    NO_SURPLUS = "no_surplus", N_("Nothing left each month")
    MINIMUMS_ABOVE_BUDGET = "minimums_above_budget", N_("Minimum payments above the budget")
    STILL_OVERDUE = "still_overdue", N_("Still overdue")
    LENDER_MISSING = "lender_missing", N_("Lender missing")


@dataclass(frozen=True)
class Alert:
    kind: AlertKind
    message: Message
