"""Habits on disk: which files a save touches, what Home reads, both-or-neither check-ins, damaged files."""

from __future__ import annotations

import errno
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from jiebei_tui.domain.causes import Cause
from jiebei_tui.domain.habits import (
    Cadence,
    CheckinMonth,
    SpendMonth,
    add_spend,
    adopt_starter,
    check_in,
    default_budget,
    month_of,
    new_habit,
    new_reflection,
    start_progress,
)
from jiebei_tui.store import partitions
from jiebei_tui.store.habits import CHECKINS_TABLE, PROGRESS_TABLE, HabitsRepo, UnreadableError
from jiebei_tui.store.store import open_store

TODAY = date(2026, 11, 23)
YEARS = 5


def files(directory: Path) -> dict[Path, tuple[int, int]]:
    """Every data file with (inode, mtime): a rename gives a new inode."""
    found = {}
    for path in directory.rglob("*.json"):
        info = path.stat()
        found[path.relative_to(directory)] = (info.st_ino, info.st_mtime_ns)
    return found


def touched(before: dict[Path, tuple[int, int]], after: dict[Path, tuple[int, int]]) -> set[str]:
    return {str(path) for path, stamp in after.items() if before.get(path) != stamp}


def five_years(repo: HabitsRepo) -> list[str]:
    """A daily habit checked in every day for five years, and 11 spends a day: written in one bulk."""
    habit = new_habit("daily", "记账", "", Cadence.DAILY, TODAY - timedelta(days=365 * YEARS))
    progress = start_progress(habit)
    months: dict[str, CheckinMonth] = {}
    spends: dict[str, SpendMonth] = {}
    plan = default_budget(None)
    day = habit.started
    while day < TODAY:
        key = month_of(day)
        edit = check_in(habit, progress, months.get(key) or CheckinMonth(key), day, day)
        progress, months[key] = edit.progress, edit.month
        month = spends.get(key) or SpendMonth(key)
        for index in range(11):
            month = add_spend(month, plan, day, "food", f"{index + 1}.50")
        spends[key] = month
        day += timedelta(days=1)
    with repo.store.bulk():
        repo.save_habit(habit, progress)
        for checkins in months.values():
            repo.save_checkin_month(checkins)
        for month in spends.values():
            repo.save_spends(month)
        repo.save_budget(plan)
    return sorted(months)


@pytest.fixture(scope="module")
def heavy_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("habits") / "data"
    store, _ = open_store(directory)
    five_years(HabitsRepo(store))
    return directory


def copy_of(source: Path, target: Path) -> Path:
    import shutil

    shutil.copytree(source, target)
    return target


def test_a_check_in_writes_this_months_record_and_the_small_index_only(heavy_folder: Path, tmp_path: Path) -> None:
    directory = copy_of(heavy_folder, tmp_path / "copy")
    repo = HabitsRepo(open_store(directory)[0])
    habit = repo.habit("daily")
    assert habit is not None
    before = files(directory)
    progress = repo.progress_all()["daily"]
    edit = check_in(habit, progress, repo.checkin_month(month_of(TODAY)), TODAY, TODAY)
    assert repo.save_edit(edit)
    assert touched(before, files(directory)) == {"habits/checkins/2026-11.json", "habits/progress.json"}
    # Both stay small however long the history: a month of days, and a window of 100 periods.
    assert (directory / "habits/checkins/2026-11.json").stat().st_size < 4_000
    assert (directory / "habits/progress.json").stat().st_size < 4_000
    assert repo.progress_all()["daily"].streak(TODAY) == 365 * YEARS + 1


def test_a_spend_writes_its_months_file_only(heavy_folder: Path, tmp_path: Path) -> None:
    directory = copy_of(heavy_folder, tmp_path / "copy")
    repo = HabitsRepo(open_store(directory)[0])
    before = files(directory)
    month = repo.spends("2026-11")
    repo.save_spends(add_spend(month, default_budget(None), TODAY, "food", "35"))
    assert touched(before, files(directory)) == {"habits/spends/2026-11.json"}


class Reads:
    """Which data files the store opens (through its file cache)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, directory: Path) -> None:
        self.paths: list[str] = []
        original = partitions.FileCache.read

        def read(cache, path: Path, *, keep: bool = True):  # type: ignore[no-untyped-def]
            self.paths.append(str(Path(path).relative_to(directory)))
            return original(cache, path, keep=keep)

        monkeypatch.setattr(partitions.FileCache, "read", read)


def test_home_reads_small_files_only(heavy_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import datetime, timedelta, timezone

    from jiebei_tui.factory import open_services

    directory = copy_of(heavy_folder, tmp_path / "copy")
    services = open_services(directory, clock=lambda: datetime(2026, 11, 23, 20, 30, tzinfo=timezone(timedelta(hours=8))))
    for day in (date(2026, 9, 1), date(2026, 11, 2)):
        services.habits.repo.save_reflection(new_reflection(f"r{day.month}", day, [Cause.INCOME_DROP]))
    services.store.forget_files()
    reads = Reads(monkeypatch, directory)
    view = services.home.today()
    assert view.home.habits[0].streak == 365 * YEARS
    assert view.home.latest_reflection == date(2026, 11, 2)
    assert not [path for path in reads.paths if path.startswith(("habits/checkins", "habits/spends"))]
    assert [path for path in reads.paths if path.startswith("habits/reflections")] == ["habits/reflections/2026-11.json"]
    assert {"habits/habits.json", "habits/progress.json", "habits/fund.json"} <= set(reads.paths)


def test_a_refused_check_in_is_kept_whole_and_written_whole_later(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store, _ = open_store(data_dir)
    repo = HabitsRepo(store)
    habit = adopt_starter("record_spending", "h1", TODAY)
    repo.save_habit(habit, start_progress(habit))
    edit = check_in(habit, repo.progress_all()["h1"], repo.checkin_month("2026-11"), TODAY, TODAY)

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(partitions, "atomic_write_many", full)
        patch.setattr(partitions, "atomic_write", full)
        assert repo.save_edit(edit) is False
        assert store.pending_count == 2
        assert repo.progress_all()["h1"].is_done(TODAY)  # shown while it waits
        assert repo.checkin_month("2026-11").days_done("h1") == (TODAY,)
    assert store.retry_pending()
    again = HabitsRepo(open_store(data_dir)[0])
    assert again.progress_all()["h1"].is_done(TODAY)
    assert again.checkin_month("2026-11").days_done("h1") == (TODAY,)


def test_a_damaged_month_record_is_never_overwritten(data_dir: Path) -> None:
    store, _ = open_store(data_dir)
    repo = HabitsRepo(store)
    store.put(CHECKINS_TABLE, "2026-11", {"month": "2026-11", "done": {"h1": ["not a date"]}}, period="2026-11")
    with pytest.raises(UnreadableError):
        repo.checkin_month("2026-11")
    assert list(repo.checkin_months()) == []  # skipped when rebuilding, not fatal


def test_unreadable_documents_are_skipped_when_listing(data_dir: Path) -> None:
    store, _ = open_store(data_dir)
    repo = HabitsRepo(store)
    habit = adopt_starter("reflect", "h1", TODAY)
    repo.save_habit(habit, start_progress(habit))
    store.put("habits", "broken", {"name": "?"})
    store.put(PROGRESS_TABLE, "broken", {"cadence": "hourly"})
    assert [found.id for found in repo.habits()] == ["h1"]
    assert set(repo.progress_all()) == {"h1"}


def _ids(batches: Iterator[list]) -> list[list[str]]:  # type: ignore[type-arg]
    return [[entry.id for entry in batch] for batch in batches]


def test_reflections_by_month_newest_month_first(data_dir: Path) -> None:
    repo = HabitsRepo(open_store(data_dir)[0])
    for entry_id, day in (("a", date(2026, 1, 5)), ("b", date(2026, 3, 1)), ("c", date(2026, 3, 9))):
        repo.save_reflection(new_reflection(entry_id, day, [Cause.OVERSPENDING]))
    assert _ids(repo.iter_reflections()) == [["b", "c"], ["a"]]
    assert [entry.id for entry in repo.latest_reflections()] == ["b", "c"]
    assert [entry.id for entry in repo.reflections()] == ["a", "b", "c"]
    repo.delete_reflection(repo.reflections()[0])
    assert [entry.id for entry in repo.reflections()] == ["b", "c"]
