"""Home: a calm start, what is saved, where it lives, and how to begin."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Static

from jiebei_tui import locations
from jiebei_tui.areas import counted_tables
from jiebei_tui.i18n import N_, _, tr
from jiebei_tui.ui.common.commitments import CommitmentsHomePanel
from jiebei_tui.ui.common.guidance import GuidancePanel
from jiebei_tui.ui.common.keys import bind
from jiebei_tui.ui.common.text import inert
from jiebei_tui.ui.home.selfcheck_panel import SelfCheckHomePanel
from jiebei_tui.ui.shell.base import AreaScreen


class HomeScreen(AreaScreen):
    AREA = "home"

    BINDINGS = [
        bind("export", "export", N_("Export"), id="home.export", keys="x", tooltip=N_("Save a copy of everything to a file")),
    ]

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(classes="area-body"):
            yield Static(_("You're not alone. One step at a time: every step here is saved as you go."), id="welcome")
            with Horizontal(id="home-now", classes="home-row"):
                yield SelfCheckHomePanel(id="home-selfcheck", classes="panel")
                yield CommitmentsHomePanel(id="home-commitments", classes="panel")
            with Horizontal(id="home-panels", classes="home-row"):
                with Vertical(id="home-summary", classes="panel"):
                    yield Static(_("Your workbook"), classes="panel-title")
                    yield Static(id="home-counts")
                with Vertical(id="home-data", classes="panel"):
                    yield Static(_("Where your data lives"), classes="panel-title")
                    yield Static(id="home-location")
            yield GuidancePanel("home", classes="guidance")

    def refresh_data(self) -> None:
        services = self.services
        self.query_one(SelfCheckHomePanel).refresh_data()
        self.query_one(CommitmentsHomePanel).refresh_data()
        lines = [tr("{label}: {count}", label=_(label), count=services.count(table)) for table, label in counted_tables()]
        self.query_one("#home-counts", Static).update("\n".join(lines))
        self.query_one("#home-location", Static).update(
            inert("\n".join(
                [
                    tr("Folder: {path}", path=locations.display_path(services.store.directory)),
                    tr("Main file: {name}", name=locations.MAIN_FILE),
                    _("Only your user account can read these files."),
                    _("In a shell: jiebei-tui locate shows these paths, jiebei-tui export copies everything."),
                ]
            ))
        )

    def action_export(self) -> None:
        self.workbook.action_export()
