"""Small facts about the library file itself (flags, versions), as key/value rows."""

from __future__ import annotations

from briefing.store.db import LibraryDatabase


def get(db: LibraryDatabase, key: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def put(db: LibraryDatabase, key: str, value: str) -> None:
    db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [key, value])
