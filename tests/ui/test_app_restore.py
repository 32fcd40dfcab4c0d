"""Start-up on a damaged library (issue 15): nothing is written into it, and the newest
good backup is offered; accepted, it is restored and the library opens."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from briefing import app
from briefing.services import BriefingError, Library
from briefing.services import backup as backup_service
from PySide6.QtWidgets import QMessageBox


def _damaged_with_backup(library: Library) -> tuple[Path, Path]:
    library.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    good = backup_service.back_up(library.path, now=datetime(2026, 1, 1, 8, 0))
    library.close()
    size = library.path.stat().st_size
    with library.path.open("r+b") as handle:
        handle.seek(size // 2)
        handle.write(b"\xff" * 8192)
    return library.path, good


@pytest.mark.parametrize("answer", ["yes", "no"])
def test_a_damaged_library_offers_the_newest_good_backup(
    qapp, sample_library: Library, monkeypatch: pytest.MonkeyPatch, answer: str
) -> None:
    path, good = _damaged_with_backup(sample_library)
    damaged = path.read_bytes()
    asked: list[str] = []

    def question(parent, title, text, *args):
        asked.append(text)
        yes = answer == "yes"
        return QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    if answer == "no":
        with pytest.raises(backup_service.DamagedLibrary):
            app._open_checked(path)
        assert path.read_bytes() == damaged  # refused: the file is as it was
    else:
        with app._open_checked(path) as library:
            assert library.article_count() == 5
        kept = sorted(path.parent.glob(f"{path.name}.before-restore-*[0-9]"))
        assert len(kept) == 1 and kept[0].read_bytes() == damaged
    assert len(asked) == 1 and good.name in asked[0]


def test_a_damaged_library_without_a_backup_is_one_line(qapp, sample_library: Library) -> None:
    path, good = _damaged_with_backup(sample_library)
    good.unlink()
    with pytest.raises(BriefingError, match="no good backup found"):
        app._open_checked(path)
