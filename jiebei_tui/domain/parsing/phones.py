"""Phone numbers compared by what they dial, not how they were written.

libphonenumber (the ``phonenumbers`` package) reads the forms people copy from
a phone's call list or an SMS: ``+86 138…``, ``86-138-…``, ``0086``, ``tel:+86…``,
``+86 (0)21 …``, full-width digits, an extension (``ext. 1``, ``#1``). It does not
know the Chinese words for an extension (转, 分机), so those are turned into
``ext.`` first. It is imported on first use: starting a call never waits for it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

_CHINESE_EXTENSION = re.compile(r"\s*(?:转|轉|分机|分機)(?:号|號)?\s*[:：]?\s*(?=\d)")
_DEFAULT_REGION = "CN"


def _parse(text: str) -> Any | None:
    """A ``phonenumbers.PhoneNumber``, or None when the text holds no number."""
    import phonenumbers

    folded = unicodedata.normalize("NFKC", text).strip()
    folded = _CHINESE_EXTENSION.sub(" ext. ", folded)
    try:
        return phonenumbers.parse(folded, _DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return None


def warm_up() -> None:
    """Import libphonenumber and load the mainland's metadata now (~35 ms on 2 cores, mostly compiling its
    patterns): a screen that is about to compare numbers runs this in a thread while it draws."""
    _parse("13800000000")


@lru_cache(maxsize=4096)
def normalize_number(text: str) -> str:
    """The number as one comparable string, so every way of writing it matches.

    Mainland numbers become their national digits, landlines with their trunk 0
    (``+86 21 1234 5678`` -> ``02112345678``, ``86-138-0000-0000`` -> ``13800000000``);
    other countries' numbers their E.164 form (``+14155552671``). An extension is
    left out: it reaches the same line. Returns "" for a withheld number; text
    libphonenumber cannot read keeps its digits only.
    """
    import phonenumbers

    number = _parse(text)
    if number is None:
        return "".join(ch for ch in unicodedata.normalize("NFKC", text) if ch.isdigit())
    number.extension = None
    if number.country_code != 86:
        return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return "".join(ch for ch in national if ch.isdigit())
