"""A plan's life: legal moves only, every change dated, payments against the schedule, saved and loaded."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jiebei_tui.domain.causes import Cause
from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.plans import (
    TRANSITIONS,
    Agreement,
    ChangeKind,
    Channel,
    DebtPosition,
    Finances,
    InstalmentState,
    Option,
    OptionKind,
    Payment,
    PaymentMethod,
    Plan,
    PlanStatus,
    Proposed,
    abandon,
    activate,
    agree,
    back_to_draft,
    compare_plans,
    complete,
    new_plan,
    payment_from_commitment,
    propose,
    record_payment,
    refresh_texts,
    remove_payment,
    revise,
    track,
    update_texts,
)

BEIJING = timezone(timedelta(hours=8))
START = date(2027, 1, 5)
LOAN = DebtPosition(
    name="借呗",
    lender="重庆蚂蚁消费金融有限公司",
    principal=Decimal("12000.00"),
    overdue_principal=Decimal("3000.00"),
    accrued=Decimal("0.00"),
    daily_rate=Decimal("0"),
    due_day=20,
)
TERMS = Option(OptionKind.EQUAL_PRINCIPAL, months=12, first_due=date(2027, 1, 20), due_day=20)


def at(day: date, hour: int = 20) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=BEIJING)


def draft() -> Plan:
    return new_plan("plan-1", "借呗 12 期", LOAN, TERMS, START, at(START))


def agreed() -> Plan:
    plan = propose(draft(), at(START), Proposed(START, Channel.HOTLINE, "客服 8 号"))
    return agree(plan, at(START, 21), Agreement(TERMS, START, START, "王女士", "REF-2027-001"))


def paid(amount: str, day: date, number: int = 1) -> Payment:
    return Payment(f"pay-{number}", day, Decimal(amount), PaymentMethod.APP, at(day))


def test_the_whole_life_of_a_plan_is_dated() -> None:
    plan = agreed()
    plan = record_payment(plan, at(date(2027, 1, 20)), paid("1000.00", date(2027, 1, 20)))
    assert plan.status is PlanStatus.ACTIVE  # the first payment makes an agreed plan active
    for month in range(2, 13):
        day = date(2027, month, 20)
        plan = record_payment(plan, at(day), paid("1000.00", day, month))
    plan = complete(plan, at(date(2027, 12, 21)), "结清证明已收到")
    statuses = [(c.kind, c.status_from, c.status_to) for c in plan.history if c.kind in (ChangeKind.CREATED, ChangeKind.STATUS)]
    assert statuses == [
        (ChangeKind.CREATED, None, PlanStatus.DRAFT),
        (ChangeKind.STATUS, PlanStatus.DRAFT, PlanStatus.PROPOSED),
        (ChangeKind.STATUS, PlanStatus.PROPOSED, PlanStatus.AGREED),
        (ChangeKind.STATUS, PlanStatus.AGREED, PlanStatus.ACTIVE),
        (ChangeKind.STATUS, PlanStatus.ACTIVE, PlanStatus.COMPLETED),
    ]
    assert [c.at for c in plan.history] == sorted(c.at for c in plan.history)
    assert plan.updated_at == at(date(2027, 12, 21)) and plan.history[-1].detail == "结清证明已收到"
    assert sum(1 for c in plan.history if c.kind is ChangeKind.PAYMENT_ADDED) == 12
    progress = track(plan, date(2028, 1, 1))
    assert progress.fully_paid and progress.remaining == 0 and progress.next_due is None
    assert progress.count(InstalmentState.ON_TIME) == 12


@pytest.mark.parametrize(
    ("move", "allowed_from"),
    [
        (lambda p: propose(p, at(START), Proposed(START, Channel.APP)), {PlanStatus.DRAFT}),
        (lambda p: agree(p, at(START), Agreement(TERMS, START, START)), {PlanStatus.PROPOSED}),
        (lambda p: back_to_draft(p, at(START)), {PlanStatus.PROPOSED}),
        (lambda p: activate(p, at(START)), {PlanStatus.AGREED}),
        (lambda p: complete(p, at(START)), {PlanStatus.ACTIVE}),
        (
            lambda p: abandon(p, at(START), "reason"),
            {PlanStatus.DRAFT, PlanStatus.PROPOSED, PlanStatus.AGREED, PlanStatus.ACTIVE},
        ),
    ],
)
def test_only_legal_moves_are_allowed(move: object, allowed_from: set[PlanStatus]) -> None:
    plans = {
        PlanStatus.DRAFT: draft(),
        PlanStatus.PROPOSED: propose(draft(), at(START), Proposed(START, Channel.APP)),
        PlanStatus.AGREED: agreed(),
        PlanStatus.ACTIVE: activate(agreed(), at(START)),
    }
    plans[PlanStatus.COMPLETED] = complete(plans[PlanStatus.ACTIVE], at(START))
    plans[PlanStatus.ABANDONED] = abandon(draft(), at(START))
    for status, plan in plans.items():
        if status in allowed_from:
            moved = move(plan)  # type: ignore[operator]
            assert moved.status in TRANSITIONS[status]
            assert moved.history[-1].status_from is status
        else:
            with pytest.raises(InputError):
                move(plan)  # type: ignore[operator]


def test_finished_plans_take_no_more_changes() -> None:
    done = abandon(draft(), at(START), "借到钱一次还清了")
    for change in (
        lambda: revise(done, at(START), option=TERMS),
        lambda: update_texts(done, at(START), own_words="x"),
        lambda: record_payment(done, at(START), paid("1.00", START)),
    ):
        with pytest.raises(InputError) as caught:
            change()
        assert "finished" in caught.value.english()


def test_only_a_draft_changes_its_numbers_and_a_bad_change_saves_nothing() -> None:
    plan = draft()
    longer = revise(plan, at(START), option=Option(OptionKind.EQUAL_PRINCIPAL, months=24, first_due=date(2027, 1, 20)))
    assert longer.option.months == 24 and longer.history[-1].kind is ChangeKind.REVISED
    with pytest.raises(InputError):
        revise(plan, at(START), option=Option(OptionKind.EQUAL_PRINCIPAL, months=0))
    assert plan.option == TERMS  # unchanged: frozen, and nothing saved half-way
    with pytest.raises(InputError):
        revise(agreed(), at(START), option=TERMS)
    with pytest.raises(InputError):
        new_plan("p", "t", LOAN, Option(OptionKind.EQUAL_PAYMENT, months=10_000), START, at(START))


def test_the_agreed_terms_may_differ_from_the_proposal_and_the_schedule_follows_them() -> None:
    proposed = propose(draft(), at(START), Proposed(START, Channel.APP))
    counter = Option(OptionKind.EQUAL_PRINCIPAL, months=6, first_due=date(2027, 2, 20), due_day=20, offered_by_lender=True)
    plan = agree(proposed, at(START), Agreement(counter, START, date(2027, 1, 6), "客服", "A-1"))
    assert plan.option == TERMS and plan.agreement is not None and plan.agreement.terms == counter
    assert plan.schedule().count == 6 and plan.schedule().rows[0].due == date(2027, 2, 20)
    with pytest.raises(InputError):
        agree(proposed, at(START), Agreement(Option(OptionKind.DEFERRAL, days=0), START, START))


def test_payments_against_the_schedule_late_short_missed_and_next_due() -> None:
    plan = agreed()
    plan = record_payment(plan, at(date(2027, 1, 25)), paid("1000.00", date(2027, 1, 25), 1))  # late
    plan = record_payment(plan, at(date(2027, 2, 20)), paid("400.00", date(2027, 2, 20), 2))  # short
    progress = track(plan, date(2027, 4, 1))
    states = [item.state for item in progress.instalments[:4]]
    assert states == [InstalmentState.LATE, InstalmentState.SHORT, InstalmentState.MISSED, InstalmentState.UPCOMING]
    assert (progress.late_count, progress.short_count, progress.missed_count) == (1, 1, 1)
    upcoming = progress.next_due
    assert upcoming is not None and upcoming.row.due == date(2027, 2, 20) and upcoming.left == Decimal("600.00")
    assert progress.paid == Decimal("1400.00") and progress.remaining == Decimal("10600.00")
    assert progress.fraction == Decimal("1400.00") / Decimal("12000.00")
    catch_up = record_payment(plan, at(date(2027, 4, 2)), paid("1600.00", date(2027, 4, 2), 3))
    after = track(catch_up, date(2027, 4, 2))
    assert [item.state for item in after.instalments[:3]] == [InstalmentState.LATE] * 3
    assert after.next_due is not None and after.next_due.row.due == date(2027, 4, 20)
    fixed = remove_payment(catch_up, at(date(2027, 4, 3)), "pay-3")
    assert track(fixed, date(2027, 4, 3)).paid == Decimal("1400.00")
    assert fixed.history[-1].kind is ChangeKind.PAYMENT_REMOVED
    with pytest.raises(InputError):
        remove_payment(fixed, at(date(2027, 4, 3)), "pay-3")


def test_payments_need_an_agreement_a_past_date_within_the_plan_and_an_amount() -> None:
    with pytest.raises(InputError):
        record_payment(draft(), at(START), paid("100.00", START))
    plan = agreed()
    for payment, when in (
        (paid("100.00", date(2027, 1, 1)), at(START)),  # before the plan starts
        (paid("100.00", date(2027, 1, 9)), at(START)),  # after today
        (paid("0.00", START), at(START)),
        (paid("-5.00", START), at(START)),
    ):
        with pytest.raises(InputError):
            record_payment(plan, when, payment)
    with pytest.raises(ValueError):
        record_payment(plan, datetime(2027, 1, 6, 9), paid("100.00", START))  # a naive time


def test_a_kept_commitment_becomes_a_plan_payment() -> None:
    payment = payment_from_commitment(Decimal("1000.00"), date(2027, 1, 20), payment_id="c-1", recorded_at=at(date(2027, 1, 20)))
    plan = record_payment(agreed(), at(date(2027, 1, 20)), payment)
    assert plan.payments == (payment,) and track(plan, date(2027, 1, 20)).instalments[0].state is InstalmentState.ON_TIME
    with pytest.raises(InputError):
        payment_from_commitment(None, date(2027, 1, 20), payment_id="c-2", recorded_at=at(START))
    with pytest.raises(InputError):
        payment_from_commitment(Decimal("1.00"), None, payment_id="c-3", recorded_at=at(START))


def test_two_plans_compared() -> None:
    short = draft()
    long = new_plan("plan-2", "24 期", LOAN, Option(OptionKind.EQUAL_PRINCIPAL, months=24, first_due=date(2027, 1, 20)), START, at(START))
    comparison = compare_plans(short, long, START)
    assert comparison.first.instalments == 12 and comparison.second.instalments == 24
    assert comparison.payoff_days_difference == (date(2028, 12, 20) - date(2027, 12, 20)).days
    assert comparison.total_difference == 0 and comparison.cost_difference == 0  # a zero rate


def test_texts_are_refreshed_from_the_plan_and_edits_survive() -> None:
    plan = update_texts(draft(), at(START), causes=(Cause.INCOME_DROP,), own_words="失业", name="张三")
    plan = refresh_texts(plan, at(START), START)
    assert "张三" in plan.script.text and "失业" in plan.statement.text
    plan = update_texts(plan, at(START), script=plan.script.edit("我自己的话术"))
    plan = revise(plan, at(START), option=Option(OptionKind.EQUAL_PRINCIPAL, months=6, first_due=date(2027, 1, 20)))
    plan = refresh_texts(plan, at(START), START)
    assert plan.script.text == "我自己的话术" and plan.script.outdated and "6 instalments" in plan.script.generated
    assert not plan.statement.is_edited and "6 instalments" in plan.statement.text
    with pytest.raises(TypeError):
        update_texts(plan, at(START), status=PlanStatus.ACTIVE)


def _full_plan() -> Plan:
    plan = update_texts(
        draft(), at(START), causes=(Cause.INCOME_DROP, Cause.OTHER), own_words="原话\n第二行", materials=["id_card"]
    )
    plan = refresh_texts(plan, at(START), START)
    plan = propose(plan, at(START), Proposed(START, Channel.LETTER, "寄出"))
    plan = agree(
        plan,
        at(START),
        Agreement(TERMS, START, START, "李先生", "R-1", "口头同意", DebtPosition(name="借呗", principal=Decimal("11800.00"))),
    )
    plan = record_payment(plan, at(date(2027, 1, 20)), paid("1000.00", date(2027, 1, 20)))
    return plan


def test_a_plan_survives_a_round_trip_through_plain_data() -> None:
    plan = _full_plan()
    data = plan.to_dict()
    assert data["version"] == 1
    assert Plan.from_dict(data) == plan
    with_finances = Plan.from_dict({**data, "finances": Finances(Decimal("1"), Decimal("1")).to_dict()})
    assert with_finances.finances == Finances(Decimal("1"), Decimal("1"))


@pytest.mark.parametrize(
    "broken",
    [
        {"status": "paid"},
        {"created_at": "2027-01-05T20:00:00"},  # naive
        {"causes": ["bad_luck"]},
        {"start": None},
        {"payments": [{"id": "x", "paid_on": "2027-01-20", "amount": 1.555, "method": "app", "recorded_at": "2027-01-20T20:00:00+08:00"}]},
    ],
)
def test_a_broken_file_is_refused_with_a_value_error(broken: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        Plan.from_dict({**_full_plan().to_dict(), **broken})


@settings(max_examples=60, deadline=None)
@given(amounts=st.lists(st.integers(min_value=1, max_value=300_000), min_size=1, max_size=15))
def test_progress_adds_up_whatever_was_paid(amounts: list[int]) -> None:
    plan = agreed()
    day = date(2027, 1, 20)
    for number, fen in enumerate(amounts):
        plan = record_payment(plan, at(day), paid(str(Decimal(fen) / 100), day, number))
        day += timedelta(days=13)
    progress = track(plan, day)
    allocated = sum(item.paid for item in progress.instalments)
    assert allocated + progress.overpaid == progress.paid == sum(Decimal(f) / 100 for f in amounts)
    assert progress.remaining == max(Decimal(0), progress.scheduled - progress.paid)
    assert all(Decimal(0) <= item.paid <= item.row.payment for item in progress.instalments)
    open_items = [item for item in progress.instalments if item.paid_in_full_on is None]
    assert all(item.paid == 0 for item in open_items[1:])  # oldest first
