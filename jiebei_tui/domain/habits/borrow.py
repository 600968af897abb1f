"""Before borrowing again: three questions and a plain answer, saved with what was answered.

Seed 003 warns against blind borrowing; the collection guideline names pushing
people into new loans to repay old ones (以贷养贷) among the banned conduct
(``facts.fact("banned_conduct")``). The check asks: can the monthly surplus carry
the new payment, is the loan meant to repay another one, and what does it cost
per day (amount × daily rate). The answer describes, it never shames and never
promises how things will go.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, localcontext
from typing import Any, Final

from jiebei_tui.domain import serial
from jiebei_tui.domain.facts import fact
from jiebei_tui.domain.habits.notice import Notice
from jiebei_tui.domain.labels import LabelledEnum
from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.parsing.money import format_money, parse_money, round_fen
from jiebei_tui.domain.parsing.rates import parse_daily_rate
from jiebei_tui.domain.selfcheck import DAYS_PER_MONTH, Summary
from jiebei_tui.i18n import N_

LOAN_FOR_LOAN_FACT: Final = "banned_conduct"
FIELD_AMOUNT: Final = "amount"
FIELD_PAYMENT: Final = "monthly_payment"
FIELD_RATE: Final = "daily_rate"

MSG_AMOUNT_ZERO = N_("Enter the amount you would borrow")
MSG_PAYMENT_ZERO = N_("Enter the monthly payment shown for this loan (for a one-off repayment, the whole amount)")

Q_PAYMENT = N_("Can what is left each month carry this payment?")
Q_PURPOSE = N_("Is this loan meant to repay another loan?")
Q_COST = N_("What does it cost per day?")
QUESTIONS: Final = (Q_PAYMENT, Q_PURPOSE, Q_COST)


class BorrowVerdictKind(LabelledEnum):
    """``label`` is the verdict's headline."""

    LOAN_FOR_LOAN = "loan_for_loan", N_("This loan would repay another loan")
    NO_SELFCHECK = "no_selfcheck", N_("Run the self-check first")
    NO_SURPLUS = "no_surplus", N_("Nothing is left each month to carry this payment")
    PAYMENT_TOO_BIG = "payment_too_big", N_("The payment is more than what is left each month")
    FITS = "fits", N_("The payment fits within what is left each month")


_EXPLANATIONS: dict[BorrowVerdictKind, str] = {
    BorrowVerdictKind.LOAN_FOR_LOAN: N_(
        "Borrowing to repay another loan keeps the debt going, and this loan would add about {per_day} a day. "
        "If a collector suggested it, note it down: see the rule below. Talking to your current lender about "
        "instalments or a deferral is the usual next step, and the plan builder can prepare it."
    ),
    BorrowVerdictKind.NO_SELFCHECK: N_(
        "Without your monthly income and essentials there is no way to tell whether a payment of {payment} "
        "fits. This loan would cost about {per_day} a day."
    ),
    BorrowVerdictKind.NO_SURPLUS: N_(
        "After essentials and regular payments, {surplus} is left each month, so a new payment of {payment} "
        "would have to come from essentials or from another loan. This loan would cost about {per_day} a day."
    ),
    BorrowVerdictKind.PAYMENT_TOO_BIG: N_(
        "{payment} a month against {surplus} left after essentials and regular payments: {short} short each "
        "month. This loan would cost about {per_day} a day. A smaller amount lowers the payment."
    ),
    BorrowVerdictKind.FITS: N_(
        "{payment} a month against {surplus} left after essentials and regular payments leaves {left}. This "
        "loan would cost about {per_day} a day, {per_30} over 30 days. Put its due day in your reminders."
    ),
}


@dataclass(frozen=True)
class BorrowAnswers:
    amount: Decimal
    monthly_payment: Decimal
    daily_rate: Decimal  # a fraction: 0.0005 for 0.05% a day
    repays_other_loan: bool


def parse_borrow_form(
    amount: str, monthly_payment: str, daily_rate: str, repays_other_loan: bool
) -> tuple[BorrowAnswers | None, dict[str, InputError]]:
    """The answers, or the problem beside each field (all fields at once)."""
    errors: dict[str, InputError] = {}
    values: dict[str, Decimal] = {}
    for field, text, empty in (
        (FIELD_AMOUNT, amount, MSG_AMOUNT_ZERO),
        (FIELD_PAYMENT, monthly_payment, MSG_PAYMENT_ZERO),
    ):
        try:
            value = parse_money(text)
            if value <= 0:
                raise InputError(empty)
            values[field] = value
        except InputError as error:
            errors[field] = error
    try:
        values[FIELD_RATE] = parse_daily_rate(daily_rate)
    except InputError as error:
        errors[FIELD_RATE] = error
    if errors:
        return None, errors
    return BorrowAnswers(values[FIELD_AMOUNT], values[FIELD_PAYMENT], values[FIELD_RATE], repays_other_loan), {}


@dataclass(frozen=True)
class BorrowVerdict:
    kind: BorrowVerdictKind
    headline: Notice
    explanation: Notice
    cost_per_day: Decimal
    cost_30_days: Decimal
    left_each_month: Decimal | None  # surplus − payment; None without a self-check
    facts: tuple[str, ...]  # keys of facts.FACTS to show (with source) under the explanation


def decide_borrowing(answers: BorrowAnswers, surplus: Decimal | None) -> BorrowVerdictKind:
    """Repaying a loan comes first whatever the numbers; then whether the surplus carries the payment."""
    if answers.repays_other_loan:
        return BorrowVerdictKind.LOAN_FOR_LOAN
    if surplus is None:
        return BorrowVerdictKind.NO_SELFCHECK
    if surplus <= 0:
        return BorrowVerdictKind.NO_SURPLUS
    if answers.monthly_payment > surplus:
        return BorrowVerdictKind.PAYMENT_TOO_BIG
    return BorrowVerdictKind.FITS


def explain_borrowing(kind: BorrowVerdictKind, answers: BorrowAnswers, surplus: Decimal | None) -> BorrowVerdict:
    """The words for ``kind`` with the user's numbers (a saved check keeps the kind it was given)."""
    with localcontext() as context:
        context.prec = 60
        per_day_exact = answers.amount * answers.daily_rate
        per_day, per_30 = round_fen(per_day_exact), round_fen(per_day_exact * DAYS_PER_MONTH)
    left = None if surplus is None else surplus - answers.monthly_payment
    params = {
        "payment": format_money(answers.monthly_payment),
        "per_day": format_money(per_day),
        "per_30": format_money(per_30),
    }
    if surplus is not None and left is not None:
        params.update(surplus=format_money(surplus), left=format_money(left), short=format_money(-left))
    facts = (LOAN_FOR_LOAN_FACT,) if kind is BorrowVerdictKind.LOAN_FOR_LOAN else ()
    for key in facts:
        fact(key)  # a KeyError here means the app would cite something unverified
    return BorrowVerdict(kind, Notice(kind.label), Notice(_EXPLANATIONS[kind], params), per_day, per_30, left, facts)


@dataclass(frozen=True)
class BorrowCheck:
    """One saved check: the answers, the surplus it was judged against, and the verdict given then."""

    id: str
    day: date
    answers: BorrowAnswers
    surplus: Decimal | None
    verdict: BorrowVerdictKind

    def explain(self) -> BorrowVerdict:
        return explain_borrowing(self.verdict, self.answers, self.surplus)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "day": self.day.isoformat(),
            "amount": serial.decimal_text(self.answers.amount),
            "monthly_payment": serial.decimal_text(self.answers.monthly_payment),
            "daily_rate": serial.decimal_text(self.answers.daily_rate),
            "repays_other_loan": self.answers.repays_other_loan,
            "surplus": None if self.surplus is None else serial.decimal_text(self.surplus),
            "verdict": self.verdict.value,
        }

    @classmethod
    def from_dict(cls, data: Any) -> BorrowCheck:
        data = serial.mapping_from(data, "borrow_check")
        answers = BorrowAnswers(
            serial.money_from(serial.required(data, "amount", "borrow_check"), "borrow_check.amount"),
            serial.money_from(serial.required(data, "monthly_payment", "borrow_check"), "borrow_check.monthly_payment"),
            serial.rate_from(serial.required(data, "daily_rate", "borrow_check"), "borrow_check.daily_rate"),
            serial.bool_from(serial.required(data, "repays_other_loan", "borrow_check"), "borrow_check.repays_other_loan"),
        )
        surplus_value = data.get("surplus")
        surplus = (
            None if surplus_value is None else serial.money_from(surplus_value, "borrow_check.surplus", allow_negative=True)
        )
        return cls(
            serial.text_from(serial.required(data, "id", "borrow_check"), "borrow_check.id", allow_empty=False),
            serial.date_from(serial.required(data, "day", "borrow_check"), "borrow_check.day"),
            answers,
            surplus,
            serial.enum_from(BorrowVerdictKind, serial.required(data, "verdict", "borrow_check"), "borrow_check.verdict"),
        )


def check_borrowing(check_id: str, day: date, answers: BorrowAnswers, summary: Summary | None) -> BorrowCheck:
    """Judge ``answers`` against the latest self-check summary's monthly surplus (None: no self-check)."""
    surplus = summary.monthly_surplus if summary is not None else None
    return BorrowCheck(check_id, day, answers, surplus, decide_borrowing(answers, surplus))
