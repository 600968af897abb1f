"""Every logged contact: by date, collector and institution, with red-flag counts; search and filters.

Loaded on demand (the call screen itself never reads the whole history).
Searching the notes reads every month once and is done on Enter; the
institution filter and the red-flag filter work on the records alone.
"""

from __future__ import annotations

from datetime import tzinfo

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from jiebei_tui import locations
from jiebei_tui.domain.calls import (
    RED_FLAGS,
    CallRecord,
    Note,
    RecordKind,
    automatic_flags_by_record,
    filter_records,
    format_duration,
    red_flag,
)
from jiebei_tui.i18n import N_, _, tr, trn
from jiebei_tui.ui.common.keys import bind, key_label
from jiebei_tui.ui.common.text import pad, plain
from jiebei_tui.ui.shell.base import SubScreen

FLAG_FILTERS: tuple[str | None, ...] = (None, *(flag.key for flag in RED_FLAGS))


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


class CallHistoryScreen(SubScreen):
    SUB_TITLE = N_("Call history")
    AUTO_FOCUS = "#history-list"  # not whatever scrolls first
    CSS_PATH = str(locations.styles_dir() / "calls.tcss")
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
        self.records: list[CallRecord] = []
        self._flags: dict[str, set[str]] = {}
        self._marked: dict[str, int] = {}  # "!" lines per record: red flags in the user's words
        self._matches: dict[str, list[Note]] | None = None
        self._flag_filter: str | None = None
        self.chosen: list[str] = []  # contacts chosen for a letter (Space), in the order chosen

    def compose_body(self) -> ComposeResult:
        with Vertical(id="history-body"):
            with Horizontal(id="history-filters"):
                yield Input(placeholder=_("Search the notes (Enter), e.g. 上门"), id="history-search")
                yield Input(placeholder=_("Institution"), id="history-institution")
            yield Static(id="history-status")
            yield OptionList(id="history-list")

    def after_recompose(self) -> None:
        super().after_recompose()
        self.query_one("#history-list", OptionList).focus()

    def reload(self) -> None:
        self.records = self.services.calls.records()
        auto = automatic_flags_by_record(self.records, self.services.clock.zone)
        self._flags = {record.id: (auto.get(record.id, set()) | record.manual_flags) for record in self.records}
        self._marked = {record.id: record.marked_lines for record in self.records}
        self._show()

    def shown_records(self) -> list[CallRecord]:
        institution = self.query_one("#history-institution", Input).value.strip() or None
        shown = filter_records(self.records, institution=institution, flag=self._flag_filter, zone=self.services.clock.zone)
        if self._matches is not None:
            shown = [record for record in shown if record.id in self._matches]
        return shown

    def _show(self) -> None:
        history = self.query_one("#history-list", OptionList)
        keep = history.highlighted_option.id if history.highlighted_option is not None else None
        shown = self.shown_records()
        history.set_options(
            Option(
                Content.assemble(
                    Content.styled("✔ ", "bold $text-success") if record.id in self.chosen else "  ",
                    record_row(
                        record,
                        len(self._flags.get(record.id, ())) + self._marked.get(record.id, 0),
                        self.services.clock.zone,
                        (self._matches or {}).get(record.id),
                    ),
                ),
                id=record.id,
            )
            for record in shown
        )
        ids = [record.id for record in shown]
        if ids:
            history.highlighted = ids.index(keep) if keep in ids else 0
        total = len(self.records)
        parts = [trn("{shown} of {n} contact, newest first.", "{shown} of {n} contacts, newest first.", total, shown=len(shown))]
        if self._flag_filter is not None:
            parts.append(tr("Red flag: {flag}.", flag=_(red_flag(self._flag_filter).label)))
        if self._matches is not None:
            found = len(self._matches)
            parts.append(trn("Notes found in {n} contact.", "Notes found in {n} contacts.", found))
        if self.chosen:
            parts.append(trn("{n} chosen for a letter.", "{n} chosen for a letter.", len(self.chosen)))
        parts.append(
            tr("Enter opens · / search · {flag} flag filter · x export · Space chooses · w letter · q back", flag=key_label("red_flag"))
        )
        self.query_one("#history-status", Static).update(Content(" ".join(parts)))

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "history-institution":
            self._show()
        elif event.input.id == "history-search" and not event.value.strip() and self._matches is not None:
            self._matches = None
            self._show()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "history-search":
            query = event.value.strip()
            self._matches = self.services.calls.search(query) if query else None
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
        option = self.query_one("#history-list", OptionList).highlighted_option
        return next((record for record in self.records if option is not None and record.id == option.id), None)

    def action_toggle_chosen(self) -> None:
        record = self._highlighted()
        if record is None:
            return
        if record.id in self.chosen:
            self.chosen.remove(record.id)
        else:
            self.chosen.append(record.id)
        self._show()

    def action_letters(self) -> None:
        """Letters from the chosen contacts, or from the highlighted one when none is chosen."""
        from jiebei_tui.ui.calls.letters import LettersScreen

        by_id = {record.id: record for record in self.records}
        chosen = [by_id[record_id] for record_id in self.chosen if record_id in by_id]
        highlighted = self._highlighted()
        if not chosen and highlighted is not None:
            chosen = [highlighted]
        self.app.push_screen(LettersScreen(chosen))

    def action_back(self) -> None:
        self.dismiss()
