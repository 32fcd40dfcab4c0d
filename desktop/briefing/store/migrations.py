"""Forward-only schema migrations, numbered by ``PRAGMA user_version``.

Each migration is a registered function that runs in its own transaction; before an existing
library is upgraded, a backup copy of the file is taken beside it, so a failed or unwanted
upgrade never costs an analyst their highlights.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from briefing.core.textindex import INDEX_VERSION
from briefing.store.db import LibraryDatabase, StoreError, write_transaction

Migration = Callable[[LibraryDatabase], None]
MIGRATIONS: list[Migration] = []

TOKENIZER = "unicode61 remove_diacritics 0"


def migration(fn: Migration) -> Migration:
    MIGRATIONS.append(fn)
    return fn


@migration
def m001_articles(db: LibraryDatabase) -> None:
    # Ids are never reused (AUTOINCREMENT, which sqlite-utils cannot declare): undo puts a
    # deleted article back under its own id even after newer articles were imported, by
    # this window or by a scheduled import on the same file.
    db.execute(
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            title TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            published TEXT,              -- ISO date or NULL
            language TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL,          -- Markdown
            text TEXT NOT NULL,          -- canonical plain text: what the reader shows
            content_hash TEXT NOT NULL,
            origin TEXT NOT NULL DEFAULT '',
            imported_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db["articles"].create_index(["content_hash"], unique=True)
    db["articles"].create_index(["url"])
    db["articles"].create_index(["title", "source"])
    db["articles"].create_index(["origin"])


@migration
def m002_annotations(db: LibraryDatabase) -> None:
    db.execute(
        """
        CREATE TABLE tags (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL,      -- NFKC + casefold: unique regardless of case and width
            color TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            slot INTEGER,                -- keyboard slot 1-9
            created_at TEXT NOT NULL
        )
        """
    )
    db["tags"].create_index(["name_key"], unique=True)
    db["tags"].create_index(["slot"], unique=True)
    # sqlite-utils cannot declare ON DELETE actions, and these are the point: an article's
    # highlights go with it, a tag in use cannot vanish from under its highlights. Ids are
    # never reused, for undo (see m001).
    db.executescript(
        """
        CREATE TABLE tag_aliases (
            alias_key TEXT PRIMARY KEY,
            alias TEXT NOT NULL,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE
        );
        CREATE INDEX idx_tag_aliases_tag_id ON tag_aliases(tag_id);
        CREATE TABLE highlights (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
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
    # The token strings of the (empty) index are made by this build's tokenizer.
    db["meta"].insert({"key": "index_version", "value": INDEX_VERSION})



@migration
def m004_briefing_exports(db: LibraryDatabase) -> None:
    # One row per briefing written: what "since the last briefing" reads, and the window's
    # history. Options and highlight ids are JSON: they are shown and reused, never queried.
    db.execute(
        """
        CREATE TABLE briefing_exports (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            exported_at TEXT NOT NULL,   -- UTC ISO: when the highlights were chosen
            format TEXT NOT NULL,        -- pdf, html, md
            output_path TEXT NOT NULL,
            options TEXT NOT NULL,       -- JSON (BriefingOptions)
            highlight_ids TEXT NOT NULL  -- JSON list, in the briefing's order
        )
        """
    )
    db["briefing_exports"].create_index(["exported_at"])


@migration
def m005_article_pages(db: LibraryDatabase) -> None:
    # Where each page of a paged source (a PDF) starts in the canonical text, as JSON
    # [[offset, "label"], ...], so that a highlight can be cited by page ("p. 12"). Read
    # with the article, never queried.
    db.execute("ALTER TABLE articles ADD COLUMN pages TEXT NOT NULL DEFAULT '[]'")


@migration
def m_article_texts(db: LibraryDatabase) -> None:
    # Issue 12: the text once, the Markdown as a delta against it (the file was 2.54x the
    # text with both stored), and the list's character count as a column, so that listing
    # 20,000 articles reads no text. Texts move to their own table, so that the articles
    # table's rows stay small; the columns read before the text come first in its rows.
    from briefing.core import body_delta
    from briefing.core.textindex import fold_sensitive

    db.execute(
        """
        CREATE TABLE article_texts (
            id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            folds TEXT NOT NULL DEFAULT '',  -- characters search folding changes
            markup BLOB NOT NULL,            -- the Markdown, as a delta against the text
            text TEXT NOT NULL               -- canonical plain text: what the reader shows
        )
        """
    )
    db.execute("ALTER TABLE articles ADD COLUMN char_count INTEGER NOT NULL DEFAULT 0")
    cursor = db.conn.execute("SELECT id, body, text FROM articles ORDER BY id")
    while rows := cursor.fetchmany(200):
        for article_id, body, text in rows:
            db.execute(
                "INSERT INTO article_texts (id, folds, markup, text) VALUES (?, ?, ?, ?)",
                [article_id, fold_sensitive(text), body_delta.encode(body, text), text],
            )
    db.execute(
        "UPDATE articles SET char_count = "
        "(SELECT length(t.text) FROM article_texts t WHERE t.id = articles.id)"
    )
    db.execute("ALTER TABLE articles DROP COLUMN body")
    db.execute("ALTER TABLE articles DROP COLUMN text")



@migration
def m_trigram_index(db: LibraryDatabase) -> None:
    # Issue 12: the CJK trigrams of each article, without positions or columns, so that a
    # longer term whose bigrams are everywhere (統領土) is ruled out without reading texts.
    # Filled by the re-index that the new index version (bigram-3) triggers on opening.
    # The tokens are CJK trigrams between ASCII spaces, so the 'ascii' tokenizer (every
    # non-ASCII character is a token character) splits them exactly, in half unicode61's time.
    db.execute(
        "CREATE VIRTUAL TABLE article_tri "
        "USING fts5(tokens, content='', detail=none, tokenize='ascii')"
    )


@migration
def m_article_versions(db: LibraryDatabase) -> None:
    # Issue 15: an import that updates an article keeps the text it replaces, as a version
    # with its date and origin, and each highlight's anchor on it (JSON: highlight id ->
    # [quote, prefix, suffix, start, end, orphaned]), so restoring a version puts every
    # highlight back where it was. Versions are read, never searched: no index rows.
    db.executescript(
        """
        CREATE TABLE article_versions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            number INTEGER NOT NULL,         -- 1, 2, ... per article; kept by a restore
            title TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            published TEXT,
            language TEXT NOT NULL DEFAULT '',
            origin TEXT NOT NULL DEFAULT '',
            pages TEXT NOT NULL DEFAULT '[]',
            content_hash TEXT NOT NULL,
            markup BLOB NOT NULL,            -- the Markdown, as a delta against the text
            text TEXT NOT NULL,
            written_at TEXT NOT NULL,        -- when this text came into the library
            replaced_at TEXT NOT NULL,       -- when another text took its place
            anchors TEXT NOT NULL DEFAULT '{}',
            UNIQUE (article_id, number)
        );
        """
    )



@migration
def m_packed_texts(db: LibraryDatabase) -> None:
    # Issue 12: texts compressed (store.packing): with the trigram index the file was 1.75x
    # the text; the goal is 1.6x. A row at a time, by id, so memory stays small.
    from briefing.store.packing import pack

    db.execute("ALTER TABLE article_texts ADD COLUMN packed BLOB")
    ids = [row[0] for row in db.execute("SELECT id FROM article_texts ORDER BY id")]
    for start in range(0, len(ids), 200):
        chunk = ids[start : start + 200]
        marks = ",".join("?" * len(chunk))
        rows = db.execute(f"SELECT id, text FROM article_texts WHERE id IN ({marks})", chunk)
        for article_id, text in rows.fetchall():
            db.execute(
                "UPDATE article_texts SET packed = ? WHERE id = ?", [pack(text), article_id]
            )
    db.execute("ALTER TABLE article_texts DROP COLUMN text")


@migration
def m_article_reads(db: LibraryDatabase) -> None:
    # Issue 17: read/unread per article. A table of its own: the articles table, its listing
    # and its versions stay as they are; an article never opened has no row (unread).
    db.execute(
        """
        CREATE TABLE article_reads (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            read_at TEXT NOT NULL
        )
        """
    )


LATEST = len(MIGRATIONS)


def schema_version(db: LibraryDatabase) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: LibraryDatabase, path: Path, *, read_only: bool = False) -> list[int]:
    """Bring the library at ``path`` up to :data:`LATEST`; return the versions applied.

    The version is read again inside each migration's write transaction, so two programs
    opening a new library at once do not both try to create it."""
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
    while True:
        with write_transaction(db):
            version = schema_version(db)
            if version >= LATEST:
                return applied
            MIGRATIONS[version](db)
            db.execute(f"PRAGMA user_version = {version + 1}")
        applied.append(version + 1)


def backup_copy(db: LibraryDatabase, target: Path) -> Path:
    """A consistent copy of the live library (SQLite's backup API, safe under WAL), checked
    with ``quick_check``, fsynced and renamed into place (:mod:`briefing.store.backup`): an
    upgrade never starts without a copy that is known to be whole."""
    from briefing.store.backup import copy_database

    return copy_database(db, target)
