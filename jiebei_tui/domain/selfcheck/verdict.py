"""The plain answer: clear now, clear within months, negotiate, or essentials first."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal, localcontext
from typing import Final

from jiebei_tui.domain.labels import Message
from jiebei_tui.domain.parsing.money import format_money
from jiebei_tui.domain.selfcheck.explain import F_AMOUNT, Step
from jiebei_tui.domain.selfcheck.kinds import VerdictKind
from jiebei_tui.i18n import N_, N_plural

CLEAR_MONTHS_LIMIT: Final = 6
NEXT_PLAN_BUILDER: Final = "plan_builder"
NEXT_CALL_PREP: Final = "call_prep"


@dataclass(frozen=True)
class Verdict:
    """The plain answer. ``reason`` says which rule decided (stable key for the UI and tests).

    ``headline`` and ``explanation`` share their parameters: the formatted figures.
    """

    kind: VerdictKind
    reason: str
    months: int | None  # clear_in_months: N; negotiate/too_slow: months it would take
    next_step: str  # NEXT_PLAN_BUILDER or NEXT_CALL_PREP
    headline: Message
    explanation: Message
    steps: tuple[Step, ...]

    @property
    def params(self) -> Mapping[str, str]:
        """The formatted figures the texts name (``gap``, ``months``, ``surplus``...)."""
        return self.explanation.params


H_CLEAR_NOW = N_("Your savings can clear the overdue now")
E_CLEAR_NOW = N_(
    "Usable savings of {savings} cover the {needed} needed today: the overdue principal plus what has "
    "accrued. Each day of waiting adds about {per_day}. Next: plan the payment, and keep the lender's "
    "confirmation in writing."
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
    "Your savings of {savings} could clear the {needed} overdue, but each month your regular payments "
    "are {shortfall} more than what is left after essentials, so a new overdue would follow. Talk to the "
    "lender about the monthly payments before the next due date."
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
    "At {surplus} a month it would take about {months} months to clear the {needed} overdue, while "
    "waiting adds about {monthly_cost} a month. That is more than {limit} months, the longest this app "
    "suggests paying off alone: the longer it runs, the more waiting costs. An instalment or deferral plan "
    "agreed with the lender may fit better; bring these numbers to the call."
)
H_CRISIS = N_("Essentials first: your income does not cover them")
E_CRISIS = N_(
    "Essential spending is {essentials} a month and income is {income}, {gap} short. Keep housing, food, "
    "utilities, transport and medical costs paid first. Then tell your lenders early about the hardship, "
    "with these numbers. Below: who to talk to, and what each complaint number is for."
)

L_GAP = N_("Essentials above income each month")
L_SAVINGS_LEFT = N_("Savings left after clearing the overdue")
L_PAYMENTS_SHORT = N_("Regular payments above what is left each month")
L_NEEDED_AFTER = N_("Needed by then, waiting included")
L_AVAILABLE_AFTER = N_("Available by then")
L_SURPLUS_VS_COST = N_("Left each month minus what waiting adds each month")
L_MONTHS_NEEDED = N_("Months needed")
F_MINUS = N_("{a} − {b}")
F_AFTER_MONTHS = N_("{a} + {months} × {b}")
F_MONTHS_NEEDED = N_("({needed} − {savings}) ÷ ({surplus} − {monthly_cost}), rounded up")


def _months_needed(needed: Decimal, savings: Decimal, surplus: Decimal, monthly_cost: Decimal) -> int:
    """Smallest N ≥ 1 with savings + N·surplus ≥ needed + N·monthly_cost (requires surplus > cost)."""
    with localcontext() as context:
        context.prec = 60
        months = ((needed - savings) / (surplus - monthly_cost)).to_integral_value(rounding=ROUND_CEILING)
    return max(1, int(months))


def _verdict(
    kind: VerdictKind,
    reason: str,
    months: int | None,
    next_step: str,
    headline: str | Message,
    explanation: str,
    params: Mapping[str, str],
    steps: tuple[Step, ...],
) -> Verdict:
    """A verdict whose headline (a msgid, or a counted message) and explanation share ``params``."""
    if not isinstance(headline, Message):
        headline = Message(headline, params)
    return Verdict(kind, reason, months, next_step, headline, Message(explanation, params), steps)


def decide(
    *,
    income: Decimal,
    essentials: Decimal,
    surplus: Decimal,
    savings: Decimal,
    needed: Decimal,
    per_day: Decimal,
    monthly_cost: Decimal,
) -> Verdict:
    """The verdict rules, checked in this order (all comparisons exact, in fen):

    1. ``crisis``: essentials > income. Checked first, even with savings: money
       for rent and food next month comes before any lender (CFPB).
    2. ``clear_now``: savings ≥ needed (overdue principal + accrued) and surplus ≥ 0,
       so clearing does not simply start a new overdue next month. Needed = 0
       (nothing overdue) with surplus ≥ 0 is also ``clear_now`` ("nothing overdue").
    3. ``clear_in_months`` N: surplus > monthly cost of waiting and the smallest
       N ≥ 1 with savings + N·surplus ≥ needed + N·monthly cost is ≤ 6
       (:data:`CLEAR_MONTHS_LIMIT`). The cost assumes the whole overdue keeps
       accruing until cleared, an upper bound.
    4. ``negotiate`` otherwise, with reason ``payments_exceed`` (savings cover the
       overdue, or nothing is overdue, but surplus < 0), ``shortfall`` (surplus < 0),
       ``no_surplus`` (surplus = 0), ``not_outpacing`` (0 < surplus ≤ monthly cost)
       or ``too_slow`` (N > 6; ``months`` then holds the N it would take).
    """
    money = format_money
    base = {
        "income": money(income),
        "essentials": money(essentials),
        "surplus": money(surplus),
        "savings": money(savings),
        "needed": money(needed),
        "per_day": money(per_day),
        "monthly_cost": money(monthly_cost),
        "limit": str(CLEAR_MONTHS_LIMIT),
    }
    if essentials > income:
        gap = essentials - income
        step = Step(L_GAP, Message(F_MINUS, {"a": money(essentials), "b": money(income)}), money(gap))
        return _verdict(
            VerdictKind.CRISIS, "essentials_exceed_income", None, NEXT_CALL_PREP, H_CRISIS, E_CRISIS,
            {**base, "gap": money(gap)}, (step,),
        )
    if savings >= needed and surplus >= 0:
        step = Step(L_SAVINGS_LEFT, Message(F_MINUS, {"a": money(savings), "b": money(needed)}), money(savings - needed))
        if needed == 0:
            return _verdict(
                VerdictKind.CLEAR_NOW, "nothing_overdue", None, NEXT_PLAN_BUILDER, H_NOTHING_OVERDUE,
                E_NOTHING_OVERDUE, base, (step,),
            )
        return _verdict(
            VerdictKind.CLEAR_NOW, "savings_cover", None, NEXT_PLAN_BUILDER, H_CLEAR_NOW, E_CLEAR_NOW, base, (step,)
        )
    if savings >= needed:  # surplus < 0
        shortfall = -surplus
        step = Step(L_PAYMENTS_SHORT, Message(F_AMOUNT, {"amount": money(shortfall)}), money(shortfall))
        headline, explanation = (
            (H_NEGOTIATE_EARLY, E_NEGOTIATE_PAYMENTS_EARLY) if needed == 0 else (H_NEGOTIATE, E_NEGOTIATE_PAYMENTS)
        )
        return _verdict(
            VerdictKind.NEGOTIATE, "payments_exceed", None, NEXT_CALL_PREP, headline, explanation,
            {**base, "shortfall": money(shortfall)}, (step,),
        )
    if surplus < 0:
        shortfall = -surplus
        step = Step(L_PAYMENTS_SHORT, Message(F_AMOUNT, {"amount": money(shortfall)}), money(shortfall))
        return _verdict(
            VerdictKind.NEGOTIATE, "shortfall", None, NEXT_CALL_PREP, H_NEGOTIATE, E_NEGOTIATE_SHORTFALL,
            {**base, "shortfall": money(shortfall)}, (step,),
        )
    if surplus == 0:
        return _verdict(
            VerdictKind.NEGOTIATE, "no_surplus", None, NEXT_CALL_PREP, H_NEGOTIATE, E_NEGOTIATE_NO_SURPLUS, base, (),
        )
    net_step = Step(
        L_SURPLUS_VS_COST,
        Message(F_MINUS, {"a": money(surplus), "b": money(monthly_cost)}),
        money(surplus - monthly_cost),
    )
    if surplus <= monthly_cost:
        return _verdict(
            VerdictKind.NEGOTIATE, "not_outpacing", None, NEXT_CALL_PREP, H_NEGOTIATE, E_NEGOTIATE_NOT_OUTPACING,
            base, (net_step,),
        )
    months = _months_needed(needed, savings, surplus, monthly_cost)
    months_step = Step(
        L_MONTHS_NEEDED,
        Message(
            F_MONTHS_NEEDED,
            {
                "needed": money(needed),
                "savings": money(savings),
                "surplus": money(surplus),
                "monthly_cost": money(monthly_cost),
            },
        ),
        str(months),
    )
    params = {**base, "months": str(months)}
    if months > CLEAR_MONTHS_LIMIT:
        return _verdict(
            VerdictKind.NEGOTIATE, "too_slow", months, NEXT_CALL_PREP, H_NEGOTIATE, E_NEGOTIATE_TOO_SLOW,
            params, (net_step, months_step),
        )
    needed_after = needed + months * monthly_cost
    available_after = savings + months * surplus
    steps = (
        net_step,
        months_step,
        Step(
            L_NEEDED_AFTER,
            Message(F_AFTER_MONTHS, {"a": money(needed), "months": str(months), "b": money(monthly_cost)}),
            money(needed_after),
        ),
        Step(
            L_AVAILABLE_AFTER,
            Message(F_AFTER_MONTHS, {"a": money(savings), "months": str(months), "b": money(surplus)}),
            money(available_after),
        ),
    )
    return _verdict(
        VerdictKind.CLEAR_IN_MONTHS, "surplus_covers", months, NEXT_PLAN_BUILDER,
        Message.counted(H_CLEAR_IN_MONTHS, months, params), E_CLEAR_IN_MONTHS, params, steps,
    )



VERDICT_WORDS: Final[Mapping[VerdictKind, str]] = {
    VerdictKind.CRISIS: N_("Essentials first"),
    VerdictKind.CLEAR_NOW: N_("Can clear now"),
    VerdictKind.NEGOTIATE: N_("Ask the lender for a plan"),
}
VERDICT_MONTHS: Final = N_plural("About {n} month at this pace", "About {n} months at this pace")


def verdict_words(kind: VerdictKind, months: int | None) -> Message:
    """A few words for lists and Home ("About 3 months at this pace")."""
    if kind is VerdictKind.CLEAR_IN_MONTHS:
        return Message.counted(VERDICT_MONTHS, months or 0, {})
    return Message(VERDICT_WORDS[kind])
