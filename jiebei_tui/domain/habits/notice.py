"""A sentence for the user as a message id with its parameters, translated only when shown."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from jiebei_tui.domain import serial


def _identity(text: str) -> str:
    return text


@dataclass(frozen=True)
class Notice:
    """``message`` is a msgid with ``{placeholders}``; ``params`` are already formatted.

    A parameter named in ``translated`` is itself a msgid (a built-in category's
    label, say) and is translated before it is filled in.
    """

    message: str
    params: Mapping[str, str] = field(default_factory=dict)
    translated: frozenset[str] = frozenset()

    def render(self, translate: Callable[[str], str] | None = None) -> str:
        """The text in the UI language; ``translate`` is gettext-like (default: English)."""
        tr = translate or _identity
        values = {key: tr(value) if key in self.translated else value for key, value in self.params.items()}
        return tr(self.message).format(**values)

    def to_dict(self) -> dict[str, Any]:
        return {"message": self.message, "params": dict(self.params), "translated": sorted(self.translated)}

    @classmethod
    def from_dict(cls, data: Any) -> Notice:
        data = serial.mapping_from(data, "notice")
        params = serial.mapping_from(data.get("params", {}), "notice.params")
        translated = frozenset(
            serial.text_from(item, "notice.translated")
            for item in serial.list_from(data.get("translated", []), "notice.translated")
        )
        if not translated <= params.keys():
            raise ValueError("notice.translated names a parameter that is not there")
        return cls(
            serial.text_from(serial.required(data, "message", "notice"), "notice.message", allow_empty=False),
            {str(key): serial.text_from(value, f"notice.params.{key}") for key, value in params.items()},
            translated,
        )
