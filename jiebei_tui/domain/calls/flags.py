"""Red flags: signs that a collection breaks a rule, each tied to the facts it conflicts with."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time

from jiebei_tui.domain.facts import fact
from jiebei_tui.i18n import N_


@dataclass(frozen=True)
class RedFlag:
    """A sign the collection breaks a rule; ``fact_keys`` name the facts (rules) it conflicts with.

    ``automatic`` flags are raised from the logged times; the others are marked
    by the user with a key. A flag with no fact to cite carries a ``warning``
    instead: the app never states a rule it cannot source.
    """

    key: str
    label: str
    fact_keys: tuple[str, ...]
    automatic: bool = False
    warning: str = ""


NIGHT_STARTS = time(22, 0)
NIGHT_ENDS = time(8, 0)
MAX_UNANSWERED_PER_DAY = 6

FLAG_NIGHT = "night_contact"
FLAG_TOO_MANY_CALLS = "too_many_calls"

RED_FLAGS: tuple[RedFlag, ...] = (
    RedFlag(FLAG_NIGHT, N_("Contact between 22:00 and 08:00 without my consent"), ("no_night_collection",), True),
    RedFlag(
        FLAG_TOO_MANY_CALLS,
        N_("More than six unanswered attempts to my phone in one day (should not exceed six)"),
        ("max_six_unanswered_calls",),
        True,
    ),
    RedFlag("no_institution", N_("Did not say which institution they call for"), ("must_name_institution",)),
    RedFlag("threats", N_("Threats, insults or violence"), ("banned_conduct", "cfc_no_harassment")),
    RedFlag(
        "third_parties",
        N_("Contacted my family, colleagues or contacts about the debt"),
        ("no_third_parties", "cfc_no_harassment"),
    ),
    RedFlag(
        "impersonation",
        N_("Claimed to be a court or the police, or showed fake legal documents"),
        ("must_name_institution",),
    ),
    RedFlag(
        "personal_account",
        N_("Demanded payment into a personal account"),
        (),
        warning=N_(
            "There is no rule to cite here, but repay only through your loan page, never into a personal account."
        ),
    ),
    RedFlag("new_loan", N_("Pushed me to take a new loan to repay this one"), ("banned_conduct",)),
    RedFlag(
        "leaked_information",
        N_("Disclosed my debt or personal information to others"),
        ("banned_conduct", "financial_info_sensitive"),
    ),
    RedFlag("visit_single_staff", N_("Home visit by a single person"), ("home_visits",)),
)
RED_FLAGS_BY_KEY: Mapping[str, RedFlag] = {flag.key: flag for flag in RED_FLAGS}
MANUAL_FLAG_KEYS: tuple[str, ...] = tuple(flag.key for flag in RED_FLAGS if not flag.automatic)

for _flag in RED_FLAGS:  # a typo in a fact key must fail at import, not in an export
    for _key in _flag.fact_keys:
        fact(_key)


def red_flag(key: str) -> RedFlag:
    return RED_FLAGS_BY_KEY[key]

