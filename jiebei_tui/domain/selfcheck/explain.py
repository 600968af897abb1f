"""How a figure was computed: each figure carries the steps that produced it, as messages."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Generic, TypeVar

from jiebei_tui.domain.labels import Message
from jiebei_tui.domain.parsing.money import format_money, round_fen
from jiebei_tui.i18n import N_


@dataclass(frozen=True)
class Step:
    """One line of "how was this computed": ``label: formula = result``.

    ``label`` is a msgid unless ``literal_label`` (then it is the user's own text,
    e.g. an income called 工资). ``formula`` is a message whose parameters are
    already formatted amounts, so translation never touches numbers. ``result`` is a
    formatted number (``¥780.00``, ``22.5%``), or a message when it has words (``52 days``).
    """

    label: str
    formula: Message
    result: str | Message
    literal_label: bool = False

    def english(self) -> str:
        """``label: formula = result`` untranslated (tests and logs; the UI renders its own)."""
        result = self.result if isinstance(self.result, str) else self.result.english()
        return f"{self.label}: {self.formula.english()} = {result}"


V = TypeVar("V", covariant=True)  # a Figure[Decimal] is a Figure[object]: figures are read-only


@dataclass(frozen=True)
class Figure(Generic[V]):
    """A number with its explanation; ``note`` (msgid) says what the number rests on."""

    value: V  # Decimal for money, int for days, Decimal percent or None for shares
    steps: tuple[Step, ...]
    note: str | None = None

    def english(self) -> list[str]:
        return [step.english() for step in self.steps]


F_NOTHING = N_("nothing entered")
F_SUM = N_("{items}")
F_AMOUNT = N_("{amount}")
F_PLUS = N_("{a} + {b}")
F_MINUS = N_("{a} − {b}")
F_TIMES = N_("{n} × {amount}")

NOTE_PENALTY_INPUTS = N_(
    "Uses the overdue principal, daily rate and penalty multiplier you copied from your loan page and "
    "contract. Whether penalty is charged on the principal only, and any compounding, depend on your "
    "contract; your loan page shows the amount that counts."
)
NOTE_ROUNDING = N_(
    "Worked out unrounded, then rounded to the fen once, half up; totals add each debt's rounded figure."
)
NOTE_DAILY_ROUNDING = N_(
    "The daily cost is rounded to the fen, half up, and 30 more days cost 30 times that, so the two always "
    "agree; totals add each debt's rounded figure. Your lender may round differently by a few fen."
)


def sum_step(label: str, amounts: list[Decimal], total: Decimal, literal_label: bool = False) -> Step:
    """``label: a + b + c = total``, or ``label: nothing entered = ¥0.00``."""
    if amounts:
        formula = Message(F_SUM, {"items": " + ".join(format_money(a) for a in amounts)})
    else:
        formula = Message(F_NOTHING)
    return Step(label, formula, format_money(total), literal_label)


def sum_figure(label: str, items: Iterable[tuple[str, bool, Decimal]]) -> Figure[Decimal]:
    """Sum labelled amounts: one step per non-zero item, then the total."""
    steps: list[Step] = []
    amounts: list[Decimal] = []
    for item_label, literal, amount in items:
        if amount == 0:
            continue
        amounts.append(amount)
        steps.append(Step(item_label, Message(F_AMOUNT, {"amount": format_money(amount)}), format_money(amount), literal))
    total = round_fen(sum(amounts, Decimal(0)))
    steps.append(sum_step(label, amounts, total))
    return Figure(total, tuple(steps))
