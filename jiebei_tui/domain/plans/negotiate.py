"""A negotiation script and a hardship statement (困难说明), filled from the plan's own numbers.

Both are message-id templates: translated into the UI language, filled with the
user's figures, and returned as plain text the user may then rewrite (see
``DraftText``). They introduce the user and the loan by the lender the user typed
(never a number from an article), say why the overdue happened in the user's
picked causes and own words, give income, essentials and what is left, make one
concrete proposal and ask for written confirmation. Calm, factual, no promises
about what the lender will do, no judgement of the user.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from jiebei_tui.domain.causes import Cause
from jiebei_tui.domain.parsing.money import ZERO, format_money
from jiebei_tui.domain.plans.alerts import Alert, AlertKind
from jiebei_tui.domain.plans.materials import material_label, ticked_in_order
from jiebei_tui.domain.plans.message import Joined, Message, Param, Translate, UserText, identity
from jiebei_tui.domain.plans.position import DebtPosition, Finances
from jiebei_tui.domain.plans.proposal import Proposal
from jiebei_tui.domain.text_safety import sanitize
from jiebei_tui.i18n import N_

LENDER_UNKNOWN = N_("[the lender shown on your loan page]")
LOAN_UNNAMED = N_("my loan")
A_LENDER_MISSING = N_("Add the lender shown on your loan page: the script and the statement name it.")

S_HELLO_NAMED = N_("Hello, my name is {name}. I am calling about {loan} with {lender}.")
S_HELLO = N_("Hello. I am calling about {loan} with {lender}.")
S_OVERDUE_DAYS = N_(
    "My loan page shows {overdue} overdue for {days} days, {accrued} of penalty and interest so far, and {principal} "
    "of principal outstanding."
)
S_OVERDUE = N_(
    "My loan page shows {overdue} overdue, {accrued} of penalty and interest so far, and {principal} of principal "
    "outstanding."
)
S_NOT_OVERDUE = N_(
    "My loan page shows {principal} of principal outstanding. Nothing is overdue yet; I am calling early because I "
    "expect difficulty with the next payments."
)
S_CAUSES = N_("I fell behind because: {causes}.")
S_OWN_WORDS = N_("In my own words: {text}")
S_FINANCES = N_(
    "My income is {income} a month and essential living costs are {essentials}; after those and my other "
    "regular payments, {available} a month is left for this loan."
)
S_FINANCES_SHORT = N_(
    "My income is {income} a month and essential living costs are {essentials}; after those and my other "
    "regular payments, nothing is left for this loan at the moment."
)
S_PROPOSAL = N_("I would like to propose {proposal}.")
S_FITS = N_("I have worked this out from my income and essential costs, so it is an amount I can keep paying.")
S_WRITTEN = N_(
    "If we agree, please send me the terms in writing through your official channel: the amounts, the dates, what "
    "happens to interest and penalty, and a reference number."
)
S_ASK_NAME = N_("May I have your name and staff number, so I can note them with today's date?")
S_THANKS = N_("Thank you for your time.")

H_TITLE = N_("Statement of financial hardship")
H_TO = N_("To: {lender}")
H_FROM = N_("From: {name}")
H_DATE = N_("Date: {date}")
H_LOAN_OVERDUE = N_(
    "About {loan}: as of {date}, {principal} of principal is outstanding, of which {overdue} is overdue, with "
    "{accrued} of penalty and interest so far."
)
H_LOAN = N_("About {loan}: as of {date}, {principal} of principal is outstanding.")
H_CAUSES = N_("Why I could not repay on time: {causes}.")
H_OWN_WORDS = N_("In my own words: {text}")
H_FINANCES = N_(
    "My monthly income: {income}. Essential living costs: {essentials}. Other fixed payments: {other}. "
    "Other regular debt payments: {debts}. Left for this loan each month: {available}."
)
H_PROPOSAL = N_("My proposal: {proposal}.")
H_REQUEST = N_("I ask you to consider this proposal and, if it is accepted, to confirm the terms to me in writing.")
H_ATTACHED = N_("Attached: {materials}.")
H_SIGNATURE = N_("Signature:")


@dataclass(frozen=True)
class Negotiation:
    """Everything the script and statement are filled from; every field is the user's to edit."""

    position: DebtPosition
    proposal: Proposal
    today: date
    name: str = ""
    causes: tuple[Cause, ...] = ()
    own_words: str = ""
    finances: Finances | None = None
    fits_budget: bool = False  # the plan's payments fit what is left each month (no affordability alert)


def _lender(negotiation: Negotiation) -> Param:
    lender = negotiation.position.lender.strip()
    return UserText(lender) if lender else Message(LENDER_UNKNOWN)


def _loan(negotiation: Negotiation) -> Param:
    name = negotiation.position.name.strip()
    return UserText(name) if name else Message(LOAN_UNNAMED)


def _causes(negotiation: Negotiation) -> Joined:
    return Joined(tuple(Message(cause.label) for cause in negotiation.causes))


def negotiation_alerts(negotiation: Negotiation) -> tuple[Alert, ...]:
    if negotiation.position.lender.strip():
        return ()
    return (Alert(AlertKind.LENDER_MISSING, Message(A_LENDER_MISSING)),)


def _money_params(negotiation: Negotiation) -> dict[str, Param]:
    position = negotiation.position
    params: dict[str, Param] = {
        "loan": _loan(negotiation),
        "lender": _lender(negotiation),
        "principal": format_money(position.principal),
        "overdue": format_money(position.overdue_principal),
        "accrued": format_money(position.accrued),
        "days": str(position.days_overdue),
        "date": negotiation.today.isoformat(),
        "proposal": negotiation.proposal.sentence(),
    }
    finances = negotiation.finances
    if finances is not None:
        params.update(
            income=format_money(finances.income),
            essentials=format_money(finances.essentials),
            other=format_money(finances.other_fixed),
            debts=format_money(max(ZERO, finances.debt_payments - position.regular_payment)),
            available=format_money(max(ZERO, finances.available(position.regular_payment))),
        )
    return params


def _reasons(negotiation: Negotiation, causes_id: str, words_id: str) -> list[Message]:
    lines = []
    if negotiation.causes:
        lines.append(Message(causes_id, {"causes": _causes(negotiation)}))
    if negotiation.own_words.strip():
        lines.append(Message(words_id, {"text": UserText(negotiation.own_words.strip())}))
    return lines


def script_lines(negotiation: Negotiation) -> tuple[Message, ...]:
    """The script, one message per thing to say, in the order to say it."""
    params = _money_params(negotiation)
    position = negotiation.position
    lines = []
    if negotiation.name.strip():
        lines.append(Message(S_HELLO_NAMED, {**params, "name": UserText(negotiation.name.strip())}))
    else:
        lines.append(Message(S_HELLO, params))
    if position.overdue_principal <= 0:
        lines.append(Message(S_NOT_OVERDUE, params))
    else:
        lines.append(Message(S_OVERDUE_DAYS if position.days_overdue > 0 else S_OVERDUE, params))
    lines += _reasons(negotiation, S_CAUSES, S_OWN_WORDS)
    finances = negotiation.finances
    if finances is not None:
        short = finances.available(position.regular_payment) <= 0
        lines.append(Message(S_FINANCES_SHORT if short else S_FINANCES, params))
    lines.append(Message(S_PROPOSAL, params))
    lines += negotiation.proposal.asks()
    if negotiation.fits_budget and finances is not None:
        lines.append(Message(S_FITS))
    lines += [Message(S_WRITTEN), Message(S_ASK_NAME), Message(S_THANKS)]
    return tuple(lines)


def statement_lines(negotiation: Negotiation, materials: Iterable[str] = ()) -> tuple[Message, ...]:
    """The hardship statement as paragraphs; ``materials`` are the ticked checklist keys to list as attached."""
    params = _money_params(negotiation)
    position = negotiation.position
    lines = [Message(H_TITLE), Message(H_TO, params)]
    if negotiation.name.strip():
        lines.append(Message(H_FROM, {"name": UserText(negotiation.name.strip())}))
    lines.append(Message(H_LOAN_OVERDUE if position.overdue_principal > 0 else H_LOAN, params))
    lines += _reasons(negotiation, H_CAUSES, H_OWN_WORDS)
    if negotiation.finances is not None:
        lines.append(Message(H_FINANCES, params))
    lines.append(Message(H_PROPOSAL, params))
    lines += negotiation.proposal.asks()
    lines.append(Message(H_REQUEST))
    attached = ticked_in_order(materials)
    if attached:
        lines.append(Message(H_ATTACHED, {"materials": Joined(tuple(Message(material_label(k)) for k in attached))}))
    lines += [Message(H_DATE, params), Message(H_SIGNATURE)]
    return tuple(lines)


def render_text(lines: Iterable[Message], translate: Translate = identity) -> str:
    """Plain text, one paragraph per line, in the language of ``translate``; the user's own words are
    sanitised so pasted control characters cannot steer the terminal that shows them."""
    return "\n\n".join(line.render(translate, sanitize) for line in lines) + "\n"
