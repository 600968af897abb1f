"""A one-line notice at the top of every area when saving needs attention."""

from __future__ import annotations

import errno

from textual.widgets import Static

from jiebei_tui.i18n import N_, _, trn
from jiebei_tui.store.errors import LockTimeout

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
    if isinstance(error, OSError) and error.errno in _REASONS:
        return _(_REASONS[error.errno])
    return _("the data file could not be written") if error else ""


class SaveBanner(Static):
    """Hidden while everything is saved; otherwise says what is kept and what to do."""

    def show_state(self, pending: int, error: BaseException | None) -> None:
        self.display = bool(pending)
        if pending:
            self.update(
                trn(
                    "Not saved yet: {reason}. {n} change is kept in memory and retried every few "
                    "seconds. Nothing is lost while the app stays open; press F2, then x, to export a copy elsewhere.",
                    "Not saved yet: {reason}. {n} changes are kept in memory and retried every few "
                    "seconds. Nothing is lost while the app stays open; press F2, then x, to export a copy elsewhere.",
                    pending,
                    reason=describe_save_error(error),
                )
            )
