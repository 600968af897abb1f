"""How the user's time zone is named on screen and in every export."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo

from jiebei_tui.domain.instants import BEIJING, in_zone, offset_text
from jiebei_tui.i18n import N_

BEIJING_LABEL = N_("Beijing time (UTC+08:00)")
NAMED_ZONE = N_("{name} ({offset})")
TIMES_IN = N_("All times are in {zone}.")


def zone_name(zone: tzinfo, at: datetime) -> str:
    """The zone's IANA name (``Europe/Berlin``) when it has one, else its offset at ``at``."""
    key = getattr(zone, "key", None)
    return key if isinstance(key, str) and key else offset_text(in_zone(at, zone))


def zone_label(zone: tzinfo, at: datetime, translate: Callable[[str], str] = lambda s: s) -> str:
    """``Beijing time (UTC+08:00)``, ``Europe/Berlin (UTC+01:00)``, ``UTC``: what the zone is, at ``at``."""
    local = in_zone(at, zone)
    if zone is BEIJING or (getattr(zone, "key", None) in (None, "") and local.utcoffset() == BEIJING.utcoffset(None)):
        return translate(BEIJING_LABEL)
    name, offset = zone_name(zone, at), offset_text(local)
    return name if name == offset else translate(NAMED_ZONE).format(name=name, offset=offset)
