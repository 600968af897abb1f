"""The plain answer: clear now, clear within months, negotiate, or essentials first.

The verdict carries its own explanation: every figure its card names is either
one of its ``inputs`` or the result of one of its ``steps``, and each step is
worked out from inputs and earlier steps only, so "how was this computed"
shows exactly what the card says (checked on random inputs by the tests).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal, localcontext
from typing import Final

from jiebei_tui.domain.labels import Message
from jiebei_tui.domain.parsing.money import ZERO, format_money
from jiebei_tui.domain.selfcheck.debts import DAYS_PER_MONTH
from jiebei_tui.domain.selfcheck.explain import F_MINUS, F_TIMES, Step
from jiebei_tui.domain.selfcheck.kinds import VerdictKind
from jiebei_tui.domain.selfcheck.verdict_texts import (
    E_CLEAR_IN_MONTHS,
    E_CLEAR_NOW,
    E_CLEAR_NOW_RESERVE,
    E_CRISIS,
    E_CRISIS_SAVINGS,
    E_NEGOTIATE_NO_SURPLUS,
    E_NEGOTIATE_NOT_OUTPACING,
    E_NEGOTIATE_PAYMENTS,
    E_NEGOTIATE_PAYMENTS_EARLY,
    E_NEGOTIATE_SHORTFALL,
    E_NEGOTIATE_TOO_SLOW,
    E_NOTHING_OVERDUE,
    F_MONTHS_NEEDED,
    F_PLUS_TIMES,
    F_SHORTFALL,
    F_SURPLUS,
    H_CLEAR_IN_MONTHS,
    H_CLEAR_NOW,
    H_CRISIS,
    H_NEGOTIATE,
    H_NEGOTIATE_EARLY,
    H_NOTHING_OVERDUE,
    L_AVAILABLE_AFTER,
    L_DEBT_PAYMENTS,
    L_ESSENTIALS,
    L_GAP,
    L_INCOME,
    L_LIMIT,
    L_MONTHS_NEEDED,
    L_NEEDED,
    L_NEEDED_AFTER,
    L_OTHER_FIXED,
    L_REQUIRED,
    L_RESERVE,
    L_RESERVE_MONTHS,
    L_SAVINGS,
    L_SAVINGS_LEFT,
    L_SHORTFALL,
    L_SURPLUS,
    L_SURPLUS_VS_COST,
    L_TOTAL_30_DAYS,
    L_TOTAL_PER_DAY,
    NOTE_RESERVE,
    NOTE_UPPER_BOUND,
    R_MONTHS,
    VERDICT_MONTHS,
    VERDICT_WORDS,
)

CLEAR_MONTHS_LIMIT: Final = 6
# Months of the monthly shortfall the savings must still cover after clearing the overdue before
# this app suggests using them for it: half a year to find more income or agree new terms, the
# same horizon as CLEAR_MONTHS_LIMIT. The app's suggestion, said as such on screen.
RESERVE_MONTHS: Final = 6
NEXT_PLAN_BUILDER: Final = "plan_builder"
NEXT_CALL_PREP: Final = "call_prep"

@dataclass(frozen=True)
class VerdictInputs:
    """What the verdict weighs, each exact to the fen."""

    income: Decimal
    essentials: Decimal
    other_fixed: Decimal
    debt_payments: Decimal
    savings: Decimal
    needed: Decimal  # overdue principal plus accrued: what clears all overdue today
    per_day: Decimal  # what one more day of waiting adds, all debts (each debt's rounded to the fen)

    @property
    def surplus(self) -> Decimal:
        """Left each month after essentials, other fixed and regular debt payments (negative: short)."""
        return self.income - self.essentials - self.other_fixed - self.debt_payments

    @property
    def shortfall(self) -> Decimal:
        return max(ZERO, -self.surplus)

    @property
    def monthly_cost(self) -> Decimal:
        """What 30 more days of waiting add: 30 times the rounded daily cost, as the card says."""
        return self.per_day * DAYS_PER_MONTH

    @property
    def reserve(self) -> Decimal:
        return self.shortfall * RESERVE_MONTHS


@dataclass(frozen=True)
class Verdict:
    """The plain answer. ``reason`` says which rule decided (stable key for the UI and tests).

    ``headline`` and ``explanation`` share their parameters: the formatted figures.
    ``inputs`` (label msgid, formatted value) and ``steps`` explain every one of them;
    ``notes`` say what the rule rests on.
    """

    kind: VerdictKind
    reason: str
    months: int | None  # clear_in_months: N; too_slow: months it would take
    next_step: str  # NEXT_PLAN_BUILDER or NEXT_CALL_PREP
    headline: Message
    explanation: Message
    steps: tuple[Step, ...]
    inputs: tuple[tuple[str, str | Message], ...] = ()
    notes: tuple[Message, ...] = ()

    @property
    def params(self) -> Mapping[str, str]:
        """The formatted figures the texts name (``gap``, ``months``, ``surplus``...)."""
        return self.explanation.params


def monthly_step(income: Decimal, essentials: Decimal, other_fixed: Decimal, debt_payments: Decimal) -> Step:
    """Left each month, or short each month (as a positive amount), from the four monthly figures."""
    operands = {
        "income": format_money(income),
        "essentials": format_money(essentials),
        "other_fixed": format_money(other_fixed),
        "debt_payments": format_money(debt_payments),
    }
    surplus = income - essentials - other_fixed - debt_payments
    if surplus >= 0:
        return Step(L_SURPLUS, Message(F_SURPLUS, operands), format_money(surplus))
    return Step(L_SHORTFALL, Message(F_SHORTFALL, operands), format_money(-surplus))


def _months_needed(needed: Decimal, savings: Decimal, surplus: Decimal, monthly_cost: Decimal) -> int:
    """Smallest N ≥ 1 with savings + N·surplus ≥ needed + N·monthly_cost (requires surplus > cost)."""
    with localcontext() as context:
        context.prec = 60
        months = ((needed - savings) / (surplus - monthly_cost)).to_integral_value(rounding=ROUND_CEILING)
    return max(1, int(months))


def _months(months: int) -> Message:
    return Message.counted(R_MONTHS, months, {"months": str(months)})


class _Explainer:
    """Builds a verdict's steps and inputs from the figures, naming each input once."""

    def __init__(self, v: VerdictInputs) -> None:
        self.v = v
        money = format_money
        self.params: dict[str, str] = {
            "income": money(v.income),
            "essentials": money(v.essentials),
            "other_fixed": money(v.other_fixed),
            "debt_payments": money(v.debt_payments),
            "surplus": money(v.surplus),
            "shortfall": money(v.shortfall),
            "savings": money(v.savings),
            "needed": money(v.needed),
            "left": money(v.savings - v.needed),
            "per_day": money(v.per_day),
            "monthly_cost": money(v.monthly_cost),
            "reserve": money(v.reserve),
            "required": money(v.needed + v.reserve),
            "reserve_months": str(RESERVE_MONTHS),
            "limit": str(CLEAR_MONTHS_LIMIT),
        }
        self.steps: list[Step] = []
        self.costed = False
        self.used: set[str] = set()
        self.notes: list[Message] = []

    def _step(self, label: str, formula: str, operands: Mapping[str, str], result: str, uses: tuple[str, ...]) -> None:
        self.steps.append(Step(label, Message(formula, operands), result))
        self.used.update(uses)

    def monthly(self) -> None:
        """What is left (or short) each month, from the four monthly inputs."""
        v = self.v
        self.steps.append(monthly_step(v.income, v.essentials, v.other_fixed, v.debt_payments))
        self.used.update(("income", "essentials", "other_fixed", "debt_payments"))

    def gap(self) -> None:
        p = self.params
        gap = format_money(self.v.essentials - self.v.income)
        self._step(L_GAP, F_MINUS, {"a": p["essentials"], "b": p["income"]}, gap, ("income", "essentials"))
        self.params["gap"] = gap

    def cost(self) -> None:
        """What a month of waiting adds: 30 × the daily cost."""
        p = self.params
        self.costed = True
        self._step(L_TOTAL_30_DAYS, F_TIMES, {"n": str(DAYS_PER_MONTH), "amount": p["per_day"]}, p["monthly_cost"], ("per_day",))

    def left(self) -> None:
        p = self.params
        self._step(L_SAVINGS_LEFT, F_MINUS, {"a": p["savings"], "b": p["needed"]}, p["left"], ("savings", "needed"))

    def reserve(self) -> None:
        p = self.params
        self._step(L_RESERVE, F_TIMES, {"n": p["reserve_months"], "amount": p["shortfall"]}, p["reserve"], ("reserve_months",))
        self.notes.append(Message(NOTE_RESERVE, {"months": p["reserve_months"]}))

    def required(self) -> None:
        p = self.params
        self._step(
            L_REQUIRED, F_PLUS_TIMES, {"a": p["needed"], "n": p["reserve_months"], "b": p["shortfall"]}, p["required"],
            ("needed", "reserve_months"),
        )
        self.notes.append(Message(NOTE_RESERVE, {"months": p["reserve_months"]}))

    def net(self) -> None:
        p = self.params
        net = format_money(self.v.surplus - self.v.monthly_cost)
        self._step(L_SURPLUS_VS_COST, F_MINUS, {"a": p["surplus"], "b": p["monthly_cost"]}, net, ())
        self.notes.append(Message(NOTE_UPPER_BOUND))

    def months_needed(self, months: int) -> None:
        p = self.params
        operands = {k: p[k] for k in ("needed", "savings", "surplus", "monthly_cost")}
        self._step(L_MONTHS_NEEDED, F_MONTHS_NEEDED, operands, str(months), ("needed", "savings"))

    def by_then(self, months: int) -> None:
        v, p, n = self.v, self.params, str(months)
        needed_after = format_money(v.needed + months * v.monthly_cost)
        available_after = format_money(v.savings + months * v.surplus)
        self._step(L_NEEDED_AFTER, F_PLUS_TIMES, {"a": p["needed"], "n": n, "b": p["monthly_cost"]}, needed_after, ())
        self._step(L_AVAILABLE_AFTER, F_PLUS_TIMES, {"a": p["savings"], "n": n, "b": p["surplus"]}, available_after, ())

    def inputs(self, card: set[str]) -> tuple[tuple[str, str | Message], ...]:
        """Every input a step or the card uses, in a fixed order."""
        wanted = self.used | card
        p = self.params
        table: tuple[tuple[str, str, str | Message], ...] = (
            ("income", L_INCOME, p["income"]),
            ("essentials", L_ESSENTIALS, p["essentials"]),
            ("other_fixed", L_OTHER_FIXED, p["other_fixed"]),
            ("debt_payments", L_DEBT_PAYMENTS, p["debt_payments"]),
            ("savings", L_SAVINGS, p["savings"]),
            ("needed", L_NEEDED, p["needed"]),
            ("per_day", L_TOTAL_PER_DAY, p["per_day"]),
            ("limit", L_LIMIT, _months(CLEAR_MONTHS_LIMIT)),
            ("reserve_months", L_RESERVE_MONTHS, _months(RESERVE_MONTHS)),
        )
        return tuple((label, value) for key, label, value in table if key in wanted)

    def verdict(
        self,
        kind: VerdictKind,
        reason: str,
        next_step: str,
        headline: str | Message,
        explanation: str,
        card: tuple[str, ...],
        months: int | None = None,
    ) -> Verdict:
        """A verdict whose headline (a msgid, or a counted message) and explanation share the figures."""
        if self.v.per_day > 0 and not self.costed:
            self.cost()  # the card's waiting line names what 30 more days add
        params = dict(self.params)
        if months is not None:
            params["months"] = str(months)
        if not isinstance(headline, Message):
            headline = Message(headline, params)
        return Verdict(
            kind, reason, months, next_step, headline, Message(explanation, params), tuple(self.steps),
            self.inputs(set(card)), tuple(self.notes),
        )


def decide(v: VerdictInputs) -> Verdict:
    """The verdict rules, checked in this order (all comparisons exact, in fen).

    Shortfall = what essentials, other fixed and regular debt payments exceed income by
    each month; reserve = :data:`RESERVE_MONTHS` times the shortfall.

    1. ``clear_now`` / ``savings_cover_shortfall``: something is overdue, income falls
       short each month, but savings cover the overdue and still leave the reserve.
       Essentials come first next month too, but a careful adviser would not leave an
       overdue accruing while the savings can clear it and still carry the shortfall
       for half a year. (Income ¥3,000, essentials ¥3,000.01, savings ¥999,999,
       overdue ¥10,000: clear it now.)
    2. ``crisis``: essentials > income (and rule 1 did not apply): money for rent and
       food next month comes before any lender (CFPB).
    3. ``clear_now``: savings ≥ needed (overdue principal + accrued) and nothing is
       short each month; ``nothing_overdue`` when needed = 0.
    4. ``negotiate``/``payments_exceed``: savings cover the overdue (or nothing is
       overdue) but the monthly payments exceed what is left after essentials and
       the reserve is not there: a new overdue would soon follow.
    5. ``clear_in_months`` N: surplus > monthly cost of waiting (30 × the daily cost)
       and the smallest N ≥ 1 with savings + N·surplus ≥ needed + N·monthly cost is
       ≤ :data:`CLEAR_MONTHS_LIMIT`. The cost assumes the whole overdue keeps
       accruing until cleared, an upper bound.
    6. ``negotiate`` otherwise: ``shortfall`` (surplus < 0), ``no_surplus``
       (surplus = 0), ``not_outpacing`` (0 < surplus ≤ monthly cost) or ``too_slow``
       (N > 6; ``months`` then holds the N it would take).
    """
    x = _Explainer(v)
    overdue = v.needed > 0
    if overdue and v.shortfall > 0 and v.savings - v.needed >= v.reserve:
        x.monthly()
        x.left()
        x.reserve()
        return x.verdict(
            VerdictKind.CLEAR_NOW, "savings_cover_shortfall", NEXT_PLAN_BUILDER, H_CLEAR_NOW, E_CLEAR_NOW_RESERVE,
            ("savings", "needed", "per_day", "reserve_months"),
        )
    if v.essentials > v.income:
        x.gap()
        if overdue and v.savings > 0:
            if v.other_fixed + v.debt_payments > 0:
                x.monthly()
            x.required()
            return x.verdict(
                VerdictKind.CRISIS, "essentials_exceed_income", NEXT_CALL_PREP, H_CRISIS, E_CRISIS_SAVINGS,
                ("income", "essentials", "savings", "needed", "reserve_months"),
            )
        return x.verdict(
            VerdictKind.CRISIS, "essentials_exceed_income", NEXT_CALL_PREP, H_CRISIS, E_CRISIS, ("income", "essentials")
        )
    if v.savings >= v.needed and v.surplus >= 0:
        if not overdue:
            x.monthly()
            return x.verdict(
                VerdictKind.CLEAR_NOW, "nothing_overdue", NEXT_PLAN_BUILDER, H_NOTHING_OVERDUE, E_NOTHING_OVERDUE, ()
            )
        x.left()
        return x.verdict(
            VerdictKind.CLEAR_NOW, "savings_cover", NEXT_PLAN_BUILDER, H_CLEAR_NOW, E_CLEAR_NOW,
            ("savings", "needed", "per_day"),
        )
    if v.savings >= v.needed:  # short each month, and the reserve is not there
        x.monthly()
        if not overdue:
            return x.verdict(
                VerdictKind.NEGOTIATE, "payments_exceed", NEXT_CALL_PREP, H_NEGOTIATE_EARLY, E_NEGOTIATE_PAYMENTS_EARLY, ()
            )
        x.left()
        x.reserve()
        return x.verdict(
            VerdictKind.NEGOTIATE, "payments_exceed", NEXT_CALL_PREP, H_NEGOTIATE, E_NEGOTIATE_PAYMENTS,
            ("savings", "needed", "reserve_months"),
        )
    x.monthly()
    if v.surplus < 0:
        return x.verdict(
            VerdictKind.NEGOTIATE, "shortfall", NEXT_CALL_PREP, H_NEGOTIATE, E_NEGOTIATE_SHORTFALL, ("needed",)
        )
    if v.surplus == 0:
        return x.verdict(
            VerdictKind.NEGOTIATE, "no_surplus", NEXT_CALL_PREP, H_NEGOTIATE, E_NEGOTIATE_NO_SURPLUS, ("needed",)
        )
    x.cost()
    x.net()
    if v.surplus <= v.monthly_cost:
        return x.verdict(
            VerdictKind.NEGOTIATE, "not_outpacing", NEXT_CALL_PREP, H_NEGOTIATE, E_NEGOTIATE_NOT_OUTPACING, ()
        )
    months = _months_needed(v.needed, v.savings, v.surplus, v.monthly_cost)
    x.months_needed(months)
    if months > CLEAR_MONTHS_LIMIT:
        return x.verdict(
            VerdictKind.NEGOTIATE, "too_slow", NEXT_CALL_PREP, H_NEGOTIATE, E_NEGOTIATE_TOO_SLOW,
            ("savings", "needed", "limit"), months,
        )
    x.by_then(months)
    headline = Message.counted(H_CLEAR_IN_MONTHS, months, {**x.params, "months": str(months)})
    return x.verdict(
        VerdictKind.CLEAR_IN_MONTHS, "surplus_covers", NEXT_PLAN_BUILDER, headline, E_CLEAR_IN_MONTHS,
        ("savings", "needed"), months,
    )




def verdict_words(kind: VerdictKind, months: int | None) -> Message:
    """A few words for lists and Home ("About 3 months at this pace")."""
    if kind is VerdictKind.CLEAR_IN_MONTHS:
        return Message.counted(VERDICT_MONTHS, months or 0, {})
    return Message(VERDICT_WORDS[kind])
