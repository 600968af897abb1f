"""Builds the App from a data directory; the CLI and the tests both use it."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from jiebei_tui.i18n import language_from_environment
from jiebei_tui.store.store import open_store

if TYPE_CHECKING:
    from jiebei_tui.ui.shell.app import JiebeiApp


def create_app(
    data_dir: Path,
    *,
    language: str | None = None,
    start_area: str = "home",
    clock: Callable[[], datetime] | None = None,
    environ: Mapping[str, str] | None = None,
) -> JiebeiApp:
    """Open the store and build the App.

    ``language`` (from ``--lang``) applies to this run only; otherwise the saved
    choice, and on the very first run LC_ALL/LANG. Raises NewerSchemaError when
    the data was written by a newer version (nothing is written then).
    """
    from jiebei_tui.ui.shell.app import DEFAULT_THEME, JiebeiApp, load_preferences
    from jiebei_tui.ui.shell.clock import clock_for

    store, report = open_store(data_dir)
    prefs = load_preferences(store)
    env = os.environ if environ is None else environ
    chosen = language or prefs.get("language") or language_from_environment(env)
    return JiebeiApp(
        store,
        report,
        language=chosen,
        theme=prefs.get("theme", DEFAULT_THEME),
        start_area=start_area,
        clock=clock or clock_for(prefs.get("timezone")),
    )
