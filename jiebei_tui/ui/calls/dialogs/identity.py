"""Who is calling: each detail with what they said and how far it got (asked, given, verified).

Typing a value marks it given; Enter goes to the next detail; Enter or Space on a status cycles it
(not asked → asked → given → verified); a verified detail asks how it was
checked (95188, the lender's app, its published agency list). Changes are
saved as they are made, so a dropped connection loses nothing.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Static

from jiebei_tui.domain.calls import (
    IDENTITY_FIELDS,
    CallRecord,
    Identity,
    IdentityStatus,
    RecordKind,
    next_identity_status,
)
from jiebei_tui.domain.text_safety import storable
from jiebei_tui.i18n import N_, N_p, _
from jiebei_tui.ui.calls import CALLS_DIALOGS_CSS
from jiebei_tui.ui.calls.widgets.panels import KIND_ROW, NUMBER_ROW
from jiebei_tui.ui.calls.widgets.text import STATUS_GLYPHS, STATUS_STYLES
from jiebei_tui.ui.common.debounce import DebouncedSave
from jiebei_tui.ui.common.dialog import Dialog
from jiebei_tui.ui.common.inputs import InertInput
from jiebei_tui.ui.common.keys import bind

SAVE_AFTER_SECONDS = 0.6
EDITABLE_KINDS = (RecordKind.CALL, RecordKind.SMS, RecordKind.VISIT)  # missed calls have their own quick log


class Cycler(Static, can_focus=True):
    """A value changed with Enter or Space (a status, a kind): no pop-up list, no Escape needed."""

    BINDINGS = [bind("choose", "cycle", N_p("key: change the status under the cursor", "Change"), id="calls.identity.cycle", keys="space")]

    def __init__(self, key: str, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="identity-cycler")
        self.key = key

    def action_cycle(self) -> None:
        screen = self.screen
        if isinstance(screen, CallIdentityScreen):
            screen.cycle(self.key)


class CallIdentityScreen(Dialog[None]):
    """Rows 0–5: the identity details; 6: the number; 7: the kind of contact."""

    DIALOG_ID = "identity-dialog"
    TITLE = N_("Who is calling")
    HINT = N_(
        "Type what they say; Enter goes to the next detail. "
        "↑↓ reach each status: Space or Enter changes it. Saved as you type."
    )
    CLOSE_BUTTON = "identity-done"
    CLOSE_LABEL = N_("Done")
    AUTO_FOCUS = ""  # the field asked for (on_mount), not the first focusable
    CSS_PATH = CALLS_DIALOGS_CSS
    BINDINGS = [
        bind("identity", "close", N_("Done"), id="calls.identity.close"),
        bind("done", "close", N_("Done"), id="calls.identity.done", show=False),
        # Priority, so focus moves the moment Enter arrives: keys right behind it land in the next field.
        bind("confirm", "enter", N_("Next detail"), id="calls.identity.enter", keys="enter", show=False, priority=True),
        bind("move", "move(1)", N_("Next detail"), id="calls.identity.next", keys="down", show=False, priority=True),
        bind("move", "move(-1)", N_("Previous detail"), id="calls.identity.previous", keys="up", show=False, priority=True),
    ]

    def __init__(self, record_id: str, row: int = 0) -> None:
        super().__init__()
        self.record_id = record_id
        self.row = row
        self._identity = Identity()
        self._number = ""
        self._kind = RecordKind.CALL
        self._edits = DebouncedSave(self, SAVE_AFTER_SECONDS, self._save_edits)

    def _labels(self) -> list[str]:
        return [
            *(f"{index} {_(item.label)}" for index, item in enumerate(IDENTITY_FIELDS, start=1)),
            _("checked via"),
            f"{NUMBER_ROW} {_('Number')}",
            f"{KIND_ROW} {_('Kind')}",
        ]

    def _label(self, text: str) -> Static:
        """A label as wide as the longest in this language plus a space: never cut, never run into its value."""
        label = Static(text, classes="identity-label")
        label.styles.width = max(cell_len(other) for other in self._labels()) + 1
        return label

    def compose_body(self) -> ComposeResult:
        record = self.services.calls.get(self.record_id)
        if record is not None:
            self._identity, self._number, self._kind = record.identity, record.number, record.kind
        with VerticalScroll(id="identity-rows"):
            for index, item in enumerate(IDENTITY_FIELDS, start=1):
                entry = self._identity.get(item.key)
                with Horizontal(classes="identity-row"):
                    yield self._label(f"{index} {_(item.label)}")
                    yield InertInput(
                        entry.value, placeholder=_(item.hint), compact=True, select_on_focus=False, id=f"value-{item.key}"
                    )
                    yield Cycler(item.key, id=f"status-{item.key}")
                with Horizontal(classes="identity-row identity-channel", id=f"channel-row-{item.key}"):
                    yield self._label(_("checked via"))
                    yield InertInput(
                        entry.channel,
                        placeholder=_("How you checked: 95188, the lender's app, its list of agencies"),
                        compact=True,
                        select_on_focus=False,
                        id=f"channel-{item.key}",
                    )
            with Horizontal(classes="identity-row"):
                yield self._label(f"{NUMBER_ROW} {_('Number')}")
                yield InertInput(
                    self._number,
                    placeholder=_("The number that called"),
                    compact=True,
                    select_on_focus=False,
                    id="value-number",
                )
            with Horizontal(classes="identity-row"):
                yield self._label(f"{KIND_ROW} {_('Kind')}")
                yield Cycler("kind", id="status-kind")

    def _fields(self) -> list[Any]:
        """Focus order for ↑↓: value and status of each detail (and its channel when shown), number, kind."""
        order: list[Any] = []
        for item in IDENTITY_FIELDS:
            order.append(self.query_one(f"#value-{item.key}", Input))
            order.append(self.query_one(f"#status-{item.key}", Cycler))
            if self._identity.get(item.key).status is IdentityStatus.VERIFIED:
                order.append(self.query_one(f"#channel-{item.key}", Input))
        order.append(self.query_one("#value-number", Input))
        order.append(self.query_one("#status-kind", Cycler))
        return order

    def on_mount(self) -> None:
        self._show()
        targets = [f"#value-{item.key}" for item in IDENTITY_FIELDS] + ["#value-number", "#status-kind"]
        self.set_focus(self.query_one(targets[max(0, min(self.row, len(targets) - 1))]))

    def _show(self) -> None:
        for item in IDENTITY_FIELDS:
            entry = self._identity.get(item.key)
            self.query_one(f"#status-{item.key}", Cycler).update(
                Content.assemble(
                    Content.styled(STATUS_GLYPHS[entry.status], STATUS_STYLES[entry.status]),
                    " ",
                    _(entry.status.label),
                )
            )
            self.query_one(f"#channel-row-{item.key}").display = entry.status is IdentityStatus.VERIFIED
        self.query_one("#status-kind", Cycler).update(Content(_(self._kind.label)))

    def after_recompose(self) -> None:
        self._show()
        self.query_one(f"#value-{IDENTITY_FIELDS[0].key}", Input).focus()

    def cycle(self, key: str) -> None:
        if key == "kind":
            index = EDITABLE_KINDS.index(self._kind) if self._kind in EDITABLE_KINDS else -1
            self._kind = EDITABLE_KINDS[(index + 1) % len(EDITABLE_KINDS)]
        else:
            entry = self._identity.get(key)
            channel = self.query_one(f"#channel-{key}", Input).value
            self._identity = self._identity.with_status(key, next_identity_status(entry.status), channel)
        self._show()
        self._edits.changed()

    def on_input_changed(self, event: Input.Changed) -> None:
        field = event.input.id or ""
        if field == "value-number":
            self._number = event.input.value
        elif field.startswith("value-"):
            key = field.removeprefix("value-")
            if event.input.value.strip() != self._identity.get(key).value:
                self._identity = self._identity.with_value(key, event.input.value)
        elif field.startswith("channel-"):
            key = field.removeprefix("channel-")
            entry = self._identity.get(key)
            if entry.status is IdentityStatus.VERIFIED:
                self._identity = self._identity.with_status(key, IdentityStatus.VERIFIED, event.input.value)
        else:
            return
        self._show()
        self._edits.changed()

    def action_enter(self) -> None:
        """Enter: on a status it changes it, on a button it presses it, in a field it goes to the next field.

        Typing a value already marks it given, so only "asked" and "verified"
        need the status, which ↑↓ reach.
        """
        focused = self.focused
        if isinstance(focused, Cycler):
            focused.action_cycle()
        elif isinstance(focused, Button):
            focused.press()
        else:
            fields = [field for field in self._fields() if isinstance(field, Input)]
            index = fields.index(focused) if focused in fields else -1
            # set_focus, not focus(): it takes effect now, so keys right behind Enter land in the next field.
            self.set_focus(fields[index + 1] if index + 1 < len(fields) else self.query_one("#status-kind", Cycler))

    def action_move(self, step: int) -> None:
        fields = self._fields()
        current = self.focused
        index = fields.index(current) if current in fields else -1
        self.set_focus(fields[(index + step) % len(fields)])

    def _save_edits(self) -> None:
        identity, number, kind = self._identity, self._number.strip(), self._kind

        def apply(record: CallRecord) -> CallRecord:
            return replace(record, identity=identity, number=storable(number).strip(), kind=kind)

        self.services.calls.change(self.record_id, apply)

    def stash_drafts(self) -> None:
        self._edits.flush()

    def action_close(self) -> None:
        self._edits.flush()
        self.dismiss(None)
