"""Opening the library file: pragmas, migrations, and one-line errors instead of tracebacks."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from briefing.core.errors import BriefingError
from briefing.store import opening
from briefing.store.connection import LibraryDatabase, sqlite3

BUSY_TIMEOUT_MS = 5000
SQLITE_MAGIC = b"SQLite format 3\x00"


class StoreError(BriefingError):
    """A library problem an analyst can act on, phrased as one line."""


class ConstraintError(StoreError):
    """A write broke a rule of the schema (a unique key taken, a row referred to gone): the
    library is not as the writer expected it. Undo treats it as a conflict, not a hiccup."""




def describe(error: BaseException, path: Path | str = "") -> str:
    """Turn an SQLite error into the one line an analyst reads."""
    text = str(error).lower()
    where = f"{path}: " if path else ""
    if "readonly" in text or "read-only" in text:
        return f"{where}the library is read-only; changes cannot be saved"
    if "locked" in text or "busy" in text:
        return f"{where}the library is busy (another program is writing to it); try again"
    if "disk is full" in text or "database or disk is full" in text:
        return f"{where}the disk is full; nothing was changed"
    if "not a database" in text or "malformed" in text or "file is encrypted" in text:
        return f"{where}not a Briefing Reader library (damaged or not an SQLite file)"
    if "unable to open" in text:
        return f"{where}cannot open the library file (missing folder or no permission)"
    if "unique constraint" in text:
        if "content_hash" in text:
            return f"{where}the same article is already in the library"
        if "name_key" in text or "alias_key" in text:
            return f"{where}that name is already a tag or an alias"
        if "slot" in text:
            return f"{where}that keyboard slot already belongs to another tag"
        return f"{where}that would duplicate something already in the library"
    if "foreign key" in text:
        return f"{where}something the change refers to is no longer in the library"
    # Anything else is not the analyst's to act on: the details go to the log, the analyst
    # reads one line with no SQLite wording in it.
    import logging  # loaded here: only this rare path logs, and every command opens a library

    logging.getLogger(__name__).warning("database error: %s", error)
    return f"{where}the library reported an unexpected database error; nothing was changed"


def data_version(db: LibraryDatabase) -> int:
    """SQLite's ``PRAGMA data_version``: it changes when another connection (another program,
    or a worker thread with its own connection) commits to the file, and never for this
    connection's own commits, so comparing two readings tells whether someone else wrote."""
    try:
        return int(db.execute("PRAGMA data_version").fetchone()[0])
    except sqlite3.Error as error:
        raise StoreError(describe(error)) from None


def _store_error(error: sqlite3.Error) -> StoreError:
    if isinstance(error, sqlite3.IntegrityError):
        return ConstraintError(describe(error))
    return StoreError(describe(error))


def open_database(path: Path, *, read_only: bool = False) -> LibraryDatabase:
    """Open (creating if needed) the library at ``path`` and bring its schema up to date.

    A file that cannot be written is opened read-only, so an analyst can still read and
    search a library on a read-only share (``immutable=1`` where SQLite cannot make the WAL's
    ``-shm``); on a full disk the library opens read-only with one notice
    (:func:`~briefing.store.opening.open_notice`); a stale read-only ``-shm`` gets its write
    permission back; a zero-byte file is refused. Writes to a read-only library fail with a
    clear :class:`StoreError`.
    """
    from briefing.store.migrations import migrate

    path = Path(path)
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a library file")
    if path.exists():
        info = path.stat()
        try:
            opening.refuse_empty_file(path, info.st_size, info.st_mtime)
        except BriefingError as error:
            raise StoreError(str(error)) from None
        if info.st_size:
            with path.open("rb") as handle:
                if handle.read(16) != SQLITE_MAGIC:
                    raise StoreError(f"{path}: not a Briefing Reader library (not an SQLite file)")
        if not opening.writable_file(path):
            read_only = True
        elif not read_only:
            opening.repair_stale_shm(path)
    elif read_only:
        raise StoreError(f"{path}: no such library")
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"{path.parent}: cannot create folder: {error.strerror}") from None
    timeout = BUSY_TIMEOUT_MS / 1000
    try:
        if read_only:
            db = _prepare(opening.connect_read_only(path, timeout), read_only=True)
        else:
            try:
                db = _prepare(sqlite3.connect(str(path), timeout=timeout), read_only=False)
            except sqlite3.OperationalError as error:
                if not (path.stat().st_size and opening.disk_is_full(path, error)):
                    raise
                # Reading needs no space: open read-only and say why once, instead of
                # "disk I/O error" on every command.
                db = _prepare(opening.connect_read_only(path, timeout), read_only=True)
                opening.set_notice(db, opening.DISK_FULL_NOTICE)
                read_only = True
        migrate(db, path, read_only=read_only)
    except sqlite3.Error as error:
        raise StoreError(describe(error, path)) from None
    return db


def _prepare(conn: sqlite3.Connection, *, read_only: bool) -> LibraryDatabase:
    db = LibraryDatabase(conn)
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        if read_only:
            db.execute("PRAGMA query_only = ON")
        else:
            # WAL lets the open window read while a scheduled CLI import writes.
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.Error:
        conn.close()
        raise
    return db


def is_read_only(db: LibraryDatabase) -> bool:
    """True when the library was opened read-only (the file or its folder is not writable)."""
    return bool(db.execute("PRAGMA query_only").fetchone()[0])


@contextlib.contextmanager
def write_transaction(db: LibraryDatabase) -> Iterator[LibraryDatabase]:
    """One write transaction, taken with ``BEGIN IMMEDIATE`` so that two writers wait for
    each other (busy timeout) instead of failing half-way through an upgrade to a write lock.
    sqlite-utils' own ``atomic()`` blocks inside it become savepoints."""
    try:
        db.conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as error:
        raise StoreError(describe(error)) from None
    try:
        yield db
    except sqlite3.Error as error:
        db.rollback()
        raise _store_error(error) from None
    except BaseException:
        db.rollback()
        raise
    else:
        try:
            db.conn.execute("COMMIT")
        except sqlite3.Error as error:
            db.rollback()
            raise StoreError(describe(error)) from None


@contextlib.contextmanager
def reading(db: LibraryDatabase) -> Iterator[LibraryDatabase]:
    """Translate SQLite errors raised by reads into :class:`StoreError`."""
    try:
        yield db
    except sqlite3.Error as error:
        raise _store_error(error) from None
