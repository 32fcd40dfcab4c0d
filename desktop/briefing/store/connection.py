"""The library's connection object: what the store calls on it, without importing sqlite-utils.

sqlite-utils' ``Database`` served the store, but importing it imports click, pluggy and
dateutil too: a third of a ``briefing-reader search`` process went to that. The store uses five
of its methods (``execute``, ``query``, ``executescript``, ``rollback``, ``close``);
:class:`LibraryDatabase` implements those the way sqlite-utils 4 does (a write outside a
transaction commits at once; a script inside a transaction does not commit it), and hands
anything else (the table helpers ``db["articles"].create_index(...)`` that migrations use) to
a sqlite-utils ``Database`` over the same connection, imported on first use.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

try:  # the same module sqlite-utils would use: a newer SQLite when pysqlite3 is installed
    import pysqlite3 as sqlite3  # type: ignore[import-not-found]
except ImportError:
    import sqlite3

_TRANSACTION_CONTROL = {"BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"}


def _first_keyword(sql: str) -> str:
    words = sql.lstrip().split(None, 1)
    return words[0].upper().rstrip(";") if words else ""


def _statements(script: str) -> Iterator[str]:
    """The complete SQL statements of ``script``, one at a time."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            if statement.strip():
                yield statement.strip()
            statement = ""
    if statement.strip():
        yield statement.strip()


class LibraryDatabase:
    """One SQLite connection, used by the store as sqlite-utils' ``Database`` would be."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._utils: Any = None

    def execute(self, sql: str, parameters: Sequence | dict | None = None) -> sqlite3.Cursor:
        """Run one statement. A write outside a transaction is committed at once; inside one,
        it is part of it (as in sqlite-utils 4)."""
        was_in_transaction = self.conn.in_transaction
        try:
            if parameters is None:
                cursor = self.conn.execute(sql)
            else:
                cursor = self.conn.execute(sql, parameters)
        except Exception:
            if not was_in_transaction and self.conn.in_transaction:
                self.conn.execute("ROLLBACK")  # the failed statement's implicit transaction
            raise
        if (
            not was_in_transaction
            and self.conn.in_transaction
            and cursor.description is None
            and _first_keyword(sql) not in _TRANSACTION_CONTROL
        ):
            self.conn.execute("COMMIT")
        return cursor

    def query(self, sql: str, params: Sequence | dict | None = None) -> Iterator[dict[str, Any]]:
        """Rows of a SELECT as dictionaries (a repeated column name gets ``_2``, ``_3``...)."""
        cursor = self.conn.execute(sql, params if params is not None else ())
        if cursor.description is None:
            raise ValueError("query() can only be used with SQL that returns rows")
        keys: list[str] = []
        for column in cursor.description:
            key, number = column[0], 2
            while key in keys:
                key, number = f"{column[0]}_{number}", number + 1
            keys.append(key)
        return (dict(zip(keys, row, strict=True)) for row in cursor)

    def executescript(self, sql: str) -> sqlite3.Cursor:
        """Run several statements; inside a transaction, without committing it (Python's own
        ``executescript`` would)."""
        if not self.conn.in_transaction:
            return self.conn.executescript(sql)
        cursor = self.conn.cursor()
        for statement in _statements(sql):
            cursor.execute(statement)
        return cursor

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def close(self) -> None:
        self.conn.close()

    def table_names(self) -> list[str]:
        rows = self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return [row[0] for row in rows]

    def _sqlite_utils(self) -> Any:
        if self._utils is None:
            import sqlite_utils

            self._utils = sqlite_utils.Database(
                self.conn, execute_plugins=False, recursive_triggers=False
            )
        return self._utils

    def __getitem__(self, table: str) -> Any:
        return self._sqlite_utils()[table]

    def __getattr__(self, name: str) -> Any:
        # Anything else sqlite-utils offers, from sqlite-utils itself.
        return getattr(self._sqlite_utils(), name)
