"""The analyst's answer when an import resembles a known article by title and source alone.

A title and a source are no identity (a daily 社説 has one title every day), so such an
import comes in as a new article with a note (:func:`briefing.services.versions.why_new`),
and its outcome names the article it resembles (``ImportOutcome.resembles``). The window
then asks; :class:`TakeAsUpdate` is the answer "it is an update of #N": the new article's
text becomes #N's, #N's text is kept as a version (as an import's update would keep it), its
highlights re-anchor, and the new article goes. One undoable step: undo puts both back.
"""

from __future__ import annotations

from briefing.core.errors import BriefingError
from briefing.services.article_commands import DeleteArticle
from briefing.services.changes import Changes
from briefing.services.commands import Command, Snapshot, highlight_state
from briefing.store import LibraryDatabase, replay
from briefing.store import articles as article_store
from briefing.store import highlights as highlight_store
from briefing.store import versions as version_store
from briefing.store.rows import now_iso


class TakeAsUpdate(Command):
    """Make the just imported article ``new_id`` an update of the known article
    ``known_id``. Refused when the new article already carries highlights (a sidecar's):
    those were made on it, and folding it away would move them silently."""

    def __init__(self, new_id: int, known_id: int, title: str = "") -> None:
        if new_id == known_id:
            raise BriefingError("an article cannot be an update of itself")
        self.new_id, self.known_id = new_id, known_id
        self.text = "Take as update" + (f" of “{title}”" if title else "")
        self._delete = DeleteArticle(new_id)
        self._number: int | None = None  # the version that keeps the known article's text
        self.placed = self.orphaned = 0

    def do(self, db: LibraryDatabase) -> Changes:
        from briefing.services.importing import reanchor_article  # the importers load late

        new = article_store.get_article(db, self.new_id)
        known = article_store.get_article(db, self.known_id)
        if new is None or known is None:
            missing = self.new_id if new is None else self.known_id
            raise BriefingError(f"no article with id {missing}")
        if highlight_store.highlight_ids(db, article_id=self.new_id):
            raise BriefingError(
                f"article {self.new_id} already has highlights: it stays a new article"
            )
        now = now_iso()
        self._delete.do(db)  # first: its content hash is unique, and #known takes it
        self._number = version_store.save_current(db, self.known_id, now)
        values = {
            "title": new.title,
            "source": new.source,
            "author": new.author,
            "url": new.url,
            "published": new.published,
            "language": new.language,
            "body": new.body,
            "text": new.text,
            "content_hash": new.content_hash,
            "origin": new.origin,
            "pages": new.pages,
        }
        article_store.update_article(db, self.known_id, values, now)
        self.placed, self.orphaned = reanchor_article(db, self.known_id, new.text, len(known.text))
        return self._changes(db)

    def undo(self, db: LibraryDatabase) -> Changes:
        assert self._number is not None
        # The known article's text back (its highlights on their old anchors), the slot that
        # held it emptied again, then the new article back under its own id.
        version_store.swap(db, self.known_id, self._number, now_iso())
        version_store.delete_version(db, self.known_id, self._number)
        self._delete.undo(db)
        return self._changes(db)

    def snapshot(self, db: LibraryDatabase) -> Snapshot:
        state: Snapshot = {
            ("article", self.known_id): replay.content_hash_of(db, self.known_id),
            ("article", self.new_id): replay.content_hash_of(db, self.new_id),
        }
        if self._number is not None:
            state[("version", (self.known_id, self._number))] = version_store.version_hash(
                db, self.known_id, self._number
            )
        for highlight_id in highlight_store.highlight_ids(db, article_id=self.known_id):
            state.update(highlight_state(db, highlight_id))
        return state

    def _changes(self, db: LibraryDatabase) -> Changes:
        ids = highlight_store.highlight_ids(db, article_id=self.known_id)
        return Changes(
            articles=frozenset({self.known_id, self.new_id}),
            highlights=frozenset(ids),
            library=True,
        )
