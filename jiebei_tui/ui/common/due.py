"""How a due date reads, on Home's start banner and in the Habits reminders: calm, counted in days."""

from __future__ import annotations

from textual.content import Content

from jiebei_tui.domain.habits import DueItem, DueSoon
from jiebei_tui.i18n import _, tr, trn


def when(days_left: int) -> str:
    """``today``, ``tomorrow``, ``in 3 days``, ``2 days ago``: never a verdict on the user."""
    if days_left == 0:
        return _("today")
    if days_left == 1:
        return _("tomorrow")
    if days_left > 1:
        return trn("in {n} day", "in {n} days", days_left)
    return trn("{n} day ago", "{n} days ago", -days_left)


def item_title(item: DueItem) -> str:
    return item.title.render(_)


def due_line(entry: DueSoon) -> Content:
    """``2026-11-26 借呗: pay ¥1,500.00 (in 3 days)``; today and passed dates stand out."""
    style = "bold $text-warning" if entry.days_left <= 0 else "bold"
    return Content.assemble(
        Content.styled(entry.item.day.isoformat(), style),
        " ",
        Content(item_title(entry.item)),
        " ",
        Content.styled(tr("({when})", when=when(entry.days_left)), "$text-muted" if entry.days_left > 0 else style),
    )
