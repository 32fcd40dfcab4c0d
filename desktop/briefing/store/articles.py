"""Articles: rows, look-ups for duplicate and update detection, and their search-index rows."""

from __future__ import annotations

from typing import Any

from briefing.core.model import Article, ArticleSummary
from briefing.store import search_index
from briefing.store.db import LibraryDatabase
from briefing.store.rows import from_date, to_date, to_datetime

ARTICLE_COLUMNS = (
    "title",
    "source",
    "author",
    "url",
    "published",
    "language",
    "body",
    "text",
    "content_hash",
    "origin",
)


def _article(row: dict[str, Any]) -> Article:
    return Article(
        id=row["id"],
        title=row["title"],
        body=row["body"],
        text=row["text"],
        source=row["source"] or "",
        author=row["author"] or "",
        url=row["url"] or "",
        published=to_date(row["published"]),
        language=row["language"] or "",
        content_hash=row["content_hash"],
        imported_at=to_datetime(row["imported_at"]),
        updated_at=to_datetime(row["updated_at"]),
        origin=row["origin"] or "",
    )


def get_article(db: LibraryDatabase, article_id: int) -> Article | None:
    rows = list(db.query("SELECT * FROM articles WHERE id = ?", [article_id]))
    return _article(rows[0]) if rows else None


def titles_and_texts(db: LibraryDatabase, article_ids: list[int]) -> dict[int, tuple[str, str]]:
    """``id -> (title, canonical text)``: what search needs, without the Markdown body."""
    marks = ",".join("?" * len(article_ids))
    sql = f"SELECT id, title, text FROM articles WHERE id IN ({marks})"
    return {row[0]: (row[1], row[2]) for row in db.execute(sql, article_ids)}


def list_articles(db: LibraryDatabase, ids: list[int] | None = None) -> list[ArticleSummary]:
    """Every article (or those of ``ids``), newest publication first, with highlight counts,
    without texts."""
    where = f"WHERE a.id IN ({','.join('?' * len(ids))})" if ids is not None else ""
    sql = f"""
        SELECT a.id, a.title, a.source, a.published, a.language, length(a.text) AS chars,
               a.updated_at, (SELECT count(*) FROM highlights h WHERE h.article_id = a.id) AS n
        FROM articles a {where}
        ORDER BY a.published IS NULL, a.published DESC, a.id DESC
    """
    return [
        ArticleSummary(
            id=row["id"],
            title=row["title"],
            source=row["source"] or "",
            published=to_date(row["published"]),
            language=row["language"] or "",
            char_count=row["chars"],
            highlight_count=row["n"],
            updated_at=to_datetime(row["updated_at"]),
        )
        for row in db.query(sql, ids or [])
    ]


def count_articles(db: LibraryDatabase) -> int:
    return int(db.execute("SELECT count(*) FROM articles").fetchone()[0])


def find_by_hash(db: LibraryDatabase, content_hash: str) -> int | None:
    row = db.execute("SELECT id FROM articles WHERE content_hash = ?", [content_hash]).fetchone()
    return row[0] if row else None


def find_same_article(
    db: LibraryDatabase, url: str, title: str, source: str, origin: str = ""
) -> int | None:
    """A known article that a new import is a version of: the same URL; else the same file
    imported again; else the same title from the same named source, when their URLs do not
    say they differ. A title alone is no identity: 「はじめに」 or 「社説」 head many texts."""
    if url:
        row = db.execute(
            "SELECT id FROM articles WHERE url = ? ORDER BY id LIMIT 1", [url]
        ).fetchone()
        if row:
            return row[0]
    if origin:
        row = db.execute(
            "SELECT id FROM articles WHERE origin = ? ORDER BY id LIMIT 1", [origin]
        ).fetchone()
        if row:
            return row[0]
    if not source:
        return None
    row = db.execute(
        "SELECT id FROM articles WHERE title = ? AND source = ? AND (url = '' OR ? = '') "
        "ORDER BY id LIMIT 1",
        [title, source, url],
    ).fetchone()
    return row[0] if row else None


def insert_article(db: LibraryDatabase, values: dict[str, Any], now: str) -> int:
    """Insert an article (``values`` keyed by :data:`ARTICLE_COLUMNS`) and index it."""
    row = {key: values.get(key) for key in ARTICLE_COLUMNS}
    row["published"] = from_date(row["published"]) if row["published"] else None
    row.update(imported_at=now, updated_at=now)
    if values.get("id") is not None:
        row["id"] = values["id"]
    cursor = db.execute(
        f"INSERT INTO articles ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
        list(row.values()),
    )
    article_id = int(cursor.lastrowid)
    search_index.add_article(db, article_id, row["title"], row["text"])
    return article_id


def update_article(db: LibraryDatabase, article_id: int, values: dict[str, Any], now: str) -> None:
    old = db.execute("SELECT title, text FROM articles WHERE id = ?", [article_id]).fetchone()
    search_index.remove_article(db, article_id, old[0], old[1])
    row = {key: values[key] for key in ARTICLE_COLUMNS if key in values}
    if "published" in row:
        row["published"] = from_date(row["published"])
    row["updated_at"] = now
    assignments = ", ".join(f"{key} = ?" for key in row)
    db.execute(f"UPDATE articles SET {assignments} WHERE id = ?", [*row.values(), article_id])
    new = db.execute("SELECT title, text FROM articles WHERE id = ?", [article_id]).fetchone()
    search_index.add_article(db, article_id, new[0], new[1])


def article_row(db: LibraryDatabase, article_id: int) -> dict[str, Any] | None:
    """The raw row, kept by undoable commands to put a deleted article back as it was."""
    rows = list(db.query("SELECT * FROM articles WHERE id = ?", [article_id]))
    return rows[0] if rows else None


def restore_article_row(db: LibraryDatabase, row: dict[str, Any]) -> None:
    db["articles"].insert(row)
    search_index.add_article(db, row["id"], row["title"], row["text"])


def delete_article(db: LibraryDatabase, article_id: int) -> None:
    """Delete an article; its highlights go with it (foreign keys), index rows too."""
    from briefing.store import highlights

    for highlight_id in highlights.highlight_ids(db, article_id=article_id):
        highlights.delete_highlight(db, highlight_id)
    old = db.execute("SELECT title, text FROM articles WHERE id = ?", [article_id]).fetchone()
    if old:
        search_index.remove_article(db, article_id, old[0], old[1])
        db.execute("DELETE FROM articles WHERE id = ?", [article_id])
