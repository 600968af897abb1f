"""What the data folder needed, as sentences: for the App's notices and the command line's stderr alike.

Repairs, permissions, a folder that cannot be written, the move to a new layout,
files from a newer version, emergency files merged, settings not understood.
Each :class:`Notice` says whether data was left out of what is shown (an export
then exits non-zero). Paths and values found on disk are file text: callers
show them as plain text, never as markup.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass

from jiebei_tui import locations
from jiebei_tui.i18n import N_, _, tr, trn
from jiebei_tui.store.errors import LockTimeout, NewerSchemaError
from jiebei_tui.store.report import FROM_BACKUP, FROM_MEMORY, NOTHING, REBUILT, OpenReport

_REASONS = {
    errno.ENOSPC: N_("the disk is full"),
    errno.EDQUOT: N_("the disk quota is used up"),
    errno.EROFS: N_("the data folder is read-only"),
    errno.EACCES: N_("no permission to write the data folder"),
    errno.EPERM: N_("no permission to write the data folder"),
}


def describe_save_error(error: BaseException | None) -> str:
    if isinstance(error, LockTimeout):
        return _("another session is holding the data lock")
    if isinstance(error, NewerSchemaError):
        return _("a data file was written by a newer version of jiebei-tui")
    if isinstance(error, OSError) and error.errno in _REASONS:
        return _(_REASONS[error.errno])
    return _("the data file could not be written") if error else ""


@dataclass(frozen=True)
class Notice:
    message: str
    title: str = ""
    warning: bool = False
    seconds: int = 15
    left_out: bool = False  # something saved is not in what is shown (or exported) now


_RECOVERED = {
    FROM_MEMORY: N_(
        "{name} was damaged ({reason}). It was moved to {aside} and replaced by the version this session "
        "had just saved: nothing is missing."
    ),
    FROM_BACKUP: N_(
        "{name} was damaged ({reason}). It was moved to {aside} and the last good backup was restored; "
        "the change saved last may be only in the damaged copy."
    ),
    REBUILT: N_("{name} was damaged ({reason}). It was moved to {aside} and worked out again from the data files."),
}
_NOT_RECOVERED = N_(
    "{name} was damaged ({reason}) and there was no good copy. It was moved to {aside}; the workbook "
    "goes on without it. Nothing was deleted."
)


def report_notices(report: OpenReport, *, export_key: str = "x", settings_key: str = "F9") -> list[Notice]:
    """One notice per thing worth saying, in the current language."""
    notices: list[Notice] = []
    for recovery in report.recoveries:
        message = tr(
            _RECOVERED.get(recovery.restored_from, _NOT_RECOVERED),
            name=recovery.path.name,
            reason=_(recovery.reason),
            aside=str(recovery.moved_to),
        )
        lost = recovery.restored_from in (NOTHING, FROM_BACKUP)
        notices.append(Notice(message, _("Data file recovered"), True, 30, lost))
    for emergency in report.emergencies:
        if emergency.merged:
            message = trn(
                "A session that was cut off had {n} change it could not save in time. It was kept in an "
                "emergency file and is now saved.",
                "A session that was cut off had {n} changes it could not save in time. They were kept in an "
                "emergency file and are now saved.",
                emergency.changes,
            )
        else:
            message = tr(
                "An emergency file of a session that was cut off could not be merged: {path}. It was kept; "
                "nothing was deleted.",
                path=str(emergency.path),
            )
        notices.append(Notice(message, _("Recovered after a dropped session"), not emergency.merged, 30, not emergency.merged))
    for name, value in report.ignored_settings:
        message = tr(
            "The saved setting {name} = {value} is not understood; the default is used. Choose it again in "
            "Settings ({key}).",
            name=name,
            value=value,
            key=settings_key,
        )
        notices.append(Notice(message, _("Settings")))
    if report.fixed_folders:
        message = _("Made the data folder private to your user again (others could open it).")
        notices.append(Notice(message, _("Privacy")))
    if report.fixed_permissions:
        message = trn(
            "Made {n} data file private to your user again (it was readable by others).",
            "Made {n} data files private to your user again (they were readable by others).",
            len(report.fixed_permissions),
        )
        notices.append(Notice(message, _("Privacy")))
    if report.not_writable is not None:
        message = tr(
            "The data folder cannot be written right now ({reason}). What you type is kept in memory and "
            "saved as soon as it can be; on Home, {key} exports a copy elsewhere.",
            reason=describe_save_error(report.not_writable),
            key=export_key,
        )
        notices.append(Notice(message, _("Not saved yet"), True, 30))
    if report.migration is not None:
        message = tr(
            "Your data now uses a faster layout; the old files are kept in {path}.",
            path=locations.display_path(report.migration.backup),
        )
        notices.append(Notice(message))
    for newer in report.newer:
        message = tr(
            "{name} was written by a newer version of jiebei-tui. It was not changed; what you type for it is "
            "kept in memory. Please update jiebei-tui.",
            name=newer.path.name,
        )
        notices.append(Notice(message, _("Not saved yet"), True, 30, True))
    return notices
