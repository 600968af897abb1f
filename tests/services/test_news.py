"""What opening a folder had to fix, said in words: a folder and files are named for what they are."""

from __future__ import annotations

from pathlib import Path

from jiebei_tui import i18n
from jiebei_tui.services.news import report_notices
from jiebei_tui.store.report import OpenReport


def texts(report: OpenReport) -> list[str]:
    return [notice.message for notice in report_notices(report)]


def test_a_folder_made_private_is_called_a_folder_and_files_are_counted(tmp_path: Path) -> None:
    i18n.set_language("en")
    assert texts(OpenReport(fixed_folders=[tmp_path])) == [
        "Made the data folder private to your user again (others could open it)."
    ]
    assert texts(OpenReport(fixed_permissions=[tmp_path / "a.json"])) == [
        "Made 1 data file private to your user again (it was readable by others)."
    ]
    both = texts(OpenReport(fixed_folders=[tmp_path], fixed_permissions=[tmp_path / "a.json", tmp_path / "b.json"]))
    assert both[0].startswith("Made the data folder private") and both[1].startswith("Made 2 data files private")
    assert OpenReport(fixed_folders=[tmp_path]).has_news
