"""The one error every parser raises: a message id the user can act on, with its parameters."""

from __future__ import annotations


class InputError(ValueError):
    """A field value the user can fix; ``message`` is an English msgid, ``params`` fill it.

    Used by every parser in this module (money, rates, multipliers, whole
    numbers) so a form needs only one ``except`` around any field.
    """

    def __init__(self, message: str, params: dict[str, str] | None = None) -> None:
        self.message = message
        self.params: dict[str, str] = dict(params or {})
        super().__init__(self.english())

    def english(self) -> str:
        """The untranslated text with placeholders filled (logs and tests)."""
        return self.message.format(**self.params) if self.params else self.message

