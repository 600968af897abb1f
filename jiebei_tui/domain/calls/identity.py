"""Who says they are calling, for whom, and how far each detail was checked."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from jiebei_tui.domain.labels import Labelled, LabelledEnum
from jiebei_tui.domain.text_safety import storable
from jiebei_tui.i18n import N_


class IdentityStatus(LabelledEnum):
    NOT_ASKED = "not_asked", N_("not asked")
    ASKED = "asked", N_("asked, no answer")  # asked, but no answer (yet)
    GIVEN = "given", N_("given, not checked")  # they told me; not checked
    # Checked through an official channel (e.g. 95188, the lender's agency list).
    VERIFIED = "verified", N_("verified through an official channel")

IDENTITY_STATUS_CYCLE: tuple[IdentityStatus, ...] = tuple(IdentityStatus)


def next_identity_status(status: IdentityStatus) -> IdentityStatus:
    """The status one key press further (the identity panel cycles with a single key)."""
    index = IDENTITY_STATUS_CYCLE.index(status)
    return IDENTITY_STATUS_CYCLE[(index + 1) % len(IDENTITY_STATUS_CYCLE)]


IDENTITY_FIELDS: tuple[Labelled, ...] = (
    Labelled("caller_name", N_("Caller's name"), N_("Ask for their full name.")),
    Labelled("staff_id", N_("Staff ID"), N_("Their staff or job number (工号).")),
    Labelled(
        "institution",
        N_("Calling for"),
        N_("The lender or collection agency they call for. They must say it at first contact."),
    ),
    Labelled(
        "callback_number",
        N_("Callback number"),
        N_("A number to call them back on. Check it through the lender's official channels."),
    ),
    Labelled("claimed_amount", N_("Amount they claim"), N_("Compare it with the amount on your loan page.")),
    Labelled("claimed_days_overdue", N_("Days overdue they claim"), N_("Compare it with your loan page.")),
)
IDENTITY_KEYS: tuple[str, ...] = tuple(item.key for item in IDENTITY_FIELDS)


@dataclass(frozen=True)
class IdentityEntry:
    """One identity detail: how far it got (status), what they said (value), how it was checked (channel)."""

    status: IdentityStatus = IdentityStatus.NOT_ASKED
    value: str = ""
    channel: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status.value, "value": self.value, "channel": self.channel}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> IdentityEntry:
        return cls(
            IdentityStatus(data.get("status", IdentityStatus.NOT_ASKED.value)),
            str(data.get("value", "")),
            str(data.get("channel", "")),
        )


@dataclass(frozen=True)
class Identity:
    """Who says they are calling, for whom, and about what; one entry per IDENTITY_KEYS."""

    caller_name: IdentityEntry = IdentityEntry()
    staff_id: IdentityEntry = IdentityEntry()
    institution: IdentityEntry = IdentityEntry()
    callback_number: IdentityEntry = IdentityEntry()
    claimed_amount: IdentityEntry = IdentityEntry()
    claimed_days_overdue: IdentityEntry = IdentityEntry()

    def get(self, key: str) -> IdentityEntry:
        if key not in IDENTITY_KEYS:
            raise KeyError(key)
        entry: IdentityEntry = getattr(self, key)
        return entry

    def with_entry(self, key: str, entry: IdentityEntry) -> Identity:
        self.get(key)
        return replace(self, **{key: entry})

    def with_value(self, key: str, value: str) -> Identity:
        """Typing a value marks it given; changing a verified value drops the verification."""
        value = storable(value).strip()
        old = self.get(key)
        if not value:
            status = IdentityStatus.NOT_ASKED if old.status is IdentityStatus.NOT_ASKED else IdentityStatus.ASKED
            return self.with_entry(key, IdentityEntry(status, "", ""))
        if old.status is IdentityStatus.VERIFIED and old.value == value:
            return self
        return self.with_entry(key, IdentityEntry(IdentityStatus.GIVEN, value, ""))

    def with_status(self, key: str, status: IdentityStatus, channel: str = "") -> Identity:
        """Set the status; ``channel`` says how it was verified (kept only for VERIFIED)."""
        old = self.get(key)
        channel = storable(channel).strip() if status is IdentityStatus.VERIFIED else ""
        return self.with_entry(key, IdentityEntry(status, old.value, channel))

    def keys_with(self, *statuses: IdentityStatus) -> tuple[str, ...]:
        return tuple(key for key in IDENTITY_KEYS if self.get(key).status in statuses)

    @property
    def is_verified(self) -> bool:
        """Verified means the institution was confirmed through an official channel.

        That is the check that tells a real collector from a scammer; the other
        verified fields are reported alongside by ``summarize``.
        """
        return self.institution.status is IdentityStatus.VERIFIED

    def to_dict(self) -> dict[str, Any]:
        return {key: self.get(key).to_dict() for key in IDENTITY_KEYS}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Identity:
        return cls(**{key: IdentityEntry.from_dict(data[key]) for key in IDENTITY_KEYS if key in data})

