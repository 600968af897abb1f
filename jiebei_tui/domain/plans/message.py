"""Text the plans area produces: a message id with its parameters, translated only when shown.

Amounts and dates arrive already formatted, so translation never touches a number.
A parameter may itself be a :class:`Message` (a label that needs translating) or a
:class:`Joined` list (the causes someone picked). Plain strings are formatted
figures; :class:`UserText` marks what the user typed, which is never translated and
is the only thing ``escape`` touches (Markdown escaping, terminal sanitising).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Union

from jiebei_tui.i18n import N_

Translate = Callable[[str], str]
Escape = Callable[[str], str]

LIST_SEPARATOR = N_(", ")


def identity(text: str) -> str:
    return text


class UserText(str):
    """Text the user typed (a lender, a note): never translated, escaped when rendered."""


Param = Union[str, "Message", "Joined"]


@dataclass(frozen=True)
class Message:
    """A msgid and the values for its ``{placeholders}``."""

    msgid: str
    params: Mapping[str, Param] = field(default_factory=dict)

    def render(self, translate: Translate = identity, escape: Escape = identity) -> str:
        """Translate, then fill; ``escape`` is applied to every :class:`UserText` value."""
        values = {key: _render_param(value, translate, escape) for key, value in self.params.items()}
        text = translate(self.msgid)
        return text.format(**values) if values else text


@dataclass(frozen=True)
class Joined:
    """Several parameters shown as one list, with the language's own separator (", " or "、")."""

    items: tuple[Param, ...]

    def render(self, translate: Translate = identity, escape: Escape = identity) -> str:
        separator = translate(LIST_SEPARATOR)
        return separator.join(_render_param(item, translate, escape) for item in self.items)


def _render_param(value: Param, translate: Translate, escape: Escape) -> str:
    if isinstance(value, UserText):
        return escape(value)
    if isinstance(value, str):
        return value
    return value.render(translate, escape)
