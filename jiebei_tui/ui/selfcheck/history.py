"""Saved self-checks over time: the trend, the list, and any two compared.

The highlighted self-check is compared with the one before it; Enter or Space
pins one so that any other can be compared with it. Another session's new
self-check shows up within two seconds (DataChanged).
"""

from __future__ import annotations

from decimal import Decimal

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Sparkline, Static

from jiebei_tui.domain.parsing.money import format_money
from jiebei_tui.domain.selfcheck import Change, compare, verdict_words
from jiebei_tui.i18n import N_, _, tr, trn
from jiebei_tui.store.selfcheck import Snapshot
from jiebei_tui.ui.common.dialog import Dialog
from jiebei_tui.ui.common.keys import bind, key_label
from jiebei_tui.ui.common.messages import DataChanged
from jiebei_tui.ui.common.text import inert
from jiebei_tui.ui.selfcheck.explain import SELFCHECK_CSS


def change_text(label: str, change: Change) -> str:
    sign = "+" if change.difference > 0 else ""
    return tr(
        "{label}: {before} → {after} ({difference}, {direction})",
        label=label,
        before=format_money(change.before),
        after=format_money(change.after),
        difference=sign + format_money(change.difference),
        direction=_(change.direction.label),
    )


def comparison_text(older: Snapshot, newer: Snapshot) -> str:
    result = compare(older.summary, newer.summary)
    lines = [
        trn(
            "{before} → {after}, {n} day apart",
            "{before} → {after}, {n} days apart",
            result.days_between,
            before=older.taken_at.strftime("%Y-%m-%d %H:%M"),
            after=newer.taken_at.strftime("%Y-%m-%d %H:%M"),
        ),
        change_text(_("Total owed"), result.total_owed),
        change_text(_("Total overdue"), result.total_overdue),
        change_text(_("Left over each month"), result.monthly_surplus),
        change_text(_("Cost of each day of waiting"), result.daily_cost),
        tr(
            "Verdict: {before} → {after} ({direction})",
            before=verdict_words(result.verdict_before, result.months_before).text(),
            after=verdict_words(result.verdict_after, result.months_after).text(),
            direction=_(result.verdict_direction.label),
        ),
    ]
    return "\n".join(lines)


def trend_range(values: list[Decimal]) -> str:
    if not values:
        return ""
    return tr("{first} → {last}", first=format_money(values[0]), last=format_money(values[-1]))


class SelfCheckHistoryScreen(Dialog[None]):
    DIALOG_ID = "sc-history"
    TITLE = N_("Your self-checks over time")
    HINT = N_("Arrows choose · Enter or Space: compare others with this one · d: delete · q or Esc: close")
    CLOSE_BUTTON = "sc-history-close"
    CLOSE_COMPACT = True
    CSS_PATH = SELFCHECK_CSS
    BINDINGS = [
        bind("history", "close", N_("Close"), id="selfcheck.history.close"),
        bind("choose", "pin", N_("Compare with this one"), id="selfcheck.history.pin", keys="space,b"),
        bind("delete", "delete", N_("Delete this self-check"), id="selfcheck.history.delete", keys="d"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.snapshots: list[Snapshot] = []
        self._pinned: str | None = None
        self._confirm_delete: str | None = None

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="sc-history-body"):
            yield Static(
                tr(
                    "No self-check saved yet. Fill in the self-check and press {key}: it is kept here with its date.",
                    key=key_label("save"),
                ),
                id="sc-history-empty",
            )
            with Vertical(id="sc-trend"):
                for key, label in (("owed", _("Total owed")), ("surplus", _("Left over each month"))):
                    with Horizontal(classes="sc-trend-row"):
                        yield Static(label, classes="sc-trend-label")
                        yield Sparkline([], id=f"sc-spark-{key}")
                        yield Static("", id=f"sc-range-{key}", classes="sc-trend-range")
                yield Static(_("Oldest on the left, newest on the right."), classes="sc-section-hint")
            yield DataTable(id="sc-history-table", cursor_type="row", zebra_stripes=True)
            yield Static(_("What changed"), classes="panel-title", id="sc-compare-title")
            yield Static("", id="sc-compare")

    def on_mount(self) -> None:
        self.after_recompose()

    def after_recompose(self) -> None:
        self.refresh_data()
        self.query_one("#sc-history-table").focus()

    def on_data_changed(self, _message: DataChanged) -> None:
        self.refresh_data()

    def refresh_data(self) -> None:
        table = self.query_one("#sc-history-table", DataTable)
        keep = self._current_id()
        self.snapshots = self.services.selfchecks.all()
        ids = {snapshot.id for snapshot in self.snapshots}
        if self._pinned not in ids:
            self._pinned = None
        empty = not self.snapshots
        self.query_one("#sc-history-empty").display = empty
        for name in ("#sc-trend", "#sc-history-table", "#sc-compare-title", "#sc-compare"):
            self.query_one(name).display = not empty
        owed = [s.summary.total_owed for s in self.snapshots]
        surplus = [s.summary.monthly_surplus for s in self.snapshots]
        for key, values in (("owed", owed), ("surplus", surplus)):
            spark = self.query_one(f"#sc-spark-{key}", Sparkline)
            spark.data = [float(value) for value in values]
            spark.styles.width = min(max(3 * len(values), 3), 36)
            self.query_one(f"#sc-range-{key}", Static).update(trend_range(values))
        table.clear(columns=True)
        table.add_column(_("Saved on"), key="date")
        table.add_column(_("Total owed"), key="owed")
        table.add_column(_("Left each month"), key="surplus")
        table.add_column(_("Per day"), key="per_day")
        table.add_column(_("Verdict"), key="verdict")
        for snapshot in reversed(self.snapshots):  # newest first
            summary = snapshot.summary
            mark = "● " if snapshot.id == self._pinned else ""
            table.add_row(
                mark + snapshot.taken_at.strftime("%Y-%m-%d"),
                Text(format_money(summary.total_owed), justify="right"),
                Text(format_money(summary.monthly_surplus), justify="right"),
                Text(format_money(summary.daily_cost), justify="right"),
                verdict_words(summary.verdict, summary.months).text(),
                key=snapshot.id,
            )
        if keep in ids:
            table.move_cursor(row=table.get_row_index(keep))
        self._show_comparison()

    def _current_id(self) -> str | None:
        table = self.query_one("#sc-history-table", DataTable)
        if not table.row_count:
            return None
        row_key, _column = table.coordinate_to_cell_key(table.cursor_coordinate)
        return None if row_key.value is None else str(row_key.value)

    def _by_id(self, snapshot_id: str | None) -> Snapshot | None:
        return next((s for s in self.snapshots if s.id == snapshot_id), None)

    def _show_comparison(self, notice: str = "") -> None:
        target = self.query_one("#sc-compare", Static)
        current = self._by_id(self._current_id())
        if current is None:
            target.update(inert(notice))
            return
        other = self._by_id(self._pinned) if self._pinned != current.id else None
        if other is None:
            index = self.snapshots.index(current)
            other = self.snapshots[index - 1] if index > 0 else None
        if other is None:
            text = _("This is your first saved self-check. Save another one later to see what changed.")
        else:
            older, newer = sorted((other, current), key=lambda s: s.taken_at.timestamp())
            text = comparison_text(older, newer)
        target.update(inert(f"{notice}\n{text}" if notice else text))  # debt names are in it

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self._confirm_delete = None
        self._show_comparison()

    def on_data_table_row_selected(self, _event: DataTable.RowSelected) -> None:
        self.action_pin()

    def action_pin(self) -> None:
        current = self._current_id()
        if current is None:
            return
        self._pinned = None if self._pinned == current else current
        self.refresh_data()
        if self._pinned:
            self._show_comparison(_("Pinned: move to another self-check to compare it with this one."))

    def action_delete(self) -> None:
        current = self._by_id(self._current_id())
        if current is None:
            return
        if self._confirm_delete != current.id:
            self._confirm_delete = current.id
            self._show_comparison(
                tr("Press d again to delete the self-check of {date}. Any other key keeps it.", date=current.day.isoformat())
            )
            return
        self.services.selfchecks.delete(current.id)
        self._confirm_delete = None
        self.refresh_data()
        self.app.notify(tr("Deleted the self-check of {date}.", date=current.day.isoformat()))

    def on_key(self, event: events.Key) -> None:
        if event.key != "d":
            self._confirm_delete = None
