"""The Habits part of the Markdown export: habits and streaks, the budget by month, the fund, what is
due soon, the reflection journal and the checks before borrowing, in the UI language.

Reads a month of spends or reflections (a year of checks) at a time. A
built-in label (a starter habit, a built-in budget category, a cause) follows
the UI language; what the user typed is escaped where Markdown would read it.
Plan instalments and call promises are listed in their own areas' sections.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import timedelta
from typing import Any, TypeVar

from jiebei_tui.domain.habits.borrow import BorrowCheck
from jiebei_tui.domain.habits.budget import L_REMOVED_CATEGORY, BudgetPlan, SpendMonth, default_budget
from jiebei_tui.domain.habits.budget_report import month_report
from jiebei_tui.domain.habits.checkins import CheckinMonth
from jiebei_tui.domain.habits.fund import EmergencyFund, FundState, fund_status
from jiebei_tui.domain.habits.habit import Habit
from jiebei_tui.domain.habits.periods import Cadence
from jiebei_tui.domain.habits.progress import HabitProgress, rebuild_progress
from jiebei_tui.domain.habits.reflection import P_NEXT_TIME, P_OWN_WORDS, Reflection
from jiebei_tui.domain.habits.reminders import debt_due_items
from jiebei_tui.domain.markdown_export import ExportPage, TableReader, unreadable_note
from jiebei_tui.domain.parsing.money import format_money
from jiebei_tui.domain.parsing.rates import format_rate
from jiebei_tui.domain.selfcheck import SelfCheckInput
from jiebei_tui.domain.text_safety import escape_markdown
from jiebei_tui.i18n import N_, N_p, N_plural

T = TypeVar("T")
Row = Sequence[str]

H_HABITS = N_("Habits and their streaks")
H_BUDGET = N_("Monthly budget")
H_SPENDS_OF = N_("Spends in {month}")
H_FUND = N_("Emergency fund")
H_DUE = N_("Due in the next {days} days")
H_REFLECTIONS = N_("Reflection journal")
H_BORROW = N_("Checks before borrowing")
C_HABIT = N_("Habit")
C_CADENCE = N_("How often")
C_STARTED = N_("Since")
C_STREAK = N_("Current streak")
C_BEST = N_("Best streak")
C_ARCHIVED = N_("archived")
C_CATEGORY = N_("Category")
C_PLANNED = N_("Planned")
C_SPENT = N_("Spent")
C_LEFT = N_("Left")
C_DATE = N_("Date")
C_AMOUNT = N_("Amount")
C_NOTE = N_p("habits export: column of remarks on a spend", "Note")
C_ITEM = N_("Item")
C_VALUE = N_("Value")
C_MONTHLY_PAYMENT = N_("Monthly payment")
C_DAILY_RATE = N_("Daily rate")
C_REPAYS = N_("To repay another loan")
C_ANSWER = N_("Answer")
C_DUE = N_("Due")
YES = N_("Yes")
NO = N_("No")
IN_ALL = N_("In all")
BUDGET_NOT_SAVED = N_("No budget saved; the months below are set against the essentials of the latest self-check.")
F_TARGET_MONTHS = N_("Target: months of essentials")
F_ESSENTIALS = N_("Essentials each month")
F_TARGET = N_("Target")
F_CURRENT = N_("In the fund now")
F_SAVING = N_("Saved each month")
F_STATE = N_("Where it stands")
F_REACHED_BY = N_("Reached by, at this saving")
CAUSES = N_("What led to the overdue")
DUE_ELSEWHERE = N_("Plan instalments are listed with each plan, and promises made on calls with each call.")
NO_DUE = N_("No due day from the latest self-check falls in these days.")
NO_HABITS_SAVED = N_("No habits, budget, fund, reflections or checks saved yet.")
STREAK_UNITS: Mapping[Cadence, tuple[str, str]] = {
    Cadence.DAILY: N_plural("{n} day", "{n} days"),
    Cadence.WEEKLY: N_plural("{n} week", "{n} weeks"),
    Cadence.MONTHLY: N_plural("{n} month", "{n} months"),
}
DUE_DAYS = 31


def _table(header: Row, rows: Sequence[Row], right: frozenset[int] = frozenset()) -> list[str]:
    rule = "| " + " | ".join("---:" if index in right else "---" for index in range(len(header))) + " |"
    return ["| " + " | ".join(header) + " |", rule, *("| " + " | ".join(row) + " |" for row in rows)]


class _Reading:
    """Parses stored documents and counts the ones it cannot read."""

    def __init__(self) -> None:
        self.skipped = 0

    def parse(self, parse: Callable[[Any], T], doc: Mapping[str, Any] | None, doc_id: str | None = None) -> T | None:
        if doc is None:
            return None
        try:
            return parse({**doc, "id": doc_id} if doc_id is not None else doc)
        except (KeyError, TypeError, ValueError, ArithmeticError):
            self.skipped += 1
            return None


def _habits(reader: TableReader, page: ExportPage, reading: _Reading) -> list[str]:
    tr = page.tr
    docs = reader.docs("habits")
    habits = sorted((h for i, d in docs.items() if (h := reading.parse(Habit.from_dict, d, i))), key=lambda h: h.started)
    if not habits:
        return []
    indexes = reader.docs("habit_progress")
    rows = []
    for habit in habits:
        progress = reading.parse(HabitProgress.from_dict, indexes.get(habit.id))
        if progress is None or progress.cadence is not habit.cadence:
            progress = rebuild_progress(habit, _checkin_months(reader, reading), page.today)
        streak, best = progress.streak_and_best(page.today)
        name = tr(habit.name) if habit.translatable else escape_markdown(habit.name)
        if habit.archived:
            name += f" ({tr(C_ARCHIVED)})"
        unit = STREAK_UNITS[habit.cadence]
        rows.append([name, tr(habit.cadence.label), habit.started.isoformat(), page.plural(unit, streak), page.plural(unit, best)])
    header = [tr(C_HABIT), tr(C_CADENCE), tr(C_STARTED), tr(C_STREAK), tr(C_BEST)]
    return [f"### {tr(H_HABITS)}", "", *_table(header, rows), ""]


def _checkin_months(reader: TableReader, reading: _Reading) -> Iterator[CheckinMonth]:
    for month in reader.periods("habit_checkins"):
        for doc in reader.docs("habit_checkins", month).values():
            found = reading.parse(CheckinMonth.from_dict, doc)
            if found is not None:
                yield found


def _category(key: str, plan: BudgetPlan, page: ExportPage) -> str:
    category = plan.category(key)
    if category is None:
        return page.tr(L_REMOVED_CATEGORY)
    return page.tr(category.label) if category.translatable else escape_markdown(category.label)


def _budget(reader: TableReader, page: ExportPage, reading: _Reading, latest: SelfCheckInput | None) -> Iterator[str]:
    tr = page.tr
    saved = reading.parse(BudgetPlan.from_dict, reader.docs("budget").get("plan"))
    months = reader.periods("spends")
    if saved is None and not months:
        return
    plan = saved or default_budget(latest)
    lines = [f"### {tr(H_BUDGET)}", ""]
    if saved is None:
        lines += [tr(BUDGET_NOT_SAVED), ""]
    else:
        rows = [[_category(c.key, plan, page), format_money(c.planned)] for c in plan.categories]
        lines += [*_table([tr(C_CATEGORY), tr(C_PLANNED)], rows, frozenset({1})), ""]
    yield "\n".join(lines) + "\n"
    for month in months:
        for doc in reader.docs("spends", month).values():
            spends = reading.parse(SpendMonth.from_dict, doc)
            if spends is not None and spends.spends:
                yield "\n".join(_month_lines(plan, spends, page)) + "\n"


def _month_lines(plan: BudgetPlan, spends: SpendMonth, page: ExportPage) -> list[str]:
    tr = page.tr
    report = month_report(plan, spends)
    rows = [
        [tr(line.label) if line.translatable else escape_markdown(line.label)]
        + [format_money(value) for value in (line.planned, line.spent, line.remaining)]
        for line in report.lines
    ]
    rows.append([tr(IN_ALL)] + [format_money(value) for value in (report.planned, report.spent, report.remaining)])
    money = frozenset({1, 2, 3})
    lines = [f"#### {tr(H_SPENDS_OF).format(month=spends.month)}", ""]
    lines += _table([tr(C_CATEGORY), tr(C_PLANNED), tr(C_SPENT), tr(C_LEFT)], rows, money)
    lines += [""] + [f"- {warning.render(tr)}" for warning in report.warnings] + ([""] if report.warnings else [])
    spend_rows = [
        [s.day.isoformat(), _category(s.category, plan, page), format_money(s.amount), escape_markdown(s.note)]
        for s in spends.spends
    ]
    return lines + [*_table([tr(C_DATE), tr(C_CATEGORY), tr(C_AMOUNT), tr(C_NOTE)], spend_rows, frozenset({2})), ""]


def _fund(reader: TableReader, page: ExportPage, reading: _Reading) -> list[str]:
    tr = page.tr
    fund = reading.parse(EmergencyFund.from_dict, reader.docs("fund").get("fund"))
    if fund is None:
        return []
    status = fund_status(fund, page.today)
    rows = [
        [tr(F_TARGET_MONTHS), str(fund.target_months)],
        [tr(F_ESSENTIALS), format_money(fund.monthly_essentials)],
        [tr(F_TARGET), format_money(status.target)],
        [tr(F_CURRENT), format_money(status.current)],
        [tr(F_SAVING), format_money(fund.monthly_saving)],
        [tr(F_STATE), tr(status.state.label)],
    ]
    if status.state is FundState.ON_THE_WAY and status.reached_by:
        rows.append([tr(F_REACHED_BY), status.reached_by])
    return [f"### {tr(H_FUND)}", "", *_table([tr(C_ITEM), tr(C_VALUE)], rows), ""]


def _latest_selfcheck(reader: TableReader) -> SelfCheckInput | None:
    """The newest readable self-check's answers (reads back a year at a time from the newest)."""
    for year in reversed(reader.periods("selfchecks")):
        found: list[tuple[str, str, SelfCheckInput]] = []
        for doc in reader.docs("selfchecks", year).values():
            try:
                summary = doc.get("summary") or {}
                found.append((str(summary.get("as_of", "")), str(doc.get("taken_at", "")), SelfCheckInput.from_dict(doc.get("input") or {})))
            except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError):
                continue  # the Self-check section says what it could not read
        if found:
            return max(found, key=lambda item: (item[0], item[1]))[2]
    return None


def _due(page: ExportPage, latest: SelfCheckInput | None) -> list[str]:
    tr = page.tr
    lines = [f"### {tr(H_DUE).format(days=DUE_DAYS)}", ""]
    items = debt_due_items(latest, page.today, page.today + timedelta(days=DUE_DAYS)) if latest is not None else ()
    if items:
        rows = [[item.day.isoformat(), escape_markdown(item.title.render(tr))] for item in items]
        lines += [*_table([tr(C_DUE), tr(C_ITEM)], rows), ""]
    else:
        lines += [tr(NO_DUE), ""]
    return [*lines, tr(DUE_ELSEWHERE), ""]


def _reflections(reader: TableReader, page: ExportPage, reading: _Reading) -> Iterator[str]:
    tr = page.tr
    heading = False
    for month in reader.periods("reflections"):
        docs = reader.docs("reflections", month)
        entries = sorted((e for i, d in docs.items() if (e := reading.parse(Reflection.from_dict, d, i))), key=lambda e: e.day)
        if entries and not heading:
            heading = True
            yield f"### {tr(H_REFLECTIONS)}\n\n"
        for entry in entries:
            yield "\n".join(_entry_lines(entry, page)) + "\n"


def _entry_lines(entry: Reflection, page: ExportPage) -> list[str]:
    tr = page.tr
    lines = [f"#### {entry.day.isoformat()}", ""]
    if entry.causes:
        lines += [f"- {tr(CAUSES)}:"] + [f"  - {tr(cause.label)}" for cause in entry.causes]
    if entry.own_words:
        lines.append(f"- {tr(P_OWN_WORDS)} {escape_markdown(entry.own_words)}")
    if entry.next_time:
        lines.append(f"- {tr(P_NEXT_TIME)} {escape_markdown(entry.next_time)}")
    return [*lines, ""]


def _borrow(reader: TableReader, page: ExportPage, reading: _Reading) -> list[str]:
    tr = page.tr
    checks: list[BorrowCheck] = []
    for year in reader.periods("borrow_checks"):
        docs = reader.docs("borrow_checks", year)
        checks += [c for i, d in docs.items() if (c := reading.parse(BorrowCheck.from_dict, d, i))]
    if not checks:
        return []
    lines = [f"### {tr(H_BORROW)}", ""]
    rows = [
        [
            check.day.isoformat(),
            format_money(check.answers.amount),
            format_money(check.answers.monthly_payment),
            format_rate(check.answers.daily_rate),
            tr(YES) if check.answers.repays_other_loan else tr(NO),
            tr(check.verdict.label),
        ]
        for check in sorted(checks, key=lambda check: (check.day, check.id))
    ]
    header = [tr(C_DATE), tr(C_AMOUNT), tr(C_MONTHLY_PAYMENT), tr(C_DAILY_RATE), tr(C_REPAYS), tr(C_ANSWER)]
    return [*lines, *_table(header, rows, frozenset({1, 2})), ""]


def markdown_section(reader: TableReader, page: ExportPage) -> Iterator[str]:
    """Habits, budget, fund, what is due soon, the journal and the borrowing checks (dates on ``page.zone``)."""
    reading = _Reading()
    latest = _latest_selfcheck(reader)
    habits = _habits(reader, page, reading)
    wrote = bool(habits)
    if habits:
        yield "\n".join(habits) + "\n"
    for chunk in _budget(reader, page, reading, latest):
        wrote = True
        yield chunk
    fund = _fund(reader, page, reading)
    if fund:
        wrote = True
        yield "\n".join(fund) + "\n"
    for chunk in _reflections(reader, page, reading):
        wrote = True
        yield chunk
    borrow = _borrow(reader, page, reading)
    if borrow:
        wrote = True
        yield "\n".join(borrow) + "\n"
    if not wrote:
        yield page.tr(NO_HABITS_SAVED) + "\n\n"
    yield "\n".join(_due(page, latest)) + "\n"
    yield unreadable_note(reading.skipped, page)

