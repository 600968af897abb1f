"""The Self-check part of the Markdown export: each saved self-check as tables a person can read.

One year of self-checks is read at a time. The figures come first (what is
owed, what waiting costs, what is left each month, the verdict), then the
numbers the user typed: money coming in, essentials, other payments, savings
and each debt, all under the labels the form uses.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from jiebei_tui.domain.markdown_export import ExportPage, TableReader
from jiebei_tui.domain.parsing.money import format_money
from jiebei_tui.domain.parsing.rates import format_multiplier, format_rate
from jiebei_tui.domain.selfcheck.comparison import Summary
from jiebei_tui.domain.selfcheck.fields import DEBT_FIELD_BY_KEY, ENTRY_SECTION_BY_KEY, ESSENTIALS_TITLE
from jiebei_tui.domain.selfcheck.inputs import Debt, Entry, SelfCheckInput
from jiebei_tui.domain.selfcheck.kinds import EssentialCategory, VerdictKind
from jiebei_tui.domain.selfcheck.verdict_texts import VERDICT_MONTHS, VERDICT_WORDS
from jiebei_tui.domain.text_safety import escape_markdown
from jiebei_tui.i18n import N_

TABLE = "selfchecks"

HEADING = N_("Self-check of {date}")
SAVED_AT = N_("Saved on {time}.")
FIGURE = N_("Figure")
AMOUNT = N_("Amount")
ITEM = N_("Item")
VALUE = N_("Value")
TOTAL_OWED = N_("Owed in total")
TOTAL_OVERDUE = N_("Overdue (principal and interest so far)")
DAILY_COST = N_("What each day of waiting costs")
SURPLUS = N_("Left each month after essentials and payments")
VERDICT = N_("Verdict")
DEBTS = N_("Debts")
KIND = N_("Kind")
NO_SELFCHECKS = N_("No self-check saved yet.")
NONE = "—"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def _verdict(summary: Summary, page: ExportPage) -> str:
    if summary.verdict is VerdictKind.CLEAR_IN_MONTHS:
        return page.plural(VERDICT_MONTHS, summary.months or 0)
    return page.tr(VERDICT_WORDS[summary.verdict])


def _entries(title: str, entries: Sequence[Entry], page: ExportPage) -> list[str]:
    if not entries:
        return []
    rows = [[escape_markdown(entry.label) or NONE, format_money(entry.amount)] for entry in entries]
    return ["", f"#### {page.tr(title)}", "", *_table([page.tr(ITEM), page.tr(AMOUNT)], rows)]


def _essentials(essentials: Mapping[EssentialCategory, Decimal], page: ExportPage) -> list[str]:
    rows = [[page.tr(category.label), format_money(essentials[category])] for category in EssentialCategory if category in essentials]
    return ["", f"#### {page.tr(ESSENTIALS_TITLE)}", "", *_table([page.tr(ITEM), page.tr(AMOUNT)], rows)] if rows else []


def _debt_rows(debt: Debt, page: ExportPage) -> list[list[str]]:
    tr = page.tr

    def label(key: str) -> str:
        return tr(DEBT_FIELD_BY_KEY[key].label)

    since = debt.overdue_since.isoformat() if debt.overdue_since else (str(debt.days_overdue) if debt.days_overdue else NONE)
    return [
        [tr(KIND), tr(debt.kind.label)],
        [label("lender"), escape_markdown(debt.lender) or NONE],
        [label("outstanding"), format_money(debt.outstanding_principal)],
        [label("overdue"), format_money(debt.overdue_principal)],
        [label("since"), since],
        [label("rate"), format_rate(debt.daily_rate)],
        [label("multiplier"), format_multiplier(debt.penalty_multiplier)],
        [label("payment"), format_money(debt.monthly_payment)],
        [label("due_day"), str(debt.due_day) if debt.due_day else NONE],
        [label("months"), str(debt.remaining_months) if debt.remaining_months else NONE],
    ]


def _snapshot_lines(taken_at: datetime, inp: SelfCheckInput, summary: Summary, page: ExportPage) -> list[str]:
    tr = page.tr
    lines = [f"### {tr(HEADING).format(date=summary.as_of.isoformat())}", "", tr(SAVED_AT).format(time=page.time(taken_at, seconds=False)), ""]
    figures = [
        [tr(TOTAL_OWED), format_money(summary.total_owed)],
        [tr(TOTAL_OVERDUE), format_money(summary.total_overdue)],
        [tr(DAILY_COST), format_money(summary.daily_cost)],
        [tr(SURPLUS), format_money(summary.monthly_surplus)],
        [tr(VERDICT), _verdict(summary, page)],
    ]
    lines += _table([tr(FIGURE), tr(AMOUNT)], figures)
    cash = inp.cashflow
    lines += _entries(ENTRY_SECTION_BY_KEY["incomes"].title, cash.incomes, page)
    lines += _essentials(cash.essentials, page)
    lines += _entries(ENTRY_SECTION_BY_KEY["other_fixed"].title, cash.other_fixed, page)
    lines += _entries(ENTRY_SECTION_BY_KEY["savings"].title, cash.savings, page)
    for debt in inp.debts:
        name = escape_markdown(debt.name, line_break=" ") or tr(debt.kind.label)
        lines += ["", f"#### {tr(DEBTS)}: {name}", "", *_table([tr(ITEM), tr(VALUE)], _debt_rows(debt, page))]
    return lines


def _read(doc: Mapping[str, Any], page: ExportPage) -> tuple[datetime, SelfCheckInput, Summary] | None:
    try:
        taken_at = datetime.fromisoformat(str(doc["taken_at"]))
        if taken_at.tzinfo is None:  # written by an early version: read as the user's own clock
            taken_at = taken_at.replace(tzinfo=page.zone)
        return taken_at, SelfCheckInput.from_dict(doc.get("input") or {}), Summary.from_dict(doc["summary"])
    except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError):
        return None  # unreadable: the JSON export still has it


def markdown_section(reader: TableReader, page: ExportPage) -> Iterator[str]:
    """Every saved self-check, oldest first, a year of them at a time."""
    found = False
    for year in reader.periods(TABLE):
        snapshots = [read for doc in reader.docs(TABLE, year).values() if (read := _read(doc, page)) is not None]
        for taken_at, inp, summary in sorted(snapshots, key=lambda item: (item[2].as_of, item[0])):
            found = True
            yield "\n".join(_snapshot_lines(taken_at, inp, summary, page)) + "\n\n"
    if not found:
        yield page.tr(NO_SELFCHECKS) + "\n"
