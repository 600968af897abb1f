"""Pilot and snapshot tests see a steady cursor.

A blinking cursor (every 0.5 s) would make what a snapshot shows depend on
how long a loaded machine took to get there: the focused field's text is
drawn differently while the cursor is off.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from rich.console import Console
from textual.app import App
from textual.widgets import Input, TextArea


@pytest.fixture(autouse=True)
def steady_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)


@pytest.fixture
def with_selfcheck(data_dir: Path) -> Callable[[datetime], Path]:
    """Save a self-check taken at the given moment (a Jiebei debt 52 days overdue, a month with room)."""
    from jiebei_tui.domain.selfcheck import CashFlow, Debt, DebtKind, Entry, EssentialCategory, SelfCheckInput, assess
    from jiebei_tui.store.selfcheck import save_snapshot
    from jiebei_tui.store.store import open_store

    def save(when: datetime) -> Path:
        debt = Debt(
            kind=DebtKind.JIEBEI, name="借呗", lender="重庆蚂蚁消费金融", outstanding_principal=Decimal("25000"),
            overdue_principal=Decimal("20000"), days_overdue=52, daily_rate=Decimal("0.0005"),
            penalty_multiplier=Decimal("1.5"), monthly_payment=Decimal("1500"), due_day=15,
        )
        cash = CashFlow(
            incomes=(Entry("工资", Decimal("12000")),),
            essentials={EssentialCategory.RENT: Decimal("2500"), EssentialCategory.FOOD: Decimal("1500")},
            savings=(Entry("余额宝", Decimal("3000")),),
        )
        inp = SelfCheckInput((debt,), cash)
        store, _ = open_store(data_dir)
        save_snapshot(store, inp, assess(inp, when.date()), when)
        store.close()
        return data_dir

    return save


def screen_lines(app: App[object]) -> list[str]:
    """What the terminal shows, one string per row (as a person reads it, CJK two cells wide)."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True, legacy_windows=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text().splitlines()


@pytest.fixture
def screen_text() -> Callable[[App[object]], list[str]]:
    return screen_lines
