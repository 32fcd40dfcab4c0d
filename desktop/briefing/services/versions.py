"""An article's earlier texts: listing, reading, restoring, and undoing an import's update.

An import that updates an article keeps the replaced text as a version
(:func:`briefing.store.versions.save_current`). Restoring a version swaps it with the
current text (:func:`briefing.store.versions.swap`), so :class:`RestoreVersion` is its own
undo; :class:`ImportedUpdate` is the same swap put on the undo history for an update an
import made, so the window can undo an import's update like any edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefing.core.errors import BriefingError
from briefing.services.changes import Changes
from briefing.services.commands import Command, Snapshot, highlight_state
from briefing.services.undo import UNDO_LIMIT
from briefing.store import LibraryDatabase, replay
from briefing.store import highlights as highlight_store
from briefing.store import versions as version_store
from briefing.store.db import reading
from briefing.store.rows import now_iso
from briefing.store.versions import ArticleVersion

if TYPE_CHECKING:
    from briefing.services.importing import ImportReport
    from briefing.services.library import Library

__all__ = ["ArticleVersion", "ImportedUpdate", "RestoreVersion", "record_updates", "version"]


def why_new(db: LibraryDatabase, values: dict[str, Any], article_id: int) -> str:
    """The note an import gives when a new article has the title and source of a known one:
    a title and source alone are no identity (no URL from the same site, no same file), so
    it was imported as a new article, and the analyst is told which one it resembles."""
    known = version_store.same_title_and_source(
        db, values["title"], values["source"], article_id
    )
    if known is None:
        return ""
    return (
        f"a new article, although #{known} has the same title and source: "
        "no URL or file in common says it is the same article"
    )


def versions(library: Library, article_id: int) -> list[ArticleVersion]:
    """The article's earlier texts, by number (raises when there is no such article)."""
    library.article(article_id)
    with reading(library.db):
        return version_store.list_versions(library.db, article_id)


def version(library: Library, article_id: int, number: int) -> ArticleVersion:
    """One earlier text, with its text and Markdown."""
    with reading(library.db):
        found = version_store.get_version(library.db, article_id, number)
    if found is None:
        raise BriefingError(f"article {article_id} has no version {number}")
    return found


class RestoreVersion(Command):
    """Make version ``number`` the article's text; the text it replaces becomes version
    ``number``. Undo and redo are the same swap."""

    def __init__(self, article_id: int, number: int, title: str = "") -> None:
        self.article_id = article_id
        self.number = number
        self.text = f"Restore version {number}" + (f" of “{title}”" if title else "")
        self.placed = self.orphaned = 0

    def do(self, db: LibraryDatabase) -> Changes:
        try:
            self.placed, self.orphaned = version_store.swap(
                db, self.article_id, self.number, now_iso()
            )
        except LookupError:
            raise BriefingError(
                f"article {self.article_id} has no version {self.number}"
            ) from None
        return self._changes(db)

    def undo(self, db: LibraryDatabase) -> Changes:
        return self.do(db)

    def snapshot(self, db: LibraryDatabase) -> Snapshot:
        state: Snapshot = {
            ("article", self.article_id): replay.content_hash_of(db, self.article_id),
            ("version", (self.article_id, self.number)): version_store.version_hash(
                db, self.article_id, self.number
            ),
        }
        for highlight_id in highlight_store.highlight_ids(db, article_id=self.article_id):
            state.update(highlight_state(db, highlight_id))
        return state

    def _changes(self, db: LibraryDatabase) -> Changes:
        ids = highlight_store.highlight_ids(db, article_id=self.article_id)
        return Changes(
            articles=frozenset({self.article_id}), highlights=frozenset(ids), library=True
        )


class ImportedUpdate(RestoreVersion):
    """An update an import made, as a step of the undo history: its undo restores the
    version the import kept (the earlier text, with the highlights' earlier anchors), its
    redo puts the imported text back. Made by :func:`record_updates`, never run first."""

    def __init__(self, article_id: int, number: int, title: str = "") -> None:
        super().__init__(article_id, number, title)
        self.text = "Import update" + (f" of “{title}”" if title else "")

    def mark_done(self, db: LibraryDatabase) -> None:
        """Record the library as the import left it: what undo checks before it swaps."""
        self._recorded = self.snapshot(db)


def record_updates(library: Library, report: ImportReport) -> int:
    """Put each article an import updated on ``library``'s undo history as one
    :class:`ImportedUpdate` (after the history was fenced for those articles). The window
    calls it with the report of an import its worker made; :meth:`Library.import_paths`
    calls it itself. Returns how many steps were added."""
    added = 0
    with reading(library.db):
        for outcome in report.outcomes:
            if outcome.status != "updated" or outcome.article_id is None:
                continue
            number = version_store.latest_number(library.db, outcome.article_id)
            if number is None:
                continue
            step = ImportedUpdate(outcome.article_id, number, outcome.title)
            step.mark_done(library.db)
            # Not history.pushed(): that clears the redo stack, and the import left the
            # steps on other articles redoable (the fence took those on this one).
            library.history.done.append(step)
            del library.history.done[:-UNDO_LIMIT]
            added += 1
    return added
