"""The baseline for first-frame and typing rows: a minimal Textual app with one Input, nothing else."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Input, Static


class MinimalApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("minimal app ready")
        yield Input(id="line")

    def on_mount(self) -> None:
        self.query_one(Input).focus()


if __name__ == "__main__":
    MinimalApp().run()
