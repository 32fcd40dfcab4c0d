"""Earlier texts of an article: kept when an import updates it, swapped back by a restore.

A version row holds everything the article row and its text row held (title, source, URL,
origin, the Markdown as a delta, the canonical text), when that text came in and when it was
replaced, and each highlight's anchor on that text. Restoring version *n* swaps: the article
takes the version's text and the version slot *n* takes the text it replaced, so a restore
is its own undo and version numbers never move.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from briefing.core import body_delta
from briefing.core.anchoring import make_selector, reanchor
from briefing.core.model import TextSelector
from briefing.store import articles as article_store
from briefing.store import highlights as highlight_store
from briefing.store.db import LibraryDatabase
from briefing.store.rows import from_date, to_date, to_datetime

_COPIED = ("title", "source", "author", "url", "published", "language", "origin", "pages")


@dataclass(frozen=True)
class ArticleVersion:
    """One earlier text of an article, as listed (``text`` only when asked for)."""

    article_id: int
    number: int
    title: str
    source: str
    url: str
    origin: str
    written_at: datetime
    replaced_at: datetime
    char_count: int
    anchored: int  # highlights with an anchor on this text
    text: str = ""
    body: str = ""


def _version(row: dict[str, Any], with_text: bool) -> ArticleVersion:
    return ArticleVersion(
        article_id=row["article_id"],
        number=row["number"],
        title=row["title"],
        source=row["source"],
        url=row["url"],
        origin=row["origin"],
        written_at=to_datetime(row["written_at"]),
        replaced_at=to_datetime(row["replaced_at"]),
        char_count=row["chars"],
        anchored=len(json.loads(row["anchors"])),
        text=row["text"] if with_text else "",
        body=body_delta.decode(row["markup"], row["text"]) if with_text else "",
    )


def list_versions(db: LibraryDatabase, article_id: int) -> list[ArticleVersion]:
    """The article's versions, by number."""
    sql = (
        "SELECT *, length(text) AS chars FROM article_versions WHERE article_id = ? ORDER BY number"
    )
    return [_version(row, with_text=False) for row in db.query(sql, [article_id])]


def get_version(db: LibraryDatabase, article_id: int, number: int) -> ArticleVersion | None:
    sql = (
        "SELECT *, length(text) AS chars FROM article_versions WHERE article_id = ? AND number = ?"
    )
    rows = list(db.query(sql, [article_id, number]))
    return _version(rows[0], with_text=True) if rows else None


def version_hash(db: LibraryDatabase, article_id: int, number: int) -> str | None:
    """The content hash of a version (what undo compares), or ``None`` when there is none."""
    row = db.execute(
        "SELECT content_hash FROM article_versions WHERE article_id = ? AND number = ?",
        [article_id, number],
    ).fetchone()
    return row[0] if row else None


def latest_number(db: LibraryDatabase, article_id: int) -> int | None:
    row = db.execute(
        "SELECT max(number) FROM article_versions WHERE article_id = ?", [article_id]
    ).fetchone()
    return row[0]


def same_title_and_source(
    db: LibraryDatabase, title: str, source: str, other_than: int
) -> int | None:
    """An article other than ``other_than`` with this title from this named source: not the
    same article (a daily 社説 has one title every day), but worth a word to the analyst."""
    if not source:
        return None
    row = db.execute(
        "SELECT id FROM articles WHERE title = ? AND source = ? AND id != ? ORDER BY id LIMIT 1",
        [title, source, other_than],
    ).fetchone()
    return row[0] if row else None


def delete_version(db: LibraryDatabase, article_id: int, number: int) -> None:
    """Remove one version: the undo of an action that added it (the numbers of the others
    stay as they are)."""
    db.execute(
        "DELETE FROM article_versions WHERE article_id = ? AND number = ?", [article_id, number]
    )


def version_rows(db: LibraryDatabase, article_id: int) -> list[dict[str, Any]]:
    """The article's version rows as they are: what deleting the article takes with it
    (ON DELETE CASCADE), kept by the delete's undo."""
    sql = "SELECT * FROM article_versions WHERE article_id = ? ORDER BY number"
    return list(db.query(sql, [article_id]))


def restore_version_rows(db: LibraryDatabase, rows: list[dict[str, Any]]) -> None:
    """Put back rows :func:`version_rows` returned, under their own ids."""
    for row in rows:
        db.execute(
            f"INSERT INTO article_versions ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
            list(row.values()),
        )


def _anchors(db: LibraryDatabase, article_id: int) -> dict[str, list[Any]]:
    """Each highlight's anchor on the article's current text."""
    return {
        str(h.id): [
            h.selector.quote,
            h.selector.prefix,
            h.selector.suffix,
            h.selector.start,
            h.selector.end,
            int(h.orphaned),
        ]
        for h in highlight_store.list_highlights(db, article_id=article_id)
    }


def _current_row(db: LibraryDatabase, article_id: int) -> dict[str, Any]:
    """The article's current text and fields, as a version row holds them."""
    article = article_store.get_article(db, article_id)
    if article is None:
        raise LookupError(article_id)
    return {
        "title": article.title,
        "source": article.source,
        "author": article.author,
        "url": article.url,
        "published": from_date(article.published) if article.published else None,
        "language": article.language,
        "origin": article.origin,
        "pages": article_store.pages_to_json(article.pages),
        "content_hash": article.content_hash,
        "markup": body_delta.encode(article.body, article.text),
        "text": article.text,
        "written_at": db.execute(
            "SELECT updated_at FROM articles WHERE id = ?", [article_id]
        ).fetchone()[0],
        "anchors": json.dumps(_anchors(db, article_id), ensure_ascii=False),
    }


def save_current(db: LibraryDatabase, article_id: int, replaced_at: str) -> int:
    """Keep the article's current text as its next version (before an import replaces it);
    returns the version's number."""
    row = _current_row(db, article_id)
    number = (latest_number(db, article_id) or 0) + 1
    row.update(article_id=article_id, number=number, replaced_at=replaced_at)
    db.execute(
        f"INSERT INTO article_versions ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
        list(row.values()),
    )
    return number


def swap(db: LibraryDatabase, article_id: int, number: int, now: str) -> tuple[int, int]:
    """Make version ``number`` the article's text, and keep the text it replaces as version
    ``number``. Highlights that had an anchor on the restored text get it back exactly;
    the others (made since) are re-anchored, or orphaned when their passage is not there.
    Returns ``(placed, orphaned)``. Raises ``LookupError`` when there is no such version."""
    rows = list(
        db.query(
            "SELECT * FROM article_versions WHERE article_id = ? AND number = ?",
            [article_id, number],
        )
    )
    if not rows:
        raise LookupError(number)
    restored = rows[0]
    replaced = _current_row(db, article_id)
    old_length = len(replaced["text"])
    values = {key: restored[key] for key in _COPIED}
    values.update(
        published=to_date(restored["published"]),
        pages=article_store.pages_from_json(restored["pages"]),
        content_hash=restored["content_hash"],
        body=body_delta.decode(restored["markup"], restored["text"]),
        text=restored["text"],
    )
    assignments = ", ".join(f"{key} = ?" for key in replaced)
    db.execute(
        f"UPDATE article_versions SET {assignments}, replaced_at = ? WHERE id = ?",
        [*replaced.values(), now, restored["id"]],
    )
    article_store.update_article(db, article_id, values, now)
    # The article's date is that of its text: a restore undone leaves it as it was.
    db.execute(
        "UPDATE articles SET updated_at = ? WHERE id = ?", [restored["written_at"], article_id]
    )
    return _place_highlights(
        db, article_id, restored["text"], json.loads(restored["anchors"]), old_length
    )


def _place_highlights(
    db: LibraryDatabase, article_id: int, text: str, anchors: dict[str, list], old_length: int
) -> tuple[int, int]:
    placed = orphaned = 0
    for highlight in highlight_store.list_highlights(db, article_id=article_id):
        kept = anchors.get(str(highlight.id))
        if kept is not None:
            quote, prefix, suffix, start, end, was_orphaned = kept
            selector = TextSelector(quote, prefix, suffix, start, end)
            is_orphaned = bool(was_orphaned)
        else:
            anchor = reanchor(text, highlight.selector, old_length=old_length)
            is_orphaned = anchor is None
            selector = (
                highlight.selector
                if anchor is None
                else make_selector(text, anchor.start, anchor.end)
            )
        orphaned += is_orphaned
        placed += not is_orphaned
        highlight_store.update_highlight(
            db,
            highlight.id,
            **{**highlight_store.placed_at(selector), "orphaned": int(is_orphaned)},
        )
    return placed, orphaned
