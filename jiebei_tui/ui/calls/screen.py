"""The Calls area: a live note recorder for collection calls, with identity, checklist and red flags.

Made for a phone at the ear: ``jiebei-tui call`` (or Ctrl+N anywhere) starts a
record at once, the note line keeps the focus for the whole call, and every
other action is one key, or a Ctrl key and a digit (``strokes.py``). The call
itself lives in the :class:`~jiebei_tui.services.CallSession`, which saves
every line on Enter and keeps the unsent line as a draft. This module says
what the keys do; ``view.py`` draws the state.
"""

from __future__ import annotations

from functools import partial

from textual import events
from textual.content import Content
from textual.widgets import Input

from jiebei_tui.domain.calls import CallRecord, Note, NoteKind, format_offset, looks_accidental
from jiebei_tui.i18n import N_, _, tr
from jiebei_tui.services import corrected
from jiebei_tui.ui.calls import NEW_CALL, NEW_CALL_TIP
from jiebei_tui.ui.calls.strokes import Choice, apply_choice, first_stroke, second_stroke
from jiebei_tui.ui.calls.view import PANELS_NARROW, PANELS_WIDE, WIDE, CallView
from jiebei_tui.ui.calls.widgets.hint import HintLine
from jiebei_tui.ui.calls.widgets.idle import IdlePage
from jiebei_tui.ui.calls.widgets.log import CallLog, NoteInput
from jiebei_tui.ui.calls.widgets.panels import flag_rule_text
from jiebei_tui.ui.common.keys import bind, key_label, keys_for
from jiebei_tui.ui.common.redraw import after_first_frame

MISSED_CALL = N_("Missed call")
MISSED_CALL_TIP = N_("Log a missed call: number, time")
HISTORY = N_("History")
HISTORY_TIP = N_("Every call, with search and export")


class CallsScreen(CallView):
    BINDINGS = [
        bind("done", "end_call", N_("End call"), id="calls.end", tooltip=N_("End the call and edit its summary")),
        bind("confirm", "start_call", NEW_CALL, id="calls.start", keys="enter", tooltip=NEW_CALL_TIP),
        # The note line and the log hand these to take_key themselves, in key order.
        bind("checklist", "prefix('check')", N_("Checklist: then a number"), id="calls.checklist", show=False),
        bind("red_flag", "prefix('flag')", N_("Red flag: then a number"), id="calls.flag", show=False),
        bind("identity", "prefix('identity')", N_("Who is calling: then a number"), id="calls.identity", show=False),
        bind("save", "save_line", N_("Save the line (as Enter does)"), id="calls.save", show=False),
        bind("view", "cycle_panels", N_("Panels"), id="calls.panels", tooltip=N_("Show the panels in turn")),
        bind("move", "to_log", N_("Correct an earlier line"), id="calls.correct", keys="up", show=False),
        # The note line hands Esc to take_key too; this names it in Help.
        bind("close", "hide_coach", N_("Hide the coach's suggestion"), id="calls.coach.hide", keys="escape", show=False),
        # Shown in the footer only between calls (during one, the hint line under the note says the keys).
        bind("add", "missed_call", MISSED_CALL, id="calls.missed", tooltip=MISSED_CALL_TIP),
        bind("add", "missed_call_live", MISSED_CALL, id="calls.missed.live", show=False),
        bind("history", "history", HISTORY, id="calls.history", tooltip=HISTORY_TIP),
        bind("history", "history_live", HISTORY, id="calls.history.live", show=False),
    ]

    def on_mount(self) -> None:
        # A timer's callback runs in the timer's own task; call_later brings it into this screen's message
        # loop, where it cannot run while a language switch has the widgets half rebuilt.
        self.set_interval(1.0, partial(self.call_later, self._show_status))
        opening = self.session.open()
        if opening.closed is not None:
            self.notify(
                tr(
                    "The call of {time} was left open; it was ended and kept in History ({key}).",
                    time=self.services.local(opening.closed.started_at).strftime("%m-%d %H:%M"),
                    key=key_label("history"),
                ),
                timeout=8,
            )
        if opening.resumed is not None:
            notice = tr("Continuing the call that started at {time}.", time=self.services.local(opening.resumed.started_at).strftime("%H:%M"))
            self._show_session(notice)
            self.call_after_refresh(self._reopen_correction)
            self.warm_up_coach()
        elif self.workbook.start_area == self.AREA:  # `jiebei-tui call`
            self.start_call()
        else:
            self._show_session()
        self.set_class(self.live, "-live")  # set ahead for `jiebei-tui call` (CallView.__init__)
        # After the session's own after-frame work (its prep figures wait for the panels, and fill draws them once).
        after_first_frame(self, self.fill_panels)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        live = self.record is not None
        if action == "start_call":
            return not live
        if action in ("missed_call", "history"):
            return not live
        if action == "hide_coach":
            return self.coached is not None
        if action in ("missed_call_live", "history_live", "end_call", "prefix", "save_line", "cycle_panels", "to_log"):
            return live
        return True

    # ----- typing --------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        if isinstance(event.input, NoteInput):
            event.stop()
            self._show_kind(event.value)  # no query for the input: the event carries its text

    def on_note_input_line_saved(self, message: NoteInput.LineSaved) -> None:
        message.stop()
        self.notes = tuple(self.session.notes)
        self._show_kind()
        self._coach(message.saved.note)
        if message.saved.durable:
            saved = tr("Saved {offset}", offset=format_offset(message.saved.note.offset_seconds))
            self.query_one(HintLine).say(Content.styled(saved, "$text-success"), seconds=2.0)
        else:
            self.query_one(HintLine).say(
                _("Kept in memory: the disk refused it. It is retried every second."), style="bold $text-warning"
            )

    def _coach(self, note: Note) -> None:
        """The coach reads the line just committed (never a keystroke); the last suggestion goes with it."""
        suggestions = self.session.suggestions(note) if self.coach_on else ()
        self.coached = (note, suggestions) if suggestions else None

    def on_note_input_prefix_only(self, message: NoteInput.PrefixOnly) -> None:
        message.stop()
        self.query_one(HintLine).say(_("Nothing to save yet: type the line after the prefix."))

    def key_stays_here(self, event: events.Key) -> bool | None:
        """For ui/shell/keyhold.py: True for a stroke that ticks or flags (the note line hands it to ``take_key``
        in typing order, nothing opens), False for Ctrl+F and the key after it (it may open the identity
        dialog, which the keys behind it are for), None when the App's general rule decides."""
        if self.prefix is not None:
            return self.prefix != "identity"
        first = first_stroke(event.key)
        return None if first is None else first.name != "identity"

    def take_key(self, event: events.Key) -> bool:
        """Keys the note line (or the log) offers first, in the order they were typed; True when used here."""
        if self.prefix is not None:
            return self._second_stroke(event)
        if self.record is None:
            return False
        first = first_stroke(event.key)
        if first is not None:
            self.prefix = first.name
            return True
        if event.key == "escape" and self.coached is not None:
            self.coached = None
            return True
        if event.key in keys_for("save").split(","):
            self.query_one(NoteInput).take_line()
            return True
        if event.key == "up" and isinstance(self.focused, NoteInput):
            self.action_to_log()  # at once: the keys right behind it (↑ Enter) belong to the log
            return True
        return False

    def _second_stroke(self, event: events.Key) -> bool:
        """The key after Ctrl+T/R/F: True when it picked something; otherwise it goes on as typing."""
        name, self.prefix = self.prefix, None
        assert name is not None
        choice = second_stroke(name, event.key, event.character, coaching=self.coached is not None)
        if choice is not None:
            self._choose(choice)
            return True
        self.query_one(HintLine).clear()
        return event.key == "escape"  # Esc only cancels the first stroke

    def _choose(self, choice: Choice) -> None:
        if choice.what.startswith("coach_"):
            self._act_on_suggestion(keep=choice.what == "coach_keep")
            return
        if choice.what == "identity":
            self._edit_identity(choice.index)
            return
        said = apply_choice(self.session, choice)
        if said is not None:
            self.query_one(HintLine).say(said)
        self.record = self.session.record

    def _act_on_suggestion(self, *, keep: bool) -> None:
        """The user's key on the suggestion on show: keep it unmarked, or mark its flag (or add its follow-up)."""
        if self.coached is None:
            return
        note, suggestions = self.coached
        suggestion = suggestions[0]
        self.coached = None
        hint = self.query_one(HintLine)
        if keep:
            if self.session.keep_suggestion(note, suggestion) is not None:
                hint.say(tr("Kept in the record: {situation} (suggested, not marked).", situation=_(suggestion.situation.label)))
            return
        flag_key = suggestion.coaching.flag_key
        if flag_key is None:
            # Without its full stop: summaries list follow-ups inside a sentence of their own.
            saved = self.session.add_follow_up(_(suggestion.coaching.follow_up).rstrip("。.").strip())
            if saved is not None:
                self.notes = tuple(self.session.notes)
                hint.say(tr("Added to follow up: {line}", line=saved.note.current_text))
            return
        if self.session.mark_suggested(suggestion.situation) is not None:
            self.record = self.session.record
            hint.say(Content.styled("⚑" + flag_rule_text(flag_key, with_source=False), "bold $text-error"))

    def _edit_identity(self, row: int) -> None:
        from jiebei_tui.ui.calls.dialogs.identity import CallIdentityScreen

        if self.record is not None:
            self.app.push_screen(CallIdentityScreen(self.record.id, row), lambda _result: self._after_dialog())

    def _after_dialog(self) -> None:
        self.session.reload()
        self._show_session()

    def on_key(self, event: events.Key) -> None:
        """A key nothing took: typed before the note line had the focus (say, in the first half second
        after `jiebei-tui call`). It belongs in the note line, never on the floor. Keys from a focused
        widget (Enter in the log) go on to its bindings."""
        if self.record is None or self.focused is not None:
            return
        if self.prefix is not None and self._second_stroke(event):
            event.stop()
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
        self.set_focus(note_input)
        if message.character:
            note_input.insert_text_at_cursor(message.character)

    def on_option_list_option_selected(self, event: CallLog.OptionSelected) -> None:
        if not isinstance(event.option_list, CallLog) or self.record is None:
            return
        event.stop()
        note = self.session.note(event.option.id)
        if note is not None:
            self._correct(note)

    def _reopen_correction(self) -> None:
        """A correction being typed when the session was cut off: its dialog again, with the text."""
        from jiebei_tui.ui.calls.dialogs.correct import correction_draft_key

        for note in self.session.notes:
            draft = self.services.drafts.get(correction_draft_key(note.id))
            if isinstance(draft, dict):
                self._correct(note, draft)
                return

    def _correct(self, note: Note, draft: dict[str, object] | None = None) -> None:
        from jiebei_tui.ui.calls.dialogs.correct import CorrectionScreen

        def done(result: tuple[str, NoteKind] | None) -> None:
            if result is not None and self.record is not None:
                changed = corrected(note, *result, self.services.clock())
                if changed is not note:
                    self.session.replace_note(changed)
                    self.notes = tuple(self.session.notes)
                    self.query_one(HintLine).say(_("Corrected. The original is kept."))
            self._focus_input(from_log=True)

        self.app.push_screen(CorrectionScreen(note, draft), done)

    # ----- actions -------------------------------------------------------------------------

    def start_call(self) -> None:
        """A new record now (the session saves it before anything else); a call in progress is ended first."""
        previous = self.session.start()
        if previous is not None:
            self.notify(
                tr("The previous call was ended and saved; its summary is in History ({key}).", key=key_label("history")),
                timeout=6,
            )
        self._show_session(self.night_notice(), new_call=True)
        self.warm_up_coach()

    def warm_up_coach(self) -> None:
        """Compile the coach's patterns a moment after a call starts, so the first Enter does not pay it."""
        if self.coach_on:
            self.set_timer(1.0, self.session.warm_up_coach)

    def action_start_call(self) -> None:
        self.start_call()

    def action_end_call(self) -> None:
        """End the call; then its summary, or first the question whether an empty minute was a mistake."""
        from jiebei_tui.ui.calls.dialogs.empty import EmptyCallScreen

        ended = self.session.finish()
        if ended is None:
            return
        self._show_session()
        if looks_accidental(ended, self.services.calls.notes(ended)):
            self.app.push_screen(EmptyCallScreen(ended), lambda discard: self._after_empty_question(ended, bool(discard)))
        else:
            self._summarize(ended)

    def _after_empty_question(self, record: CallRecord, discard: bool) -> None:
        if not discard:
            self._summarize(record)
            return
        self.services.calls.delete(record)
        self.notify(_("The empty call was discarded."), timeout=4)
        self.refresh_data()
        self.workbook.ask_zone_if_due()

    def _summarize(self, record: CallRecord) -> None:
        """The summary; after it, the time-zone question if it is still due (never during a call)."""
        from jiebei_tui.ui.calls.summary import CallSummaryScreen

        self.app.push_screen(CallSummaryScreen(record.id), lambda _result: self.workbook.ask_zone_if_due())

    def action_hide_coach(self) -> None:
        self.coached = None

    def action_prefix(self, which: str) -> None:
        self.prefix = which

    def action_save_line(self) -> None:
        self.query_one(NoteInput).take_line()

    def action_cycle_panels(self) -> None:
        skip = set() if self.has_script else {"script"}  # only a call started from a plan has a script
        if self.size.width >= WIDE:
            order = [view for view in PANELS_WIDE if view not in skip]
            self.wide_view = order[(order.index(self.wide_view) + 1) % len(order)]
        else:
            order = [view for view in PANELS_NARROW if view not in skip]
            self.narrow_view = order[(order.index(self.narrow_view) + 1) % len(order)]

    def show_plan_script(self) -> None:
        """A call started from a plan: its script in view beside (or above) the note line."""
        if self.show_script():
            self.narrow_view = self.wide_view = "script"

    def show_prep(self) -> None:
        """The prep checklist in view (the self-check verdict sends people here)."""
        if self.record is None:
            self.query_one(IdlePage).scroll_home(animate=False)
            return
        self.narrow_view = self.wide_view = "prep"

    def action_to_log(self) -> None:
        self.notes = tuple(self.session.notes)  # a line saved a moment ago may not have been shown yet
        self.query_one(CallLog).focus_last()

    def action_missed_call(self) -> None:
        from jiebei_tui.ui.calls.dialogs.missed import MissedCallScreen

        self.app.push_screen(MissedCallScreen(), lambda _result: self.refresh_data())

    def action_missed_call_live(self) -> None:
        self.action_missed_call()

    def action_history(self) -> None:
        from jiebei_tui.ui.calls.history import CallHistoryScreen

        self.app.push_screen(CallHistoryScreen())

    def action_history_live(self) -> None:
        self.action_history()
