"""Whether a schedule fits the month: above what is left, or cutting into the essentials.

Two tiers, both against the self-check's month:
* above what is left — a payment larger than the surplus plus the regular payments
  the plan replaces: something else (another payment, savings) has to give;
* leaves less than the essentials — income minus the payment is below essential
  spending: rent and food would be cut, before any other payment is even counted.
A single payment (pay in full, deferral) is compared with usable savings plus one
month's surplus instead, since nobody pays a lump sum from one month's income.
"""

from __future__ import annotations

from decimal import Decimal

from jiebei_tui.domain.parsing.money import ZERO, format_money
from jiebei_tui.domain.plans.alerts import Alert, AlertKind
from jiebei_tui.domain.plans.message import Message
from jiebei_tui.domain.plans.position import Finances
from jiebei_tui.domain.plans.schedule import Schedule
from jiebei_tui.i18n import N_

A_NO_SURPLUS = N_(
    "Nothing is left each month after essentials and other payments ({available}); every payment in this plan "
    "has to come from cutting something else or from savings."
)
A_ABOVE_SURPLUS = N_(
    "The payment of {payment} on {date} is more than the {available} left each month (payments above it: "
    "{count} of {total})."
)
A_SINGLE_ABOVE = N_(
    "The single payment of {payment} is more than your usable savings ({savings}) plus what is left this month "
    "({available})."
)
A_BELOW_ESSENTIALS = N_(
    "Paying {payment} on {date} leaves {left} of your {income} income, less than your essentials of {essentials}."
)


def affordability(schedule: Schedule, finances: Finances | None, replaced: Decimal = ZERO) -> tuple[Alert, ...]:
    """Alerts for ``schedule`` against the month; none without finances or payments.

    ``replaced`` is the regular monthly payment of the debt(s) this plan takes over.
    """
    if finances is None or not schedule.rows:
        return ()
    available = finances.available(replaced)
    alerts: list[Alert] = []
    if schedule.count == 1:
        row = schedule.rows[0]
        if row.payment > finances.savings + max(available, ZERO):
            alerts.append(
                Alert(
                    AlertKind.ABOVE_SURPLUS,
                    Message(
                        A_SINGLE_ABOVE,
                        {
                            "payment": format_money(row.payment),
                            "savings": format_money(finances.savings),
                            "available": format_money(max(available, ZERO)),
                        },
                    ),
                )
            )
        return tuple(alerts)
    if available <= 0:
        alerts.append(Alert(AlertKind.NO_SURPLUS, Message(A_NO_SURPLUS, {"available": format_money(available)})))
    else:
        above = [row for row in schedule.rows if row.payment > available]
        if above:
            alerts.append(
                Alert(
                    AlertKind.ABOVE_SURPLUS,
                    Message(
                        A_ABOVE_SURPLUS,
                        {
                            "payment": format_money(above[0].payment),
                            "date": above[0].due.isoformat(),
                            "available": format_money(available),
                            "count": str(len(above)),
                            "total": str(schedule.count),
                        },
                    ),
                )
            )
    short = [row for row in schedule.rows if finances.income - row.payment < finances.essentials]
    if short:
        row = short[0]
        alerts.append(
            Alert(
                AlertKind.BELOW_ESSENTIALS,
                Message(
                    A_BELOW_ESSENTIALS,
                    {
                        "payment": format_money(row.payment),
                        "date": row.due.isoformat(),
                        "left": format_money(finances.income - row.payment),
                        "income": format_money(finances.income),
                        "essentials": format_money(finances.essentials),
                    },
                ),
            )
        )
    return tuple(alerts)
