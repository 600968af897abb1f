"""Plans without Textual: saved and read back after a restart, one small file per save, Home's reads,
a promise from a call turned into a payment, nothing saved half-way."""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest

from jiebei_tui.domain.calls import CommitmentStatus, RecordKind, new_note, new_record
from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.plans import (
    Agreement,
    Channel,
    DebtPosition,
    Finances,
    Option,
    OptionKind,
    PaymentMethod,
    PlanStatus,
    Proposed,
    Rate,
)
from jiebei_tui.factory import open_services
from jiebei_tui.services import Services
from jiebei_tui.store.plans import PLANS_TABLE, SUMMARIES_TABLE, PlansRepo, summarize

CST = timezone(timedelta(hours=8))


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 20, 30, tzinfo=CST)

    def __call__(self) -> datetime:
        return self.now


POSITION = DebtPosition(
    name="借呗", lender="重庆蚂蚁消费金融", principal=Decimal("20000.00"), overdue_principal=Decimal("6000.00"),
    accrued=Decimal("450.00"), daily_rate=Decimal("0.0005"), multiplier=Decimal("1.5"), days_overdue=50, due_day=15,
)
FINANCES = Finances(Decimal("9000"), Decimal("4000"), debt_payments=Decimal("1500"))


def services_at(data_dir: Path, clock: Clock) -> Services:
    return open_services(data_dir, clock)


def agreed_plan(services: Services) -> str:
    option = Option.instalments_by(OptionKind.EQUAL_PAYMENT, 12, rate=Rate.monthly(Decimal("0.01")))
    plan = services.plans.create("借呗分期", POSITION, option, date(2026, 11, 23), FINANCES)
    services.plans.propose(plan.id, Proposed(date(2026, 11, 23), Channel.APP))
    services.plans.agree(plan.id, Agreement(option, date(2026, 11, 23), date(2026, 11, 24), "客服小王", "A-1"))
    return plan.id


def data_files(data_dir: Path) -> dict[Path, tuple[int, int]]:
    found = {}
    for path in data_dir.rglob("*.json"):
        info = path.stat()
        found[path.relative_to(data_dir)] = (info.st_ino, info.st_mtime_ns)
    return found


def test_a_plan_with_its_payments_survives_a_restart(data_dir: Path) -> None:
    clock = Clock()
    services = services_at(data_dir, clock)
    plan_id = agreed_plan(services)
    clock.now += timedelta(days=30)
    services.plans.record_payment(plan_id, date(2026, 12, 15), Decimal("2000.00"), PaymentMethod.APP)
    services.plans.record_payment(plan_id, date(2026, 12, 16), Decimal("500.00"), PaymentMethod.AUTO_DEBIT, "补")
    services.store.close()

    again = services_at(data_dir, clock)
    plan = again.plans.get(plan_id)
    assert plan is not None and plan.status is PlanStatus.ACTIVE
    assert [p.amount for p in plan.payments] == [Decimal("2000.00"), Decimal("500.00")]
    assert plan.agreement is not None and plan.agreement.reference == "A-1"
    kinds = [change.kind.value for change in plan.history]
    assert kinds[0] == "created" and kinds.count("payment_added") == 2
    (summary,) = again.plans.summaries()
    assert summary.paid == Decimal("2500.00") and summary.status is PlanStatus.ACTIVE
    assert plan.script.generated.startswith("您好")  # filled in the UI language when it was made


def test_a_payment_rewrites_the_plans_file_and_its_summary_only(data_dir: Path) -> None:
    clock = Clock()
    services = services_at(data_dir, clock)
    plan_id = agreed_plan(services)
    for number in range(5):  # other plans do not make this plan's saves bigger
        services.plans.create(f"草稿{number}", POSITION, Option.deferral(30), date(2026, 11, 23))
    before = data_files(data_dir)
    clock.now += timedelta(days=30)
    services.plans.record_payment(plan_id, date(2026, 12, 15), Decimal("2000.00"), PaymentMethod.APP)
    after = data_files(data_dir)
    changed = {path for path in after if before.get(path) != after[path]}
    assert changed == {Path("plans") / f"{plan_id}.json", Path("plans/summaries/open.json")}
    assert (data_dir / "plans" / f"{plan_id}.json").stat().st_size < 20_000
    assert os.stat(data_dir / "plans" / f"{plan_id}.json").st_mode & 0o777 == 0o600


def test_home_reads_the_next_payment_from_the_summaries_alone(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = Clock()
    services = services_at(data_dir, clock)
    plan_id = agreed_plan(services)
    services.plans.create("草稿", POSITION, Option.deferral(30), date(2026, 11, 23))

    def no_plan_files(*_args: object) -> None:
        raise AssertionError("Home must not read a plan's own file")

    monkeypatch.setattr(PlansRepo, "get", no_plan_files)
    upcoming = services.plans.next_payment()
    assert upcoming is not None and upcoming.plan_id == plan_id
    assert (upcoming.number, upcoming.count, upcoming.due) == (1, 12, date(2026, 12, 15))
    assert upcoming.days_left == 22 and not upcoming.overdue
    (followed,) = services.plans.followed()
    assert followed.fraction == 0.0 and followed.remaining == followed.scheduled
    due = services.plans.due_items(date(2027, 1, 31))
    assert [item.key for item in due] == [f"plan-{plan_id}-1", f"plan-{plan_id}-2"]


def test_a_summary_left_behind_by_a_crash_is_rewritten_when_the_plan_is_read(data_dir: Path) -> None:
    clock = Clock()
    services = services_at(data_dir, clock)
    plan_id = agreed_plan(services)
    plan = services.plans.get(plan_id)
    assert plan is not None
    stale = summarize(plan).to_dict()
    services.plans.record_payment(plan_id, date(2026, 11, 23), Decimal("100.00"), PaymentMethod.APP)
    services.store.put(SUMMARIES_TABLE, plan_id, stale, period="open")  # as if the summary's write was lost
    assert services.plans.open_summaries()[0].paid == Decimal("0.00")
    services.plans.get(plan_id)
    assert services.plans.open_summaries()[0].paid == Decimal("100.00")
    services.store.delete(SUMMARIES_TABLE, plan_id, period="open")  # lost altogether
    assert [s.id for s in services.plans.summaries()] == [plan_id]


def test_a_finished_plan_moves_to_the_finished_summaries(data_dir: Path) -> None:
    clock = Clock()
    services = services_at(data_dir, clock)
    plan_id = agreed_plan(services)
    services.plans.abandon(plan_id, "lender refused")
    assert services.plans.open_summaries() == []
    assert [s.status for s in services.plans.summaries()] == [PlanStatus.ABANDONED]
    assert services.plans.next_payment() is None
    assert services.count("plan_summaries") == 1


def test_bad_input_saves_nothing(data_dir: Path) -> None:
    services = services_at(data_dir, Clock())
    with pytest.raises(InputError) as error:
        services.plans.create("x", POSITION, Option(OptionKind.EQUAL_PAYMENT, months=0), date(2026, 11, 23))
    assert error.value.message == "A plan needs at least 1 instalment"
    plan_id = agreed_plan(services)
    before = data_files(data_dir)
    with pytest.raises(InputError):  # before the plan starts
        services.plans.record_payment(plan_id, date(2026, 11, 1), Decimal("10.00"), PaymentMethod.APP)
    with pytest.raises(InputError):  # not a positive amount
        services.plans.record_payment(plan_id, date(2026, 11, 23), Decimal("0"), PaymentMethod.APP)
    assert data_files(data_dir) == before
    assert services.store.periods(PLANS_TABLE) == [plan_id]


def test_a_promise_from_a_call_becomes_a_payment_once(data_dir: Path) -> None:
    clock = Clock()
    services = services_at(data_dir, clock)
    plan_id = agreed_plan(services)
    record = new_record("r1", RecordKind.CALL, clock.now - timedelta(hours=2), "10086")
    services.calls.save(record)
    note = new_note("n1", record, "诺:今天还500元", clock.now - timedelta(hours=2))
    services.calls.save_note(record, note)
    (commitment, _record) = services.calls.open_commitments()[0]
    assert commitment.amount == Decimal("500") and commitment.due == clock.now.date()
    plan = services.plans.record_commitment(plan_id, commitment)
    assert [(p.paid_on, p.amount, p.note) for p in plan.payments] == [(clock.now.date(), Decimal("500"), note.text)]
    saved = services.calls.get("r1")
    assert saved is not None and saved.commitment_status[note.id] is CommitmentStatus.DONE
    with pytest.raises(InputError) as error:
        services.plans.record_commitment(plan_id, commitment)
    assert error.value.message == "This promise is already recorded as a payment of this plan"
