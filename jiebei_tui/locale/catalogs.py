"""Keep the translation catalogs in step with the code (developer tool, needs Babel).

    python -m jiebei_tui.locale.catalogs update [--domain calls]   # add new message ids to the .po files
    python -m jiebei_tui.locale.catalogs compile                   # .po -> .mo
    python -m jiebei_tui.locale.catalogs check                     # what the tests check

Message ids are found wherever the code calls ``_``, ``N_``, ``tr`` or
``ngettext``. Each message belongs to the gettext domain of the area whose
module uses it first (``calls``, ``selfcheck``, ...; ``app`` for the rest), so
work on one area only touches that area's catalogs.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

PACKAGE_DIR = Path(__file__).resolve().parent.parent
LOCALE_DIR = Path(__file__).resolve().parent
TRANSLATED_LANGUAGES = ("zh_Hans", "zh_Hant")
AREA_DOMAINS = ("selfcheck", "calls", "plans", "habits", "review")
DEFAULT_DOMAIN = "app"
# Shared domain modules whose messages belong with the area that mainly shows them.
MODULE_DOMAINS = {"money": "selfcheck", "text_safety": "calls", "evidence": "calls"}
KEYWORDS = {"_": None, "N_": None, "tr": None, "ngettext": (1, 2)}


def domain_for(path: str) -> str:
    parts = Path(path).with_suffix("").parts
    if parts and parts[-1] in MODULE_DOMAINS:
        return MODULE_DOMAINS[parts[-1]]
    for part in parts:
        for area in AREA_DOMAINS:
            if part == area or part.startswith(area + "_"):
                return area
    return DEFAULT_DOMAIN


def extract() -> dict[str, tuple[str, list[str]]]:
    """msgid -> (domain, source locations)."""
    found: dict[str, tuple[str, list[str]]] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(PACKAGE_DIR), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        messages = message if isinstance(message, tuple) else (message,)
        for msgid in messages:
            if not msgid:
                continue
            where = f"{filename}:{lineno}"
            if msgid in found:
                found[msgid][1].append(where)
            else:
                found[msgid] = (domain_for(filename), [where])
    return found


def po_path(language: str, domain: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.po"


def load(path: Path, language: str, domain: str) -> Catalog:
    if path.exists():
        with path.open("rb") as handle:
            return read_po(handle, locale=language.split("_")[0], domain=domain)
    return Catalog(locale=language.split("_")[0], domain=domain, project="jiebei-tui")


def save(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, omit_header=False, sort_output=False, no_location=True)
    path.write_bytes(buffer.getvalue())


def domains_of(language: str) -> list[str]:
    directory = LOCALE_DIR / language / "LC_MESSAGES"
    return sorted(path.stem for path in directory.glob("*.po"))


def translated_ids(language: str) -> dict[str, str]:
    result: dict[str, str] = {}
    for domain in domains_of(language):
        for message in load(po_path(language, domain), language, domain):
            if message.id and message.string and message.id not in result:
                result[str(message.id)] = str(message.string)
    return result


def update(only_domain: str | None = None) -> list[str]:
    messages = extract()
    added: list[str] = []
    for language in TRANSLATED_LANGUAGES:
        known = {
            str(message.id)
            for domain in domains_of(language)
            for message in load(po_path(language, domain), language, domain)
            if message.id
        }
        by_domain: dict[str, list[str]] = {}
        for msgid, (domain, _where) in messages.items():
            if msgid not in known and (only_domain is None or domain == only_domain):
                by_domain.setdefault(domain, []).append(msgid)
        for domain in domains_of(language):
            if only_domain is not None and domain != only_domain:
                continue
            path = po_path(language, domain)
            catalog = load(path, language, domain)
            stale = [m.id for m in catalog if m.id and (m.id not in messages or messages[m.id][0] != domain)]
            for msgid in stale:
                del catalog[msgid]
            if stale:
                save(catalog, path)
        for domain, msgids in by_domain.items():
            path = po_path(language, domain)
            catalog = load(path, language, domain)
            for msgid in msgids:
                catalog.add(msgid, "", flags=("python-brace-format",) if "{" in msgid else ())
                added.append(f"{language}/{domain}: {msgid}")
            save(catalog, path)
    return added


def compiled(path: Path, language: str, domain: str) -> bytes:
    catalog = load(path, language, domain)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def compile_all() -> list[Path]:
    written = []
    for language in TRANSLATED_LANGUAGES:
        for domain in domains_of(language):
            mo = po_path(language, domain).with_suffix(".mo")
            data = compiled(po_path(language, domain), language, domain)
            if not mo.exists() or mo.read_bytes() != data:
                mo.write_bytes(data)
                written.append(mo)
    return written


def problems() -> list[str]:
    """Untranslated ids, stale .mo files, and placeholders that differ between id and translation."""
    import string

    found: list[str] = []
    messages = extract()
    for language in TRANSLATED_LANGUAGES:
        translations = translated_ids(language)
        for msgid, (_domain, where) in messages.items():
            if msgid not in translations:
                found.append(f"{language}: untranslated {msgid!r} ({where[0]})")
                continue
            fields = lambda text: sorted(  # noqa: E731
                name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None
            )
            try:
                if fields(msgid) != fields(translations[msgid]):
                    found.append(f"{language}: placeholders differ in {msgid!r}")
            except ValueError:
                found.append(f"{language}: bad braces in translation of {msgid!r}")
        for domain in domains_of(language):
            mo = po_path(language, domain).with_suffix(".mo")
            if not mo.exists() or mo.read_bytes() != compiled(po_path(language, domain), language, domain):
                found.append(f"{language}: {mo.name} is out of date (run compile)")
    return found


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m jiebei_tui.locale.catalogs")
    sub = parser.add_subparsers(dest="command", required=True)
    upd = sub.add_parser("update")
    upd.add_argument("--domain")
    sub.add_parser("compile")
    sub.add_parser("check")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.command == "update":
        for line in update(args.domain):
            print("added", line)
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
