"""What every screen and widget of the workbook can reach: the services, and a rebuild on a language switch."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, cast

from textual.dom import DOMNode
from textual.screen import Screen

from jiebei_tui.ui.common.messages import LanguageChanged

if TYPE_CHECKING:
    from jiebei_tui.services import Services


class _HasServices(Protocol):
    services: Services


def services_of(node: DOMNode) -> Services:
    """The App's services (the App is always a JiebeiApp; tests build it with the factory)."""
    return cast(_HasServices, node.app).services


class WithServices:
    """Mixin for screens and widgets: ``self.services`` instead of reaching into the App."""

    @property
    def services(self) -> Services:
        return services_of(cast(DOMNode, self))


class Retranslated(WithServices):
    """Mixin for screens: rebuilt in the new language when the App switches it.

    The rebuild runs in the screen's own message loop, so none of the screen's
    timers, keys or data refreshes can run while it is half-built; its view
    state lives outside the widgets (reactives, services) and is shown again by
    :meth:`after_recompose`. Subclasses override that, never the handler
    (Textual calls every class's handler, the subclass's first).
    """

    async def on_language_changed(self, _message: LanguageChanged) -> None:
        await cast("Screen[Any]", self).recompose()
        self.after_recompose()

    def after_recompose(self) -> None:
        """Fill the fresh widgets from the state that survived (nothing to do for static screens)."""
