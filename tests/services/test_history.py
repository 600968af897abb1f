"""The call history as the screen streams it, and the lazy names of ``jiebei_tui.services``."""

from __future__ import annotations

import importlib
from datetime import datetime, timedelta, timezone
from pathlib import Path

import jiebei_tui.services as services_package
from jiebei_tui.domain.calls import RecordKind, automatic_flags_by_record, missed_call, new_record
from jiebei_tui.services.history import CallHistory, Filters
from jiebei_tui.store.calls import CallsRepo
from jiebei_tui.store.store import open_store

UTC = timezone.utc
BEIJING = timezone(timedelta(hours=8))


def test_every_public_name_of_services_is_found_where_the_lazy_table_says() -> None:
    assert set(services_package._WHERE) == set(services_package.__all__)
    for name, module in services_package._WHERE.items():
        assert getattr(services_package, name) is getattr(importlib.import_module(module), name)


def test_streamed_flags_and_order_are_those_of_the_whole_history_when_a_users_day_spans_two_files(data_dir: Path) -> None:
    """Seven unanswered calls on one Beijing day, stored in UTC across two files: the 7th is flagged either way."""
    repo = CallsRepo(open_store(data_dir)[0])
    # 2026-12-01 in Beijing runs from 2026-11-30 16:00 to 2026-12-01 16:00 UTC.
    starts = [datetime(2026, 11, 30, 17, 0, tzinfo=UTC) + timedelta(hours=hour) for hour in (0, 1, 2, 8, 9, 10, 11)]
    for number, at in enumerate(starts):
        repo.save(missed_call(f"m{number}", "13800000000", at))
    repo.save(new_record("late", RecordKind.CALL, datetime(2026, 12, 1, 15, 30, tzinfo=UTC)))  # 23:30 Beijing
    repo.save(new_record("older", RecordKind.CALL, datetime(2026, 11, 20, 9, 0, tzinfo=UTC)))
    assert repo.periods() == ["2026-12-01", "2026-11-30", "2026-11-20"]

    history = CallHistory(repo, BEIJING)
    streamed = [found.record.id for found in history.rows(Filters()) if found is not None]

    whole = repo.records()
    assert streamed == [record.id for record in whole]  # newest first, as over the whole history
    expected = automatic_flags_by_record(whole, BEIJING)
    assert {record_id: history.flags[record_id] for record_id in streamed} == expected
    assert "too_many_calls" in history.flags["m6"] and "night_contact" in history.flags["late"]
    flagged = [found.record.id for found in CallHistory(repo, BEIJING).rows(Filters(flag="too_many_calls")) if found]
    assert flagged == ["m6"]
