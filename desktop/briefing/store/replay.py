"""Look-ups that undo and redo make before they replay a command: the current state of the
rows a command touched, so it can tell whether the library is still as it left it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from briefing.store.db import LibraryDatabase


def content_hash_of(db: LibraryDatabase, article_id: int) -> str | None:
    """The article's content hash, or ``None`` when there is no such article."""
    row = db.execute("SELECT content_hash FROM articles WHERE id = ?", [article_id]).fetchone()
    return row[0] if row else None


def content_hashes(db: LibraryDatabase, article_ids: Iterable[int]) -> dict[int, str]:
    """``id -> content hash`` of those of ``article_ids`` that still exist."""
    ids = list(dict.fromkeys(article_ids))
    found: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        sql = f"SELECT id, content_hash FROM articles WHERE id IN ({','.join('?' * len(chunk))})"
        found.update(db.execute(sql, chunk).fetchall())
    return found


def existing_tag_ids(db: LibraryDatabase, tag_ids: Iterable[int]) -> frozenset[int]:
    ids = list(dict.fromkeys(tag_ids))
    if not ids:
        return frozenset()
    sql = f"SELECT id FROM tags WHERE id IN ({','.join('?' * len(ids))})"
    return frozenset(row[0] for row in db.execute(sql, ids))


def tag_state(db: LibraryDatabase, tag_id: int) -> dict[str, Any] | None:
    """A tag's row with its aliases (in order) and how many highlights carry it."""
    rows = list(db.query("SELECT * FROM tags WHERE id = ?", [tag_id]))
    if not rows:
        return None
    state = rows[0]
    state["aliases"] = [
        row[0]
        for row in db.execute(
            "SELECT alias FROM tag_aliases WHERE tag_id = ? ORDER BY alias_key", [tag_id]
        )
    ]
    state["used_by"] = db.execute(
        "SELECT count(*) FROM highlight_tags WHERE tag_id = ?", [tag_id]
    ).fetchone()[0]
    return state


def holder_of_name(db: LibraryDatabase, key: str) -> int | None:
    """The tag whose name or alias has this key (see :func:`briefing.core.tags.tag_key`)."""
    row = db.execute(
        "SELECT id FROM tags WHERE name_key = ? "
        "UNION ALL SELECT tag_id FROM tag_aliases WHERE alias_key = ?",
        [key, key],
    ).fetchone()
    return row[0] if row else None


def highlight_exists(db: LibraryDatabase, highlight_id: int) -> bool:
    row = db.execute("SELECT 1 FROM highlights WHERE id = ?", [highlight_id]).fetchone()
    return row is not None
