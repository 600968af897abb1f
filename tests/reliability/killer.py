"""Random kills against the real save path, cheaply: one long-lived process forks writers and kills them.

Run as ``python killer.py kills DATA_DIR ACKS N SEED`` or ``python killer.py opens DATA_DIR N``.
Everything is imported once here; each writer is a fork (milliseconds, not a new interpreter), opens
the data folder as a start of the app does, then saves through the services the screens use: call
lines, commitments, checklist ticks, self-checks, plans, habits and spends. A write is acknowledged
(a line appended to ACKS) only when the store holds nothing back afterwards, i.e. it is on disk. The
writer is killed at a random moment, with SIGKILL or SIGHUP; on SIGHUP it does what the App does
(flush drafts, what cannot be written to the emergency file) and says which draft it kept.

``opens``: a writer saves drafts without pause while N other forks open the folder and export
everything, one after another; each says whether it could.
"""

from __future__ import annotations

import io
import json
import os
import random
import signal
import sys
import time
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

from jiebei_tui.domain.calls import CHECKLIST_KEYS
from jiebei_tui.domain.habits import Cadence
from jiebei_tui.domain.markdown_export import ExportPage
from jiebei_tui.domain.plans import DebtPosition, Finances, Option, OptionKind, Rate
from jiebei_tui.domain.selfcheck import CashFlow, Debt, DebtKind, Entry, SelfCheckInput, assess
from jiebei_tui.factory import open_services
from jiebei_tui.services import Services
from jiebei_tui.store.export import stream_export

CST = timezone(timedelta(hours=8))


def _ack(fd: int, *words: object) -> None:
    os.write(fd, (" ".join(str(word) for word in words) + "\n").encode())


def _durable(services: Services) -> bool:
    return services.store.pending_count == 0


def _selfcheck(services: Services, amount: int) -> None:
    debt = Debt(kind=DebtKind.JIEBEI, name="借呗", lender="蚂蚁", outstanding_principal=Decimal(amount),
                overdue_principal=Decimal(1000), days_overdue=30, daily_rate=Decimal("0.0005"),
                penalty_multiplier=Decimal("1.5"), monthly_payment=Decimal(500), due_day=15)
    inp = SelfCheckInput((debt,), CashFlow(incomes=(Entry("工资", Decimal(9000)),)))
    now = services.clock()
    services.selfchecks.save(inp, assess(inp, now.date()), now)


def _plan(services: Services, serial: int) -> str:
    position = DebtPosition(name="借呗", lender="蚂蚁", principal=Decimal("20000.00"), overdue_principal=Decimal("6000.00"),
                            accrued=Decimal("450.00"), daily_rate=Decimal("0.0005"), multiplier=Decimal("1.5"),
                            days_overdue=50, due_day=15)
    option = Option.instalments_by(OptionKind.EQUAL_PAYMENT, 12, rate=Rate.monthly(Decimal("0.01")))
    plan = services.plans.create(f"计划{serial}", position, option, services.clock().date(),
                                 Finances(Decimal(9000), Decimal(4000)))
    return plan.id


def writer(data_dir: Path, acks: int, serial: int) -> None:
    hung_up: list[bool] = []
    signal.signal(signal.SIGHUP, lambda *_: hung_up.append(True))  # the App notes it; its loop leaves
    services = open_services(data_dir, lambda: datetime.now(CST))
    _ack(acks, "opened", serial)
    rng = random.Random(serial)
    session = services.call_session
    session.open()  # the call the last writer left, with its unsent line
    if session.record is not None:
        _ack(acks, "resumed", session.record.id, session.unsent or "-")
    if session.record is None or rng.random() < 0.3:
        session.start()  # a new call (the previous one ends; its unsent line without a prefix goes)
    record = session.record
    assert record is not None
    if _durable(services):
        _ack(acks, "record", record.id)
    unticked = [key for key in CHECKLIST_KEYS if key not in record.checklist]
    step = 0
    while True:
        step += 1
        value = serial * 1000 + step
        kind = rng.choice(("note", "note", "commitment", "tick", "selfcheck", "plan", "habit", "spend"))
        if kind == "commitment":
            saved = session.add_line(f"诺:{step}号还{value}元")
            if saved is not None and saved.durable and _durable(services):
                _ack(acks, "commitment", record.id, saved.note.id)
        elif kind == "tick" and unticked:
            key = unticked.pop(rng.randrange(len(unticked)))
            session.toggle_check(key)  # only ever ticked on, so a later write never undoes it
            if _durable(services):
                _ack(acks, "tick", record.id, key)
        elif kind == "selfcheck":
            _selfcheck(services, value)  # one per day, replaced: the amounts only grow
            if _durable(services):
                _ack(acks, "selfcheck", value)
        elif kind == "plan":
            plan_id = _plan(services, value)
            if _durable(services):
                _ack(acks, "plan", plan_id)
        elif kind == "habit":
            habit = services.habits.add_own(f"习惯{value}", "省钱", Cadence.DAILY)
            if _durable(services):
                _ack(acks, "habit", habit.id)
        elif kind == "spend":
            spend = services.habits.add_spend("food", f"{value % 97 + 1}.50", f"第{value}笔")
            if _durable(services):
                _ack(acks, "spend", spend.day.isoformat()[:7], spend.seq, f"第{value}笔")
        else:
            saved = session.add_line(f"他:第{value}行")
            if saved is not None and saved.durable and _durable(services):
                _ack(acks, "note", record.id, saved.note.id)
        session.set_unsent(f"半句{value}")
        if hung_up:
            services.store.leave()
            services.save_everything()
            services.store.write_emergency(services.drafts.unsaved())
            _ack(acks, "draft", record.id, session.session_id, f"半句{value}")
            os._exit(128 + signal.SIGHUP)


def kills(data_dir: Path, acks_path: Path, count: int, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    acks = os.open(acks_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    told = {"kills": 0, "sighup": 0, "sigkill": 0}
    for serial in range(1, count + 1):
        pid = os.fork()
        if pid == 0:
            try:
                writer(data_dir, acks, serial)
            finally:
                os._exit(99)
        time.sleep(rng.uniform(0.0, 0.045))
        signum = rng.choice((signal.SIGKILL, signal.SIGHUP))
        try:
            os.kill(pid, signum)
        except ProcessLookupError:
            pass
        _, status = os.waitpid(pid, 0)
        code = os.waitstatus_to_exitcode(status)
        if code == 99:  # the writer failed on its own: a bug, not a kill
            raise SystemExit(f"writer {serial} failed")
        told["kills"] += 1
        told["sighup" if signum == signal.SIGHUP else "sigkill"] += 1
    return told


def opens(data_dir: Path, count: int) -> dict[str, int]:
    open_services(data_dir).store.put("drafts", "seed", {"value": 0})
    writer_pid = os.fork()
    if writer_pid == 0:
        services = open_services(data_dir)
        step = 0
        while True:
            step += 1
            services.drafts.set(f"key{step % 5}", {"text": f"草稿{step}"})
            services.drafts.flush()
    opened = 0
    for _ in range(count):
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                services = open_services(data_dir)
                stream_export(services.store, "json", ExportPage(str, CST, datetime.now(CST)), io.StringIO())
                code = 0 if not services.store.take_news().has_news else 2
            finally:
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        opened += os.waitstatus_to_exitcode(status) == 0
    os.kill(writer_pid, signal.SIGKILL)
    os.waitpid(writer_pid, 0)
    return {"opened": opened, "of": count}


if __name__ == "__main__":
    # A hang-up must reach the writers as it reaches the App, whatever this process inherited (under
    # nohup SIGHUP is ignored, and a writer hung up before it set its handler ran on and was never reaped).
    signal.signal(signal.SIGHUP, signal.SIG_DFL)
    mode, folder = sys.argv[1], Path(sys.argv[2])
    if mode == "kills":
        result = kills(folder, Path(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
    else:
        result = opens(folder, int(sys.argv[3]))
    print(json.dumps(result))
