"""Translation catalogs (gettext), language choice and detection.

Message ids are English. Simplified Chinese is the default language; each
language has one catalog, ``jiebei_tui/locale/<lang>/LC_MESSAGES/jiebei_tui.mo``,
compiled from the ``.po`` file next to it with ``python -m jiebei_tui.locale.catalogs``.
Domain data holds message ids marked with ``N_`` or ``N_plural``; they are translated when shown.

Where one English word has two meanings ("Note": a kind of note, 笔记; or the remark before a
rule, 说明), ``N_p(context, msgid)`` marks it with a context. The marked id is gettext's own
``context\x04msgid`` form, so it travels through domain data like any msgid and ``_``/``tr``
translate it with the context (``.po`` files give it as ``msgctxt``).
"""

from __future__ import annotations

import gettext as _gettext
from collections.abc import Mapping

LANGUAGES: tuple[str, ...] = ("zh-Hans", "zh-Hant", "en")
DEFAULT_LANGUAGE = "zh-Hans"

# Shown in the language picker in the language itself, so it never needs translating.
LANGUAGE_NAMES: dict[str, str] = {
    "zh-Hans": "简体中文",
    "zh-Hant": "繁體中文",
    "en": "English",
}

CONTEXT_SEPARATOR = "\x04"  # gettext's: "context\x04msgid" is how a .mo file keys a message with context

_current: str = DEFAULT_LANGUAGE
_translation: _gettext.NullTranslations = _gettext.NullTranslations()


def N_(message: str) -> str:
    """Mark a message for extraction without translating it yet (used in domain data)."""
    return message


def N_plural(singular: str, plural: str) -> tuple[str, str]:
    """Mark an English plural pair for extraction without translating it yet (domain data)."""
    return singular, plural


def N_p(context: str, message: str) -> str:
    """Mark a message with its context (one English word, two meanings); ``_`` and ``tr`` translate it."""
    return f"{context}{CONTEXT_SEPARATOR}{message}"


def untranslated(message: str) -> str:
    """The English text of a message id, without its context."""
    return message.rpartition(CONTEXT_SEPARATOR)[2]


def _(message: str) -> str:
    """Translate a message into the current language (with its context, when ``N_p`` gave it one)."""
    context, separator, text = message.rpartition(CONTEXT_SEPARATOR)
    if separator:
        return _translation.pgettext(context, text)
    return _translation.gettext(message)


def pgettext(context: str, message: str) -> str:
    """Translate a message that has a context now."""
    return _translation.pgettext(context, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)


def trn(singular: str, plural: str, n: int, /, **params: object) -> str:
    """``ngettext`` then fill ``{name}`` placeholders; ``{n}`` is always available.

    English needs "1 change" / "2 changes"; Chinese has one form, so the
    catalogs give one translation for both.
    """
    return _translation.ngettext(singular, plural, n).format(n=n, **params)


def tr(message: str, /, **params: object) -> str:
    """Translate, then fill ``{name}`` placeholders (placeholders are never translated)."""
    text = _(message)
    return text.format(**params) if params else text


def catalog_dir_name(language: str) -> str:
    """Directory name of a language's catalogs: ``zh-Hans`` -> ``zh_Hans``."""
    return language.replace("-", "_")


def load_translation(language: str) -> _gettext.NullTranslations:
    """All domains of one language chained together; English is the identity."""
    from jiebei_tui import locations

    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    if language == "en":
        return _gettext.NullTranslations()
    directory = locations.locale_dir() / catalog_dir_name(language) / "LC_MESSAGES"
    chain: _gettext.NullTranslations | None = None
    for mo_path in sorted(directory.glob("*.mo")):
        with mo_path.open("rb") as handle:
            catalog = _gettext.GNUTranslations(handle)
        if chain is None:
            chain = catalog
        else:
            chain.add_fallback(catalog)
    return chain if chain is not None else _gettext.NullTranslations()


def set_language(language: str) -> None:
    global _current, _translation
    _translation = load_translation(language)
    _current = language


def current_language() -> str:
    return _current


def language_from_environment(environ: Mapping[str, str]) -> str:
    """First-run language from LC_ALL / LC_MESSAGES / LANG (POSIX precedence).

    zh_TW, zh_HK, zh_MO and explicit Hant tags give Traditional Chinese, ``en``
    gives English, anything else (including unset, C and POSIX) gives Simplified.
    """
    value = ""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            break
    tag = value.split(".")[0].split("@")[0].replace("-", "_").lower()
    if tag.startswith("zh"):
        if any(part in tag for part in ("_tw", "_hk", "_mo", "hant")):
            return "zh-Hant"
        return "zh-Hans"
    if tag == "en" or tag.startswith("en_"):
        return "en"
    return DEFAULT_LANGUAGE


def parse_language(value: str) -> str:
    """Accept ``zh-Hans``, ``zh_Hans`` or any case; raise ValueError otherwise."""
    normalized = value.strip().replace("_", "-").lower()
    for language in LANGUAGES:
        if language.lower() == normalized:
            return language
    raise ValueError(value)
