"""One English word, two meanings: message contexts (msgctxt) from the code to the screen."""

from __future__ import annotations

from jiebei_tui import i18n
from jiebei_tui.domain.calls import NoteKind
from jiebei_tui.domain.calls.sections import NOTE as EVIDENCE_NOTE
from jiebei_tui.domain.labels import Message
from jiebei_tui.domain.plans.export import M_CHANGE, M_NOTE_HEADER
from jiebei_tui.i18n import N_p, _, pgettext, tr, untranslated
from jiebei_tui.locale import catalogs


def test_each_meaning_has_its_own_translation() -> None:
    i18n.set_language("zh-Hans")
    assert _(NoteKind.PLAIN.label) == "笔记"
    assert _(EVIDENCE_NOTE) == "说明"
    assert tr(M_NOTE_HEADER) == "备注"
    assert _(M_CHANGE) == "变更"
    assert pgettext("kind of call note", "Note") == "笔记"
    i18n.set_language("zh-Hant")
    assert (_(NoteKind.PLAIN.label), _(EVIDENCE_NOTE), _(M_NOTE_HEADER)) == ("筆記", "說明", "備註")


def test_english_never_shows_the_context() -> None:
    i18n.set_language("en")
    assert _(EVIDENCE_NOTE) == "Note"
    assert tr(N_p("somewhere", "{n} notes"), n=3) == "3 notes"
    assert untranslated(M_CHANGE) == "Change"
    assert Message(N_p("somewhere", "Note: {x}"), {"x": "1"}).english() == "Note: 1"
    # A context the catalogs do not know falls back to the English text, not to another meaning.
    i18n.set_language("zh-Hans")
    assert _(N_p("no such context", "Note")) == "Note"


def test_the_catalog_tool_extracts_contexts_and_checks_them() -> None:
    messages = catalogs.extract()
    assert ("Note", "kind of call note") in messages
    assert ("Note", "evidence report: label before the rule a flag conflicts with") in messages
    assert ("Note", None) not in messages  # every use of "Note" says which one it is
    translated = catalogs._translations(catalogs.load("zh_Hans"))
    assert translated[("Note", "plan export: column of remarks on a payment")] == ("备注",)
    assert catalogs.mixed_contexts([("Note", None), ("Note", "kind"), ("Other", None)]) == ["'Note'"]
    assert catalogs.mixed_contexts([("Note", "a"), ("Note", "b")]) == []
