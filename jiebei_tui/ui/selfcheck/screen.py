"""The self-check area: your numbers on the left, the result on the right.

Below 120 columns the form and the result share the screen (Ctrl+B switches);
from 120 they sit side by side, from 170 with wider inputs. Ctrl+S checks the
whole form, saves a dated snapshot (a second save on the same day updates it)
and shows the verdict, its button to the next step focused. The form itself
is in ``form_view.py``.
"""

from __future__ import annotations

from textual import on
from textual.widget import Widget
from textual.widgets import Button, Collapsible, OptionList, Select

from jiebei_tui.domain.selfcheck import DRAFT_KEY, NEXT_PLAN_BUILDER, add_debt, assess, check_form, field_id
from jiebei_tui.i18n import N_, _, trn
from jiebei_tui.ui.common.keys import bind
from jiebei_tui.ui.common.paragraph import LINE_BREAKER
from jiebei_tui.ui.selfcheck.explain import ExplainScreen
from jiebei_tui.ui.selfcheck.form_view import SelfCheckForm
from jiebei_tui.ui.selfcheck.widgets.field import DebtCard
from jiebei_tui.ui.selfcheck.widgets.results import SelfCheckResults


class SelfCheckScreen(SelfCheckForm):
    LATER_MODULES = (LINE_BREAKER,)  # its results' paragraphs, in the rest of the form
    BINDINGS = [
        bind("save", "save", N_("Save and see result"), id="selfcheck.save",
             tooltip=N_("Check the form, save a dated self-check and show the verdict")),
        bind("view", "toggle_view", N_("Result ⇄ numbers"), id="selfcheck.toggle",
             tooltip=N_("Switch between your result and the form")),
        bind("history", "history", N_("Past self-checks"), id="selfcheck.history",
             tooltip=N_("Saved self-checks, their trend, and any two compared")),
        bind("add", "add_debt", N_("Add a debt"), id="selfcheck.add_debt", show=False),
    ]

    async def ready_for_keys(self) -> None:
        """Keys typed in one burst with F3 wait for the whole form (ui/shell/keyhold.py): Tab goes where it would."""
        await self.form_ready()

    # ----- buttons ------------------------------------------------------------------------------

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        button_id = event.button.id or ""
        if button_id == "sc-save":
            await self.action_save()
        elif button_id == "sc-next":
            await self.action_next_step()
        elif button_id == "sc-add-debt":
            await self.action_add_debt()
        elif button_id.startswith("sc-add-"):
            await self._add_entry(button_id.removeprefix("sc-add-"))
        elif button_id.startswith("sc-remove-"):
            await self._remove_debt(button_id.removeprefix("sc-remove-"), event.button)

    @on(OptionList.OptionSelected, "#sc-figures")
    async def _figure_selected(self, _event: OptionList.OptionSelected) -> None:
        await self.action_explain()

    # ----- views -------------------------------------------------------------------------------

    # Focus moves at once (set_focus), not after the next refresh: keys typed right behind Ctrl+B or
    # Ctrl+S in one burst must land where the view now is, not in what it just left.
    def _show_results(self) -> None:
        self.showing_results = True
        if self._assessment is not None:
            self.set_focus(self.query_one("#sc-next"))
        self.call_after_refresh(self.query_one("#sc-side").scroll_home, animate=False)

    def _show_form(self, focus: Widget | None = None) -> None:
        self.showing_results = False
        if focus is not None:
            self.set_focus(focus)
        else:
            self._focus_start()

    async def action_toggle_view(self) -> None:
        await self.form_ready()
        side = self.query_one("#sc-side")
        in_results = self.showing_results if self.has_class("-narrow") else side.has_focus_within
        if in_results:
            self._show_form()
        else:
            self._show_results()

    # ----- actions -------------------------------------------------------------------------------

    async def action_save(self) -> None:
        await self.form_ready()  # the messages beside every field, and the result, must be there
        today = self._today()
        checked = check_form(self.form, today)
        if checked.input is None:
            self._show_all = True
            self._refresh_messages()
            first = checked.first_problem
            target = self._find(f"#{field_id(first)}") if first else None
            if target is not None:
                for card in target.ancestors:
                    if isinstance(card, Collapsible):
                        card.collapsed = False
            self._show_form(target)
            if target is not None:
                self.call_after_refresh(target.scroll_visible)
            self.notify(
                trn(
                    "{n} field needs a look; the message is beside it.",
                    "{n} fields need a look; the message is beside each one.",
                    len(checked.problems),
                ),
                title=_("Not saved yet"),
            )
            return
        now = self.services.clock()
        assessment = assess(checked.input, today)
        updated = self.services.selfchecks.save(checked.input, assessment, now)
        self.services.drafts.discard(DRAFT_KEY)
        self._dirty = False
        self._show_all = False
        self._assessment, self._taken_at = assessment, now
        self._origin, self._origin_date = "snapshot", today
        self.query_one(SelfCheckResults).show(assessment, now)
        self._refresh_messages()
        self.refresh_data()
        self._show_results()
        self.notify(
            _("Updated today's self-check.") if updated else _("Saved. Saving again today updates today's self-check."),
            title=_("Self-check saved"),
        )

    async def action_explain(self) -> None:
        await self.form_ready()
        line = self.query_one(SelfCheckResults).current_line()
        if line is not None:
            self.app.push_screen(ExplainScreen(line))

    def action_history(self) -> None:
        # Imported on use: its DataTable and Sparkline took ~25 ms of the area's import, which an early F3 waits for.
        from jiebei_tui.ui.selfcheck.history import SelfCheckHistoryScreen

        self.app.push_screen(SelfCheckHistoryScreen())

    async def action_add_debt(self) -> None:
        await self.form_ready()  # after the cards already there
        debt = add_debt(self.form)
        self._changed()
        card = DebtCard(debt, len(self.form["debts"]))
        await self.query_one("#sc-debts").mount(card)
        self._show_form(card.query_one(Select))
        self.call_after_refresh(card.scroll_visible)

    async def action_next_step(self) -> None:
        """The verdict's button: build a plan, or prepare the call."""
        await self.form_ready()
        if self._assessment is None:
            return
        if self._assessment.verdict.next_step == NEXT_PLAN_BUILDER:
            self.workbook.action_area("plans")
        else:
            await self.workbook.action_call_prep()
