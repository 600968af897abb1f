"""A promise made on a call (诺:), kept: record it as a payment of an agreed plan with one key.

Opened by Enter on a commitment wherever commitments are listed (Home, Plans, the
Calls area between calls). The payment takes the promise's date and amount; the
promise is then marked done on its call.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from jiebei_tui.domain.calls import Commitment
from jiebei_tui.domain.parsing.errors import InputError
from jiebei_tui.domain.parsing.money import format_money
from jiebei_tui.i18n import N_, _, tr
from jiebei_tui.ui.common.dialog import Dialog
from jiebei_tui.ui.common.keys import key_label
from jiebei_tui.ui.common.text import plain
from jiebei_tui.ui.plans.builder import PLANS_CSS


class RecordPromiseDialog(Dialog[bool]):
    DIALOG_ID = "pl-promise"
    TITLE = N_("Record this promise as a plan payment")
    CLOSE_BUTTON = "pl-promise-close"
    CSS_PATH = PLANS_CSS

    def __init__(self, commitment: Commitment) -> None:
        super().__init__()
        self.commitment = commitment

    def compose_body(self) -> ComposeResult:
        commitment = self.commitment
        amount = _("no amount") if commitment.amount is None else format_money(commitment.amount)
        due = _("no date") if commitment.due is None else commitment.due.isoformat()
        yield Static(Content.assemble(Content.styled(f"{due}  {amount}  ", "bold"), plain(commitment.text)))
        followed = self.services.plans.followed()
        if followed:
            yield Static(_("Kept it? Enter on the plan it was paid towards:"), classes="plans-note")
            yield OptionList(*[Option(plain(s.title), id=s.id) for s in followed], id="pl-promise-plans")
        else:
            yield Static(tr("No agreed plan yet: record the lender's agreement in Plans ({key}) first.",
                            key=key_label("area.plans")), classes="plans-note")
        yield Static("", id="pl-promise-message")

    @on(OptionList.OptionSelected, "#pl-promise-plans")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is None:
            return
        try:
            self.services.plans.record_commitment(event.option.id, self.commitment)
        except InputError as error:
            self.query_one("#pl-promise-message", Static).update(Content.styled(error.text(), "bold $text-warning"))
            return
        self.app.notify(_("Recorded as a payment; the promise is marked done on its call."))
        self.dismiss(True)
