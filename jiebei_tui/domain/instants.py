"""Moments in time as stored: always timezone-aware, written as ISO 8601 with their offset.

A naive time read back on another machine (a server in UTC reached over SSH) silently
shifts by hours, and the collection rules depend on the hour, so naive datetimes are refused.
"""

from __future__ import annotations

from datetime import datetime


def require_aware(value: datetime, name: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware, got naive {value.isoformat()}")


def to_iso(value: datetime) -> str:
    return value.isoformat()


def from_iso(text: str, name: str) -> datetime:
    value = datetime.fromisoformat(text)
    require_aware(value, name)
    return value


def optional_from_iso(text: str | None, name: str) -> datetime | None:
    return None if text is None else from_iso(text, name)
