"""Tags and their aliases."""

from __future__ import annotations

from typing import Any

from briefing.core.model import Tag
from briefing.core.tags import tag_key
from briefing.store.db import LibraryDatabase


def list_tags(db: LibraryDatabase) -> list[Tag]:
    aliases: dict[int, list[str]] = {}
    for tag_id, alias in db.execute("SELECT tag_id, alias FROM tag_aliases ORDER BY alias"):
        aliases.setdefault(tag_id, []).append(alias)
    return [
        Tag(
            id=row["id"],
            name=row["name"],
            color=row["color"],
            description=row["description"] or "",
            aliases=tuple(aliases.get(row["id"], ())),
            slot=row["slot"],
        )
        for row in db.query("SELECT * FROM tags ORDER BY slot IS NULL, slot, name COLLATE NOCASE")
    ]


def get_tag(db: LibraryDatabase, tag_id: int) -> Tag | None:
    return next((tag for tag in list_tags(db) if tag.id == tag_id), None)


def resolve_tag(db: LibraryDatabase, name_or_alias: str) -> int | None:
    """The tag a name or an alias stands for, regardless of case and width."""
    key = tag_key(name_or_alias)
    row = db.execute("SELECT id FROM tags WHERE name_key = ?", [key]).fetchone()
    if row:
        return row[0]
    row = db.execute("SELECT tag_id FROM tag_aliases WHERE alias_key = ?", [key]).fetchone()
    return row[0] if row else None


def key_in_use(db: LibraryDatabase, key: str, except_tag: int | None = None) -> bool:
    """Whether ``key`` already names a tag or an alias (of a tag other than ``except_tag``)."""
    row = db.execute(
        "SELECT 1 FROM tags WHERE name_key = ? AND id IS NOT ? "
        "UNION ALL SELECT 1 FROM tag_aliases WHERE alias_key = ? AND tag_id IS NOT ?",
        [key, except_tag, key, except_tag],
    ).fetchone()
    return row is not None


def insert_tag(db: LibraryDatabase, row: dict[str, Any]) -> int:
    """Insert a tag row (``id`` optional, for undo) and return its id."""
    row = {**row, "name_key": tag_key(row["name"])}
    cursor = db.execute(
        f"INSERT INTO tags ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
        list(row.values()),
    )
    return int(cursor.lastrowid)


def tag_row(db: LibraryDatabase, tag_id: int) -> dict[str, Any] | None:
    rows = list(db.query("SELECT * FROM tags WHERE id = ?", [tag_id]))
    return rows[0] if rows else None


def update_tag(db: LibraryDatabase, tag_id: int, **values: Any) -> None:
    if "name" in values:
        values["name_key"] = tag_key(values["name"])
    assignments = ", ".join(f"{key} = ?" for key in values)
    db.execute(f"UPDATE tags SET {assignments} WHERE id = ?", [*values.values(), tag_id])


def delete_tag(db: LibraryDatabase, tag_id: int) -> None:
    db.execute("DELETE FROM tags WHERE id = ?", [tag_id])


def set_aliases(db: LibraryDatabase, tag_id: int, aliases: list[str]) -> None:
    db.execute("DELETE FROM tag_aliases WHERE tag_id = ?", [tag_id])
    for alias in aliases:
        db.execute(
            "INSERT INTO tag_aliases (alias_key, alias, tag_id) VALUES (?, ?, ?)",
            [tag_key(alias), alias, tag_id],
        )


def slot_owner(db: LibraryDatabase, slot: int) -> int | None:
    row = db.execute("SELECT id FROM tags WHERE slot = ?", [slot]).fetchone()
    return row[0] if row else None


def usage_count(db: LibraryDatabase, tag_id: int) -> int:
    return int(
        db.execute("SELECT count(*) FROM highlight_tags WHERE tag_id = ?", [tag_id]).fetchone()[0]
    )


def used_colors(db: LibraryDatabase) -> set[str]:
    return {row[0] for row in db.execute("SELECT color FROM tags")}
