"""What the data folder needed, told as it is found: repairs, permissions, a folder that cannot be written,
the move to a new layout, files from a newer version (at start, and later when a file is first read)."""

from __future__ import annotations

from typing import Any

from jiebei_tui import locations
from jiebei_tui.i18n import _, tr, trn
from jiebei_tui.store.store import OpenReport
from jiebei_tui.ui.shell.banner import describe_save_error


def open_report_notices(report: OpenReport) -> list[tuple[str, dict[str, Any]]]:
    """(message, notify options) for each thing worth saying."""
    notices: list[tuple[str, dict[str, Any]]] = []
    for recovery in report.recoveries:
        if recovery.restored_from_backup:
            message = tr(
                "{name} was damaged ({reason}). It was moved to {aside} and the last good backup was restored.",
                name=recovery.path.name,
                reason=recovery.reason,
                aside=str(recovery.moved_to),
            )
        else:
            message = tr(
                "{name} was damaged ({reason}) and there was no good backup. It was moved to {aside}; "
                "the workbook starts without it. Nothing was deleted.",
                name=recovery.path.name,
                reason=recovery.reason,
                aside=str(recovery.moved_to),
            )
        notices.append((message, {"title": _("Data file recovered"), "severity": "warning", "timeout": 30}))
    if report.fixed_permissions:
        message = trn(
            "Made {n} data file private to your user again (it was readable by others).",
            "Made {n} data files private to your user again (they were readable by others).",
            len(report.fixed_permissions),
        )
        notices.append((message, {"title": _("Privacy"), "timeout": 15}))
    if report.not_writable is not None:
        message = tr(
            "The data folder cannot be written right now ({reason}). What you type is kept in memory and "
            "saved as soon as it can be; on Home, x exports a copy elsewhere.",
            reason=describe_save_error(report.not_writable),
        )
        notices.append((message, {"title": _("Not saved yet"), "severity": "warning", "timeout": 30}))
    if report.migration is not None:
        message = tr(
            "Your data now uses a faster layout; the old files are kept in {path}.",
            path=locations.display_path(report.migration.backup),
        )
        notices.append((message, {"timeout": 15}))
    for newer in report.newer:
        message = tr(
            "{name} was written by a newer version of jiebei-tui. It was not changed; what you type for it is "
            "kept in memory. Please update jiebei-tui.",
            name=newer.path.name,
        )
        notices.append((message, {"title": _("Not saved yet"), "severity": "warning", "timeout": 30}))
    return notices
