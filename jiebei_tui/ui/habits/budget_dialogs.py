"""A budget category (its planned amount, a name for your own, removing it) and the spends by month."""

from __future__ import annotations

from functools import partial

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from jiebei_tui.domain.habits import (
    BUILTIN_LABELS,
    BudgetPlan,
    Spend,
    add_category,
    remove_category,
    rename_category,
    set_planned,
)
from jiebei_tui.domain.habits.budget import (
    MSG_CATEGORY_EXISTS,
    MSG_CATEGORY_NAME_EMPTY,
    MSG_CATEGORY_NAME_TOO_LONG,
    MSG_TOO_MANY_CATEGORIES,
)
from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.parsing.money import ZERO, format_money, format_plain_number
from jiebei_tui.i18n import N_, _, tr
from jiebei_tui.ui.common.dialog import Dialog
from jiebei_tui.ui.common.inputs import InOrderInput
from jiebei_tui.ui.common.keys import bind, key_label
from jiebei_tui.ui.common.text import plain
from jiebei_tui.ui.habits.pane import show_problem


class CategoryDialog(Dialog[None]):
    """``key`` None adds a category of your own; otherwise changes that one."""

    DIALOG_ID = "category-dialog"
    CLOSE_BUTTON = "category-close"
    AUTO_FOCUS = "#category-planned"
    BINDINGS = [bind("save", "save", N_("Save"), id="habits.category.save")]

    def __init__(self, key: str | None) -> None:
        super().__init__()
        self.key = key

    def title_text(self) -> str:
        return _("New category") if self.key is None else _("Change a category")

    def hint_text(self) -> str:
        return tr("Enter or {save} saves. The plan applies to every month from now on. Esc or q closes.",
                  save=key_label("save"))

    def compose_body(self) -> ComposeResult:
        plan = self.services.habits.budget()
        category = plan.category(self.key) if self.key is not None else None
        own = self.key is None or (category is not None and not category.translatable)
        if category is not None:
            title = _(category.label) if category.translatable else category.label
            yield Static(Content.styled(title, "bold"))
        yield Static(_("Planned each month"))
        planned = format_plain_number(category.planned) if category is not None else ""
        yield InOrderInput(planned, placeholder=_("e.g. 600"), id="category-planned")
        yield Static("", id="category-planned-message", classes="field-message")
        if own:
            yield Static(_("Name"))
            yield InOrderInput(category.name if category is not None else "", placeholder=_("e.g. 外卖"), id="category-name")
            yield Static("", id="category-name-message", classes="field-message")

    def compose_buttons(self) -> ComposeResult:
        with Horizontal(classes="habits-dialog-buttons"):
            yield Button(_("Save"), id="category-save", variant="primary")
            if self.key is not None:
                yield Button(_("Remove this category"), id="category-remove")
            yield Button(_("Close"), id=self.CLOSE_BUTTON)

    def on_mount(self) -> None:
        for message in self.query(".field-message"):
            message.display = False

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "category-save":
            event.stop()
            self.action_save()
        elif event.button.id == "category-remove":
            event.stop()
            self.remove_category()
        else:
            super().on_button_pressed(event)

    def action_save(self) -> None:
        planned = self.query_one("#category-planned", Input).value
        names = self.query("#category-name")
        name = names.first(Input).value if names else None
        habits = self.services.habits
        try:
            if self.key is None:
                habits.change_budget(lambda plan: add_category(plan, name or "", planned))
            else:
                key = self.key
                habits.change_budget(partial(_change, key, planned, name))
        except InputError as error:
            where = "#category-name-message" if error.message in _NAME_MESSAGES else "#category-planned-message"
            show_problem(self.query_one(where, Static), error)
            return
        self.app.notify(_("Saved."))
        self.dismiss(None)

    def remove_category(self) -> None:
        if self.key is None:
            return
        key = self.key
        self.services.habits.change_budget(lambda plan: remove_category(plan, key))
        self.app.notify(_("Category removed. Its spends stay, under “Removed categories”."))
        self.dismiss(None)


def _change(key: str, planned: str, name: str | None, plan: BudgetPlan) -> BudgetPlan:
    plan = set_planned(plan, key, planned)
    return rename_category(plan, key, name) if name is not None and key not in BUILTIN_LABELS else plan


_NAME_MESSAGES = frozenset({MSG_CATEGORY_NAME_EMPTY, MSG_CATEGORY_NAME_TOO_LONG, MSG_CATEGORY_EXISTS, MSG_TOO_MANY_CATEGORIES})


class SpendsDialog(Dialog[None]):
    """Months with spends (newest first) and the spends of the highlighted one; d deletes a slip."""

    DIALOG_ID = "spends-dialog"
    TITLE = N_("Spends by month")
    CLOSE_BUTTON = "spends-close"
    CLOSE_COMPACT = True
    AUTO_FOCUS = "#spends-months"
    BINDINGS = [
        bind("history", "close", N_("Close"), id="habits.spends.close"),
        bind("delete", "delete", N_("Delete this spend"), id="habits.spends.delete", keys="d"),
    ]
    HINT = N_("↑↓ months · Tab to the spends · d on a spend deletes it (press twice) · q or Esc closes")

    def __init__(self) -> None:
        super().__init__()
        self.month: str | None = None
        self.spends: tuple[Spend, ...] = ()
        self._confirm: int | None = None

    def compose_body(self) -> ComposeResult:
        months = self.services.habits.repo.spend_months()
        with Horizontal(id="spends-columns"):
            yield OptionList(*[Option(month, id=month) for month in months], id="spends-months")
            yield OptionList(id="spends-list")
        yield Static("", id="spends-total")
        if not months:
            yield Static(_("No spends recorded yet."))

    def on_mount(self) -> None:
        months = self.query_one("#spends-months", OptionList)
        if months.option_count:
            months.highlighted = 0
            self.show_month(months.get_option_at_index(0).id or "")

    def show_month(self, month: str) -> None:
        self.month = month
        try:
            found = self.services.habits.spends(month)
        except ValueError:
            self.query_one("#spends-total", Static).update(_("This month's spends could not be read; nothing was changed."))
            return
        plan = self.services.habits.budget()
        self.spends = tuple(reversed(found.spends))
        options = []
        for spend in self.spends:
            category = plan.category(spend.category)
            label = (_(category.label) if category.translatable else category.label) if category else _("Removed categories")
            options.append(Option(Content.assemble(
                Content.styled(spend.day.isoformat()[5:], "$text-muted"), " ",
                format_money(spend.amount).rjust(11), "  ", plain(label).truncate(12, ellipsis=True, pad=True),
                " ", plain(spend.note),
            ), id=str(spend.seq)))
        listing = self.query_one("#spends-list", OptionList)
        listing.set_options(options)
        total = sum((spend.amount for spend in self.spends), ZERO)
        self.query_one("#spends-total", Static).update(tr("{month}: {count} spends, {total} in all", month=month,
                                                          count=len(self.spends), total=format_money(total)))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._confirm = None
        if event.option_list.id == "spends-months" and event.option.id:
            self.show_month(event.option.id)

    def action_delete(self) -> None:
        listing = self.query_one("#spends-list", OptionList)
        option = listing.highlighted_option if listing.has_focus and listing.option_count else None
        if option is None or self.month is None or option.id is None:
            return
        seq = int(option.id)
        if self._confirm != seq:
            self._confirm = seq
            self.query_one("#spends-total", Static).update(_("Press d again to delete this spend. Any other key keeps it."))
            return
        self._confirm = None
        self.services.habits.remove_spend(self.month, seq)
        self.app.notify(_("Spend deleted."))
        self.show_month(self.month)

    def on_key(self, event: events.Key) -> None:
        if event.key != "d":
            self._confirm = None
