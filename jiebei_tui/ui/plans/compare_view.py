"""The options side by side: each column's name, the comparison table, its warnings, and the dialog
that shows how one figure was computed (the plan builder and a saved plan both open it)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Static

from jiebei_tui.domain.plans import OptionKind, SideBySide
from jiebei_tui.i18n import N_, _, tr
from jiebei_tui.ui.common.dialog import Dialog
from jiebei_tui.ui.common.keys import bind
from jiebei_tui.ui.common.text import plain
from jiebei_tui.ui.plans.explain import signed
from jiebei_tui.ui.plans.widgets import money_cell


def option_label(index: int, kind: OptionKind) -> str:
    return tr("{number}. {kind}", number=index + 1, kind=_(kind.label))


class ExplainDialog(Dialog[None]):
    """How one figure was computed, line by line."""

    DIALOG_ID = "pl-explain"
    TITLE = N_("How this was computed")
    CLOSE_BUTTON = "pl-explain-close"
    BINDINGS = [bind("confirm", "close", N_("Close"), id="plans.explain.enter", keys="enter")]

    def __init__(self, heading: str, lines: list[str]) -> None:
        super().__init__()
        self._heading = heading
        self._lines = lines

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(classes="pl-explain-body"):
            yield Static(plain(self._heading), classes="panel-title")
            for line in self._lines:
                yield Static(plain(line), classes="pl-explain-line")


def side_labels(side: SideBySide, *, short: bool = False) -> list[str]:
    """Each column's name: in full (chart, explanations), or short for the table's header."""
    labels = []
    for index, entry in enumerate(side.entries):
        if entry.is_baseline:
            end = entry.schedule.end or side.start
            days = (end - side.start).days
            labels.append(_("Do nothing") if short else tr("Do nothing for {days} days", days=days))
        elif short:
            labels.append(tr("Option {number}", number=index + 1))
        else:
            label = option_label(index, entry.option.kind)
            if entry.schedule.count > 1:
                label = tr("{option} ({count} instalments)", option=label, count=entry.schedule.count)
            labels.append(label)
    return labels


def fill_comparison(table: DataTable[Text], side: SideBySide) -> None:
    """One column per option (and doing nothing), one row per figure."""
    table.clear(columns=True)
    table.add_column("")
    for label in side_labels(side, short=True):
        table.add_column(label)
    none = Text("—", justify="right")

    def row(title: str, cells: list[Text]) -> None:
        table.add_row(Text(title), *cells)

    entries = side.entries
    row(_("First payment"), [money_cell(e.schedule.first_payment) if e.schedule.rows else none for e in entries])
    row(_("Usual payment"), [money_cell(e.schedule.regular_payment) if e.schedule.rows else none for e in entries])
    row(_("Instalments"), [Text(str(e.schedule.count), justify="right") for e in entries])
    row(_("Paid in all"), [money_cell(e.schedule.total_paid) for e in entries])
    row(_("Interest and penalty"), [money_cell(e.schedule.total_cost) for e in entries])
    row(_("Still owed at the end"), [money_cell(e.schedule.still_owed) for e in entries])
    row(_("Paid off on"), [Text(e.schedule.payoff_date.isoformat() if e.schedule.payoff_date else "—",
                                justify="right") for e in entries])
    row(_("Against doing nothing"), [none if e.is_baseline else Text(signed(e.cost_difference), justify="right",
                                     style="bold") for e in entries])


def alert_lines(side: SideBySide, labels: list[str]) -> Content:
    """Every option's warnings, each named by its column."""
    alerts = []
    for label, entry in zip(labels, side.entries, strict=True):
        for alert in entry.alerts:
            alerts.append(Content.assemble(Content.styled("⚑ ", "bold $text-warning"),
                                           plain(tr("{label}: {warning}", label=label,
                                                    warning=alert.message.render(_)))))
    return Content("\n").join(alerts)
