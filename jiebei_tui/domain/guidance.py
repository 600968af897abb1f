"""Advice from the source articles (four Chinese web articles on an overdue Jiebei loan), in the app's own words.

Each area shows its advice so it helps even before (and beside) its tools. The
texts are English message ids; ``seeds`` names the articles each point comes
from. Nothing here states a fact: facts live in :mod:`facts` with sources.
``GUIDANCE`` is keyed by the area ids of :mod:`jiebei_tui.areas`.
"""

from __future__ import annotations

from dataclasses import dataclass

from jiebei_tui.i18n import N_


@dataclass(frozen=True)
class Advice:
    heading: str
    points: tuple[str, ...]
    seeds: tuple[str, ...]


GUIDANCE: dict[str, tuple[Advice, ...]] = {
    "home": (
        Advice(
            N_("Getting started"),
            (
                N_("Take a breath. Being overdue is a problem to work through, not a judgement of you."),
                N_("Start with the self-check: a few numbers from your loan page and your monthly budget."),
                N_("When a collector calls, open Calls (or run `jiebei-tui call`) and type notes as you talk."),
                N_("Then build a plan you can keep, and contact the lender yourself through official channels."),
            ),
            ("000", "003"),
        ),
    ),
    "selfcheck": (
        Advice(
            N_("Know your own situation first"),
            (
                N_("Write down what comes in each month and what you must spend to live: rent, food, utilities, transport, medical, family."),
                N_("Copy the overdue amount, the due dates and the daily rate from the loan page in the app, not from memory."),
                N_("Read the penalty terms in your loan contract (借款合同); copy them, don't guess them."),
                N_("Then judge honestly: can you repay soon, or do you need instalments or a deferral?"),
            ),
            ("000", "001", "002"),
        ),
        Advice(
            N_("What each day costs"),
            (
                N_("Interest is counted per day: principal × the daily rate printed on your loan page × the actual days."),
                N_("Penalty interest (its multiplier, and what it is charged on) is set by your loan contract (借款合同): copy it from there, don't assume it."),
                N_("Knowing the daily cost helps you decide how urgently to act, without panic."),
            ),
            ("001", "002"),
        ),
    ),
    "calls": (
        Advice(
            N_("During a call"),
            (
                N_("Stay calm. You can ask them to call back at a time that suits you."),
                N_("Ask who is calling: name, staff number, department, and which institution they call for."),
                N_("Write down what they claim: the amount, the days overdue, the interest."),
                N_("Check their identity and numbers through an official channel before you act on them."),
                N_("Be respectful, and expect respect in return."),
                N_("Never share ID numbers, verification codes, passwords or your contacts' details."),
            ),
            ("000", "001"),
        ),
        Advice(
            N_("What to write down"),
            (
                N_("Date and time, the number that called, the caller's name and department."),
                N_("What they said, what you said, any promise made by either side, and the next step."),
                N_("Anything that felt wrong: threats, calls to your family, demands to pay a personal account."),
            ),
            ("001",),
        ),
        Advice(
            N_("If someone visits your home"),
            (
                N_("Stay calm; you can talk through a closed door."),
                N_("Ask for identification and check it with the lender through an official channel."),
                N_("Keep your documents ready: loan contract, repayment records, your notes."),
                N_("Unlawful behaviour can be reported; write down what happened straight away."),
            ),
            ("000",),
        ),
    ),
    "plans": (
        Advice(
            N_("Make a plan you can keep"),
            (
                N_("Contact the lender yourself, early, through the app or official customer service."),
                N_("Propose something concrete: instalments of an amount you can pay, or a deferral to a date."),
                N_("Be honest about your situation; explain the hardship with numbers."),
                N_("Get the outcome in writing and keep it with your records."),
            ),
            ("000", "001", "002", "003"),
        ),
        Advice(
            N_("Prepare before you negotiate"),
            (
                N_("Your personal details and the loan contract."),
                N_("Your repayment records and the overdue amount from the loan page."),
                N_("A short statement of your financial hardship."),
                N_("Never pay anyone a fee to negotiate for you, and never pay into a personal account."),
            ),
            ("002", "003"),
        ),
    ),
    "habits": (
        Advice(
            N_("Habits that prevent the next time"),
            (
                N_("Keep a monthly budget and check it against what you really spend."),
                N_("Build an emergency fund, even a small one, a little each month."),
                N_("Set reminders a few days before every due date."),
                N_("Learn a little about credit and don't borrow blindly, especially not new loans to repay old ones."),
            ),
            ("000", "002", "003"),
        ),
        Advice(
            N_("Reflect, without blame"),
            (
                N_("What caused the overdue: less income, overspending, poor planning, or not knowing the terms?"),
                N_("What would you do differently? Write one lesson down."),
                N_("Anxiety and self-blame are common. Small, steady steps help more than worry."),
            ),
            ("001", "003"),
        ),
    ),
    "review": (
        Advice(
            N_("Look back to move forward"),
            (
                N_("Check your plan each month: did the payments happen as agreed?"),
                N_("Re-read your call notes before the next contact."),
                N_("Seek professional help when things get complex."),
            ),
            ("001", "003"),
        ),
    ),
}
