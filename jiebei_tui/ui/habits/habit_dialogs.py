"""Adding a habit (a starter from the articles, an archived one back, or your own) and changing one
(new words, a planned rest)."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Input, OptionList, RadioButton, RadioSet, Static
from textual.widgets.option_list import Option

from jiebei_tui.domain.habits import Cadence
from jiebei_tui.domain.parsing.dates import MSG_DATE_FORMAT, find_dates
from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.i18n import N_, _, tr
from jiebei_tui.ui.common.dialog import Dialog
from jiebei_tui.ui.common.inputs import InOrderInput
from jiebei_tui.ui.common.keys import bind, key_label
from jiebei_tui.ui.common.text import plain
from jiebei_tui.ui.habits.pane import show_problem

OWN = "own"
CADENCES = (Cadence.DAILY, Cadence.WEEKLY, Cadence.MONTHLY)


class AddHabitDialog(Dialog[None]):
    DIALOG_ID = "habit-add-dialog"
    TITLE = N_("Add a habit")
    CLOSE_BUTTON = "habit-add-close"
    AUTO_FOCUS = "#habit-add-list"
    BINDINGS = [bind("save", "save_own", N_("Add my own habit"), id="habits.add.save")]

    def hint_text(self) -> str:
        return tr(
            "Enter adds the highlighted habit. Your own: type a name, pick how often, then {save}. Esc or q closes.",
            save=key_label("save"),
        )

    def compose_body(self) -> ComposeResult:
        habits = self.services.habits
        options: list[Option] = []
        for starter in habits.starters():
            prompt = Content.assemble(
                Content.styled(_(starter.name), "bold"),
                Content.styled(f"  {_(starter.cadence.label)}", "$text-muted"),
                "\n  ",
                Content.styled(_(starter.why), "$text-muted"),
            )
            options.append(Option(prompt, id=f"starter:{starter.key}"))
        for habit in habits.archived():
            name = _(habit.name) if habit.translatable else habit.name
            options.append(Option(Content(tr("Bring back: {name}", name=plain(name).plain)), id=f"archived:{habit.id}"))
        options.append(Option(Content.styled(_("Write my own habit (below)"), "bold"), id=OWN))
        yield OptionList(*options, id="habit-add-list")
        yield Static(_("My own habit"), classes="panel-title")
        yield InOrderInput(placeholder=_("Name, e.g. 不点外卖"), id="habit-own-name")
        yield Static("", id="habit-own-name-message", classes="field-message")
        yield InOrderInput(placeholder=_("Why it matters to you (optional)"), id="habit-own-why")
        with RadioSet(id="habit-own-cadence"):
            for index, cadence in enumerate(CADENCES):
                yield RadioButton(_(cadence.label), value=index == 0)

    def compose_buttons(self) -> ComposeResult:
        with Horizontal(classes="habits-dialog-buttons"):
            yield Button(_("Add my own habit"), id="habit-own-add", variant="primary")
            yield Button(_("Close"), id=self.CLOSE_BUTTON)

    def on_mount(self) -> None:
        self.query_one("#habit-own-name-message").display = False

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        choice = event.option.id or ""
        habits = self.services.habits
        if choice == OWN:
            self.set_focus(self.query_one("#habit-own-name"))
            return
        kind, _sep, key = choice.partition(":")
        if kind == "starter":
            habit = habits.adopt(key)
        else:
            habit = habits.set_archived(key, False)
        name = _(habit.name) if habit.translatable else habit.name
        self.app.notify(tr("Added: {name}", name=plain(name).plain), markup=False)
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "habit-own-add":
            event.stop()
            self.action_save_own()
        else:
            super().on_button_pressed(event)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "habit-own-why":
            self.action_save_own()

    def action_save_own(self) -> None:
        index = self.query_one(RadioSet).pressed_index
        cadence = CADENCES[index if index >= 0 else 0]
        name = self.query_one("#habit-own-name", Input).value
        why = self.query_one("#habit-own-why", Input).value
        message = self.query_one("#habit-own-name-message", Static)
        try:
            habit = self.services.habits.add_own(name, why, cadence)
        except InputError as error:
            show_problem(message, error)
            self.set_focus(self.query_one("#habit-own-name"))
            return
        self.app.notify(tr("Added: {name}", name=plain(habit.name).plain), markup=False)
        self.dismiss(None)


def rest_day(text: str, today: date) -> date:
    """A day typed for a rest: 明天, 下周五, 12月5日 or 2026-12-05 (one date, today or later)."""
    found = [span.date for span in find_dates(text, today) if span.date is not None]
    if len(found) != 1:
        raise InputError(MSG_DATE_FORMAT)
    return found[0]


class HabitDialog(Dialog[None]):
    """New words for a habit, and planned rests (Enter on the rest field plans one, or cancels it)."""

    DIALOG_ID = "habit-dialog"
    TITLE = N_("Change a habit")
    CLOSE_BUTTON = "habit-close"
    AUTO_FOCUS = "#habit-rest"
    BINDINGS = [bind("save", "save", N_("Save the name"), id="habits.habit.save")]

    def __init__(self, habit_id: str) -> None:
        super().__init__()
        self.habit_id = habit_id

    def hint_text(self) -> str:
        return tr(
            "A planned rest keeps your streak: that day neither breaks it nor counts. Enter on the date plans "
            "it (or cancels one planned there). {save} saves the name. Esc or q closes.",
            save=key_label("save"),
        )

    def compose_body(self) -> ComposeResult:
        habit = self.services.habits.repo.habit(self.habit_id)
        name = "" if habit is None else _(habit.name) if habit.translatable else habit.name
        why = "" if habit is None else _(habit.why) if habit.translatable else habit.why
        tomorrow = self.services.habits.today().toordinal() + 1
        yield Static(_("Rest on (明天, 下周五, 12月5日 or 2026-12-05):"))
        yield InOrderInput(date.fromordinal(tomorrow).isoformat(), id="habit-rest")
        yield Static("", id="habit-rest-message", classes="field-message")
        yield Static(_("Name"))
        yield InOrderInput(name, id="habit-name")
        yield Static("", id="habit-name-message", classes="field-message")
        yield Static(_("Why it matters to you"))
        yield InOrderInput(why, id="habit-why")

    def compose_buttons(self) -> ComposeResult:
        with Horizontal(classes="habits-dialog-buttons"):
            yield Button(_("Save the name"), id="habit-save", variant="primary")
            yield Button(_("Close"), id=self.CLOSE_BUTTON)

    def on_mount(self) -> None:
        for selector in ("#habit-rest-message", "#habit-name-message"):
            self.query_one(selector).display = False

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "habit-save":
            event.stop()
            self.action_save()
        else:
            super().on_button_pressed(event)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "habit-rest":
            self.plan_rest(event.value)
        else:
            self.action_save()

    def plan_rest(self, text: str) -> None:
        habits = self.services.habits
        message = self.query_one("#habit-rest-message", Static)
        try:
            day = rest_day(text, habits.today())
            if habits.toggle_rest(self.habit_id, day):
                done = tr("Rest planned on {date}. Your streak will wait for you.", date=day.isoformat())
            else:
                done = tr("The rest on {date} is cancelled.", date=day.isoformat())
        except InputError as error:
            show_problem(message, error)
            return
        show_problem(message, None)
        self.app.notify(done)
        self.dismiss(None)

    def action_save(self) -> None:
        name = self.query_one("#habit-name", Input).value
        why = self.query_one("#habit-why", Input).value
        try:
            self.services.habits.rename(self.habit_id, name, why)
        except InputError as error:
            show_problem(self.query_one("#habit-name-message", Static), error)
            return
        self.app.notify(_("Saved."))
        self.dismiss(None)
