"""Pieces the plan screens share: a field with its message beside it, a schedule table, the balance chart.

The chart is Textual's Sparkline, one line per option, all on one scale (a yuan
is as tall in every line), so doing nothing visibly rises while a plan falls.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import DataTable, Sparkline, Static

from jiebei_tui.domain.labels import Message
from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.parsing.money import format_money
from jiebei_tui.domain.plans import InstalmentState, Schedule, Tracked
from jiebei_tui.i18n import _, tr
from jiebei_tui.ui.common.text import plain

# Table cells are Rich Text (never markup: a string cell would be read as markup). Late, short and
# missed stand out in bold, which reads the same in 16 colours.
STATE_STYLES = {
    InstalmentState.ON_TIME: "",
    InstalmentState.LATE: "bold",
    InstalmentState.SHORT: "bold",
    InstalmentState.MISSED: "bold reverse",
    InstalmentState.DUE_TODAY: "bold",
    InstalmentState.UPCOMING: "dim",
}


class PlanField(Vertical):
    """A label and the input (any widget); right under the input what to fix or what was understood, and
    while the field has the focus, a hint (so narrow columns keep the input and its message together)."""

    def __init__(self, key: str, label: str, field: Widget, hint: str = "") -> None:
        super().__init__(classes="pl-field", id=f"pl-row-{key}")
        self.key = key
        self._label = label
        self.field = field
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Horizontal(classes="pl-field-line"):
            yield Static(self._label, classes="pl-label")
            yield self.field
        yield Static(self.hint, classes="pl-message -hint")

    def show(self, problem: InputError | None, understood: Message | None = None) -> None:
        if problem is not None:
            state, text = "-error", problem.text()
        elif understood is not None:
            state, text = "-understood", understood.text()
        else:
            state, text = "-hint", self.hint
        message = self.query_one(".pl-message", Static)
        for name in ("-error", "-understood", "-hint"):
            message.set_class(name == state, name)
        self.field.set_class(problem is not None, "-problem")
        message.update(text)


class SectionTitle(Vertical):
    def __init__(self, title: str, hint: str = "", *, id: str | None = None) -> None:
        super().__init__(classes="pl-section", id=id)
        self._title = title
        self._hint = hint

    def compose(self) -> ComposeResult:
        yield Static(self._title, classes="panel-title")
        if self._hint:
            yield Static(self._hint, classes="pl-section-hint")


def schedule_columns() -> list[str]:
    return [_("No."), _("Due"), _("Payment"), _("Principal"), _("Interest"), _("Penalty"), _("Principal left")]


def money_cell(value: Decimal, style: str = "") -> Text:
    return Text(format_money(value), style=style, justify="right")


def fill_schedule(table: DataTable[Text], schedule: Schedule, tracked: Sequence[Tracked] = ()) -> None:
    """The schedule's rows to the fen, with the instalment's state when the plan is followed."""
    table.clear(columns=True)
    states = {item.row.number: item for item in tracked}
    rows: list[list[Text]] = []
    for row in schedule.rows:
        cells = [
            Text(str(row.number), justify="right"),
            Text(row.due.isoformat()),
            *(money_cell(value) for value in (row.payment, row.principal, row.interest, row.penalty, row.balance)),
        ]
        item = states.get(row.number)
        if item is not None:
            label = _(item.state.label)
            if item.paid and item.left > 0:
                label += " " + format_money(item.paid)
            cells.append(Text(label, style=STATE_STYLES[item.state]))
        rows.append(cells)
    columns = schedule_columns() + ([_("State")] if tracked else [])
    for index, column in enumerate(columns):
        # Widths set here: a table filled while its screen is still being laid out keeps its header's widths.
        width = max([cell_len(column), *(cell_len(cells[index].plain) for cells in rows)])
        table.add_column(column, width=width)
    for row, cells in zip(schedule.rows, rows, strict=True):
        table.add_row(*cells, key=str(row.number))


def totals_line(schedule: Schedule) -> Content:
    """Totals under a schedule: what is paid, of which interest and penalty, and the payoff date."""
    text = tr(
        "In all: {paid} paid, of which {interest} interest and {penalty} penalty.",
        paid=format_money(schedule.total_paid),
        interest=format_money(schedule.total_interest),
        penalty=format_money(schedule.total_penalty),
    )
    if schedule.payoff_date is not None:
        text += " " + tr("Paid off on {date}.", date=schedule.payoff_date.isoformat())
    return Content.styled(text, "bold")


def on_scale(series: Sequence[Decimal], top: Decimal) -> tuple[list[float], object]:
    """Sparkline data and summary function that draw ``series`` against 0..``top`` (not its own min..max).

    Textual scales a sparkline between its data's own minimum and maximum; here the data
    are the indices 0..n-1 (so that span is fixed) and the summary function maps a bucket
    of indices to the owed amount on the shared scale.
    """
    count = len(series)
    span = max(count - 1, 1)
    peak = top if top > 0 else Decimal(1)

    def summary(indices: Sequence[float]) -> float:
        return max(float(series[int(i)] / peak) * span for i in indices)

    return [float(i) for i in range(count)], summary


def resample(days: Sequence[date], values: Sequence[Decimal], points: int) -> list[Decimal]:
    """``points`` values at evenly spaced days from the first to the last (each the step value then)."""
    if not days:
        return []
    first, last = days[0], days[-1]
    span = max((last - first).days, 1)
    found = []
    index = 0
    for step in range(points):
        day = first.toordinal() + span * step / max(points - 1, 1)
        while index + 1 < len(days) and days[index + 1].toordinal() <= day:
            index += 1
        found.append(values[index])
    return found


class BalanceChart(Vertical):
    """What is still owed over time, one labelled sparkline per option, on one scale."""

    MAX_LINES = 4
    POINTS = 60

    def compose(self) -> ComposeResult:
        for number in range(self.MAX_LINES):
            yield Static("", classes="pl-chart-label", id=f"pl-chart-label-{number}")
            yield Sparkline([], classes="pl-chart-line", id=f"pl-chart-line-{number}")

    def show(self, labels: Sequence[str], days: Sequence[date], series: Sequence[Sequence[Decimal]]) -> None:
        top = max((max(values) for values in series if values), default=Decimal(0))
        for number in range(self.MAX_LINES):
            label = self.query_one(f"#pl-chart-label-{number}", Static)
            line = self.query_one(f"#pl-chart-line-{number}", Sparkline)
            shown = number < len(series)
            label.display = line.display = shown
            if not shown:
                continue
            values = resample(days, series[number], self.POINTS)
            data, summary = on_scale(values, top)
            line.summary_function = summary  # type: ignore[assignment]
            line.data = data
            label.update(
                Content.assemble(
                    plain(labels[number]),
                    Content.styled(
                        "  " + format_money(values[0]) + " → " + format_money(values[-1]) if values else "", "$text-muted"
                    ),
                )
            )
