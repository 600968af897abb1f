"""Moments in time as stored, and as the user reads them.

Stored moments are always timezone-aware ISO 8601 with their offset, so each one
names one instant whatever machine reads it back. Rules and displays never use
that stored offset as the user's clock: they convert to the user's own zone
(Beijing time unless they chose another) when they read, so changing the zone
judges every record again. A naive time is refused: read back on a server in UTC
it would silently shift by hours, and the collection rules depend on the hour.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone, tzinfo

# Mainland China has had no daylight saving since 1991: a fixed offset is exact and needs no tz database.
BEIJING = timezone(timedelta(hours=8), "UTC+08:00")


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


def in_zone(moment: datetime, zone: tzinfo) -> datetime:
    """The same instant on the wall clock of ``zone``."""
    require_aware(moment, "moment")
    return moment.astimezone(zone)


def local_day(moment: datetime, zone: tzinfo) -> date:
    """The calendar day of ``moment`` in ``zone`` (what "per day" means to the user)."""
    return in_zone(moment, zone).date()


def offset_text(moment: datetime) -> str:
    """``UTC+08:00``, ``UTC-03:30``, or ``UTC`` for a zero offset."""
    offset = moment.utcoffset() or timedelta(0)
    if not offset:
        return "UTC"
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"


def wall_time(moment: datetime, zone: tzinfo, *, seconds: bool = True) -> str:
    """``2026-12-01 22:30:05`` in ``zone`` (the zone itself is said once, where the times are listed)."""
    local = in_zone(moment, zone)
    return f"{local:%Y-%m-%d %H:%M:%S}" if seconds else f"{local:%Y-%m-%d %H:%M}"
