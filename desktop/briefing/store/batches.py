"""Batched writes: many small units of work per transaction, each unit all-or-nothing.

A folder import writes thousands of articles. A commit per article costs as much again as
writing it; one transaction for the whole folder would hold the write lock for minutes (the
window could not save a highlight meanwhile) and lose everything to a kill. In between: each
article in a savepoint inside a transaction committed every ``BATCH_ITEMS`` articles or
``BATCH_SECONDS``. A kill loses at most the batch under way, never part of an article.
The batch's search-index writes wait for its commit (:func:`search_index.defer_writes`):
FTS5 writes out its pending terms at every savepoint, which made a segment per article.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator

from briefing.store import search_index
from briefing.store.db import LibraryDatabase, StoreError, describe, sqlite3

BATCH_ITEMS = 500
BATCH_SECONDS = 1.0  # the longest another writer (the window) waits for a batch


class BatchedWrites:
    """Write transactions that each hold several items (articles), every item in a savepoint.

    A transaction is committed after ``BATCH_ITEMS`` items or ``BATCH_SECONDS``, and
    when the batch ends, however it ends: items finished before an error stay."""

    def __init__(self, db: LibraryDatabase) -> None:
        self.db = db
        self.started: float | None = None  # when the open transaction began
        self.count = 0
        # Items finished, and of those the items whose transaction committed: when SQLite
        # rolls a whole transaction back (a full disk, an I/O error), the items finished in
        # it are not in the library, and the caller must not report them saved.
        self.done = 0
        self.committed = 0

    def __enter__(self) -> BatchedWrites:
        return self

    def __exit__(self, *exc: object) -> None:
        self.commit()

    @contextlib.contextmanager
    def item(self) -> Iterator[None]:
        """One item (an article): all of it is written, or (on an exception) none of it."""
        conn = self.db.conn
        try:
            if self.started is None:
                conn.execute("BEGIN IMMEDIATE")
                self.started = time.monotonic()
                search_index.defer_writes(self.db)
            conn.execute("SAVEPOINT batch_item")
        except sqlite3.Error as error:
            raise StoreError(describe(error)) from None
        queued = search_index.queued_writes(self.db)
        try:
            yield
            conn.execute("RELEASE batch_item")
        except BaseException as error:
            search_index.drop_writes(self.db, queued)
            self._undo_item()
            if isinstance(error, sqlite3.Error):
                raise StoreError(describe(error)) from None
            raise
        self.count += 1
        self.done += 1
        if self.count >= BATCH_ITEMS or time.monotonic() - self.started >= BATCH_SECONDS:
            self.commit()

    def commit(self) -> None:
        if self.started is None:
            return
        self.started, self.count = None, 0
        try:
            search_index.flush_writes(self.db, stop=True)
            self.db.conn.execute("COMMIT")
        except sqlite3.Error as error:
            self.db.rollback()
            self._lost()
            raise StoreError(describe(error)) from None
        except BaseException:
            self.db.rollback()
            self._lost()
            raise
        self.committed = self.done

    def _undo_item(self) -> None:
        """Take the failed item out: back to its savepoint, or, when that is gone or cannot
        be rolled back to, the whole transaction with the batch's earlier items."""
        conn = self.db.conn
        if conn.in_transaction:
            try:
                conn.execute("ROLLBACK TO batch_item")
                conn.execute("RELEASE batch_item")
                return
            except sqlite3.Error:
                self.db.rollback()
        self._lost()  # SQLite rolled the whole transaction back, not just the item

    def _lost(self) -> None:
        """The open transaction is gone (rolled back): its items with it."""
        search_index.drop_writes(self.db, 0)
        search_index.flush_writes(self.db, stop=True)  # nothing left to run: stop deferring
        self.started, self.count = None, 0
        self.done = self.committed
