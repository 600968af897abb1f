"""Project rules that would otherwise drift: README commands, CI, catalogs, layers."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _source_tree_available() -> bool:
    return (ROOT / "README.md").exists() and (ROOT / ".ci" / "run").exists()


@pytest.mark.skipif(not _source_tree_available(), reason="needs the source checkout")
def test_readme_has_exactly_two_setup_commands_and_ci_runs_the_test_one() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = set(re.findall(r"```sh\n(.+?)\n```", readme))
    assert len(commands) == 2, commands
    install = next(c for c in commands if "[test]" not in c)
    tests = next(c for c in commands if "[test]" in c)
    assert install.endswith("jiebei-tui") and " -e " not in install
    assert " -e " not in tests and tests.endswith("pytest")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert tests in ci.splitlines()


def test_catalogs_are_complete_and_compiled() -> None:
    from jiebei_tui.locale import catalogs

    assert catalogs.problems() == []


@pytest.mark.parametrize(
    ("module", "forbidden"),
    [
        # What actually loads at run time (import-linter checks the static imports, tests/test_architecture.py).
        ("jiebei_tui.cli", ("textual",)),  # locate/export/import answer without loading the TUI
        ("jiebei_tui.services", ("textual",)),
        ("jiebei_tui.store.store", ("textual",)),
    ],
)
def test_layers_import_nothing_above_them(module: str, forbidden: tuple[str, ...]) -> None:
    probe = f"import sys, {module}; print(' '.join(sorted(m for m in {forbidden!r} if m in sys.modules)))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"{module} pulls in {result.stdout.strip()}"


def test_every_domain_module_is_free_of_textual_and_io_libraries() -> None:
    import pkgutil

    import jiebei_tui.domain as domain

    names = [info.name for info in pkgutil.walk_packages(domain.__path__, "jiebei_tui.domain.")]
    probe = (
        "import sys, importlib\n"
        f"for name in {names!r}: importlib.import_module(name)\n"
        "print(' '.join(sorted(m for m in ('textual', 'tinydb', 'filelock', 'platformdirs') if m in sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def _own_bindings() -> list[tuple[str, object]]:
    """(where, binding) for the BINDINGS each class of the UI declares itself."""
    import importlib
    import pkgutil

    import jiebei_tui.ui as ui

    found = []
    for info in pkgutil.walk_packages(ui.__path__, "jiebei_tui.ui."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, type) and value.__module__ == info.name:
                found += [(f"{info.name}.{value.__name__}", binding) for binding in vars(value).get("BINDINGS", [])]
    return found


def test_every_binding_has_an_id_and_a_description() -> None:
    from textual.binding import Binding

    missing = [
        f"{where}: {binding}"
        for where, binding in _own_bindings()
        if not isinstance(binding, Binding) or not binding.id or not binding.description
    ]
    assert missing == []


# Keys that reach the app over SSH and that no text field of Textual's already uses (see ui/common/keys.py).
SAFE_TABLE_KEY = re.compile(r"^(f([1-9]|10)|ctrl\+[bfglnopqrst])$")
CONTEXT_KEYS = re.compile(r"^(enter|escape|up|down|space|slash|[a-z]|[0-9])$")


def test_one_key_one_meaning_in_every_area() -> None:
    """Every binding declares what it means; a key never means two things, on any screen."""
    from collections import defaultdict

    from jiebei_tui.ui.common.keys import CONTEXT_MEANINGS, KEY_TABLE, MEANINGS

    meanings: defaultdict[str, set[str]] = defaultdict(set)
    for meaning, keys in KEY_TABLE.items():
        for key in keys.split(","):
            # Ctrl+C quits whatever has the focus (a priority binding, over a field's "copy"), as terminals expect.
            safe = SAFE_TABLE_KEY.match(key) or (key, meaning) == ("ctrl+c", "quit")
            assert safe, f"{key} ({meaning}) may not survive SSH or is taken by text fields"
            meanings[key].add(meaning)
    problems = []
    ids: dict[str, str] = {}
    for where, binding in _own_bindings():
        if binding.id in ids:
            problems.append(f"{where}: id {binding.id} also used in {ids[binding.id]}")
        ids[binding.id] = where
        meaning = MEANINGS.get(binding.id)
        if meaning is None:
            problems.append(f"{where}: {binding.id} declares no meaning (make it with keys.bind)")
            continue
        for key in binding.key.split(","):
            meanings[key].add(meaning)
            if meaning in CONTEXT_MEANINGS and not CONTEXT_KEYS.match(key):
                problems.append(f"{where}: {key} is not a context key; put it in the key table")
            if meaning in KEY_TABLE and key not in KEY_TABLE[meaning].split(","):
                problems.append(f"{where}: {key} is not the table's key for {meaning}")
    problems += [f"{key} means {sorted(found)}" for key, found in sorted(meanings.items()) if len(found) > 1]
    assert problems == []


def test_the_app_imports_an_area_screen_only_when_the_area_is_shown() -> None:
    """Start-up stays light: the App knows the areas from the registry, not by importing their screens."""
    probe = (
        "import sys, jiebei_tui.ui.shell.app\n"
        "print(' '.join(sorted(m for m in sys.modules if m.endswith('.screen') and m.startswith('jiebei_tui.ui.'))))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


@pytest.mark.skipif(not _source_tree_available(), reason="needs the source checkout")
def test_the_readme_key_tables_name_every_key_of_the_table() -> None:
    from jiebei_tui.ui.common.keys import KEY_TABLE

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    chinese, english = readme.split("\n## English\n")
    for heading, half in (("中文", chinese), ("English", english)):
        section = "\n".join(line for line in half.splitlines() if line.startswith("| "))  # the tables
        for meaning, keys in KEY_TABLE.items():
            if meaning.startswith("area."):
                continue
            for key in keys.split(","):
                shown = "+".join(part.capitalize() if len(part) > 1 else part.upper() for part in key.split("+"))
                assert shown in section, f"{shown} ({meaning}) missing from the README's key tables ({heading})"
