"""Packages whose names are imported on first use (jiebei_tui/lazy.py) give exactly the names they declare."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import subprocess
import sys

import pytest

import jiebei_tui
from jiebei_tui.lazy import Exports


def _lazy_packages() -> list[str]:
    found = []
    for info in pkgutil.walk_packages(jiebei_tui.__path__, "jiebei_tui."):
        if info.ispkg and isinstance(vars(importlib.import_module(info.name)).get("__getattr__"), Exports):
            found.append(info.name)
    return found


LAZY = _lazy_packages()


def _declared(package: str) -> dict[str, str]:
    """Name -> module of the imports under ``if TYPE_CHECKING:`` in the package's ``__init__``."""
    tree = ast.parse(inspect.getsource(sys.modules[package]))
    declared = {}
    for node in tree.body:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for statement in node.body:
                assert isinstance(statement, ast.ImportFrom) and statement.module
                declared |= {alias.name: statement.module for alias in statement.names}
    return declared


def test_the_area_packages_are_lazy() -> None:
    assert {f"jiebei_tui.domain.{area}" for area in ("calls", "habits", "plans", "selfcheck")} <= set(LAZY)


@pytest.mark.parametrize("package", LAZY)
def test_the_lazy_names_are_the_declared_ones_and_each_resolves(package: str) -> None:
    module = sys.modules[package]
    getter = vars(module)["__getattr__"]
    assert getter.where == _declared(package)
    assert set(getter.where) == set(module.__all__)
    for name, source in getter.where.items():
        assert getattr(module, name) is getattr(importlib.import_module(source), name)
    with pytest.raises(AttributeError):
        getter("no_such_name")


def test_importing_an_area_package_imports_none_of_its_modules() -> None:
    probe = (
        "import sys\n"
        f"for name in {LAZY!r}: __import__(name)\n"
        f"lazy = {LAZY!r}\n"
        "print(' '.join(m for m in sys.modules if m.rpartition('.')[0] in lazy and m not in lazy))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
