"""One saved plan: its schedule against the payments made, what to say to the lender, and its dated history.

Ctrl+B shows in turn the schedule, the negotiation script (readable aloud; Ctrl+N
starts a call with it beside the note recorder), the hardship statement with the
materials checklist, and the history. The next step of the plan's life is a
button (Tab reaches it); Ctrl+L records a payment. What is typed into the texts
is a draft at once and goes into the plan with Ctrl+S, F8, a view switch or on
leaving.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.reactive import var
from textual.widgets import Button, ContentSwitcher, DataTable, Input, ProgressBar, SelectionList, Static, TextArea

from jiebei_tui.domain.causes import Cause
from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.parsing.money import format_money
from jiebei_tui.domain.plans import (
    MATERIALS,
    Plan,
    PlanStatus,
    Progress,
    affordability,
    track,
)
from jiebei_tui.i18n import N_, _, tr
from jiebei_tui.ui.common.keys import bind, key_label
from jiebei_tui.ui.common.text import paragraphs, plain
from jiebei_tui.ui.plans.builder import PLANS_CSS, BuilderScreen
from jiebei_tui.ui.plans.compare_view import ExplainDialog
from jiebei_tui.ui.plans.dialogs import AgreeDialog, FinishDialog, PaymentDialog, ProposeDialog
from jiebei_tui.ui.plans.explain import row_lines
from jiebei_tui.ui.plans.form import form_from_plan
from jiebei_tui.ui.plans.plan_parts import history_lines, next_step, safety_lines, saved_texts, text_changes
from jiebei_tui.ui.plans.widgets import fill_schedule, totals_line
from jiebei_tui.ui.shell.base import SubScreen

VIEWS = ("schedule", "script", "statement", "history")
VIEW_TITLES = {
    "schedule": N_("Schedule"),
    "script": N_("Script"),
    "statement": N_("Statement and materials"),
    "history": N_("History"),
}
TEXTS_DRAFT = "plans.texts.{plan_id}"


class PlanScreen(SubScreen):
    SUB_TITLE = N_("Plan")
    CSS_PATH = PLANS_CSS
    BINDINGS = [
        bind("view", "next_view", N_("Schedule ⇄ script"), id="plans.plan.view",
             tooltip=N_("Schedule, script, statement and history in turn")),
        bind("add", "payment", N_("Record a payment"), id="plans.plan.payment"),
        bind("save", "save_texts", N_("Save"), id="plans.plan.save", tooltip=N_("Save the script and statement")),
        bind("done", "done", N_("Done"), id="plans.plan.done", tooltip=N_("Save and go back")),
        bind("close", "done", N_("Back"), id="plans.plan.back", keys="escape", show=False),
        bind("export", "export", N_("Export"), id="plans.plan.export", keys="x",
             tooltip=N_("The plan as Markdown and its instalments as a calendar")),
    ]

    view: var[str] = var("schedule", init=False)

    def __init__(self, plan_id: str, view: str = "schedule") -> None:
        super().__init__()
        self.plan_id = plan_id
        self.plan: Plan | None = None
        self.progress: Progress | None = None
        self._dirty = False
        self.set_reactive(PlanScreen.view, view)

    @property
    def call_plan_id(self) -> str | None:
        """Ctrl+N here starts a call with this plan's script beside the note recorder."""
        return self.plan_id

    # ----- layout ------------------------------------------------------------------------------

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(classes="plan-view", id="plan-top"):
            yield Static("", id="plan-status")
            yield Static("", id="plan-next")
            with Horizontal(id="plan-steps"):
                yield Button(_("Edit the numbers"), id="plan-edit", compact=True)
                yield Button(_("Mark as proposed…"), id="plan-propose", compact=True, variant="primary")
                yield Button(_("Record the agreement…"), id="plan-agree", compact=True, variant="primary")
                yield Button(_("Back to draft"), id="plan-redraft", compact=True)
                yield Button(tr("Record a payment… ({key})", key=key_label("add")), id="plan-pay", compact=True,
                             variant="primary")
                yield Button(_("Completed…"), id="plan-complete", compact=True)
                yield Button(_("Abandon…"), id="plan-abandon", compact=True)
                yield Button(_("Delete this draft"), id="plan-delete", compact=True)
            yield Static("", id="plan-views-line")
        with ContentSwitcher(initial=f"plan-view-{self.view}", id="plan-views"):
            with VerticalScroll(id="plan-view-schedule", classes="plan-view"):
                yield ProgressBar(total=100, show_eta=False, id="plan-progress")
                yield Static("", id="plan-progress-line")
                yield Static("", id="plan-alerts", classes="plan-lines")
                yield Static("", id="plan-basis", classes="plan-lines")
                yield DataTable(id="plan-schedule", cursor_type="row", zebra_stripes=True)
                yield Static("", id="plan-totals", classes="plan-lines")
                yield Static("", id="plan-payments", classes="plan-lines")
            with VerticalScroll(id="plan-view-script", classes="plan-view"):
                yield Static("", id="plan-script-note", classes="plans-note")
                yield TextArea("", id="plan-script", classes="plan-text", soft_wrap=True)
                yield Static(safety_lines(), classes="plan-lines")
            with VerticalScroll(id="plan-view-statement", classes="plan-view"):
                yield Static(_("Your name (optional; the script and statement use it)"), classes="pl-label")
                yield Input(id="plan-name", compact=True)
                yield Static(_("Why you fell behind"), classes="panel-title")
                yield SelectionList[str](*[(_(c.label), c.value) for c in Cause], id="plan-causes", compact=True)
                yield Static(_("In your own words (optional)"), classes="pl-label")
                yield TextArea("", id="plan-own-words", classes="pl-area", soft_wrap=True)
                yield Static(_("Materials to prepare (Space ticks)"), classes="panel-title")
                yield SelectionList[str](*[(f"{_(m.label)} — {_(m.hint)}", m.key) for m in MATERIALS],
                                         id="plan-materials", compact=True)
                yield Static(_("Statement of financial hardship (困难说明)"), classes="panel-title")
                yield Static("", id="plan-statement-note", classes="plans-note")
                yield TextArea("", id="plan-statement", classes="plan-text", soft_wrap=True)
            with VerticalScroll(id="plan-view-history", classes="plan-view"):
                yield Static("", id="plan-history", classes="plan-lines")

    def heading(self) -> str:
        return self.plan.title if self.plan is not None else _(self.SUB_TITLE)

    def on_mount(self) -> None:
        self.reload()

    # ----- data --------------------------------------------------------------------------------

    def reload(self) -> None:
        if self._dirty:
            return  # the user's unsaved text wins; it is saved on leaving
        plans = self.services.plans
        plan = plans.refresh_texts(self.plan_id) or plans.get(self.plan_id)
        if plan is None:
            self.query_one("#plan-status", Static).update(_("This plan is no longer saved."))
            return
        self.plan = plan
        self.sub_title = plan.title
        try:
            self.progress = track(plan, self.services.clock().date())
        except InputError as error:
            self.progress = None
            self.query_one("#plan-status", Static).update(error.text())
        self._show_status(plan)
        self._show_schedule(plan)
        self._show_texts(plan)
        self.query_one("#plan-history", Static).update(history_lines(plan))
        self._show_view()

    def _show_status(self, plan: Plan) -> None:
        option, position, start = plan.terms
        who = " · ".join(text for text in (position.name, position.lender) if text.strip())
        status = Content.assemble(
            Content.styled(tr("Status: {status}", status=_(plan.status.label)), "bold"),
            "  ",
            plain(who),
            "  ",
            tr("{kind}, from {date}", kind=_(option.kind.label), date=start.isoformat()),
        )
        self.query_one("#plan-status", Static).update(status)
        self.query_one("#plan-next", Static).update(next_step(plan, self.progress, self.services.clock().date()))
        shown = {
            PlanStatus.DRAFT: {"plan-edit", "plan-propose", "plan-abandon"}
            | ({"plan-delete"} if plan.proposed is None else set()),
            PlanStatus.PROPOSED: {"plan-agree", "plan-redraft", "plan-abandon"},
            PlanStatus.AGREED: {"plan-pay", "plan-abandon"},
            PlanStatus.ACTIVE: {"plan-pay", "plan-complete", "plan-abandon"},
        }.get(plan.status, set())
        for button in self.query("#plan-steps Button"):
            button.display = button.id in shown

    def _show_schedule(self, plan: Plan) -> None:
        progress = self.progress
        table = self.query_one("#plan-schedule", DataTable)
        if progress is None:
            table.clear(columns=True)
            return
        schedule = progress.schedule
        followed = plan.status in (PlanStatus.AGREED, PlanStatus.ACTIVE, PlanStatus.COMPLETED)
        bar = self.query_one("#plan-progress", ProgressBar)
        bar.display = followed
        bar.update(total=100, progress=float(progress.fraction * 100))
        line = ""
        if followed:
            line = tr("Paid {paid} of {scheduled}; {remaining} left.", paid=format_money(progress.paid),
                      scheduled=format_money(progress.scheduled), remaining=format_money(progress.remaining))
            counts = (progress.late_count, progress.short_count, progress.missed_count)
            if any(counts):
                line += " " + tr("Paid late: {late}. Paid in part: {short}. Not paid: {missed}.",
                                 late=counts[0], short=counts[1], missed=counts[2])
        self.query_one("#plan-progress-line", Static).update(line)
        _option, position, _start = plan.terms
        alerts = schedule.alerts + affordability(schedule, plan.finances, position.regular_payment)
        self.query_one("#plan-alerts", Static).update(
            Content("\n").join(Content.styled("⚑ " + a.message.render(_), "$text-warning") for a in alerts)
        )
        basis = [schedule.basis.render(_)] + [note.render(_) for note in schedule.notes]
        self.query_one("#plan-basis", Static).update(paragraphs(basis))
        fill_schedule(table, schedule, progress.instalments if followed else ())
        self.query_one("#plan-totals", Static).update(totals_line(schedule))
        payments = sorted(plan.payments, key=lambda p: (p.paid_on, p.recorded_at))
        lines = [Content.styled(_("Payments made"), "bold")] if payments else []
        for payment in payments:
            lines.append(Content.assemble(payment.paid_on.isoformat(), "  ", format_money(payment.amount), "  ",
                                          _(payment.method.label), "  ", plain(payment.note)))
        self.query_one("#plan-payments", Static).update(Content("\n").join(lines))

    def _show_texts(self, plan: Plan) -> None:
        draft = self.services.drafts.get(TEXTS_DRAFT.format(plan_id=plan.id))
        script = draft.get("script") if isinstance(draft, dict) else None
        statement = draft.get("statement") if isinstance(draft, dict) else None
        self._load("#plan-script", plan.script.text if script is None else script)
        self._load("#plan-statement", plan.statement.text if statement is None else statement)
        self._load("#plan-own-words", plan.own_words)
        name = self.query_one("#plan-name", Input)
        if name.value != plan.name:
            name.value = plan.name
        causes = self.query_one("#plan-causes", SelectionList)
        causes.deselect_all()
        for cause in plan.causes:
            causes.select(cause.value)
        materials = self.query_one("#plan-materials", SelectionList)
        materials.deselect_all()
        for key in plan.materials:
            materials.select(key)
        outdated = _("You edited this text; the plan's numbers have changed since. Check the figures in it.")
        edited = _("Your own version (the generated text is kept too).")
        for target, text in (("#plan-script-note", plan.script), ("#plan-statement-note", plan.statement)):
            note = outdated if text.outdated else edited if text.is_edited else _("Filled in from the plan; edit freely.")
            self.query_one(target, Static).update(note)
        self._dirty = draft is not None
        finished = plan.status.finished
        for target in ("#plan-script", "#plan-statement", "#plan-own-words"):
            self.query_one(target, TextArea).read_only = finished

    def _load(self, selector: str, text: str) -> None:
        area = self.query_one(selector, TextArea)
        if area.text != text:
            area.load_text(text)

    # ----- views -------------------------------------------------------------------------------

    def watch_view(self) -> None:
        self._show_view()

    def _show_view(self) -> None:
        self.query_one(ContentSwitcher).current = f"plan-view-{self.view}"
        parts = []
        for name in VIEWS:
            title = _(VIEW_TITLES[name])
            parts.append(Content.styled(f"[{title}]", "bold reverse") if name == self.view else Content(title))
        line = Content("  ").join(parts)
        self.query_one("#plan-views-line", Static).update(
            Content.assemble(line, Content.styled(f"  ({key_label('view')})", "$text-muted"))
        )

    def action_next_view(self) -> None:
        self.save_texts()
        self.view = VIEWS[(VIEWS.index(self.view) + 1) % len(VIEWS)]
        focus = {"schedule": "#plan-schedule", "script": "#plan-script", "statement": "#plan-name",
                 "history": "#plan-view-history"}[self.view]
        self.set_focus(self.query_one(focus))

    # ----- texts ----------------------------------------------------------------------------------

    @on(TextArea.Changed)
    @on(Input.Changed, "#plan-name")
    @on(SelectionList.SelectedChanged)
    def _texts_changed(self, _event: Any) -> None:
        plan = self.plan
        if plan is None or plan.status.finished or not self.is_mounted:
            return
        if self._texts() == saved_texts(plan):
            return
        self._dirty = True
        self.stash_drafts()

    def _texts(self) -> dict[str, Any]:
        return {
            "script": self.query_one("#plan-script", TextArea).text,
            "statement": self.query_one("#plan-statement", TextArea).text,
            "own_words": self.query_one("#plan-own-words", TextArea).text,
            "name": self.query_one("#plan-name", Input).value,
            "causes": sorted(self.query_one("#plan-causes", SelectionList).selected),
            "materials": sorted(self.query_one("#plan-materials", SelectionList).selected),
        }

    def stash_drafts(self) -> None:
        if self._dirty and self.plan is not None:
            self.services.drafts.set(TEXTS_DRAFT.format(plan_id=self.plan.id), self._texts())

    def save_texts(self) -> bool:
        """Put what was typed into the plan (one write); True when something was saved."""
        plan = self.plan
        if plan is None or not self._dirty:
            return False
        changes = text_changes(plan, self._texts())
        self._dirty = False
        self.services.drafts.discard(TEXTS_DRAFT.format(plan_id=plan.id))
        if not changes:
            return False
        try:
            self.services.plans.update_texts(plan.id, **changes)
        except InputError as error:
            self.notify(error.text(), severity="warning")
            return False
        self.reload()
        return True

    def action_save_texts(self) -> None:
        if self.save_texts():
            self.notify(_("Saved with the plan."))

    def action_done(self) -> None:
        self.save_texts()
        self.dismiss()

    # ----- steps --------------------------------------------------------------------------------

    def _after_step(self, saved: Any) -> None:
        if saved:
            self.reload()

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        plan = self.plan
        if plan is None:
            return
        button = event.button.id
        self.save_texts()
        if button == "plan-propose":
            self.app.push_screen(ProposeDialog(plan), self._after_step)
        elif button == "plan-agree":
            self.app.push_screen(AgreeDialog(plan), self._after_step)
        elif button == "plan-pay":
            self.action_payment()
        elif button in ("plan-complete", "plan-abandon"):
            finish = "complete" if button == "plan-complete" else "abandon"
            self.app.push_screen(FinishDialog(plan, finish), self._after_step)
        elif button == "plan-redraft":
            self.services.plans.back_to_draft(plan.id)
            self.reload()
        elif button == "plan-edit":
            point, form = form_from_plan(plan)
            self.app.push_screen(BuilderScreen(point, form), lambda _result: self.reload())
        elif button == "plan-delete":
            self.services.plans.delete(plan.id)
            self.notify(_("The draft was deleted."))
            self.dismiss()

    def action_payment(self) -> None:
        plan = self.plan
        if plan is None or plan.status not in (PlanStatus.AGREED, PlanStatus.ACTIVE):
            self.notify(_("Payments can be recorded once the plan is agreed"))
            return
        upcoming = self.progress.next_due if self.progress is not None else None
        self.app.push_screen(PaymentDialog(plan, upcoming.left if upcoming else None), self._after_step)

    @on(DataTable.RowSelected, "#plan-schedule")
    def _explain(self, event: DataTable.RowSelected) -> None:
        plan, progress = self.plan, self.progress
        if plan is None or progress is None:
            return
        option, position, _start = plan.terms
        number = event.cursor_row + 1
        self.app.push_screen(ExplainDialog(tr("Instalment {number}", number=number),
                                           row_lines(progress.schedule, option, position, number)))

    def action_export(self) -> None:
        plan = self.plan
        if plan is None:
            return
        from pathlib import Path

        markdown, calendar = self.services.plans.export(plan, Path.home())
        written = str(markdown) if calendar is None else f"{markdown}\n{calendar}"
        self.notify(tr("Written (only you can read them):\n{paths}", paths=written), title=_("Exported"), timeout=8)
