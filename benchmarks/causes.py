"""For RESULTS.md: why a target was missed, from figures measured in the same run, and how rows are measured."""

from __future__ import annotations

from report import Result, median, ms, p95


def explain(results: list[Result], store: dict[str, float], inapp: dict[str, float]) -> list[str]:
    lines: list[str] = []
    floor = store["fsync_floor_p95"]
    for result in results:
        if result.met is not False:
            continue
        name = result.measure
        if name.startswith("first frame"):
            lines.append(
                f"- **{name}** ({ms(median(result.ours))} vs {ms(median(result.baseline))}): opening the data folder "
                f"costs {ms(store['open_store'])} (heavy folder, jiebei.json only); the rest is starting the "
                f"workbook itself (importing and composing its screens, {store.get('import_gap', float('nan')):.2f} s "
                "more import time than the minimal app, measured with `python -c import`), which the store does not touch."
            )
        elif name.startswith("typing"):
            lines.append(
                f"- **{name}** (p95 {ms(p95(result.ours))} vs {ms(p95(result.baseline))}): no store work happens "
                "while typing (the draft is kept in memory and written once a second); the time is the call "
                "screen's own per-keystroke work (issue 8: a DOM query and a full-screen reflow per key), "
                "larger with a long log. UI work, after H2's restructuring."
            )
        elif name.startswith("durable"):
            lines.append(
                f"- **{name}** (p95 {ms(p95(result.ours))}, median {ms(median(result.ours))}): the change writes "
                f"one or two small files (see the notes on rows), each with two fsyncs; a bare atomic write of one "
                f"6 KB file, sampled between ours, has p95 {ms(floor)} (median {ms(store['fsync_floor_median'])}): "
                "the tail is this shared disk's fsync latency (it came in 4 ms steps in slow periods), not the size "
                "of the history."
            )
        elif name.startswith("first open of"):
            extra = f" (the store part, every saved self-check: {ms(store['list_snapshots'])})" if "selfcheck" in name else ""
            lines.append(
                f"- **{name}** ({ms(median(result.ours))}): the time is the area's screen being composed and "
                f"mounted on first use{extra}; building heavy forms lazily is UI work (issue 8, after H2)."
            )
        elif name.startswith("call history: first rows"):
            lines.append(
                f"- **{name}** ({ms(median(result.ours))}): reading every record costs the store "
                f"{ms(store['records'])}; the rest is the history screen loading them on the UI thread (three "
                "reloads per open, all rows built at once). UI work, after H2."
            )
        elif "block" in name:
            part = store["search"] if "search" in name else store["records"]
            lines.append(
                f"- **{name}** ({ms(max(result.ours))}): the screen calls the store on the event loop "
                f"(store part {ms(part)}, streamable: `CallsRepo.iter_records()` / `iter_search()` yield a month or a "
                "call at a time for a worker). UI work, after H2."
            )
        elif name.startswith("RSS"):
            lines.append(f"- **{name}**: {median(result.ours):.0f} MiB (before history {inapp.get('rss_before_mib', 0):.0f} MiB).")
        elif name.startswith("`export"):
            lines.append(f"- **{name}**: {result.ratio:.2f}× (see the rows above).")
    return lines


def method() -> list[str]:
    return [
        "- **First frame**: the real app (`python -m jiebei_tui [call] --lang en`) and the baseline "
        "(`benchmarks/minimal_app.py`, one Static and one Input) each started as a new process on an 80×24 "
        "pseudo-terminal (TERM=xterm-256color, no COLORTERM, as over SSH); time from process start until the "
        "screen's own text is drawn (Home: its welcome line; `call`: the call's key guide; baseline: its label). "
        "Variants are interleaved run by run; the first round only warms the file cache. `call` starts a new call "
        "each time. \"Empty\" is a folder that does not exist yet.",
        "- **Typing**: on the same pseudo-terminal, a 10-character chunk written at once (as an input method "
        "commits it), timed until all of it is drawn in the note line; Ctrl+U clears the line between chunks. "
        "\"Call with 10,000 notes\": a call in progress whose log already holds 10,000 lines (the screen resumes it).",
        "- **Durable writes**: in-process, the repo call the screen makes, timed until it returns (temp file "
        "fsynced, renamed over the file, folder fsynced). Baseline: TinyDB 4.9's default JSONStorage with every "
        "document of the heavy folder in one db.json, doing the same change; its samples are interleaved with ours.",
        "- **Areas**: from Home on the heavy folder, the area's function key, timed until the area's own text is drawn; "
        "the first press in a session is the first open.",
        "- **History and search**: the real App driven by Textual's Pilot in its own process; a 5 ms timer records "
        "the longest gap between its ticks (how long the event loop could not draw or take a key). RSS from "
        "/proc/self/status after a garbage collection.",
        "- **Exports**: `python -m jiebei_tui export --format json|markdown -o FILE` as separate processes; baseline "
        "a separate process that `json.loads` every data file of the folder and writes all their documents with one "
        "`json.dump` (indent 2, sorted keys, UTF-8, fsync): the least a JSON export of those documents costs.",
        "- Medians and p95 (nearest rank) over the repeated samples; with few samples p95 is close to the worst one.",
    ]
