"""The user's preferences (language, colours, time zone, the call coach): one small document in the main file."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jiebei_tui.i18n import parse_language
from jiebei_tui.store.report import OpenReport
from jiebei_tui.store.store import Store

SETTINGS_TABLE = "settings"
PREFERENCES_ID = "preferences"
COACH_ON, COACH_OFF = "on", "off"


@dataclass(frozen=True)
class Preferences:
    """What was chosen; None where nothing was chosen yet (the defaults then apply)."""

    language: str | None = None
    theme: str | None = None
    timezone: str | None = None
    coach: bool = True  # the call coach beside the notes; "off" only when the user turned it off
    zone_asked: bool = False  # the time-zone question was shown (answered or put off): never asked again

    @classmethod
    def from_dict(cls, doc: dict[str, Any]) -> Preferences:
        return cls.read(doc)[0]

    @classmethod
    def read(cls, doc: dict[str, Any]) -> tuple[Preferences, list[tuple[str, str]]]:
        """The preferences, and those not understood as (name, value as written): a file edited by hand,
        or written by a newer version, never stops the app from starting; the defaults apply instead."""
        ignored: list[tuple[str, str]] = []

        def text(key: str) -> str | None:
            value = doc.get(key)
            if value is None or value == "":
                return None
            if isinstance(value, str):
                return value
            ignored.append((key, repr(value)[:40]))
            return None

        language = text("language")
        if language is not None:
            try:
                language = parse_language(language)
            except ValueError:
                ignored.append(("language", language[:40]))
                language = None
        prefs = cls(
            language=language,
            theme=text("theme"),
            timezone=text("timezone"),
            coach=doc.get("coach") != COACH_OFF,
            zone_asked=doc.get("zone_asked") is True,
        )
        return prefs, ignored


class SettingsRepo:
    def __init__(self, store: Store) -> None:
        self._store = store
        self._told: set[tuple[str, str]] = set()

    def load(self) -> Preferences:
        """The saved preferences; any not understood is reported once (``Store.take_news``)."""
        prefs, ignored = Preferences.read(self._store.get(SETTINGS_TABLE, PREFERENCES_ID) or {})
        self.ignore([item for item in ignored if item not in self._told])
        return prefs

    def ignore(self, settings: list[tuple[str, str]]) -> None:
        """Tell the user these saved settings are not used (the App adds a theme it does not have)."""
        if settings:
            self._told.update(settings)
            self._store.tell(OpenReport(ignored_settings=settings))

    def save(self, **values: str | bool) -> bool:
        """Remember these choices; keys written by other versions are kept."""
        doc = self._store.get(SETTINGS_TABLE, PREFERENCES_ID) or {}
        doc.pop("id", None)
        doc.update(values)
        return self._store.put(SETTINGS_TABLE, PREFERENCES_ID, doc)
