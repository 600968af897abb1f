"""For RESULTS.md: why a target was missed, from figures measured in the same run, and how rows are measured."""

from __future__ import annotations

from report import Result, median, ms, p95

from jiebei_tui.ui.calls.history import BREATH_SECONDS, SLICE_SECONDS


def _list(rows: list[Result], figure: str) -> str:
    shown = []
    for row in rows:
        value = {"median": median(row.ours), "p95": p95(row.ours), "max": max(row.ours)}[figure]
        shown.append(f"{row.measure} {ms(value)}")
    return "; ".join(shown)


def _phases(store: dict[str, float]) -> str:
    """The split measured by benchmarks/phases.py: before App.run (imports, the folder, the App) and after it."""
    if "run_minimal" not in store:
        return ""
    parts = []
    for name, label in (("home", "Home"), ("call", "`call`")):
        if f"run_{name}" not in store:
            continue
        before = store[f"run_{name}"] - store["run_minimal"]
        after = (store[f"frame_{name}"] - store[f"run_{name}"]) - (store["frame_minimal"] - store["run_minimal"])
        parts.append(
            f"{label} spends {ms(before)} more than the minimal app before `App.run` (importing the workbook's "
            f"modules, opening the folder, building the App) and {ms(after)} more from there to its first frame "
            f"(composing, styling, laying out and drawing {store[f'widgets_{name}']:.0f} widgets, "
            f"{store[f'placed_{name}']:.0f} of them on screen, against the minimal app's "
            f"{store['widgets_minimal']:.0f})"
        )
    return (
        "Split by benchmarks/phases.py in the same run (medians, the minimal app's own phases taken off): "
        + "; ".join(parts) + "."
    )


def explain(results: list[Result], store: dict[str, float], inapp: dict[str, float]) -> list[str]:
    missed = [result for result in results if result.met is False]
    groups = {
        "frame": [r for r in missed if r.measure.startswith("first frame")],
        "typing": [r for r in missed if r.measure.startswith("typing")],
        "durable": [r for r in missed if r.measure.startswith("durable")],
        "areas": [r for r in missed if r.measure.startswith("first open of")],
        "history": [r for r in missed if r.measure.startswith(("call history", "history search"))],
        "other": [r for r in missed if r.measure.startswith(("RSS", "`export"))],
    }
    call_start = next((median(r.ours) for r in results if r.measure == "durable: call start (new record)"), float("nan"))
    lines: list[str] = []
    if groups["frame"]:
        lines.append(
            f"- **First frame** (medians: {_list(groups['frame'], 'median')}; the minimal app "
            f"{ms(median(groups['frame'][0].baseline))}): {_phases(store)} The store's part is opening the folder, "
            f"{ms(store['open_store'])} on the heavy folder (it reads jiebei.json only, under the lock, which "
            f"imports filelock), plus, for `call`, saving the new call before it is drawn (durable call start: "
            f"median {ms(call_start)}), as the note line must take the first line typed. Already after the first "
            "frame: the footer's keys, the call's side panels (identity, checklist, flags, prep, script), the call "
            "dialogs' stylesheet, the commitment date readers, every other area. Still before it, for `call`: the "
            "Calls screen's modules (`python -X importtime` counts ~20 ms for them), its stylesheet, and Textual's "
            "work per widget: each is styled against every rule as it mounts, and the screen is laid out twice and "
            "rendered twice before its first frame (on its first resize, its resume and the first refresh), for Home "
            "and the minimal app alike, so the cost grows with the widgets."
        )
    if groups["typing"]:
        lines.append(
            f"- **Typing** (p95: {_list(groups['typing'], 'p95')}; the minimal app "
            f"{ms(p95(groups['typing'][0].baseline))}): no store work happens while typing (the draft is kept in "
            "memory and written once a second), a key lays out nothing and queries nothing (only the note line "
            "repaints), and the terminal driver hands one read's keys to the App together. What is left is the call "
            "screen's work per key and its draw, and the App's one-second tick (drafts, the status line) when a "
            "chunk meets it."
        )
    if groups["durable"]:
        lines.append(
            f"- **Durable writes** (p95: {_list(groups['durable'], 'p95')}; medians: "
            f"{_list(groups['durable'], 'median')}): each change writes one or two small files (notes on rows), "
            f"whatever the history. In the same run a bare atomic write of one 6 KB file had median "
            f"{ms(store['fsync_floor_median'])}, p95 {ms(store['fsync_floor_p95'])} "
            f"({store['fsync_floor_slow_share']:.0%} of them over 4 ms), and a single device flush (6 KB rewritten "
            f"in place, fdatasync) median {ms(store['flush_median'])}. An atomic write (temp file fsync, rename, "
            "folder fsync) costs about three device flushes; when this shared virtual disk flushes slowly no write "
            "that keeps those steps can finish in 10 ms, and one that touches two files takes two floors. Our "
            "figures follow the floor, not the size of the history (the plain TinyDB column does)."
        )
    if groups["areas"]:
        lines.append(
            f"- **First open of an area** ({_list(groups['areas'], 'median')}): the store's part is small (every "
            f"saved self-check: {ms(store['list_snapshots'])}); each area's modules and stylesheet are made ready "
            "after the first frame (ui/shell/warmup.py), so the time is its screen's first part (~50 widgets for "
            "Self-check) being composed, styled and laid out; the first key of a session comes 0.15 s after Home is "
            "drawn here, when the warm-up thread may still be importing Self-check's modules (opened first, it "
            "waits for them; 0.11-0.20 s when pressed 2 s after Home is drawn, measured the same way in several runs)."
        )
    if groups["history"]:
        lines.append(
            f"- **History and search** ({_list(groups['history'], 'max')}): the screen streams (a day of records, "
            f"or one call's notes, per step; rows added after every {SLICE_SECONDS * 1000:.0f} ms of work, then a "
            f"{BREATH_SECONDS * 1000:.0f} ms pause for keys and the draw; the "
            f"history read {inapp.get('history_reads', float('nan')):.0f} time(s) per open): the first rows showed after "
            f"{ms(inapp.get('history_first_rows_s', float('nan')))} and the first search match after "
            f"{ms(inapp.get('search_first_s', float('nan')))}, but a draw and a step still came to more than 50 ms "
            "between two ticks now and then (no full collection runs while the screen is open, checked with "
            "gc.callbacks); after closing, the one full collection that was held traces what the screen leaves "
            "(its widgets and their line caches; the rows go by reference count as it closes) and what was built "
            "since the warm-up's freeze "
            f"(for scale, the store reads every record in {ms(store['records'])} and searches every note "
            f"in {ms(store['search'])})."
        )
    for result in groups["other"]:
        lines.append(f"- **{result.measure}**: {result.figure(result.ours)} against {result.target}.")
    if inapp:
        lines.append(
            f"- For reference, RSS: {inapp.get('rss_before_mib', 0):.0f} MiB before history, "
            f"{inapp.get('rss_after_search_mib', 0):.0f} MiB after a search, "
            f"{inapp.get('rss_after_closing_mib', 0):.0f} MiB after closing it (searches read files without keeping them)."
        )
    return lines


def method() -> list[str]:
    return [
        "- **First frame**: the real app (`python -m jiebei_tui [call] --lang en`) and the baseline "
        "(`benchmarks/minimal_app.py`, one Static and one Input) each started as a new process on an 80×24 "
        "pseudo-terminal (TERM=xterm-256color, no COLORTERM, as over SSH); time from process start until the "
        "screen's own text is drawn (Home: its welcome line; `call`: the note line's placeholder; baseline: its "
        "label). Variants are interleaved run by run, each round starting with a different one; the first round only "
        "warms the file cache. Each round also starts the minimal app, Home and `call` once under "
        "benchmarks/phases.py, which marks `App.run` and the first frame and counts the screen's widgets (the split "
        "in the causes above). `call` starts a "
        "new call each time. \"Empty\" is a folder that does not exist yet. Both run from compiled bytecode, as "
        "installed (pip compiles it; run.py compiles the checkout's first: where PYTHONDONTWRITEBYTECODE is set, "
        "the app would otherwise compile all of its source at every start while Textual's is already compiled).",
        "- **Typing**: on the same pseudo-terminal, a 10-character chunk written at once (as an input method "
        "commits it), timed until all of it is drawn in the note line; Ctrl+U clears the line between chunks. "
        "\"Call with 10,000 notes\": a call in progress whose log already holds 10,000 lines (the screen resumes it). "
        "Six rounds of 12 chunks per variant, each round starting with a different variant.",
        "- **Durable writes**: in-process, the repo call the screen makes, timed until it returns (temp file "
        "fsynced, renamed over the file, folder fsynced). Baseline: TinyDB 4.9's default JSONStorage with every "
        "document of the heavy folder in one db.json, doing the same change; its samples are interleaved with "
        "ours, and so are the two reference rows (the disk's own cost). This shared virtual disk has fast "
        "periods (a device flush ~0.2 ms) and slow ones (~4 ms per flush, when a bare atomic write takes ~12 ms): "
        "the reference rows say which one a run saw, and every durable row moves with them.",
        "- **Areas**: from Home on the heavy folder, the area's function key, timed until the area's own text is "
        "drawn (and, in the row below each, until its footer is: the screen is then whole); the first press in a "
        "session is the first open.",
        "- **History and search**: the real App driven by Textual's Pilot in its own process; a 5 ms timer records "
        "the longest gap between its ticks (how long the event loop could not draw or take a key). As in a terminal, "
        "the App freezes what start-up built and runs the warm-up (Pilot is headless, where it does neither by "
        "default), and the history is opened once the warm-up is done. RSS from /proc/self/status after a garbage "
        "collection.",
        "- **Exports**: `python -m jiebei_tui export --format json|markdown -o FILE` as separate processes; baseline "
        "a separate process that `json.loads` every data file of the folder and writes all their documents with one "
        "`json.dump` (indent 2, sorted keys, UTF-8, fsync): the least a JSON export of those documents costs.",
        "- Medians and p95 (nearest rank) over the repeated samples; with few samples p95 is close to the worst one.",
    ]
