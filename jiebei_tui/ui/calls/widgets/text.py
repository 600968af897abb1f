"""How call data is written on screen: always as plain Content, never as markup.

Notes are typed (or pasted) by the user; anything shown from them passes
through ``sanitize_inline`` and goes into ``Content`` objects, so neither an
escape sequence nor a note such as ``[red]`` can steer the terminal or Textual.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content

from jiebei_tui.domain.calls import IdentityStatus, Note, NoteKind, format_offset
from jiebei_tui.domain.calls.notes import NOTE_KIND_CYCLE
from jiebei_tui.domain.parsing.money import format_money
from jiebei_tui.domain.text_safety import sanitize_inline
from jiebei_tui.i18n import N_, _, tr
from jiebei_tui.ui.common.text import pad, plain

KIND_STYLES: dict[NoteKind, str] = {
    NoteKind.PLAIN: "$text-muted",
    NoteKind.THEY_SAID: "bold $text-primary",
    NoteKind.I_SAID: "bold $text-success",
    NoteKind.COMMITMENT: "bold $text-warning",
    NoteKind.FOLLOW_UP: "bold $text-secondary",
    NoteKind.RED_FLAG: "bold $text-error",
}

# One glyph per identity status, so a row fits 80 columns; the legend spells them out. None of them
# is East-Asian "ambiguous" width, which CJK terminals may draw two cells wide and so break the columns.
STATUS_GLYPHS: dict[IdentityStatus, str] = {
    IdentityStatus.NOT_ASKED: "-",
    IdentityStatus.ASKED: "?",
    IdentityStatus.GIVEN: "⚬",
    IdentityStatus.VERIFIED: "✔",
}
STATUS_STYLES: dict[IdentityStatus, str] = {
    IdentityStatus.NOT_ASKED: "$text-muted",
    IdentityStatus.ASKED: "$text-warning",
    IdentityStatus.GIVEN: "$text-primary",
    IdentityStatus.VERIFIED: "bold $text-success",
}


def kind_label(kind: NoteKind) -> str:
    return _(kind.label)


def kind_width() -> int:
    """Cells of the widest kind label in the current language (the log's kind column)."""
    return max(cell_len(kind_label(kind)) for kind in NOTE_KIND_CYCLE)


def kind_badge(kind: NoteKind) -> Content:
    return Content.styled(pad(kind_label(kind), kind_width()), KIND_STYLES[kind])


SHORT_STATUS: dict[IdentityStatus, str] = {
    IdentityStatus.NOT_ASKED: N_("not asked"),
    IdentityStatus.ASKED: N_("asked"),
    IdentityStatus.GIVEN: N_("given"),
    IdentityStatus.VERIFIED: N_("verified"),
}


def status_legend() -> Content:
    """One line explaining the glyphs (the full words are in the identity editor)."""
    parts: list[Content | str] = []
    for status in (IdentityStatus.VERIFIED, IdentityStatus.GIVEN, IdentityStatus.ASKED, IdentityStatus.NOT_ASKED):
        if parts:
            parts.append("  ")
        parts.append(Content.styled(STATUS_GLYPHS[status], STATUS_STYLES[status]))
        parts.append(" " + _(SHORT_STATUS[status]))
    return Content.assemble(*parts)


def commitment_terms(note: Note) -> str:
    """What was read from a commitment, so the user sees at once whether it was understood."""
    parts = []
    if note.due is not None:
        parts.append(note.due.isoformat())
    if note.amount is not None:
        parts.append(format_money(note.amount))
    return " · ".join(parts)


def note_line(note: Note) -> Content:
    """``+03:12  They said  text`` with the kind coloured; corrected lines show their original too."""
    parts: list[Content | str] = [
        Content.styled(format_offset(note.offset_seconds), "$text-muted"),
        "  ",
        kind_badge(note.kind),
        "  ",
        plain(note.current_text),
    ]
    if note.kind is NoteKind.COMMITMENT and (terms := commitment_terms(note)):
        parts += ["  ", Content.styled("→ " + terms, "$text-warning")]
    if note.corrections:
        original = tr("corrected; first typed: {text}", text=sanitize_inline(note.text))
        parts += ["  ", Content.styled("✎ " + original, "italic $text-muted")]
    return Content.assemble(*parts)

