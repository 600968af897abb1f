"""How a figure of a plan was computed, in words with its own numbers (no Textual).

Every line is translated here; amounts are already formatted. The arithmetic
shown is the one the domain did: interest on the principal still owed at the
plan's rate (per day × actual days, or per month), the penalty owed at the
start, principal, and the payment as their sum.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from jiebei_tui.domain.parsing.money import format_money
from jiebei_tui.domain.plans import Compared, Message, Option, OptionKind, Rate, RatePeriod, Schedule, format_percent
from jiebei_tui.domain.plans.build import plan_rate
from jiebei_tui.domain.plans.position import DebtPosition
from jiebei_tui.domain.text_safety import sanitize
from jiebei_tui.i18n import _, tr


def _render(message: Message) -> str:
    return message.render(_, sanitize)


def row_lines(schedule: Schedule, option: Option, position: DebtPosition, number: int) -> list[str]:
    """The instalment ``number`` (1-based) of ``schedule``, figure by figure."""
    row = schedule.rows[number - 1]
    before = schedule.rows[number - 2].balance if number > 1 else schedule.principal
    previous: date = schedule.rows[number - 2].due if number > 1 else schedule.start
    days = (row.due - previous).days
    lines = [tr("Instalment {number} of {count}, due {date}.", number=number, count=schedule.count, date=row.due.isoformat())]
    single = option.kind in (OptionKind.PAY_IN_FULL, OptionKind.DEFERRAL)
    if single:
        lines.append(tr("Paid {days} days after the plan starts ({start}).", days=days, start=schedule.start.isoformat()))
        lines += [_render(note) for note in schedule.notes]
    else:
        rate = plan_rate(option, position)
        lines.append(tr("{days} days since {date}.", days=days, date=previous.isoformat()))
        lines.append(_interest_line(rate, before, days, row.interest))
        lines += _method_lines(schedule, option, rate, number)
    if row.penalty:
        lines.append(tr("Penalty and interest owed before the plan, paid here: {penalty}.", penalty=format_money(row.penalty)))
    lines.append(
        tr(
            "Payment = principal {principal} + interest {interest} + penalty {penalty} = {payment}.",
            principal=format_money(row.principal),
            interest=format_money(row.interest),
            penalty=format_money(row.penalty),
            payment=format_money(row.payment),
        )
    )
    lines.append(
        tr(
            "Principal left = {before} − {principal} = {left}.",
            before=format_money(before),
            principal=format_money(row.principal),
            left=format_money(row.balance),
        )
    )
    lines.append(_render(schedule.basis))
    return lines


def _interest_line(rate: Rate, balance: Decimal, days: int, interest: Decimal) -> str:
    shown = format_money(balance)
    result = format_money(interest)
    if rate.is_zero:
        return tr("Interest: the rate is 0, so {interest}.", interest=result)
    if rate.period is RatePeriod.DAILY:
        return tr(
            "Interest = {balance} × {rate} a day × {days} days = {interest} (to the fen).",
            balance=shown, rate=format_percent(rate.value), days=days, interest=result,
        )
    return tr(
        "Interest = {balance} × {rate} a month = {interest} (to the fen).",
        balance=shown, rate=format_percent(rate.value), interest=result,
    )


def _method_lines(schedule: Schedule, option: Option, rate: Rate, number: int) -> list[str]:
    count, principal = schedule.count, format_money(schedule.principal)
    last = number == count
    if option.kind is OptionKind.EQUAL_PAYMENT:
        if rate.period is RatePeriod.MONTHLY and not rate.is_zero:
            line = tr(
                "Equal payments: M = P·r·(1+r)^n / ((1+r)^n − 1) with P = {principal}, r = {rate}, n = {count}, "
                "rounded to the fen.",
                principal=principal, rate=format_percent(rate.value), count=count,
            )
        else:
            line = tr(
                "Equal payments: the one amount that repays {principal} in {count} instalments, with each "
                "period's interest counted on its actual days; rounded to the fen.",
                principal=principal, count=count,
            )
        return [line] + ([tr("The last instalment pays whatever is left, so the principal adds up exactly.")] if last else [])
    if option.kind is OptionKind.EQUAL_PRINCIPAL:
        return [
            tr("Equal principal: {principal} ÷ {count} each time, plus interest on what is left.", principal=principal,
               count=count)
        ] + ([tr("The last instalment pays whatever is left, so the principal adds up exactly.")] if last else [])
    if option.kind is OptionKind.INTEREST_FIRST:
        return [tr("Interest first: only interest until the last instalment, which also repays {principal}.",
                   principal=principal)]
    return [tr("Each payment goes to penalty first, then interest, then principal.")]


def cost_lines(entry: Compared, baseline: Compared) -> list[str]:
    """A column of the comparison: what it costs, and against doing nothing."""
    schedule = entry.schedule
    lines = [
        tr(
            "Interest and penalty = {interest} + {penalty} = {cost}.",
            interest=format_money(schedule.total_interest),
            penalty=format_money(schedule.total_penalty),
            cost=format_money(schedule.total_cost),
        )
    ]
    if entry.is_baseline:
        end = schedule.end or schedule.start
        lines.append(
            tr(
                "Doing nothing until {date}: {owed} would be owed, principal {principal} plus what accrues.",
                date=end.isoformat(), owed=format_money(schedule.still_owed), principal=format_money(schedule.principal),
            )
        )
    else:
        lines.append(
            tr(
                "Paid in all: {paid}; paid off on {date}.",
                paid=format_money(schedule.total_paid),
                date=schedule.payoff_date.isoformat() if schedule.payoff_date else "—",
            )
        )
        lines.append(
            tr(
                "Against doing nothing until {date} ({cost} of interest and penalty): {difference}.",
                date=(baseline.schedule.end or baseline.schedule.start).isoformat(),
                cost=format_money(baseline.schedule.total_cost),
                difference=signed(entry.cost_difference),
            )
        )
    lines.append(_render(schedule.basis))
    lines += [_render(note) for note in schedule.notes]
    lines += [_render(alert.message) for alert in entry.alerts]
    return lines


def signed(amount: Decimal) -> str:
    """``+¥12.00`` or ``-¥3.50``: a difference, never a bare amount."""
    text = format_money(amount)
    return text if text.startswith("-") else "+" + text
