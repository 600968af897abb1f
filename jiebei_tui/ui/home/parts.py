"""Home's parts as lines of text: each part says where it leads (its F-key) and what it knows today.

Pure drawing from :class:`~jiebei_tui.services.HomeView` and a few counts: no reads
here, so Home draws once from what the service read once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from textual.content import Content

from jiebei_tui.areas import area
from jiebei_tui.domain.habits import Cadence, DueSource, FundState, FundStatus, HabitToday, HomeToday, PlanProgress
from jiebei_tui.domain.parsing.money import format_money
from jiebei_tui.i18n import N_, _, tr, trn
from jiebei_tui.services import HomeView
from jiebei_tui.ui.common.bar import bar
from jiebei_tui.ui.common.due import due_line
from jiebei_tui.ui.common.text import pad, plain

MAX_HABITS = 4
MAX_DUE = 3

L_OWED = N_("Owed")
L_NEXT = N_("Next payment")
L_PLAN = N_("Plan")
L_PROMISES = N_("Call promises")
L_HABITS = N_("Habits today")
L_FUND = N_("Emergency fund")
L_REFLECTION = N_("Reflection")
L_WORKBOOK = N_("Your records")


@dataclass(frozen=True)
class Part:
    """One row of Home: ``area`` opens on Enter (and ``view`` inside it, for Habits)."""

    id: str
    area: str
    view: str | None
    label: str  # msgid
    lines: tuple[Content, ...]


@dataclass(frozen=True)
class Extras:
    """What Home shows besides the day's model: a self-check in progress, the counts, the folder."""

    selfcheck_draft: bool
    counts: tuple[tuple[str, int], ...]  # (label msgid, count)
    folder: str


def _muted(text: str) -> Content:
    return Content.styled(text, "$text-muted")


def owed(home: HomeToday, extras: Extras) -> Part:
    if home.total_owed is None or home.owed_as_of is None:
        if extras.selfcheck_draft:
            lines = [Content(_("You started a self-check. Press F3 to carry on where you left off; nothing was lost."))]
        else:
            lines = [Content(_("No self-check yet. When you are ready, F3 takes about five minutes with your loan page at hand."))]
        return Part("owed", "selfcheck", None, L_OWED, tuple(lines))
    text = tr("{owed} in total", owed=format_money(home.total_owed))
    first = Content.assemble(Content.styled(text, "bold"), " ", _muted(tr("(self-check of {date})", date=home.owed_as_of.isoformat())))
    lines = [first]
    if home.cost_per_day is not None and home.cost_per_day > 0:
        lines.append(Content(tr("Each day of waiting costs about {per_day}.", per_day=format_money(home.cost_per_day))))
    if extras.selfcheck_draft:
        lines.append(_muted(_("You changed some numbers since; F3 to finish and save them.")))
    return Part("owed", "selfcheck", None, L_OWED, tuple(lines))


def next_payment(home: HomeToday) -> Part:
    due = home.next_payment
    if due is None:
        return Part("next", "plans", None, L_NEXT, (_muted(_("Nothing due from a plan or a call promise.")),))
    target = "plans" if due.item.source is DueSource.PLAN else "calls"
    return Part("next", target, None, L_NEXT, (due_line(due),))


def plan(progress: PlanProgress | None) -> Part:
    if progress is None:
        return Part("plan", "plans", None, L_PLAN, (_muted(_("No active plan yet. F5 helps you build one.")),))
    line = Content.assemble(
        plain(progress.name).truncate(24, ellipsis=True),
        "  ",
        bar(progress.fraction, 12),
        "  ",
        _muted(tr("{paid} of {total} paid", paid=format_money(progress.paid), total=format_money(progress.total))),
    )
    return Part("plan", "plans", None, L_PLAN, (line,))


def promises(home: HomeToday) -> Part:
    if not home.open_commitments:
        return Part("promises", "calls", None, L_PROMISES, (_muted(_("No open promises from calls.")),))
    text = trn("{n} open promise from calls", "{n} open promises from calls", home.open_commitments)
    return Part("promises", "calls", None, L_PROMISES, (Content(text),))


def _streak(row: HabitToday) -> str:
    if row.cadence is Cadence.WEEKLY:
        return trn("{n} week in a row", "{n} weeks in a row", row.streak)
    if row.cadence is Cadence.MONTHLY:
        return trn("{n} month in a row", "{n} months in a row", row.streak)
    return trn("{n} day in a row", "{n} days in a row", row.streak)


def habit_line(row: HabitToday) -> Content:
    """``✓ Record every spend · 7 days in a row``; a planned rest and a period still open are said plainly."""
    name = _(row.name) if row.translatable else row.name
    if row.done:
        mark, state = Content.styled("✓", "bold $text-success"), _streak(row)
    elif row.resting:
        mark, state = Content.styled("~", "$text-muted"), _("rest planned")
    else:
        mark = Content.styled("○", "$text-muted")
        state = _streak(row) if row.streak else _(row.cadence.label)
    return Content.assemble(mark, " ", plain(name).truncate(28, ellipsis=True), " · ", _muted(state))


def habits(home: HomeToday) -> Part:
    if not home.habits:
        return Part("habits", "habits", "habits", L_HABITS, (_muted(_("No habits yet. F6 offers a few small ones to start with.")),))
    lines = [Content(tr("{done} of {count} done", done=home.habits_done, count=len(home.habits)))]
    lines += [habit_line(row) for row in home.habits[:MAX_HABITS]]
    if len(home.habits) > MAX_HABITS:
        lines.append(_muted(tr("and {count} more", count=len(home.habits) - MAX_HABITS)))
    return Part("habits", "habits", "habits", L_HABITS, tuple(lines))


def fund_words(status: FundStatus) -> str:
    if status.state is FundState.ON_THE_WAY and status.months_to_target is not None:
        return trn(
            "about {n} month to go at your monthly saving",
            "about {n} months to go at your monthly saving",
            status.months_to_target,
        )
    return _(status.state.label)


def fund(status: FundStatus | None) -> Part:
    if status is None:
        return Part("fund", "habits", "fund", L_FUND, (_muted(_("Not set up yet. F6 helps you pick a target.")),))
    if status.state is FundState.NO_TARGET:
        return Part("fund", "habits", "fund", L_FUND, (_muted(_(status.state.label)),))
    line = Content.assemble(
        bar(status.fraction, 12),
        "  ",
        tr("{current} of {target}", current=format_money(status.current), target=format_money(status.target)),
    )
    return Part("fund", "habits", "fund", L_FUND, (line, _muted(fund_words(status))))


def reflection(home: HomeToday) -> Part:
    if home.latest_reflection is None:
        return Part("reflection", "habits", "reflection", L_REFLECTION, (_muted(_("Nothing written yet.")),))
    text = tr("Last written on {date}", date=home.latest_reflection.isoformat())
    return Part("reflection", "habits", "reflection", L_REFLECTION, (Content(text),))


def joined(items: Sequence[str], width: int) -> list[str]:
    """``a · b · c`` broken into lines of at most ``width`` cells, never inside an item."""
    lines: list[str] = []
    for item in items:
        if lines and cell_len(lines[-1]) + 3 + cell_len(item) <= width:
            lines[-1] += " · " + item
        else:
            lines.append(item)
    return lines


def workbook(extras: Extras, width: int) -> Part:
    counts = [tr("{label}: {count}", label=_(label), count=count) for label, count in extras.counts]
    lines = [Content(line) for line in joined(counts, width)]
    lines.append(_muted(tr("Folder: {path}, readable only by you · x exports a copy", path=extras.folder)))
    return Part("workbook", "home", None, L_WORKBOOK, tuple(lines))


def all_parts(view: HomeView, extras: Extras, width: int = 60) -> list[Part]:
    """``width``: the cells left for a part's text beside its label."""
    home = view.home
    return [
        owed(home, extras),
        next_payment(home),
        plan(home.plan),
        promises(home),
        habits(home),
        fund(home.fund),
        reflection(home),
        workbook(extras, width),
    ]


def key_of(part: Part) -> str:
    """The F-key that opens the part's area (none for Home's own part)."""
    return "" if part.area == "home" else area(part.area).key.upper()


def prompt(part: Part, label_width: int, room: int) -> Content:
    """The part as one option: ``F3 Owed    ¥25,000.00 in total …``; every line wrapped to ``room``
    cells beside the label column (Chinese has no spaces to wrap at, so the list's own wrapping
    would run back under the label)."""
    head = pad(f"{key_of(part)} {_(part.label)}".strip(), label_width)
    indent = " " * (label_width + 2)
    wrapped = [piece for line in part.lines for piece in line.wrap(max(room, 10))]
    rows = [Content.assemble(Content.styled(head, "bold $text-primary"), "  ", wrapped[0])]
    rows += [Content.assemble(indent, piece) for piece in wrapped[1:]]
    return Content("\n").join(rows)


def label_width() -> int:
    """The label column: ``F3 Owed`` and the rest in the UI language (every F-key is two cells)."""
    keyed = (L_OWED, L_NEXT, L_PLAN, L_PROMISES, L_HABITS, L_FUND, L_REFLECTION)
    return max(*(cell_len(f"F3 {_(label)}") for label in keyed), cell_len(_(L_WORKBOOK)))


def banner(view: HomeView) -> Content | None:
    """The start banner: anything overdue or due within seven days (debt due days, instalments, promises)."""
    soon = view.due_soon
    if not soon:
        return None
    lines = [Content.styled(_("Due soon (the next 7 days):"), "bold")]
    lines += [Content.assemble("  ", due_line(entry)) for entry in soon[:MAX_DUE]]
    if len(soon) > MAX_DUE:
        lines.append(_muted(tr("  and {count} more: F6, then Reminders", count=len(soon) - MAX_DUE)))
    return Content("\n").join(lines)

