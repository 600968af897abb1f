"""The panels beside (or, at 80 columns, above) the call log: identity, checklist, red flags, prep.

Each panel is a read-only picture of the record; the keys that change it live
on the call screen, so the note input keeps the focus the whole call. Rows are
numbered with the digit that follows the panel's key (see ``ui/calls/strokes.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from jiebei_tui.domain.calls import (
    CHECKLIST,
    IDENTITY_FIELDS,
    PREP_CHECKLIST,
    RED_FLAGS,
    CallRecord,
    RecordKind,
    format_duration,
    red_flag,
)
from jiebei_tui.domain.facts import fact
from jiebei_tui.domain.parsing.money import format_money
from jiebei_tui.domain.text_safety import sanitize
from jiebei_tui.i18n import N_, _, tr, trn
from jiebei_tui.ui.calls.widgets.text import STATUS_GLYPHS, STATUS_STYLES, status_legend
from jiebei_tui.ui.common.keys import key_label
from jiebei_tui.ui.common.redraw import update_in_place
from jiebei_tui.ui.common.text import pad, plain

if TYPE_CHECKING:
    from jiebei_tui.domain.selfcheck import Summary as SelfCheckSummary

MANUAL_FLAGS = tuple(flag for flag in RED_FLAGS if not flag.automatic)
AUTOMATIC_FLAGS = tuple(flag for flag in RED_FLAGS if flag.automatic)
CONSENT_DIGIT = "0"
NUMBER_ROW = str(len(IDENTITY_FIELDS) + 1)
KIND_ROW = str(len(IDENTITY_FIELDS) + 2)
IDENTITY_ROWS = len(IDENTITY_FIELDS) + 2  # the details, then the number and the kind
# Glyphs in aligned rows are never East-Asian "ambiguous" width (·, ○, —, •): CJK terminals may draw those two cells wide.
CHECK = "✔"
EMPTY = "◦"
NONE = "-"


class ColumnsPanel(Static):
    """A titled list of rows; two columns when every row fits its column, so 80×24 keeps room for the log.

    A label is never cut: when one row would not fit its column (English flag labels at
    80 columns), the panel shows one column, where long rows wrap. ``details`` (one per
    row) are shown after their row only in one column, where there is room for them.
    """

    MIN_COLUMN = 34

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=f"calls-panel {classes or ''}".strip())
        self._title: Content = Content("")
        self._rows: list[Content] = []
        self._details: list[Content] = []
        self._after: list[Content] = []
        self.two_columns_allowed = True

    def show(
        self,
        title: Content,
        rows: Sequence[Content],
        after: Sequence[Content] = (),
        details: Sequence[Content] = (),
    ) -> None:
        self._title, self._rows, self._after, self._details = title, list(rows), list(after), list(details)
        self._relayout()

    def on_resize(self) -> None:
        self._relayout()

    def _relayout(self) -> None:
        width = self.content_size.width or self.size.width or 40
        column_width = width // 2
        wide_enough = width >= 2 * self.MIN_COLUMN and len(self._rows) > 4
        fits = all(row.cell_length <= column_width - 1 for row in self._rows)
        if not (wide_enough and fits and self.two_columns_allowed):
            # One column: details join their rows, long rows wrap, nothing is cut.
            details = self._details + [Content("")] * (len(self._rows) - len(self._details))
            body = [Content.assemble(row, detail) for row, detail in zip(self._rows, details, strict=False)]
        else:
            half = (len(self._rows) + 1) // 2
            body = []
            for index in range(half):
                left = self._rows[index].pad_right(column_width - 1 - self._rows[index].cell_length)
                right = self._rows[index + half] if index + half < len(self._rows) else Content("")
                body.append(Content.assemble(left, " ", right))
        lines = [self._title, *body, *self._after]  # lines after the rows wrap: they are rules, not labels
        self.update(Content("\n").join(lines))


def _title(text: str, key: str) -> Content:
    return Content.assemble(Content.styled(text, "bold $text-primary"), Content.styled(f"  {key}", "$text-muted"))


def _box(done: bool) -> Content:
    return Content.styled(CHECK if done else EMPTY, "bold $text-success" if done else "$text-muted")


class ChecklistPanel(ColumnsPanel):
    def show_record(self, record: CallRecord) -> None:
        rows = [
            Content.assemble(f"{index} ", _box(item.key in record.checklist), " ", _(item.label))
            for index, item in enumerate(CHECKLIST, start=1)
        ]
        done = sum(item.key in record.checklist for item in CHECKLIST)
        self.show(_title(tr("Checklist {done}/{total}", done=done, total=len(CHECKLIST)), tr("{key}, then 1–{n}", key=key_label("checklist"), n=len(CHECKLIST))), rows)


class FlagsPanel(ColumnsPanel):
    def show_record(self, record: CallRecord, automatic: set[str], marked_lines: int = 0) -> None:
        """The flags to mark, those the times raised, and how many lines were marked with "!"."""
        rows = []
        for index, flag in enumerate(MANUAL_FLAGS, start=1):
            marked = flag.key in record.manual_flags
            mark = Content.styled("⚑", "bold $text-error") if marked else Content.styled(EMPTY, "$text-muted")
            rows.append(Content.assemble(f"{index} ", mark, " ", _(flag.label)))
        after = []
        for flag in AUTOMATIC_FLAGS:
            if flag.key in automatic or flag.key in record.manual_flags:
                after.append(
                    Content.assemble(Content.styled("⚑ " + _("automatic:"), "bold $text-error"), " ", _(flag.label))
                )
        if marked_lines:
            lines_text = trn("{n} line marked with !", "{n} lines marked with !", marked_lines)
            after.append(Content.assemble(Content.styled("⚑ ", "bold $text-error"), lines_text))
        consent = _box(record.consented)
        after.append(Content.assemble(f"{CONSENT_DIGIT} ", consent, " ", _("I agreed to be contacted at this time")))
        count = len(record.manual_flags | automatic) + marked_lines
        keys = tr("{key}, then 1–{n} or {consent}", key=key_label("red_flag"), n=len(MANUAL_FLAGS), consent=CONSENT_DIGIT)
        title = _title(tr("Red flags {count}", count=count), keys)
        self.show(title, rows, after)


class IdentityPanel(ColumnsPanel):
    def show_record(self, record: CallRecord) -> None:
        rows = []
        labels = [_(item.label) for item in IDENTITY_FIELDS] + [_("Number"), _("Kind")]
        label_width = max(cell_len(label) for label in labels)  # aligned values, never a label run into one
        for index, item in enumerate(IDENTITY_FIELDS, start=1):
            entry = record.identity.get(item.key)
            glyph = Content.styled(STATUS_GLYPHS[entry.status], STATUS_STYLES[entry.status])
            value = plain(entry.value) if entry.value else Content.styled(NONE, "$text-muted")
            rows.append(Content.assemble(f"{index} ", glyph, " ", pad(_(item.label), label_width), " ", value))
        number = plain(record.number) if record.number else Content.styled(NONE, "$text-muted")
        rows.append(Content.assemble(f"{NUMBER_ROW}   ", pad(_("Number"), label_width), " ", number))
        kind = _(record.kind.label)
        rows.append(Content.assemble(f"{KIND_ROW}   ", pad(_("Kind"), label_width), " ", kind))
        verified = record.identity.is_verified
        state = (
            Content.styled(_("institution verified"), "bold $text-success")
            if verified
            else Content.styled(_("not verified yet"), "$text-warning")
        )
        title = Content.assemble(_title(_("Who is calling"), tr("{key}, then 1–{n}", key=key_label("identity"), n=IDENTITY_ROWS)), "  ", state)
        self.show(title, rows, [status_legend()])


# ----- prep ----------------------------------------------------------------------------------


def selfcheck_lines(summary: SelfCheckSummary | None) -> list[Content]:
    if summary is None:
        return [Content.styled(_("No self-check saved yet. F3 opens it; the numbers then appear here."), "$text-muted")]
    return [
        Content.styled(tr("Your self-check of {date}:", date=summary.as_of.isoformat()), "bold"),
        Content(
            tr(
                "owed {owed} · overdue {overdue} · each day costs {daily} · left each month {surplus}",
                owed=format_money(summary.total_owed),
                overdue=format_money(summary.total_overdue),
                daily=format_money(summary.daily_cost),
                surplus=format_money(summary.monthly_surplus),
            )
        ),
    ]


class PrepPanel(ColumnsPanel):
    """Before (or during) a call: the short prep list, then the latest self-check numbers.

    On the idle page each item comes with its hint; in a call, hints show only
    where there is room (the wide side column), not in the narrow band.
    """

    def show_summary(self, summary: SelfCheckSummary | None, *, live: bool = True) -> None:
        self.two_columns_allowed = live
        rows = [Content.assemble(Content.styled("∙ ", "$text-primary"), _(item.label)) for item in PREP_CHECKLIST]
        details = [Content.styled(" — " + _(item.hint), "$text-muted") for item in PREP_CHECKLIST]
        if live:
            title = _title(_("Before you answer"), tr("{key} shows the panels in turn", key=key_label("view")))
        else:
            title = Content.styled(_("Before you answer"), "bold $text-primary")
        self.show(title, rows, selfcheck_lines(summary), details)


# ----- status line ---------------------------------------------------------------------------


STATUS_IDLE = N_("No call in progress.")


class CallStatus(Static):
    """One line: kind, running time, start, number, whether the caller is verified, counts."""

    def show_record(self, record: CallRecord | None, now: datetime, flags: int, notes: int) -> None:
        if record is None:
            update_in_place(self, Content.styled(_(STATUS_IDLE), "$text-muted"))
            return
        running = record.ended_at is None and record.kind in (RecordKind.CALL, RecordKind.VISIT)
        end = now if record.ended_at is None else record.ended_at
        seconds = max(0, int((end - record.started_at).total_seconds()))
        dot = Content.styled("● " if running else "■ ", "bold $text-success" if running else "$text-muted")
        parts: list[Content | str] = [
            dot,
            Content.styled(_(record.kind.label), "bold"),
            " ",
            Content.styled(format_duration(seconds), "bold $text-primary"),
            "  ",
            tr("from {time}", time=record.started_at.astimezone(now.tzinfo).strftime("%H:%M")),
        ]
        if record.number:
            parts += ["  ", plain(record.number)]
        verified = record.identity.is_verified
        parts += [
            "  ",
            Content.styled(_("verified") if verified else _("not verified"), "$text-success" if verified else "$text-warning"),
            "  ",
            trn("{n} line", "{n} lines", notes),
        ]
        if flags:
            parts += ["  ", Content.styled(tr("⚑ {count}", count=flags), "bold $text-error")]
        update_in_place(self, Content.assemble(*parts))  # every second: one line, no layout of the screen


def flag_rule_text(key: str, *, with_source: bool = True) -> str:
    """``label: rule (source)``: the rule a flag conflicts with, as the hint line and dialogs say it.

    The hint line under the note leaves the source out (it has three lines at
    most); the summary and the evidence report always give it.
    """
    flag = red_flag(key)
    if flag.fact_keys:
        rule = fact(flag.fact_keys[0])
        if not with_source:
            return tr("{flag}: {warning}", flag=_(flag.label), warning=_(rule.statement))
        return tr("{flag}: {rule} ({source})", flag=_(flag.label), rule=_(rule.statement), source=_(rule.source))
    return tr("{flag}: {warning}", flag=_(flag.label), warning=_(flag.warning))


class ScriptPanel(VerticalScroll):
    """The negotiation script of the plan this call was started from, to read aloud (it scrolls on its own)."""

    def compose(self) -> ComposeResult:
        yield Static("", id="script-text")

    def show_script(self, title: str, text: str) -> None:
        heading = Content.styled(tr("Script: {title}", title=title), "bold $text-primary")
        self.query_one("#script-text", Static).update(Content.assemble(heading, "\n", Content(sanitize(text.strip()))))


class PanelStack(Vertical):
    """Holds the panels; the call screen's classes decide which are shown.

    Empty until :meth:`fill`, which the screen calls after its first frame: at 80 columns a call starts
    with every panel folded away, and they were 6 of the 29 widgets composed and styled before
    `jiebei-tui call`'s first frame.
    """

    @property
    def filled(self) -> bool:
        return bool(self.children)

    def fill(self) -> bool:
        """Mount the panels (once); True if this call did."""
        if self.filled:
            return False
        self.mount_all([
            IdentityPanel(id="identity-panel"),
            ChecklistPanel(id="checklist-panel"),
            FlagsPanel(id="flags-panel"),
            PrepPanel(id="prep-panel"),
            ScriptPanel(id="script-panel", classes="calls-panel"),
        ])
        return True
