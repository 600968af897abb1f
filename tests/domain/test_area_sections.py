"""The Plans and Habits sections of the Markdown export, each on its own: read through a TableReader, a
document that cannot be read is left out with a short note, user text is escaped, no ids."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

from jiebei_tui.domain.habits import Cadence, new_habit, start_progress
from jiebei_tui.domain.habits import markdown_section as habits_section
from jiebei_tui.domain.markdown_export import ExportPage
from jiebei_tui.domain.plans import DebtPosition, Option, OptionKind, new_plan
from jiebei_tui.domain.plans import markdown_section as plans_section

UTC = timezone.utc
NOW = datetime(2027, 1, 6, 23, 30, tzinfo=UTC)  # 07:30 on 7 January in Beijing
BEIJING = timezone(timedelta(hours=8))


class Reader:
    def __init__(self, tables: Mapping[str, Mapping[str, Mapping[str, Mapping[str, Any]]]]) -> None:
        self.tables = tables  # table -> period ("" for a one-file table) -> id -> doc

    def periods(self, table: str) -> Sequence[str]:
        return sorted(key for key in self.tables.get(table, {}) if key)

    def docs(self, table: str, period: str | None = None) -> Mapping[str, Mapping[str, Any]]:
        return self.tables.get(table, {}).get(period or "", {})

    def docs_like(self, table: str, doc: Mapping[str, Any]) -> Mapping[str, Mapping[str, Any]]:
        return {}

    def count(self, table: str) -> int:
        return sum(len(docs) for docs in self.tables.get(table, {}).values())


def test_plans_section_writes_each_plan_under_the_area_and_notes_an_unreadable_one() -> None:
    loan = DebtPosition(name="借呗 | 主", lender="蚂蚁", principal=Decimal("6000.00"), overdue_principal=Decimal("0.00"),
                        accrued=Decimal("0.00"), daily_rate=Decimal("0.0005"))
    terms = Option(OptionKind.EQUAL_PAYMENT, months=3, first_due=date(2027, 1, 20), due_day=20)
    plan = new_plan("plan-secret", "三期 *试*", loan, terms, date(2027, 1, 5), datetime(2027, 1, 5, 16, 0, tzinfo=UTC))
    doc = {**plan.to_dict(), "plan_id": plan.id}
    doc.pop("id")
    reader = Reader({"plans": {"plan-secret": {"plan-secret": doc}, "broken": {"broken": {"plan_id": "broken", "terms": 3}}}})
    text = "".join(plans_section(reader, ExportPage(lambda s: s.rpartition("\x04")[2], BEIJING, NOW)))
    assert text.startswith("### 三期 \\*试\\*\n")
    assert "#### Schedule" in text and "#### History" in text
    assert "| 2027-01-06 00:00 | Plan created: Draft |" in text  # 16:00 UTC is past midnight in Beijing
    assert "plan-secret" not in text and "broken" not in text
    assert "1 saved entry could not be read" in text


def test_habits_section_streaks_on_the_users_day_and_an_unreadable_habit_noted() -> None:
    habit = new_habit("h-secret", "早睡 | 不刷手机", "", Cadence.DAILY, date(2027, 1, 5))
    progress = start_progress(habit).to_dict()
    progress["done"] = ["2027-01-06", "2027-01-07"]
    progress["total"] = 2
    reader = Reader({
        "habits": {"": {"h-secret": habit.to_dict(), "bad": {"name": "x"}}},
        "habit_progress": {"": {"h-secret": progress}},
        "fund": {"": {"fund": {"target_months": 3, "monthly_essentials": "1000", "current": "1500.05"}}},
    })
    text = "".join(habits_section(reader, ExportPage(lambda s: s, BEIJING, NOW)))
    # 7 January in Beijing (still the 6th in UTC): both days count
    assert "| 早睡 \\| 不刷手机 | Every day | 2027-01-05 | 2 days | 2 days |" in text
    assert "| In the fund now | ¥1,500.05 |" in text and "| Target | ¥3,000.00 |" in text
    assert "h-secret" not in text and "bad" not in text
    assert "1 saved entry could not be read" in text
