"""Opening a data folder: only what the first screen needs, whatever the history size.

At start, under the lock: the folder and its top-level entries are made private
again if needed (files inside the area folders are checked when first read: a
sweep over thousands of note files would cost every start), leftovers of killed
writers are removed, ``jiebei.json`` (settings and the layout's version) is read
and checked, and a folder in the first release's layout is moved to the current
one. Everything else is read, and checked, when a screen first asks for it.
"""

from __future__ import annotations

import stat
from pathlib import Path

from filelock import Timeout

from jiebei_tui import locations
from jiebei_tui.store.files import decode
from jiebei_tui.store.migrate import is_old_layout, migrate, tidy_up
from jiebei_tui.store.report import OpenReport
from jiebei_tui.store.schema import version_of
from jiebei_tui.store.store import Store


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
            report.fixed_permissions.append(path)


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
    if not directory.exists():
        directory.mkdir(mode=0o700, parents=True)
        report.created = True
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
    except (OSError, Timeout) as error:
        # Nothing can be repaired or moved now. Still refuse a newer or damaged main file rather
        # than show it empty, and an old layout that cannot be moved to the current one.
        if main_path.exists():
            tables = decode(main_path, main_path.read_bytes())
            if version_of(tables) <= 1:
                raise
        report.not_writable = error
    report.merge(store.take_news())
    return store, report
