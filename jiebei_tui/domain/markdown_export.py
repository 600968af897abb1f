"""Everything saved, as a Markdown document a person can read or print.

Pure: takes the export document (see ``store.export``) and a translate
function. User text is sanitised so escape sequences never reach a terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from jiebei_tui.areas import table_titles
from jiebei_tui.domain.text_safety import escape_markdown
from jiebei_tui.i18n import N_

DOCUMENT_TITLE = N_("jiebei-tui export")
EXPORTED_AT = N_("Exported at")

TABLE_TITLES: dict[str, str] = table_titles()


def _value(value: Any) -> str:
    if isinstance(value, dict):
        return "; ".join(f"{escape_markdown(str(k))}: {_value(v)}" for k, v in value.items()) or "—"
    if isinstance(value, list):
        return ", ".join(_value(v) for v in value) or "—"
    return escape_markdown(str(value)) if value not in (None, "") else "—"


def _doc_lines(doc_id: str, doc: dict[str, Any]) -> list[str]:
    lines = [f"- **{escape_markdown(doc_id)}**"]
    lines += [f"  - {escape_markdown(key)}: {_value(value)}" for key, value in sorted(doc.items())]
    return lines


# One section of the export: a table name, its partition (None for a one-file table) and its documents.
Section = tuple[str, "str | None", Mapping[str, Mapping[str, Any]]]


def document_sections(document: Mapping[str, Any]) -> Iterator[Section]:
    """The sections of an export document, in the order they are printed."""
    for name, docs in sorted(document.get("tables", {}).items()):
        yield name, None, docs
    for name, periods in sorted(document.get("periodic", {}).items()):
        for period, docs in sorted(periods.items()):
            yield name, period, docs


def iter_markdown(
    exported_at: str, sections: Iterable[Section], translate: Callable[[str], str] = lambda s: s
) -> Iterator[str]:
    """The Markdown export a section at a time (an export never needs the whole history in memory)."""
    pending = "\n".join([f"# {translate(DOCUMENT_TITLE)}", "", f"{translate(EXPORTED_AT)}: {escape_markdown(exported_at)}", ""])
    for name, period, docs in sections:
        title = translate(TABLE_TITLES.get(name, name))
        heading = f"## {escape_markdown(title, line_break=' ')}"
        if period is not None:
            heading += f" {period}"  # a partition key: digits, letters, - and _ only
        lines = [f"{heading} ({len(docs)})", ""]
        for doc_id, doc in docs.items():
            lines += _doc_lines(doc_id, dict(doc))
        lines.append("")
        yield pending + "\n"
        pending = "\n".join(lines)
    yield pending.rstrip() + "\n"


def render_markdown(document: dict[str, Any], translate: Callable[[str], str] = lambda s: s) -> str:
    return "".join(iter_markdown(document.get("exported_at", ""), document_sections(document), translate))
