"""Highlights, their tags, and their rows in the search index."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from typing import Any

from briefing.core.model import Highlight, TextSelector
from briefing.store import search_index
from briefing.store.db import LibraryDatabase
from briefing.store.rows import to_datetime

HIGHLIGHT_COLUMNS = (
    "id",
    "article_id",
    "quote",
    "prefix",
    "suffix",
    "start_pos",
    "end_pos",
    "orphaned",
    "note",
    "author",
    "created_at",
    "updated_at",
)


def _fts_values(db: LibraryDatabase, highlight_id: int) -> tuple[str, str] | None:
    row = db.execute("SELECT quote, note FROM highlights WHERE id = ?", [highlight_id]).fetchone()
    return (row[0], row[1]) if row else None


@contextlib.contextmanager
def reindexing(db: LibraryDatabase, highlight_ids: Iterable[int]) -> Iterator[None]:
    """Keep the index true across a change to these highlights' quote or note: their index
    rows are removed with the values they were made from, and added back after."""
    ids = list(highlight_ids)
    for highlight_id in ids:
        values = _fts_values(db, highlight_id)
        if values:
            search_index.remove_highlight(db, highlight_id, *values)
    yield
    for highlight_id in ids:
        values = _fts_values(db, highlight_id)
        if values:
            search_index.add_highlight(db, highlight_id, *values)


def insert_highlight(db: LibraryDatabase, row: dict[str, Any], tag_ids: Iterable[int]) -> int:
    """Insert a highlight (``id`` optional, for undo) with its tags, and index it."""
    row = {key: row[key] for key in HIGHLIGHT_COLUMNS if key in row}
    cursor = db.execute(
        f"INSERT INTO highlights ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
        list(row.values()),
    )
    highlight_id = int(cursor.lastrowid)
    for tag_id in dict.fromkeys(tag_ids):
        db.execute(
            "INSERT INTO highlight_tags (highlight_id, tag_id) VALUES (?, ?)",
            [highlight_id, tag_id],
        )
    search_index.add_highlight(db, highlight_id, *_fts_values(db, highlight_id))
    return highlight_id


def highlight_row(db: LibraryDatabase, highlight_id: int) -> dict[str, Any] | None:
    """The raw row plus ``tag_ids``: what undo needs to put a highlight back as it was."""
    rows = list(db.query("SELECT * FROM highlights WHERE id = ?", [highlight_id]))
    if not rows:
        return None
    row = rows[0]
    row["tag_ids"] = tag_ids_of(db, highlight_id)
    return row


def tag_ids_of(db: LibraryDatabase, highlight_id: int) -> list[int]:
    return [
        r[0]
        for r in db.execute(
            "SELECT tag_id FROM highlight_tags WHERE highlight_id = ? ORDER BY rowid",
            [highlight_id],
        )
    ]


def delete_highlight(db: LibraryDatabase, highlight_id: int) -> None:
    values = _fts_values(db, highlight_id)
    if values:
        search_index.remove_highlight(db, highlight_id, *values)
    db.execute("DELETE FROM highlights WHERE id = ?", [highlight_id])


def placed_at(selector: TextSelector) -> dict[str, Any]:
    """The columns of a highlight placed by ``selector``: quote, context, offsets, not
    orphaned. One mapping, so every place that anchors a highlight writes the same row."""
    return {
        "quote": selector.quote,
        "prefix": selector.prefix,
        "suffix": selector.suffix,
        "start_pos": selector.start,
        "end_pos": selector.end,
        "orphaned": 0,
    }


def update_highlight(db: LibraryDatabase, highlight_id: int, **values: Any) -> None:
    with reindexing(db, [highlight_id]):
        assignments = ", ".join(f"{key} = ?" for key in values)
        db.execute(
            f"UPDATE highlights SET {assignments} WHERE id = ?", [*values.values(), highlight_id]
        )


def restamp(db: LibraryDatabase, highlight_id: int, when: str) -> str | None:
    """Set a highlight's ``updated_at`` to ``when`` and return the time it had (``None``: no
    such highlight). Only the time stamp: the search index holds no time, so none is redone."""
    row = db.execute("SELECT updated_at FROM highlights WHERE id = ?", [highlight_id]).fetchone()
    if row is None:
        return None
    db.execute("UPDATE highlights SET updated_at = ? WHERE id = ?", [when, highlight_id])
    return row[0]


def set_tags(db: LibraryDatabase, highlight_id: int, tag_ids: Iterable[int]) -> None:
    db.execute("DELETE FROM highlight_tags WHERE highlight_id = ?", [highlight_id])
    for tag_id in dict.fromkeys(tag_ids):
        db.execute(
            "INSERT INTO highlight_tags (highlight_id, tag_id) VALUES (?, ?)",
            [highlight_id, tag_id],
        )


def highlight_ids(
    db: LibraryDatabase, *, article_id: int | None = None, tag_id: int | None = None
) -> list[int]:
    if tag_id is not None:
        sql, params = (
            "SELECT highlight_id FROM highlight_tags WHERE tag_id = ? ORDER BY 1",
            [tag_id],
        )
    elif article_id is not None:
        sql, params = "SELECT id FROM highlights WHERE article_id = ? ORDER BY id", [article_id]
    else:
        sql, params = "SELECT id FROM highlights ORDER BY id", []
    return [row[0] for row in db.execute(sql, params)]


def list_highlights(
    db: LibraryDatabase,
    *,
    ids: Iterable[int] | None = None,
    article_id: int | None = None,
    tag_ids_all: Iterable[int] = (),
    tag_ids_any: Iterable[int] = (),
    since: str | None = None,
    until: str | None = None,
    orphaned: bool | None = None,
) -> list[Highlight]:
    """Highlights matching every given condition, in reading order within each article.

    ``since``/``until`` compare ISO timestamps of creation (``until`` exclusive).
    """
    where, params = ["1"], []
    if ids is not None:
        id_list = list(ids)
        where.append(f"h.id IN ({','.join('?' * len(id_list))})")
        params += id_list
    if article_id is not None:
        where.append("h.article_id = ?")
        params.append(article_id)
    for tag_id in tag_ids_all:
        where.append("h.id IN (SELECT highlight_id FROM highlight_tags WHERE tag_id = ?)")
        params.append(tag_id)
    any_ids = list(tag_ids_any)
    if any_ids:
        marks = ",".join("?" * len(any_ids))
        where.append(f"h.id IN (SELECT highlight_id FROM highlight_tags WHERE tag_id IN ({marks}))")
        params += any_ids
    if since:
        where.append("h.created_at >= ?")
        params.append(since)
    if until:
        where.append("h.created_at < ?")
        params.append(until)
    if orphaned is not None:
        where.append("h.orphaned = ?")
        params.append(int(orphaned))
    sql = (
        "SELECT h.*, a.title AS article_title FROM highlights h "
        "JOIN articles a ON a.id = h.article_id "
        f"WHERE {' AND '.join(where)} ORDER BY h.article_id, h.start_pos, h.id"
    )
    rows = list(db.query(sql, params))
    tags = _tag_names(db, [row["id"] for row in rows])
    return [_highlight(row, tags.get(row["id"], ())) for row in rows]


def _tag_names(db: LibraryDatabase, highlight_ids: list[int]) -> dict[int, tuple[str, ...]]:
    names: dict[int, list[str]] = {}
    for start in range(0, len(highlight_ids), 500):
        chunk = highlight_ids[start : start + 500]
        sql = (
            "SELECT ht.highlight_id, t.name FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id "
            f"WHERE ht.highlight_id IN ({','.join('?' * len(chunk))}) ORDER BY ht.rowid"
        )
        for highlight_id, name in db.execute(sql, chunk):
            names.setdefault(highlight_id, []).append(name)
    return {key: tuple(value) for key, value in names.items()}


def _highlight(row: dict[str, Any], tags: tuple[str, ...]) -> Highlight:
    return Highlight(
        id=row["id"],
        article_id=row["article_id"],
        selector=TextSelector(
            quote=row["quote"],
            prefix=row["prefix"],
            suffix=row["suffix"],
            start=row["start_pos"],
            end=row["end_pos"],
        ),
        tags=tags,
        note=row["note"],
        author=row["author"],
        created_at=to_datetime(row["created_at"]),
        updated_at=to_datetime(row["updated_at"]),
        orphaned=bool(row["orphaned"]),
        article_title=row.get("article_title", ""),
    )


def fts_rows(db: LibraryDatabase) -> Iterator[tuple[int, str, str]]:
    """``(id, quote, note)`` of every highlight, for a full reindex."""
    yield from db.execute("SELECT id, quote, note FROM highlights ORDER BY id").fetchall()
