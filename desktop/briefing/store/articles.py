"""Articles: rows, look-ups for duplicate and update detection, and their search-index rows.

An article lives in two tables: ``articles`` holds what the library list shows and what
filters read (small rows, so listing 20,000 articles reads no text), and ``article_texts``
holds the canonical text once, compressed (:mod:`briefing.store.packing`), with the Markdown
kept as a small delta against it (:mod:`briefing.core.body_delta`) and the characters search
folding changes (:func:`briefing.core.textindex.fold_sensitive`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from briefing.core import body_delta
from briefing.core.model import Article, ArticleSummary, PageStart
from briefing.core.textindex import fold_sensitive
from briefing.store import search_index
from briefing.store.db import LibraryDatabase
from briefing.store.packing import pack, unpack
from briefing.store.rows import from_date, to_date, to_datetime

ARTICLE_COLUMNS = (
    "title",
    "source",
    "author",
    "url",
    "published",
    "language",
    "content_hash",
    "origin",
    "pages",
)
# Given with the columns above by importers; stored in article_texts.
TEXT_KEYS = ("body", "text")
_TEXT_COLUMNS = ("packed", "markup", "folds")
_SELECT_ARTICLE = (
    "SELECT a.*, t.packed, t.markup, t.folds FROM articles a "
    "JOIN article_texts t ON t.id = a.id WHERE a.id = ?"
)


def _article(row: dict[str, Any]) -> Article:
    text = unpack(row["packed"])
    return Article(
        id=row["id"],
        title=row["title"],
        body=body_delta.decode(row["markup"], text),
        text=text,
        source=row["source"] or "",
        author=row["author"] or "",
        url=row["url"] or "",
        published=to_date(row["published"]),
        language=row["language"] or "",
        content_hash=row["content_hash"],
        imported_at=to_datetime(row["imported_at"]),
        updated_at=to_datetime(row["updated_at"]),
        origin=row["origin"] or "",
        pages=pages_from_json(row.get("pages")),
    )


def pages_to_json(pages: Any) -> str:
    """``[[offset, label], ...]``: where each source page starts in the canonical text."""
    return json.dumps([[page.offset, page.label] for page in pages or ()], ensure_ascii=False)


def pages_from_json(value: str | None) -> tuple[PageStart, ...]:
    return tuple(PageStart(int(offset), str(label)) for offset, label in json.loads(value or "[]"))


def get_article(db: LibraryDatabase, article_id: int) -> Article | None:
    rows = list(db.query(_SELECT_ARTICLE, [article_id]))
    return _article(rows[0]) if rows else None


def _text_row(body: str, text: str) -> dict[str, Any]:
    return {
        "packed": pack(text),
        "markup": body_delta.encode(body, text),
        "folds": fold_sensitive(text),
    }


@dataclass(frozen=True)
class StoredForms:
    """Everything :func:`insert_article` derives from an article's title, Markdown and text
    (the packed text, the Markdown delta, the index tokens): nine tenths of an insert's time
    and no database needed, so a folder import computes it in worker processes."""

    text_row: dict[str, Any]
    tokens: search_index.ArticleTokens


def stored_forms(title: str, body: str, text: str) -> StoredForms:
    return StoredForms(_text_row(body, text), search_index.article_tokens(title, text))


def stored_texts(
    db: LibraryDatabase, article_ids: list[int]
) -> list[tuple[int, str, str, bytes, int]]:
    """``(id, title, fold-sensitive characters, packed text, character count)`` of the given
    articles: what search reads. The text stays packed (:mod:`briefing.store.packing`):
    search unpacks what it needs, often only the start of a text."""
    sql = (
        "SELECT t.id, a.title, t.folds, t.packed, a.char_count FROM article_texts t "
        "JOIN articles a ON a.id = t.id WHERE t.id IN (SELECT value FROM json_each(?))"
    )
    return db.execute(sql, [json.dumps(article_ids)]).fetchall()


def titles_and_texts(db: LibraryDatabase, article_ids: list[int]) -> dict[int, tuple[str, str]]:
    """``id -> (title, canonical text)``: what search needs, without the Markdown body."""
    marks = ",".join("?" * len(article_ids))
    sql = (
        f"SELECT a.id, a.title, t.packed FROM articles a JOIN article_texts t ON t.id = a.id "
        f"WHERE a.id IN ({marks})"
    )
    return {row[0]: (row[1], unpack(row[2])) for row in db.execute(sql, article_ids)}


def list_articles(db: LibraryDatabase, ids: list[int] | None = None) -> list[ArticleSummary]:
    """Every article (or those of ``ids``), newest publication first, with highlight counts,
    without texts."""
    where = f"WHERE a.id IN ({','.join('?' * len(ids))})" if ids is not None else ""
    sql = f"""
        SELECT a.id, a.title, a.source, a.published, a.language, a.char_count AS chars,
               a.updated_at, coalesce(h.n, 0) AS n
        FROM articles a
        LEFT JOIN (SELECT article_id, count(*) AS n FROM highlights GROUP BY article_id) h
            ON h.article_id = a.id
        {where}
        ORDER BY a.published IS NULL, a.published DESC, a.id DESC
    """
    # The counts in one pass over the highlights' index, not one look-up per article.
    # Plain tuples, not a dictionary per row: at 20,000 articles this list is the window's
    # start-up, and the dictionaries were half of its time.
    return [
        ArticleSummary(
            id=article_id,
            title=title,
            source=source or "",
            published=to_date(published),
            language=language or "",
            char_count=chars,
            highlight_count=count,
            updated_at=to_datetime(updated_at),
        )
        for article_id, title, source, published, language, chars, updated_at, count in db.execute(
            sql, ids or []
        )
    ]


def count_articles(db: LibraryDatabase) -> int:
    return int(db.execute("SELECT count(*) FROM articles").fetchone()[0])


def find_by_hash(db: LibraryDatabase, content_hash: str) -> int | None:
    row = db.execute("SELECT id FROM articles WHERE content_hash = ?", [content_hash]).fetchone()
    return row[0] if row else None


def find_same_article(
    db: LibraryDatabase, url: str, title: str, source: str, origin: str = ""
) -> int | None:
    """A known article that a new import is a version of, by strong identity only: the same
    URL from the same site (source), or the same file (``origin``, a resolved path) imported
    again. A title and source alone are not enough (issue 15: a daily 社説 from 朝日新聞 has
    the same title every day; a page whose canonical link copies a known URL is not that
    article): such an import is a new article. ``title`` is kept for the callers' sake."""
    if url:
        row = db.execute(
            "SELECT id FROM articles WHERE url = ? AND source = ? ORDER BY id LIMIT 1",
            [url, source],
        ).fetchone()
        if row:
            return row[0]
    if origin:
        row = db.execute(
            "SELECT id FROM articles WHERE origin = ? ORDER BY id LIMIT 1", [origin]
        ).fetchone()
        if row:
            return row[0]
    return None


def insert_article(
    db: LibraryDatabase, values: dict[str, Any], now: str, forms: StoredForms | None = None
) -> int:
    """Insert an article (``values`` keyed by :data:`ARTICLE_COLUMNS`) and index it.
    ``forms``: :func:`stored_forms` of its title, body and text, when already computed."""
    row = {key: values.get(key) for key in ARTICLE_COLUMNS}
    row["published"] = from_date(row["published"]) if row["published"] else None
    row["pages"] = pages_to_json(row["pages"])
    row.update(imported_at=now, updated_at=now, char_count=len(values["text"]))
    if values.get("id") is not None:
        row["id"] = values["id"]
    article_id = _insert(db, "articles", row)
    texts = forms.text_row if forms else _text_row(values["body"], values["text"])
    _insert(db, "article_texts", {"id": article_id, **texts})
    search_index.add_article(
        db, article_id, row["title"], values["text"], forms.tokens if forms else None
    )
    return article_id


def _insert(db: LibraryDatabase, table: str, row: dict[str, Any]) -> int:
    cursor = db.execute(
        f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
        list(row.values()),
    )
    return int(cursor.lastrowid)


def _title_and_text(db: LibraryDatabase, article_id: int) -> tuple[str, str] | None:
    row = db.execute(
        "SELECT a.title, t.packed FROM articles a JOIN article_texts t ON t.id = a.id "
        "WHERE a.id = ?",
        [article_id],
    ).fetchone()
    return (row[0], unpack(row[1])) if row else None


def update_article(db: LibraryDatabase, article_id: int, values: dict[str, Any], now: str) -> None:
    old = _title_and_text(db, article_id)
    search_index.remove_article(db, article_id, old[0], old[1])
    if any(key in values for key in TEXT_KEYS):
        current = get_article(db, article_id)
        body = values.get("body", current.body if current else "")
        text = values.get("text", current.text if current else "")
        texts = _text_row(body, text)
        db.execute(
            "UPDATE article_texts SET packed = ?, markup = ?, folds = ? WHERE id = ?",
            [texts["packed"], texts["markup"], texts["folds"], article_id],
        )
        values = {**values, "char_count": len(text)}
    row = {key: values[key] for key in (*ARTICLE_COLUMNS, "char_count") if key in values}
    if "published" in row:
        row["published"] = from_date(row["published"])
    if "pages" in row:
        row["pages"] = pages_to_json(row["pages"])
    row["updated_at"] = now
    assignments = ", ".join(f"{key} = ?" for key in row)
    db.execute(f"UPDATE articles SET {assignments} WHERE id = ?", [*row.values(), article_id])
    new = _title_and_text(db, article_id)
    search_index.add_article(db, article_id, new[0], new[1])


def article_row(db: LibraryDatabase, article_id: int) -> dict[str, Any] | None:
    """The raw row, kept by undoable commands to put a deleted article back as it was."""
    rows = list(db.query(_SELECT_ARTICLE, [article_id]))
    return rows[0] if rows else None


def restore_article_row(db: LibraryDatabase, row: dict[str, Any]) -> None:
    """Put back a row :func:`article_row` returned, in both tables, under its own id."""
    _insert(db, "articles", {k: v for k, v in row.items() if k not in _TEXT_COLUMNS})
    _insert(db, "article_texts", {"id": row["id"], **{k: row[k] for k in _TEXT_COLUMNS}})
    search_index.add_article(db, row["id"], row["title"], unpack(row["packed"]))


def delete_article(db: LibraryDatabase, article_id: int) -> None:
    """Delete an article; its highlights go with it (foreign keys), index rows too."""
    from briefing.store import highlights

    for highlight_id in highlights.highlight_ids(db, article_id=article_id):
        highlights.delete_highlight(db, highlight_id)
    old = _title_and_text(db, article_id)
    if old:
        search_index.remove_article(db, article_id, old[0], old[1])
        # The text row goes with it (ON DELETE CASCADE).
        db.execute("DELETE FROM articles WHERE id = ?", [article_id])


def iter_titles_and_texts(db: LibraryDatabase) -> Iterator[tuple[int, str, str]]:
    """``(id, title, canonical text)`` of every article, in id order, one at a time."""
    rows = db.conn.execute(
        "SELECT a.id, a.title, t.packed FROM articles a JOIN article_texts t ON t.id = a.id "
        "ORDER BY a.id"
    )
    for article_id, title, packed in rows:
        yield article_id, title, unpack(packed)
