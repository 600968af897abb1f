"""Make user-typed text safe to show in a terminal or write into an export.

Notes are typed during stressful calls, pasted from chat apps or SMS, and read
back months later in a terminal (often over SSH) or in a Markdown evidence
file. A pasted escape sequence could recolour, move the cursor, retitle the
window or (OSC 52) write to the clipboard; a bidi override could make a
number read backwards in an export. So nothing that steers a terminal or the
reading order passes through raw.

The choice is to make such characters *visible*, not to drop them: evidence
should show that something odd was there. Each replacement is printable, so
``sanitize`` is idempotent and never loses the surrounding text. Chinese,
full-width punctuation and emoji pass through untouched.
"""

from __future__ import annotations

import re

__all__ = [
    "escape_markdown",
    "escape_markdown_block",
    "is_unsafe_char",
    "one_line",
    "sanitize",
    "sanitize_inline",
    "storable",
]

# Bidi controls (Unicode Bidi_Control): embeddings, overrides, isolates, marks.
_BIDI_CONTROLS = frozenset(
    [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)
_LINE_SEPARATORS = frozenset([0x2028, 0x2029])  # invisible line breaks in some renderers
_CONTROL_PICTURE_BASE = 0x2400  # U+2400..U+241F picture C0 controls: ESC -> ␛
_DEL_PICTURE = "\u2421"  # ␡
_KEPT_CONTROLS = frozenset("\n\t")
_CRLF = re.compile(r"\r\n?")
# Everything is_unsafe_char() refuses, as one character class: whole strings are checked and
# rewritten in C (re), never a Python call per character (an export sanitises millions of them).
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)


_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_BREAK = re.compile("\r\n?|[\n\t\u2028\u2029]")


def storable(text: str) -> str:
    """``text`` as it will be stored: exactly as typed, except a lone surrogate (which no UTF-8 file can
    hold) becomes U+FFFD. Control and bidi characters are kept: they are made inert where text is shown
    (``ui/common/text.py``) or exported (``sanitize``, ``escape_markdown``), never when it is stored."""
    if _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub("\ufffd", text)


def one_line(text: str) -> str:
    """``storable`` for a one-line field (a name): line breaks and tabs become spaces, nothing else changes."""
    return _LINE_BREAK.sub(" ", storable(text))


def is_unsafe_char(char: str) -> bool:
    """True for a character ``sanitize`` never lets through (newline and tab are kept)."""
    code = ord(char)
    if char in _KEPT_CONTROLS:
        return False
    return (
        code < 0x20
        or 0x7F <= code <= 0x9F
        or code in _BIDI_CONTROLS
        or code in _LINE_SEPARATORS
        or 0xD800 <= code <= 0xDFFF
    )


def _visible(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(_CONTROL_PICTURE_BASE + code)
    if code == 0x7F:
        return _DEL_PICTURE
    if code in _LINE_SEPARATORS:
        return "\n"
    if 0xD800 <= code <= 0xDFFF:
        return "\ufffd"  # a lone surrogate cannot even be encoded as UTF-8
    return f"<U+{code:04X}>"  # C1 controls and bidi controls have no picture


def sanitize(text: str) -> str:
    """Return ``text`` with every terminal-steering character made visible.

    CR LF and lone CR become LF (a bare CR would let a line overwrite itself);
    LF and TAB are kept; other C0 controls become Control Pictures (ESC -> ␛),
    DEL becomes ␡, C1 and bidi controls become ``<U+XXXX>``, U+2028/U+2029
    become LF and lone surrogates U+FFFD. Idempotent.
    """
    if "\r" in text:
        text = _CRLF.sub("\n", text)
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_visible_match, text)


def _visible_match(match: re.Match[str]) -> str:
    return _visible(match.group())


def sanitize_inline(text: str) -> str:
    """``sanitize`` for one-line places (a table cell, a title): line breaks and tabs become spaces."""
    return sanitize(text).replace("\n", " ").replace("\t", " ")


# Escaping only where Markdown would read a marker, so dates (2026-12-01), money (5000.00) and
# ordinary punctuation stay as typed. Anywhere in a line: emphasis, code, links, tables,
# strikethrough, HTML, and & only where it would start an entity.
_MD_INLINE = re.compile(r"[\\`*_\[\]|~<]|&(?=#?\w+;)")
# Only at the start of a line: headings, quotes, list items, setext underlines, thematic breaks.
_MD_LINE_START = re.compile(r"^(?:[#>]|[-+=](?=\s|$|[-+=\s]*$)|(\d{1,9})[.)](?=\s|$))")


def _escape_line(line: str) -> str:
    line = _MD_INLINE.sub(r"\\\g<0>", line.strip())
    start = _MD_LINE_START.match(line)
    if start is not None:  # "- x" -> "\- x", "1. x" -> "1\. x", "# x" -> "\# x"
        cut = start.end(1) if start.group(1) else 0
        line = line[:cut] + "\\" + line[cut:]
    return line


def escape_markdown(text: str, *, line_break: str = " / ") -> str:
    """User text made inert inside Markdown: sanitised, one line, markers escaped where Markdown reads them.

    Use it for anything a user typed that goes into a Markdown export (table
    cells, list items, headings), so a note like ``# | 2000`` can neither open a
    heading nor a table column. Line breaks become ``line_break`` (`` / `` keeps
    them visible inside a table cell without HTML; pass " " for headings),
    leading spaces are dropped so nothing turns into a code block.
    """
    if (
        "\n" not in text
        and "\t" not in text
        and _UNSAFE.search(text) is None
        and _MD_INLINE.search(text) is None
        and _MD_LINE_START.match(text) is None
        and text == text.strip()
    ):
        return text
    clean = sanitize(text)
    if "\n" not in clean and "\t" not in clean:  # one line: most values
        return _escape_line(clean)
    lines = [line for line in map(_escape_line, clean.replace("\t", " ").split("\n")) if line]
    return line_break.join(lines)


_MD_BLOCK_START = re.compile(r"^(?:[#>]|[-+=*_](?=[-+=*_\s]*$))")


def escape_markdown_block(text: str) -> str:
    """A user's own multi-line text (a letter) kept as written in Markdown: lines, lists and numbering stay.

    Sanitised; inline markers escaped as in :func:`escape_markdown`; a line that
    would become a heading, a quote or a rule is escaped; indentation is cut to
    three spaces (four would start a code block); lines that follow each other
    end in a hard break, so the letter keeps its line breaks when rendered.
    """
    lines = []
    for raw in sanitize(text).replace("\t", "    ").split("\n"):
        body = raw.lstrip(" ")
        indent = " " * min(3, len(raw) - len(body))
        line = _MD_INLINE.sub(r"\\\g<0>", body.rstrip())
        if _MD_BLOCK_START.match(line) is not None:
            line = "\\" + line
        lines.append(indent + line if line else "")
    out = []
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        out.append(line + "  " if line and following else line)
    return "\n".join(out).strip("\n")
