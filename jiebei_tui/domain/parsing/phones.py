"""Phone numbers compared by what they dial, not how they were written."""

from __future__ import annotations

import re
import unicodedata


def normalize_number(text: str) -> str:
    """Phone number as digits only, so ``+86 138-0000-0000`` and ``13800000000`` match.

    A +86 / 0086 country prefix is dropped; what remains of a landline gets its
    trunk 0 back (``+86 21 …`` -> ``021…``). Returns "" for a withheld number.
    """
    folded = unicodedata.normalize("NFKC", text).strip()
    had_country = False
    compact = re.sub(r"[\s\-().]", "", folded)
    for prefix in ("+86", "0086"):
        if compact.startswith(prefix):
            compact = compact[len(prefix) :]
            had_country = True
            break
    digits = "".join(ch for ch in compact if ch.isdigit())
    if had_country and digits and not digits.startswith(("0", "1")):
        digits = "0" + digits
    return digits
