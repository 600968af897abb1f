"""Every number the self-check shows, with how it was computed and what it rests on.

One list feeds the results table, the "how was this computed" dialog and Home,
so a figure can never be shown without its explanation. Texts are translated
here (at display time); numbers come formatted from the domain.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from jiebei_tui.domain.labels import Message
from jiebei_tui.domain.parsing.money import format_money
from jiebei_tui.domain.parsing.rates import format_multiplier, format_rate
from jiebei_tui.domain.selfcheck import Assessment, DebtAssessment, Figure, Step, field_label, verdict_words
from jiebei_tui.domain.selfcheck.assessment import NOTE_NO_PAYMENT
from jiebei_tui.domain.selfcheck.debts import (
    L_ACCRUED,
    L_COST_30_DAYS,
    L_COST_PER_DAY,
    L_DAYS_OVERDUE,
)
from jiebei_tui.domain.selfcheck.explain import NOTE_DAILY_ROUNDING, NOTE_PENALTY_INPUTS, NOTE_ROUNDING
from jiebei_tui.i18n import N_, _, tr

L_VERDICT = N_("Verdict")
L_TOTAL_OVERDUE = N_("Total overdue (principal plus penalty and interest)")
L_DEBT_FIGURE = N_("{name}: {figure}")
V_NOT_ENTERED = N_("not entered")
V_NO_UPLIFT = N_("{multiplier} (no uplift)")
V_FROM_CONTRACT = N_("{multiplier}, from your contract")
STEP_LINE = N_("{label}: {formula} = {result}")
VALUE_LINE = N_("{label}: {value}")


@dataclass(frozen=True)
class FigureLine:
    """One row of the results: what it is, its value, and everything behind it."""

    key: str
    label: str
    value: str
    steps: tuple[str, ...]
    inputs: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = ()


def _result(step: Step) -> str:
    return step.result if isinstance(step.result, str) else step.result.text()


def _line(label: str, step: Step) -> str:
    """``label: formula = result``, or ``label: result`` when the formula is the result itself."""
    formula, result = step.formula.text(), _result(step)
    if formula == result:
        return tr(VALUE_LINE, label=label, value=result)
    return tr(STEP_LINE, label=label, formula=formula, result=result)


def render_step(step: Step) -> str:
    """``label: formula = result`` in the current language."""
    return _line(step.label if step.literal_label else _(step.label), step)


def _steps(*figures: Figure[object]) -> tuple[str, ...]:
    return tuple(render_step(step) for figure in figures for step in figure.steps)


def _named_steps(items: list[DebtAssessment], attribute: str) -> tuple[str, ...]:
    """Each debt's own step, its name in front, for the explanation of a total."""
    lines = []
    for item in items:
        figure: Figure[Any] = getattr(item, attribute)
        for step in figure.steps:
            lines.append(_line(tr(L_DEBT_FIGURE, name=item.debt.name, figure=_(step.label)), step))
    return tuple(lines)


def _notes(*figures: Figure[Any]) -> tuple[str, ...]:
    seen: list[str] = []
    for figure in figures:
        if figure.note and _(figure.note) not in seen:
            seen.append(_(figure.note))
    return tuple(seen)


def _step_body(step: Step) -> str:
    """A step without its label: ``2026-11-23 − 2026-10-02 = 52 days``."""
    return f"{step.formula.text()} = {_result(step)}"


def debt_inputs(item: DebtAssessment, *, days: bool = True) -> tuple[tuple[str, str], ...]:
    """What a debt's penalty figures rest on, as the user typed it (the days only where they count)."""
    debt = item.debt
    multiplier = format_multiplier(debt.penalty_multiplier)
    multiplier_text = (
        tr(V_NO_UPLIFT, multiplier=multiplier) if debt.penalty_multiplier == 1 else tr(V_FROM_CONTRACT, multiplier=multiplier)
    )
    return (
        (field_label("overdue"), format_money(debt.overdue_principal)),
        (field_label("rate"), format_rate(debt.daily_rate)),
        (field_label("multiplier"), multiplier_text),
        *([(_(L_DAYS_OVERDUE), _step_body(item.days_overdue.steps[0]))] if days else []),
        (field_label("lender"), debt.lender.strip() or _(V_NOT_ENTERED)),
    )


def _all_debt_inputs(items: list[DebtAssessment]) -> tuple[tuple[str, str], ...]:
    """The inputs behind a total: every overdue debt's, named when there are several."""
    if len(items) == 1:
        return debt_inputs(items[0])
    return tuple(
        (tr(L_DEBT_FIGURE, name=item.debt.name, figure=label), value) for item in items for label, value in debt_inputs(item)
    )


def _debt_lines(item: DebtAssessment) -> list[FigureLine]:
    name = item.debt.name
    rows: tuple[tuple[str, str, Figure[Decimal], tuple[str, ...], str], ...] = (
        ("accrued", L_ACCRUED, item.accrued, _steps(item.days_overdue, item.accrued), NOTE_ROUNDING),
        ("per_day", L_COST_PER_DAY, item.cost_per_day, _steps(item.cost_per_day), NOTE_DAILY_ROUNDING),
        ("next_30", L_COST_30_DAYS, item.cost_next_30_days, _steps(item.cost_next_30_days), NOTE_DAILY_ROUNDING),
    )
    return [
        FigureLine(
            f"debt{item.index}.{key}",
            tr(L_DEBT_FIGURE, name=name, figure=_(label)),
            format_money(figure.value),
            steps,
            debt_inputs(item, days=key == "accrued"),
            (*_notes(figure), _(note)),
        )
        for key, label, figure, steps, note in rows
    ]


def _value(value: str | Message) -> str:
    return value if isinstance(value, str) else value.text()


def _missing_note(a: Assessment) -> tuple[str, ...]:
    return (tr(NOTE_NO_PAYMENT, names="、".join(a.missing_payments)),) if a.missing_payments else ()


def _verdict_line(a: Assessment) -> FigureLine:
    """The verdict as the card says it: every figure on the card is an input here or a step's result."""
    verdict = a.verdict
    return FigureLine(
        "verdict",
        _(L_VERDICT),
        verdict_words(verdict.kind, verdict.months).text(),
        tuple(render_step(step) for step in verdict.steps),
        tuple((_(label), _value(value)) for label, value in verdict.inputs),
        tuple(note.text() for note in verdict.notes) + _missing_note(a),
    )


def figure_lines(a: Assessment) -> list[FigureLine]:
    """Verdict, the monthly picture, the overdue totals, then each overdue debt."""
    surplus_step = a.monthly_surplus.steps[-1]
    share_step = a.debt_share_of_income.steps[-1]
    overdue = [item for item in a.debts if item.debt.overdue_principal > 0]
    per_debt_accrued = _named_steps(overdue, "accrued")
    per_debt_per_day = _named_steps(overdue, "cost_per_day")
    per_debt_30 = _named_steps(overdue, "cost_next_30_days")
    debt_inputs_all = _all_debt_inputs(overdue)
    lines = [
        _verdict_line(a),
        FigureLine(
            "surplus",
            _(surplus_step.label),
            _result(surplus_step),
            _steps(a.monthly_income, a.essentials, a.other_fixed, a.debt_payments, a.monthly_surplus),
            notes=_missing_note(a),
        ),
        FigureLine(
            "share",
            _(share_step.label),
            _result(share_step),
            _steps(a.debt_payments, a.monthly_income, a.debt_share_of_income),
            notes=_missing_note(a),
        ),
        FigureLine(
            "overdue",
            _(L_TOTAL_OVERDUE),
            format_money(a.total_needed_to_clear.value),
            per_debt_accrued + _steps(a.total_overdue_principal, a.total_accrued, a.total_needed_to_clear),
            debt_inputs_all,
            _notes(a.total_needed_to_clear, a.total_accrued),
        ),
        FigureLine(
            "accrued",
            _(a.total_accrued.steps[-1].label),
            format_money(a.total_accrued.value),
            per_debt_accrued + _steps(a.total_accrued),
            debt_inputs_all,
            (_(NOTE_PENALTY_INPUTS), _(NOTE_ROUNDING)) if overdue else (),
        ),
        FigureLine(
            "per_day",
            _(a.total_cost_per_day.steps[-1].label),
            format_money(a.total_cost_per_day.value),
            per_debt_per_day + _steps(a.total_cost_per_day),
            debt_inputs_all,
            (_(NOTE_PENALTY_INPUTS), _(NOTE_DAILY_ROUNDING)) if overdue else (),
        ),
        FigureLine(
            "next_30",
            _(a.total_cost_next_30_days.steps[-1].label),
            format_money(a.total_cost_next_30_days.value),
            per_debt_30 + _steps(a.total_cost_next_30_days),
            debt_inputs_all,
            (_(NOTE_PENALTY_INPUTS), _(NOTE_DAILY_ROUNDING)) if overdue else (),
        ),
        FigureLine(
            "owed",
            _(a.total_owed.steps[-1].label),
            format_money(a.total_owed.value),
            _steps(a.total_accrued, a.total_owed),
        ),
        FigureLine(
            "savings",
            _(a.usable_savings.steps[-1].label),
            format_money(a.usable_savings.value),
            _steps(a.usable_savings),
        ),
    ]
    for item in overdue:
        lines.extend(_debt_lines(item))
    return lines
