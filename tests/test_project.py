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
        ("jiebei_tui.domain.facts", ("textual", "tinydb", "filelock", "platformdirs")),
        ("jiebei_tui.domain.guidance", ("textual", "tinydb", "filelock", "platformdirs")),
        ("jiebei_tui.domain.markdown_export", ("textual", "tinydb", "filelock", "platformdirs")),
        ("jiebei_tui.store.store", ("textual",)),
        ("jiebei_tui.store.export", ("textual",)),
        ("jiebei_tui.store.calls", ("textual",)),
        ("jiebei_tui.store.selfcheck", ("textual",)),
        ("jiebei_tui.cli", ("textual",)),
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


def test_every_binding_has_an_id_and_a_description() -> None:
    import importlib
    import pkgutil

    from textual.binding import Binding

    import jiebei_tui.ui as ui

    missing = []
    for info in pkgutil.walk_packages(ui.__path__, "jiebei_tui.ui."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            own = vars(value).get("BINDINGS", []) if isinstance(value, type) and value.__module__ == info.name else []
            for binding in own:
                if not isinstance(binding, Binding) or not binding.id or not binding.description:
                    missing.append(f"{info.name}.{value.__name__}: {binding}")
    assert missing == []
