"""Backups of the library, after Anki and Zotero: a checked copy when the window starts and
the last is older than a day, before every migration (:mod:`briefing.store.migrations`), and
on demand; old ones thinned out (the newest of each of the last 7 days, 4 weeks, 6 months by
default); a restore that keeps the current file aside; a check that says what it found.

Automatic backups live in ``backups/`` beside the library, named
``<library>-YYYYMMDD-HHMMSS.db`` (local time): the name says when, so rotation needs no
database of its own, and a backup copied elsewhere keeps its date.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.core.errors import BriefingError
from briefing.store import backup as store_backup
from briefing.store import checks, meta
from briefing.store.db import StoreError, write_transaction

if TYPE_CHECKING:
    from briefing.services.library import Library

BACKUP_FOLDER = "backups"
BACKUP_AGE = timedelta(days=1)
ROTATION_KEY = "backup_rotation"  # meta: "daily,weekly,monthly"
_STAMP = "%Y%m%d-%H%M%S"
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Rotation:
    """How many automatic backups to keep: the newest of each of the last ``daily`` days,
    ``weekly`` ISO weeks and ``monthly`` months that have one."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 6

    @classmethod
    def parse(cls, text: str) -> Rotation:
        """``"7,4,6"`` -> ``Rotation(7, 4, 6)``; one clear error for anything else."""
        parts = text.split(",")
        if len(parts) != 3 or not all(p.strip().isdigit() for p in parts):
            raise BriefingError(f"not a rotation: {text!r} (expected DAILY,WEEKLY,MONTHLY)")
        daily, weekly, monthly = (int(p) for p in parts)
        if daily < 1:
            raise BriefingError("the rotation must keep at least one daily backup")
        return cls(daily, weekly, monthly)

    def __str__(self) -> str:
        return f"{self.daily},{self.weekly},{self.monthly}"


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime


class DamagedLibrary(BriefingError):
    """The library file failed SQLite's check when opened: it is left as it is (nothing is
    written into it) and ``backup`` names the newest backup that passes the check, if any."""

    def __init__(self, path: Path, problems: list[str], backup: Path | None) -> None:
        offer = f"; the newest good backup is {backup}" if backup else "; no good backup found"
        super().__init__(f"{path}: the library is damaged ({problems[0]}){offer}")
        self.path = path
        self.problems = problems
        self.backup = backup


# --- where backups are ---------------------------------------------------------------------


def backup_folder(library_path: Path) -> Path:
    return Path(library_path).parent / BACKUP_FOLDER


def backup_name(library_path: Path, when: datetime) -> str:
    return f"{Path(library_path).stem}-{when.strftime(_STAMP)}.db"


def list_backups(library_path: Path) -> list[Backup]:
    """The automatic backups of this library, newest first."""
    folder = backup_folder(library_path)
    pattern = re.compile(re.escape(Path(library_path).stem) + r"-(\d{8}-\d{6})(?:-\d+)?\.db")
    found = []
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            match = pattern.fullmatch(entry.name)
            if match and entry.is_file():
                with contextlib.suppress(ValueError):
                    found.append(Backup(entry, datetime.strptime(match.group(1), _STAMP)))
    return sorted(found, key=lambda b: (b.taken, b.path.name), reverse=True)


def newest_good_backup(library_path: Path) -> Path | None:
    """The newest automatic backup that passes ``quick_check``."""
    for entry in list_backups(library_path):
        if not store_backup.quick_check(entry.path):
            return entry.path
    return None


# --- making and thinning backups -----------------------------------------------------------


def rotation_of(library: Library) -> Rotation:
    stored = meta.get(library.db, ROTATION_KEY)
    try:
        return Rotation.parse(stored) if stored else Rotation()
    except BriefingError:
        return Rotation()


def stored_rotation(library_path: Path) -> Rotation:
    """The rotation a library file asks for, read without opening it as a library."""
    stored = store_backup.read_setting(Path(library_path), ROTATION_KEY)
    try:
        return Rotation.parse(stored) if stored else Rotation()
    except BriefingError:
        return Rotation()


def set_rotation(library: Library, rotation: Rotation) -> None:
    with write_transaction(library.db):
        meta.put(library.db, ROTATION_KEY, str(rotation))


def back_up(library_path: Path, target: Path | None = None, now: datetime | None = None) -> Path:
    """A checked copy of the library file (read-only: the library is not written to) at
    ``target``, or in the backups folder under a dated name. Raises :class:`StoreError`."""
    library_path = Path(library_path)
    if not library_path.is_file():
        raise StoreError(f"{library_path}: no such library")
    if target is None:
        folder = backup_folder(library_path)
        try:
            folder.mkdir(exist_ok=True)
        except OSError as error:
            message = f"{folder}: cannot create the backups folder ({error.strerror})"
            raise StoreError(message) from None
        name = Path(backup_name(library_path, now or datetime.now()))
        target, number = folder / name, 1
        while target.exists():  # two backups in one second: both kept
            number += 1
            target = folder / f"{name.stem}-{number}.db"
    elif Path(target).is_dir():
        target = Path(target) / backup_name(library_path, now or datetime.now())
    return store_backup.copy_file(library_path, Path(target))


def to_keep(stamps: list[datetime], rotation: Rotation) -> set[datetime]:
    """The backups the rotation keeps: the newest of each of the last N days, weeks and
    months that have any (so a week of holiday does not cost the backups before it)."""
    keys: list[tuple[int, Callable[[datetime], Hashable]]] = [
        (rotation.daily, lambda s: s.date()),
        (rotation.weekly, lambda s: s.isocalendar()[:2]),
        (rotation.monthly, lambda s: (s.year, s.month)),
    ]
    keep: set[datetime] = set()
    ordered = sorted(stamps, reverse=True)
    for count, key in keys:
        periods: list[Hashable] = []
        for stamp in ordered:
            period = key(stamp)
            if period in periods:
                continue
            if len(periods) >= count:
                break
            periods.append(period)
            keep.add(stamp)
    return keep


def rotate(library_path: Path, rotation: Rotation) -> list[Path]:
    """Delete the automatic backups the rotation does not keep; returns those deleted."""
    backups = list_backups(library_path)
    keep = to_keep([b.taken for b in backups], rotation)
    removed, kept_stamps = [], set()
    for entry in backups:  # newest first: of two taken in the same second, the newest stays
        if entry.taken in keep and entry.taken not in kept_stamps:
            kept_stamps.add(entry.taken)
            continue
        with contextlib.suppress(OSError):
            entry.path.unlink()
            removed.append(entry.path)
    return removed


def backup_if_due(
    library: Library, max_age: timedelta = BACKUP_AGE, now: datetime | None = None
) -> Path | None:
    """At start-up: a backup when the newest is older than ``max_age`` (or there is none),
    then rotation. Returns the new backup, or ``None`` when none was due or it could not be
    made (logged: a failed backup must not keep the window from opening)."""
    if library.read_only:
        return None
    now = now or datetime.now()
    backups = list_backups(library.path)
    if backups and now - backups[0].taken < max_age:
        return None
    try:
        made = back_up(library.path, now=now)
        rotate(library.path, rotation_of(library))
    except BriefingError as error:
        logger.warning("automatic backup failed: %s", error)
        return None
    return made


# --- checking, opening and restoring -------------------------------------------------------


def check_before_open(library_path: Path) -> None:
    """Raise :class:`DamagedLibrary` when an existing library fails ``quick_check``; the
    file is only read. A missing or new (empty) file is left to the opening."""
    path = Path(library_path)
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return
    except OSError:
        return
    problems = store_backup.quick_check(path)
    if problems:
        raise DamagedLibrary(path, problems, newest_good_backup(path))


def check(library_path: Path) -> checks.CheckReport:
    """Integrity, references and the search index of the library file, read-only."""
    return checks.check_file(Path(library_path))


def restore(library_path: Path, backup: Path) -> Path | None:
    """Replace the library with ``backup`` after checking it; returns where the current
    file was moved (kept, never deleted), or ``None`` when there was none."""
    return store_backup.restore_file(Path(backup), Path(library_path))
