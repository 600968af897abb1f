"""A habit's history as text: a 7-row calendar heat map for a daily habit, a strip for weekly and monthly.

One Static draws it (no widget per day). Shapes carry the meaning, colour only
helps, so it reads the same in 16 colours: ``■`` done, ``~`` a planned rest,
``·`` not done, ``□`` still open, blank before the start or still to come.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from jiebei_tui.domain.habits import Cadence, PeriodMark, PeriodState, done_counts, history_weeks
from jiebei_tui.i18n import N_, _, tr
from jiebei_tui.ui.common.text import pad

CELLS: dict[PeriodState, tuple[str, str]] = {
    PeriodState.DONE: ("■", "bold $text-success"),
    PeriodState.REST: ("~", "$text-primary"),
    PeriodState.MISSED: ("·", "$text-muted"),
    PeriodState.OPEN: ("□", "bold"),
    PeriodState.UPCOMING: (" ", ""),
    PeriodState.BEFORE_START: (" ", ""),
}
WEEKDAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
SPARK = " ▁▂▃▄▅▆▇"


def cell(state: PeriodState) -> Content:
    glyph, style = CELLS[state]
    return Content.styled(glyph, style) if style else Content(glyph)


def legend() -> Content:
    parts: list[Content | str] = []
    for state in (PeriodState.DONE, PeriodState.REST, PeriodState.MISSED, PeriodState.OPEN):
        parts += [cell(state), " ", Content.styled(_(state.label), "$text-muted"), "  "]
    return Content.assemble(*parts)


def daily_map(marks: Sequence[PeriodMark]) -> Content:
    """Weeks as columns (oldest left), Monday to Sunday as rows, and the days done each week below."""
    weeks = history_weeks(tuple(marks))
    labels = [_(day) for day in WEEKDAYS]
    width = max(len(label) for label in labels)
    rows: list[Content] = []
    # The month above every fourth week's column (two cells per column).
    first_months = "".join(week[0].start.strftime("%m") if index % 4 == 0 else "  " for index, week in enumerate(weeks))
    rows.append(Content.styled(pad("", width + 1) + first_months, "$text-muted"))
    for weekday in range(7):
        cells: list[Content | str] = [Content.styled(pad(labels[weekday], width), "$text-muted"), " "]
        for week in weeks:
            cells += [cell(week[weekday].state), " "]
        rows.append(Content.assemble(*cells))
    counts = done_counts(weeks)
    spark = "".join(SPARK[min(count, 7)] + " " for count in counts)
    rows.append(Content.assemble(Content.styled(pad("", width), "$text-muted"), " ", Content.styled(spark, "$text-success")))
    return Content("\n").join(rows)


def strip(marks: Sequence[PeriodMark], cadence: Cadence) -> Content:
    """The last 12 weeks or months in a row, with the first and last dates."""
    cells: list[Content | str] = []
    for mark in marks:
        cells += [cell(mark.state), " "]
    start, end = marks[0].start, marks[-1].end
    span = tr("{start} to {end}", start=start.isoformat(), end=end.isoformat())
    unit = _("one mark per week") if cadence is Cadence.WEEKLY else _("one mark per month")
    return Content.assemble(*cells, "\n", Content.styled(f"{span} · {unit}", "$text-muted"))


def history_map(marks: Sequence[PeriodMark], cadence: Cadence) -> Content:
    return daily_map(marks) if cadence is Cadence.DAILY else strip(marks, cadence)
