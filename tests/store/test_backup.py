"""Backups and checks of the library file (store and services, no window)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from briefing.core.errors import BriefingError
from briefing.services import Library
from briefing.services import backup as service
from briefing.store import backup, checks


def _damage(path: Path) -> None:
    """Overwrite pages in the middle of the file (a bad sector, a half-written copy)."""
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(size // 2)
        handle.write(b"\xff" * 8192)


def _checkpointed(library: Library) -> Path:
    """The library's file with everything in it (its -wal written back), still open."""
    library.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return library.path


def test_backup_is_a_checked_copy_with_every_article_and_no_partial_file(
    sample_library: Library, tmp_path: Path
) -> None:
    target = tmp_path / "copy.db"
    made = backup.copy_database(sample_library.db, target)
    assert made == target and backup.quick_check(target) == []
    assert not list(tmp_path.glob("*.partial"))
    with sqlite3.connect(target) as copy:
        assert copy.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
        assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    with Library.open(target) as restored:
        assert len(restored.highlights()) == len(sample_library.highlights())


def test_backup_taken_while_another_connection_writes_holds_a_committed_state(
    sample_library: Library, tmp_path: Path
) -> None:
    sample_library.db.execute("BEGIN IMMEDIATE")
    sample_library.db.execute("DELETE FROM highlight_tags")  # not committed
    try:
        made = service.back_up(sample_library.path, tmp_path / "during.db")
    finally:
        sample_library.db.rollback()
    with sqlite3.connect(made) as copy:
        assert copy.execute("SELECT count(*) FROM highlight_tags").fetchone()[0] > 0


def test_quick_check_finds_damage_and_a_non_database(sample_library: Library, tmp_path) -> None:
    copy = service.back_up(sample_library.path, tmp_path / "c.db")
    _damage(copy)
    assert backup.quick_check(copy) != []
    text = tmp_path / "notes.txt"
    text.write_text("not a database")
    assert backup.quick_check(text) == ["notes.txt: not an SQLite database"]


def test_a_damaged_source_is_never_written_and_no_backup_replaces_a_good_one(
    sample_library: Library, tmp_path: Path
) -> None:
    good = service.back_up(sample_library.path, tmp_path / "good.db")
    damaged = service.back_up(sample_library.path, tmp_path / "damaged.db")
    _damage(damaged)
    before = damaged.read_bytes()
    with pytest.raises(BriefingError):
        backup.copy_file(damaged, good)
    assert damaged.read_bytes() == before
    assert backup.quick_check(good) == []


def test_rotation_keeps_newest_per_day_week_and_month() -> None:
    start = datetime(2026, 1, 1, 9, 0)
    stamps = [start + timedelta(hours=12 * i) for i in range(2 * 330)]  # twice a day
    keep = service.to_keep(stamps, service.Rotation(7, 4, 6))
    newest = max(stamps)
    days = {s.date() for s in keep if newest - s < timedelta(days=7)}
    assert len(days) == 7
    months = {(s.year, s.month) for s in keep}
    assert len(months) == 6
    assert newest in keep
    weeks = sorted({s.isocalendar()[:2] for s in keep}, reverse=True)
    assert weeks[:4] == sorted({s.isocalendar()[:2] for s in stamps}, reverse=True)[:4]
    assert len(keep) <= 7 + 4 + 6
    # Of each period, the newest is kept: the later backup of the newest day.
    assert newest - timedelta(hours=12) not in keep


def test_rotate_removes_the_rest_from_the_backups_folder(library: Library) -> None:
    start = datetime(2026, 3, 1, 8, 0)
    for day in range(40):
        service.back_up(library.path, now=start + timedelta(days=day))
    removed = service.rotate(library.path, service.Rotation(3, 2, 1))
    left = service.list_backups(library.path)
    assert len(removed) + len(left) == 40
    assert [b.taken.date().isoformat() for b in left[:3]] == [
        "2026-04-09",
        "2026-04-08",
        "2026-04-07",
    ]
    assert len(left) <= 6


def test_backup_if_due_makes_one_a_day(library: Library) -> None:
    now = datetime(2026, 5, 1, 9, 0)
    first = service.backup_if_due(library, now=now)
    assert first is not None and first.parent.name == "backups"
    assert service.backup_if_due(library, now=now + timedelta(hours=5)) is None
    assert service.backup_if_due(library, now=now + timedelta(days=1, minutes=1)) is not None
    assert len(service.list_backups(library.path)) == 2


def test_rotation_is_configurable_and_remembered(library: Library) -> None:
    service.set_rotation(library, service.Rotation.parse("2,1,1"))
    assert service.stored_rotation(library.path) == service.Rotation(2, 1, 1)
    with pytest.raises(BriefingError):
        service.Rotation.parse("7,4")


def test_damaged_library_names_the_newest_good_backup_and_is_not_written(
    sample_library: Library,
) -> None:
    path = _checkpointed(sample_library)
    old = service.back_up(path, now=datetime(2026, 1, 1, 8, 0))
    newer = service.back_up(path, now=datetime(2026, 1, 2, 8, 0))
    _damage(newer)  # the newest backup is bad too: the one before is offered
    sample_library.close()
    _damage(path)
    before = path.read_bytes()
    with pytest.raises(service.DamagedLibrary) as raised:
        Library.open(path, check=True)
    assert raised.value.backup == old
    assert "\n" not in str(raised.value) and "damaged" in str(raised.value)
    assert path.read_bytes() == before  # nothing written into the damaged file
    aside = service.restore(path, raised.value.backup)
    assert aside is not None and aside.read_bytes() == before
    with Library.open(path, check=True) as library:
        assert library.article_count() == 5


def test_restore_refuses_a_bad_backup_and_changes_nothing(
    sample_library: Library, tmp_path: Path
) -> None:
    bad = service.back_up(sample_library.path, tmp_path / "bad.db")
    _damage(bad)
    path = _checkpointed(sample_library)
    before = path.read_bytes()
    with pytest.raises(BriefingError, match="not a usable backup"):
        service.restore(path, bad)
    assert path.read_bytes() == before


def test_migration_backup_is_checked(tmp_path: Path) -> None:
    from briefing.store.migrations import backup_copy

    source = sqlite3.connect(tmp_path / "a.db")
    source.execute("CREATE TABLE t (x)")
    source.commit()
    from briefing.store.connection import LibraryDatabase

    made = backup_copy(LibraryDatabase(source), tmp_path / "a.db.v1.bak")
    assert backup.quick_check(made) == [] and not list(tmp_path.glob("*.partial"))


def test_check_finds_index_and_reference_problems(sample_library: Library) -> None:
    path = sample_library.path
    assert service.check(path).ok
    db = sample_library.db
    db.execute("INSERT INTO highlight_fts (rowid, quote, note) VALUES (9999, 'x', 'y')")
    db.execute("UPDATE highlights SET end_pos = 10000000 WHERE id = 3")
    report = service.check(path)
    assert not report.ok
    assert any("highlight_fts" in line and "#9999" in line for line in report.problems)
    assert any("outside their text: #3" in line for line in report.problems)
    assert report.checked == ["SQLite integrity", "references", "search index"]


def test_check_of_a_damaged_file_says_so(sample_library: Library) -> None:
    path = _checkpointed(sample_library)
    sample_library.close()
    _damage(path)
    report = checks.check_file(path)
    assert not report.ok and report.problems[0]


def test_restore_refuses_while_another_program_has_the_library_open(
    sample_library: Library, tmp_path: Path
) -> None:
    copy = service.back_up(sample_library.path, tmp_path / "copy.db")
    path = _checkpointed(sample_library)
    sample_library.close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        assert backup.in_use(path)
        with pytest.raises(BriefingError, match="open in another program"):
            service.restore(path, copy)
    finally:
        holder.kill()
        holder.wait()
    assert not backup.in_use(path)
    assert service.restore(path, copy) is not None


HOLD_OPEN = """
import sys, time
from briefing.services import Library
library = Library.open(sys.argv[1])
library.article_count()
print("open", flush=True)
time.sleep(60)
"""
