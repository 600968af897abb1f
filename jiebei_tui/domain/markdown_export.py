"""Everything saved, as a Markdown document a person can read or print.

Pure: takes the export document (see ``store.export``) and a translate
function. User text is sanitised so escape sequences never reach a terminal.
"""

from __future__ import annotations

from collections.abc import Callable
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


def render_markdown(document: dict[str, Any], translate: Callable[[str], str] = lambda s: s) -> str:
    lines = [
        f"# {translate(DOCUMENT_TITLE)}",
        "",
        f"{translate(EXPORTED_AT)}: {escape_markdown(document.get('exported_at', ''))}",
        "",
    ]
    for name, docs in sorted(document.get("tables", {}).items()):
        lines += [f"## {translate(TABLE_TITLES.get(name, name))} ({len(docs)})", ""]
        for doc_id, doc in docs.items():
            lines += _doc_lines(doc_id, doc)
        lines.append("")
    for name, periods in sorted(document.get("periodic", {}).items()):
        for period, docs in sorted(periods.items()):
            lines += [f"## {translate(TABLE_TITLES.get(name, name))} {period} ({len(docs)})", ""]
            for doc_id, doc in docs.items():
                lines += _doc_lines(doc_id, doc)
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
