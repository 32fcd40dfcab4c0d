"""Forward-only schema migrations, numbered by ``PRAGMA user_version``.

Each migration is a registered function that runs in its own transaction; before an existing
library is upgraded, a backup copy of the file is taken beside it, so a failed or unwanted
upgrade never costs an analyst their highlights.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from briefing.store.db import LibraryDatabase, StoreError, write_transaction

Migration = Callable[[LibraryDatabase], None]
MIGRATIONS: list[Migration] = []

TOKENIZER = "unicode61 remove_diacritics 0"


def migration(fn: Migration) -> Migration:
    MIGRATIONS.append(fn)
    return fn


@migration
def m001_articles(db: LibraryDatabase) -> None:
    db["articles"].create(
        {
            "id": int,
            "title": str,
            "source": str,
            "author": str,
            "url": str,
            "published": str,  # ISO date or NULL
            "language": str,
            "body": str,  # Markdown
            "text": str,  # canonical plain text, what the reader shows and highlights anchor to
            "content_hash": str,
            "origin": str,
            "imported_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"title", "body", "text", "content_hash", "imported_at", "updated_at"},
        defaults={"source": "", "author": "", "url": "", "language": "", "origin": ""},
    )
    db["articles"].create_index(["content_hash"], unique=True)
    db["articles"].create_index(["url"])
    db["articles"].create_index(["title", "source"])


@migration
def m002_annotations(db: LibraryDatabase) -> None:
    db["tags"].create(
        {
            "id": int,
            "name": str,
            "name_key": str,  # NFKC + casefold: names are unique regardless of case and width
            "color": str,
            "description": str,
            "slot": int,
            "created_at": str,
        },
        pk="id",
        not_null={"name", "name_key", "color", "created_at"},
        defaults={"description": ""},
    )
    db["tags"].create_index(["name_key"], unique=True)
    db["tags"].create_index(["slot"], unique=True)
    # sqlite-utils cannot declare ON DELETE actions, and these are the point: an article's
    # highlights go with it, a tag in use cannot vanish from under its highlights.
    db.executescript(
        """
        CREATE TABLE tag_aliases (
            alias_key TEXT PRIMARY KEY,
            alias TEXT NOT NULL,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE
        );
        CREATE INDEX idx_tag_aliases_tag_id ON tag_aliases(tag_id);
        CREATE TABLE highlights (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            quote TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            start_pos INTEGER NOT NULL,
            end_pos INTEGER NOT NULL,
            orphaned INTEGER NOT NULL DEFAULT 0,
            note TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX idx_highlights_article_id ON highlights(article_id);
        CREATE INDEX idx_highlights_created_at ON highlights(created_at);
        CREATE TABLE highlight_tags (
            highlight_id INTEGER NOT NULL REFERENCES highlights(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE RESTRICT,
            PRIMARY KEY (highlight_id, tag_id)
        );
        CREATE INDEX idx_highlight_tags_tag_id ON highlight_tags(tag_id);
        """
    )


@migration
def m003_search_index(db: LibraryDatabase) -> None:
    # Contentless FTS5 tables over token strings built in application code (bigrams of CJK
    # runs): the text itself lives once, in the articles and highlights tables. No token
    # positions (detail=column): the index is then about half the size of the text instead
    # of 1.2 times it; longer terms are checked against the text (services.search).
    for table, columns in (("article_fts", "title, body"), ("highlight_fts", "quote, note")):
        db.execute(
            f"CREATE VIRTUAL TABLE {table} "
            f"USING fts5({columns}, content='', detail=column, tokenize='{TOKENIZER}')"
        )
    db["meta"].create({"key": str, "value": str}, pk="key")


LATEST = len(MIGRATIONS)


def schema_version(db: LibraryDatabase) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: LibraryDatabase, path: Path, *, read_only: bool = False) -> list[int]:
    """Bring the library at ``path`` up to :data:`LATEST`; return the versions applied."""
    current = schema_version(db)
    if current > LATEST:
        raise StoreError(
            f"{path}: made by a newer Briefing Reader (schema {current}, this one knows {LATEST})"
        )
    if current == LATEST:
        return []
    if read_only:
        raise StoreError(f"{path}: the library needs an upgrade but is read-only")
    if current > 0:
        backup_copy(db, path.with_name(f"{path.name}.v{current}.bak"))
    applied = []
    for version in range(current + 1, LATEST + 1):
        with write_transaction(db):
            MIGRATIONS[version - 1](db)
            db.execute(f"PRAGMA user_version = {version}")
        applied.append(version)
    return applied


def backup_copy(db: LibraryDatabase, target: Path) -> Path:
    """A consistent copy of the live library (SQLite's backup API, safe under WAL)."""
    from sqlite_utils.utils import sqlite3

    destination = sqlite3.connect(str(target))
    try:
        db.conn.backup(destination)
    finally:
        destination.close()
    return target
