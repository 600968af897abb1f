"""Packages that name their whole public interface but import each module on first use (PEP 562).

An area's package (``jiebei_tui.domain.habits``) is the only way other areas reach it, so it names
everything; importing every module behind those names took most of start-up, though Home needs
a handful. A package lists its names under ``if TYPE_CHECKING:`` (what mypy and readers see) and,
otherwise, sets ``__getattr__ = Exports(__name__, {...})`` with the same names by module;
tests/test_lazy_packages.py checks that the two lists agree and that every name resolves.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Mapping
from typing import Any


class Exports:
    """A package's ``__getattr__``: ``modules`` maps a module (relative to the package) to the names it gives."""

    def __init__(self, package: str, modules: Mapping[str, tuple[str, ...]]) -> None:
        self.package = package
        self.where = {name: f"{package}.{module}" for module, names in modules.items() for name in names}

    def __call__(self, name: str) -> Any:
        module = self.where.get(name)
        if module is None:
            raise AttributeError(f"module {self.package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        setattr(sys.modules[self.package], name, value)  # the next lookup is a plain attribute
        return value
