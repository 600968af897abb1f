"""The coach band above the note line: what a collector's committed line touches, calmly.

It shows what the rule says (only from the fact table, with its source), a few
short lines the user can say, and the keys: the red-flag key then Enter marks
the suggested flag (or adds a line to follow up), the red-flag key then
:data:`KEEP_DIGIT` keeps the suggestion as "suggested, not marked", Esc hides it.
It never takes the focus: the note line keeps it, and typing goes on.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from jiebei_tui.domain.calls import red_flag
from jiebei_tui.i18n import N_, _, tr
from jiebei_tui.ui.calls.widgets.panels import CONSENT_DIGIT, MANUAL_FLAGS
from jiebei_tui.ui.common.keys import key_label
from jiebei_tui.ui.common.text import plain

if TYPE_CHECKING:
    from jiebei_tui.domain.calls import Suggestion

KEEP_DIGIT = "9"  # after the red-flag key: keep the suggestion; the flags take 1–8 and consent 0
if KEEP_DIGIT == CONSENT_DIGIT or int(KEEP_DIGIT) <= len(MANUAL_FLAGS):
    raise RuntimeError("the coach's keep digit must not pick a red flag")

HEARD = N_("In this line: {situation}")
ALSO = N_("Also in this line: {situations}")
RULE = N_("What the rule says: {rule} ({source})")
CAUTION = N_("Note: {caution}")
YOU_CAN_SAY = N_("You can say:")
MARK = N_("{key} Enter marks the red flag “{flag}”")
FOLLOW_UP = N_("{key} Enter adds a line to follow up")
KEEP = N_("{key} {digit} keeps it as “Suggested, not marked”")
HIDE = N_("Esc hides it")
# At 80 columns the keys fit one line: the band's first line already names the situation.
MARK_SHORT = N_("{key} Enter: mark the flag")
FOLLOW_UP_SHORT = N_("{key} Enter: add a follow-up")
KEEP_SHORT = N_("{key} {digit}: keep, unmarked")
HIDE_SHORT = N_("Esc: hide")
NOTHING_MARKED = N_("Nothing is marked unless you press a key.")


def coach_text(suggestions: Sequence[Suggestion], *, wide: bool) -> Content:
    """The band's text for the first suggestion (the others are named): what to say first, then the rule.

    ``wide`` (a tall terminal) shows every rule and reply; otherwise the first rule and two replies.
    """
    first = suggestions[0]
    coaching = first.coaching
    parts: list[Content | str] = [
        Content.styled(tr(HEARD, situation=_(first.situation.label)), "bold $text-warning"),
        Content.styled(f"  “{plain(first.cue)}”", "$text-muted"),
    ]
    if len(suggestions) > 1:
        others = " / ".join(_(item.situation.label) for item in suggestions[1:])
        parts += ["\n", Content.styled(tr(ALSO, situations=others), "$text-muted")]
    replies = coaching.replies if wide else coaching.replies[:2]
    parts += ["\n", Content.styled(_(YOU_CAN_SAY), "bold")]
    for index, reply in enumerate(replies):
        parts += ["\n  " if index or wide else " ", Content.styled(f"“{_(reply)}”", "$text-success")]
    facts = coaching.facts if wide else coaching.facts[:1]
    for rule in facts:
        parts += ["\n", tr(RULE, rule=_(rule.statement), source=_(rule.source))]
    if coaching.caution and (wide or not facts):
        parts += ["\n", tr(CAUTION, caution=_(coaching.caution))]
    return Content.assemble(*parts)


def keys_text(suggestion: Suggestion, *, wide: bool = True) -> str:
    """The keys for a suggestion; ``wide`` names the flag and the kept status in full."""
    key = key_label("red_flag")
    flag_key = suggestion.coaching.flag_key
    if not wide:
        act = tr(MARK_SHORT if flag_key else FOLLOW_UP_SHORT, key=key)
        return " · ".join((act, tr(KEEP_SHORT, key=key, digit=KEEP_DIGIT), _(HIDE_SHORT)))
    act = tr(MARK, key=key, flag=_(red_flag(flag_key).label)) if flag_key else tr(FOLLOW_UP, key=key)
    return " · ".join((act, tr(KEEP, key=key, digit=KEEP_DIGIT), _(HIDE)))


class CoachBand(Vertical):
    """The band itself: shown only while a suggestion is on, never focusable; its keys are never cut off."""

    can_focus = False

    def compose(self) -> ComposeResult:
        yield Static(id="coach-body")
        yield Static(id="coach-keys")

    def show(self, suggestions: Sequence[Suggestion], *, wide: bool) -> None:
        self.query_one("#coach-body", Static).update(coach_text(suggestions, wide=wide))
        keys = Content.styled(keys_text(suggestions[0], wide=wide), "$text-primary")
        if wide:
            keys = Content.assemble(keys, "\n", Content.styled(_(NOTHING_MARKED), "$text-muted"))
        self.query_one("#coach-keys", Static).update(keys)
        self.display = True

    def hide(self) -> None:
        self.display = False
