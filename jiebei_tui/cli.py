"""The ``jiebei-tui`` command line. Builds nothing itself: the App comes from :mod:`factory`."""

from __future__ import annotations

import argparse
import gc
import os
import stat
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from jiebei_tui import __version__, locations
from jiebei_tui.argparse_i18n import argparse_language
from jiebei_tui.i18n import _, language_from_environment, ngettext, parse_language, set_language, tr

if TYPE_CHECKING:
    from jiebei_tui.store.report import OpenReport

PROG = "jiebei-tui"
CRASHED = 70  # EX_SOFTWARE, as the App uses


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


def _say_news(report: OpenReport) -> bool:
    """Each repair or refusal on stderr, one line each; True when saved data was left out."""
    from jiebei_tui.services.news import report_notices

    left_out = False
    for notice in report_notices(report):
        sys.stderr.write(f"{PROG}: {notice.message}\n")
        left_out = left_out or notice.left_out
    return left_out


def _private_stdout() -> None:
    """``export > backup.json``: the shell created the file with the umask's mode (0644 as a rule). A regular
    file this user owns is made 0600 before anything is written to it, as ``-o`` does; a terminal, a pipe or
    someone else's file is left alone."""
    try:
        fd = sys.stdout.fileno()
        info = os.fstat(fd)
        if stat.S_ISREG(info.st_mode) and info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) & 0o077:
            os.fchmod(fd, 0o600)
    except (OSError, ValueError, AttributeError):
        pass  # no real file behind stdout (a test's StringIO), or a file system without modes


def _export(directory: Path, fmt: str, output: str | None, language: str | None) -> int:
    from jiebei_tui.domain.markdown_export import ExportPage
    from jiebei_tui.services import utc_now, zone_for
    from jiebei_tui.store.export import stream_export
    from jiebei_tui.store.report import OpenReport
    from jiebei_tui.store.settings import SettingsRepo
    from jiebei_tui.store.store import Store, open_store

    if fmt == "ics":
        return _export_calendar(directory, output)
    report = OpenReport()
    if directory.exists():
        store, report = open_store(directory)
    else:
        store = Store(directory)  # nothing saved yet: an empty export, and no folder made for it
    prefs = SettingsRepo(store).load() if directory.exists() else None
    if language is None and prefs is not None and prefs.language:
        set_language(prefs.language)  # the document is in the language the user chose in the app
    page = ExportPage(_, zone_for(prefs.timezone if prefs else None), utc_now(), ngettext)
    if not output:
        _private_stdout()
    stream_export(store, fmt, page, Path(output).expanduser() if output else None)
    report.merge(store.take_news())  # files repaired or refused while they were read for the export
    left_out = _say_news(report)
    if output:
        sys.stderr.write(tr("Exported to {path}", path=output) + "\n")
    if left_out:
        sys.stderr.write(
            f"{PROG}: " + _("Some saved data could not be read and is not in this export (see above).") + "\n"
        )
        return 1
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
    from jiebei_tui.store.export import ImportFormatError, check_export, import_placements, load_export
    from jiebei_tui.store.files import read_regular
    from jiebei_tui.store.store import open_store

    try:
        raw = read_regular(Path(file).expanduser())
    except OSError as error:
        return _fail(tr("{prog}: cannot read {file}: {error}", prog=PROG, file=file, error=error.strerror or error))
    try:
        placements = check_export(load_export(raw))  # the whole file, before the data folder is even opened
    except ImportFormatError as error:
        reason = tr(error.msgid, **error.params)
        return _fail(tr("{prog}: {file} is not a usable export: {error}", prog=PROG, file=file, error=reason))
    del raw
    store, _report = open_store(directory)
    try:
        count = import_placements(store, placements)
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


def _crashed(directory: Path | None, error: BaseException) -> int:
    """An unexpected error outside the App: the traceback to a private file, one line here, a non-zero exit."""
    from jiebei_tui.store.crash import write_crash_report

    path = write_crash_report(directory if directory is not None and directory.is_dir() else None, error)
    _fail(_crash_line(path, in_app=False))
    return CRASHED


def _crash_line(path: Path | None, *, in_app: bool) -> str:
    if path is None:
        return f"{PROG}: " + _("stopped after an unexpected error; the details could not be written anywhere.")
    if in_app:
        return tr(
            "{prog}: stopped after an unexpected error. What you typed was saved. The details are in {path} "
            "(readable only by you; attach it to a bug report if you like).",
            prog=PROG,
            path=path,
        )
    return tr(
        "{prog}: stopped after an unexpected error. The details are in {path} "
        "(readable only by you; attach it to a bug report if you like).",
        prog=PROG,
        path=path,
    )


def _run_app(directory: Path, language: str | None, start_area: str) -> int:
    # No garbage collection until the first screen is drawn (the App turns it back on then, with what start-up
    # built frozen): importing and mounting allocate a great deal that lives as long as the app, and the
    # collections that scanned it again and again took ~25 ms of the first frame.
    gc.disable()
    try:
        from jiebei_tui.factory import create_app

        app = create_app(directory, language=language, start_area=start_area)
        result = app.run()
    finally:
        gc.enable()  # also when the app stopped before drawing anything
    if app.crash_report is not None or app.return_code == CRASHED:
        _fail(_crash_line(app.crash_report, in_app=True))
        return CRASHED
    if isinstance(result, int):
        return result
    return app.return_code or 0


def main(argv: Sequence[str] | None = None) -> int:
    os.umask(0o077)
    args_list = list(sys.argv[1:] if argv is None else argv)
    language_for_parsing = _prescan_language(args_list) or language_from_environment(os.environ)
    set_language(language_for_parsing)
    with argparse_language(language_for_parsing):  # argparse's own words ("usage:", errors) too
        args = build_parser().parse_args(args_list)
    directory = locations.data_dir(getattr(args, "data_dir", None))
    language = getattr(args, "lang", None)

    from jiebei_tui.store.errors import CorruptFileError, NewerSchemaError, UnsafeFolderError

    try:
        if args.command == "locate":
            print(tr("Data folder: {path}", path=directory))
            print(tr("Data file:   {path}", path=locations.main_file(directory)))
            print(tr("Call notes:  {path}", path=locations.notes_dir(directory)))
            return 0
        if args.command == "export":
            return _export(directory, args.format, args.output, language)
        if args.command == "import":
            return _import(directory, args.file)
        return _run_app(directory, language, "calls" if args.command == "call" else "home")
    except UnsafeFolderError as error:
        return _fail(f"{PROG}: " + tr(error.reason, path=error.path, owner=error.owner))
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
                reason=_(error.reason),
            )
        )
    except OSError as error:
        reason = error.strerror or error
        return _fail(tr("{prog}: cannot use the data folder {path}: {error}", prog=PROG, path=directory, error=reason))
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug: never a traceback with private text on the screen
        return _crashed(directory, error)
