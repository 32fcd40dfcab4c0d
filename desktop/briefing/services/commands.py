"""Undoable commands: every change an analyst makes to highlights, tags or articles.

A command records, while it runs, what it needs to put things back (the rows it deletes, the
values it overwrites), in the spirit of Anki's undo: ``do`` and ``undo`` each run inside one
write transaction opened by :class:`briefing.services.Library`, and ``do`` may run again
after ``undo`` (redo), restoring the same ids so later commands on the stack still apply.
"""

from __future__ import annotations

import getpass
from abc import ABC, abstractmethod
from typing import Any

from briefing.core.anchoring import make_selector
from briefing.core.errors import BriefingError
from briefing.services.changes import Changes
from briefing.store import LibraryDatabase
from briefing.store import articles as article_store
from briefing.store import highlights as highlight_store
from briefing.store import tags as tag_store
from briefing.store.rows import now_iso


def current_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry in some containers
        return ""


class Command(ABC):
    """One user action. ``text`` names it in the Undo/Redo menu items."""

    text: str = ""

    @abstractmethod
    def do(self, db: LibraryDatabase) -> Changes: ...

    @abstractmethod
    def undo(self, db: LibraryDatabase) -> Changes: ...


def require_tag(db: LibraryDatabase, name: str) -> int:
    tag_id = tag_store.resolve_tag(db, name)
    if tag_id is None:
        raise BriefingError(f"no tag named “{name}”")
    return tag_id


# --- highlights -----------------------------------------------------------------------------


class AddHighlight(Command):
    """Highlight ``[start, end)`` of an article's canonical text, with tags and a note."""

    def __init__(
        self,
        article_id: int,
        start: int,
        end: int,
        tags: tuple[str, ...] = (),
        note: str = "",
        author: str | None = None,
    ) -> None:
        self.article_id, self.start, self.end = article_id, start, end
        self.tags, self.note = tuple(tags), note
        self.author = current_user() if author is None else author
        self.highlight_id: int | None = None
        self.text = "Add highlight"
        self._row: dict[str, Any] | None = None

    def do(self, db: LibraryDatabase) -> Changes:
        if self._row is None:
            article = article_store.get_article(db, self.article_id)
            if article is None:
                raise BriefingError(f"no article with id {self.article_id}")
            if not 0 <= self.start < self.end <= len(article.text):
                raise BriefingError("the selection is outside the article's text")
            if not article.text[self.start : self.end].strip():
                raise BriefingError("cannot highlight white space only")
            tag_ids = [require_tag(db, name) for name in self.tags]
            selector = make_selector(article.text, self.start, self.end)
            now = now_iso()
            self._row = {
                "article_id": self.article_id,
                "quote": selector.quote,
                "prefix": selector.prefix,
                "suffix": selector.suffix,
                "start_pos": selector.start,
                "end_pos": selector.end,
                "orphaned": 0,
                "note": self.note,
                "author": self.author,
                "created_at": now,
                "updated_at": now,
                "tag_ids": tag_ids,
            }
        row = dict(self._row)
        if self.highlight_id is not None:
            row["id"] = self.highlight_id
        self.highlight_id = highlight_store.insert_highlight(db, row, row.pop("tag_ids"))
        return Changes(
            articles=frozenset({self.article_id}), highlights=frozenset({self.highlight_id})
        )

    def undo(self, db: LibraryDatabase) -> Changes:
        assert self.highlight_id is not None
        highlight_store.delete_highlight(db, self.highlight_id)
        return Changes(
            articles=frozenset({self.article_id}), highlights=frozenset({self.highlight_id})
        )


class DeleteHighlight(Command):
    def __init__(self, highlight_id: int) -> None:
        self.highlight_id = highlight_id
        self.text = "Delete highlight"
        self._row: dict[str, Any] | None = None

    def do(self, db: LibraryDatabase) -> Changes:
        self._row = highlight_store.highlight_row(db, self.highlight_id)
        if self._row is None:
            raise BriefingError(f"no highlight with id {self.highlight_id}")
        highlight_store.delete_highlight(db, self.highlight_id)
        return self._changes()

    def undo(self, db: LibraryDatabase) -> Changes:
        assert self._row is not None
        row = dict(self._row)
        highlight_store.insert_highlight(db, row, row.pop("tag_ids"))
        return self._changes()

    def _changes(self) -> Changes:
        assert self._row is not None
        return Changes(
            articles=frozenset({self._row["article_id"]}), highlights=frozenset({self.highlight_id})
        )


class EditHighlight(Command):
    """Change a highlight's note and/or its set of tags."""

    def __init__(
        self,
        highlight_id: int,
        *,
        note: str | None = None,
        tags: tuple[str, ...] | None = None,
        text: str = "Edit highlight",
    ) -> None:
        self.highlight_id, self.note, self.tags = highlight_id, note, tags
        self.text = text
        self._before: dict[str, Any] | None = None
        self._after_tag_ids: list[int] | None = None

    def do(self, db: LibraryDatabase) -> Changes:
        row = highlight_store.highlight_row(db, self.highlight_id)
        if row is None:
            raise BriefingError(f"no highlight with id {self.highlight_id}")
        self._before = row
        if self.tags is not None:
            if self._after_tag_ids is None:
                self._after_tag_ids = [require_tag(db, name) for name in self.tags]
            highlight_store.set_tags(db, self.highlight_id, self._after_tag_ids)
        if self.note is not None:
            highlight_store.update_highlight(db, self.highlight_id, note=self.note)
        highlight_store.update_highlight(db, self.highlight_id, updated_at=now_iso())
        return self._changes(row)

    def undo(self, db: LibraryDatabase) -> Changes:
        row = self._before
        assert row is not None
        highlight_store.set_tags(db, self.highlight_id, row["tag_ids"])
        highlight_store.update_highlight(
            db, self.highlight_id, note=row["note"], updated_at=row["updated_at"]
        )
        return self._changes(row)

    def _changes(self, row: dict[str, Any]) -> Changes:
        return Changes(
            articles=frozenset({row["article_id"]}), highlights=frozenset({self.highlight_id})
        )


def set_note(highlight_id: int, note: str) -> EditHighlight:
    return EditHighlight(highlight_id, note=note, text="Edit note")


class ChangeHighlightTags(Command):
    """Add or remove one tag on several highlights at once (a reader's 1–9 key, a batch)."""

    def __init__(self, highlight_ids: list[int], tag: str, *, add: bool) -> None:
        self.highlight_ids, self.tag, self.add = list(highlight_ids), tag, add
        self.text = "Tag highlight" if add else "Untag highlight"
        self._before: dict[int, list[int]] = {}  # the tags of each changed highlight, in order

    def do(self, db: LibraryDatabase) -> Changes:
        tag_id = require_tag(db, self.tag)
        self._before = {}
        for highlight_id in self.highlight_ids:
            current = highlight_store.tag_ids_of(db, highlight_id)
            if self.add and tag_id not in current:
                highlight_store.set_tags(db, highlight_id, [*current, tag_id])
            elif not self.add and tag_id in current:
                highlight_store.set_tags(db, highlight_id, [t for t in current if t != tag_id])
            else:
                continue
            self._before[highlight_id] = current
        return Changes(highlights=frozenset(self._before), tags=True)

    def undo(self, db: LibraryDatabase) -> Changes:
        for highlight_id, tag_ids in self._before.items():
            highlight_store.set_tags(db, highlight_id, tag_ids)
        return Changes(highlights=frozenset(self._before), tags=True)
