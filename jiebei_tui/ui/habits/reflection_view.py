"""The reflection journal: dated prompts, asked without blame. The causes picked here are what the
negotiation script says under "why I fell behind" (the newest entry that gives one)."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, SelectionList, Static, TextArea
from textual.widgets.option_list import Option

from jiebei_tui.domain.causes import Cause
from jiebei_tui.domain.habits import Reflection
from jiebei_tui.domain.habits.reflection import H_NO_BLAME, P_CAUSES, P_NEXT_TIME, P_OWN_WORDS
from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.i18n import N_, _, tr
from jiebei_tui.ui.common.dialog import Dialog
from jiebei_tui.ui.common.keys import bind, key_label
from jiebei_tui.ui.common.text import plain
from jiebei_tui.ui.habits.pane import Pane, show_problem


class ReflectionPane(Pane):
    VIEW = "reflection"
    KEYS = frozenset({"save", "history"})
    DRAFT = "habits.reflection"

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="rf-form"):
            yield Static(_(H_NO_BLAME), classes="habits-lead")
            yield Static(tr("1. {prompt}", prompt=_(P_CAUSES)), classes="rf-prompt")
            yield SelectionList[str](*[(_(cause.label), cause.value) for cause in Cause], id="rf-causes", compact=True)
            yield Static(tr("2. {prompt}", prompt=_(P_OWN_WORDS)), classes="rf-prompt")
            yield TextArea(id="rf-own", soft_wrap=True, tab_behavior="focus", compact=True)
            yield Static(tr("3. {prompt}", prompt=_(P_NEXT_TIME)), classes="rf-prompt")
            yield TextArea(id="rf-next", soft_wrap=True, tab_behavior="focus", compact=True)
            yield Static("", id="rf-message", classes="field-message")
            yield Static("", id="rf-latest")
            yield Static(
                tr("Space picks a cause · Tab moves on · {save} saves with today's date · {history}: earlier entries. "
                   "The plan builder's negotiation script uses the causes of your latest entry.",
                   save=key_label("save"), history=key_label("history")),
                classes="habits-hint",
            )

    def focus_first(self) -> None:
        self.query_one("#rf-causes", SelectionList).focus()

    def on_mount(self) -> None:
        self.query_one("#rf-message").display = False
        super().on_mount()

    def refresh_data(self) -> None:
        day = self.services.habits.latest_reflection_day()
        text = _("No entries yet.") if day is None else tr("Latest entry: {date}", date=day.isoformat())
        self.query_one("#rf-latest", Static).update(Content.styled(text, "$text-muted"))

    def chosen(self) -> list[Cause]:
        return [Cause(value) for value in self.query_one("#rf-causes", SelectionList).selected]

    def save(self) -> None:
        own = self.query_one("#rf-own", TextArea)
        later = self.query_one("#rf-next", TextArea)
        try:
            entry = self.services.habits.reflect(self.chosen(), own.text, later.text)
        except InputError as error:
            show_problem(self.query_one("#rf-message", Static), error)
            return
        show_problem(self.query_one("#rf-message", Static), None)
        self.query_one("#rf-causes", SelectionList).deselect_all()
        own.text = ""
        later.text = ""
        self.drop_draft()
        self.app.notify(tr("Saved with the date {date}. Thank you for writing it down.", date=entry.day.isoformat()))
        self.refresh_data()

    def history(self) -> None:
        self.app.push_screen(JournalDialog(), lambda _result: self.refresh_data())

    def on_selection_list_selected_changed(self, _event: SelectionList.SelectedChanged[str]) -> None:
        self.keep_draft()

    def on_text_area_changed(self, _event: TextArea.Changed) -> None:
        self.keep_draft()

    def draft_value(self) -> Any:
        causes = [cause.value for cause in self.chosen()]
        own = self.query_one("#rf-own", TextArea).text
        later = self.query_one("#rf-next", TextArea).text
        return {"causes": causes, "own": own, "next": later} if causes or own or later else None

    def apply_draft(self, value: Any) -> None:
        if not isinstance(value, dict):
            return
        causes = self.query_one("#rf-causes", SelectionList)
        for item in value.get("causes", []):
            if item in {cause.value for cause in Cause}:
                causes.select(item)
        self.query_one("#rf-own", TextArea).text = str(value.get("own", ""))
        self.query_one("#rf-next", TextArea).text = str(value.get("next", ""))


def entry_prompt(entry: Reflection) -> Content:
    lines: list[Content] = [Content.styled(entry.day.isoformat(), "bold")]
    if entry.causes:
        lines.append(Content(" · ".join(_(cause.label) for cause in entry.causes)))
    if entry.own_words:
        lines.append(plain(entry.own_words).truncate(200, ellipsis=True))
    if entry.next_time:
        lines.append(Content.assemble(Content.styled(_("Next time: "), "$text-muted"), plain(entry.next_time).truncate(200, ellipsis=True)))
    return Content("\n").join(lines)


class JournalDialog(Dialog[None]):
    """Every entry, newest first; d deletes one (press twice)."""

    DIALOG_ID = "journal-dialog"
    TITLE = N_("Your reflection journal")
    HINT = N_("↑↓ move · d deletes an entry (press twice) · q or Esc closes")
    CLOSE_BUTTON = "journal-close"
    CLOSE_COMPACT = True
    AUTO_FOCUS = "#journal-list"
    BINDINGS = [
        bind("history", "close", N_("Close"), id="habits.journal.close"),
        bind("delete", "delete", N_("Delete this entry"), id="habits.journal.delete", keys="d"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[Reflection] = []
        self._confirm: str | None = None

    def compose_body(self) -> ComposeResult:
        yield OptionList(id="journal-list")
        yield Static("", id="journal-message")

    def on_mount(self) -> None:
        self.refresh_entries()

    def refresh_entries(self) -> None:
        self.entries = self.services.habits.reflections()
        listing = self.query_one("#journal-list", OptionList)
        options: list[Option | None] = []
        for entry in self.entries:
            options += [Option(entry_prompt(entry), id=entry.id), None]
        listing.set_options(options[:-1])
        self.query_one("#journal-message", Static).update("" if self.entries else _("No entries yet."))

    def action_delete(self) -> None:
        listing = self.query_one("#journal-list", OptionList)
        option = listing.highlighted_option if listing.option_count else None
        entry = next((entry for entry in self.entries if option is not None and entry.id == option.id), None)
        if entry is None:
            return
        if self._confirm != entry.id:
            self._confirm = entry.id
            self.query_one("#journal-message", Static).update(
                tr("Press d again to delete the entry of {date}. Any other key keeps it.", date=entry.day.isoformat())
            )
            return
        self._confirm = None
        self.services.habits.delete_reflection(entry)
        self.app.notify(tr("Deleted the entry of {date}.", date=entry.day.isoformat()))
        self.refresh_entries()

    def on_key(self, event: events.Key) -> None:
        if event.key != "d":
            self._confirm = None
