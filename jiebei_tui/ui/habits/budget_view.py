"""This month's budget: planned against spent per category, warnings, last month by the same day, and a
spend line that records a spend in a few keys.

The spend goes to the category highlighted in the list; ↑↓ in the spend line
move that highlight, so "35 Enter Enter" is a spend without leaving the keyboard
row. The amount is read by the same money parser as every other amount.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from jiebei_tui.domain.habits import BudgetReport, CategoryLine, MonthComparison
from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.parsing.money import format_money
from jiebei_tui.i18n import N_, _, tr
from jiebei_tui.ui.common.inputs import InOrderInput
from jiebei_tui.ui.common.keys import bind, key_label
from jiebei_tui.ui.common.text import pad, plain
from jiebei_tui.ui.habits.budget_dialogs import CategoryDialog, SpendsDialog
from jiebei_tui.ui.habits.pane import Pane, show_problem

NAME_WIDTH = 22
MONEY_WIDTH = 12


def label_of(line: CategoryLine) -> str:
    return _(line.label) if line.translatable else line.label


def line_prompt(line: CategoryLine) -> Content:
    left = (
        Content.styled(tr("{amount} over", amount=format_money(-line.remaining)), "bold $text-warning")
        if line.over
        else Content.styled(tr("{amount} left", amount=format_money(line.remaining)), "$text-muted")
    )
    return Content.assemble(
        plain(label_of(line)).truncate(NAME_WIDTH, ellipsis=True, pad=True),
        " ",
        format_money(line.planned).rjust(MONEY_WIDTH),
        " ",
        format_money(line.spent).rjust(MONEY_WIDTH),
        "  ",
        left,
    )


def comparison_text(comparison: MonthComparison) -> str:
    if not comparison.last:
        return _("Nothing recorded last month to compare with yet.")
    difference = comparison.difference
    sign = "+" if difference > 0 else ""
    if comparison.same_day is not None:
        return tr(
            "Last month up to day {day}: {last}; this month so far: {this} ({difference}).",
            day=comparison.same_day,
            last=format_money(comparison.last_to_date),
            this=format_money(comparison.this),
            difference=sign + format_money(difference),
        )
    return tr(
        "Last month: {last}; this month: {this} ({difference}).",
        last=format_money(comparison.last),
        this=format_money(comparison.this),
        difference=sign + format_money(difference),
    )


class BudgetPane(Pane):
    VIEW = "budget"
    KEYS = frozenset({"add", "history"})
    DRAFT = "habits.spend"
    BINDINGS = [
        bind("move", "category(-1)", N_("Category"), id="habits.budget.up", keys="up", show=False),
        bind("move", "category(1)", N_("Category"), id="habits.budget.down", keys="down", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.report: BudgetReport | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="bg-summary")
        yield Static(
            Content.styled(
                pad(_("Category"), NAME_WIDTH) + " " + _("Planned").rjust(MONEY_WIDTH) + " " + _("Spent").rjust(MONEY_WIDTH),
                "$text-muted",
            ),
            id="bg-head",
        )
        yield OptionList(id="bg-lines")
        yield Static("", id="bg-warnings")
        yield Static("", id="bg-compare")
        with Horizontal(id="bg-entry"):
            yield Static(_("Spend:"), classes="bg-entry-label")
            yield InOrderInput(placeholder=_("amount, e.g. 35.5"), id="bg-amount", compact=True)
            yield Static("", id="bg-category")
            yield Input(placeholder=_("note (optional)"), id="bg-note", compact=True)
        yield Static("", id="bg-message", classes="field-message")
        yield Static(
            tr(
                "Type an amount, Enter, a note, Enter: it goes to the highlighted category (↑↓ change it). "
                "Enter on a category changes its plan · {add}: new category · {history}: spends by month",
                add=key_label("add"),
                history=key_label("history"),
            ),
            classes="habits-hint",
        )

    def focus_first(self) -> None:
        self.query_one("#bg-amount", Input).focus()

    def on_mount(self) -> None:
        self.query_one("#bg-message").display = False
        super().on_mount()

    def refresh_data(self) -> None:
        habits = self.services.habits
        try:
            report = habits.report()
            comparison = habits.comparison()
        except ValueError:  # a month file that cannot be read back: say so, change nothing
            self.query_one("#bg-summary", Static).update(_("This month's spends could not be read; nothing was changed."))
            return
        self.report = report
        month = report.month
        summary = tr(
            "{month}: planned {planned}, spent {spent}, {left}",
            month=month,
            planned=format_money(report.planned),
            spent=format_money(report.spent),
            left=tr("{amount} over", amount=format_money(-report.remaining)) if report.over
            else tr("{amount} left", amount=format_money(report.remaining)),
        )
        self.query_one("#bg-summary", Static).update(Content.styled(summary, "bold"))
        lines = self.query_one("#bg-lines", OptionList)
        keep = lines.highlighted
        lines.set_options([Option(line_prompt(line), id=line.key or "-removed") for line in report.lines])
        if report.lines:
            lines.highlighted = keep if keep is not None and keep < len(report.lines) else 0
        warnings = self.query_one("#bg-warnings", Static)
        warnings.update(Content("\n").join(Content.styled("! " + notice.render(_), "$text-warning") for notice in report.warnings))
        warnings.display = bool(report.warnings)
        self.query_one("#bg-compare", Static).update(Content.styled(comparison_text(comparison), "$text-muted"))
        self.show_category()

    def current_line(self) -> CategoryLine | None:
        if self.report is None:
            return None
        index = self.query_one("#bg-lines", OptionList).highlighted
        lines = self.report.lines
        return lines[index] if index is not None and 0 <= index < len(lines) else None

    def show_category(self) -> None:
        line = self.current_line()
        text = tr("→ {category}", category=label_of(line)) if line is not None and line.key else ""
        self.query_one("#bg-category", Static).update(Content.styled(text, "bold"))

    def on_option_list_option_highlighted(self, _event: OptionList.OptionHighlighted) -> None:
        self.show_category()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        line = self.current_line()
        if line is not None and line.key:
            self.app.push_screen(CategoryDialog(line.key), lambda _result: self.refresh_data())

    def action_category(self, step: int) -> None:
        """↑↓ in the spend line: the highlight in the list (list keys handle themselves there)."""
        lines = self.query_one("#bg-lines", OptionList)
        if lines.has_focus or not lines.option_count:
            return
        lines.highlighted = ((lines.highlighted or 0) + step) % lines.option_count

    def on_input_changed(self, _event: Input.Changed) -> None:
        self.keep_draft()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.record_spend()

    def record_spend(self) -> None:
        line = self.current_line()
        amount = self.query_one("#bg-amount", Input)
        note = self.query_one("#bg-note", Input)
        message = self.query_one("#bg-message", Static)
        if line is None or not line.key:
            show_problem(message, InputError(N_("Pick a category in the list first")))
            return
        try:
            spend = self.services.habits.add_spend(line.key, amount.value, note.value)
        except InputError as error:
            show_problem(message, error)
            self.screen.set_focus(amount)
            return
        show_problem(message, None)
        amount.value = ""
        note.value = ""
        self.drop_draft()
        self.app.notify(tr("Recorded {amount} for {category}.", amount=format_money(spend.amount), category=label_of(line)))
        self.refresh_data()
        self.screen.set_focus(amount)

    def draft_value(self) -> Any:
        amount = self.query_one("#bg-amount", Input).value
        note = self.query_one("#bg-note", Input).value
        return {"amount": amount, "note": note} if amount or note else None

    def apply_draft(self, value: Any) -> None:
        if isinstance(value, dict):
            self.query_one("#bg-amount", Input).value = str(value.get("amount", ""))
            self.query_one("#bg-note", Input).value = str(value.get("note", ""))

    def add(self) -> None:
        self.app.push_screen(CategoryDialog(None), lambda _result: self.refresh_data())

    def history(self) -> None:
        self.app.push_screen(SpendsDialog(), lambda _result: self.refresh_data())
