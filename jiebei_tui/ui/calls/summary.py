"""After the call: what it amounted to, and the parts the user may still change.

Duration, whether the caller was verified, red flags with their rules,
commitments with their dates and the next step come from the record; the
summary text starts as a plain-language draft built from them and is only
stored once the user edits it (so it follows a language switch until then).
Everything is saved as it is typed (debounced) and again on leaving.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import tzinfo

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from jiebei_tui.domain.calls import (
    CHECKLIST,
    IDENTITY_FIELDS,
    MANUAL_FLAG_KEYS,
    CallRecord,
    CommitmentStatus,
    Note,
    Summary,
    format_duration,
    is_empty,
    red_flag,
    summarize,
)
from jiebei_tui.domain.facts import fact
from jiebei_tui.domain.parsing.money import format_money
from jiebei_tui.domain.text_safety import sanitize_inline
from jiebei_tui.i18n import N_, _, tr
from jiebei_tui.ui.calls import CALLS_DIALOGS_CSS
from jiebei_tui.ui.calls.widgets.text import STATUS_GLYPHS
from jiebei_tui.ui.common.debounce import DebouncedSave
from jiebei_tui.ui.common.keys import bind
from jiebei_tui.ui.common.text import plain
from jiebei_tui.ui.shell.base import SubScreen

SAVE_AFTER_SECONDS = 0.8
INDENT = "\u00a0\u00a0"  # wrapped Static text drops leading spaces, not no-break spaces
STATUS_ORDER = (CommitmentStatus.OPEN, CommitmentStatus.DONE, CommitmentStatus.DROPPED)


def _when(record: CallRecord, zone: tzinfo) -> str:
    """Start (and end) on the user's clock."""
    start = record.started_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
    return f"{start}–{record.ended_at.astimezone(zone):%H:%M}" if record.ended_at is not None else start


def draft_summary(record: CallRecord, summary: Summary, zone: tzinfo) -> str:
    """The summary in plain words, as a starting point the user edits."""
    lines = [
        tr(
            "{kind} on {when} ({duration}){number}.",
            kind=_(record.kind.label),
            when=_when(record, zone),
            duration=format_duration(summary.duration_seconds),
            number=tr(", number {number}", number=record.number) if record.number else "",
        )
    ]
    separator = _("; ")
    given = [
        tr("{label}: {value}", label=_(item.label), value=record.identity.get(item.key).value)
        for item in IDENTITY_FIELDS
        if record.identity.get(item.key).value
    ]
    if given:
        lines.append(tr("They said: {details}.", details=separator.join(given)))
    lines.append(
        _("The institution was verified through an official channel.")
        if summary.identity_verified
        else _("The institution was not verified through an official channel.")
    )
    if summary.flags:
        lines.append(tr("Red flags: {flags}.", flags=separator.join(_(finding.flag.label) for finding in summary.flags)))
    if summary.marked_lines:
        lines.append(tr("I marked: {lines}.", lines=separator.join(summary.marked_lines)))
    for commitment in summary.commitments:
        terms = " · ".join(
            part
            for part in (
                commitment.due.isoformat() if commitment.due else "",
                format_money(commitment.amount) if commitment.amount is not None else "",
            )
            if part
        )
        terms = tr(" ({terms})", terms=terms) if terms else ""
        lines.append(tr("Commitment: {text}{terms}", text=commitment.text, terms=terms))
    if summary.follow_ups:
        lines.append(tr("To follow up: {items}.", items=separator.join(summary.follow_ups)))
    return "\n".join(sanitize_inline(line) for line in lines)


def _facts(record: CallRecord, summary: Summary) -> Content:
    """The derived part of the summary, with each red flag's rule and source."""
    lines: list[Content] = []
    verified = summary.identity_verified
    lines.append(
        Content.assemble(
            Content.styled(_("Identity: "), "bold"),
            Content.styled(
                _("the institution was verified through an official channel")
                if verified
                else _("not verified through an official channel"),
                "$text-success" if verified else "bold $text-warning",
            ),
        )
    )
    for item in IDENTITY_FIELDS:
        entry = record.identity.get(item.key)
        if entry.value:
            mark = STATUS_GLYPHS[entry.status]
            lines.append(Content.assemble(f"{INDENT}{mark} {_(item.label)}: ", plain(entry.value)))
    if summary.flag_count:
        lines.append(Content.styled(tr("Red flags: {count}", count=summary.flag_count), "bold $text-error"))
        for finding in summary.flags:
            flag = finding.flag
            lines.append(Content.assemble(f"{INDENT}⚑ ", Content.styled(_(flag.label), "bold")))
            for key in flag.fact_keys:
                rule = fact(key)
                lines.append(Content.styled(f"{INDENT * 2}{_(rule.statement)}", "$text-muted"))
                lines.append(Content.styled(INDENT * 2 + tr("Source: {source}", source=_(rule.source)), "$text-muted italic"))
            if flag.warning:
                lines.append(Content.styled(f"{INDENT * 2}{_(flag.warning)}", "$text-muted"))
        for text in summary.marked_lines:
            lines.append(Content.assemble(f"{INDENT}⚑ ", Content.styled(_("marked by me:"), "bold"), " ", plain(text)))
    else:
        lines.append(Content.assemble(Content.styled(_("Red flags: "), "bold"), _("none logged")))
    if summary.follow_ups:
        lines.append(Content.styled(_("To follow up:"), "bold"))
        lines += [Content.assemble(f"{INDENT}? ", plain(text)) for text in summary.follow_ups]
    return Content("\n").join(lines)


class CallSummaryScreen(SubScreen):
    """End-of-call summary: facts from the record, and the editable next step and text."""

    SUB_TITLE = N_("After the call")
    AUTO_FOCUS = "#summary-next"  # not whatever scrolls first
    CSS_PATH = CALLS_DIALOGS_CSS
    BINDINGS = [
        bind("done", "done", N_("Done"), id="calls.summary.done", tooltip=N_("Save and go back")),
        bind("save", "save", N_("Save"), id="calls.summary.save", show=False),
        bind("close", "done", N_("Done"), id="calls.summary.back", keys="escape", show=False),
    ]

    def __init__(self, record_id: str) -> None:
        super().__init__()
        self.record_id = record_id
        self._record: CallRecord | None = None
        self._notes: list[Note] = []
        self._draft_text = ""
        self._edits = DebouncedSave(self, SAVE_AFTER_SECONDS, self._save_edits)

    def _load(self) -> tuple[CallRecord, Summary]:
        repo = self.services.calls
        record = repo.get(self.record_id)
        if record is None:
            raise LookupError(self.record_id)
        self._record = record
        self._notes = repo.notes(record)
        zone = self.services.clock.zone
        context = repo.records_on(record.started_at.astimezone(zone).date(), zone)
        summary = summarize(record, self._notes, self.services.clock(), context, zone=zone)
        return record, summary

    def compose_body(self) -> ComposeResult:
        record, summary = self._load()
        zone = self.services.clock.zone
        self._draft_text = draft_summary(record, summary, zone)
        with VerticalScroll(id="summary-body"):
            yield Static(
                Content.styled(
                    tr(
                        "{kind} · {when} · {duration}",
                        kind=_(record.kind.label),
                        when=_when(record, zone),
                        duration=format_duration(summary.duration_seconds),
                    ),
                    "bold",
                ),
                id="summary-title",
            )
            yield Static(_("Next step (who does what, by when)"), classes="panel-title")
            yield Input(record.next_step, placeholder=_("e.g. I call the lender's official line on Monday"), id="summary-next")
            yield Static(_("Summary: edit freely; it is saved as you type"), classes="panel-title")
            yield TextArea(record.summary_text if record.summary_text is not None else self._draft_text, id="summary-text")
            yield Static(_("Commitments (Enter changes the status)"), classes="panel-title", id="summary-commitments-title")
            yield OptionList(id="summary-commitments")
            yield Static(_("Checklist (Enter ticks or unticks)"), classes="panel-title")
            yield OptionList(id="summary-checklist")
            yield Static(_("Red flags (Enter marks or unmarks)"), classes="panel-title")
            yield OptionList(id="summary-flags")
            yield Static(_("What the record shows"), classes="panel-title")
            yield Static(_facts(record, summary), id="summary-facts")
            with Horizontal(id="summary-buttons"):
                yield Button(_("Done"), id="summary-done", variant="primary")
                yield Button(_("Export this call"), id="summary-export")
                if is_empty(record, self._notes):
                    yield Button(_("Discard this empty record"), id="summary-discard", variant="warning")

    def reload(self) -> None:
        self._fill_lists()

    def after_recompose(self) -> None:
        super().after_recompose()  # recomposed from the saved record (stash_drafts saved it just before)
        self.query_one("#summary-next", Input).focus()

    def _fill_lists(self) -> None:
        record, summary = self._load()
        commitments = self.query_one("#summary-commitments", OptionList)
        keep = commitments.highlighted
        commitments.set_options(
            Option(
                Content.assemble(
                    Content.styled(f"[{_(item.status.label)}] ", "bold"),
                    plain(item.text),
                    Content.styled(
                        "  → " + " · ".join(
                            part
                            for part in (
                                item.due.isoformat() if item.due else _("no date"),
                                format_money(item.amount) if item.amount is not None else "",
                            )
                            if part
                        ),
                        "$text-warning",
                    ),
                ),
                id=item.note_id,
            )
            for item in summary.commitments
        )
        commitments.display = bool(summary.commitments)
        self.query_one("#summary-commitments-title").display = bool(summary.commitments)
        commitments.highlighted = keep
        checklist = self.query_one("#summary-checklist", OptionList)
        keep = checklist.highlighted
        checklist.set_options(
            Option(Content(f"{'✔' if item.key in record.checklist else '·'} {_(item.label)}"), id=item.key)
            for item in CHECKLIST
        )
        checklist.highlighted = keep
        flags = self.query_one("#summary-flags", OptionList)
        keep = flags.highlighted
        flags.set_options(
            Option(Content(f"{'⚑' if key in record.manual_flags else '·'} {_(red_flag(key).label)}"), id=key)
            for key in MANUAL_FLAG_KEYS
        )
        flags.highlighted = keep
        self.query_one("#summary-facts", Static).update(_facts(record, summary))

    # ----- editing -------------------------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id
        if option_id is None:
            return
        list_id = event.option_list.id
        if list_id == "summary-commitments":
            statuses = self._record.commitment_status if self._record else {}
            current = statuses.get(option_id, CommitmentStatus.OPEN)
            following = STATUS_ORDER[(STATUS_ORDER.index(current) + 1) % len(STATUS_ORDER)]
            self.services.calls.change(self.record_id, lambda record: record.with_commitment_status(option_id, following))
        elif list_id == "summary-checklist":
            self.services.calls.change(self.record_id, lambda record: record.toggled_check(option_id))
        elif list_id == "summary-flags":
            self.services.calls.change(self.record_id, lambda record: record.toggled_flag(option_id))
        self._fill_lists()

    def on_input_changed(self, _event: Input.Changed) -> None:
        self._edits.changed()

    def on_text_area_changed(self, _event: TextArea.Changed) -> None:
        self._edits.changed()

    def _save_edits(self) -> None:
        """Store the next step and the text (the text only when it differs from the draft)."""
        next_step = self.query_one("#summary-next", Input).value
        text = self.query_one("#summary-text", TextArea).text

        def apply(record: CallRecord) -> CallRecord:
            edited = record.with_summary(next_step=next_step)
            if text.strip() == self._draft_text.strip():
                return replace(edited, summary_text=None)
            return edited.with_summary(text=text)

        self.services.calls.change(self.record_id, apply)

    def stash_drafts(self) -> None:
        """Quit, a language switch or a dropped connection: what was typed here is saved straight into the record."""
        self._edits.flush()

    def action_save(self) -> None:
        self._edits.flush()
        self.notify(_("Saved."), timeout=2)

    def action_done(self) -> None:
        self._edits.flush()
        self.dismiss()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "summary-done":
            self.action_done()
        elif event.button.id == "summary-export":
            from jiebei_tui.ui.calls.dialogs.export import CallExportScreen

            self._edits.flush()
            if self._record is not None:
                self.app.push_screen(CallExportScreen(self._record))
        elif event.button.id == "summary-discard" and self._record is not None:
            self.services.calls.delete(self._record)
            self._edits.forget()
            self.app.notify(_("The empty record was discarded."), timeout=4)
            self.dismiss()
