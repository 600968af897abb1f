"""The calls area's screens.

Kept light: the shell imports only these message ids and stylesheet paths from
here, and the screens themselves when Calls is first shown.
"""

from pathlib import PurePath

from jiebei_tui import locations
from jiebei_tui.i18n import N_

CALLS_CSS = str(locations.styles_dir() / "calls.tcss")
# The screens and dialogs opened from a call: read after the first frame (see CallView.LATER_CSS_PATHS).
CALLS_DIALOGS_CSS: list[str | PurePath] = [CALLS_CSS, str(locations.styles_dir() / "calls_dialogs.tcss")]

NEW_CALL = N_("New call")
NEW_CALL_TIP = N_("Start a new call record: the timer runs and you can type at once")
