"""The ``jiebei-tui`` command line. Builds nothing itself: the App comes from :mod:`factory`."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import NoReturn

from jiebei_tui import __version__, locations
from jiebei_tui.argparse_i18n import argparse_language
from jiebei_tui.i18n import _, language_from_environment, parse_language, set_language, tr

PROG = "jiebei-tui"


class _Parser(argparse.ArgumentParser):
    """Bad input: one clear line on stderr and exit 2, before anything is written."""

    def error(self, message: str) -> NoReturn:
        # argparse has already translated ``message`` (see argparse_i18n); the hint is ours.
        sys.stderr.write(f"{PROG}: " + tr("{message} (see jiebei-tui --help)", message=message) + "\n")
        raise SystemExit(2)


def _fail(message: str) -> int:
    sys.stderr.write(message + "\n")
    return 1


def _language(value: str) -> str:
    try:
        return parse_language(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            tr("unknown language {value!r}: use zh-Hans, zh-Hant or en", value=value)
        ) from None


def _prescan_language(argv: Sequence[str]) -> str | None:
    """The help text itself is translated, so --lang must be known before the parser is built."""
    for index, arg in enumerate(argv):
        value = None
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value is not None:
            try:
                return parse_language(value)
            except ValueError:
                return None
    return None


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=tr("where your data is kept (default: ${env} or the user data folder)", env=locations.DATA_DIR_ENV),
    )
    common.add_argument(
        "--lang", type=_language, default=argparse.SUPPRESS, help=_("language for this run: zh-Hans, zh-Hant or en")
    )

    parser = _Parser(
        prog=PROG,
        description=_("A calm, keyboard-driven workbook for an overdue Jiebei loan."),
        parents=[common],
    )
    parser.add_argument(
        "--version", action="version", version=f"{PROG} {__version__}", help=_("show program's version number and exit")
    )
    commands = parser.add_subparsers(title=_("commands"), dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.add_parser(
        "call", parents=[common], help=_("open straight into a new call record"), description=_("Open straight into a new call record.")
    )
    commands.add_parser(
        "locate", parents=[common], help=_("print where your data is kept"), description=_("Print the data folder and data file paths.")
    )
    export = commands.add_parser(
        "export", parents=[common], help=_("write everything you saved to stdout or a file"), description=_("Write everything you saved.")
    )
    export.add_argument(
        "--format", choices=("json", "markdown", "ics"), default="json",
        help=_("json (for import), markdown (to read) or ics (every active plan's payment dates, for a calendar)"),
    )
    export.add_argument("-o", "--output", metavar="FILE", help=_("write to FILE instead of stdout"))
    importer = commands.add_parser(
        "import", parents=[common], help=_("read an export back into an empty data folder"), description=_("Read a JSON export into an empty data folder.")
    )
    importer.add_argument("file", metavar="FILE", help=_("a JSON file written by export"))
    return parser


def _export(directory: Path, fmt: str, output: str | None) -> int:
    from jiebei_tui.store.export import stream_export
    from jiebei_tui.store.store import Store, open_store

    if fmt == "ics":
        return _export_calendar(directory, output)
    store = open_store(directory)[0] if directory.exists() else Store(directory)
    stream_export(store, fmt, datetime.now().astimezone(), _, Path(output).expanduser() if output else None)
    if output:
        sys.stderr.write(tr("Exported to {path}", path=output) + "\n")
    return 0


def _export_calendar(directory: Path, output: str | None) -> int:
    """Every agreed or active plan's open instalments, a reminder the day before each."""
    from jiebei_tui.factory import open_services
    from jiebei_tui.store.export import write_export

    services = open_services(directory)
    calendar = services.plans.calendar(services.plans.followed_plans()).decode("utf-8")
    if output:
        write_export(Path(output).expanduser(), calendar)
        sys.stderr.write(tr("Exported to {path}", path=output) + "\n")
    else:
        sys.stdout.write(calendar)
    return 0


def _import(directory: Path, file: str) -> int:
    from jiebei_tui.store.errors import ImportRefusedError
    from jiebei_tui.store.export import ImportFormatError, import_document
    from jiebei_tui.store.store import open_store

    try:
        document = json.loads(Path(file).expanduser().read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        return _fail(tr("{prog}: cannot read {file}: {error}", prog=PROG, file=file, error=error))
    store, _report = open_store(directory)
    try:
        count = import_document(store, document)
    except ImportFormatError as error:
        return _fail(tr("{prog}: {file} is not a usable export: {error}", prog=PROG, file=file, error=error))
    except ImportRefusedError:
        return _fail(
            tr(
                "{prog}: {path} already holds data; import only fills an empty data folder (use --data-dir).",
                prog=PROG,
                path=directory,
            )
        )
    sys.stderr.write(tr("Imported {count} documents into {path}", count=count, path=directory) + "\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    os.umask(0o077)
    args_list = list(sys.argv[1:] if argv is None else argv)
    language_for_parsing = _prescan_language(args_list) or language_from_environment(os.environ)
    set_language(language_for_parsing)
    with argparse_language(language_for_parsing):  # argparse's own words ("usage:", errors) too
        args = build_parser().parse_args(args_list)
    directory = locations.data_dir(getattr(args, "data_dir", None))
    language = getattr(args, "lang", None)

    from jiebei_tui.store.errors import CorruptFileError, NewerSchemaError

    try:
        if args.command == "locate":
            print(tr("Data folder: {path}", path=directory))
            print(tr("Data file:   {path}", path=locations.main_file(directory)))
            print(tr("Call notes:  {path}", path=locations.notes_dir(directory)))
            return 0
        if args.command == "export":
            return _export(directory, args.format, args.output)
        if args.command == "import":
            return _import(directory, args.file)

        from jiebei_tui.factory import create_app

        app = create_app(directory, language=language, start_area="calls" if args.command == "call" else "home")
        return app.run() or 0
    except NewerSchemaError as error:
        return _fail(
            tr(
                "{prog}: {path} was written by a newer version of jiebei-tui (format {found}, this one reads up to "
                "{supported}). It was not changed. Please update jiebei-tui.",
                prog=PROG,
                path=error.path,
                found=error.found,
                supported=error.supported,
            )
        )
    except CorruptFileError as error:
        return _fail(
            tr(
                "{prog}: {path} is damaged ({reason}) and the data folder cannot be written to repair it. "
                "Nothing was changed.",
                prog=PROG,
                path=error.path,
                reason=error.reason,
            )
        )
    except OSError as error:
        reason = error.strerror or error
        return _fail(tr("{prog}: cannot use the data folder {path}: {error}", prog=PROG, path=directory, error=reason))
    except KeyboardInterrupt:
        return 130
