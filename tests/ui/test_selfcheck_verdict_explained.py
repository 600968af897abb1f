"""The verdict card and its "how was this computed" view say the same thing, on any inputs.

Every number on the card (headline, explanation, the waiting line) appears among the inputs
or step results of the verdict's explanation, and every step can be worked out again from the
listed inputs and the steps before it.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from jiebei_tui import i18n
from jiebei_tui.domain.selfcheck import (
    Assessment,
    CashFlow,
    Debt,
    DebtKind,
    Entry,
    EssentialCategory,
    SelfCheckInput,
    VerdictKind,
    assess,
)
from jiebei_tui.ui.selfcheck.widgets.figures import FigureLine, figure_lines
from jiebei_tui.ui.selfcheck.widgets.results import waiting_text

TODAY = date(2026, 11, 23)
MONEY = re.compile(r"¥[\d,]+\.\d{2}")
COUNT = re.compile(r"(?<![\d.,¥])\d+(?![\d.,%])")


def money(cents: int) -> Decimal:
    return Decimal(cents).scaleb(-2)


amounts = st.integers(min_value=0, max_value=3_000_000).map(money)
small = st.integers(min_value=0, max_value=800_000).map(money)


@st.composite
def debts(draw: st.DrawFn) -> Debt:
    overdue = draw(st.one_of(st.just(Decimal(0)), amounts))
    return Debt(
        kind=draw(st.sampled_from([DebtKind.JIEBEI, DebtKind.HUABEI, DebtKind.ONLINE_LOAN])),
        name=draw(st.sampled_from(["借呗", "花呗", "网贷"])),
        outstanding_principal=overdue + draw(st.one_of(st.just(Decimal(0)), amounts)),
        overdue_principal=overdue,
        days_overdue=draw(st.integers(min_value=0, max_value=400)),
        daily_rate=draw(st.sampled_from([Decimal(0), Decimal("0.0002"), Decimal("0.00035"), Decimal("0.0005")])),
        penalty_multiplier=draw(st.sampled_from([Decimal(1), Decimal("1.3"), Decimal("1.5")])),
        monthly_payment=draw(st.one_of(st.just(Decimal(0)), small)),
    )


@st.composite
def inputs(draw: st.DrawFn) -> SelfCheckInput:
    cash = CashFlow(
        incomes=(Entry("工资", draw(small)),),
        essentials={EssentialCategory.RENT: draw(small), EssentialCategory.FOOD: draw(small)},
        other_fixed=(Entry("保险", draw(st.one_of(st.just(Decimal(0)), small))),),
        savings=(Entry("余额宝", draw(st.one_of(st.just(Decimal(0)), amounts, st.just(Decimal("999999"))))),),
    )
    return SelfCheckInput(tuple(draw(st.lists(debts(), min_size=1, max_size=3))), cash)


def card(a: Assessment) -> str:
    verdict = a.verdict
    return "\n".join((verdict.headline.text(), verdict.explanation.text(), waiting_text(a)))


def numbers(text: str) -> set[str]:
    return set(MONEY.findall(text)) | set(COUNT.findall(MONEY.sub(" ", text)))


def evaluate(formula: str) -> Decimal:
    """A step's formula as arithmetic: ¥ amounts, counts, + − × ÷ and brackets, maybe "rounded up"."""
    rounded_up = formula.endswith(", rounded up")
    expression = formula.removesuffix(", rounded up")
    expression = MONEY.sub(lambda m: f"D('{m.group(0)[1:].replace(',', '')}')", expression)
    expression = re.sub(r"(?<![\d.'])(\d+)(?![\d.'])", r"D(\1)", expression)
    expression = expression.replace("−", "-").replace("×", "*").replace("÷", "/")
    assert re.fullmatch(r"[D()'\d.\s+\-*/]+", expression), formula
    value = eval(expression, {"__builtins__": {}, "D": Decimal})  # only our digits and operators (checked above)
    return value.to_integral_value(rounding=ROUND_CEILING) if rounded_up else value


def check_reproducible(line: FigureLine) -> None:
    known = {value for _label, value in line.inputs if MONEY.fullmatch(value)}
    for step in line.steps:
        body = step.split(": ", 1)[1]
        formula, _, result = body.rpartition(" = ")
        for operand in MONEY.findall(formula):
            assert operand in known, f"{operand} in {step!r} is neither an input nor an earlier result"
        value = evaluate(formula)
        if MONEY.fullmatch(result.lstrip("-")):
            shown = Decimal(result.replace("¥", "").replace(",", ""))
            assert value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) == shown, step
            known.add(result.lstrip("-"))
        else:
            assert value == Decimal(result), step


@settings(max_examples=300, deadline=None)
@given(inp=inputs())
def test_every_number_on_the_card_is_explained_and_reproducible(inp: SelfCheckInput) -> None:
    i18n.set_language("en")
    a = assess(inp, TODAY)
    line = figure_lines(a)[0]
    assert line.key == "verdict"
    explained = numbers("\n".join([*line.steps, *(f"{label}: {value}" for label, value in line.inputs)]))
    missing = numbers(card(a)) - explained
    assert not missing, f"{a.verdict.reason}: {missing} on the card but not in its explanation"
    check_reproducible(line)


def test_the_reserve_case_reads_as_the_card_does() -> None:
    i18n.set_language("en")
    inp = SelfCheckInput(
        (Debt(DebtKind.JIEBEI, "借呗", outstanding_principal=Decimal(10000), overdue_principal=Decimal(10000),
              days_overdue=10, daily_rate=Decimal("0.0005")),),
        CashFlow(incomes=(Entry("工资", Decimal(3000)),), essentials={EssentialCategory.RENT: Decimal("3000.01")},
                 savings=(Entry("余额宝", Decimal(999999)),)),
    )
    a = assess(inp, TODAY)
    assert a.verdict.kind is VerdictKind.CLEAR_NOW
    line = figure_lines(a)[0]
    assert "Reserve for the monthly shortfall: 6 × ¥0.01 = ¥0.06" in line.steps
    assert ("Months of the shortfall this app keeps in reserve", "6 months") in line.inputs
    assert any("this app's suggestion, not a rule" in note for note in line.notes)
