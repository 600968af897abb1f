"""The verdict's words: labels of the figures it rests on, its formulas, headlines and explanations.

Message ids only (translated where shown); ``verdict.py`` decides which apply.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from jiebei_tui.domain.selfcheck.kinds import VerdictKind
from jiebei_tui.i18n import N_, N_plural

# What the verdict rests on (also the labels of the assessment's figures).
L_INCOME = N_("Monthly income")
L_ESSENTIALS = N_("Essential spending each month")
L_OTHER_FIXED = N_("Other fixed payments each month")
L_DEBT_PAYMENTS = N_("Regular debt payments each month")
L_SAVINGS = N_("Savings usable now")
L_NEEDED = N_("Needed to clear all overdue today")
L_TOTAL_PER_DAY = N_("Cost of each day of waiting, all debts")
L_TOTAL_30_DAYS = N_("Added by waiting 30 more days, all debts")
L_SURPLUS = N_("Left over each month")
L_SHORTFALL = N_("Short each month")
L_LIMIT = N_("Longest this app suggests paying off alone")
L_RESERVE_MONTHS = N_("Months of the shortfall this app keeps in reserve")
R_MONTHS = N_plural("{months} month", "{months} months")

# Steps.
L_GAP = N_("Essentials above income each month")
L_SAVINGS_LEFT = N_("Savings left after clearing the overdue")
L_RESERVE = N_("Reserve for the monthly shortfall")
L_REQUIRED = N_("Needed to clear the overdue and keep that reserve")
L_NEEDED_AFTER = N_("Needed by then, waiting included")
L_AVAILABLE_AFTER = N_("Available by then")
L_SURPLUS_VS_COST = N_("Left each month minus what waiting adds each month")
L_MONTHS_NEEDED = N_("Months needed")
F_SURPLUS = N_("{income} − {essentials} − {other_fixed} − {debt_payments}")
F_SHORTFALL = N_("{essentials} + {other_fixed} + {debt_payments} − {income}")
F_PLUS_TIMES = N_("{a} + {n} × {b}")
F_MONTHS_NEEDED = N_("({needed} − {savings}) ÷ ({surplus} − {monthly_cost}), rounded up")

H_CLEAR_NOW = N_("Your savings can clear the overdue now")
E_CLEAR_NOW = N_(
    "Usable savings of {savings} cover the {needed} needed today: the overdue principal plus what has "
    "accrued. Each day of waiting adds about {per_day}. Next: plan the payment, and keep the lender's "
    "confirmation in writing."
)
E_CLEAR_NOW_RESERVE = N_(
    "Usable savings of {savings} cover the {needed} needed today and leave {left}. Each month you are "
    "{shortfall} short after essentials and regular payments; what is left covers at least "
    "{reserve_months} months of that ({reserve}), the reserve this app asks for. Each day of waiting adds "
    "about {per_day}. Next: plan the payment and keep the lender's confirmation in writing, then work on "
    "the monthly shortfall, essentials first."
)
H_NOTHING_OVERDUE = N_("Nothing is overdue in what you entered")
E_NOTHING_OVERDUE = N_(
    "Your income covers essentials and regular payments, with {surplus} left each month. Keep the due "
    "dates in view."
)
H_CLEAR_IN_MONTHS = N_plural(
    "At this pace, the overdue is cleared in about {months} month",
    "At this pace, the overdue is cleared in about {months} months",
)
E_CLEAR_IN_MONTHS = N_(
    "At this pace, with {surplus} left each month and {savings} usable now, the {needed} overdue would be "
    "cleared by month {months}. This counts up to about {monthly_cost} a month that waiting adds, so "
    "clearing it sooner would save up to that much for each month. Next: a plan you can keep to, shared "
    "with the lender."
)
H_NEGOTIATE = N_("Ask the lender for instalments or a deferral")
E_NEGOTIATE_PAYMENTS = N_(
    "Your savings of {savings} could clear the {needed} overdue, but would leave {left}: less than "
    "{reserve_months} months ({reserve}) of the {shortfall} by which your regular payments exceed what is "
    "left after essentials each month, so a new overdue would soon follow. Talk to the lender about the "
    "monthly payments before the next due date."
)
H_NEGOTIATE_EARLY = N_("Talk to the lender before the next due date")
E_NEGOTIATE_PAYMENTS_EARLY = N_(
    "Nothing is overdue yet, but each month your regular payments are {shortfall} more than what is left "
    "after essentials. Telling the lender early, with a concrete proposal, keeps more options open than "
    "waiting for a missed payment."
)
E_NEGOTIATE_SHORTFALL = N_(
    "After essentials and regular payments you are {shortfall} short each month, so the {needed} overdue "
    "cannot be cleared from income. Contacting the lender early with a concrete instalment or deferral "
    "proposal is the usual next step; bring these numbers to the call."
)
E_NEGOTIATE_NO_SURPLUS = N_(
    "After essentials and regular payments nothing is left each month, so the {needed} overdue cannot "
    "be cleared from income. Contacting the lender early with a concrete instalment or deferral proposal "
    "is the usual next step; bring these numbers to the call."
)
E_NEGOTIATE_NOT_OUTPACING = N_(
    "What is left each month ({surplus}) is not more than what waiting adds ({monthly_cost} a month), so "
    "the overdue would not shrink. An instalment or deferral plan agreed with the lender may fit better; "
    "bring these numbers to the call."
)
E_NEGOTIATE_TOO_SLOW = N_(
    "With {savings} usable now and {surplus} left each month, of which waiting takes up to {monthly_cost}, "
    "clearing the {needed} overdue would take about {months} months. That is more than {limit} months, the "
    "longest this app suggests paying off alone: the longer it runs, the more waiting costs. An instalment "
    "or deferral plan agreed with the lender may fit better; bring these numbers to the call."
)
H_CRISIS = N_("Essentials first: your income does not cover them")
E_CRISIS = N_(
    "Essential spending is {essentials} a month and income is {income}, {gap} short. Keep housing, food, "
    "utilities, transport and medical costs paid first. Then tell your lenders early about the hardship, "
    "with these numbers. Below: who to talk to, and what each complaint number is for."
)
E_CRISIS_SAVINGS = N_(
    "Essential spending is {essentials} a month and income is {income}, {gap} short. Your savings of "
    "{savings} do not cover both the {needed} overdue and {reserve_months} months of the {shortfall} "
    "monthly shortfall ({required} in all), so keep them for essentials: housing, food, utilities, "
    "transport and medical costs come first. Then tell your lenders early about the hardship, with these "
    "numbers. Below: who to talk to, and what each complaint number is for."
)

NOTE_UPPER_BOUND = N_(
    "The cost of waiting counts the whole overdue as accruing until it is cleared, so it is an upper bound."
)
NOTE_RESERVE = N_(
    "Before it suggests using savings for the overdue, this app asks that what is left still covers "
    "{months} months of the monthly shortfall, so essentials stay paid while you find more income or "
    "agree new terms. That is this app's suggestion, not a rule."
)

VERDICT_WORDS: Final[Mapping[VerdictKind, str]] = {
    VerdictKind.CRISIS: N_("Essentials first"),
    VerdictKind.CLEAR_NOW: N_("Can clear now"),
    VerdictKind.NEGOTIATE: N_("Ask the lender for a plan"),
}
VERDICT_MONTHS: Final = N_plural("About {n} month at this pace", "About {n} months at this pace")
