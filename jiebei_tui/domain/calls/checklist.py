"""What to do during a call (the checklist) and before answering (the prep list): seeds 000, 001."""

from __future__ import annotations

from jiebei_tui.domain.labels import Labelled
from jiebei_tui.i18n import N_

CHECKLIST: tuple[Labelled, ...] = (
    Labelled("stayed_calm", N_("Stayed calm"), N_("You can pause, or ask them to call back later.")),
    Labelled(
        "asked_identity",
        N_("Asked who they are and whom they call for"),
        N_("Name, staff ID, institution and a callback number."),
    ),
    Labelled(
        "confirmed_debt",
        N_("Confirmed amount, days overdue and interest"),
        N_("Compare their figures with your loan page."),
    ),
    Labelled(
        "kept_private",
        N_("Shared no private information"),
        N_("No ID number, verification codes, passwords or contacts."),
    ),
    Labelled(
        "asked_written_notice",
        N_("Asked for a written notice"),
        N_("Ask them to send what they want, or offer, in writing."),
    ),
    Labelled(
        "agreed_next_step",
        N_("Agreed a next step"),
        N_("Who does what by when. Note it as a commitment."),
    ),
)
CHECKLIST_KEYS: tuple[str, ...] = tuple(item.key for item in CHECKLIST)

PREP_CHECKLIST: tuple[Labelled, ...] = (
    Labelled(
        "numbers_at_hand",
        N_("Have your latest self-check numbers at hand"),
        N_("Income, living costs, and what you can pay each month."),
    ),
    Labelled(
        "loan_page_open",
        N_("Open your loan page"),
        N_("The amount, days overdue, interest and the lender are shown there."),
    ),
    Labelled("breathe", N_("Take a slow breath"), N_("You do not have to decide anything during this call.")),
    Labelled(
        "call_back_later",
        N_("You may ask them to call back later"),
        N_("Say when suits you. Between 22:00 and 08:00 they need your consent."),
    ),
    Labelled(
        "keep_codes",
        N_("Keep codes and passwords to yourself"),
        N_("No ID number, verification codes, passwords or contacts."),
    ),
    Labelled(
        "note_as_you_go",
        N_("Note as you go"),
        N_("Each line is saved when you press Enter. Start a line with 他: or 我: to mark who said it."),
    ),
    Labelled(
        "keep_recordings",
        N_("If you record, keep the original"),
        N_("Recordings can be evidence; keep the original file unedited."),
    ),
)

