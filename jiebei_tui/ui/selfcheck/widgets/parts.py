"""The self-check form below its first rows, in the order it is mounted right after the first frame
(each list is one step; see ``SelfCheckForm.compose_body``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Button

from jiebei_tui.domain.selfcheck import ENTRY_SECTIONS, ESSENTIALS_HINT, ESSENTIALS_TITLE, EssentialCategory
from jiebei_tui.i18n import _, tr
from jiebei_tui.ui.common.keys import key_label
from jiebei_tui.ui.selfcheck.widgets.field import DebtCard, SectionTitle, entry_row, essential_row
from jiebei_tui.ui.selfcheck.widgets.results import SelfCheckResults


def rest_of_form(form: dict[str, Any], results: SelfCheckResults) -> Iterator[list[Widget]]:
    """The result beside the form, the other debts, then incomes, essentials, other payments and savings."""
    from jiebei_tui.ui.common.guidance import GuidancePanel  # Markdown: ~15 ms of the area's import, paid here

    yield [results]
    for number, debt in enumerate(form["debts"][1:], start=2):
        yield [DebtCard(debt, number)]
    yield [
        Button(tr("Add another debt ({key})", key=key_label("add")), id="sc-add-debt", compact=True, classes="sc-add"),
        *entry_section(form, "incomes"),
    ]
    yield [
        SectionTitle(_(ESSENTIALS_TITLE), _(ESSENTIALS_HINT)),
        *(essential_row(category.value, form["essentials"][category.value]) for category in EssentialCategory),
    ]
    yield entry_section(form, "other_fixed")
    yield [
        *entry_section(form, "savings"),
        Button(tr("Save and see my result ({key})", key=key_label("save")), id="sc-save", variant="primary"),
        GuidancePanel("selfcheck", classes="guidance"),
    ]


def entry_section(form: dict[str, Any], key: str) -> list[Widget]:
    """A list of named amounts (incomes, other fixed payments, savings) with its title and its add button."""
    section = next(s for s in ENTRY_SECTIONS if s.key == key)
    rows = [entry_row(key, entry, _(section.label_placeholder)) for entry in form[key]]
    return [
        SectionTitle(_(section.title), _(section.hint)),
        Vertical(*rows, id=f"sc-list-{key}", classes="sc-list"),
        Button(_(section.add_label), id=f"sc-add-{key}", compact=True, classes="sc-add"),
    ]
