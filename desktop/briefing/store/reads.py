"""Which articles the analyst has read (opened, or marked read by hand): a row per read article
in ``article_reads``; no row means unread."""

from __future__ import annotations

from collections.abc import Iterable

from briefing.store.db import LibraryDatabase


def read_ids(db: LibraryDatabase) -> set[int]:
    """The ids of every read article."""
    return {row[0] for row in db.execute("SELECT article_id FROM article_reads")}


def set_read(db: LibraryDatabase, article_ids: Iterable[int], read: bool, when: str) -> None:
    """Mark ``article_ids`` read (at ``when``, an ISO timestamp) or unread; ids of articles
    that do not exist are skipped."""
    ids = list(article_ids)
    if not ids:
        return
    for article_id in ids:
        if read:
            db.execute(
                "INSERT OR IGNORE INTO article_reads (article_id, read_at) "
                "SELECT id, ? FROM articles WHERE id = ?",
                [when, article_id],
            )
        else:
            db.execute("DELETE FROM article_reads WHERE article_id = ?", [article_id])
