"""The terminal's input as the driver reads it: pastes cut out of the stream, whatever the read boundaries."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from textual import events

from jiebei_tui.ui.shell.terminal import PASTE_END, PASTE_START, PasteParser

PASTED = "催收说\x1b]0;x\x07 abc\x1b[A 一二三"
STREAM = "ab" + PASTE_START + PASTED + PASTE_END + "c" + PASTE_START + "d" + PASTE_END


def parse(reads: list[str]) -> tuple[list[str], list[str]]:
    parser = PasteParser()
    found = [message for read in reads for message in parser.feed(read)]
    found += parser.feed("")  # the end of input
    pastes = [message.text for message in found if isinstance(message, events.Paste)]
    keys = [message.character or "" for message in found if isinstance(message, events.Key)]
    return pastes, keys


# A read ending in the ESC that starts a paste is the Escape key, as in Textual (a terminal writes the marker
# whole): no cut just after it.
AFTER_ESCAPE = {index + 1 for index in range(len(STREAM)) if STREAM.startswith(PASTE_START, index)}
CUTS = st.integers(min_value=1, max_value=len(STREAM) - 1).filter(lambda cut: cut not in AFTER_ESCAPE)


@given(st.lists(CUTS, unique=True).map(sorted))
def test_pastes_and_keys_come_out_the_same_however_the_reads_cut_the_stream(cuts: list[int]) -> None:
    bounds = [0, *cuts, len(STREAM)]
    reads = [STREAM[start:end] for start, end in zip(bounds[:-1], bounds[1:], strict=True)]
    assert parse(reads) == ([PASTED, "d"], ["a", "b", "c"])


def test_a_read_holding_only_the_start_of_a_paste_marker_is_not_the_end_of_input() -> None:
    """A read of just "\\x1b[" (held back as a possible paste start) fed Textual's parser an empty string, which
    it takes for the end of input: the next read raised ParseError and the app stopped (seen under load with a
    1 MB paste)."""
    assert parse(["ab", "\x1b[", "200~x" + PASTE_END]) == (["x"], ["a", "b"])
