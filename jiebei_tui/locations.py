"""Every path the app uses, in one place.

The data directory is the platformdirs user data dir unless ``--data-dir`` or
``JIEBEI_TUI_DATA_DIR`` says otherwise. Styles and catalogs ship inside the
package (``styles/`` is mapped to ``jiebei_tui/styles`` in the wheel).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

APP_NAME = "jiebei-tui"
DATA_DIR_ENV = "JIEBEI_TUI_DATA_DIR"

MAIN_FILE = "jiebei.json"
DRAFTS_FILE = "drafts.json"
NOTES_DIR = "notes"
LOCK_FILE = "jiebei.lock"
TMP_DIR = ".tmp"  # temporary files of atomic writes (same file system, so renames stay atomic)
BACKUP_PREFIX = "backup-"  # old files kept by a migration: backup-schema1-<time>/

_PACKAGE_DIR = Path(__file__).resolve().parent


def default_data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def data_dir(override: str | os.PathLike[str] | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """The data directory: explicit override, then the environment, then platformdirs."""
    env = os.environ if environ is None else environ
    if override:
        return Path(override).expanduser().absolute()
    if env.get(DATA_DIR_ENV):
        return Path(env[DATA_DIR_ENV]).expanduser().absolute()
    return default_data_dir()


def main_file(directory: Path) -> Path:
    return directory / MAIN_FILE


def drafts_file(directory: Path) -> Path:
    return directory / DRAFTS_FILE


def notes_dir(directory: Path) -> Path:
    return directory / NOTES_DIR


def notes_file(directory: Path, record_id: str) -> Path:
    """One call's notes (``record_id`` must be a valid partition key, see ``store.tables``)."""
    return notes_dir(directory) / f"{record_id}.json"


def lock_file(directory: Path) -> Path:
    return directory / LOCK_FILE


def tmp_dir(directory: Path) -> Path:
    return directory / TMP_DIR


def styles_dir() -> Path:
    """Installed wheels carry ``jiebei_tui/styles``; a source checkout has ``styles/`` beside the package."""
    packaged = _PACKAGE_DIR / "styles"
    if packaged.is_dir():
        return packaged
    return _PACKAGE_DIR.parent / "styles"


def stylesheet() -> Path:
    return styles_dir() / "app.tcss"


def locale_dir() -> Path:
    return _PACKAGE_DIR / "locale"


def display_path(path: Path, home: Path | None = None) -> str:
    """A path as the user would type it: the home directory shortened to ``~``."""
    home = Path.home() if home is None else home
    try:
        return "~/" + str(path.relative_to(home)) if path != home else "~"
    except ValueError:
        return str(path)
