"""The reflection journal and what it hands to the negotiation script."""

from __future__ import annotations

from datetime import date

import pytest

from jiebei_tui.domain.causes import Cause
from jiebei_tui.domain.habits import PROMPTS, latest, new_reflection, toggle_cause, why_i_fell_behind
from jiebei_tui.domain.parsing.errors import InputError

D = date


def test_causes_are_a_multi_select_kept_in_list_order() -> None:
    picked = toggle_cause(toggle_cause(toggle_cause((), Cause.OVERSPENDING), Cause.INCOME_DROP), Cause.OTHER)
    assert picked == (Cause.INCOME_DROP, Cause.OVERSPENDING, Cause.OTHER)
    assert toggle_cause(picked, Cause.OVERSPENDING) == (Cause.INCOME_DROP, Cause.OTHER)
    entry = new_reflection("e1", D(2027, 1, 5), [Cause.OVERSPENDING, Cause.INCOME_DROP], " 公司裁员 ", "")
    assert (entry.causes, entry.own_words) == ((Cause.INCOME_DROP, Cause.OVERSPENDING), "公司裁员")
    assert len(PROMPTS) == 3


def test_an_empty_entry_is_refused_and_long_text_is_bounded() -> None:
    with pytest.raises(InputError, match="Pick a cause or write"):
        new_reflection("e1", D(2027, 1, 5), [], "  ", "\n")
    with pytest.raises(InputError) as long:
        new_reflection("e1", D(2027, 1, 5), [], "字" * 2001)
    assert long.value.params == {"maximum": "2000"}
    assert new_reflection("e1", D(2027, 1, 5), [], "", "每月记账").next_time == "每月记账"


def test_the_script_gets_the_latest_entry_that_says_why() -> None:
    older = new_reflection("e1", D(2027, 1, 5), [Cause.INCOME_DROP], "收入减少")
    newer = new_reflection("e2", D(2027, 2, 5), [Cause.POOR_PLANNING, Cause.NOT_KNOWING_RULES], "没做计划")
    lesson_only = new_reflection("e3", D(2027, 3, 5), [], "", "每周看一次借呗页面")
    why = why_i_fell_behind([newer, lesson_only, older])
    assert why is not None
    assert (why.day, why.causes, why.own_words) == (
        D(2027, 2, 5),
        (Cause.POOR_PLANNING, Cause.NOT_KNOWING_RULES),
        "没做计划",
    )
    assert latest([newer, lesson_only, older]) == lesson_only
    assert why_i_fell_behind([lesson_only]) is None and latest([]) is None
    same_day = new_reflection("e4", D(2027, 2, 5), [Cause.OTHER], "")
    assert why_i_fell_behind([newer, same_day]) == why_i_fell_behind([same_day]) != why
