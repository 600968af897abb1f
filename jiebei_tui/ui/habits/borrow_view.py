"""Before borrowing again: three questions and a plain answer, saved with what was answered.

Can what is left each month carry the payment (the latest self-check's surplus)?
Is the loan meant to repay another loan (以贷养贷, which the collection guideline
names among banned conduct, cited with its source)? What does it cost per day?
The answer describes; it never shames and never promises how things will go.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Checkbox, Input, OptionList, Static
from textual.widgets.option_list import Option

from jiebei_tui.domain.facts import fact
from jiebei_tui.domain.habits import (
    FIELD_AMOUNT,
    FIELD_PAYMENT,
    FIELD_RATE,
    BorrowCheck,
    BorrowVerdict,
    BorrowVerdictKind,
    parse_borrow_form,
)
from jiebei_tui.domain.habits.borrow import Q_COST, Q_PAYMENT, Q_PURPOSE
from jiebei_tui.domain.parsing.money import format_money
from jiebei_tui.i18n import N_, _, tr
from jiebei_tui.ui.common.dialog import Dialog
from jiebei_tui.ui.common.inputs import InOrderInput
from jiebei_tui.ui.common.keys import key_label
from jiebei_tui.ui.habits.pane import Pane, show_problem

SOURCE_LINE = N_("Based on: {source}")
FIELDS = (
    (FIELD_AMOUNT, N_("Amount you would borrow"), N_("e.g. 5000")),
    (FIELD_PAYMENT, N_("Monthly payment shown for it"), N_("e.g. 900")),
    (FIELD_RATE, N_("Daily rate on its page"), N_("e.g. 0.05%")),
)


def verdict_text(verdict: BorrowVerdict) -> Content:
    style = "bold $text-warning" if verdict.kind is not BorrowVerdictKind.FITS else "bold"
    parts: list[Content] = [Content.styled(verdict.headline.render(_), style), Content(verdict.explanation.render(_))]
    for key in verdict.facts:
        rule = fact(key)
        parts.append(Content.styled(f"{_(rule.statement)}\n{tr(SOURCE_LINE, source=_(rule.source))}", "$text-muted"))
    return Content("\n").join(parts)


class BorrowPane(Pane):
    VIEW = "borrow"
    KEYS = frozenset({"save", "history"})
    DRAFT = "habits.borrow"

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="bw-form"):
            yield Static(
                Content.styled(" · ".join(_(question) for question in (Q_PAYMENT, Q_PURPOSE, Q_COST)), "bold"),
                classes="habits-lead",
            )
            for field, label, example in FIELDS:
                with Horizontal(classes="fund-row"):
                    yield Static(_(label), classes="fund-label")
                    yield InOrderInput(placeholder=_(example), id=f"bw-{field}", classes="fund-input", compact=True)
                    yield Static("", id=f"bw-{field}-message", classes="field-message fund-message")
            yield Checkbox(_(Q_PURPOSE), id="bw-repays", compact=True)
            yield Static("", id="bw-verdict")
            yield Static(
                tr("{save} checks it against your latest self-check and keeps the answer · {history}: earlier checks",
                   save=key_label("save"), history=key_label("history")),
                classes="habits-hint",
            )

    def focus_first(self) -> None:
        self.query_one(f"#bw-{FIELD_AMOUNT}", Input).focus()

    def on_mount(self) -> None:
        for message in self.query(".fund-message"):
            message.display = False
        self.query_one("#bw-verdict").display = False
        super().on_mount()

    def save(self) -> None:
        texts = {field: self.query_one(f"#bw-{field}", Input).value for field, _label, _example in FIELDS}
        repays = self.query_one("#bw-repays", Checkbox).value
        answers, problems = parse_borrow_form(texts[FIELD_AMOUNT], texts[FIELD_PAYMENT], texts[FIELD_RATE], repays)
        for field, _label, _example in FIELDS:
            show_problem(self.query_one(f"#bw-{field}-message", Static), problems.get(field))
        if answers is None:
            return
        check = self.services.habits.check_borrowing(answers)
        self.drop_draft()
        verdict = self.query_one("#bw-verdict", Static)
        verdict.update(verdict_text(check.explain()))
        verdict.display = True
        self.app.notify(tr("Check saved with its answer ({date}).", date=check.day.isoformat()))
        self.call_after_refresh(verdict.scroll_visible)

    def history(self) -> None:
        self.app.push_screen(BorrowHistoryDialog())

    def on_input_changed(self, _event: Input.Changed) -> None:
        self.keep_draft()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.save()

    def on_checkbox_changed(self, _event: Checkbox.Changed) -> None:
        self.keep_draft()

    def draft_value(self) -> Any:
        values: dict[str, Any] = {field: self.query_one(f"#bw-{field}", Input).value for field, *_rest in FIELDS}
        values["repays"] = self.query_one("#bw-repays", Checkbox).value
        return values if any(values.values()) else None

    def apply_draft(self, value: Any) -> None:
        if not isinstance(value, dict):
            return
        for field, *_rest in FIELDS:
            if isinstance(value.get(field), str):
                self.query_one(f"#bw-{field}", Input).value = value[field]
        self.query_one("#bw-repays", Checkbox).value = bool(value.get("repays"))


def check_prompt(check: BorrowCheck) -> Content:
    answers = check.answers
    head = tr(
        "{date}: {amount}, {payment} a month",
        date=check.day.isoformat(),
        amount=format_money(answers.amount),
        payment=format_money(answers.monthly_payment),
    )
    return Content.assemble(Content.styled(head, "bold"), "\n", _(check.verdict.label))


class BorrowHistoryDialog(Dialog[None]):
    DIALOG_ID = "borrow-history-dialog"
    TITLE = N_("Earlier checks before borrowing")
    HINT = N_("↑↓ move; the answer given then is shown below · q or Esc closes")
    CLOSE_BUTTON = "borrow-history-close"
    CLOSE_COMPACT = True
    AUTO_FOCUS = "#borrow-history-list"

    def __init__(self) -> None:
        super().__init__()
        self.checks: list[BorrowCheck] = []

    def compose_body(self) -> ComposeResult:
        yield OptionList(id="borrow-history-list")
        yield Static("", id="borrow-history-answer")

    def on_mount(self) -> None:
        self.checks = self.services.habits.borrow_checks()
        listing = self.query_one("#borrow-history-list", OptionList)
        listing.set_options([Option(check_prompt(check), id=check.id) for check in self.checks])
        if self.checks:
            listing.highlighted = 0
        else:
            self.query_one("#borrow-history-answer", Static).update(_("No checks saved yet."))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        check = next((check for check in self.checks if check.id == event.option.id), None)
        if check is not None:
            self.query_one("#borrow-history-answer", Static).update(verdict_text(check.explain()))
