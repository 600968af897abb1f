"""The user's time zone and the one clock everything reads.

Collection rules depend on the user's hour (no contact 22:00–08:00), and the
users are in mainland China while the server they reach over SSH usually runs
on UTC. So the workbook has one "my time zone" setting, Beijing time unless the
user chooses otherwise, and never uses the server's zone by itself. Mainland
China has no daylight saving: Beijing time is a fixed UTC+08:00 and needs no tz
database. The other choice offered is this computer's zone, read as a named
zone (``zoneinfo``) when it has a name, so its daylight saving is right for
every date.

The setting's stored values: ``+08:00`` (Beijing time), an IANA name
(``Europe/Berlin``, ``UTC``), a fixed ``±HH:MM``, or ``system`` (written by
earlier versions: this computer's zone, whatever it is when read).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from jiebei_tui.domain.instants import BEIJING

BEIJING_SETTING = "+08:00"
SYSTEM = "system"
_FIXED = re.compile(r"([+-])(\d{2}):(\d{2})", re.ASCII)
_LOCALTIME = "/etc/localtime"


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def _named(name: str) -> tzinfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def system_zone(environ: Mapping[str, str] | None = None) -> tzinfo:
    """This computer's zone: ``TZ`` when set, else ``/etc/localtime``; named when a name can be found."""
    env = os.environ if environ is None else environ
    name = env.get("TZ")
    if name is not None:
        name = name.removeprefix(":")
        if not name:  # POSIX: an empty TZ is UTC
            return _named("UTC") or timezone.utc
        found = _named(name)
        if found is not None:
            return found
    else:
        target = os.path.realpath(_LOCALTIME)
        if "zoneinfo/" in target:
            found = _named(target.split("zoneinfo/", 1)[1])
            if found is not None:
                return found
    # A POSIX TZ string ("CST-8") or an unnamed file: the C library's offset now.
    local = datetime.now().astimezone().tzinfo
    return local if local is not None else timezone.utc


def zone_for(setting: str | None, environ: Mapping[str, str] | None = None) -> tzinfo:
    """The zone a stored setting means; Beijing time when nothing (or nothing usable) was chosen."""
    if setting is None or setting == BEIJING_SETTING:
        return BEIJING
    if setting == SYSTEM:
        return system_zone(environ)
    fixed = _FIXED.fullmatch(setting)
    if fixed is not None:
        sign = -1 if fixed.group(1) == "-" else 1
        return timezone(sign * timedelta(hours=int(fixed.group(2)), minutes=int(fixed.group(3))))
    return _named(setting) or BEIJING


def setting_for(zone: tzinfo, now: datetime) -> str:
    """What to store for ``zone``: ``+08:00`` for Beijing time, its IANA name, or its offset now."""
    if zone is BEIJING:
        return BEIJING_SETTING
    key = getattr(zone, "key", None)
    if isinstance(key, str) and key:
        return key
    offset = now.astimezone(zone).utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def is_beijing_offset(zone: tzinfo, now: datetime) -> bool:
    return now.astimezone(zone).utcoffset() == BEIJING.utcoffset(None)


def zone_choices(current: str | None, now: datetime, environ: Mapping[str, str] | None = None) -> list[tuple[str, tzinfo]]:
    """(setting, zone) to offer: Beijing time first, then this computer's zone, then the saved one if neither."""
    choices: list[tuple[str, tzinfo]] = [(BEIJING_SETTING, BEIJING)]
    system = system_zone(environ)
    if not is_beijing_offset(system, now):
        choices.append((setting_for(system, now), system))
    if current == SYSTEM:
        current = choices[-1][0]
    if current is not None and current not in (choice for choice, _zone in choices):
        choices.append((current, zone_for(current, environ)))
    return choices


class WallClock:
    """The one clock everything reads, on the user's zone; choosing a zone changes it for everyone at once.

    ``now`` gives the instant (tests inject their own); the clock returns it on the
    user's wall clock, so "today" and every time shown are the user's.
    """

    def __init__(self, now: Callable[[], datetime] = utc_now, zone: tzinfo = BEIJING) -> None:
        self._now = now
        self.zone = zone

    def __call__(self) -> datetime:
        return self._now().astimezone(self.zone)

    def use(self, now: Callable[[], datetime]) -> None:
        self._now = now

    def use_zone(self, zone: tzinfo) -> None:
        self.zone = zone
