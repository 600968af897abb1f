"""Keep the translation catalogs in step with the code (developer tool, needs Babel).

    python -m jiebei_tui.locale.catalogs update    # add new message ids, drop ids the code no longer uses
    python -m jiebei_tui.locale.catalogs compile   # .po -> .mo
    python -m jiebei_tui.locale.catalogs check     # what the tests check

Message ids are found wherever the code calls ``_``, ``N_``, ``N_plural``, ``tr``,
``ngettext`` or ``trn``; ``N_p`` and ``pgettext`` give a message a context (``msgctxt``), so
one English word with two meanings gets two translations. There is one catalog per language (``jiebei_tui.po``), so moving or
renaming a module never moves a message to another file or loses its
translation. The check compares the *parsed* messages of each ``.mo`` with its
``.po``: the bytes differ between Babel versions (its header names itself).
"""

from __future__ import annotations

import argparse
import io
import string
import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

PACKAGE_DIR = Path(__file__).resolve().parent.parent
LOCALE_DIR = Path(__file__).resolve().parent
TRANSLATED_LANGUAGES = ("zh_Hans", "zh_Hant")
DOMAIN = "jiebei_tui"
KEYWORDS = {
    "_": None,
    "N_": None,
    "N_plural": (1, 2),
    "tr": None,
    "ngettext": (1, 2),
    "trn": (1, 2),
    "N_p": ((1, "c"), 2),
    "pgettext": ((1, "c"), 2),
}

MessageId = str | tuple[str, str]
Key = tuple[MessageId, str | None]  # a message id and its context (None: no context)


def extract() -> dict[Key, list[str]]:
    """Every message in the package with where it is used: its id (a plural is a (singular, plural) pair) and context."""
    found: dict[Key, list[str]] = {}
    for filename, lineno, message, _comments, context in extract_from_dir(
        str(PACKAGE_DIR), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        if isinstance(message, tuple):
            if not all(message[:2]):
                continue
            msgid: MessageId = (message[0], message[1])
        elif message:
            msgid = message
        else:
            continue
        found.setdefault((msgid, context or None), []).append(f"{filename}:{lineno}")
    return found


def describe(key: Key) -> str:
    msgid, context = key
    return f"{msgid!r} (context {context!r})" if context else repr(msgid)


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(language: str) -> Path:
    return po_path(language).with_suffix(".mo")


def _locale(language: str) -> str:
    return language.split("_")[0]


def load(language: str) -> Catalog:
    path = po_path(language)
    if path.exists():
        with path.open("rb") as handle:
            return read_po(handle, locale=_locale(language), domain=DOMAIN)
    return Catalog(locale=_locale(language), domain=DOMAIN, project="jiebei-tui")


def save(catalog: Catalog, language: str) -> None:
    path = po_path(language)
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, omit_header=False, sort_output=False, no_location=True)
    path.write_bytes(buffer.getvalue())


def _key(msgid: object, context: object = None) -> Key:
    text: MessageId = (str(msgid[0]), str(msgid[1])) if isinstance(msgid, (tuple, list)) else str(msgid)
    return text, str(context) if context else None


def update() -> list[str]:
    """Add the code's new ids (untranslated) and drop ids no code uses; translations of the rest stay."""
    messages = extract()
    changes: list[str] = []
    for language in TRANSLATED_LANGUAGES:
        catalog = load(language)
        known = {_key(message.id, message.context) for message in catalog if message.id}
        for message in list(catalog):
            key = _key(message.id, message.context)
            if message.id and key not in messages:
                catalog.delete(message.id, context=message.context)
                changes.append(f"{language}: dropped {describe(key)}")
        for key in messages:
            if key in known:
                continue
            msgid, context = key
            text = msgid if isinstance(msgid, str) else msgid[0]
            flags = ("python-brace-format",) if "{" in text else ()
            catalog.add(msgid, "" if isinstance(msgid, str) else ("",), flags=flags, context=context)
            changes.append(f"{language}: added {describe(key)}")
        save(catalog, language)
    return changes


def _translations(catalog: Catalog) -> dict[Key, tuple[str, ...]]:
    """Translated messages only: (id, context) -> its string(s)."""
    found: dict[Key, tuple[str, ...]] = {}
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        strings = tuple(message.string) if isinstance(message.string, (tuple, list)) else (message.string,)
        if all(strings):
            found[_key(message.id, message.context)] = tuple(str(s) for s in strings)
    return found


def compile_all() -> list[Path]:
    written = []
    for language in TRANSLATED_LANGUAGES:
        buffer = io.BytesIO()
        write_mo(buffer, load(language), use_fuzzy=False)
        path = mo_path(language)
        if not path.exists() or not _same_messages(path, language):
            path.write_bytes(buffer.getvalue())
            written.append(path)
    return written


def _same_messages(mo: Path, language: str) -> bool:
    with mo.open("rb") as handle:
        compiled = read_mo(handle)
    return _translations(compiled) == _translations(load(language))


def mixed_contexts(keys: Iterable[Key]) -> list[str]:
    """Message ids used both with and without a context: the bare use is the ambiguity contexts remove."""
    keys = list(keys)
    with_context = {msgid for msgid, context in keys if context}
    return sorted(repr(msgid) for msgid, context in keys if context is None and msgid in with_context)


def _fields(text: str) -> list[str]:
    return sorted(name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None)


def problems() -> list[str]:
    """Untranslated ids, placeholders that differ between id and translation, and stale ``.mo`` files."""
    found: list[str] = []
    messages = extract()
    found += [f"{msgid} is used with a context and without one: give every use its context" for msgid in mixed_contexts(messages)]
    for language in TRANSLATED_LANGUAGES:
        translations = _translations(load(language))
        for key, where in messages.items():
            strings = translations.get(key)
            if strings is None:
                found.append(f"{language}: untranslated {describe(key)} ({where[0]})")
                continue
            msgid = key[0]
            source = msgid if isinstance(msgid, str) else msgid[0]
            try:
                if any(_fields(source) != _fields(text) for text in strings):
                    found.append(f"{language}: placeholders differ in {describe(key)}")
            except ValueError:
                found.append(f"{language}: bad braces in translation of {describe(key)}")
        mo = mo_path(language)
        if not mo.exists() or not _same_messages(mo, language):
            found.append(f"{language}: {mo.name} does not hold what {po_path(language).name} says (run compile)")
        others = sorted(p.name for p in mo.parent.glob("*.[mp]o") if p.stem != DOMAIN)
        if others:
            found.append(f"{language}: stray catalogs {others} (one catalog per language)")
    return found


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m jiebei_tui.locale.catalogs")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("update")
    sub.add_parser("compile")
    sub.add_parser("check")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.command == "update":
        for line in update():
            print(line)
        return 0
    if args.command == "compile":
        for path in compile_all():
            print("wrote", path)
        return 0
    issues = problems()
    print("\n".join(issues) or "catalogs complete")
    return 1 if issues else 0


if __name__ == "__main__":
    sys.exit(main())
