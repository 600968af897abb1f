"""A progress bar as text: one line, readable in 16 colours, no widget to mount (Home, the fund)."""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal

from textual.content import Content


def bar(fraction: Decimal, width: int = 20) -> Content:
    """``█████░░░░░ 50%``: rounded down, so it never looks finished before it is."""
    share = min(max(fraction, Decimal(0)), Decimal(1))
    filled = int((share * width).to_integral_value(rounding=ROUND_DOWN))
    percent = int((share * 100).to_integral_value(rounding=ROUND_DOWN))
    return Content.assemble(
        Content.styled("█" * filled, "$text-primary"),
        Content.styled("░" * (width - filled), "$text-muted"),
        f" {percent}%",
    )
