"""What the Calls area shows, drawn from its state: the call session and a few reactives.

The record, its lines, the first stroke waiting for its digit and which panels
are open are reactive; their watchers draw them, and ``_show_session`` draws
everything again after opening or ending a call, a data change or a language
switch (which rebuilds the widgets in this screen's own message loop). The
screen in ``screen.py`` adds what the keys do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import var
from textual.widgets import Static

from jiebei_tui.domain.calls import CallRecord, Note, NoteKind, automatic_flags, parse_note_prefix
from jiebei_tui.i18n import N_, _
from jiebei_tui.services import CallSession
from jiebei_tui.services.call_script import linked_plan
from jiebei_tui.ui.calls import CALLS_CSS, CALLS_DIALOGS_CSS
from jiebei_tui.ui.calls.strokes import guide, key_guide, stroke
from jiebei_tui.ui.calls.widgets.coach import CoachBand
from jiebei_tui.ui.calls.widgets.hint import HintLine
from jiebei_tui.ui.calls.widgets.idle import IdlePage
from jiebei_tui.ui.calls.widgets.log import CallLog, NoteInput
from jiebei_tui.ui.calls.widgets.panels import (
    CallStatus,
    ChecklistPanel,
    FlagsPanel,
    IdentityPanel,
    PanelStack,
    PrepPanel,
    ScriptPanel,
    flag_rule_text,
)
from jiebei_tui.ui.calls.widgets.text import kind_badge
from jiebei_tui.ui.common.redraw import after_first_frame, update_in_place
from jiebei_tui.ui.shell.base import AreaScreen

if TYPE_CHECKING:
    from jiebei_tui.domain.calls import Suggestion

WIDE = 110  # from this many columns the panels sit beside the log instead of above it
TALL = 32  # from this many rows the coach shows every rule and reply it has
PANELS = ("identity", "checklist", "flags", "prep", "script")
PANELS_NARROW = ("none", "identity", "checklist", "flags", "prep", "script")  # one at a time, above the log
# Beside the log; "script" is the plan's negotiation script when the call was started from a plan.
PANELS_WIDE = {"all": {"identity", "checklist", "flags"}, "prep": {"prep"}, "script": {"script"}, "none": set()}
PLACEHOLDER = N_("Type what is said, Enter saves it. Start with they: me: promise: ? or ! to mark the kind")


class CallView(AreaScreen):
    """The Calls area's layout and drawing; :class:`~jiebei_tui.ui.calls.screen.CallsScreen` is the screen."""

    AREA = "calls"
    CSS_PATH = CALLS_CSS
    LATER_CSS_PATHS = CALLS_DIALOGS_CSS
    LATER_MODULES = ("jiebei_tui.domain.calls.terms", *(f"jiebei_tui.ui.calls.{name}" for name in (
        "history", "summary", "dialogs.identity", "dialogs.correct", "dialogs.empty", "dialogs.missed"
    )))
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (TALL, "-tall")]
    AUTO_FOCUS = "#note-input"  # between calls it is hidden, and nothing needs the focus

    # The view: drawn by the watchers, kept across a language switch.
    record: var[CallRecord | None] = var(None, init=False, always_update=True, bindings=True)
    notes: var[tuple[Note, ...]] = var((), init=False, always_update=True)
    prefix: var[str | None] = var(None, init=False)  # a first stroke waiting for its digit
    narrow_view: var[str] = var("none", init=False)
    wide_view: var[str] = var("all", init=False)
    live: var[bool] = var(False, init=False, toggle_class="-live")
    has_script: var[bool] = var(False, init=False)
    # The coach's suggestion for the last committed line: the line and what was recognised in it.
    coached: var[tuple[Note, tuple[Suggestion, ...]] | None] = var(None, init=False)

    def __init__(self) -> None:
        super().__init__()
        self._seen_token: object = None
        self._badge: tuple[Static, NoteKind] | None = None  # the badge widget and the kind it shows
        self._script: tuple[str, str] | None = None  # the linked plan's title and script, once looked up
        if self.workbook.start_area == self.AREA:
            # `jiebei-tui call` starts (or resumes) a call as this screen mounts: its widgets are styled for a
            # call from the start, not all again when ``live`` turns on (~20 ms before the first frame).
            self.set_reactive(CallView.live, True)  # as if already set: Textual would first set it off, restyling
            self.add_class("-live", update=False)

    @property
    def session(self) -> CallSession:
        return self.services.call_session

    # ----- layout --------------------------------------------------------------------------

    def compose_body(self) -> ComposeResult:
        yield IdlePage(id="call-idle", classes="area-body")
        with Vertical(id="call-live"):
            yield CallStatus(id="call-status")
            with Horizontal(id="call-main"):
                with Vertical(id="call-left"):
                    yield CallLog(self.session.notes, id="call-log")
                    yield CoachBand(id="call-coach")
                    with Horizontal(id="note-row"):
                        yield Static(id="note-kind")
                        yield NoteInput(self.session, placeholder=_(PLACEHOLDER), id="note-input")
                    yield HintLine(key_guide(), id="call-hint")
                yield PanelStack(id="call-side")

    def after_recompose(self) -> None:
        super().after_recompose()
        self._show_session()
        self.fill_panels()

    def fill_panels(self) -> None:
        """The panels, mounted after the first frame (``PanelStack``), drawn from the call as it is then."""
        if self.query_one(PanelStack).fill():
            self._draw_panels()
            self._draw_script()
            self._show_prep_summary()

    def on_resize(self, _event: events.Resize) -> None:
        self._apply_view()
        self._show_coach()

    @property
    def coach_on(self) -> bool:
        """The coach beside the notes, unless turned off in Settings."""
        return self.services.settings.load().coach

    def on_screen_resume(self, _event: events.ScreenResume) -> None:
        # AreaScreen's and Page's handlers run too (Textual calls each class's), after this one.
        if not self.coach_on:
            self.coached = None  # turned off in Settings while a suggestion was on show
        if self.record is not None:
            self.call_after_refresh(self._focus_input)

    def refresh_data(self) -> None:
        token = self.services.store.change_token()
        if token == self._seen_token:
            return  # nothing saved anywhere since the last look (cheap: file stats only)
        was_live = self.session.live
        kept = self.session.reload()  # the call may have been changed, or ended, in another session
        self._show_session()
        if was_live and not self.session.live:
            self.notify(
                _("This call was ended in another session. The line you had not sent yet was kept as its last note.")
                if kept is not None
                else _("This call was ended in another session."),
                timeout=8,
            )

    def _show_session(self, notice: str = "", *, new_call: bool = False) -> None:
        """Everything from the session: after opening, starting, ending, a data change or a language switch."""
        session = self.session
        self._seen_token = self.services.store.change_token()
        self.notes = tuple(session.notes)
        self.record = session.record
        note_input = self.query_one(NoteInput)
        if note_input.value != session.unsent:
            note_input.value = session.unsent
            note_input.cursor_position = len(session.unsent)
        if session.record is None:
            self.coached = None
            self.query_one(IdlePage).show(self.services.selfchecks.latest_summary())
            if isinstance(self.focused, (NoteInput, CallLog)):
                self.set_focus(None)  # the call is over: Enter starts the next one
            return
        self._show_coach()
        # The prep panel is folded away during a call: its self-check figures come after the first frame.
        after_first_frame(self, self._show_prep_summary)
        if new_call:
            # A record made this instant has no plan's script (Ctrl+N from a plan links it after the start):
            # `jiebei-tui call` does not import the plans to find that out before its first frame.
            self.has_script = False
        else:
            self.show_script()
        if notice:
            self.query_one(HintLine).notice(notice)
        self.call_after_refresh(self._focus_input)

    def _show_prep_summary(self) -> None:
        if self.is_attached and self._panels_filled:
            self.query_one("#prep-panel", PrepPanel).show_summary(self.services.selfchecks.latest_summary())

    @property
    def _panels_filled(self) -> bool:
        return self.query_one(PanelStack).filled

    def show_script(self) -> bool:
        """The script of the plan this call was started from, if any (Ctrl+N on a plan); True when shown."""
        record = self.session.record
        plan = None
        if record is not None and linked_plan(self.services.drafts, record.id) is not None:
            plan = self.services.plans.script_for_call(record.id)
        self.has_script = plan is not None
        self._script = (plan.title, plan.script.text) if plan is not None else None
        self._draw_script()
        return plan is not None

    def _draw_script(self) -> None:
        if self._script is not None and self._panels_filled:
            self.query_one(ScriptPanel).show_script(*self._script)

    def night_notice(self) -> str:
        """A call started between 22:00 and 08:00 (the user's clock): the rule it meets, said once when it starts."""
        night = self._automatic(self.session.record) if self.session.record is not None else set()
        return "⚑" + " ".join(flag_rule_text(key, with_source=False) for key in sorted(night)) if night else ""

    def _automatic(self, record: CallRecord) -> set[str]:
        """Flags the times raise, judged on the user's zone; a call still going counts up to now."""
        clock = self.services.clock
        return automatic_flags(record, [], clock.zone, clock())

    def _marked_lines(self) -> int:
        """Lines started with "!": red flags in the user's own words, counted with the others."""
        return sum(note.kind is NoteKind.RED_FLAG for note in self.notes)

    # ----- watchers --------------------------------------------------------------------------

    def watch_record(self, record: CallRecord | None) -> None:
        self.live = record is not None
        self._draw_panels()
        self._show_status()
        self._show_kind()
        self._apply_view()

    def watch_notes(self, notes: tuple[Note, ...]) -> None:
        self.query_one(CallLog).show_notes(notes)
        if self.record is not None and self._panels_filled:
            self.query_one(FlagsPanel).show_record(self.record, self._automatic(self.record), self._marked_lines())
        self._show_status()

    def _draw_panels(self) -> None:
        record = self.record
        if record is not None and self._panels_filled:
            self.query_one(IdentityPanel).show_record(record)
            self.query_one(ChecklistPanel).show_record(record)
            self.query_one(FlagsPanel).show_record(record, self._automatic(record), self._marked_lines())

    def watch_prefix(self, prefix: str | None) -> None:
        if prefix is not None:
            guide_text = guide(prefix, coaching=self.coached is not None)
            self.query_one(HintLine).say(Content.styled(guide_text, "bold $text-primary"))
        self._apply_view()
        self._show_coach()

    def watch_coached(self) -> None:
        self._show_coach()

    def _show_coach(self) -> None:
        band = self.query_one(CoachBand)
        # At 80 columns the panel a first stroke opens takes the band's rows (the hint line still says its keys),
        # so the note line stays in view.
        peeking = self.prefix is not None and self.size.width < WIDE
        if self.coached is None or self.record is None or peeking:
            band.hide()
        else:
            band.show(self.coached[1], wide=self.size.height >= TALL)

    def watch_narrow_view(self) -> None:
        self._apply_view()

    def watch_wide_view(self) -> None:
        self._apply_view()

    def _show_status(self) -> None:
        record = self.record
        flags = len(record.manual_flags | self._automatic(record)) + self._marked_lines() if record is not None else 0
        self.query_one(CallStatus).show_record(record, self.services.clock(), flags, len(self.notes))

    def _show_kind(self, value: str | None = None) -> None:
        """The kind badge beside the note line; called on every keystroke, so it touches the screen only
        when the kind changes, and lays it out again only if the badge's width changes."""
        typed, _body = parse_note_prefix(self.query_one(NoteInput).value if value is None else value)
        kind = typed if typed is not NoteKind.PLAIN else self.session.kind
        shown = self._badge
        badge = shown[0] if shown is not None and shown[0].is_attached else self.query_one("#note-kind", Static)
        if shown == (badge, kind):
            return  # the usual keystroke: no query, no redraw
        self._badge = (badge, kind)
        update_in_place(badge, kind_badge(kind))
        badge.set_class(kind is not NoteKind.PLAIN, "-marked")

    def _apply_view(self) -> None:
        """Which panels show (CSS classes on the screen): beside the log when wide, above it when narrow."""
        peek = stroke(self.prefix).panel if self.prefix else None
        if self.size.width >= WIDE:
            shown = PANELS_WIDE[self.wide_view] | ({peek} if peek else set())
        else:
            view = peek or self.narrow_view
            shown = set() if view == "none" else {view}
        for name in PANELS:
            self.set_class(name in shown, f"-show-{name}")
        self.set_class(bool(shown), "-show-side")

    def _focus_input(self, *, from_log: bool = False) -> None:
        """The note line gets the focus back, but a late call never takes it from the log the user went to."""
        if self.record is not None and self.is_active and (from_log or not isinstance(self.focused, CallLog)):
            self.set_focus(self.query_one(NoteInput))

