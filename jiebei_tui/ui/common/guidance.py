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
    """Read-only advice; it can take focus so it scrolls with the arrow keys.

    The advice is mounted right after the screen's first frame: Markdown builds a widget per block
    (50-130 ms for an area's advice), and the area's own content shows first.
    """

    can_focus = True

    def __init__(self, area: str, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__("", id=id, classes=classes)
        self.area = area
        self.advice = advice_markdown(GUIDANCE[area])

    def on_mount(self) -> None:
        self.call_after_refresh(self.update, self.advice)
