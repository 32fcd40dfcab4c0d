"""Briefing exports recorded in the library, and the highlights changed since one."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from briefing.store.db import LibraryDatabase
from briefing.store.rows import to_datetime


@dataclass(frozen=True)
class ExportRow:
    """One recorded export: ``options`` is the JSON the service wrote."""

    id: int
    exported_at: datetime
    format: str
    output_path: str
    options: str
    highlight_ids: tuple[int, ...]


def record_export(
    db: LibraryDatabase,
    *,
    exported_at: str,
    format: str,
    output_path: str,
    options: str,
    highlight_ids: Iterable[int],
) -> int:
    """Record one export; returns its id."""
    cursor = db.execute(
        "INSERT INTO briefing_exports (exported_at, format, output_path, options, highlight_ids) "
        "VALUES (?, ?, ?, ?, ?)",
        [exported_at, format, output_path, options, json.dumps(list(highlight_ids))],
    )
    return int(cursor.lastrowid)


def list_exports(db: LibraryDatabase, limit: int | None = None) -> list[ExportRow]:
    """Recorded exports, the newest first."""
    sql = "SELECT * FROM briefing_exports ORDER BY exported_at DESC, id DESC"
    params: list[int] = []
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [_row(row) for row in db.query(sql, params)]


def last_export_time(db: LibraryDatabase) -> datetime | None:
    row = db.execute("SELECT MAX(exported_at) FROM briefing_exports").fetchone()
    return to_datetime(row[0]) if row and row[0] else None


def highlight_ids_changed_since(db: LibraryDatabase, moment: str | None) -> list[int]:
    """Ids of highlights created or changed after ``moment`` (a UTC ISO timestamp, as
    stored), or of every highlight when ``moment`` is None. Tag changes update a
    highlight's ``updated_at`` (services.commands), so they count as changes."""
    if moment is None:
        rows = db.execute("SELECT id FROM highlights ORDER BY id")
    else:
        rows = db.execute(
            "SELECT id FROM highlights WHERE created_at > ? OR updated_at > ? ORDER BY id",
            [moment, moment],
        )
    return [row[0] for row in rows]


def _row(row: dict) -> ExportRow:
    return ExportRow(
        id=row["id"],
        exported_at=to_datetime(row["exported_at"]),  # type: ignore[arg-type]
        format=row["format"],
        output_path=row["output_path"],
        options=row["options"],
        highlight_ids=tuple(json.loads(row["highlight_ids"])),
    )
