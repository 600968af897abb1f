"""The data folder's news as the App's notifications (the sentences are ``services.news``)."""

from __future__ import annotations

from typing import Any

from jiebei_tui.services.news import report_notices
from jiebei_tui.store.store import OpenReport
from jiebei_tui.ui.common.keys import key_label


def open_report_notices(report: OpenReport) -> list[tuple[str, dict[str, Any]]]:
    """(message, notify options) for each thing worth saying; file text in them is never read as markup."""
    return [
        (
            notice.message,
            {
                "title": notice.title,
                "severity": "warning" if notice.warning else "information",
                "timeout": notice.seconds,
                "markup": False,
            },
        )
        for notice in report_notices(report, export_key="x", settings_key=key_label("settings"))
    ]
