"""Which wall clock the workbook uses.

Collection rules depend on the local hour (no contact 22:00–08:00), so a
server reached over SSH that runs on UTC would misjudge them. Users can pin
UTC+08:00 (mainland China, Hong Kong, Macau and Taiwan have no daylight saving,
so a fixed offset is exact and needs no tz database).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone

from jiebei_tui.i18n import N_

SYSTEM = "system"
CHINA = "+08:00"
CHINA_ZONE = timezone(timedelta(hours=8), "UTC+08:00")

TIME_ZONES: dict[str, str] = {
    SYSTEM: N_("This computer's time zone"),
    CHINA: N_("UTC+08:00 (mainland China, Hong Kong, Macau, Taiwan)"),
}


def local_now() -> datetime:
    return datetime.now().astimezone()


def clock_for(setting: str | None) -> Callable[[], datetime]:
    if setting == CHINA:
        return lambda: datetime.now(CHINA_ZONE)
    return local_now


def system_offset_label() -> str:
    offset = datetime.now().astimezone().strftime("%z")
    return f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"


class WallClock:
    """The one clock everything reads; choosing a time zone swaps what it reads, for everyone at once."""

    def __init__(self, now: Callable[[], datetime] = local_now) -> None:
        self._now = now

    def __call__(self) -> datetime:
        return self._now()

    def use(self, now: Callable[[], datetime]) -> None:
        self._now = now
