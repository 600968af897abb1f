"""The key table: one key, one meaning, in every area.

Every Binding is made with :func:`bind`, which names the binding's meaning.
Keys a user learns (F-keys, Ctrl+letter) come from :data:`KEY_TABLE` by
meaning, so Ctrl+S saves wherever there is something to save and Ctrl+O opens
past records wherever there are some. Context keys (Enter, Esc, arrows, Space,
digits, a letter on a screen without a text field) are named by the binding
itself, and still say what they mean; a test checks that no key means two
things anywhere in the UI. The README's key tables follow this table.

Only keys that survive SSH: F1-F10, plain Ctrl+letter, and no Ctrl+letter that
Textual's Input or TextArea already use (a, c, d, e, k, u, v, w, x, y) or that
terminals turn into other keys (h, i, j, m, z).
"""

from __future__ import annotations

from typing import Any

from textual.binding import Binding

from jiebei_tui.areas import AREAS

# meaning -> keys, comma-separated as in Binding. Shell keys first, then the keys every area shares.
KEY_TABLE: dict[str, str] = {
    "help": "f1",
    **{f"area.{area.id}": area.key for area in AREAS},
    "done": "f8",
    "settings": "f9",
    "quit": "f10,ctrl+q,ctrl+c",
    "goto": "ctrl+g",
    "new_call": "ctrl+n",
    "palette": "ctrl+p",  # Textual's command palette (its own binding)
    "save": "ctrl+s",
    "history": "ctrl+o",
    "view": "ctrl+b",
    "add": "ctrl+l",
    "checklist": "ctrl+t",
    "red_flag": "ctrl+r",
    "identity": "ctrl+f",
}

# Meanings of context keys; each binding names its keys. Same key, same meaning, everywhere.
CONTEXT_MEANINGS: frozenset[str] = frozenset(
    {
        "confirm",  # Enter: do the obvious thing here (save the line, next field, open)
        "close",  # Esc, q: close this dialog or go back
        "move",  # arrows
        "choose",  # Space (and b in the self-check history): choose or change the item under the cursor
        "pick",  # digits in a menu
        "export",  # x
        "find",  # /
        "edit",  # e
        "correct",  # c
        "delete",  # d
        "letter",  # w: write a letter from the chosen records
    }
)

# binding id -> meaning, filled in by bind() as the screens are imported.
MEANINGS: dict[str, str] = {}


def keys_for(meaning: str) -> str:
    return KEY_TABLE[meaning]


def bind(
    meaning: str,
    action: str,
    description: str,
    *,
    id: str,
    keys: str | None = None,
    **options: Any,
) -> Binding:
    """A Binding for ``meaning``: the table's keys (or some of them), or ``keys`` for a context key."""
    if keys is None:
        keys = KEY_TABLE[meaning]
    elif meaning not in CONTEXT_MEANINGS and meaning not in KEY_TABLE:
        raise ValueError(f"unknown meaning {meaning!r}")
    MEANINGS[id] = meaning
    return Binding(keys, action, description, id=id, **options)


def key_label(meaning: str) -> str:
    """How a key is written in running text: ``ctrl+s`` -> ``Ctrl+S``, ``f8`` -> ``F8``."""
    first = KEY_TABLE[meaning].split(",")[0]
    return "+".join(part.capitalize() if len(part) > 1 else part.upper() for part in first.split("+"))
