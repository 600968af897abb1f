"""How the self-check looks at 80x24 and 120x40, in Simplified Chinese and English.

Update with ``pytest --snapshot-update``, then look at the SVGs before committing.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest

from jiebei_tui.domain.selfcheck import CashFlow, Debt, DebtKind, Entry, EssentialCategory, SelfCheckInput, assess
from jiebei_tui.factory import create_app
from jiebei_tui.store.selfcheck import save_snapshot
from jiebei_tui.store.store import open_store

SIZES = [(80, 24), (120, 40)]
LANGUAGES = ["zh-Hans", "en"]


def fixed_clock() -> datetime:
    return datetime(2026, 11, 23, 20, 30, tzinfo=timezone.utc)


def sample(overdue: str, income: str) -> SelfCheckInput:
    debts = (
        Debt(
            kind=DebtKind.JIEBEI, name="借呗", lender="重庆蚂蚁消费金融", outstanding_principal=Decimal("25000"),
            overdue_principal=Decimal(overdue), days_overdue=52, daily_rate=Decimal("0.0005"),
            penalty_multiplier=Decimal("1.5"), monthly_payment=Decimal("1500"), due_day=15,
        ),
        Debt(kind=DebtKind.HUABEI, name="花呗", outstanding_principal=Decimal("3000"), monthly_payment=Decimal("600")),
    )
    cash = CashFlow(
        incomes=(Entry("工资", Decimal(income)),),
        essentials={EssentialCategory.RENT: Decimal("2500"), EssentialCategory.FOOD: Decimal("1500")},
        savings=(Entry("余额宝", Decimal("3000")),),
    )
    return SelfCheckInput(debts, cash)


def saved(data_dir: Path, *points: tuple[int, str, str]) -> Path:
    """Self-checks ``days`` before the fixed clock, with overdue principal and income."""
    store, _ = open_store(data_dir)
    for days, overdue, income in points:
        when = fixed_clock() - timedelta(days=days)
        inp = sample(overdue, income)
        save_snapshot(store, inp, assess(inp, when.date()), when)
    store.close()
    return data_dir


async def open_selfcheck(pilot) -> None:  # type: ignore[no-untyped-def]
    """F3, then wait for the form: keys in the same burst would race its mount (and its scroll to the top)."""
    await pilot.press("f3")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_empty_form(snap_compare, data_dir: Path, size: tuple[int, int], language: str) -> None:
    app = create_app(data_dir, language=language, clock=fixed_clock)
    assert snap_compare(app, press=["f3"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_result_with_verdict(snap_compare, data_dir: Path, size: tuple[int, int], language: str) -> None:
    app = create_app(saved(data_dir, (0, "20000", "12000")), language=language, clock=fixed_clock)
    keys = ["ctrl+b"] if size[0] < 120 else []
    assert snap_compare(app, press=keys, terminal_size=size, run_before=open_selfcheck)


def test_bad_value_message_beside_the_field(snap_compare, data_dir: Path) -> None:
    app = create_app(data_dir, clock=fixed_clock)
    assert snap_compare(app, press=["tab", "tab", "tab", *"两万", "tab"], terminal_size=(80, 24), run_before=open_selfcheck)


@pytest.mark.parametrize("language", LANGUAGES)
def test_how_computed(snap_compare, data_dir: Path, language: str) -> None:
    app = create_app(saved(data_dir, (0, "20000", "12000")), language=language, clock=fixed_clock)
    keys = ["ctrl+b", "tab", "down", "down", "down", "down", "enter"]
    assert snap_compare(app, press=keys, terminal_size=(80, 24), run_before=open_selfcheck)


@pytest.mark.parametrize("size", SIZES)
def test_history(snap_compare, data_dir: Path, size: tuple[int, int]) -> None:
    data = saved(data_dir, (60, "20000", "6000"), (30, "18000", "8000"), (0, "15000", "12000"))
    app = create_app(data, clock=fixed_clock)
    assert snap_compare(app, press=["ctrl+o"], terminal_size=size, run_before=open_selfcheck)


def test_crisis_in_traditional_chinese(snap_compare, data_dir: Path) -> None:
    app = create_app(saved(data_dir, (0, "20000", "2000")), language="zh-Hant", clock=fixed_clock)
    assert snap_compare(app, press=["f3"], terminal_size=(120, 40))
