"""Today's habits: check in with one key, see the streak, and the highlighted habit's history.

Space (or Enter) checks in the current day, week or month, or takes that
check-in back. A planned rest (e) keeps the streak: the day neither breaks it
nor counts. The history is drawn from the small progress index only.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from jiebei_tui.domain.habits import Cadence, HabitToday
from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.i18n import N_, _, tr, trn
from jiebei_tui.ui.common.keys import bind, key_label
from jiebei_tui.ui.common.text import plain
from jiebei_tui.ui.habits.habit_dialogs import AddHabitDialog, HabitDialog
from jiebei_tui.ui.habits.heatmap import history_map, legend
from jiebei_tui.ui.habits.pane import Pane


def name_of(row: HabitToday) -> str:
    return _(row.name) if row.translatable else row.name


def streak_words(cadence: Cadence, count: int) -> str:
    if cadence is Cadence.WEEKLY:
        return trn("{n} week in a row", "{n} weeks in a row", count)
    if cadence is Cadence.MONTHLY:
        return trn("{n} month in a row", "{n} months in a row", count)
    return trn("{n} day in a row", "{n} days in a row", count)


def row_prompt(row: HabitToday) -> Content:
    if row.done:
        mark = Content.styled("✓", "bold $text-success")
    elif row.resting:
        mark = Content.styled("~", "$text-primary")
    else:
        mark = Content.styled("○", "$text-muted")
    if row.resting:
        state = _("rest planned")
    elif row.streak:
        state = streak_words(row.cadence, row.streak)
    else:
        state = ""
    return Content.assemble(
        mark,
        " ",
        plain(name_of(row)).truncate(30, ellipsis=True, pad=True),
        " ",
        Content.styled(_(row.cadence.label), "$text-muted"),
        "  ",
        Content.styled(state, "$text-muted"),
    )


class HabitsPane(Pane):
    VIEW = "habits"
    KEYS = frozenset({"add"})
    BINDINGS = [
        bind("choose", "check_in", N_("Check in"), id="habits.list.toggle", keys="space",
             tooltip=N_("Check in the highlighted habit, or take the check-in back")),
        bind("edit", "edit", N_("Rename or rest"), id="habits.list.edit", keys="e", tooltip=N_("New words, or a planned rest")),
        bind("delete", "archive", N_("Archive"), id="habits.list.archive", keys="d", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: tuple[HabitToday, ...] = ()
        self._confirm_archive: str | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="hb-summary")
        with Horizontal(id="hb-columns"):
            yield OptionList(id="hb-list")
            with Vertical(id="hb-detail"):
                yield Static("", id="hb-about")
                yield Static("", id="hb-map")
        yield Static(
            tr(
                "Space or Enter: check in or undo · e: rename or plan a rest · d: archive · {add}: add a habit",
                add=key_label("add"),
            ),
            id="hb-hint",
            classes="habits-hint",
        )

    def focus_first(self) -> None:
        self.query_one("#hb-list", OptionList).focus()

    def refresh_data(self) -> None:
        self.rows = self.services.habits.today_rows()
        listing = self.query_one("#hb-list", OptionList)
        keep = self.current_id()
        listing.set_options([Option(row_prompt(row), id=row.habit_id) for row in self.rows])
        ids = [row.habit_id for row in self.rows]
        if ids:
            listing.highlighted = ids.index(keep) if keep in ids else 0
        done = sum(1 for row in self.rows if row.done or row.resting)
        if self.rows:
            summary = tr("Today: {done} of {count} done or resting.", done=done, count=len(self.rows))
        else:
            summary = tr(
                "No habits yet. {add} adds one: small habits from the articles, or your own.", add=key_label("add")
            )
        self.query_one("#hb-summary", Static).update(summary)
        self.query_one("#hb-columns").display = bool(self.rows)
        self.show_detail()

    def current_id(self) -> str | None:
        listing = self.query_one("#hb-list", OptionList)
        option = listing.highlighted_option if listing.option_count else None
        return option.id if option is not None else None

    def current(self) -> HabitToday | None:
        found = self.current_id()
        return next((row for row in self.rows if row.habit_id == found), None)

    def show_detail(self) -> None:
        row = self.current()
        about = self.query_one("#hb-about", Static)
        chart = self.query_one("#hb-map", Static)
        if row is None:
            about.update("")
            chart.update("")
            return
        lines: list[Content] = []  # the name is highlighted in the list just above
        why = _(row.why) if row.translatable else row.why
        if why:
            lines.append(plain(why))
        if row.best:
            record = tr("{cadence} · now {streak} · best {best}", cadence=_(row.cadence.label),
                        streak=streak_words(row.cadence, row.streak), best=streak_words(row.cadence, row.best))
        else:
            record = tr("{cadence} · no check-in yet", cadence=_(row.cadence.label))
        lines.append(Content.styled(record, "$text-muted"))
        about.update(Content("\n").join(lines))
        marks = self.services.habits.history(row.habit_id)
        chart.update(Content.assemble(history_map(marks, row.cadence), "\n", legend()))

    def on_option_list_option_highlighted(self, _event: OptionList.OptionHighlighted) -> None:
        self._confirm_archive = None
        self.show_detail()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_check_in()

    def action_check_in(self) -> None:
        row = self.current()
        if row is None:
            return
        try:
            result = self.services.habits.toggle_today(row.habit_id)
        except InputError as error:
            self.app.notify(error.text())
            return
        name = plain(name_of(row)).plain  # the user's words in a notification: visible, never markup
        if result.checked:
            self.app.notify(
                tr("{name}: checked in. {streak}.", name=name, streak=streak_words(row.cadence, result.today.streak)),
                markup=False,
            )
        else:
            self.app.notify(tr("{name}: check-in taken back.", name=name), markup=False)
        self.refresh_data()

    def action_edit(self) -> None:
        row = self.current()
        if row is not None:
            self.app.push_screen(HabitDialog(row.habit_id), lambda _result: self.refresh_data())

    def action_archive(self) -> None:
        row = self.current()
        if row is None:
            return
        if self._confirm_archive != row.habit_id:
            self._confirm_archive = row.habit_id
            self.app.notify(
                tr("Press d again to archive {name}. Its record is kept, and {add} can bring it back.",
                   name=plain(name_of(row)).plain, add=key_label("add")),
                markup=False,
            )
            return
        self._confirm_archive = None
        self.services.habits.set_archived(row.habit_id, True)
        self.app.notify(tr("{name} archived.", name=plain(name_of(row)).plain), markup=False)
        self.refresh_data()

    def add(self) -> None:
        self.app.push_screen(AddHabitDialog(), lambda _result: self.refresh_data())
