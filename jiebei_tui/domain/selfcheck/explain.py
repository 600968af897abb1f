"""How a figure was computed: each figure carries the steps that produced it, as message ids."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Generic, TypeVar

from jiebei_tui.domain.parsing.money import format_money, round_fen
from jiebei_tui.i18n import N_


def _identity(text: str) -> str:
    return text


@dataclass(frozen=True)
class Step:
    """One line of "how was this computed".

    ``label`` is a msgid unless ``literal_label`` (then it is the user's own text,
    e.g. an income called 工资). ``formula`` is a msgid template whose
    ``{placeholders}`` are filled from ``params`` (already formatted amounts, so
    translation never touches numbers). ``result`` is the formatted outcome.
    """

    label: str
    formula: str
    params: Mapping[str, str]
    result: str
    literal_label: bool = False

    def render(self, translate: Callable[[str], str] | None = None) -> str:
        """``label: formula = result``; ``translate`` is a gettext-like callable (default: English)."""
        tr = translate or _identity
        label = self.label if self.literal_label else tr(self.label)
        return f"{label}: {tr(self.formula).format(**self.params)} = {self.result}"


V = TypeVar("V")


@dataclass(frozen=True)
class Figure(Generic[V]):
    """A number with its explanation; ``note`` (msgid) says what the number rests on."""

    value: V  # Decimal for money, int for days, Decimal percent or None for shares
    steps: tuple[Step, ...]
    note: str | None = None

    def explain(self, translate: Callable[[str], str] | None = None) -> list[str]:
        return [step.render(translate) for step in self.steps]


F_NOTHING = N_("nothing entered")
F_SUM = N_("{items}")
F_AMOUNT = N_("{amount}")

NOTE_PENALTY_INPUTS = N_(
    "Uses the overdue principal, daily rate and penalty multiplier you copied from your loan page and "
    "contract. Whether penalty is charged on the principal only, and any compounding, depend on your "
    "contract; your loan page shows the amount that counts."
)
NOTE_ROUNDING = N_("Each debt's figure is rounded to the fen once, half up; totals add the rounded figures.")


def _sum_figure(label: str, items: Iterable[tuple[str, bool, Decimal]]) -> Figure[Decimal]:
    """Sum labelled amounts: one step per non-zero item, then the total."""
    steps: list[Step] = []
    amounts: list[Decimal] = []
    for item_label, literal, amount in items:
        if amount == 0:
            continue
        amounts.append(amount)
        steps.append(Step(item_label, F_AMOUNT, {"amount": format_money(amount)}, format_money(amount), literal))
    total = round_fen(sum(amounts, Decimal(0)))
    if amounts:
        formula, params = F_SUM, {"items": " + ".join(format_money(a) for a in amounts)}
    else:
        formula, params = F_NOTHING, {}
    steps.append(Step(label, formula, params, format_money(total)))
    return Figure(total, tuple(steps))


