"""Opening a data folder: only what the first screen needs, whatever the history size.

Before anything is read or locked, the folder must be the user's own and hold no
symbolic links at its top (a link would let a write or a chmod land outside it;
files deeper down are opened with O_NOFOLLOW when first read); the folder
itself may be a link, to the folder that is used. At start, under the lock: the
folder and its top-level entries are made private again if needed (files inside
the area folders are checked when first read: a sweep over thousands of note
files would cost every start), leftovers of killed writers are removed,
``jiebei.json`` (settings and the layout's version) is read and checked, a folder
in the first release's layout is moved to the current one, and emergency files
of sessions cut off are merged. Everything else is read, and checked, when a
screen first asks for it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from filelock import Timeout

from jiebei_tui import locations
from jiebei_tui.i18n import N_
from jiebei_tui.store.emergency import merge_emergencies
from jiebei_tui.store.errors import UnsafeFolderError
from jiebei_tui.store.files import decode, read_regular
from jiebei_tui.store.migrate import is_old_layout, migrate, tidy_up
from jiebei_tui.store.report import OpenReport
from jiebei_tui.store.schema import version_of
from jiebei_tui.store.store import Store

FOREIGN_FOLDER = N_(
    "{path} belongs to another user ({owner}). jiebei-tui keeps your notes only in a folder of your own: "
    "choose another one with --data-dir. Nothing was read or changed."
)
LINK_INSIDE = N_(
    "{path} is a symbolic link. jiebei-tui does not follow links inside its data folder (a write could land "
    "somewhere else): move the real file or folder there instead. Nothing was read or changed."
)
NOT_A_FOLDER = N_("{path} is not a folder. Choose another one with --data-dir. Nothing was read or changed.")


def _owner(uid: int) -> str:
    try:
        import pwd

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return str(uid)


def check_folder(directory: Path) -> None:
    """Refuse a folder of another user, or with a symbolic link at its top (UnsafeFolderError)."""
    info = directory.stat()
    if not stat.S_ISDIR(info.st_mode):
        raise UnsafeFolderError(directory, NOT_A_FOLDER)
    if info.st_uid != os.geteuid():
        raise UnsafeFolderError(directory, FOREIGN_FOLDER, _owner(info.st_uid))
    with os.scandir(directory) as entries:
        for entry in entries:
            if entry.is_symlink():
                raise UnsafeFolderError(Path(entry.path), LINK_INSIDE)


def _secure_top(directory: Path, report: OpenReport) -> None:
    """Under the lock, so no other session's temp file can vanish between listing and chmod."""
    for path in [directory, *directory.iterdir()]:
        try:
            info = path.lstat()
        except FileNotFoundError:
            continue
        if stat.S_ISLNK(info.st_mode):
            continue
        is_dir = stat.S_ISDIR(info.st_mode)
        mode = stat.S_IMODE(info.st_mode)
        if mode & 0o077 or (is_dir and mode != 0o700):
            try:
                path.chmod(0o700 if is_dir else 0o600)
            except OSError:
                continue  # a read-only file system: reported as not writable
            (report.fixed_folders if is_dir else report.fixed_permissions).append(path)


def _remove_leftovers(directory: Path) -> None:
    """Under the lock no write is in progress: any temp file is left from a killed process."""
    tmp = locations.tmp_dir(directory)
    if tmp.is_dir():
        for leftover in tmp.iterdir():
            leftover.unlink(missing_ok=True)
    for leftover in [*directory.glob(".*.tmp"), *directory.glob("*.bak.tmp")]:  # the first release's
        leftover.unlink(missing_ok=True)


def open_directory(directory: Path) -> tuple[Store, OpenReport]:
    """Open (creating if needed) a data folder; see :func:`jiebei_tui.store.store.open_store`."""
    report = OpenReport()
    if directory.is_symlink():
        directory = directory.resolve()
    if not directory.exists():
        directory.mkdir(mode=0o700, parents=True)
        report.created = True
    check_folder(directory)
    store = Store(directory)
    disk = store.disk
    main_path = locations.main_file(directory)
    try:
        with store.locked():
            _secure_top(directory, report)
            _remove_leftovers(directory)
            main = disk.load_locked(main_path, keep=False)
            if is_old_layout(directory, disk, main):
                report.migration = migrate(directory, disk, main)
                store.forget_files()
            else:
                report.migration = tidy_up(directory)
                if not main:
                    disk.mark_layout()  # so later starts know the layout from this one small file
            report.emergencies = merge_emergencies(directory, disk)
    except (OSError, Timeout) as error:
        # Nothing can be repaired or moved now. Still refuse a newer or damaged main file rather
        # than show it empty, and an old layout that cannot be moved to the current one.
        if main_path.exists():
            tables = decode(main_path, read_regular(main_path))
            if version_of(tables) <= 1:
                raise
        report.not_writable = error
    report.merge(store.take_news())
    return store, report
