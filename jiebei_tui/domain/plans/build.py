"""One option for one debt turned into its schedule, or into the first problem the user can fix.

Penalty follows the self-check's formula (overdue principal × daily rate × multiplier ×
days) wherever nothing is agreed yet: paying in full later, a deferral, waiting. Agreed
instalments charge their own rate on the whole principal; the penalty owed at the
start is paid with the first instalment or spread, unless the lender's terms say
otherwise (a reduced amount, or 0 when waived).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.parsing.money import ZERO, format_money, round_fen
from jiebei_tui.domain.parsing.rates import format_multiplier
from jiebei_tui.domain.plans import amortize, checks
from jiebei_tui.domain.plans.alerts import Alert, AlertKind
from jiebei_tui.domain.plans.dates import add_months, default_first_due, due_dates, on_due_day
from jiebei_tui.domain.plans.message import Message
from jiebei_tui.domain.plans.options import Instalment, Option, OptionKind, PenaltyHandling
from jiebei_tui.domain.plans.position import DebtPosition
from jiebei_tui.domain.plans.rates import Rate, format_percent
from jiebei_tui.domain.plans.schedule import Point, Row, Schedule
from jiebei_tui.i18n import N_

NOTE_PENALTY_FIRST = N_("The {penalty} of penalty and interest owed at the start is paid with the first instalment.")
NOTE_PENALTY_SPREAD = N_("The {penalty} of penalty and interest owed at the start is spread over the instalments.")
NOTE_PENALTY_INCLUDED = N_(
    "The payment includes {penalty} of penalty and interest: what was owed at the start and what accrues until "
    "the day it is paid."
)
NOTE_PENALTY_PAID_FIRST = N_("Each payment goes to the {penalty} of penalty and interest owed at the start first.")
NOTE_PENALTY_OFFERED = N_("Penalty as the lender offered: {penalty} instead of the {accrued} accrued.")
NOTE_INTEREST_STOPPED = N_("Interest stopped, as the lender offered.")
NOTE_WAIT_PENALTY = N_(
    "Until it is paid, the overdue {overdue} keeps accruing penalty: {overdue} × {rate} a day × {multiplier} "
    "(the multiplier you copied from your contract) × days."
)
NOTE_WAIT_INTEREST = N_(
    "The rest of the principal ({current}) accrues its normal interest at {rate} a day; instalments of the "
    "original loan falling due meanwhile are not included."
)
NOTE_AGREED_RATE = N_(
    "Instalments charge the plan's rate on all of the principal; whether penalty stops once a plan is agreed "
    "is for the lender's written terms to say."
)
MSG_NOT_ON_DUE_DAY = N_("The first due date is not on the due day ({due_day}); change one of them")
MSG_TYPED_EMPTY = N_("Type at least one instalment: a date and an amount")
BASIS_UNTIL_PAID = N_(
    "Interest and penalty are counted by the day, at {rate} a day, up to the day of payment."
)
A_ZERO_RATE = N_("The rate is 0: this plan charges no interest. Check this matches your contract or the lender's offer.")
A_LAST_ADJUSTED = N_(
    "The last instalment is {computed}, not the {typed} typed, so that everything is cleared. Check the amounts "
    "with the lender."
)
A_STILL_OVERDUE = N_(
    "Nothing is paid or agreed in this option: after {days} days {owed} is still owed and it keeps growing by "
    "about {per_day} a day."
)


def plan_rate(option: Option, position: DebtPosition) -> Rate:
    """The option's rate: 0 when the lender stopped interest, else its own, else the debt's daily rate."""
    if option.interest_stopped:
        return Rate.daily(Decimal(0))
    return option.rate if option.rate is not None else Rate.daily(position.daily_rate)


def start_penalty(option: Option, position: DebtPosition) -> Decimal:
    return position.accrued if option.penalty is None else option.penalty


def wait_days(option: Option, start: date) -> int:
    """Days of a deferral or of waiting (months counted on the calendar from ``start``)."""
    if option.days is not None:
        return option.days
    if option.months is not None:
        return (add_months(start, option.months) - start).days
    return 0


def monthly_dates(option: Option, position: DebtPosition, start: date) -> tuple[date, int]:
    """First due date and due day: as typed, else the debt's due day, else one month after the start."""
    due_day = option.due_day if option.due_day is not None else position.due_day
    first_due = option.first_due if option.first_due is not None else default_first_due(start, due_day)
    return first_due, due_day if due_day is not None else first_due.day


def _field_checks(option: Option, position: DebtPosition, start: date) -> list[tuple[str, Callable[[], None]]]:
    kind = option.kind
    found: list[tuple[str, Callable[[], None]]] = [
        ("principal", lambda: checks.check_principal(position.principal, position.overdue_principal)),
        ("accrued", lambda: checks.check_amount(position.accrued, positive=False)),
        ("daily_rate", lambda: checks.check_daily_rate(position.daily_rate)),
        ("multiplier", lambda: checks.check_multiplier(position.multiplier)),
    ]
    if option.multiplier is not None:
        found.append(("multiplier", lambda: checks.check_multiplier(option.multiplier or ZERO)))
    if option.penalty is not None:
        found.append(("penalty", lambda: checks.check_amount(option.penalty or ZERO, positive=False)))
    if option.rate is not None:
        found.append(("rate", lambda: checks.check_rate(option.rate or Rate.daily(ZERO))))
    if kind is OptionKind.PAY_IN_FULL and option.pay_on is not None:
        found.append(("pay_on", lambda: checks.check_pay_on(option.pay_on or start, start)))
    if kind is OptionKind.DEFERRAL:
        found.append(("days", lambda: checks.check_deferral_days(option.days or 0)))
    if kind is OptionKind.DO_NOTHING:
        if option.days is not None:
            found.append(("days", lambda: checks.check_days(option.days or 0)))
        else:
            found.append(("months", lambda: checks.check_wait_months(option.months or 0)))
    if kind.by_method:
        found.append(("months", lambda: checks.check_months(option.months or 0)))
    if kind is OptionKind.FIXED_PAYMENT:
        found.append(("payment", lambda: checks.check_amount(option.payment or ZERO)))
    if kind.monthly:
        found.append(("due_day", lambda: checks.check_due_day(option.due_day)))
        found.append(("due_day", lambda: checks.check_due_day(position.due_day)))
        found.append(("first_due", lambda: _check_first_due(option, position, start)))
    if kind is OptionKind.TYPED:
        found.append(("instalments", lambda: _check_typed(option, start)))
    return found


def _valid_day(day: int | None) -> bool:
    return day is None or 1 <= day <= 31


def _check_first_due(option: Option, position: DebtPosition, start: date) -> None:
    if not (_valid_day(option.due_day) and _valid_day(position.due_day)):
        return  # the due day's own problem is shown beside it
    first_due, due_day = monthly_dates(option, position, start)
    checks.check_first_due(first_due, start)
    if option.first_due is not None and first_due != on_due_day(first_due.year, first_due.month, due_day):
        raise InputError(MSG_NOT_ON_DUE_DAY, {"due_day": str(due_day)})


def _check_typed(option: Option, start: date) -> None:
    if not option.instalments:
        raise InputError(MSG_TYPED_EMPTY)
    if len(option.instalments) > checks.MAX_INSTALMENTS:
        raise InputError(checks.MSG_MONTHS_TOO_MANY, {"maximum": str(checks.MAX_INSTALMENTS)})
    checks.check_in_order([item.due for item in option.instalments], start)
    for item in option.instalments[:-1]:
        checks.check_amount(item.amount)
    checks.check_amount(option.instalments[-1].amount, positive=False)


_MAIN_FIELD: dict[OptionKind, str] = {
    OptionKind.PAY_IN_FULL: "pay_on",
    OptionKind.DEFERRAL: "days",
    OptionKind.EQUAL_PAYMENT: "months",
    OptionKind.EQUAL_PRINCIPAL: "months",
    OptionKind.INTEREST_FIRST: "months",
    OptionKind.FIXED_PAYMENT: "payment",
    OptionKind.TYPED: "instalments",
    OptionKind.DO_NOTHING: "days",
}


def option_problems(option: Option, position: DebtPosition, start: date) -> dict[str, InputError]:
    """Every field's first problem, keyed by field name (Option or DebtPosition attribute); empty when the
    schedule builds. A problem only the whole schedule shows is put on the option's main field."""
    problems: dict[str, InputError] = {}
    for name, check in _field_checks(option, position, start):
        if name in problems:
            continue
        try:
            check()
        except InputError as error:
            problems[name] = error
    if not problems:
        try:
            build_schedule(option, position, start)
        except InputError as error:
            problems[_MAIN_FIELD[option.kind]] = error
    return problems


def build_schedule(option: Option, position: DebtPosition, start: date) -> Schedule:
    """The option's schedule from ``start``; raises the first InputError (see :func:`option_problems`)."""
    for _name, check in _field_checks(option, position, start):
        check()
    position = _in_fen(position)
    option = replace(
        option,
        penalty=None if option.penalty is None else round_fen(option.penalty),
        payment=None if option.payment is None else round_fen(option.payment),
        instalments=tuple(Instalment(item.due, round_fen(item.amount)) for item in option.instalments),
    )
    kind = option.kind
    if kind in (OptionKind.PAY_IN_FULL, OptionKind.DEFERRAL):
        return _single_payment(option, position, start)
    if kind is OptionKind.DO_NOTHING:
        return _waiting(option, position, start)
    return _instalments(option, position, start)


def _in_fen(position: DebtPosition) -> DebtPosition:
    """The checked amounts with exactly two decimals, so every figure derived from them has two too."""
    return replace(
        position,
        principal=round_fen(position.principal),
        overdue_principal=round_fen(position.overdue_principal),
        accrued=round_fen(position.accrued),
        regular_payment=round_fen(position.regular_payment),
    )


def _penalty_notes(option: Option, position: DebtPosition, penalty: Decimal, note: str) -> list[Message]:
    notes: list[Message] = []
    if option.penalty is not None:
        notes.append(
            Message(NOTE_PENALTY_OFFERED, {"penalty": format_money(penalty), "accrued": format_money(position.accrued)})
        )
    elif penalty > 0:
        notes.append(Message(note, {"penalty": format_money(penalty)}))
    if option.interest_stopped:
        notes.append(Message(NOTE_INTEREST_STOPPED))
    return notes


def _zero_rate_alerts(rate: Rate) -> tuple[Alert, ...]:
    return (Alert(AlertKind.ZERO_RATE, Message(A_ZERO_RATE)),) if rate.is_zero else ()


def _waiting_notes(option: Option, position: DebtPosition) -> list[Message]:
    notes = []
    rate = format_percent(position.daily_rate)
    if position.overdue_principal > 0:
        multiplier = option.multiplier if option.multiplier is not None else position.multiplier
        notes.append(
            Message(
                NOTE_WAIT_PENALTY,
                {
                    "overdue": format_money(position.overdue_principal),
                    "rate": rate,
                    "multiplier": format_multiplier(multiplier),
                },
            )
        )
    current = position.principal - position.overdue_principal
    if current > 0:
        notes.append(Message(NOTE_WAIT_INTEREST, {"current": format_money(current), "rate": rate}))
    return notes


def _accrual(option: Option, position: DebtPosition, start: date, days: int) -> tuple[Decimal, Decimal]:
    """(interest, penalty) owed after ``days`` more days with nothing paid, penalty owed at the start included."""
    interest = ZERO if option.interest_stopped else position.interest_for(days)
    if option.penalty is not None:
        return interest, option.penalty
    return interest, position.accrued + position.penalty_for(start, days, option.multiplier)


def _single_payment(option: Option, position: DebtPosition, start: date) -> Schedule:
    if option.kind is OptionKind.DEFERRAL:
        day = start + timedelta(days=option.days or 0)
    else:
        day = option.pay_on or start
    days = (day - start).days
    interest, penalty = _accrual(option, position, start, days)
    principal = position.principal
    row = Row(1, day, principal + interest + penalty, principal, interest, penalty, ZERO, ZERO)
    notes = _penalty_notes(option, position, penalty, NOTE_PENALTY_INCLUDED)
    if days > 0:
        notes += _waiting_notes(option, position)
    rate = Rate.daily(ZERO) if option.interest_stopped else Rate.daily(position.daily_rate)
    return Schedule(
        start=start,
        principal=principal,
        owed_at_start=position.owed,
        rows=(row,),
        basis=_until_paid(rate),
        notes=tuple(notes),
        alerts=_zero_rate_alerts(rate) if days > 0 and not option.interest_stopped else (),
    )


def _until_paid(rate: Rate) -> Message:
    return rate.basis() if rate.is_zero else Message(BASIS_UNTIL_PAID, {"rate": format_percent(rate.value)})


def owed_while_waiting(option: Option, position: DebtPosition, start: date, day: date) -> Decimal:
    """Owed on ``day`` when nothing is paid from ``start`` (the chart of waiting, day by day)."""
    interest, penalty = _accrual(option, position, start, max(0, (day - start).days))
    return position.principal + interest + penalty


def _waiting(option: Option, position: DebtPosition, start: date) -> Schedule:
    days = wait_days(option, start)
    end = start + timedelta(days=days)
    points = []
    month = 1
    while (day := add_months(start, month)) < end:
        interest, penalty = _accrual(option, position, start, (day - start).days)
        points.append(Point(day, position.principal + interest + penalty))
        month += 1
    interest, penalty = _accrual(option, position, start, days)
    owed = position.principal + interest + penalty
    points.append(Point(end, owed))
    next_interest, next_penalty = _accrual(option, position, start, days + 1)
    per_day = next_interest + next_penalty - interest - penalty
    alert = Alert(
        AlertKind.STILL_OVERDUE,
        Message(A_STILL_OVERDUE, {"days": str(days), "owed": format_money(owed), "per_day": format_money(per_day)}),
    )
    return Schedule(
        start=start,
        principal=position.principal,
        owed_at_start=position.owed,
        rows=(),
        basis=_until_paid(Rate.daily(position.daily_rate)),
        notes=tuple(_waiting_notes(option, position)),
        end=end,
        still_owed=owed,
        unpaid_interest=interest,
        unpaid_penalty=penalty,
        waiting_points=tuple(points),
        alerts=(alert,),
    )


def _instalments(option: Option, position: DebtPosition, start: date) -> Schedule:
    rate = plan_rate(option, position)
    penalty = start_penalty(option, position)
    principal = position.principal
    kind = option.kind
    adjustment = ZERO
    if kind is OptionKind.TYPED:
        typed = [(item.due, item.amount) for item in option.instalments]
        rows, adjustment = amortize.typed_rows(principal, rate, start, typed, penalty)
        note = NOTE_PENALTY_PAID_FIRST
    elif kind is OptionKind.FIXED_PAYMENT:
        first_due, due_day = monthly_dates(option, position, start)
        rows = amortize.fixed_payment_rows(principal, rate, start, first_due, due_day, option.payment or ZERO, penalty)
        note = NOTE_PENALTY_PAID_FIRST
    else:
        first_due, due_day = monthly_dates(option, position, start)
        months = option.months or 0
        dues = due_dates(first_due, months, due_day)
        if option.penalty_handling is PenaltyHandling.SPREAD:
            penalties = amortize.spread(penalty, months)
            note = NOTE_PENALTY_SPREAD
        else:
            penalties = [penalty] + [ZERO] * (months - 1)
            note = NOTE_PENALTY_FIRST
        method = {
            OptionKind.EQUAL_PAYMENT: amortize.equal_payment_rows,
            OptionKind.EQUAL_PRINCIPAL: amortize.equal_principal_rows,
            OptionKind.INTEREST_FIRST: amortize.interest_first_rows,
        }[kind]
        rows = method(principal, rate, start, dues, penalties)
    notes = _penalty_notes(option, position, penalty, note)
    if position.overdue_principal > 0 and option.penalty is None:
        notes.append(Message(NOTE_AGREED_RATE))
    alerts = [] if option.interest_stopped else list(_zero_rate_alerts(rate))
    if adjustment != 0:
        typed_last = option.instalments[-1].amount
        alerts.append(
            Alert(
                AlertKind.LAST_ADJUSTED,
                Message(A_LAST_ADJUSTED, {"computed": format_money(rows[-1].payment), "typed": format_money(typed_last)}),
            )
        )
    return Schedule(
        start=start,
        principal=principal,
        owed_at_start=principal + penalty,
        rows=rows,
        basis=rate.basis(),
        notes=tuple(notes),
        alerts=tuple(alerts),
    )
