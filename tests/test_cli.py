"""The command line, run as a user would: as the installed ``jiebei-tui`` module in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jiebei_tui import __version__, locations
from jiebei_tui.store.store import open_store


def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "jiebei_tui", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
        env={**os.environ, **(env or {})},
    )


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"jiebei-tui {__version__}"


@pytest.mark.parametrize("command", [[], ["call"], ["locate"], ["export"], ["import"]])
def test_every_command_has_help(command: list[str]) -> None:
    result = run(*command, "--help", "--lang", "en")
    assert result.returncode == 0
    assert "usage: jiebei-tui" in result.stdout
    assert "--data-dir" in result.stdout


def test_help_is_translated() -> None:
    assert "借呗" in run("--help").stdout  # default language
    assert "借唄" in run("--help", "--lang", "zh-Hant").stdout
    assert "Jiebei" in run("--help", env={"LANG": "en_US.UTF-8"}).stdout


@pytest.mark.parametrize(
    "args",
    [
        ["--bogus"],
        ["--lang", "fr"],
        ["--lang"],
        ["export", "--format", "pdf"],
        ["frobnicate"],
        ["import"],
    ],
)
def test_bad_flags_give_one_line_and_exit_2_without_writing(args: list[str], data_dir: Path) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("jiebei-tui: ")
    assert not data_dir.exists()


def test_locate_prints_paths_and_creates_nothing(data_dir: Path, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere"
    result = run("locate", "--data-dir", str(other), "--lang", "en")
    assert result.returncode == 0
    assert str(other) in result.stdout
    assert str(locations.main_file(other)) in result.stdout
    assert not other.exists()
    via_env = run("locate", "--lang", "en")
    assert str(data_dir) in via_env.stdout


def test_export_then_import_round_trip(data_dir: Path, tmp_path: Path) -> None:
    store, _ = open_store(data_dir)
    store.put("calls", "c1", {"who": "王先生", "said": "| # `x`"})
    store.put("notes", "n1", {"text": "他说：周五前还款"}, period="2026-11")
    exported = tmp_path / "out.json"
    result = run("export", "-o", str(exported))
    assert result.returncode == 0, result.stderr
    assert (exported.stat().st_mode & 0o077) == 0

    target = tmp_path / "fresh"
    result = run("import", str(exported), "--data-dir", str(target), "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "Imported 2" in result.stderr
    again = run("export", "--data-dir", str(target))
    first, second = json.loads(exported.read_text(encoding="utf-8")), json.loads(again.stdout)
    first.pop("exported_at"), second.pop("exported_at")
    assert first == second

    refused = run("import", str(exported), "--data-dir", str(target), "--lang", "en")
    assert refused.returncode == 1
    assert "already holds data" in refused.stderr


def test_markdown_export_is_readable_and_safe(data_dir: Path) -> None:
    from datetime import datetime, timezone

    from jiebei_tui.domain.calls import RecordKind, new_record

    store, _ = open_store(data_dir)
    record = new_record("c1", RecordKind.CALL, datetime(2026, 12, 1, 14, 30, tzinfo=timezone.utc), "138")
    doc = {**record.to_dict(), "number": "催收\x1b[31m红"}  # written by hand or by an older version
    store.put("calls", record.id, doc)
    result = run("export", "--format", "markdown", "--lang", "en")
    assert result.returncode == 0
    assert result.stdout.startswith("# jiebei-tui: everything I saved")
    assert "\x1b" not in result.stdout
    assert "催收" in result.stdout


def test_import_rejects_what_is_not_an_export(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"hello": 1}', encoding="utf-8")
    result = run("import", str(bad), "--lang", "en")
    assert result.returncode == 1
    assert "not a usable export" in result.stderr
    missing = run("import", str(tmp_path / "nope.json"), "--lang", "en")
    assert missing.returncode == 1


def test_newer_data_is_refused_with_a_message(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    main = locations.main_file(data_dir)
    main.write_text(json.dumps({"_meta": {"schema": {"version": 999}}}), encoding="utf-8")
    result = run("export", "--lang", "en")
    assert result.returncode == 1
    assert "newer version" in result.stderr
    assert json.loads(main.read_text(encoding="utf-8")) == {"_meta": {"schema": {"version": 999}}}


def test_styles_ship_with_the_package_and_load_from_any_directory(tmp_path: Path) -> None:
    probe = (
        "import jiebei_tui; from jiebei_tui import locations; p = locations.stylesheet(); "
        "print(p, p.is_file(), jiebei_tui.__file__)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    path, exists, package_init = result.stdout.split()
    assert exists == "True", path
    package = Path(package_init).parent
    if "site-packages" in package.parts:  # a real (non-editable) install: styles must be inside the wheel
        assert Path(path).is_relative_to(package), path


def test_an_unusable_data_folder_gives_a_message_not_a_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    result = run("call", "--data-dir", str(blocker / "data"), "--lang", "en")
    assert result.returncode == 1
    assert "cannot use the data folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_export_says_every_repair_on_stderr_and_fails_when_data_is_left_out(data_dir: Path) -> None:
    store, _ = open_store(data_dir)
    for index, text in enumerate(("一", "二")):
        store.put("notes", f"n{index}", {"record_id": "r1", "text": text})
    store.put("notes", "m", {"record_id": "r2", "text": "三"})
    notes = locations.notes_dir(data_dir)
    (notes / "r1.json").write_bytes(b"x")  # damaged: its backup is restored, without the last line
    (notes / "r2.json").write_bytes(b"y")  # damaged, no backup: left out
    result = run("export", "--lang", "en")
    assert result.returncode == 1
    said = result.stderr.splitlines()
    assert sum("was damaged" in line for line in said) == 2
    assert any("last good backup was restored" in line for line in said)
    assert any("no good copy" in line for line in said)
    assert said[-1] == "jiebei-tui: Some saved data could not be read and is not in this export (see above)."
    assert json.loads(result.stdout)["periodic"]["notes"]["r1"] == {"n0": {"record_id": "r1", "text": "一"}}

    clean = run("export", "--lang", "en")  # repaired now; only the permission fix is left to say, if any
    assert clean.returncode == 0 and "damaged" not in clean.stderr


def test_an_unexpected_error_writes_a_private_report_and_prints_one_line(data_dir: Path) -> None:
    open_store(data_dir)[0].put("notes", "n", {"record_id": "r", "text": "秘密的笔记"})
    crash = (
        "import sys, jiebei_tui.store.export as e\n"
        "def boom(store, *a, **k):\n"
        "    raise RuntimeError('note text: ' + store.get('notes', 'n', period='r')['text'])\n"
        "e.stream_export = boom\n"
        "from jiebei_tui.cli import main\n"
        "sys.exit(main(['export', '--lang', 'en']))\n"
    )
    result = subprocess.run([sys.executable, "-c", crash], capture_output=True, text=True, timeout=60)
    assert result.returncode == 70
    assert result.stdout == "" and "秘密" not in result.stderr and "Traceback" not in result.stderr
    line = result.stderr.strip()
    assert len(line.splitlines()) == 1 and "unexpected error" in line
    reports = list(data_dir.glob("crash-*.txt"))
    assert len(reports) == 1 and str(reports[0]) in line
    assert (reports[0].stat().st_mode & 0o777) == 0o600
    assert "秘密的笔记" in reports[0].read_text(encoding="utf-8") and "RuntimeError" in reports[0].read_text(encoding="utf-8")


def test_a_language_setting_that_is_not_understood_does_not_stop_the_start(data_dir: Path) -> None:
    open_store(data_dir)[0].put("settings", "preferences", {"language": "xx", "theme": ["x"]})
    probe = (
        "from pathlib import Path; import os\n"
        "from jiebei_tui.factory import create_app\n"
        "app = create_app(Path(os.environ['JIEBEI_TUI_DATA_DIR']), environ={'LANG': 'en_US.UTF-8'})\n"
        "print(sorted(n for n, v in app.store.take_news().ignored_settings))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['language', 'theme']"


def test_export_redirected_into_a_file_makes_it_private(data_dir: Path, tmp_path: Path) -> None:
    """`jiebei-tui export > backup.json`: the shell creates the file 0644; the export makes it 0600 as -o does."""
    import stat

    target = tmp_path / "backup.json"
    with open(target, "w", encoding="utf-8") as out:
        os.chmod(target, 0o644)
        result = subprocess.run(
            [sys.executable, "-m", "jiebei_tui", "export", "--data-dir", str(data_dir)],
            stdout=out, stderr=subprocess.PIPE, text=True, timeout=60, env=os.environ.copy(),
        )
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == "jiebei-tui-export"
    piped = run("export", "--data-dir", str(data_dir))  # a pipe is left alone and still gets the export
    assert piped.returncode == 0 and piped.stdout.startswith("{")
