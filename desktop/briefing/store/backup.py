"""Consistent copies of the library file, and putting one back.

A copy is made with SQLite's online backup API (safe while the window or a cron import
writes: it copies a committed state, WAL included), written to a temporary file beside the
target, checked with ``PRAGMA quick_check``, flushed to disk (``fsync``) and only then renamed
into place, so a backup that exists under its final name is whole and readable. Restoring
checks the backup the same way, moves the current file (with its ``-wal``) aside instead of
overwriting it, and writes the backup's copy in place with the same rename.

Nothing here writes into the library being copied or checked: a damaged file is only read.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from briefing.store.connection import LibraryDatabase, sqlite3
from briefing.store.db import SQLITE_MAGIC, StoreError, describe

PARTIAL_SUFFIX = ".partial"
# The pages copied per step of the backup API: between steps another writer may commit
# (the copy then restarts from the changed pages, as SQLite documents).
PAGES_PER_STEP = 4096


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a power cut would otherwise undo it)."""
    with contextlib.suppress(OSError):  # some file systems cannot open a folder for fsync
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def open_for_reading(path: Path) -> sqlite3.Connection:
    """A read-only connection to ``path`` that writes nothing into it (no migration, no
    ``-shm`` repair): for copying and checking, including a file that may be damaged."""
    from briefing.store.opening import connect_read_only

    return connect_read_only(Path(path), timeout=5.0)


def read_setting(path: Path, key: str) -> str | None:
    """One value of the library's ``meta`` table, read without opening it as a library;
    ``None`` when it cannot be read."""
    try:
        conn = open_for_reading(path)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return row[0] if row else None


def quick_check(path: Path, *, full: bool = False) -> list[str]:
    """The problems SQLite finds in the file at ``path`` (``PRAGMA quick_check``, or the
    slower ``integrity_check`` with ``full``): an empty list when it is sound. A file that
    is not an SQLite database at all is one problem, not an exception."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            if handle.read(16) != SQLITE_MAGIC:
                return [f"{path.name}: not an SQLite database"]
    except OSError as error:
        return [f"{path.name}: cannot be read ({error.strerror})"]
    pragma = "integrity_check" if full else "quick_check"
    try:
        conn = open_for_reading(path)
    except sqlite3.Error as error:
        return [describe(error, path.name)]
    try:
        rows = [row[0] for row in conn.execute(f"PRAGMA {pragma}")]
    except sqlite3.Error as error:
        return [describe(error, path.name)]
    finally:
        conn.close()
    return [] if rows == ["ok"] else rows


def copy_database(source: sqlite3.Connection | LibraryDatabase, target: Path) -> Path:
    """Copy the open database ``source`` to ``target``: backup API into ``target.partial``,
    ``quick_check`` of the copy, fsync, rename. Raises :class:`StoreError` (and leaves no
    partial file) when any step fails; an existing ``target`` is replaced only by a copy
    that passed the check."""
    conn = source.conn if isinstance(source, LibraryDatabase) else source
    target = Path(target)
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    try:
        destination = sqlite3.connect(str(partial))
        try:
            conn.backup(destination, pages=PAGES_PER_STEP)
            # The copy stands alone: a rollback journal, no -wal or -shm beside it.
            destination.execute("PRAGMA journal_mode = DELETE")
        finally:
            destination.close()
        problems = quick_check(partial)
        if problems:
            raise StoreError(f"the copy failed its check: {problems[0]}")
        _fsync_file(partial)
        os.replace(partial, target)
        _fsync_folder(target.parent)
    except sqlite3.Error as error:
        raise StoreError(describe(error, target)) from None
    except OSError as error:
        raise StoreError(f"{target}: cannot write the backup ({error.strerror})") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
    return target


def copy_file(source: Path, target: Path) -> Path:
    """A consistent copy of the library file at ``source`` (see :func:`copy_database`),
    read through a read-only connection: the source is never written to."""
    try:
        conn = open_for_reading(source)
    except sqlite3.Error as error:
        raise StoreError(describe(error, source)) from None
    try:
        return copy_database(conn, target)
    finally:
        conn.close()


def _companions(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


# SQLite's unix VFS: every connection to a WAL database holds a shared lock on this byte of
# the -shm file (the "dead man switch", UNIX_SHM_DMS in os_unix.c) for as long as it is open.
_SHM_DMS_BYTE = 128


def in_use(path: Path) -> bool:
    """Whether another process has the library at ``path`` open (the window, a cron import):
    tried by asking for an exclusive lock on the byte every open connection holds shared.
    Where that cannot be asked (no ``fcntl``), ``False``."""
    try:
        import fcntl
    except ImportError:  # Windows: SQLite's locks there are not fcntl's
        return False
    shm = Path(path).with_name(Path(path).name + "-shm")
    try:
        fd = os.open(shm, os.O_RDWR)
    except OSError:
        return False  # no -shm: no connection is using the WAL index
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, _SHM_DMS_BYTE)
    except OSError:
        return True
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, _SHM_DMS_BYTE)
        return False
    finally:
        os.close(fd)


def restore_file(backup: Path, target: Path) -> Path | None:
    """Put the backup at ``backup`` in place of the library at ``target``.

    The backup is checked first (``quick_check``; a bad one changes nothing). The current
    file, with its ``-wal``, is moved aside as ``<name>.before-restore-<time>`` (never
    overwritten or deleted; its ``-shm`` is dropped, SQLite rebuilds it); then a checked copy
    of the backup is renamed into place. Returns where the current file went, or ``None``
    when there was none. Nothing may have the library open meanwhile."""
    backup, target = Path(backup), Path(target)
    if not backup.is_file():
        raise StoreError(f"{backup}: no such backup file")
    problems = quick_check(backup)
    if problems:
        raise StoreError(f"{backup}: not a usable backup ({problems[0]})")
    if backup.resolve() == target.resolve():
        raise StoreError(f"{backup}: that is the library itself")
    if in_use(target):
        raise StoreError(f"{target}: the library is open in another program; close it first")
    staged = target.with_name(target.name + ".restoring")
    copy_file(backup, staged)  # checked and fsynced before the current file is touched
    aside = None
    try:
        if target.exists():
            stamp = time.strftime("%Y%m%d-%H%M%S")
            aside = target.with_name(f"{target.name}.before-restore-{stamp}")
            os.replace(target, aside)
            wal, shm, journal = _companions(target)
            for companion, suffix in ((wal, "-wal"), (journal, "-journal")):
                if companion.exists():
                    os.replace(companion, aside.with_name(aside.name + suffix))
            with contextlib.suppress(FileNotFoundError):
                shm.unlink()
        os.replace(staged, target)
        _fsync_folder(target.parent)
    except OSError as error:
        raise StoreError(f"{target}: cannot restore ({error.strerror})") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            staged.unlink()
    return aside
