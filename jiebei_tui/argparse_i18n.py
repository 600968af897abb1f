"""argparse's own words ("usage:", "unrecognized arguments: %s", "options" …) in the UI language.

argparse looks every one of its strings up at the moment it uses it, with ``gettext.gettext``:
the text domain that the standard ``gettext`` module holds for the whole process (the Python
argparse HOWTO, "How to translate the argparse output"). So while the command line is parsed,
that domain is bound to this app's own catalogs, and ``LANGUAGE`` (GNU gettext's variable for the
message language, read on each lookup) names the chosen language. Both are put back afterwards,
so nothing else in the process sees them.

The message ids below are argparse's, copied exactly; they are marked here so that the catalog
tool keeps them and the translators see them. ``tests/test_catalog_language.py`` fails when the
running Python's argparse shows the user a message that is not in this list.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator
from contextlib import contextmanager

from jiebei_tui import locations
from jiebei_tui.i18n import N_, catalog_dir_name

DOMAIN = "jiebei_tui"  # the catalogs' file name: locale/<lang>/LC_MESSAGES/jiebei_tui.mo

ARGPARSE_MESSAGES: tuple[str, ...] = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
    N_('argument "-" with mode %r'),
)

# argparse messages a user of this command line never sees, so they stay English:
# mistakes in how a parser is built (raised while the code sets it up, before any input is read),
# and the plural "expected %s argument(s)", shown only for options taking a fixed count N (none here).
NOT_SHOWN_TO_USERS: frozenset[str] = frozenset(
    {
        ".__call__() not defined",
        "conflicting subparser: %s",
        "conflicting subparser alias: %s",
        "cannot merge actions - two groups are named %r",
        "'required' is an invalid argument for positionals",
        "invalid option string %(option)r: must start with a character %(prefix_chars)r",
        "dest= is required for options like %r",
        "invalid conflict_resolution value: %r",
        "conflicting option string: %s",
        "mutually exclusive arguments must be optional",
        "cannot have multiple subparser arguments",
        "%r is not callable",
        "expected %s argument",
    }
)


@contextmanager
def argparse_language(language: str) -> Iterator[None]:
    """Within this block argparse speaks ``language`` (English: its own words)."""
    saved_domain = gettext.textdomain()
    saved_language = os.environ.get("LANGUAGE")
    gettext.bindtextdomain(DOMAIN, str(locations.locale_dir()))
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = catalog_dir_name(language)
    try:
        yield
    finally:
        gettext.textdomain(saved_domain)
        if saved_language is None:
            os.environ.pop("LANGUAGE", None)
        else:
            os.environ["LANGUAGE"] = saved_language
