"""Builds the App from a data directory; the CLI and the tests both use it."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from jiebei_tui.i18n import language_from_environment
from jiebei_tui.services import Services, WallClock, utc_now, zone_for
from jiebei_tui.store.store import open_store

if TYPE_CHECKING:
    from jiebei_tui.ui.shell.app import JiebeiApp


def open_services(data_dir: Path, clock: Callable[[], datetime] | None = None) -> Services:
    """Open the store and everything built on it; the clock reads ``clock`` (the real time unless given) on the
    user's saved zone (Beijing time until they choose)."""
    store, report = open_store(data_dir)
    services = Services(store, WallClock(clock or utc_now), report)
    services.clock.use_zone(zone_for(services.settings.load().timezone))
    return services


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
    from jiebei_tui.ui.shell.app import DEFAULT_THEME, JiebeiApp

    services = open_services(data_dir, clock)
    prefs = services.settings.load()
    env = os.environ if environ is None else environ
    chosen = language or prefs.language or language_from_environment(env)
    return JiebeiApp(services, language=chosen, theme=prefs.theme or DEFAULT_THEME, start_area=start_area)
