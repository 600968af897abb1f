"""Build a plan: the debt and the month (from the latest self-check, all editable), up to three options,
and beside them the options compared with doing nothing, a chart and the chosen option's schedule.

Below 120 columns the numbers and the result share the screen (Ctrl+B switches).
Everything typed is a draft at once (kept through a dropped connection); Ctrl+S
saves the option being edited as a draft plan, only when every field reads.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.reactive import var
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, Checkbox, DataTable, Input, Select, Static, TextArea

from jiebei_tui import locations
from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.plans import MAX_COMPARED, OptionKind, SideBySide, StartingPoint, compare_options
from jiebei_tui.i18n import N_, _, tr, trn
from jiebei_tui.ui.common.inputs import InOrderSelect
from jiebei_tui.ui.common.keys import bind, key_label
from jiebei_tui.ui.common.text import paragraphs
from jiebei_tui.ui.plans import fields
from jiebei_tui.ui.plans.compare_view import ExplainDialog, alert_lines, fill_comparison, option_label, side_labels
from jiebei_tui.ui.plans.explain import cost_lines, row_lines
from jiebei_tui.ui.plans.form import DRAFT_KEY, ReadForm, blank_option, clone, new_form, read_form
from jiebei_tui.ui.plans.widgets import BalanceChart, PlanField, SectionTitle, fill_schedule, totals_line
from jiebei_tui.ui.shell.base import SubScreen

PLANS_CSS = str(locations.styles_dir() / "plans.tcss")
WIDE_AT = 120
RECOMPUTE_SECONDS = 0.3


class BuilderScreen(SubScreen):
    SUB_TITLE = N_("Build a plan")
    CSS_PATH = PLANS_CSS
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE_AT, "-wide")]
    BINDINGS = [
        bind("save", "save", N_("Save as a plan"), id="plans.builder.save",
             tooltip=N_("Save the option being edited as a draft plan")),
        bind("view", "toggle_view", N_("Result ⇄ numbers"), id="plans.builder.view",
             tooltip=N_("Switch between the comparison and the form")),
        bind("add", "add_option", N_("Add an option"), id="plans.builder.add", tooltip=N_("Compare up to three options")),
        bind("done", "close", N_("Close"), id="plans.builder.done", tooltip=N_("Back to Plans; what you typed is kept")),
        bind("close", "close", N_("Back"), id="plans.builder.back", keys="escape", show=False),
    ]

    showing_results: var[bool] = var(False, init=False, toggle_class="-results")

    def __init__(self, point: StartingPoint, form: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.point = point
        self.form = form if form is not None else new_form(point)
        self._read: ReadForm | None = None
        self._side: SideBySide | None = None
        self._timer: Timer | None = None
        self._tried_save = False
        self._loading = False

    # ----- layout ----------------------------------------------------------------------------

    def compose_body(self) -> ComposeResult:
        form = self.form
        with Horizontal(id="pl-columns"):
            with VerticalScroll(id="pl-form"):
                yield Static(self._intro(), id="pl-intro")
                yield SectionTitle(_("The debt"), _("Copied from your self-check where there is one; change anything."))
                if len(self.point.positions) > 1:
                    choices = [(p.name or p.lender or str(i + 1), i) for i, p in enumerate(self.point.positions)]
                    yield PlanField("debt_index", _("Which debt"), InOrderSelect(
                        choices, value=form.get("debt_index", 0), allow_blank=False, compact=True, id="pl-debt_index",
                        classes="pl-select"), tr("Several debts under one budget: {key} in Plans", key=key_label("view")))
                yield from fields.debt_rows(form)
                yield SectionTitle(_("Your month"), _("What is left each month decides what a plan can ask of you."))
                yield from fields.money_rows(form)
                yield SectionTitle(_("Options"), tr("Up to three, compared side by side ({key} adds one).",
                                                    key=key_label("add")), id="pl-options-title")
                with Horizontal(id="pl-option-tabs"):
                    yield InOrderSelect(self._option_choices(), value=form["chosen"], allow_blank=False, compact=True,
                                 id="pl-chosen", classes="pl-select")
                    yield Button(tr("Add ({key})", key=key_label("add")), id="pl-add-option", compact=True)
                    yield Button(_("Remove this option"), id="pl-remove-option", compact=True)
                yield from fields.option_rows(form["options"][form["chosen"]])
                yield SectionTitle(_("Doing nothing"), _("What waiting costs: penalty keeps accruing."))
                yield from fields.wait_rows(form)
                yield Button(tr("Save this option as a plan ({key})", key=key_label("save")), id="pl-save",
                             variant="primary")
            with VerticalScroll(id="pl-result"):
                yield Static("", id="pl-result-intro")
                yield DataTable(id="pl-compare", cursor_type="column", zebra_stripes=True)
                yield Static("", id="pl-alerts")
                yield Static(_("Still owed over time"), classes="panel-title")
                yield BalanceChart(id="pl-chart")
                yield Static("", id="pl-chosen-title", classes="panel-title")
                yield Static("", id="pl-basis")
                yield DataTable(id="pl-schedule", cursor_type="row", zebra_stripes=True)
                yield Static("", id="pl-totals")

    def _intro(self) -> str:
        when = self.form.get("selfcheck_date")
        first = (tr("Filled in from your self-check of {date}.", date=when) if when
                 else _("No self-check yet: type the figures from your loan page."))
        return first + " " + tr("Every figure is to the fen; Enter on one shows how it was computed. {save} saves.",
                                save=key_label("save"))

    def _option_choices(self) -> list[tuple[str, int]]:
        return [
            (option_label(index, OptionKind(option["kind"])), index) for index, option in enumerate(self.form["options"])
        ]

    def on_mount(self) -> None:
        self._show_kind()
        self._recompute()
        self.set_focus(self.query_one("#pl-principal"))

    def after_recompose(self) -> None:
        super().after_recompose()
        self._show_kind()
        self._recompute()

    # ----- typing ------------------------------------------------------------------------------

    def _row_of(self, widget: Widget) -> PlanField | None:
        for node in widget.ancestors:
            if isinstance(node, PlanField):
                return node
        return None

    def _changed(self, widget: Widget) -> None:
        if self._loading:
            return
        row = self._row_of(widget)
        if row is None:
            return
        value = fields.widget_value(widget)
        if row.key == "debt_index":
            self._pick_debt(int(value))
            return
        fields.set_value(self.form, row.key, value)
        if row.key == "o-kind":
            self._show_kind()
            self.query_one("#pl-chosen", Select).set_options(self._option_choices())
            self.query_one("#pl-chosen", Select).value = self.form["chosen"]
        self.services.drafts.set(self.draft_key, clone(self.form))
        self._schedule_recompute()

    @on(Input.Changed)
    @on(Checkbox.Changed)
    @on(TextArea.Changed)
    def _typed(self, event: Input.Changed | Checkbox.Changed | TextArea.Changed) -> None:
        widget = event.input if isinstance(event, Input.Changed) else (
            event.checkbox if isinstance(event, Checkbox.Changed) else event.text_area)
        self._changed(widget)

    @on(Select.Changed)
    def _selected(self, event: Select.Changed) -> None:
        if event.select.id == "pl-chosen":
            if not self._loading and event.value != self.form["chosen"] and isinstance(event.value, int):
                self.form["chosen"] = event.value
                self._load_option()
            return
        self._changed(event.select)

    def _pick_debt(self, index: int) -> None:
        """Another debt of the self-check: its figures replace the debt's fields (the options stay)."""
        fresh = new_form(self.point, index)
        self.form["debt_index"] = index
        self.form["debt"] = fresh["debt"]
        self.form["title"] = fresh["title"]
        self._load_fields(["title", *fields.DEBT_ROWS])
        self.services.drafts.set(self.draft_key, clone(self.form))
        self._schedule_recompute()

    def _load_fields(self, keys: list[str]) -> None:
        self._loading = True
        try:
            for key in keys:
                row = self.query_one(f"#pl-row-{key}", PlanField)
                fields.set_widget(row.field, fields.get_value(self.form, key))
        finally:
            self.call_after_refresh(self._done_loading)

    def _done_loading(self) -> None:
        self._loading = False

    def _load_option(self) -> None:
        keys = [row.key for row in self.query(PlanField) if row.key.startswith("o-")]
        self._load_fields(keys)
        self._show_kind()
        self._schedule_recompute()

    def _show_kind(self) -> None:
        kind = OptionKind(self.form["options"][self.form["chosen"]]["kind"])
        shown = fields.shown_option_rows(kind)
        for row in self.query(PlanField):
            if row.key.startswith("o-"):
                row.display = row.key in shown
        self.query_one("#pl-remove-option").display = len(self.form["options"]) > 1
        self.query_one("#pl-add-option").display = len(self.form["options"]) < MAX_COMPARED

    def _schedule_recompute(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(RECOMPUTE_SECONDS, self._recompute)

    # ----- the result --------------------------------------------------------------------------

    def _today(self) -> date:
        return self.services.clock().date()

    def _recompute(self) -> None:
        read = read_form(self.form, self._today())
        self._read = read
        for row in self.query(PlanField):
            key = fields.problem_key(self.form, row.key)
            row.show(read.problems.get(key), read.understood.get(key))
        self._side = None
        intro = self.query_one("#pl-result-intro", Static)
        if read.ok and read.position is not None and read.start is not None:
            try:
                self._side = compare_options(
                    read.position, read.start, read.options, finances=read.finances, wait=read.wait
                )
            except InputError as error:
                intro.update(Content.styled(error.text(), "bold $text-warning"))
        if self._side is None:
            if not read.ok:
                count = len(read.problems)
                intro.update(Content.styled(trn(
                    "{n} field needs a look; the message is beside it.",
                    "{n} fields need a look; the message is beside each one.", count), "bold $text-warning"))
            self._clear_result()
            return
        legend = [_("Each option against doing nothing. Enter on a column shows how its figures were computed.")]
        legend += [label for label in side_labels(self._side)]
        intro.update(paragraphs(legend))
        self._show_side(self._side)

    def _clear_result(self) -> None:
        self.query_one("#pl-compare", DataTable).clear(columns=True)
        self.query_one("#pl-schedule", DataTable).clear(columns=True)
        self.query_one(BalanceChart).show([], [], [])
        for name in ("#pl-alerts", "#pl-chosen-title", "#pl-basis", "#pl-totals"):
            self.query_one(name, Static).update("")

    def _show_side(self, side: SideBySide) -> None:
        labels = side_labels(side)
        fill_comparison(self.query_one("#pl-compare", DataTable), side)
        self.query_one("#pl-alerts", Static).update(alert_lines(side, labels))
        self.query_one(BalanceChart).show(labels, side.days, side.chart)
        chosen = min(self.form["chosen"], len(side.entries) - 2)
        entry = side.entries[chosen]
        self.query_one("#pl-chosen-title", Static).update(
            tr("The schedule of {label}", label=labels[chosen]) + "  " + tr("(the one {key} saves)", key=key_label("save"))
        )
        basis = [entry.schedule.basis.render(_)] + [note.render(_) for note in entry.schedule.notes]
        self.query_one("#pl-basis", Static).update(paragraphs(basis))
        fill_schedule(self.query_one("#pl-schedule", DataTable), entry.schedule)
        self.query_one("#pl-totals", Static).update(totals_line(entry.schedule))

    @on(DataTable.ColumnSelected, "#pl-compare")
    def _explain_column(self, event: DataTable.ColumnSelected) -> None:
        side = self._side
        index = event.cursor_column - 1
        if side is None or not 0 <= index < len(side.entries):
            return
        self.app.push_screen(ExplainDialog(side_labels(side)[index], cost_lines(side.entries[index], side.baseline)))

    @on(DataTable.RowSelected, "#pl-schedule")
    def _explain_row(self, event: DataTable.RowSelected) -> None:
        side, read = self._side, self._read
        if side is None or read is None or read.position is None:
            return
        entry = side.entries[min(self.form["chosen"], len(side.entries) - 2)]
        number = event.cursor_row + 1
        lines = row_lines(entry.schedule, entry.option, read.position, number)
        self.app.push_screen(ExplainDialog(tr("Instalment {number}", number=number), lines))

    # ----- actions -------------------------------------------------------------------------------

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        button = event.button.id
        if button == "pl-save":
            self.action_save()
        elif button == "pl-add-option":
            self.action_add_option()
        elif button == "pl-remove-option":
            self._remove_option()

    def action_toggle_view(self) -> None:
        if self.has_class("-narrow"):
            self.showing_results = not self.showing_results
            target = "#pl-compare" if self.showing_results else "#pl-principal"
        else:
            target = "#pl-principal" if self.query_one("#pl-result").has_focus_within else "#pl-compare"
        self.set_focus(self.query_one(target))

    def action_add_option(self) -> None:
        options = self.form["options"]
        if len(options) >= MAX_COMPARED:
            self.notify(tr("At most {count} options side by side.", count=MAX_COMPARED))
            return
        options.append(blank_option(OptionKind.DEFERRAL))
        self.form["chosen"] = len(options) - 1
        self._after_options_changed()
        self.set_focus(self.query_one("#pl-o-kind"))

    def _remove_option(self) -> None:
        options = self.form["options"]
        if len(options) <= 1:
            return
        del options[self.form["chosen"]]
        self.form["chosen"] = min(self.form["chosen"], len(options) - 1)
        self._after_options_changed()

    def _after_options_changed(self) -> None:
        self._loading = True
        picker = self.query_one("#pl-chosen", Select)
        picker.set_options(self._option_choices())
        picker.value = self.form["chosen"]
        self.services.drafts.set(self.draft_key, clone(self.form))
        self._load_option()

    def action_save(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._recompute()
        read = self._read
        if read is None or not read.ok or self._side is None:
            self._show_problem(read)
            return
        assert read.position is not None and read.start is not None
        option = read.options[self.form["chosen"]]
        title = str(self.form.get("title", "")).strip() or read.position.name or _(option.kind.label)
        plans = self.services.plans
        try:
            if self.form.get("plan_id"):
                plan = plans.revise(self.form["plan_id"], title=title, position=read.position, option=option,
                                    start=read.start, finances=read.finances)
            else:
                plan = plans.create(title, read.position, option, read.start, read.finances)
        except InputError as error:
            self.notify(error.text(), title=_("Not saved yet"), severity="warning")
            return
        self.services.drafts.discard(self.draft_key)
        if self.form.get("plan_id"):
            self.notify(_("The plan's numbers were changed."), title=_("Plan saved"))
            self.dismiss()
            return
        self.notify(_("Saved as a draft plan. Next: read the script, then propose it to the lender."),
                    title=_("Plan saved"))
        from jiebei_tui.ui.plans.plan import PlanScreen

        self.app.switch_screen(PlanScreen(plan.id))

    def _show_problem(self, read: ReadForm | None) -> None:
        problems = read.problems if read is not None else {}
        if self.has_class("-narrow"):
            self.showing_results = False
        first = next(iter(problems), None)
        option = first.split("-", 1) if first and first.startswith("opt") else None
        if option is not None:
            index = int(option[0].removeprefix("opt"))
            if index != self.form["chosen"]:
                self.form["chosen"] = index
                self._after_options_changed()
            first = f"o-{option[1]}"
        if first is not None:
            rows = [row for row in self.query(PlanField) if row.key == first]
            if rows:
                self.set_focus(rows[0].field)
                self.call_after_refresh(rows[0].scroll_visible)
        self.notify(
            trn("{n} field needs a look; the message is beside it.",
                "{n} fields need a look; the message is beside each one.", len(problems)),
            title=_("Not saved yet"),
        )

    def action_close(self) -> None:
        self.stash_drafts()
        self.dismiss()

    def stash_drafts(self) -> None:
        self.services.drafts.set(self.draft_key, clone(self.form))

    @property
    def draft_key(self) -> str:
        """A new plan's form, or the form of the saved draft being changed (each kept apart)."""
        plan_id = self.form.get("plan_id")
        return f"{DRAFT_KEY}.{plan_id}" if plan_id else DRAFT_KEY
