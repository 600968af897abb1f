"""A heavy user's data folder, built honestly: through the repos the app itself uses.

    python benchmarks/heavy.py /tmp/heavy            # build (about a minute), then print what it holds
    python benchmarks/heavy.py /tmp/heavy --small    # 1/10 of everything, for a quick look

Five years of use up to and including today (on the UTC+08:00 clock the
folder's settings pin): 2,000 calls, messages and visits, every tenth a missed
call; 50,000 notes, 5,000 of them in calls of the current month; about 6,000
commitment lines (some corrected, some marked done); 100 self-checks; ten habits
with five years of daily check-ins (~10,000) and spends (~20,000), a budget, a
fund, monthly reflections and 20 borrowing checks. Records,
notes and self-checks are made by the domain functions (``new_record``,
``new_note``, ``correct``, ``assess``) and saved by ``CallsRepo`` and
``save_snapshot``, inside ``Store.bulk()`` so each file is written once per
month built instead of once per document; the files, indexes and commitment
copies are exactly what the app writes.

Habits (heavy_habits.py) and Plans add their tables through ``EXTRA_BUILDERS`` (see there).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from heavy_habits import build_habits  # noqa: E402  (benchmarks/ is on the path: run as a script or from run.py)

from jiebei_tui.domain.calls import (  # noqa: E402
    CHECKLIST_KEYS,
    MANUAL_FLAG_KEYS,
    CallRecord,
    CommitmentStatus,
    IdentityStatus,
    NoteKind,
    RecordKind,
    correct,
    missed_call,
    new_note,
    new_record,
)
from jiebei_tui.domain.selfcheck import CashFlow, Debt, DebtKind, Entry, EssentialCategory, SelfCheckInput, assess  # noqa: E402
from jiebei_tui.store.calls import CallsRepo  # noqa: E402
from jiebei_tui.store.selfcheck import save_snapshot  # noqa: E402
from jiebei_tui.store.store import Store, open_store  # noqa: E402

CST = timezone(timedelta(hours=8))
PHRASES = (
    "他:我是某某资产管理公司的工作人员，工号A{n}",
    "我:请问您代表哪家机构？",
    "他说逾期{n}天了，要求今天处理",
    "诺:下周五还{n}00元",
    "?利息和罚息是怎么算的，要书面说明",
    "!说要联系我单位同事和家人",
    "我:我会通过官方客服核实后再联系",
    "他说可以申请分期，但要先还一部分",
)


@dataclass
class Size:
    calls: int = 2000
    notes: int = 50_000
    current_month_notes: int = 5000
    selfchecks: int = 100
    months: int = 60

    def scaled(self, share: float) -> Size:
        return Size(*(max(1, int(value * share)) for value in (self.calls, self.notes, self.current_month_notes,
                                                              self.selfchecks)), months=self.months)


@dataclass
class Built:
    calls: int = 0
    missed: int = 0
    notes: int = 0
    current_month_notes: int = 0
    commitments: int = 0
    selfchecks: int = 0
    extra: dict[str, int] = field(default_factory=dict)


# Each area adds a heavy user's share here: Habits five years of daily check-ins (~10,000) and
# spends (~20,000), with a budget, a fund, reflections and borrowing checks (heavy_habits.py);
# Plans 50 plans with 2,000 payments in all (below).
# A builder gets the open store (inside Store.bulk()), a seeded Random, "now", and the tally.
EXTRA_BUILDERS: list[Callable[[Store, random.Random, datetime, Built], None]] = [build_habits]
PLANS = 50
PLAN_PAYMENTS = 2000


def _start_times(rng: random.Random, now: datetime, size: Size) -> list[datetime]:
    """Call starts: the current month's share up to now (today included), the rest over earlier months."""
    month_start = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    current = max(1, round(size.calls * size.current_month_notes / size.notes))
    earliest = month_start - timedelta(days=30.44 * (size.months - 1))
    starts = [now - timedelta(minutes=5)]  # today, a few minutes ago
    span_now = (now - month_start).total_seconds()
    starts += [month_start + timedelta(seconds=rng.uniform(0, span_now - 600)) for _ in range(current - 1)]
    span_past = (month_start - earliest).total_seconds()
    starts += [earliest + timedelta(seconds=rng.uniform(0, span_past - 1)) for _ in range(size.calls - current)]
    return sorted((moment.replace(microsecond=0) for moment in starts), reverse=True)


def _record(rng: random.Random, index: int, start: datetime) -> CallRecord:
    number = f"1380000{index % 50:04d}"
    if index % 10 == 0:
        return missed_call(f"r{index:05d}", number, start)
    kind = (RecordKind.CALL, RecordKind.CALL, RecordKind.SMS, RecordKind.VISIT)[index % 4]
    record = new_record(f"r{index:05d}", kind, start, number)
    identity = record.identity.with_value("caller_name", f"催收员{index % 40}").with_value("institution", f"某某资产{index % 7}")
    if index % 3 == 0:
        identity = identity.with_status("institution", IdentityStatus.VERIFIED, "95188")
    record = record.with_identity(identity)
    for key in rng.sample(CHECKLIST_KEYS, 3):
        record = record.toggled_check(key)
    if index % 4 == 0:
        record = record.toggled_flag(rng.choice(MANUAL_FLAG_KEYS))
    return record


def _calls(store: Store, rng: random.Random, now: datetime, size: Size, built: Built) -> None:
    repo = CallsRepo(store)
    starts = _start_times(rng, now, size)
    talking = {index: rank for rank, index in enumerate(i for i in range(len(starts)) if i % 10)}
    per_call, extra = divmod(size.notes, len(talking))
    month_of_now = now.strftime("%Y-%m")
    by_month: dict[str, list[int]] = {}
    for index, start in enumerate(starts):
        by_month.setdefault(start.strftime("%Y-%m"), []).append(index)
    for month in sorted(by_month):
        with store.bulk():  # one write per file of the month
            for index in by_month[month]:
                start = starts[index]
                record = _record(rng, index, start)
                built.calls += 1
                if record.kind is RecordKind.MISSED:
                    built.missed += 1
                    repo.save(record)
                    continue
                count = per_call + (1 if talking[index] < extra else 0)
                for line in range(count):
                    at = start + timedelta(seconds=20 * line)
                    note = new_note(f"{record.id}n{line:03d}", record, rng.choice(PHRASES).format(n=rng.randint(1, 99)), at)
                    if line % 50 == 7:
                        note = correct(note, note.current_text + "（更正）", at + timedelta(seconds=5))
                    repo.save_note(record, note)
                    built.notes += 1
                    built.current_month_notes += month == month_of_now
                    if note.kind is NoteKind.COMMITMENT:
                        built.commitments += 1
                        if rng.random() < 0.3:
                            record = record.with_commitment_status(note.id, CommitmentStatus.DONE)
                repo.save(record.ended(start + timedelta(seconds=20 * count + 60)))


def selfcheck_input(rng: random.Random, overdue: Decimal) -> SelfCheckInput:
    debt = Debt(
        kind=DebtKind.JIEBEI,
        name="借呗",
        lender="重庆蚂蚁消费金融",
        outstanding_principal=Decimal("25000.00"),
        overdue_principal=overdue,
        days_overdue=rng.randint(1, 200),
        daily_rate=Decimal("0.0005"),
        penalty_multiplier=Decimal("1.5"),
        monthly_payment=Decimal("1500.00"),
    )
    cash = CashFlow(
        incomes=(Entry("工资", Decimal(rng.randint(5000, 12000))),),
        essentials={EssentialCategory.RENT: Decimal("2500"), EssentialCategory.FOOD: Decimal("1500")},
    )
    return SelfCheckInput((debt,), cash)


def _selfchecks(store: Store, rng: random.Random, now: datetime, size: Size, built: Built) -> None:
    step = timedelta(days=30.44 * size.months / size.selfchecks)
    with store.bulk():
        for index in range(size.selfchecks):
            taken_at = (now - step * index - timedelta(hours=1)).replace(microsecond=0)
            inp = selfcheck_input(rng, Decimal(rng.randint(5000, 25000)))
            save_snapshot(store, inp, assess(inp, taken_at.date()), taken_at, doc_id=f"s{index:04d}")
            built.selfchecks += 1


def _plans(store: Store, rng: random.Random, now: datetime, built: Built) -> None:
    """50 plans over five years through the domain's own lifecycle, saved by PlansRepo: most finished (paid
    in full, every seventh abandoned), the last five active, half paid, each instalment in two payments, the
    latest this month; 2,000 payments in all."""
    from jiebei_tui.domain.plans import (
        Agreement,
        Channel,
        DebtPosition,
        Option,
        OptionKind,
        Payment,
        PaymentMethod,
        Proposed,
        Rate,
        abandon,
        agree,
        complete,
        new_plan,
        propose,
        record_payment,
        track,
    )
    from jiebei_tui.store.plans import PlansRepo

    repo = PlansRepo(store)
    per_plan, extra = divmod(PLAN_PAYMENTS, PLANS)
    payments = 0
    for index in range(PLANS):
        count = per_plan + (1 if index < extra else 0)
        active = index >= PLANS - 5
        months_ago = count // 2 if active else count + 2 + (PLANS - index) // 2
        start = (now - timedelta(days=30.44 * months_ago - 3)).date()
        at = datetime(start.year, start.month, start.day, 20, 0, tzinfo=CST)
        position = DebtPosition(
            name=f"借呗{index}", lender="重庆蚂蚁消费金融", principal=Decimal(rng.randint(20, 400) * 100),
            overdue_principal=Decimal(rng.randint(5, 20) * 100), accrued=Decimal("120.00"),
            daily_rate=Decimal("0.0005"), multiplier=Decimal("1.5"), days_overdue=30, due_day=rng.randint(1, 28),
        )
        kind = (OptionKind.EQUAL_PAYMENT, OptionKind.EQUAL_PRINCIPAL, OptionKind.INTEREST_FIRST)[index % 3]
        option = Option.instalments_by(kind, count, rate=Rate.monthly(Decimal("0.01")))
        plan = new_plan(f"plan{index:03d}", f"借呗计划{index}", position, option, start, at)
        plan = propose(plan, at, Proposed(start, Channel.APP))
        plan = agree(plan, at, Agreement(option, start, start, "客服", f"REF{index:05d}"))
        rows = track(plan, start).schedule.rows
        paid_rows = 0
        for number, row in enumerate(rows, start=1):
            paid_at = datetime(row.due.year, row.due.month, row.due.day, 21, 0, tzinfo=CST)
            if paid_at > now:
                break
            parts = [row.payment] if not active else [row.payment - row.payment // 2, row.payment // 2]
            for part_number, amount in enumerate(parts):
                payment = Payment(f"p{index:03d}-{number:03d}-{part_number}", row.due, amount, PaymentMethod.APP, paid_at)
                plan = record_payment(plan, paid_at, payment)
                payments += 1
            paid_rows += 1
        last = plan.payments[-1].recorded_at if plan.payments else at
        if paid_rows == len(rows):
            plan = complete(plan, last)
        elif index % 7 == 3:
            plan = abandon(plan, last, "换了计划")
        repo.save(plan)
        built.extra["plans"] = built.extra.get("plans", 0) + 1
    built.extra["plan_payments"] = payments


EXTRA_BUILDERS.append(_plans)


def build(directory: Path, size: Size | None = None, *, now: datetime | None = None, seed: int = 4) -> Built:
    """Build the folder (it must not exist yet); returns what it holds."""
    size = size or Size()
    now = (now or datetime.now(CST)).replace(microsecond=0)
    if directory.exists():
        raise FileExistsError(directory)
    store, _report = open_store(directory)
    rng = random.Random(seed)
    built = Built()
    store.put("settings", "preferences", {"language": "zh-Hans", "timezone": "+08:00"})
    _calls(store, rng, now, size, built)
    _selfchecks(store, rng, now, size, built)
    for extra in EXTRA_BUILDERS:
        with store.bulk():
            extra(store, rng, now, built)
    store.close()
    return built


def folder_bytes(directory: Path) -> int:
    return sum(path.stat().st_size for path in directory.rglob("*.json"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("directory", type=Path)
    parser.add_argument("--small", action="store_true", help="a tenth of everything")
    args = parser.parse_args()
    began = time.perf_counter()
    built = build(args.directory, Size().scaled(0.1) if args.small else Size())
    print(f"built in {time.perf_counter() - began:.1f} s: {built}")
    print(f"{folder_bytes(args.directory) / 2**20:.1f} MiB of JSON in {args.directory}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
