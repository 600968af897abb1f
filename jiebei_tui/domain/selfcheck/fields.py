"""The self-check's fields: what each asks for, how its text is read, and what it was read as.

No Textual here: the screen shows these specs, and the rules are tested without it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from jiebei_tui.domain.labels import Message
from jiebei_tui.domain.parsing.dates import MSG_DATE_FORMAT, parse_date
from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.parsing.money import format_money, parse_money
from jiebei_tui.domain.parsing.numbers import MSG_NUMBER_RANGE, parse_days, parse_due_day, parse_months
from jiebei_tui.domain.parsing.rates import format_multiplier, format_rate, parse_daily_rate, parse_multiplier
from jiebei_tui.i18n import N_, N_plural, _


@dataclass(frozen=True)
class FieldSpec:
    """One input of a debt: ``kind`` picks the parser, ``hint`` shows while nothing is wrong."""

    key: str
    label: str
    kind: str  # text, money, rate, multiplier, since, months, due_day
    hint: str | None = None
    placeholder: str = ""


DEBT_FIELDS: Final[tuple[FieldSpec, ...]] = (
    FieldSpec("name", N_("Name of the debt"), "text", N_("Your own name for it, e.g. 借呗 or a card's bank")),
    FieldSpec("lender", N_("Lender (放款机构)"), "text", N_("Copy it from the loan page; it names who lent the money")),
    FieldSpec("outstanding", N_("Principal not yet repaid"), "money", N_("All of it, the overdue part included")),
    FieldSpec("overdue", N_("Overdue principal"), "money", N_("From the loan page; 0 if nothing is overdue"), "0"),
    FieldSpec(
        "since", N_("Overdue since, or days overdue"), "since", N_("The missed due date, e.g. 2026-10-15, or days, e.g. 12")
    ),
    FieldSpec("rate", N_("Daily rate (日利率)"), "rate", N_("As printed on the loan page, e.g. 0.05% or 万分之五")),
    FieldSpec(
        "multiplier",
        N_("Penalty multiplier"),
        "multiplier",
        N_("Copy it from your loan contract (借款合同), e.g. 1.5. Empty means 1: no uplift"),
        "1",
    ),
    FieldSpec("payment", N_("Payment due each month"), "money", N_("What this debt asks for each month; 0 if nothing"), "0"),
    FieldSpec("due_day", N_("Due day of the month"), "due_day", N_("e.g. 15")),
    FieldSpec("months", N_("Months left to repay"), "months", N_("Remaining instalments, e.g. 12")),
)
DEBT_FIELD_BY_KEY: Final = {spec.key: spec for spec in DEBT_FIELDS}


def field_label(key: str) -> str:
    """A debt field's label in the current language (also used in explanations)."""
    return _(DEBT_FIELD_BY_KEY[key].label)


@dataclass(frozen=True)
class EntrySection:
    """A list of labelled monthly amounts (incomes, other fixed payments, savings)."""

    key: str
    title: str
    hint: str
    label_placeholder: str
    default_label: str  # with {number}
    add_label: str


ENTRY_SECTIONS: Final[tuple[EntrySection, ...]] = (
    EntrySection(
        "incomes",
        N_("Money coming in each month"),
        N_("After tax: wages, side work, support you receive. Type 0 if nothing comes in right now."),
        N_("e.g. wages"),
        N_("Income {number}"),
        N_("Add another income"),
    ),
    EntrySection(
        "other_fixed",
        N_("Other fixed payments each month"),
        N_("Regular payments that are not debts: insurance, phone plan, school fees."),
        N_("e.g. insurance"),
        N_("Fixed payment {number}"),
        N_("Add another payment"),
    ),
    EntrySection(
        "savings",
        N_("Savings you could use now"),
        N_("Cash, bank balance, 余额宝: money not already needed for rent or food."),
        N_("e.g. bank balance"),
        N_("Savings {number}"),
        N_("Add more savings"),
    ),
)
ENTRY_SECTION_BY_KEY: Final = {section.key: section for section in ENTRY_SECTIONS}

ESSENTIALS_TITLE = N_("Essentials each month")
ESSENTIALS_HINT = N_("What keeps your life running. Leave a line empty if it does not apply.")

MSG_SINCE_FORMAT = N_("Enter the missed due date, e.g. 2026-10-15, or the days overdue, e.g. 12")

PREVIEW_RATE = N_("{rate} a day")
PREVIEW_DAYS = N_plural("{days} day overdue", "{days} days overdue")
PREVIEW_DAYS_SINCE = N_plural("{days} day overdue, since {date}", "{days} days overdue, since {date}")
PREVIEW_DUE_DAY = N_("day {day} of each month")
PREVIEW_MONTHS = N_plural("{months} instalment left", "{months} instalments left")

# A field's address in the form: (section, uid, key). Essentials use (essentials, category, amount).
FieldPath = tuple[str, str, str]


def field_id(path: FieldPath) -> str:
    """A widget id for a field (ids allow letters, digits, - and _)."""
    return "sc-" + "-".join(path)


def raw_text(value: Any) -> str:
    """What a form holds for a field: the typed text, or "" for anything a draft got wrong."""
    return value if isinstance(value, str) else ""


def parse_since(text: str, today: date) -> date | int:
    """The missed due date (see :func:`~jiebei_tui.domain.parsing.dates.parse_date`) or the
    days overdue (``12``, ``12天``). Raises only :class:`InputError`."""
    try:
        return parse_date(text, today)
    except InputError as error:
        if error.message != MSG_DATE_FORMAT:
            raise  # it is a date, a wrong one: say what is wrong with it
    try:
        return parse_days(text)
    except InputError as error:
        if error.message == MSG_NUMBER_RANGE:
            raise
        raise InputError(MSG_SINCE_FORMAT) from error


def parse_field(kind: str, text: str, today: date) -> Any:
    """Parse a non-empty field value; raises only :class:`InputError`."""
    if kind == "money":
        return parse_money(text)
    if kind == "rate":
        return parse_daily_rate(text)
    if kind == "multiplier":
        return parse_multiplier(text)
    if kind == "since":
        return parse_since(text, today)
    if kind == "months":
        return parse_months(text)
    if kind == "due_day":
        return parse_due_day(text)
    return text.strip()


def preview(kind: str, value: Any, today: date) -> Message | None:
    """What a valid value was read as, shown beside the field (``2.5万`` -> ``¥25,000.00``)."""
    if kind == "money":
        return Message("{amount}", {"amount": format_money(value)})
    if kind == "rate":
        return Message(PREVIEW_RATE, {"rate": format_rate(value)})
    if kind == "multiplier":
        return Message("×{multiplier}", {"multiplier": format_multiplier(value)})
    if kind == "since":
        if isinstance(value, date):
            days = (today - value).days
            return Message.counted(PREVIEW_DAYS_SINCE, days, {"days": str(days), "date": value.isoformat()})
        return Message.counted(PREVIEW_DAYS, value, {"days": str(value)})
    if kind == "due_day":
        return Message(PREVIEW_DUE_DAY, {"day": str(value)})
    if kind == "months":
        return Message.counted(PREVIEW_MONTHS, value, {"months": str(value)})
    return None


def check_field(kind: str, text: str, today: date) -> tuple[Any, InputError | None]:
    """(value or None when empty/invalid, problem) for one field on its own."""
    if not text.strip():
        return None, None
    try:
        return parse_field(kind, text, today), None
    except InputError as error:
        return None, error
