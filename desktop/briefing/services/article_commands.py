"""Undoable commands on whole articles."""

from __future__ import annotations

from typing import Any

from briefing.core.errors import BriefingError
from briefing.services.changes import Changes
from briefing.services.commands import Command, Snapshot, highlight_state, tags_in_use
from briefing.store import LibraryDatabase, replay
from briefing.store import articles as article_store
from briefing.store import highlights as highlight_store
from briefing.store import versions as version_store


class DeleteArticle(Command):
    """Delete an article with its highlights; undo puts both back with the same ids, unless
    the same article was imported again meanwhile (then it refuses: see ``snapshot``)."""

    def __init__(self, article_id: int) -> None:
        self.article_id = article_id
        self.text = "Delete article"
        self._article: dict[str, Any] | None = None
        self._highlights: list[dict[str, Any]] = []
        self._versions: list[dict[str, Any]] = []  # its earlier texts go with it, and come back

    def do(self, db: LibraryDatabase) -> Changes:
        self._article = article_store.article_row(db, self.article_id)
        if self._article is None:
            raise BriefingError(f"no article with id {self.article_id}")
        self._highlights = [
            row
            for row in (
                highlight_store.highlight_row(db, h)
                for h in highlight_store.highlight_ids(db, article_id=self.article_id)
            )
            if row is not None
        ]
        self._versions = version_store.version_rows(db, self.article_id)
        article_store.delete_article(db, self.article_id)
        return self._changes()

    def undo(self, db: LibraryDatabase) -> Changes:
        assert self._article is not None
        article_store.restore_article_row(db, self._article)
        for row in self._highlights:
            row = dict(row)
            highlight_store.insert_highlight(db, row, row.pop("tag_ids"))
        version_store.restore_version_rows(db, self._versions)
        return self._changes()

    def snapshot(self, db: LibraryDatabase) -> Snapshot:
        # The content hash is unique: undo cannot put the article back while another copy
        # of the same text (a re-import, under a new id) holds it.
        assert self._article is not None
        digest = self._article["content_hash"]
        state: Snapshot = {
            ("article", self.article_id): replay.content_hash_of(db, self.article_id),
            ("content", digest): article_store.find_by_hash(db, digest),
        }
        for row in self._highlights:
            state.update(highlight_state(db, row["id"]))
        used = [tag_id for row in self._highlights for tag_id in row["tag_ids"]]
        return {**state, **tags_in_use(db, list(dict.fromkeys(used)))}

    def _changes(self) -> Changes:
        return Changes(
            articles=frozenset({self.article_id}),
            highlights=frozenset(row["id"] for row in self._highlights),
            library=True,
        )
