"""Every logged contact: by date, collector and institution, with red-flag counts; search and filters.

Loaded on demand (the call screen itself never reads the whole history), and
streamed: rows appear as the days are read, newest first, in short slices of
work between which the screen draws and takes keys, so a long history never
freezes it. A search (Enter) goes through the records in the same order,
reading one call's notes at a time, and shows each match as it is found; a
new search, filter or flag replaces the one under way. What was read is kept
while the screen is open, so changing a filter does not read the days again.
"""

from __future__ import annotations

import asyncio
import time
from datetime import tzinfo

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from jiebei_tui.domain.calls import RED_FLAGS, CallRecord, Note, RecordKind, format_duration, red_flag
from jiebei_tui.domain.parsing.phones import warm_up as warm_up_phones
from jiebei_tui.i18n import N_, _, tr, trn
from jiebei_tui.services.history import CallHistory, Filters
from jiebei_tui.ui.calls import CALLS_DIALOGS_CSS
from jiebei_tui.ui.common import collector
from jiebei_tui.ui.common.collector import collector_paused
from jiebei_tui.ui.common.keys import bind, key_label
from jiebei_tui.ui.common.redraw import QuietLayout, update_in_place
from jiebei_tui.ui.common.text import pad, plain
from jiebei_tui.ui.shell.base import SubScreen

FLAG_FILTERS: tuple[str | None, ...] = (None, *(flag.key for flag in RED_FLAGS))
SLICE_SECONDS = 0.006  # the longest stretch of reading before the screen may draw and take keys again
FIRST_ROWS = 12  # the first rows are shown as soon as there are this many (a screenful at 80x24)


# A pause, not just a turn of the loop: a key goes from the terminal to the App, the screen and the
# focused widget, a hop per turn, and a draw waits for its timer; with sleep(0) the next slice ran
# between every two hops (the screen could not take a key or draw for 50-70 ms).
BREATH_SECONDS = 0.004


async def breathe() -> None:
    """Between two slices of a stream: let the screen draw and take keys."""
    await asyncio.sleep(BREATH_SECONDS)


def record_row(record: CallRecord, flags: int, zone: tzinfo, matches: list[Note] | None = None) -> Content:
    """One line per contact (two when a search matched): when (on the user's clock), kind, duration, who, for
    whom, number, flags."""
    kind = _(record.kind.label)
    missed = record.kind is RecordKind.MISSED
    if missed or record.ended_at is None:
        duration = "" if missed else "…"
    else:
        duration = format_duration(int((record.ended_at - record.started_at).total_seconds()))
    parts: list[Content | str] = [
        Content.styled(record.started_at.astimezone(zone).strftime("%Y-%m-%d %H:%M"), "bold"),
        "  ",
        pad(kind, 8),
        " ",
        Content.styled(pad(duration, 6), "$text-muted"),
    ]
    if not missed:
        who = plain(record.collector or "-").truncate(12, ellipsis=True, pad=True)
        institution = plain(record.identity.institution.value or "-").truncate(18, ellipsis=True, pad=True)
        parts += ["  ", who, "  ", institution]
    if record.number:
        parts += ["  ", Content.styled(plain(record.number).plain, "$text-muted")]
    if flags:
        parts += ["  ", Content.styled(tr("⚑ {count}", count=flags), "bold $text-error")]
    if matches:
        first = matches[0].current_text
        more = tr(" (+{count})", count=len(matches) - 1) if len(matches) > 1 else ""
        quote = plain(first).truncate(60, ellipsis=True)
        parts += ["\n    ", Content.styled("“", "$text-muted"), quote, Content.styled("”" + more, "$text-muted")]
    return Content.assemble(*parts)


class HistoryList(QuietLayout, OptionList):
    """The list the history streams into: a batch of rows makes it longer, not larger.

    OptionList records its length as its virtual size, a layout property: every
    batch laid out the whole screen again before the draw (~7 ms of each step).
    Its size is the screen's, so only the scrollbar's first appearance needs one.
    """

    def _update_lines(self) -> None:
        scrollbar = self.show_vertical_scrollbar
        with self.quiet():
            super()._update_lines()
        if self.show_vertical_scrollbar != scrollbar:
            self.refresh(layout=True)


class CallHistoryScreen(SubScreen):
    SUB_TITLE = N_("Call history")
    AUTO_FOCUS = "#history-list"  # not whatever scrolls first
    CSS_PATH = CALLS_DIALOGS_CSS
    BINDINGS = [
        bind("find", "focus_search", N_("Search notes"), id="calls.history.search", keys="slash"),
        bind("red_flag", "cycle_flag", N_("Red flag filter"), id="calls.history.flag"),
        bind("export", "export", N_("Export"), id="calls.history.export", keys="x", tooltip=N_("Evidence report of the highlighted contact")),
        bind("choose", "toggle_chosen", N_("Choose"), id="calls.history.choose", keys="space", tooltip=N_("Choose contacts for a letter")),
        bind("letter", "letters", N_("Letter"), id="calls.history.letters", keys="w", tooltip=N_("A letter from the chosen contacts")),
        bind("close", "back", N_("Back"), id="calls.history.back", keys="escape,q"),
        bind("history", "back", N_("Back"), id="calls.history.toggle", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.history: CallHistory | None = None
        self._token: object = None
        self._query = ""  # the search submitted with Enter
        self._flag_filter: str | None = None
        self._found = 0  # contacts with matching notes, in the search under way
        self._streaming = False
        self._rows = 0  # rows in the list for the current filters (so far, while streaming)
        self._shown: tuple[object, ...] | None = None  # what the list shows: (history, filters, list widget)
        self.loads = 0  # how many times the history was read since the screen opened (once per change on disk)
        self.chosen: list[str] = []  # contacts chosen for a letter (Space), in the order chosen
        # The first day read compares missed calls' numbers (the attempts-per-day flag): a first use of
        # libphonenumber would hold the screen ~35 ms, so it loads in a thread while the screen is built.
        self._phones = asyncio.get_running_loop().run_in_executor(None, warm_up_phones)
        self._list: OptionList | None = None  # the list composed last (after a language switch, the new one)

    def on_mount(self) -> None:
        # What the streams read stays while the screen is open: a full collection would only scan it again
        # (40-150 ms with 2,000 contacts). It may run once the screen is closed.
        collector.hold()

    def on_unmount(self) -> None:
        # The rows and the records go now, by reference count, before the held full collection may run: it
        # had ~47,000 objects of this screen to trace with 2,000 contacts (75-100 ms in the second after
        # closing); ~23,000 and ~30 ms this way (benchmarks/inapp.py, "after closing it").
        # The list itself: Textual has removed the screen's widgets by now, so a query finds nothing, and the rows
        # stayed referenced from the list's indexes until the full collection (~22,000 objects).
        self.history = None
        self._shown = None
        if self._list is not None:
            self._list.clear_options()
        collector.release()

    def compose_body(self) -> ComposeResult:
        with Vertical(id="history-body"):
            with Horizontal(id="history-filters"):
                yield Input(placeholder=_("Search the notes (Enter), e.g. 上门"), id="history-search")
                yield Input(placeholder=_("Institution"), id="history-institution")
            yield Static(id="history-status")
            self._list = HistoryList(id="history-list")
            yield self._list

    def after_recompose(self) -> None:
        super().after_recompose()
        self.query_one("#history-list", OptionList).focus()

    @property
    def records(self) -> list[CallRecord]:
        """The records read so far, newest first (all of them once the list is complete)."""
        return self.history.records if self.history is not None else []

    def _gone(self) -> bool:
        """True while the screen's widgets are not all there: the nested ones are mounted after the screen
        itself (a resume can come first, on a loaded machine), and removed before a late step (a stream's
        slice, a key's action run after the next screen's refresh) that must then do nothing."""
        return not (self.query("#history-list") and self.query("#history-institution") and self.query("#history-status"))

    def reload(self) -> None:
        """Read again only when something changed on disk or the user's zone; else make sure the list shows the filters."""
        if self._gone():
            if not self._closing:
                self.call_after_refresh(self.reload)  # still being built: once its widgets are mounted
            return
        token = self.services.store.change_token()
        zone = self.services.clock.zone
        if self.history is None or token != self._token or zone != self.history.zone:
            self._token = token
            self.history = CallHistory(self.services.calls, zone)
            self.loads += 1
        self._show()

    def filters(self) -> Filters:
        institution = self.query_one("#history-institution", Input).value
        return Filters(institution=institution, flag=self._flag_filter, query=self._query)

    def shown_records(self) -> list[CallRecord]:
        """The records the list shows now (complete once the stream has finished)."""
        history = self.history
        if history is None:
            return []
        options = self.query_one("#history-list", OptionList).options
        return [history.by_id[option.id] for option in options if option.id in history.by_id]

    def _show(self) -> None:
        """(Re)fill the list for the current filters, unless it already shows exactly that."""
        if self._gone():
            return
        history_list = self.query_one("#history-list", OptionList)
        state = (self.history, self.filters(), history_list)
        if state == self._shown:
            return
        self._shown = state
        self._stream(history_list, self.filters())

    @work(exclusive=True, group="history-rows")
    async def _stream(self, history_list: OptionList, filters: Filters) -> None:
        """Rows for ``filters``, shown as they are found; replaced by the next call (new filter or search)."""
        history = self.history
        if history is None or self._gone():
            return
        keep = history_list.highlighted_option.id if history_list.highlighted_option is not None else None
        history_list.clear_options()
        self._streaming, self._found, self._rows = True, 0, 0
        self._status(filters)
        await self._phones
        batch: list[Option] = []
        with collector_paused():
            deadline = time.perf_counter() + SLICE_SECONDS
            for found in history.rows(filters):
                if found is not None:
                    batch.append(Option(self._prompt(found.record, found.flags, found.matches), id=found.record.id))
                    self._found += bool(found.matches)
                if time.perf_counter() >= deadline or (not self._rows and len(batch) >= FIRST_ROWS):
                    self._rows += self._add(history_list, batch, keep)
                    batch = []
                    self._status(filters)
                    await breathe()  # draw, take keys; a newer stream (or closing) cancels this one here
                    if self._gone():
                        return
                    deadline = time.perf_counter() + SLICE_SECONDS
        self._rows += self._add(history_list, batch, keep)
        self._streaming = False
        self._status(filters)

    def _prompt(self, record: CallRecord, flags: int, matches: list[Note] | None) -> Content:
        """A row: ✔ when chosen for a letter, then the contact."""
        return Content.assemble(
            Content.styled("✔ ", "bold $text-success") if record.id in self.chosen else "  ",
            record_row(record, flags, self.services.clock.zone, matches),
        )

    @staticmethod
    def _add(history_list: OptionList, batch: list[Option], keep: str | None) -> int:
        if not batch:
            return 0
        first = history_list.option_count == 0
        history_list.add_options(batch)
        if keep is not None and any(option.id == keep for option in batch):
            history_list.highlighted = history_list.get_option_index(keep)
        elif first and history_list.highlighted is None:
            history_list.highlighted = 0
        return len(batch)

    def _status(self, filters: Filters) -> None:
        if self._gone():
            return
        history = self.history
        total = history.total if history is not None else 0
        parts = [trn("{shown} of {n} contact, newest first.", "{shown} of {n} contacts, newest first.", total, shown=self._rows)]
        if filters.flag is not None:
            parts.append(tr("Red flag: {flag}.", flag=_(red_flag(filters.flag).label)))
        if filters.query and self._streaming:
            parts.append(trn("Searching… notes found in {n} contact so far.", "Searching… notes found in {n} contacts so far.", self._found))
        elif filters.query:
            parts.append(trn("Notes found in {n} contact.", "Notes found in {n} contacts.", self._found))
        elif self._streaming:
            parts.append(_("Loading…"))
        if self.chosen:
            parts.append(trn("{n} chosen for a letter.", "{n} chosen for a letter.", len(self.chosen)))
        parts.append(
            tr("Enter opens · / search · {flag} flag filter · x export · Space chooses · w letter · q back", flag=key_label("red_flag"))
        )
        update_in_place(self.query_one("#history-status", Static), Content(" ".join(parts)))

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "history-institution":
            self._show()
        elif event.input.id == "history-search" and not event.value.strip() and self._query:
            self._query = ""
            self._show()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "history-search":
            self._query = event.value.strip()
            self._show()
        self.query_one("#history-list", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        from jiebei_tui.ui.calls.record import CallRecordScreen

        event.stop()
        if event.option.id:
            self.app.push_screen(CallRecordScreen(event.option.id))

    def action_focus_search(self) -> None:
        self.query_one("#history-search", Input).focus()

    def action_cycle_flag(self) -> None:
        index = FLAG_FILTERS.index(self._flag_filter)
        self._flag_filter = FLAG_FILTERS[(index + 1) % len(FLAG_FILTERS)]
        self._show()

    def action_export(self) -> None:
        from jiebei_tui.ui.calls.dialogs.export import CallExportScreen

        record = self._highlighted()
        if record is not None:
            self.app.push_screen(CallExportScreen(record))

    def _highlighted(self) -> CallRecord | None:
        if self._gone():
            return None
        option = self.query_one("#history-list", OptionList).highlighted_option
        if self.history is None or option is None or option.id is None:
            return None
        return self.history.by_id.get(option.id)

    def action_toggle_chosen(self) -> None:
        """Choose or un-choose the highlighted contact: only its row is redrawn (the stream goes on)."""
        record = self._highlighted()
        if record is None or self.history is None:
            return
        if record.id in self.chosen:
            self.chosen.remove(record.id)
        else:
            self.chosen.append(record.id)
        history = self.history
        matches = history.matches(record, self._query) if self._query else None
        prompt = self._prompt(record, history.flag_count(record), matches)
        self.query_one("#history-list", OptionList).replace_option_prompt(record.id, prompt)
        self._status(self.filters())

    def action_letters(self) -> None:
        """Letters from the chosen contacts, or from the highlighted one when none is chosen."""
        from jiebei_tui.ui.calls.letters import LettersScreen

        by_id = self.history.by_id if self.history is not None else {}
        chosen = [by_id[record_id] for record_id in self.chosen if record_id in by_id]
        highlighted = self._highlighted()
        if not chosen and highlighted is not None:
            chosen = [highlighted]
        self.app.push_screen(LettersScreen(chosen))

    def action_back(self) -> None:
        self.dismiss()
