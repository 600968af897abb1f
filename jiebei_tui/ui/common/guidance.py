"""The advice of one area, from the seeds, as calm Markdown."""

from __future__ import annotations

from textual.widgets import Markdown

from jiebei_tui.domain.guidance import GUIDANCE, Advice
from jiebei_tui.i18n import _


def advice_markdown(advice: tuple[Advice, ...]) -> str:
    parts: list[str] = []
    for item in advice:
        parts.append(f"### {_(item.heading)}\n")
        parts.extend(f"- {_(point)}" for point in item.points)
        parts.append("")
    return "\n".join(parts)


class GuidancePanel(Markdown):
    """Read-only advice; it can take focus so it scrolls with the arrow keys."""

    can_focus = True

    def __init__(self, area: str, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(advice_markdown(GUIDANCE[area]), id=id, classes=classes)
        self.area = area
