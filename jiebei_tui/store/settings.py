"""The user's preferences (language, colours, time zone, the call coach): one small document in the main file."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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
        def text(key: str) -> str | None:
            value = doc.get(key)
            return value if isinstance(value, str) and value else None

        return cls(
            language=text("language"),
            theme=text("theme"),
            timezone=text("timezone"),
            coach=doc.get("coach") != COACH_OFF,
            zone_asked=doc.get("zone_asked") is True,
        )


class SettingsRepo:
    def __init__(self, store: Store) -> None:
        self._store = store

    def load(self) -> Preferences:
        return Preferences.from_dict(self._store.get(SETTINGS_TABLE, PREFERENCES_ID) or {})

    def save(self, **values: str | bool) -> bool:
        """Remember these choices; keys written by other versions are kept."""
        doc = self._store.get(SETTINGS_TABLE, PREFERENCES_ID) or {}
        doc.pop("id", None)
        doc.update(values)
        return self._store.put(SETTINGS_TABLE, PREFERENCES_ID, doc)
