"""The monthly budget: categories with a planned amount, and the spends of each month.

Seeds 000 and 002 put a reasonable budget first among the ways to avoid the next
overdue. The plan defaults to the self-check's essentials, so the numbers the
user already typed are not asked for twice. Spends are typed as text and read
by the same money parser as every other amount; everything stays in Decimal.
One spends document per month keeps a save as small in year five as in week one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any, Final

from jiebei_tui.domain import serial
from jiebei_tui.domain.habits.periods import month_of
from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.parsing.money import ZERO, parse_money
from jiebei_tui.domain.selfcheck import EssentialCategory, SelfCheckInput
from jiebei_tui.domain.text_safety import one_line
from jiebei_tui.i18n import N_

EVERYTHING_ELSE: Final = "everything_else"
OWN_PREFIX: Final = "own-"
MAX_CATEGORIES: Final = 30
MAX_CATEGORY_NAME: Final = 20
MAX_NOTE: Final = 60
MAX_SPENDS_PER_MONTH: Final = 3000

# Built-in categories are labelled by msgid (they follow the UI language); the user's own keep their words.
BUILTIN_LABELS: Final[Mapping[str, str]] = {
    **{category.value: category.label for category in EssentialCategory},
    EVERYTHING_ELSE: N_("Everything else"),
}
L_REMOVED_CATEGORY = N_("Removed categories")

MSG_CATEGORY_NAME_EMPTY = N_("Give the category a short name")
MSG_CATEGORY_NAME_TOO_LONG = N_("Keep the name to {maximum} characters or fewer")
MSG_CATEGORY_EXISTS = N_("There is already a category with this name")
MSG_TOO_MANY_CATEGORIES = N_("At most {maximum} categories")
MSG_SPEND_ZERO = N_("Enter an amount above zero")
MSG_NOTE_TOO_LONG = N_("Keep the note to {maximum} characters or fewer")
MSG_TOO_MANY_SPENDS = N_("This month already holds {maximum} spends")


@dataclass(frozen=True)
class BudgetCategory:
    """``name`` is only used for the user's own categories (keys starting with ``own-``)."""

    key: str
    planned: Decimal
    name: str = ""

    @property
    def translatable(self) -> bool:
        return self.key in BUILTIN_LABELS

    @property
    def label(self) -> str:
        """A msgid for built-in categories (translate it), the user's words otherwise."""
        return BUILTIN_LABELS.get(self.key, self.name)

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "planned": serial.decimal_text(self.planned), "name": self.name}

    @classmethod
    def from_dict(cls, data: Any) -> BudgetCategory:
        data = serial.mapping_from(data, "category")
        key = serial.text_from(serial.required(data, "key", "category"), "category.key", allow_empty=False)
        name = serial.text_from(data.get("name", ""), "category.name")
        if key not in BUILTIN_LABELS and not (key.startswith(OWN_PREFIX) and name.strip()):
            raise ValueError(f"category: {key!r} is neither built in nor a named own category")
        return cls(key, serial.money_from(serial.required(data, "planned", "category"), "category.planned"), name)


@dataclass(frozen=True)
class BudgetPlan:
    """The planned amount per category for every month (changes apply from now on)."""

    categories: tuple[BudgetCategory, ...]

    def category(self, key: str) -> BudgetCategory | None:
        return next((category for category in self.categories if category.key == key), None)

    def to_dict(self) -> dict[str, Any]:
        return {"categories": [category.to_dict() for category in self.categories]}

    @classmethod
    def from_dict(cls, data: Any) -> BudgetPlan:
        data = serial.mapping_from(data, "budget")
        categories = tuple(
            BudgetCategory.from_dict(item) for item in serial.list_from(data.get("categories", []), "budget.categories")
        )
        if len({category.key for category in categories}) != len(categories):
            raise ValueError("budget: two categories share a key")
        if len(categories) > MAX_CATEGORIES:
            raise ValueError("budget: too many categories")
        return cls(categories)


def default_budget(selfcheck: SelfCheckInput | None) -> BudgetPlan:
    """Every essential the self-check has an amount for, plus "everything else". Without a
    self-check, or one with no essentials entered, every essential category at 0."""
    essentials = selfcheck.cashflow.essentials if selfcheck is not None else {}
    entered = any(amount > 0 for amount in essentials.values())
    lines = [
        BudgetCategory(category.value, essentials.get(category, ZERO))
        for category in EssentialCategory
        if not entered or essentials.get(category, ZERO) > 0
    ]
    return BudgetPlan((*lines, BudgetCategory(EVERYTHING_ELSE, ZERO)))


def _planned(text: str) -> Decimal:
    return parse_money(text) if text.strip() else ZERO


def _category_name(plan: BudgetPlan, name: str, keep: str | None = None) -> str:
    clean = one_line(name).strip()
    if not clean:
        raise InputError(MSG_CATEGORY_NAME_EMPTY)
    if len(clean) > MAX_CATEGORY_NAME:
        raise InputError(MSG_CATEGORY_NAME_TOO_LONG, {"maximum": str(MAX_CATEGORY_NAME)})
    if any(c.key != keep and not c.translatable and c.name.casefold() == clean.casefold() for c in plan.categories):
        raise InputError(MSG_CATEGORY_EXISTS)
    return clean


def set_planned(plan: BudgetPlan, key: str, text: str) -> BudgetPlan:
    """A new planned amount for one category (empty text means 0). InputError beside the amount."""
    amount = _planned(text)
    if plan.category(key) is None:
        raise ValueError(f"no category {key!r}")
    return BudgetPlan(tuple(replace(c, planned=amount) if c.key == key else c for c in plan.categories))


def add_category(plan: BudgetPlan, name: str, planned_text: str) -> BudgetPlan:
    """The user's own category, e.g. 外卖 or 网购. InputError names the problem (name or amount)."""
    if len(plan.categories) >= MAX_CATEGORIES:
        raise InputError(MSG_TOO_MANY_CATEGORIES, {"maximum": str(MAX_CATEGORIES)})
    clean = _category_name(plan, name)
    amount = _planned(planned_text)
    numbers = [int(c.key[len(OWN_PREFIX) :]) for c in plan.categories if c.key[len(OWN_PREFIX) :].isdigit()]
    key = f"{OWN_PREFIX}{max(numbers, default=0) + 1}"
    return BudgetPlan((*plan.categories, BudgetCategory(key, amount, clean)))


def rename_category(plan: BudgetPlan, key: str, name: str) -> BudgetPlan:
    """Only the user's own categories have a name to change."""
    category = plan.category(key)
    if category is None or category.translatable:
        raise ValueError(f"no own category {key!r}")
    clean = _category_name(plan, name, keep=key)
    return BudgetPlan(tuple(replace(c, name=clean) if c.key == key else c for c in plan.categories))


def remove_category(plan: BudgetPlan, key: str) -> BudgetPlan:
    """Spends already filed under it stay, reported as "removed categories"."""
    return BudgetPlan(tuple(c for c in plan.categories if c.key != key))


@dataclass(frozen=True)
class Spend:
    """One spend; ``seq`` numbers it within its month (the handle for removing it)."""

    seq: int
    day: date
    category: str
    amount: Decimal
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "day": self.day.isoformat(),
            "category": self.category,
            "amount": serial.decimal_text(self.amount),
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, data: Any) -> Spend:
        data = serial.mapping_from(data, "spend")
        amount = serial.money_from(serial.required(data, "amount", "spend"), "spend.amount")
        if amount <= 0 or amount != amount.quantize(Decimal("0.01")):
            raise ValueError(f"spend.amount: {amount} is not a positive amount in fen")
        return cls(
            serial.int_from(serial.required(data, "seq", "spend"), "spend.seq", minimum=1),
            serial.date_from(serial.required(data, "day", "spend"), "spend.day"),
            serial.text_from(serial.required(data, "category", "spend"), "spend.category", allow_empty=False),
            amount,
            serial.text_from(data.get("note", ""), "spend.note"),
        )


@dataclass(frozen=True)
class SpendMonth:
    """All spends of one month (``"2026-03"``), oldest first."""

    month: str
    spends: tuple[Spend, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"month": self.month, "spends": [spend.to_dict() for spend in self.spends]}

    @classmethod
    def from_dict(cls, data: Any) -> SpendMonth:
        data = serial.mapping_from(data, "spends")
        month = serial.month_from(serial.required(data, "month", "spends"), "spends.month")
        spends = tuple(Spend.from_dict(item) for item in serial.list_from(data.get("spends", []), "spends.spends"))
        if any(month_of(spend.day) != month for spend in spends):
            raise ValueError(f"spends: a spend is not in {month}")
        if len({spend.seq for spend in spends}) != len(spends):
            raise ValueError("spends: two spends share a number")
        return cls(month, spends)


def parse_spend_amount(text: str) -> Decimal:
    """A spend as typed (``35``, ``35.5元``, ``¥1,200``): positive, to the fen. InputError beside the field."""
    amount = parse_money(text)
    if amount <= 0:
        raise InputError(MSG_SPEND_ZERO)
    return amount


def add_spend(
    month: SpendMonth, plan: BudgetPlan, day: date, category: str, amount_text: str, note: str = ""
) -> SpendMonth:
    """Record a spend typed by the user. InputError for the amount or the note; a day outside the
    month or an unknown category is a caller's mistake (ValueError)."""
    if month_of(day) != month.month:
        raise ValueError(f"{day} is not in {month.month}")
    if plan.category(category) is None:
        raise ValueError(f"no category {category!r}")
    amount = parse_spend_amount(amount_text)
    clean_note = one_line(note).strip()
    if len(clean_note) > MAX_NOTE:
        raise InputError(MSG_NOTE_TOO_LONG, {"maximum": str(MAX_NOTE)})
    if len(month.spends) >= MAX_SPENDS_PER_MONTH:
        raise InputError(MSG_TOO_MANY_SPENDS, {"maximum": str(MAX_SPENDS_PER_MONTH)})
    seq = max((spend.seq for spend in month.spends), default=0) + 1
    spend = Spend(seq, day, category, amount, clean_note)
    return SpendMonth(month.month, tuple(sorted((*month.spends, spend), key=lambda s: (s.day, s.seq))))


def remove_spend(month: SpendMonth, seq: int) -> SpendMonth:
    return SpendMonth(month.month, tuple(spend for spend in month.spends if spend.seq != seq))
