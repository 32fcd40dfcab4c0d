"""Re-attach an orphaned highlight to a passage the analyst selected in its article.

An update of an article can leave a highlight *orphaned*: its passage is gone, its quote,
tags and note are kept. The analyst finds where the thought now lives and re-attaches it:
the highlight takes the selected text as its quote (with fresh context), keeps its id, tags
and note, and is placed again. Undo puts back the quote and place it had before.
"""

from __future__ import annotations

from typing import Any

from briefing.core.errors import BriefingError
from briefing.services.changes import Changes
from briefing.services.commands import Command, selection
from briefing.store import LibraryDatabase
from briefing.store import articles as article_store
from briefing.store import highlights as highlight_store
from briefing.store.rows import now_iso

PLACE_COLUMNS = ("quote", "prefix", "suffix", "start_pos", "end_pos", "orphaned", "updated_at")


class ReattachHighlight(Command):
    """Place highlight ``highlight_id`` on ``[start, end)`` of its article's canonical text."""

    def __init__(self, highlight_id: int, start: int, end: int) -> None:
        self.highlight_id, self.start, self.end = highlight_id, start, end
        self.text = "Re-attach highlight"
        self._before: dict[str, Any] | None = None
        self._after: dict[str, Any] | None = None
        self._content_hash: str | None = None

    def do(self, db: LibraryDatabase) -> Changes:
        row = highlight_store.highlight_row(db, self.highlight_id)
        if row is None:
            raise BriefingError(f"no highlight with id {self.highlight_id}")
        article = article_store.get_article(db, row["article_id"])
        if article is None:
            raise BriefingError(f"no article with id {row['article_id']}")
        if self._content_hash is not None and article.content_hash != self._content_hash:
            # A redo after the article changed would place the highlight on other text.
            raise BriefingError("the article has changed since; select the passage again")
        selector = selection(article.text, self.start, self.end)
        self._before = {column: row[column] for column in PLACE_COLUMNS}
        self._after = {**highlight_store.placed_at(selector), "updated_at": now_iso()}
        self._content_hash = article.content_hash
        highlight_store.update_highlight(db, self.highlight_id, **self._after)
        return self._changes(row["article_id"])

    def undo(self, db: LibraryDatabase) -> Changes:
        assert self._before is not None and self._after is not None
        row = highlight_store.highlight_row(db, self.highlight_id)
        if row is None or any(row[k] != v for k, v in self._after.items() if k != "updated_at"):
            raise BriefingError("the highlight has changed since it was re-attached")
        highlight_store.update_highlight(db, self.highlight_id, **self._before)
        return self._changes(row["article_id"])

    def _changes(self, article_id: int) -> Changes:
        return Changes(articles=frozenset({article_id}), highlights=frozenset({self.highlight_id}))
