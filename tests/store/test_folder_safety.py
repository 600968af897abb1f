"""A data folder that cannot be trusted is refused; links inside it are never followed; hostile files are set aside."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from jiebei_tui import locations
from jiebei_tui.store.errors import A_LINK, FOREIGN, TOO_DEEP, UnsafeFolderError
from jiebei_tui.store.opening import FOREIGN_FOLDER, LINK_INSIDE
from jiebei_tui.store.report import FROM_BACKUP
from jiebei_tui.store.store import open_store


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def test_a_folder_of_another_user_is_refused_before_anything_is_written(data_dir: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("giving a folder to another user needs root")
    data_dir.mkdir(parents=True, mode=0o777)
    data_dir.chmod(0o777)
    os.chown(data_dir, 65534, -1)  # nobody
    with pytest.raises(UnsafeFolderError) as raised:
        open_store(data_dir)
    assert raised.value.reason == FOREIGN_FOLDER and raised.value.owner
    assert list(data_dir.iterdir()) == [] and mode(data_dir) == 0o777  # not even the lock file, not chmodded


@pytest.mark.parametrize("name", ["notes", "jiebei.json", "jiebei.lock", ".tmp", "drafts.json.bak"])
def test_a_link_at_the_top_of_the_folder_is_refused(data_dir: Path, tmp_path: Path, name: str) -> None:
    open_store(data_dir)[0].put("settings", "preferences", {"language": "en"})
    target = tmp_path / "elsewhere"
    target.mkdir() if name in ("notes", ".tmp") else target.write_text("precious", encoding="utf-8")
    target.chmod(0o755 if target.is_dir() else 0o644)
    link = data_dir / name
    if link.is_dir():
        link.rmdir()
    elif link.exists():
        link.unlink()
    link.symlink_to(target)
    with pytest.raises(UnsafeFolderError) as raised:
        open_store(data_dir)
    assert raised.value.reason == LINK_INSIDE and raised.value.path == link
    assert mode(target) in (0o755, 0o644)  # not chmodded through the link
    if target.is_file():
        assert target.read_text(encoding="utf-8") == "precious"


def test_a_linked_data_folder_is_used_where_it_points_and_made_private(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir(mode=0o755)
    real.chmod(0o755)
    link = tmp_path / "link"
    link.symlink_to(real)
    store, report = open_store(link)
    assert store.directory == real.resolve() and mode(real) == 0o700 and real.resolve() in report.fixed_folders


def test_a_data_file_that_is_a_link_is_set_aside_never_read_or_chmodded(data_dir: Path, tmp_path: Path) -> None:
    store, _ = open_store(data_dir)
    store.put("notes", "n1", {"record_id": "r", "text": "mine"})
    store.put("notes", "n2", {"record_id": "r", "text": "mine too"})
    outside = tmp_path / "outside.json"
    outside.write_text(json.dumps({"notes": {"x": {"record_id": "r", "text": "planted"}}}), encoding="utf-8")
    outside.chmod(0o644)
    path = locations.notes_file(data_dir, "r")
    path.unlink()
    path.symlink_to(outside)
    fresh, _ = open_store(data_dir)
    texts = sorted(doc["text"] for doc in fresh.all("notes", period="r"))
    assert texts == ["mine"]  # the backup (the version before the last write), never the planted file
    recovery = fresh.take_news().recoveries[0]
    assert recovery.reason == A_LINK and recovery.restored_from == FROM_BACKUP
    assert recovery.moved_to.is_symlink() and not path.is_symlink()
    assert mode(outside) == 0o644 and "planted" in outside.read_text(encoding="utf-8")


def test_a_backup_that_is_a_link_is_never_restored(data_dir: Path, tmp_path: Path) -> None:
    store, _ = open_store(data_dir)
    store.put("notes", "n1", {"record_id": "r", "text": "mine"})
    store.put("notes", "n2", {"record_id": "r", "text": "mine too"})
    path = locations.notes_file(data_dir, "r")
    backup = path.with_name(path.name + ".bak")
    outside = tmp_path / "outside.json"
    outside.write_text(json.dumps({"notes": {"x": {"record_id": "r", "text": "planted"}}}), encoding="utf-8")
    backup.unlink()
    backup.symlink_to(outside)
    path.write_bytes(b"{")  # damaged: the backup would be restored, but it is a link
    fresh, _ = open_store(data_dir)
    assert fresh.all("notes", period="r") == []
    assert "planted" in outside.read_text(encoding="utf-8")


def test_a_file_of_another_user_in_the_folder_is_set_aside(data_dir: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("giving a file to another user needs root")
    store, _ = open_store(data_dir)
    store.put("notes", "n1", {"record_id": "r", "text": "mine"})
    path = locations.notes_file(data_dir, "r")
    path.write_text(json.dumps({"notes": {"x": {"record_id": "r", "text": "planted"}}}), encoding="utf-8")
    os.chown(path, 65534, -1)
    fresh, _ = open_store(data_dir)
    assert all(doc["text"] != "planted" for doc in fresh.all("notes", period="r"))
    assert fresh.take_news().recoveries[0].reason == FOREIGN


def test_a_file_nested_too_deeply_is_damage_not_a_crash_later(data_dir: Path) -> None:
    store, _ = open_store(data_dir)
    store.put("settings", "preferences", {"language": "en"})
    store.put("settings", "preferences", {"language": "zh-Hant"})  # the backup holds "en"
    deep = "[" * 950 + "]" * 950  # json parses it; copying, exporting and printing it would not
    locations.main_file(data_dir).write_text('{"settings": {"preferences": {"x": ' + deep + "}}}", encoding="utf-8")
    fresh, report = open_store(data_dir)
    assert [r.reason for r in report.recoveries] == [TOO_DEEP]
    assert fresh.get("settings", "preferences") == {"language": "en", "id": "preferences"}
