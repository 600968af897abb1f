"""The Calls area: a live note recorder for collection calls, with identity, checklist and red flags.

Made for a phone at the ear: ``jiebei-tui call`` (or Ctrl+N anywhere) starts a
record at once, the note line keeps the focus for the whole call, and every
other action is one Ctrl key, or a Ctrl key and a digit. Enter makes a line
durable immediately; the unsent line is a draft (flushed every second) that
comes back after a crash or a dropped SSH connection, together with the call.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Static

from jiebei_tui import locations
from jiebei_tui.domain.calls import (
    CHECKLIST,
    IDENTITY_FIELDS,
    RED_FLAGS,
    CallRecord,
    Note,
    NoteKind,
    RecordKind,
    automatic_flags,
    change_kind,
    correct,
    format_offset,
    new_note,
    new_record,
    next_note_kind,
    parse_note_prefix,
)
from jiebei_tui.i18n import N_, _, tr
from jiebei_tui.store.calls import CallsRepo
from jiebei_tui.ui.calls.widgets.commitments import CommitmentsHomePanel
from jiebei_tui.ui.calls.widgets.log import CallLog, NoteInput
from jiebei_tui.ui.calls.widgets.panels import (
    CONSENT_DIGIT,
    MANUAL_FLAGS,
    CallStatus,
    ChecklistPanel,
    FlagsPanel,
    IdentityPanel,
    PanelStack,
    PrepPanel,
    flag_rule_text,
    latest_selfcheck,
)
from jiebei_tui.ui.calls.widgets.text import KIND_STYLES, kind_badge, kind_label
from jiebei_tui.ui.common.guidance import GuidancePanel
from jiebei_tui.ui.shell.base import AreaScreen

ACTIVE_DRAFT = "calls.active"  # {"record_id": ...}: the call in progress, found again after a crash
NOTE_DRAFT = "calls.note."  # + record id: {"text", "kind", "at"}: the unsent line
RESUME_WITHIN = timedelta(minutes=30)  # a call touched this recently is continued, not closed
WIDE = 110  # from this many columns the panels sit beside the log instead of above it
HINT_SECONDS = 6.0

NEW_CALL = N_("New call")
NEW_CALL_TIP = N_("Start a new call record: the timer runs and you can type at once")
MISSED_CALL = N_("Missed call")
MISSED_CALL_TIP = N_("Log a missed call: number, time")
HISTORY = N_("History")
HISTORY_TIP = N_("Every call, with search and export")
PANELS_NARROW = ("none", "identity", "checklist", "flags", "prep")
PANELS_WIDE = ("all", "prep", "none")
PREFIX_PANELS = {"check": "checklist", "flag": "flags", "identity": "identity"}
PREFIX_KEYS = {"ctrl+t": "check", "ctrl+r": "flag", "ctrl+y": "identity"}
KEY_GUIDE = N_("↑ fix · Ctrl+O kind · Ctrl+T checks · Ctrl+R flags · Ctrl+Y who · F8 end")
PLACEHOLDER = N_("Type what is said, Enter saves it. Start with 他: 我: 诺: ? or ! to mark the kind")


def _draft_key(record_id: str) -> str:
    return NOTE_DRAFT + record_id


class CallsScreen(AreaScreen):
    AREA = "calls"
    CSS_PATH = str(locations.styles_dir() / "calls.tcss")
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE, "-wide")]
    AUTO_FOCUS = "#note-input"  # between calls it is hidden, and nothing needs the focus

    BINDINGS = [
        Binding("f8", "end_call", N_("End call"), id="calls.end", tooltip=N_("End the call and edit its summary")),
        Binding("enter", "start_call", NEW_CALL, id="calls.start", tooltip=NEW_CALL_TIP),
        # The note line and the log hand these (and Ctrl+O) to take_key themselves, in key order.
        Binding("ctrl+t", "prefix('check')", N_("Checklist: then 1–6"), id="calls.checklist", show=False),
        Binding("ctrl+r", "prefix('flag')", N_("Red flag: then 1–8 (0: I agreed to the time)"), id="calls.flag", show=False),
        Binding("ctrl+y", "prefix('identity')", N_("Who is calling: then 1–8"), id="calls.identity", show=False),
        Binding("ctrl+o", "cycle_kind", N_("Kind of the next line (or prefix 他: 我: 诺: ? !)"), id="calls.kind", show=False),
        Binding("ctrl+b", "cycle_panels", N_("Panels"), id="calls.panels", tooltip=N_("Show the panels in turn")),
        Binding("up", "to_log", N_("Correct an earlier line"), id="calls.correct", show=False),
        # Shown in the footer only between calls (during one, the hint line under the note says the keys).
        Binding("ctrl+l", "missed_call", MISSED_CALL, id="calls.missed", tooltip=MISSED_CALL_TIP),
        Binding("ctrl+l", "missed_call_live", MISSED_CALL, id="calls.missed.live", show=False),
        Binding("ctrl+s", "history", HISTORY, id="calls.history", tooltip=HISTORY_TIP),
        Binding("ctrl+s", "history_live", HISTORY, id="calls.history.live", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.record: CallRecord | None = None
        self.notes: list[Note] = []
        self._repo: CallsRepo | None = None
        self._kind = NoteKind.PLAIN
        self._prefix: str | None = None
        self._narrow_view = "none"
        self._wide_view = "all"
        self._hint_timer: Any = None
        self._notice = ""
        self._seen_token: tuple[Any, ...] | None = None

    @property
    def composed(self) -> bool:
        """False while a language switch recomposes the screen: timers and late events then wait."""
        return self.is_mounted and bool(self.query("#call-status"))

    @property
    def repo(self) -> CallsRepo:
        if self._repo is None:
            self._repo = CallsRepo(self.workbook.store)
        return self._repo

    # ----- layout --------------------------------------------------------------------------

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="call-idle", classes="area-body"):
            yield Static(id="call-idle-title")
            yield PrepPanel(id="idle-prep", classes="panel")
            yield CommitmentsHomePanel(id="idle-commitments", classes="panel")  # read when shown
            yield GuidancePanel(self.AREA, classes="guidance")
        with Vertical(id="call-live"):
            yield CallStatus(id="call-status")
            with Horizontal(id="call-main"):
                with Vertical(id="call-left"):
                    yield CallLog(self.notes, id="call-log")  # filled here too: a language switch recomposes
                    with Horizontal(id="note-row"):
                        yield Static(id="note-kind")
                        yield NoteInput(value=self._draft_text(), placeholder=_(PLACEHOLDER), id="note-input")
                    yield Static(id="call-hint")
                yield PanelStack(id="call-side")

    def on_mount(self) -> None:
        self.set_interval(1.0, self._tick)
        launched = self.workbook.DEFAULT_MODE == self.AREA  # `jiebei-tui call`
        active = self._active_record()
        if active is not None and self._recent(active):
            self._open(active, notice=tr("Continuing the call that started at {time}.", time=active.started_at.strftime("%H:%M")))
        else:
            if active is not None:
                self._close_stale(active)
            if launched:
                self.start_call()
        self._show()

    def on_resize(self, _event: events.Resize) -> None:
        if self.composed:
            self._show()

    def on_screen_resume(self) -> None:
        if self.record is not None:
            self.call_after_refresh(self._focus_input)

    def on_language_changed(self) -> None:
        # Recomposed: the note line and the log were rebuilt in compose; the panels follow here.
        self._show()
        self.call_after_refresh(self._focus_input)

    # ----- state ---------------------------------------------------------------------------

    def _active_record(self) -> CallRecord | None:
        pointer = self.workbook.drafts.get(ACTIVE_DRAFT)
        if not isinstance(pointer, dict) or not pointer.get("record_id"):
            return None
        record = self.repo.get(str(pointer["record_id"]))
        if record is None or record.ended_at is not None:
            self.workbook.drafts.discard(ACTIVE_DRAFT)
            return None
        return record

    def _draft(self, record: CallRecord) -> dict[str, Any]:
        value = self.workbook.drafts.get(_draft_key(record.id))
        return value if isinstance(value, dict) else {}

    def _draft_text(self) -> str:
        return str(self._draft(self.record).get("text", "")) if self.record is not None else ""

    def _last_activity(self, record: CallRecord, notes: list[Note]) -> datetime:
        moments = [record.started_at, *(note.at for note in notes)]
        draft_at = self._draft(record).get("at")
        if isinstance(draft_at, str):
            try:
                moments.append(datetime.fromisoformat(draft_at))
            except ValueError:
                pass
        return max(moment for moment in moments if moment.tzinfo is not None)

    def _recent(self, record: CallRecord) -> bool:
        return self.workbook.clock() - self._last_activity(record, self.repo.notes(record)) <= RESUME_WITHIN

    def _close_stale(self, record: CallRecord) -> None:
        """A call left open by a crash long ago: keep its unsent line as a note, end it at its last activity."""
        notes = self.repo.notes(record)
        draft = self._draft(record)
        text = str(draft.get("text", ""))
        if text.strip():
            at = self._last_activity(record, notes)
            note = new_note(self.repo.new_id(), record, text, at, kind=_kind_or_none(draft.get("kind")))
            if note.text:
                self.repo.save_note(record, note)
                notes.append(note)
        end = self._last_activity(record, notes)
        self.repo.change(record.id, lambda current: current if current.ended_at else current.ended(end))
        self.workbook.drafts.discard(_draft_key(record.id))
        self.workbook.drafts.discard(ACTIVE_DRAFT)
        self.notify(
            tr(
                "The call of {time} was left open; it was ended and kept in History (Ctrl+S).",
                time=record.started_at.strftime("%m-%d %H:%M"),
            ),
            timeout=8,
        )

    def _open(self, record: CallRecord, *, notice: str = "") -> None:
        """Show ``record`` live, with its saved lines and its unsent draft."""
        self.record = record
        self.notes = self.repo.notes(record)
        self.repo.repair_commitments(record, self.notes)
        self._seen_token = self.workbook.store.change_token()
        draft = self._draft(record)
        self._kind = _kind_or_none(draft.get("kind")) or NoteKind.PLAIN
        note_input = self.query_one(NoteInput)
        note_input.value = str(draft.get("text", ""))
        note_input.cursor_position = len(note_input.value)
        self.query_one(CallLog).show_notes(self.notes, force=True)
        night = automatic_flags(record, [])
        if night and not notice:
            notice = "⚑" + " ".join(flag_rule_text(key, with_source=False) for key in sorted(night))
        self._notice = notice
        self._show()
        self.call_after_refresh(self._focus_input)

    def start_call(self) -> None:
        """A new record now: saved before anything else, so its start time survives any crash."""
        if self.record is not None:
            self._finish(self.record)
            self.notify(_("The previous call was ended and saved; its summary is in History (Ctrl+S)."), timeout=6)
        record = new_record(self.repo.new_id(), RecordKind.CALL, self.workbook.clock())
        self.repo.save(record)
        self.workbook.drafts.set(ACTIVE_DRAFT, {"record_id": record.id})
        self.workbook.drafts.flush()
        self._open(record)

    def _finish(self, record: CallRecord) -> CallRecord:
        """End the call: the unsent line becomes a note first, then the end time is saved."""
        self._commit_input()
        end = max(self.workbook.clock(), record.started_at)
        ended = self.repo.change(record.id, lambda current: current if current.ended_at else current.ended(end))
        self.workbook.drafts.discard(_draft_key(record.id))
        self.workbook.drafts.discard(ACTIVE_DRAFT)
        self.record, self.notes = None, []
        self.query_one(NoteInput).value = ""
        self._kind = NoteKind.PLAIN
        return ended or record

    def refresh_data(self) -> None:
        if not self.composed:
            return
        token = self.workbook.store.change_token()
        if token == self._seen_token:
            return  # nothing saved anywhere since the last look (cheap: file stats only)
        self._seen_token = token
        if self.record is not None:
            fresh = self.repo.get(self.record.id)
            if fresh is None or fresh.ended_at is not None:
                self.record, self.notes = None, []  # ended or removed in another session
            else:
                self.record = fresh
                self.notes = self.repo.notes(fresh)
                self.query_one(CallLog).show_notes(self.notes)
        self._show()

    def stash_drafts(self) -> None:
        """Called before the App flushes drafts (quit, SIGHUP, SIGTERM): hand over the live line."""
        if self.record is not None and self.composed:
            self._keep_draft(self.query_one(NoteInput).value)

    def _keep_draft(self, text: str) -> None:
        if self.record is None:
            return
        key = _draft_key(self.record.id)
        if text:
            self.workbook.drafts.set(key, {"text": text, "kind": self._kind.value, "at": self.workbook.clock().isoformat()})
        elif self._kind is NoteKind.PLAIN:
            self.workbook.drafts.discard(key)

    # ----- showing -------------------------------------------------------------------------

    def _show(self) -> None:
        if not self.composed:
            return
        live = self.record is not None
        self.query_one("#call-live").display = live
        self.query_one("#call-idle").display = not live
        summary = latest_selfcheck(self.workbook.store)
        if not live:
            self.query_one("#call-idle-title", Static).update(
                Content.assemble(
                    Content.styled(_("No call in progress."), "bold"),
                    " ",
                    _("When the phone rings, press Enter or Ctrl+N: the timer starts and you can type at once."),
                    "\n",
                    Content.styled(
                        _("Ctrl+L logs a missed call (number, time). Ctrl+S opens every call, with search and export."),
                        "$text-muted",
                    ),
                )
            )
            self.query_one("#idle-prep", PrepPanel).show_summary(summary, live=False)
            self.query_one("#idle-commitments", CommitmentsHomePanel).refresh_data()
            self.refresh_bindings()
            return
        record = self.record
        assert record is not None
        auto = automatic_flags(record, [])
        self.query_one(IdentityPanel).show_record(record)
        self.query_one(ChecklistPanel).show_record(record)
        self.query_one(FlagsPanel).show_record(record, auto)
        self.query_one("#prep-panel", PrepPanel).show_summary(summary)
        self._show_status()
        self._show_kind()
        if self._hint_timer is None or self._notice:
            self._show_hint()  # a message being shown (a flag's rule, "saved") keeps its few seconds
        self._apply_view()
        self.refresh_bindings()

    def _show_status(self) -> None:
        if self.record is None or not self.composed:
            return
        flags = len(self.record.manual_flags | automatic_flags(self.record, []))
        self.query_one(CallStatus).show_record(self.record, self.workbook.clock(), flags, len(self.notes))

    def _show_kind(self) -> None:
        if not self.composed:
            return
        typed, _body = parse_note_prefix(self.query_one(NoteInput).value)
        kind = typed if typed is not NoteKind.PLAIN else self._kind
        badge = self.query_one("#note-kind", Static)
        badge.update(kind_badge(kind))
        badge.set_class(kind is not NoteKind.PLAIN, "-marked")

    def _show_hint(self, message: str | Content = "", *, style: str = "", seconds: float = HINT_SECONDS) -> None:
        if self._hint_timer is not None:
            self._hint_timer.stop()
            self._hint_timer = None
        if not self.composed:
            return
        hint = self.query_one("#call-hint", Static)
        if self._notice and not message:
            message, self._notice = self._notice, ""
        if message:
            hint.update(message if isinstance(message, Content) else Content.styled(message, style or "bold"))
            self._hint_timer = self.set_timer(seconds, self._show_hint)
        else:
            hint.update(Content.styled(_(KEY_GUIDE), "$text-muted"))

    def _apply_view(self) -> None:
        """Which panels show: beside the log when wide (all), above it when narrow (one, or none)."""
        if not self.composed:
            return
        peek = PREFIX_PANELS.get(self._prefix or "")
        if self.size.width >= WIDE:
            shown = {"all": {"identity", "checklist", "flags"}, "prep": {"prep"}, "none": set()}[self._wide_view]
            shown = shown | ({peek} if peek else set())
        else:
            view = peek or self._narrow_view
            shown = set() if view == "none" else {view}
        for name in ("identity", "checklist", "flags", "prep"):
            self.query_one(f"#{name}-panel").display = name in shown
        self.query_one("#call-side").display = bool(shown)

    def _tick(self) -> None:
        self._show_status()

    def _focus_input(self) -> None:
        if self.record is not None and self.is_active:
            self.query_one(NoteInput).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        live = self.record is not None
        if action in ("start_call", "missed_call", "history"):
            return not live
        if action in ("missed_call_live", "history_live"):
            return live
        if action in ("end_call", "prefix", "cycle_kind", "cycle_panels", "to_log"):
            return live
        return True

    # ----- typing --------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        if not isinstance(event.input, NoteInput) or not event.input.is_attached:
            return
        event.stop()
        self._keep_draft(event.input.value)  # the current value: a late event never undoes a restore
        self._show_kind()

    def on_note_input_line_entered(self, message: NoteInput.LineEntered) -> None:
        message.stop()
        self._save_line(message.text)

    def on_note_input_prefix_only(self, message: NoteInput.PrefixOnly) -> None:
        message.stop()
        self._show_hint(_("Nothing to save yet: type the line after the prefix."))

    def _commit_input(self) -> Note | None:
        """The unsent note line becomes a note (ending a call never drops it)."""
        note_input = self.query_one(NoteInput)
        note = self._save_line(note_input.value) if parse_note_prefix(note_input.value)[1] else None
        note_input.value = ""
        return note

    def _save_line(self, text: str) -> Note | None:
        """Make one typed line a durable note now, then forget the draft it came from."""
        record = self.record
        if record is None:
            return None
        kind = None if self._kind is NoteKind.PLAIN else self._kind
        note = new_note(self.repo.new_id(), record, text, self.workbook.clock(), kind=kind)
        durable = self.repo.save_note(record, note)
        self.notes.append(note)
        self._kind = NoteKind.PLAIN
        self._keep_draft(self.query_one(NoteInput).value)  # empty, or the next line's first keys
        self.query_one(CallLog).show_notes(self.notes)
        self._show_status()
        self._show_kind()
        if durable:
            self._show_hint(Content.styled(tr("Saved {offset}", offset=_offset(note)), "$text-success"), seconds=2.0)
        else:
            self._show_hint(_("Kept in memory: the disk refused it. It is retried every second."), style="bold $text-warning")
        return note

    # ----- two-stroke keys -----------------------------------------------------------------

    def action_prefix(self, which: str) -> None:
        self._prefix = which
        guide = {
            "check": _("Checklist: press 1–6 to tick or untick. Any other key types as usual."),
            "flag": _("Red flag: press 1–8 to mark or unmark, 0 if you agreed to this time. Any other key types as usual."),
            "identity": _("Who is calling: press 1–6 for a detail, 7 for the number, 8 for the kind, Enter for all."),
        }[which]
        self._show_hint(Content.styled(guide, "bold $text-primary"))
        self._apply_view()

    def take_key(self, event: events.Key) -> bool:
        """Keys the note line (or the log) offers first; True when used here.

        They come in the order they were typed, even when a slow link delivers
        "Ctrl+T 1 Ctrl+R 2" in one burst; bindings would act only after the keys
        have bubbled up, when the digits might already be typed into the note.
        """
        if self._prefix is not None and self._take_prefix_key(event):
            return True
        if self.record is None:
            return False
        which = PREFIX_KEYS.get(event.key)
        if which is not None:
            self.action_prefix(which)
            return True
        if event.key == "ctrl+o":  # in order too: "Ctrl+O, a line, Enter" in one burst files that line
            self.action_cycle_kind()
            return True
        return False

    def _take_prefix_key(self, event: events.Key) -> bool:
        """The key after Ctrl+T/R/Y. True when it was used; otherwise it goes on as typing."""
        if self._prefix is None:
            return False
        which, self._prefix = self._prefix, None
        self._apply_view()
        digit = event.character if event.character and event.character.isdigit() else None
        used = False
        if which == "check" and digit and 1 <= int(digit) <= len(CHECKLIST):
            self._toggle_check(CHECKLIST[int(digit) - 1].key)
            used = True
        elif which == "flag" and digit == CONSENT_DIGIT:
            self._toggle_consent()
            used = True
        elif which == "flag" and digit and 1 <= int(digit) <= len(MANUAL_FLAGS):
            self._toggle_flag(MANUAL_FLAGS[int(digit) - 1].key)
            used = True
        elif which == "identity" and (event.key == "enter" or (digit and 1 <= int(digit) <= len(IDENTITY_FIELDS) + 2)):
            self._edit_identity(int(digit) - 1 if digit else 0)
            used = True
        elif event.key == "escape":
            used = True
        if not used or event.key == "escape":
            self._show_hint()
        return used

    def _change(self, edit: Any) -> CallRecord | None:
        if self.record is None:
            return None
        changed = self.repo.change(self.record.id, edit)
        if changed is not None:
            self.record = changed
            self._show()
        return changed

    def _toggle_check(self, key: str) -> None:
        changed = self._change(lambda record: record.toggled_check(key))
        if changed is not None:
            label = _(next(item.label for item in CHECKLIST if item.key == key))
            done = key in changed.checklist
            self._show_hint(Content.styled(("✔ " if done else "· ") + label, "bold $text-success" if done else "bold"))

    def _toggle_flag(self, key: str) -> None:
        changed = self._change(lambda record: record.toggled_flag(key))
        if changed is not None:
            if key in changed.manual_flags:
                self._show_hint(Content.styled("⚑" + flag_rule_text(key, with_source=False), "bold $text-error"))
            else:
                label = _(next(flag.label for flag in RED_FLAGS if flag.key == key))
                self._show_hint(tr("Unmarked: {flag}", flag=label))

    def _toggle_consent(self) -> None:
        changed = self._change(lambda record: replace(record, consented=not record.consented))
        if changed is not None:
            self._show_hint(
                _("Noted: you agreed to be contacted at this time.")
                if changed.consented
                else _("Noted: you did not agree to this time.")
            )

    def _edit_identity(self, row: int) -> None:
        from jiebei_tui.ui.calls.dialogs.identity import CallIdentityScreen

        if self.record is not None:
            self.app.push_screen(CallIdentityScreen(self.record.id, row), lambda _result: self.refresh_data())

    # ----- other actions -------------------------------------------------------------------

    def action_start_call(self) -> None:
        self.start_call()

    def action_end_call(self) -> None:
        from jiebei_tui.ui.calls.summary import CallSummaryScreen

        if self.record is None:
            return
        ended = self._finish(self.record)
        self._show()
        self.app.push_screen(CallSummaryScreen(ended.id))

    def action_cycle_kind(self) -> None:
        log = self.query_one(CallLog)
        if log.has_focus and log.highlighted_option is not None and self.record is not None:
            note = next((n for n in self.notes if n.id == log.highlighted_option.id), None)
            if note is not None:
                changed = change_kind(note, next_note_kind(note.kind))
                self._replace_note(changed)
                self._show_hint(tr("Line filed as: {kind}", kind=kind_label(changed.kind)))
            return
        self._kind = next_note_kind(self._kind)
        self._keep_draft(self.query_one(NoteInput).value)
        self._show_kind()
        self._show_hint(Content.styled(tr("Next line: {kind}", kind=kind_label(self._kind)), KIND_STYLES[self._kind] or "bold"))

    def action_cycle_panels(self) -> None:
        if self.size.width >= WIDE:
            self._wide_view = PANELS_WIDE[(PANELS_WIDE.index(self._wide_view) + 1) % len(PANELS_WIDE)]
        else:
            self._narrow_view = PANELS_NARROW[(PANELS_NARROW.index(self._narrow_view) + 1) % len(PANELS_NARROW)]
        self._apply_view()

    def show_prep(self) -> None:
        """The prep checklist in view (the self-check verdict sends people here)."""
        if self.record is None:
            self.query_one("#call-idle", VerticalScroll).scroll_home(animate=False)
            return
        self._narrow_view, self._wide_view = "prep", "prep"
        self._apply_view()

    def action_to_log(self) -> None:
        self.query_one(CallLog).focus_last()

    def on_key(self, event: events.Key) -> None:
        """A key nothing took: typed before the note line had the focus (say, in the first half second
        after `jiebei-tui call`). It belongs in the note line, never on the floor."""
        if self.record is None or not self.composed:
            return
        note_input = self.query_one(NoteInput)
        if event.is_printable and event.character:
            event.stop()
            self.set_focus(note_input)
            note_input.insert_text_at_cursor(event.character)
        elif event.key in ("enter", "ctrl+j") and note_input.value.strip():
            event.stop()
            self.set_focus(note_input)
            note_input.take_line()

    def on_call_log_back_to_input(self, message: CallLog.BackToInput) -> None:
        note_input = self.query_one(NoteInput)
        note_input.focus()
        if message.character:
            note_input.insert_text_at_cursor(message.character)

    def on_option_list_option_selected(self, event: CallLog.OptionSelected) -> None:
        from jiebei_tui.ui.calls.dialogs.correct import CorrectionScreen

        if not isinstance(event.option_list, CallLog) or self.record is None:
            return
        event.stop()
        note = next((n for n in self.notes if n.id == event.option.id), None)
        if note is None:
            return

        def corrected(result: tuple[str, NoteKind] | None) -> None:
            if result is None or self.record is None:
                self._focus_input()
                return
            text, kind = result
            changed = note
            if text.strip() and text.strip() != note.current_text:
                changed = correct(changed, text, self.workbook.clock())
            if kind is not changed.kind:
                changed = change_kind(changed, kind)
            if changed is not note:
                self._replace_note(changed)
                self._show_hint(_("Corrected. The original is kept."))
            self._focus_input()

        self.app.push_screen(CorrectionScreen(note), corrected)

    def _replace_note(self, note: Note) -> None:
        if self.record is None:
            return
        self.repo.save_note(self.record, note)
        self.notes = [note if existing.id == note.id else existing for existing in self.notes]
        self.query_one(CallLog).show_notes(self.notes)

    def action_missed_call(self) -> None:
        from jiebei_tui.ui.calls.dialogs.missed import MissedCallScreen

        self.app.push_screen(MissedCallScreen(), lambda _result: self.refresh_data())

    def action_missed_call_live(self) -> None:
        self.action_missed_call()

    def action_history_live(self) -> None:
        self.action_history()

    def action_history(self) -> None:
        from jiebei_tui.ui.calls.history import CallHistoryScreen

        self.stash_drafts()
        self.app.push_screen(CallHistoryScreen())


def _kind_or_none(value: object) -> NoteKind | None:
    try:
        kind = NoteKind(str(value))
    except ValueError:
        return None
    return None if kind is NoteKind.PLAIN else kind


def _offset(note: Note) -> str:
    return format_offset(note.offset_seconds)
