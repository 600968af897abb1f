"""The calls area's screens.

Kept light: the shell imports only these message ids from here, and the
screens themselves when Calls is first shown.
"""

from jiebei_tui.i18n import N_

NEW_CALL = N_("New call")
NEW_CALL_TIP = N_("Start a new call record: the timer runs and you can type at once")
