"""Words the domain hands to the UI: message ids it translates at display time, never English text.

Three shapes: :class:`Labelled`, a keyed item with a label and a hint (checklist lines);
:class:`LabelledEnum`, an enum whose members carry their label (``RecordKind.CALL.label``);
:class:`Message`, a msgid with its parameters, and for a count its English plural.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import TypeVar

from jiebei_tui.i18n import tr, trn, untranslated

_E = TypeVar("_E", bound="LabelledEnum")


@dataclass(frozen=True)
class Labelled:
    """A stable key, an English label msgid and a short hint msgid (translated by the UI)."""

    key: str
    label: str
    hint: str


class LabelledEnum(str, Enum):
    """An enum of stored values whose members carry their label msgid.

    Declared as ``CALL = "call", N_("Call")``: ``.value`` is the first item, what the
    files on disk hold, so it never changes; ``.label`` the msgid the UI translates.
    """

    label: str

    def __new__(cls: type[_E], value: str, label: str = "") -> _E:
        # ``label`` has a default only so that a lookup by value, ``RecordKind("call")``,
        # type-checks; that lookup never reaches this method. Every member names its label.
        if not label:
            raise ValueError(f"{cls.__name__} member {value!r} needs a label")
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    @property
    def value(self) -> str:
        """The stored value (typed as ``str``: members are declared as (value, label) pairs)."""
        return str(self._value_)


@dataclass(frozen=True)
class Message:
    """A msgid and its ``{params}`` (already formatted: translation never touches numbers).

    With ``plural``, it is an ngettext pair and ``count`` picks the form, so English
    says "1 day" and "2 days" while Chinese has one form for both.
    """

    msgid: str
    params: Mapping[str, str] = field(default_factory=dict)
    plural: str | None = None
    count: int = 0

    @classmethod
    def counted(cls, forms: tuple[str, str], count: int, params: Mapping[str, str]) -> Message:
        """A plural message: ``forms`` is an ``N_plural`` pair, ``count`` picks the form."""
        return cls(forms[0], params, forms[1], count)

    def text(self) -> str:
        """In the current language."""
        if self.plural is None:
            return tr(self.msgid, **self.params)
        return trn(self.msgid, self.plural, self.count, **self.params)

    def english(self) -> str:
        """Untranslated, placeholders filled (logs and tests)."""
        if self.plural is None:
            text = untranslated(self.msgid)
            return text.format(**self.params) if self.params else text
        template = self.msgid if self.count == 1 else self.plural
        return template.format(n=self.count, **self.params)
