"""The check before borrowing again: verdicts, cost per day, the cited fact, saved answers."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from jiebei_tui.domain.facts import fact
from jiebei_tui.domain.habits import (
    FIELD_AMOUNT,
    FIELD_PAYMENT,
    FIELD_RATE,
    LOAN_FOR_LOAN_FACT,
    BorrowAnswers,
    BorrowCheck,
    BorrowVerdictKind,
    check_borrowing,
    parse_borrow_form,
)
from jiebei_tui.domain.selfcheck import Summary, VerdictKind

DAY = date(2027, 4, 1)


def summary(surplus: str) -> Summary:
    return Summary(DAY, Decimal("20000"), Decimal("5000"), Decimal(surplus), Decimal("7.5"), VerdictKind.NEGOTIATE)


def answers(repays: bool = False, payment: str = "900") -> BorrowAnswers:
    parsed, errors = parse_borrow_form("1万", payment, "0.05%", repays)
    assert parsed is not None and not errors
    return parsed


def test_the_form_reports_every_field_at_once() -> None:
    parsed, errors = parse_borrow_form("", "0", "5%", False)
    assert parsed is None
    assert {key: error.message for key, error in errors.items()} == {
        FIELD_AMOUNT: "Enter an amount",
        FIELD_PAYMENT: "Enter the monthly payment shown for this loan (for a one-off repayment, the whole amount)",
        FIELD_RATE: "More than {maximum} a day is almost certainly a typing slip. Check the rate on your loan page, "
        "e.g. 0.05% or 万分之五",
    }
    assert answers() == BorrowAnswers(Decimal("10000.00"), Decimal("900.00"), Decimal("0.0005"), False)


def test_a_loan_to_repay_a_loan_is_named_whatever_the_numbers_and_cites_the_rule() -> None:
    check = check_borrowing("b1", DAY, answers(repays=True), summary("5000"))
    verdict = check.explain()
    assert verdict.kind is BorrowVerdictKind.LOAN_FOR_LOAN
    assert (
        verdict.facts == (LOAN_FOR_LOAN_FACT,) and "new loans to repay old ones" in fact(LOAN_FOR_LOAN_FACT).statement
    )
    assert verdict.cost_per_day == Decimal("5.00")  # 10,000 × 0.05%
    assert "about ¥5.00 a day" in verdict.explanation.render()


def test_the_surplus_decides_when_the_loan_is_not_for_another_loan() -> None:
    fits = check_borrowing("b2", DAY, answers(payment="900"), summary("900.00")).explain()
    assert (fits.kind, fits.left_each_month, fits.cost_30_days) == (
        BorrowVerdictKind.FITS,
        Decimal("0.00"),
        Decimal("150.00"),
    )
    assert fits.explanation.render() == (
        "¥900.00 a month against ¥900.00 left after essentials and regular payments leaves ¥0.00. This loan would "
        "cost about ¥5.00 a day, ¥150.00 over 30 days. Put its due day in your reminders."
    )
    too_big = check_borrowing("b3", DAY, answers(payment="900.01"), summary("900.00")).explain()
    assert (
        too_big.kind is BorrowVerdictKind.PAYMENT_TOO_BIG and "¥0.01 short each month" in too_big.explanation.render()
    )
    assert check_borrowing("b4", DAY, answers(), summary("0")).verdict is BorrowVerdictKind.NO_SURPLUS
    assert check_borrowing("b5", DAY, answers(), summary("-300")).verdict is BorrowVerdictKind.NO_SURPLUS
    unknown = check_borrowing("b6", DAY, answers(), None)
    assert unknown.verdict is BorrowVerdictKind.NO_SELFCHECK and unknown.explain().left_each_month is None
    assert unknown.explain().headline.render() == "Run the self-check first"


def test_a_saved_check_keeps_its_answers_and_the_verdict_it_was_given() -> None:
    check = check_borrowing("b7", DAY, answers(payment="1200"), summary("-300.50"))
    again = BorrowCheck.from_dict(check.to_dict())
    assert again == check and again.explain() == check.explain()
    assert check.to_dict()["surplus"] == "-300.50" and check.to_dict()["daily_rate"] == "0.0005"
