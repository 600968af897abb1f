"""The one error for input a user can fix: a message id they can act on, its parameters, and where.

Every parser raises it, and so does every rule about a field (the overdue principal
above the outstanding one, a date after today), so a form needs one ``except`` and one
way of showing a problem beside its field.
"""

from __future__ import annotations

from collections.abc import Mapping

from jiebei_tui.i18n import tr


class InputError(ValueError):
    """A value the user can fix.

    ``message`` is an English msgid whose ``{placeholders}`` ``params`` fill (already
    formatted, so translation never touches numbers). ``field`` names the field the
    problem belongs to when the raiser knows it (a rule over several fields); a parser
    of one field leaves it to the caller, which knows where the text came from.
    """

    def __init__(self, message: str, params: Mapping[str, str] | None = None, *, field: str | None = None) -> None:
        self.message = message
        self.params: dict[str, str] = dict(params or {})
        self.field = field
        super().__init__(self.english())

    def english(self) -> str:
        """The untranslated text with placeholders filled (logs and tests)."""
        return self.message.format(**self.params) if self.params else self.message

    def text(self) -> str:
        """The text in the current language, placeholders filled (what the field shows)."""
        return tr(self.message, **self.params)
