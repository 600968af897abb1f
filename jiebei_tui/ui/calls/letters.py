"""Letters: start one from the chosen contacts (a complaint to 12378, a request to the lender), or open a saved one.

Opened from the call history with w; the contacts chosen there with Space (or
the highlighted one) fill the new letter. Saved letters are listed newest
first with the dates they were written and last changed.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from jiebei_tui.domain.calls import CallRecord, LetterKind
from jiebei_tui.i18n import N_, _, tr, trn
from jiebei_tui.ui.calls import CALLS_DIALOGS_CSS
from jiebei_tui.ui.common.keys import bind
from jiebei_tui.ui.common.text import plain
from jiebei_tui.ui.shell.base import SubScreen

NEW = "new:"


class LettersScreen(SubScreen):
    SUB_TITLE = N_("Letters")
    AUTO_FOCUS = "#letters-list"
    CSS_PATH = CALLS_DIALOGS_CSS
    BINDINGS = [bind("close", "back", N_("Back"), id="calls.letters.back", keys="escape,q")]

    def __init__(self, records: list[CallRecord]) -> None:
        super().__init__()
        self.records = sorted(records, key=lambda record: (record.started_at, record.id))

    def compose_body(self) -> ComposeResult:
        with Vertical(id="letters-body"):
            yield Static(id="letters-intro")
            yield OptionList(id="letters-list")

    def after_recompose(self) -> None:
        super().after_recompose()
        self.query_one("#letters-list", OptionList).focus()

    def reload(self) -> None:
        count = len(self.records)
        intro = trn(
            "A new letter is filled from the {n} contact you chose, from your notes and on your clock; you can edit it.",
            "A new letter is filled from the {n} contacts you chose, from your notes and on your clock; you can edit it.",
            count,
        )
        if not count:
            intro = _("Choose contacts in the history first (Space), then press w there.")
        self.query_one("#letters-intro", Static).update(
            Content.assemble(intro, "\n", Content.styled(_("A letter asks; it cannot promise what the other side will do."), "$text-muted"))
        )
        options: list[Option | None] = []
        if count:
            options += [Option(Content.styled("+ " + _(kind.label), "bold"), id=NEW + kind.value) for kind in LetterKind]
        saved = self.services.letters.repo.all()
        if saved:
            if options:
                options.append(None)
            for letter in saved:
                written = self.services.local(letter.created_at).strftime("%Y-%m-%d %H:%M")
                changed = self.services.local(letter.updated_at).strftime("%Y-%m-%d %H:%M")
                line = Content.assemble(
                    Content.styled(written, "bold"),
                    "  ",
                    plain(letter.title).truncate(40, ellipsis=True),
                    Content.styled("  " + tr("changed {time}", time=changed), "$text-muted"),
                )
                options.append(Option(line, id=letter.id))
        letters = self.query_one("#letters-list", OptionList)
        keep = letters.highlighted
        letters.set_options(options)
        if letters.option_count:
            letters.highlighted = min(keep or 0, letters.option_count - 1)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        from jiebei_tui.ui.calls.letter import LetterScreen

        event.stop()
        chosen = event.option.id or ""
        if chosen.startswith(NEW):
            letter = self.services.letters.new(LetterKind(chosen[len(NEW) :]), self.records, _)
            self.app.push_screen(LetterScreen(letter.id))
        elif chosen:
            self.app.push_screen(LetterScreen(chosen))

    def action_back(self) -> None:
        self.dismiss()
