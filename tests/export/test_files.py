"""Writing an export: beside the destination, then renamed; clear lines when it cannot be."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from briefing.core.errors import BriefingError
from briefing.export.files import check_destination, write_atomic


def test_writes_the_file_and_leaves_nothing_beside_it(tmp_path: Path) -> None:
    target = tmp_path / "briefing.pdf"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["briefing.pdf"]
    assert target.stat().st_mode & 0o044  # readable by others, as a document is


def test_a_failed_write_keeps_the_old_file_and_removes_the_temporary(
    tmp_path: Path, monkeypatch
) -> None:
    target = tmp_path / "briefing.pdf"
    target.write_bytes(b"yesterday")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(BriefingError, match=r"briefing.pdf: could not be written: No space left"):
        write_atomic(target, b"today")
    assert target.read_bytes() == b"yesterday"
    assert [p.name for p in tmp_path.iterdir()] == ["briefing.pdf"]


def test_missing_folder_and_a_folder_as_target_are_one_line_each(tmp_path: Path) -> None:
    with pytest.raises(BriefingError, match=r"/nowhere: no such folder$"):
        check_destination(tmp_path / "nowhere" / "b.pdf")
    with pytest.raises(BriefingError, match="is a folder; give a file name"):
        check_destination(tmp_path)


def test_an_unwritable_folder_is_one_line_and_no_file(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        folder = Path("/sys")  # root may write anywhere on disk, but not into sysfs
        if not os.path.ismount(folder):  # a chroot without sysfs: nothing refuses root
            pytest.skip("running as root with no sysfs mounted: no folder refuses a write")
    else:
        folder = tmp_path / "locked"
        folder.mkdir()
        folder.chmod(0o500)
    with pytest.raises(BriefingError, match=r"cannot write in this folder \(permission denied\)"):
        write_atomic(folder / "briefing.pdf", b"x")
    assert not (folder / "briefing.pdf").exists()
