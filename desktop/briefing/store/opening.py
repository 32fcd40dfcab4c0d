"""Opening a library file that is not where a library usually is: a read-only share, a full
disk, a stale ``-shm`` left by a read-only spell, an empty file.

:func:`~briefing.store.db.open_database` calls these. Each turns what SQLite would report as
"unable to open database file" or "disk I/O error" on every command into either a working
read-only library or one line that says what is wrong.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import time
import weakref
from pathlib import Path

from briefing.core.errors import BriefingError
from briefing.store.connection import LibraryDatabase, sqlite3

# A new library is an empty file for the moment between SQLite creating it and the first
# migration writing to it; an empty file older than this was left by something else.
EMPTY_FILE_GRACE_S = 10.0
# Below this much free space SQLite cannot even create the -shm of a WAL library.
FULL_DISK_BYTES = 256 * 1024
DISK_FULL_NOTICE = "the disk is full: the library is open read-only until space is freed"

_notices: weakref.WeakKeyDictionary[LibraryDatabase, str] = weakref.WeakKeyDictionary()


def refuse_empty_file(path: Path, size: int, mtime: float) -> None:
    """A zero-byte file is not a library: opening it would silently make it one (a file
    truncated by a failed copy would become an empty library, its owner's data gone)."""
    if size == 0 and time.time() - mtime > EMPTY_FILE_GRACE_S:
        raise BriefingError(
            f"{path}: an empty file (0 bytes), not a library; "
            "restore it from a backup or delete it to start a new library"
        )


def writable_file(path: Path) -> bool:
    """Whether the file can be opened for writing — tried, not guessed from its mode bits
    (root ignores them; a read-only mount refuses everyone)."""
    try:
        fd = os.open(path, os.O_RDWR | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return False
    os.close(fd)
    return True


def repair_stale_shm(path: Path) -> None:
    """Give a ``-shm`` left read-only (0444, after the library sat on a read-only share or
    was opened by a program that copied the modes) its owner's write permission back when
    the library itself is writable: SQLite otherwise opens the file read-only for good. Only
    the permission changes; the shared memory's content is SQLite's and stays."""
    shm = path.with_name(path.name + "-shm")
    try:
        info = shm.stat()
    except OSError:
        return
    if info.st_mode & stat.S_IWUSR or info.st_uid != os.getuid():
        return
    if not writable_file(path):
        return
    # If this fails, SQLite opens the file read-only and says so on the first write.
    with contextlib.suppress(OSError):
        shm.chmod(stat.S_IMODE(info.st_mode) | stat.S_IWUSR)


def connect_read_only(path: Path, timeout: float) -> sqlite3.Connection:
    """A read-only connection. A WAL library needs its ``-shm``; where that cannot be
    created (a read-only share, a full disk) and the file has no pending ``-wal``, it is
    opened ``immutable=1``: SQLite reads the file as it is, with no locks and no ``-shm``."""
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=timeout)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as error:
        conn.close()
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size:
            raise  # committed changes wait in the -wal: an immutable read would miss them
        if "unable to open" not in str(error) and "disk i/o" not in str(error).lower():
            raise
    return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, timeout=timeout)


def disk_is_full(path: Path, error: BaseException | None = None) -> bool:
    """Whether ``error`` (or the state of the disk) says the library's disk is full."""
    text = str(error).lower() if error else ""
    if "disk is full" in text or "database or disk is full" in text:
        return True
    import shutil  # here: only a failed open asks, and every command opens the library

    try:
        return shutil.disk_usage(path.parent).free < FULL_DISK_BYTES
    except OSError as exc:
        return exc.errno == errno.ENOSPC


def set_notice(db: LibraryDatabase, notice: str) -> None:
    _notices[db] = notice


def open_notice(db: LibraryDatabase) -> str | None:
    """What the analyst should be told once about how the library was opened, if anything
    (say, read-only because the disk is full)."""
    return _notices.get(db)
