"""sanitize(): nothing that steers a terminal or reading order gets through."""

from __future__ import annotations

import unicodedata

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from jiebei_tui.domain.text_safety import is_unsafe_char, sanitize, sanitize_inline

BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def _has_unsafe(text: str) -> bool:
    """Independent of the implementation: any Cc except LF/TAB, bidi controls, U+2028/9, surrogates."""
    for char in text:
        if char in "\n\t":
            continue
        if unicodedata.category(char) in ("Cc", "Cs", "Zl", "Zp") or char in BIDI:
            return True
    return False


def test_escape_sequences_become_visible() -> None:
    assert sanitize("\x1b[31mred\x1b[0m") == "␛[31mred␛[0m"
    # OSC 52 (clipboard write) terminated by BEL
    assert sanitize("\x1b]52;c;aGk=\x07") == "␛]52;c;aGk=␇"
    assert sanitize("a\x7fb") == "a␡b"
    assert sanitize("\x9b31m") == "<U+009B>31m"  # 8-bit CSI
    assert sanitize("\x00") == "␀"


def test_bidi_override_cannot_reverse_a_number() -> None:
    assert sanitize("还款\u202e0002\u202c元") == "还款<U+202E>0002<U+202C>元"


def test_newlines_and_tabs() -> None:
    assert sanitize("a\r\nb\rc\nd\te") == "a\nb\nc\nd\te"
    assert sanitize("a\u2028b") == "a\nb"
    assert sanitize_inline("a\nb\tc\r\nd") == "a b c d"


def test_chinese_and_fullwidth_untouched() -> None:
    text = "他：你再不还就上门！？１２月５日还￥２０００。借唄逾期 😟"
    assert sanitize(text) == text
    assert sanitize_inline(text) == text


def test_lone_surrogate_replaced() -> None:
    assert sanitize("a\udc80b") == "a\ufffdb"
    sanitize("a\udc80b").encode("utf-8")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF)))
def test_output_is_safe_and_idempotent(text: str) -> None:
    out = sanitize(text)
    assert not _has_unsafe(out)
    assert not any(is_unsafe_char(c) for c in out)
    assert sanitize(out) == out
    inline = sanitize_inline(text)
    assert "\n" not in inline and "\t" not in inline and not _has_unsafe(inline)
    assert sanitize_inline(inline) == inline


CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF) | st.sampled_from("，。！？：；“”（）１２３ａｂ")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=CJK))
def test_cjk_preserved(text: str) -> None:
    assert sanitize(text) == text


@settings(max_examples=200, deadline=None)
@given(st.text(), st.text(alphabet="\x1b\x07\x9b\u202e\r\x00"), st.text())
def test_surrounding_text_kept(before: str, controls: str, after: str) -> None:
    """Visible replacement never swallows the text around a control character."""
    assume("\r" not in before and "\r" not in after)
    out = sanitize(before + controls + after)
    assert out.startswith(sanitize(before))
    assert out.endswith(sanitize(after))
    assert not _has_unsafe(out)


def _reference_sanitize(text: str) -> str:
    """The per-character definition sanitize() must keep matching (it now works on whole strings)."""
    import re

    from jiebei_tui.domain.text_safety import _visible

    text = re.sub(r"\r\n?", "\n", text)
    return "".join(_visible(char) if is_unsafe_char(char) else char for char in text)


def _reference_escape(text: str, line_break: str = " / ") -> str:
    import re

    lines = []
    for line in _reference_sanitize(text).replace("\t", " ").split("\n"):
        out = ""
        line = line.strip()
        for index, char in enumerate(line):
            entity = char == "&" and re.match(r"&#?\w+;", line[index:]) is not None
            out += "\\" + char if char in "\\`*_[]|~<" or entity else char
        if re.match(r"[#>]", out) or re.match(r"[-+=](\s|$|[-+=\s]*$)", out):
            out = "\\" + out
        elif (number := re.match(r"(\d{1,9})[.)](\s|$)", out)) is not None:
            out = number.group(1) + "\\" + out[len(number.group(1)) :]
        if out:
            lines.append(out)
    return line_break.join(lines)


def test_markdown_escapes_only_what_markdown_reads() -> None:
    from jiebei_tui.domain.text_safety import escape_markdown

    assert escape_markdown("2026-12-01 还 5000.00 元 & 利息 #2 > 1") == "2026-12-01 还 5000.00 元 & 利息 #2 > 1"
    assert escape_markdown("# | 2000") == "\\# \\| 2000"
    assert escape_markdown("- 列表") == "\\- 列表"
    assert escape_markdown("1. 第一") == "1\\. 第一"
    assert escape_markdown("---") == "\\---"
    assert escape_markdown("> 引用") == "\\> 引用"
    assert escape_markdown("*强调* [链接](x) <b> &amp;") == "\\*强调\\* \\[链接\\](x) \\<b> \\&amp;"
    assert escape_markdown("第一行\n第二行") == "第一行 / 第二行"


MARKDOWNISH = st.text(alphabet=st.sampled_from(list("ab 1-+=.)\\`*_[]#|<>~&\n\r\t\x1b\u202e\u3000\u2028借")) )


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF)) | MARKDOWNISH)
def test_whole_string_versions_match_the_per_character_definition(text: str) -> None:
    from jiebei_tui.domain.text_safety import escape_markdown

    assert sanitize(text) == _reference_sanitize(text)
    assert escape_markdown(text) == _reference_escape(text)
    assert escape_markdown(text, line_break="<br>") == _reference_escape(text, "<br>")
