"""The concrete proposal in one sentence: N × ¥X from date D, or ¥X in full on D."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from jiebei_tui.domain.parsing.money import format_money
from jiebei_tui.domain.plans.message import Message
from jiebei_tui.domain.plans.options import Option, OptionKind
from jiebei_tui.domain.plans.schedule import Schedule
from jiebei_tui.i18n import N_

P_IN_FULL = N_("to repay {total} in full on {date}")
P_LEVEL = N_("{count} monthly instalments of {amount} from {date}, the last {last} on {last_date} ({total} in all)")
P_FIRST_THEN_LEVEL = N_(
    "{count} monthly instalments from {date}: the first {first}, then {amount} a month, the last {last} on "
    "{last_date} ({total} in all)"
)
P_VARYING = N_("{count} instalments from {date} to {last_date}, from {first} down to {last} ({total} in all)")
P_TYPED = N_("{count} instalments from {date} to {last_date}: the first {first}, the last {last} ({total} in all)")
P_INTEREST_FIRST = N_(
    "interest each month from {date}, about {amount}, and the principal of {principal} with the last instalment "
    "on {last_date} ({total} in all)"
)
ASK_INTEREST_STOPPED = N_("I also ask that interest stop while I repay on this plan.")
ASK_PENALTY_REDUCED = N_("I also ask that the penalty be reduced to {penalty}.")


@dataclass(frozen=True)
class Proposal:
    """What the user proposes, taken from an option and its schedule."""

    kind: OptionKind
    count: int
    first_date: date
    last_date: date
    first_amount: Decimal
    regular_amount: Decimal
    last_amount: Decimal
    total: Decimal
    principal: Decimal
    interest_stopped: bool = False
    penalty: Decimal | None = None

    @classmethod
    def of(cls, option: Option, schedule: Schedule) -> Proposal:
        """Requires a schedule with payments (not doing nothing)."""
        if not schedule.rows:
            raise ValueError("doing nothing is not a proposal")
        rows = schedule.rows
        return cls(
            kind=option.kind,
            count=len(rows),
            first_date=rows[0].due,
            last_date=rows[-1].due,
            first_amount=rows[0].payment,
            regular_amount=schedule.regular_payment,
            last_amount=rows[-1].payment,
            total=schedule.total_paid,
            principal=schedule.principal,
            interest_stopped=option.interest_stopped,
            penalty=option.penalty,
        )

    def sentence(self) -> Message:
        params = {
            "count": str(self.count),
            "date": self.first_date.isoformat(),
            "last_date": self.last_date.isoformat(),
            "first": format_money(self.first_amount),
            "amount": format_money(self.regular_amount),
            "last": format_money(self.last_amount),
            "total": format_money(self.total),
            "principal": format_money(self.principal),
        }
        if self.count == 1:
            return Message(P_IN_FULL, params)
        if self.kind is OptionKind.INTEREST_FIRST:
            return Message(P_INTEREST_FIRST, params)
        if self.kind is OptionKind.TYPED:
            return Message(P_TYPED, params)
        if self.kind is OptionKind.EQUAL_PRINCIPAL:
            return Message(P_VARYING, params)
        if self.first_amount == self.regular_amount:
            return Message(P_LEVEL, params)
        return Message(P_FIRST_THEN_LEVEL, params)

    def asks(self) -> tuple[Message, ...]:
        found = []
        if self.interest_stopped:
            found.append(Message(ASK_INTEREST_STOPPED))
        if self.penalty is not None:
            found.append(Message(ASK_PENALTY_REDUCED, {"penalty": format_money(self.penalty)}))
        return tuple(found)
