"""Form rows of the self-check: a label, an input, and beside it what to fix.

Every row keeps the message right next to its input (a toast alone is easy to
miss and gone in seconds): a hint while the field is empty, what was understood
once it parses (``2.5万`` -> ``¥25,000.00``), or a calm message saying what to
type instead. The rows hold no state of their own: the screen owns the form
data and tells each row what to show.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.markup import escape
from textual.widget import Widget
from textual.widgets import Button, Collapsible, Input, Select, Static

from jiebei_tui.domain.labels import Message
from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.selfcheck import (
    DEBT_FIELDS,
    DEBT_KIND_ORDER,
    DebtKind,
    EssentialCategory,
    FieldPath,
    FieldSpec,
    RepaymentMethod,
    field_id,
)
from jiebei_tui.domain.text_safety import sanitize_inline
from jiebei_tui.i18n import _
from jiebei_tui.ui.common.inputs import InOrderInput, InOrderSelect
from jiebei_tui.ui.common.redraw import update_in_place


class FieldInput(InOrderInput):
    """An Input that knows where its text lives in the form and how to read it."""

    def __init__(self, path: FieldPath, kind: str, value: str, *, placeholder: str = "", classes: str = "sc-input") -> None:
        super().__init__(value=value, placeholder=placeholder, id=field_id(path), compact=True, classes=classes)
        self.path = path
        self.kind = kind


class FieldRow(Horizontal):
    """One labelled input with its message beside it."""

    def __init__(self, label: str | Input, field: FieldInput, hint: str | None = None) -> None:
        super().__init__(classes="sc-field")
        self._label = label
        self.field = field
        self.hint = hint
        self._shown: tuple[str, str] = ("-hint", hint or "")
        # Held from the start: the form may tell a row what to show before the row is composed.
        self._message = Static(self.hint or "", classes="sc-message -hint")

    def compose(self) -> ComposeResult:
        if isinstance(self._label, Input):
            yield self._label
        else:
            yield Static(self._label, classes="sc-label")
        yield self.field
        yield self._message

    def show(self, problem: InputError | None, understood: Message | None = None) -> None:
        """A problem wins over what was understood, which wins over the hint."""
        if problem is not None:
            state, text = "-error", problem.text()
        elif understood is not None:
            state, text = "-understood", understood.text()
        else:
            state, text = "-hint", self.hint or ""
        if (state, text) == self._shown:
            return  # typing into a field with a pending problem: nothing to redraw
        # Called on every key in the field: no query, and no layout of the form unless the message's height changes.
        self._shown = (state, text)
        message = self._message
        for name in ("-error", "-understood", "-hint"):
            message.set_class(name == state, name)
        self.field.set_class(problem is not None, "-problem")
        update_in_place(message, text)


class ChoiceRow(Horizontal):
    """A labelled Select (debt kind, repayment method)."""

    def __init__(self, label: str, select: Select[str], hint: str = "") -> None:
        super().__init__(classes="sc-field")
        self._label = label
        self.select = select
        self.hint = hint

    def compose(self) -> ComposeResult:
        yield Static(self._label, classes="sc-label")
        yield self.select
        yield Static(self.hint, classes="sc-message -hint")


def kind_options() -> list[tuple[str, str]]:
    return [(_(kind.label), kind.value) for kind in DEBT_KIND_ORDER]


def method_options() -> list[tuple[str, str]]:
    return [(_(method.label), method.value) for method in RepaymentMethod]


def debt_title(number: int, debt: dict[str, Any]) -> str:
    """The card's title (Collapsible reads it as markup): the name the user gave the debt, shown as typed."""
    name = str(debt.get("name") or "").strip() or _(DebtKind(debt.get("kind", "other")).label)
    return f"{number}. {escape(sanitize_inline(name))}"


class DebtCard(Collapsible, inherit_css=False):
    """Everything about one debt, folded away with Enter on its title when done.

    ``first`` rows only (None: all): the form shows the top of its first card at
    once and mounts the rest of it (:meth:`rest`) right after the first frame.

    Collapsible's own CSS, except that its ``:focus-within`` tint is a class set
    when the focus enters or leaves the card: with a ``:focus-within`` rule,
    Textual restyles every widget of the card (~60) on each Tab inside it.
    """

    DEFAULT_CSS = """
    DebtCard {
        width: 1fr;
        height: auto;
        background: $surface;
        border-top: hkey $background;
        padding-bottom: 1;
        padding-left: 1;

        &.-within {
            background-tint: $foreground 5%;
        }
        &.-collapsed > Contents {
            display: none;
        }
        &:ansi {
            border-top: hkey ansi_blue;
            background: $panel;
        }
    }
    """

    def __init__(self, debt: dict[str, Any], number: int, *, first: int | None = None) -> None:
        self.uid = str(debt["uid"])
        self.debt = debt
        self.number = number
        widgets = self._widgets()
        # The rest is built when it is mounted, not with the first rows (~20 ms of a first open).
        shown = list(widgets) if first is None else list(islice(widgets, first))
        self._rest: Iterator[Widget] = widgets
        super().__init__(
            *shown, title=debt_title(number, debt), collapsed=False, id=f"sc-debt-{self.uid}", classes="sc-debt",
        )

    def _widgets(self) -> Iterator[Widget]:
        yield from self._rows()
        yield Button(_("Remove this debt"), id=f"sc-remove-{self.uid}", classes="sc-remove", compact=True)

    async def mount_rest(self) -> list[Widget]:
        """Mount what ``first`` held back; returns it (empty when the card was whole)."""
        rest = list(self._rest)
        if rest:
            await self.query_one(Collapsible.Contents).mount_all(rest)
        return rest

    def _rows(self) -> Iterable[Horizontal]:
        yield ChoiceRow(
            _("Kind of debt"),
            InOrderSelect(kind_options(), value=self.debt["kind"], allow_blank=False, compact=True,
                   id=field_id(("debts", self.uid, "kind")), classes="sc-select"),
        )
        for spec in DEBT_FIELDS:
            if spec.key == "months":
                yield ChoiceRow(
                    _("Repayment method"),
                    InOrderSelect(method_options(), value=self.debt["method"], allow_blank=False, compact=True,
                           id=field_id(("debts", self.uid, "method")), classes="sc-select"),
                )
            yield field_row(("debts", self.uid, spec.key), spec, str(self.debt.get(spec.key, "")))

    def on_descendant_focus(self) -> None:
        self.set_class(self.has_focus_within, "-within")

    def on_descendant_blur(self) -> None:
        self.set_class(self.has_focus_within, "-within")

    def renumber(self, number: int) -> None:
        self.number = number
        self.title = debt_title(number, self.debt)


def field_row(path: FieldPath, spec: FieldSpec, value: str) -> FieldRow:
    return FieldRow(
        _(spec.label),
        FieldInput(path, spec.kind, value, placeholder=spec.placeholder),
        _(spec.hint) if spec.hint else None,
    )


def essential_row(category: str, value: str) -> FieldRow:
    return FieldRow(_(EssentialCategory(category).label), FieldInput(("essentials", category, "amount"), "money", value, placeholder="0"))


def entry_row(section: str, entry: dict[str, Any], placeholder: str) -> FieldRow:
    """An income, fixed payment or savings line: the user names it, then gives the amount."""
    uid = str(entry["uid"])
    label = FieldInput((section, uid, "label"), "text", str(entry.get("label", "")), placeholder=placeholder,
                       classes="sc-input sc-entry-label")
    return FieldRow(label, FieldInput((section, uid, "amount"), "money", str(entry.get("amount", "")), placeholder="0"))


class SectionTitle(Vertical):
    """A section heading with one line saying what belongs in it."""

    def __init__(self, title: str, hint: str) -> None:
        super().__init__(classes="sc-section")
        self._title = title
        self._hint = hint

    def compose(self) -> ComposeResult:
        yield Static(self._title, classes="panel-title")
        yield Static(self._hint, classes="sc-section-hint")
