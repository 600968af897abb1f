"""The self-check's figures as the screen shows them: every number with how it was computed, translated."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from jiebei_tui import i18n
from jiebei_tui.domain.facts import COMPLAINT_CHANNELS, FACTS
from jiebei_tui.domain.selfcheck import VerdictKind, assess, check_form, new_form, verdict_words
from jiebei_tui.ui.selfcheck.widgets.figures import figure_lines
from jiebei_tui.ui.selfcheck.widgets.results import at_stake_items, help_items

TODAY = date(2026, 11, 23)


def filled() -> dict[str, Any]:
    form = new_form()
    form["debts"][0].update(
        {"outstanding": "2.5万", "overdue": "２００００", "since": "2026-10-02", "rate": "0.05%", "multiplier": "1.5",
         "payment": "1,500", "due_day": "15号", "months": "12期", "lender": "重庆蚂蚁消费金融"}
    )
    form["incomes"][0].update({"label": "工资", "amount": "¥8000"})
    form["essentials"].update({"rent": "2500元", "food": "1500"})
    return form


def _sample_assessment(essentials: str = "1500") -> Any:
    form = filled()
    form["essentials"]["food"] = essentials
    checked = check_form(form, TODAY)
    assert checked.input is not None
    return assess(checked.input, TODAY)


def test_every_figure_explains_itself_with_its_inputs() -> None:
    i18n.set_language("en")
    lines = figure_lines(_sample_assessment())
    keys = [line.key for line in lines]
    assert keys[:3] == ["verdict", "surplus", "share"]
    assert {"overdue", "accrued", "per_day", "next_30", "owed", "debt0.per_day"} <= set(keys)
    for line in lines:
        assert line.steps, line.key
    per_day = next(line for line in lines if line.key == "debt0.per_day")
    assert per_day.value == "¥15.00"
    assert any("¥20,000.00 × 0.05% × 1.5" in step for step in per_day.steps)
    assert dict(per_day.inputs)["Penalty multiplier"] == "1.5, from your contract"
    accrued = dict(next(line for line in lines if line.key == "debt0.accrued").inputs)
    assert accrued["Days overdue"] == "2026-11-23 − 2026-10-02 = 52 days"
    # A figure that is just an amount is said once, never "¥8,000.00 = ¥8,000.00".
    assert not any(re.search(r"(¥[\d,.]+) = \1$", step) for line in lines for step in line.steps)


def test_explanations_are_translated_days_included() -> None:
    i18n.set_language("zh-Hans")
    per_day = next(line for line in figure_lines(_sample_assessment()) if line.key == "debt0.accrued")
    assert per_day.label == "借呗：至今的罚息和利息"
    assert dict(per_day.inputs)["逾期天数"] == "2026-11-23 − 2026-10-02 = 52 天"
    assert any(step.endswith("× 52 天 = ¥780.00") for step in per_day.steps)


def test_verdict_words_and_facts_with_sources() -> None:
    i18n.set_language("en")
    assert verdict_words(VerdictKind.CLEAR_IN_MONTHS, 1).text() == "About 1 month at this pace"
    assert verdict_words(VerdictKind.CLEAR_IN_MONTHS, 4).text() == "About 4 months at this pace"
    text = "\n".join(at_stake_items(_sample_assessment()))
    statements = [fact for fact in FACTS if fact.statement in text]
    assert statements and all(fact.source in text for fact in statements)


def test_help_names_only_the_listed_channels() -> None:
    numbers = set(re.findall(r"\d{3,}", "\n".join(help_items())))
    assert numbers == {channel.number for channel in COMPLAINT_CHANNELS}
