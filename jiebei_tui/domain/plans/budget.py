"""Several debts, one monthly budget: avalanche, snowball or the user's order, with one-off extras.

Each month, on the common due day, every debt is charged (interest on its current
part at its daily rate × days; penalty on its overdue part at daily rate ×
multiplier × days, the self-check's formula). The budget (plus any extra falling in
that month) then pays every debt's interest and penalty, then tops each debt up to
its minimum payment, then repays principal in priority order. A debt paid off frees
its money for the next, as debt-payoff planners do: the budget stays the same until
everything is paid. Interest left unpaid (a budget below the charges) is carried
without interest of its own, and the plan then says it is never paid off.

* avalanche — the highest daily cost per yuan first (daily rate × multiplier while a
  debt has an overdue part, else its daily rate), re-ranked as soon as an overdue
  part is cleared, within the month too;
* snowball — the smallest amount owed at the start first;
* custom — the order the user gives.

Avalanche never pays more interest and penalty than snowball when: both get the
same budget, extras and due dates; there are no minimum payments; and the budget
covers each month's charges (so every month the same amount, budget minus charges,
goes to principal, and avalanche puts it on the dearest yuan: the exchange
argument). That holds in exact arithmetic; because each debt's monthly charge is
rounded to the fen, the totals may differ by up to half a fen per charge. (If unpaid
interest could wait for free, leaving a cheap debt's interest unpaid could beat it;
paying all charges first rules that out.)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from functools import partial
from typing import Any

from jiebei_tui.domain.labels import LabelledEnum
from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.parsing.money import ZERO, format_money, round_fen
from jiebei_tui.domain.plans import checks
from jiebei_tui.domain.plans.account import Account
from jiebei_tui.domain.plans.alerts import Alert, AlertKind
from jiebei_tui.domain.plans.dates import add_months, default_first_due
from jiebei_tui.domain.plans.message import Message
from jiebei_tui.domain.plans.position import DebtPosition
from jiebei_tui.domain.plans.rates import Rate
from jiebei_tui.domain.plans.schedule import Point, Row, Schedule
from jiebei_tui.domain.serial import date_from, decimal_text, money_from
from jiebei_tui.i18n import N_

MSG_ORDER = N_("Put every debt in the order once")
MSG_MINIMUMS = N_("Give one minimum payment per debt")
A_NEVER_PAID_OFF = N_(
    "The budget of {budget} does not cover the {charges} of interest and penalty charged on {date}, so these "
    "debts would never be paid off. Raise the budget or ask the lenders for lower charges."
)
A_NOT_IN_TIME = N_("At {budget} a month these debts are not paid off within {months} months.")
A_MINIMUMS_ABOVE = N_(
    "The minimum payments add up to {minimums}, more than the budget of {budget}; the first debts in the order "
    "get theirs first."
)
NOTE_BUDGET = N_("Budget {budget} a month, due on day {due_day}, first on {first_due}.")


class Strategy(LabelledEnum):
    AVALANCHE = "avalanche", N_("Highest daily cost first (avalanche)")
    SNOWBALL = "snowball", N_("Smallest balance first (snowball)")
    CUSTOM = "custom", N_("My own order")


@dataclass(frozen=True)
class Extra:
    """A one-off extra payment; it is added to the budget on the first due date on or after ``day``."""

    day: date
    amount: Decimal

    def to_dict(self) -> dict[str, str]:
        return {"day": self.day.isoformat(), "amount": decimal_text(self.amount)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Extra:
        return cls(date_from(data.get("day"), "day"), money_from(data.get("amount"), "amount"))


@dataclass(frozen=True)
class MonthTotal:
    """One due date: paid in all, interest and penalty charged that month, and owed after paying."""

    due: date
    paid: Decimal
    interest: Decimal
    penalty: Decimal
    owed_after: Decimal


@dataclass(frozen=True)
class BudgetPlan:
    """Per debt (in input order) its own schedule; per month the totals; ``order`` the first month's priority."""

    strategy: Strategy
    budget: Decimal
    start: date
    order: tuple[int, ...]
    schedules: tuple[Schedule, ...]
    months: tuple[MonthTotal, ...]
    alerts: tuple[Alert, ...]
    owed_at_start: Decimal

    @property
    def paid_off(self) -> bool:
        return all(schedule.repays for schedule in self.schedules)

    @property
    def payoff_date(self) -> date | None:
        return self.months[-1].due if self.paid_off and self.months else None

    @property
    def total_paid(self) -> Decimal:
        return sum((month.paid for month in self.months), ZERO)

    @property
    def total_interest(self) -> Decimal:
        return sum((schedule.total_interest for schedule in self.schedules), ZERO)

    @property
    def total_penalty(self) -> Decimal:
        """Penalty owed at the start plus penalty charged since, paid or not."""
        return sum((schedule.total_penalty for schedule in self.schedules), ZERO)

    @property
    def total_cost(self) -> Decimal:
        return self.total_interest + self.total_penalty

    def series(self) -> tuple[Point, ...]:
        return (Point(self.start, self.owed_at_start), *(Point(m.due, m.owed_after) for m in self.months))


def _field_checks(
    positions: Sequence[DebtPosition],
    budget: Decimal,
    strategy: Strategy,
    start: date,
    order: Sequence[int] | None,
    extras: Sequence[Extra],
    minimums: Sequence[Decimal] | None,
    due_day: int | None,
    first_due: date | None,
) -> list[tuple[str, Callable[[], None]]]:
    """(field, check) pairs in form order; a debt's field is ``debts[i]``, an extra's ``extras[i]``."""

    def count() -> None:
        if not positions:
            raise InputError(checks.MSG_NO_DEBTS)
        if len(positions) > checks.MAX_DEBTS:
            raise InputError(checks.MSG_TOO_MANY_DEBTS, {"maximum": str(checks.MAX_DEBTS)})

    def custom_order() -> None:
        if strategy is Strategy.CUSTOM and sorted(order or ()) != list(range(len(positions))):
            raise InputError(MSG_ORDER)

    def minimum_list() -> None:
        if minimums is not None:
            if len(minimums) != len(positions):
                raise InputError(MSG_MINIMUMS)
            for minimum in minimums:
                checks.check_amount(minimum, positive=False)

    def extra_count() -> None:
        if len(extras) > checks.MAX_EXTRAS:
            raise InputError(checks.MSG_TOO_MANY_EXTRAS, {"maximum": str(checks.MAX_EXTRAS)})

    def first() -> None:
        day = due_day if due_day is not None else (positions[0].due_day if positions else None)
        if day is not None and not 1 <= day <= 31:
            return  # the due day's own problem is shown beside it
        checks.check_first_due(first_due if first_due is not None else default_first_due(start, day), start)

    found: list[tuple[str, Callable[[], None]]] = [("debts", count)]
    found += [(f"debts[{index}]", position.check) for index, position in enumerate(positions)]
    found += [
        ("budget", lambda: checks.check_amount(budget)),
        ("order", custom_order),
        ("minimums", minimum_list),
        ("extras", extra_count),
    ]
    for index, extra in enumerate(extras):
        found.append((f"extras[{index}]", partial(_check_extra, extra, start)))
    found += [("due_day", lambda: checks.check_due_day(due_day)), ("first_due", first)]
    return found


def _check_extra(extra: Extra, start: date) -> None:
    checks.check_amount(extra.amount)
    checks.check_not_before(extra.day, start)


def budget_problems(
    positions: Sequence[DebtPosition],
    budget: Decimal,
    strategy: Strategy,
    start: date,
    *,
    order: Sequence[int] | None = None,
    extras: Sequence[Extra] = (),
    minimums: Sequence[Decimal] | None = None,
    due_day: int | None = None,
    first_due: date | None = None,
) -> dict[str, InputError]:
    """Each field's first problem (see :func:`plan_budget`), for messages beside the fields."""
    problems: dict[str, InputError] = {}
    for name, check in _field_checks(positions, budget, strategy, start, order, extras, minimums, due_day, first_due):
        if name in problems or (name != "debts" and "debts" in problems):
            continue
        try:
            check()
        except InputError as error:
            problems[name] = error
    return problems


def _priority(strategy: Strategy, accounts: list[Account], order: Sequence[int] | None, start_owed: list[Decimal]) -> list[int]:
    open_ = [index for index, account in enumerate(accounts) if account.owed > 0]
    if strategy is Strategy.CUSTOM:
        return [index for index in order or () if index in open_]
    if strategy is Strategy.SNOWBALL:
        return sorted(open_, key=lambda index: (start_owed[index], index))
    return sorted(open_, key=lambda index: (-accounts[index].daily_cost(), accounts[index].owed, index))


def _add(total: tuple[Decimal, Decimal, Decimal], part: tuple[Decimal, Decimal, Decimal]) -> tuple[Decimal, Decimal, Decimal]:
    return total[0] + part[0], total[1] + part[1], total[2] + part[2]


def _pay_month(
    strategy: Strategy, accounts: list[Account], priority: list[int], minimums: list[Decimal], money: Decimal
) -> list[tuple[Decimal, Decimal, Decimal]]:
    """Charges first, then minimums, then principal by priority (avalanche: tranche by tranche)."""
    paid = [(ZERO, ZERO, ZERO)] * len(accounts)
    for index in priority:
        part = accounts[index].pay_charges(money)
        money -= part[1] + part[2]
        paid[index] = _add(paid[index], part)
    for index in priority:
        need = minimums[index] - sum(paid[index], ZERO)
        if need > 0:
            part = accounts[index].pay_principal(min(need, money))
            money -= part[0]
            paid[index] = _add(paid[index], part)
    if strategy is Strategy.AVALANCHE:
        while money > 0:
            open_ = [index for index in priority if accounts[index].balance > 0]
            if not open_:
                break
            index = min(open_, key=lambda i: (-accounts[i].daily_cost(), accounts[i].owed, i))
            part = accounts[index].pay_principal(min(money, accounts[index].tranche))
            money -= part[0]
            paid[index] = _add(paid[index], part)
    else:
        for index in priority:
            part = accounts[index].pay_principal(money)
            money -= part[0]
            paid[index] = _add(paid[index], part)
    return paid


def _in_fen(position: DebtPosition) -> DebtPosition:
    return replace(
        position,
        principal=round_fen(position.principal),
        overdue_principal=round_fen(position.overdue_principal),
        accrued=round_fen(position.accrued),
    )


def plan_budget(
    positions: Sequence[DebtPosition],
    budget: Decimal,
    strategy: Strategy,
    start: date,
    *,
    order: Sequence[int] | None = None,
    extras: Sequence[Extra] = (),
    minimums: Sequence[Decimal] | None = None,
    due_day: int | None = None,
    first_due: date | None = None,
) -> BudgetPlan:
    """Spread ``budget`` each month over ``positions``; raises the first InputError the user must fix
    (:func:`budget_problems` gives them all, by field)."""
    for _name, check in _field_checks(positions, budget, strategy, start, order, extras, minimums, due_day, first_due):
        check()
    positions = [_in_fen(position) for position in positions]
    budget = round_fen(budget)
    extras = [Extra(extra.day, round_fen(extra.amount)) for extra in extras]
    minimums = None if minimums is None else [round_fen(minimum) for minimum in minimums]
    day = due_day if due_day is not None else positions[0].due_day
    first = first_due if first_due is not None else default_first_due(start, day)
    day = day if day is not None else first.day
    accounts = [
        Account(Rate.daily(p.daily_rate), p.principal, p.overdue_principal, p.multiplier, penalty_due=p.accrued)
        for p in positions
    ]
    start_owed = [account.owed for account in accounts]
    mins = list(minimums) if minimums is not None else [ZERO] * len(positions)
    rows: list[list[Row]] = [[] for _ in positions]
    months: list[MonthTotal] = []
    alerts: list[Alert] = []
    if sum(mins, ZERO) > budget:
        alerts.append(
            Alert(
                AlertKind.MINIMUMS_ABOVE_BUDGET,
                Message(A_MINIMUMS_ABOVE, {"minimums": format_money(sum(mins, ZERO)), "budget": format_money(budget)}),
            )
        )
    pending = sorted(extras, key=lambda extra: extra.day)
    first_order = tuple(_priority(strategy, accounts, order, start_owed))
    previous_day, previous_owed = start, sum(start_owed, ZERO)
    for month in range(checks.MAX_BUDGET_MONTHS):
        due = add_months(first, month, day)
        charges = [account.accrue((due - previous_day).days, due) for account in accounts]
        available = budget
        while pending and pending[0].day <= due:
            available += pending.pop(0).amount
        paid = _pay_month(strategy, accounts, _priority(strategy, accounts, order, start_owed), mins, available)
        for index, account in enumerate(accounts):
            if sum(paid[index], ZERO) > 0 or sum(charges[index], ZERO) > 0:
                rows[index].append(account.row(len(rows[index]) + 1, due, paid[index]))
        owed = sum((account.owed for account in accounts), ZERO)
        months.append(
            MonthTotal(
                due,
                sum((sum(part, ZERO) for part in paid), ZERO),
                sum((charge[0] for charge in charges), ZERO),
                sum((charge[1] for charge in charges), ZERO),
                owed,
            )
        )
        if owed == 0:
            break
        if owed >= previous_owed and not pending:
            total_charges = sum((sum(charge, ZERO) for charge in charges), ZERO)
            alerts.append(
                Alert(
                    AlertKind.NEVER_PAID_OFF,
                    Message(
                        A_NEVER_PAID_OFF,
                        {"budget": format_money(budget), "charges": format_money(total_charges), "date": due.isoformat()},
                    ),
                )
            )
            break
        previous_day, previous_owed = due, owed
    else:
        alerts.append(
            Alert(
                AlertKind.NOT_PAID_OFF_IN_TIME,
                Message(A_NOT_IN_TIME, {"budget": format_money(budget), "months": str(checks.MAX_BUDGET_MONTHS)}),
            )
        )
    basis = Message(NOTE_BUDGET, {"budget": format_money(budget), "due_day": str(day), "first_due": first.isoformat()})
    schedules = tuple(
        Schedule(
            start=start,
            principal=position.principal,
            owed_at_start=position.owed,
            rows=tuple(debt_rows),
            basis=Rate.daily(position.daily_rate).basis(),
            notes=(basis,),
            still_owed=account.owed,
            unpaid_interest=account.interest_due,
            unpaid_penalty=account.penalty_due,
        )
        for position, debt_rows, account in zip(positions, rows, accounts, strict=True)
    )
    return BudgetPlan(strategy, budget, start, first_order, schedules, tuple(months), tuple(alerts), sum(start_owed, ZERO))


def compare_strategies(
    positions: Sequence[DebtPosition], budget: Decimal, start: date, **options: Any
) -> dict[Strategy, BudgetPlan]:
    """Avalanche and snowball (and the custom order when ``order`` is given) on the same inputs."""
    strategies = [Strategy.AVALANCHE, Strategy.SNOWBALL] + ([Strategy.CUSTOM] if options.get("order") else [])
    return {strategy: plan_budget(positions, budget, strategy, start, **options) for strategy in strategies}
