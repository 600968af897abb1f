"""The self-check form: your numbers, each with its message beside it, kept as a draft while you type.

Everything typed goes into the draft at once (the App writes drafts to disk
every second and on quit or SIGHUP), so a half-done self-check survives a
dropped SSH connection. The screen in ``screen.py`` adds the result, the
views and what the keys do.
"""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from functools import partial
from typing import Any

from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.reactive import var
from textual.widget import Widget
from textual.widgets import Button, Input, Select, Static

from jiebei_tui.domain.selfcheck import (
    DRAFT_KEY,
    ENTRY_SECTIONS,
    Assessment,
    Checked,
    DebtKind,
    FieldPath,
    add_entry,
    assess,
    check_field,
    check_form,
    clone,
    field_id,
    form_from_input,
    new_form,
    normalize_form,
    preview,
)
from jiebei_tui.i18n import _, tr
from jiebei_tui.ui.common.keys import key_label
from jiebei_tui.ui.common.redraw import after_first_frame
from jiebei_tui.ui.selfcheck.explain import SELFCHECK_CSS
from jiebei_tui.ui.selfcheck.widgets.field import DebtCard, FieldInput, FieldRow, SectionTitle, entry_row
from jiebei_tui.ui.selfcheck.widgets.follows import FormFollows
from jiebei_tui.ui.selfcheck.widgets.parts import rest_of_form
from jiebei_tui.ui.selfcheck.widgets.results import SelfCheckResults
from jiebei_tui.ui.shell.base import AreaScreen

WIDE_AT = 120  # form and result side by side from here
ROOMY_AT = 170  # and wider labels and inputs from here
FIRST_ROWS = 3  # rows of the first debt card in the first frame (what 80x24 shows under the intro)


class SelfCheckForm(AreaScreen):
    """The Self-check area's form; :class:`~jiebei_tui.ui.selfcheck.screen.SelfCheckScreen` is the screen."""
    AREA = "selfcheck"
    CSS_PATH = SELFCHECK_CSS
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE_AT, "-wide"), (ROOMY_AT, "-roomy")]

    showing_results: var[bool] = var(False, init=False, toggle_class="-results")  # below 120 columns

    def __init__(self) -> None:
        super().__init__()
        self._form: dict[str, Any] | None = None
        self._origin = "new"  # "draft", "snapshot" or "new": what the form was filled from
        self._origin_date: date | None = None
        self._assessment: Assessment | None = None
        self._taken_at: datetime | None = None
        self._dirty = False
        self._show_all = False  # after a save attempt, every problem shows at once
        self._confirm_remove: str | None = None
        self._last_field: str | None = None
        self.built = False  # the whole form is mounted (see compose_body)
        self._progress = asyncio.Event()  # set (and replaced) each time another part is mounted
        self._start_focus: Widget | None = None  # where _focus_start put the focus before the form was whole
        self._composed = 0  # how many times the form was composed (a language switch composes it again)

    # ----- building --------------------------------------------------------------------------

    @property
    def form(self) -> dict[str, Any]:
        if self._form is None:
            self._load()
        assert self._form is not None
        return self._form

    def _today(self) -> date:
        return self.services.clock().date()

    def _load(self) -> None:
        """The draft if there is one, else the latest self-check, else an empty form."""
        latest = self.services.selfchecks.latest()
        if latest is not None:
            self._assessment = assess(latest.input, latest.day)
            self._taken_at = latest.taken_at
        draft = normalize_form(self.services.drafts.get(DRAFT_KEY))
        if draft is not None:
            self._form, self._origin = draft, "draft"
        elif latest is not None:
            self._form, self._origin, self._origin_date = form_from_input(latest.input), "snapshot", latest.day
        else:
            self._form, self._origin = new_form(), "new"

    def compose_body(self) -> ComposeResult:
        """The top of the form only: intro, status and the first rows of the first debt.

        That is what the first frame shows; ``_build_rest`` mounts the rest in
        steps right after it (mounting ~200 widgets at once took a second or
        more on 2 cores, with nothing on screen meanwhile). ``FormFollows``
        marks the end of what is built and holds keys that get there early.
        """
        form = self.form
        self.built = False
        # A new event: the last build's is set, and form_ready would spin on it. Those waiting on it (a build
        # cancelled by this compose) wake and wait on the new one.
        self._progress.set()
        self._progress = asyncio.Event()
        self._composed += 1
        with Horizontal(id="sc-columns"):
            with VerticalScroll(id="sc-form"):
                yield Static(
                    tr(
                        "Take your time. Copy the numbers from your loan pages and bills; leave empty what you "
                        "don't know. Tab or Enter moves on, {save} saves and shows your result. What you type "
                        "is kept, even if you stop halfway.",
                        save=key_label("save"),
                    ),
                    id="sc-intro",
                )
                yield Static("", id="sc-status")
                yield SectionTitle(
                    _("Your debts"),
                    _("Jiebei first, then Huabei, credit cards, other online loans, family and friends."),
                )
                with Vertical(id="sc-debts"):
                    if form["debts"]:
                        yield DebtCard(form["debts"][0], 1, first=FIRST_ROWS)
                yield FormFollows(id="sc-follows")
            yield VerticalScroll(id="sc-side")

    @work(exclusive=True, group="selfcheck-form")
    async def _build_rest(self) -> None:
        """Mount the rest of the form a step at a time; the screen draws and takes keys in between."""
        follows = self.query_one(FormFollows)
        cards = list(self.query(DebtCard))
        if cards:
            await self._built_part(await cards[0].mount_rest())
        for part in rest_of_form(self.form, SelfCheckResults(self._assessment, self._taken_at, id="sc-results")):
            first = part[0]
            if isinstance(first, SelfCheckResults):
                await self.query_one("#sc-side").mount_all(part)
            elif isinstance(first, DebtCard):
                await self.query_one("#sc-debts").mount_all(part)
            else:
                await self.query_one("#sc-form").mount_all(part, before=follows)
            await self._built_part(part)
            await asyncio.sleep(0)
        self.built = True
        follows.display = False
        self._progress.set()
        if self._start_focus is not None and self.focused is self._start_focus:
            self._focus_start()  # nobody moved on yet: now the field (or result) it meant is there

    async def _built_part(self, part: list[Widget]) -> None:
        """A part is mounted: its messages shown; the focus moves into it if it was waiting at the end."""
        checked = check_form(self.form, self._today()) if self._show_all else None
        for widget in part:
            rows = [widget] if isinstance(widget, FieldRow) else list(widget.query(FieldRow))
            for row in rows:
                self._update_row(row, checked)
        if isinstance(self.focused, FormFollows):
            # In DOM order: the focus chain sorts by position on screen, unknown until the part is laid out.
            in_part = (w for p in part for w in p.walk_children(with_self=True) if isinstance(w, Widget))
            target = next((w for w in in_part if w.focusable), None)
            if target is not None:
                self.set_focus(target)
        progress, self._progress = self._progress, asyncio.Event()
        progress.set()

    async def more_built(self) -> None:
        """Return when the next part is mounted (at once when the whole form is)."""
        if not self.built:
            await self._progress.wait()

    async def form_ready(self) -> None:
        """Return when the whole form is mounted (actions that use all of it wait for this)."""
        while not self.built:
            await self._progress.wait()

    async def recompose(self) -> None:
        self.workers.cancel_group(self, "selfcheck-form")  # never mount into widgets being replaced
        await super().recompose()

    def on_mount(self) -> None:
        # AreaScreen.on_mount (title, banner, refresh_data) runs too: Textual calls each class's handler.
        self._refresh_messages()
        self._focus_start()
        # Focusing scrolls to the field; keep the intro and the status line in view at the start.
        self.call_after_refresh(self.query_one("#sc-form").scroll_home, animate=False)
        # Not call_after_refresh: that ran during the switch's batch, before any frame.
        after_first_frame(self, partial(self._build_rest_of, self._composed))

    def after_recompose(self) -> None:
        super().after_recompose()  # title, banner, refresh_data
        self._refresh_messages()
        self._focus_start()
        self.call_after_refresh(partial(self._build_rest_of, self._composed))

    def _build_rest_of(self, composed: int) -> None:
        """The rest of the form composed ``composed``-th, unless it was composed again meanwhile (a language switch
        before the first frame) or is whole already."""
        if composed == self._composed and not self.built:
            self._build_rest()

    def _focus_start(self) -> None:
        if self.showing_results and self._assessment is not None and self.built:
            self.set_focus(self.query_one("#sc-next"))
            return
        target = self._find(f"#{self._last_field}") if self._last_field else None
        if target is None:
            target = self.query(Select).first() if self.query(Select) else self.query(FieldInput).first()
        self.set_focus(target)
        # Still building: the field last used, or the result, may be in a part not mounted yet.
        self._start_focus = None if self.built else target

    def _find(self, selector: str) -> Widget | None:
        try:
            return self.query_one(selector)
        except NoMatches:
            return None

    # ----- data ------------------------------------------------------------------------------

    def refresh_data(self) -> None:
        saved = self.services.selfchecks.count()  # shown on every visit: count them, do not read them all
        parts = []
        if self._origin == "draft":
            parts.append(_("Restored what you typed before; nothing was lost."))
        elif self._origin == "snapshot" and self._origin_date is not None:
            parts.append(
                tr(
                    "Filled in from your self-check of {date}: change what has changed, then press {key}.",
                    date=self._origin_date.isoformat(),
                    key=key_label("save"),
                )
            )
        if self._assessment is not None:
            parts.append(tr("{key} shows your result.", key=key_label("view")))
        if saved:
            parts.append(tr("Saved self-checks: {count} ({key} shows them).", count=saved, key=key_label("history")))
        status = self.query_one("#sc-status", Static)
        status.update("\n".join(parts))
        status.display = bool(parts)

    def stash_drafts(self) -> None:
        """Called by the App before it writes drafts (quit, SIGHUP): hand over the live form."""
        if self._dirty and self._form is not None:
            self.services.drafts.set(DRAFT_KEY, clone(self._form))

    def _changed(self) -> None:
        self._dirty = True
        self.services.drafts.set(DRAFT_KEY, clone(self.form))

    def _record(self, path: FieldPath, value: str) -> bool:
        """Put a field's text into the form; False when it was already there (e.g. on mount)."""
        section, uid, key = path
        if section == "essentials":
            target: dict[str, Any] | None = self.form["essentials"]
            key = uid
        else:
            target = next((item for item in self.form[section] if item.get("uid") == uid), None)
        if target is None or target.get(key) == value:
            return False
        target[key] = value
        return True

    def _debt(self, uid: str) -> dict[str, Any] | None:
        return next((debt for debt in self.form["debts"] if debt.get("uid") == uid), None)

    # ----- messages beside the fields ----------------------------------------------------------

    def _refresh_messages(self) -> None:
        checked = check_form(self.form, self._today()) if self._show_all else None
        for row in self.query(FieldRow):
            self._update_row(row, checked)

    def _update_row(self, row: FieldRow, checked: Checked | None = None, *, quiet: bool = False) -> None:
        """``quiet``: while typing, say what was understood but keep new problems until the field is left."""
        today = self._today()
        value, problem = check_field(row.field.kind, row.field.value, today)
        if problem is None and checked is not None:
            problem = checked.problems.get(row.field.path)
        if problem is not None and quiet and not row.field.has_class("-problem"):
            row.show(None)
            return
        row.show(problem, None if value is None else preview(row.field.kind, value, today))

    def _row_of(self, field: Input) -> FieldRow | None:
        parent = field.parent
        return parent if isinstance(parent, FieldRow) and parent.field is field else None

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        field = event.input
        if not isinstance(field, FieldInput):
            return
        if not self._record(field.path, event.value):
            return
        self._changed()
        section, uid, key = field.path
        if section == "debts" and key == "name":
            card = self._find(f"#sc-debt-{uid}")
            if isinstance(card, DebtCard):
                card.renumber(card.number)
        if self._show_all:
            self._refresh_messages()
            return
        row = self._row_of(field)
        if row is not None:
            self._update_row(row, quiet=True)

    @on(Input.Blurred)
    def _input_left(self, event: Input.Blurred) -> None:
        row = self._row_of(event.input) if isinstance(event.input, FieldInput) else None
        if row is not None:
            self._update_row(row, check_form(self.form, self._today()) if self._show_all else None)

    @on(Input.Submitted)
    def _input_submitted(self, event: Input.Submitted) -> None:
        if isinstance(event.input, FieldInput):
            event.stop()
            self.focus_next()

    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        widget_id = event.select.id or ""
        parts = widget_id.split("-")
        if len(parts) != 4 or parts[1] != "debts" or not isinstance(event.value, str):
            return
        uid, key = parts[2], parts[3]
        debt = self._debt(uid)
        if debt is None or debt.get(key) == event.value:
            return
        old_kind = debt.get("kind")
        debt[key] = event.value
        self._changed()
        if key == "kind":
            name_field = self._find(f"#{field_id(('debts', uid, 'name'))}")
            old_label = _(DebtKind(old_kind).label) if old_kind in {k.value for k in DebtKind} else ""
            if isinstance(name_field, Input) and name_field.value.strip() in ("", old_label):
                name_field.value = _(DebtKind(event.value).label)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        widget = event.widget
        if widget is not self.focused:
            return  # news of a focus that has already moved on (it bubbles up late)
        if isinstance(widget, (FieldInput, Select)) and widget.id:
            self._last_field = widget.id
        if self._confirm_remove and not (isinstance(widget, Button) and widget.id == f"sc-remove-{self._confirm_remove}"):
            self._cancel_remove()

    # ----- rows ---------------------------------------------------------------------------------

    async def _add_entry(self, section_key: str) -> None:
        section = next((s for s in ENTRY_SECTIONS if s.key == section_key), None)
        if section is None:
            return
        entry = add_entry(self.form, section.key)
        self._changed()
        row = entry_row(section.key, entry, _(section.label_placeholder))
        await self.query_one(f"#sc-list-{section.key}").mount(row)
        row.query_one(Input).focus()

    async def _remove_debt(self, uid: str, button: Button) -> None:
        if self._confirm_remove != uid:
            self._cancel_remove()
            self._confirm_remove = uid
            button.label = _("Press again to remove this debt")
            return
        self._confirm_remove = None
        self.form["debts"] = [debt for debt in self.form["debts"] if debt.get("uid") != uid]
        self._changed()
        card = self._find(f"#sc-debt-{uid}")
        if card is not None:
            await card.remove()
        for number, other in enumerate(self.query(DebtCard), start=1):
            other.renumber(number)
        self.query_one("#sc-add-debt").focus()
        self.notify(_("Debt removed."))

    def _cancel_remove(self) -> None:
        if self._confirm_remove:
            button = self._find(f"#sc-remove-{self._confirm_remove}")
            if isinstance(button, Button):
                button.label = _("Remove this debt")
        self._confirm_remove = None

