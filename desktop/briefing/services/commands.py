"""Undoable commands: every change an analyst makes to highlights, tags or articles.

A command records, while it runs, what it needs to put things back (the rows it deletes, the
values it overwrites), in the spirit of Anki's undo: ``do`` and ``undo`` each run inside one
write transaction opened by :class:`briefing.services.Library`, and ``do`` may run again
after ``undo`` (redo), restoring the same ids so later commands on the stack still apply.

Undo and redo trust nothing: after every run a command takes a *snapshot* of the rows it
touched (the article's content hash, the highlight rows, tag rows, which tag holds a name),
and before it replays it compares the library with that snapshot. Another program (a cron
import, the CLI, the window's own import worker) may have changed them in between; the
command then refuses with :class:`Conflict` instead of writing onto other text.
"""

from __future__ import annotations

import getpass
from abc import ABC, abstractmethod
from typing import Any

from briefing.core.anchoring import make_selector
from briefing.core.errors import BriefingError
from briefing.core.model import TextSelector
from briefing.services.changes import Changes
from briefing.store import LibraryDatabase, replay
from briefing.store import articles as article_store
from briefing.store import highlights as highlight_store
from briefing.store import tags as tag_store
from briefing.store.rows import now_iso

# What a snapshot entry is about: ("article", id) -> content hash, ("content", hash) -> the
# article holding it, ("highlight", id) -> its row (or its tag ids), ("tag", id) -> its row,
# ("tag name", key) -> the tag holding the name, ("tag slot", n) -> the tag holding a keyboard
# slot, ("uses tag", id) -> whether it exists.
Key = tuple[str, Any]
Snapshot = dict[Key, Any]
# Kinds a command only reads (it needs them to exist) but does not change: they make no
# dependency between commands in the history.
READ_ONLY_KINDS = frozenset({"uses tag"})


def current_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry in some containers
        return ""


class Conflict(BriefingError):
    """The library is no longer as a command left it, so replaying it could write onto other
    text; the message says what changed (a clause: "the article was imported again since")."""


class Command(ABC):
    """One user action. ``text`` names it in the Undo/Redo menu items (plain English; the
    window shows "Undo " + text)."""

    text: str = ""
    _recorded: Snapshot | None = None  # the state this command's last run left

    @abstractmethod
    def do(self, db: LibraryDatabase) -> Changes: ...

    @abstractmethod
    def undo(self, db: LibraryDatabase) -> Changes: ...

    def snapshot(self, db: LibraryDatabase) -> Snapshot:
        """The current state of every row this command touches, keyed by what it is, with
        the same keys whatever the state (a deleted row is ``None``): see :data:`Key`.
        Every command should say; one that does not is checked only by its own ``do`` and
        ``undo``, and depends on no other step in the history."""
        return {}

    # --- what the library calls -------------------------------------------------------------

    def run(self, db: LibraryDatabase) -> Changes:
        """The first run: check, change, and remember what it left."""
        changes = self.do(db)
        self._recorded = self.snapshot(db)
        return changes

    def run_undo(self, db: LibraryDatabase) -> Changes:
        """Undo, only if the library is as the last run left it; else :class:`Conflict`."""
        self.verify(db)
        changes = self.undo(db)
        self._recorded = self.snapshot(db)
        return changes

    def run_redo(self, db: LibraryDatabase) -> Changes:
        """Redo, only if the library is as the undo left it; else :class:`Conflict`."""
        self.verify(db)
        changes = self.do(db)
        self._recorded = self.snapshot(db)
        return changes

    @property
    def recorded(self) -> Snapshot:
        """The snapshot taken after the last run (empty before the first)."""
        return self._recorded or {}

    def footprint(self) -> frozenset[Key]:
        """What this command changes: two commands that share a key depend on each other."""
        return frozenset(key for key in self.recorded if key[0] not in READ_ONLY_KINDS)

    def verify(self, db: LibraryDatabase, keys: frozenset[Key] | None = None) -> None:
        """Raise :class:`Conflict` when a recorded row (of ``keys``, default all) changed."""
        if self._recorded is None:
            raise Conflict("it was never carried out")
        now = self.snapshot(db)
        for key, was in self._recorded.items():
            if (keys is None or key in keys) and now.get(key) != was:
                raise Conflict(what_changed(key, was, now.get(key)))


def what_changed(key: Key, was: Any, now: Any) -> str:
    """The clause that tells an analyst what changed behind a command's back."""
    kind = key[0]
    if kind == "article":
        if now is None:
            return "the article was deleted since"
        if was is None:
            return "the article is in the library again"
        return "the article's text has changed since (an import updated it)"
    if kind == "content":
        return "the article was imported again since"
    if kind == "highlight":
        if now is None:
            return "the highlight was deleted since"
        if was is None:
            return "the highlight is in the library again"
        if isinstance(was, list):
            return "the highlight's tags were changed since"
        return "the highlight was changed since (re-anchored by an import or edited elsewhere)"
    if kind == "tag":
        if now is None:
            return f"the tag “{was['name']}” was deleted since"
        if was is None:
            return f"the tag “{now['name']}” is in the library again"
        if {**was, "used_by": 0} == {**now, "used_by": 0}:
            return f"the tag “{now['name']}” is now on {now['used_by']} highlight(s)"
        return f"the tag “{was['name']}” was changed since"
    if kind == "tag name":
        return f"“{key[1]}” now names another tag"
    if kind == "tag slot":
        return f"keyboard slot {key[1]} now belongs to another tag"
    if kind == "uses tag":
        return "a tag it uses was deleted since"
    if kind == "details":
        return "the article's details were changed since"
    return "the library was changed since"


def article_state(db: LibraryDatabase, article_id: int) -> Snapshot:
    return {("article", article_id): replay.content_hash_of(db, article_id)}


def highlight_state(db: LibraryDatabase, highlight_id: int) -> Snapshot:
    """A highlight's row with its tags, or ``None``: what a replay must find unchanged.
    Its ``updated_at`` is left out: a time stamp is no content, and a command that stamps a
    new time when it is redone must not make the steps after it look stale."""
    row = highlight_store.highlight_row(db, highlight_id)
    if row is not None:
        del row["updated_at"]
    return {("highlight", highlight_id): row}


def tags_in_use(db: LibraryDatabase, tag_ids: list[int]) -> Snapshot:
    existing = replay.existing_tag_ids(db, tag_ids)
    return {("uses tag", tag_id): tag_id in existing for tag_id in tag_ids}


def selection(text: str, start: int, end: int) -> TextSelector:
    """The selector of ``[start, end)`` in an article's text, refused with one line when the
    range is outside the text or holds only white space."""
    if not 0 <= start < end <= len(text):
        raise BriefingError("the selection is outside the article's text")
    if not text[start:end].strip():
        raise BriefingError("cannot highlight white space only")
    return make_selector(text, start, end)


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
            selector = selection(article.text, self.start, self.end)
            tag_ids = [require_tag(db, name) for name in self.tags]
            now = now_iso()
            self._row = {
                "article_id": self.article_id,
                **highlight_store.placed_at(selector),
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

    def snapshot(self, db: LibraryDatabase) -> Snapshot:
        assert self.highlight_id is not None and self._row is not None
        return {
            **article_state(db, self.article_id),
            **highlight_state(db, self.highlight_id),
            **tags_in_use(db, self._row["tag_ids"]),
        }


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

    def snapshot(self, db: LibraryDatabase) -> Snapshot:
        assert self._row is not None
        return {
            **article_state(db, self._row["article_id"]),
            **highlight_state(db, self.highlight_id),
            **tags_in_use(db, self._row["tag_ids"]),
        }


class EditHighlight(Command):
    """Change a highlight's note and/or its set of tags."""

    def __init__(
        self,
        highlight_id: int,
        *,
        note: str | None = None,
        tags: tuple[str, ...] | None = None,
        text: str = "",
    ) -> None:
        self.highlight_id, self.note, self.tags = highlight_id, note, tags
        if not text:
            text = {(True, False): "Edit note", (False, True): "Edit tags"}.get(
                (note is not None, tags is not None), "Edit highlight"
            )
        self.text = text
        self._before: dict[str, Any] | None = None
        self._after_tag_ids: list[int] | None = None
        self._updated_at: str | None = None

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
        # The time of the first run: a redo remakes the very row later steps recorded.
        self._updated_at = self._updated_at or now_iso()
        highlight_store.update_highlight(db, self.highlight_id, updated_at=self._updated_at)
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

    def snapshot(self, db: LibraryDatabase) -> Snapshot:
        assert self._before is not None
        return {
            **article_state(db, self._before["article_id"]),
            **highlight_state(db, self.highlight_id),
            **tags_in_use(db, [*self._before["tag_ids"], *(self._after_tag_ids or ())]),
        }


def set_note(highlight_id: int, note: str) -> EditHighlight:
    return EditHighlight(highlight_id, note=note, text="Edit note")


class ChangeHighlightTags(Command):
    """Add or remove one tag on several highlights at once (a reader's 1–9 key, a batch).
    Named after the tag in the Edit menu: "Tag sanctions", "Untag sanctions"."""

    def __init__(self, highlight_ids: list[int], tag: str, *, add: bool) -> None:
        self.highlight_ids, self.tag, self.add = list(highlight_ids), tag, add
        self.text = f"{'Tag' if add else 'Untag'} {tag}"
        self._tag_id: int | None = None
        self._before: dict[int, list[int]] = {}  # the tags of each changed highlight, in order
        self._stamped: dict[int, str] = {}  # each changed highlight's updated_at before
        self._updated_at: str | None = None

    def do(self, db: LibraryDatabase) -> Changes:
        tag_id = self._tag_id = require_tag(db, self.tag)
        row = tag_store.tag_row(db, tag_id)
        if row is not None:  # the tag's own name, not the alias typed (制裁 -> sanctions)
            self.text = f"{'Tag' if self.add else 'Untag'} {row['name']}"
        self._before, self._stamped = {}, {}
        # A re-tagged highlight is a changed one: "since the last briefing" must find it. The
        # time of the first run, so a redo remakes the very rows later steps recorded.
        self._updated_at = self._updated_at or now_iso()
        for highlight_id in self.highlight_ids:
            current = highlight_store.tag_ids_of(db, highlight_id)
            if self.add and tag_id not in current:
                highlight_store.set_tags(db, highlight_id, [*current, tag_id])
            elif not self.add and tag_id in current:
                highlight_store.set_tags(db, highlight_id, [t for t in current if t != tag_id])
            else:
                continue
            self._before[highlight_id] = current
            before = highlight_store.restamp(db, highlight_id, self._updated_at)
            if before is not None:
                self._stamped[highlight_id] = before
        return Changes(highlights=frozenset(self._before), tags=True)

    def undo(self, db: LibraryDatabase) -> Changes:
        for highlight_id, tag_ids in self._before.items():
            highlight_store.set_tags(db, highlight_id, tag_ids)
            if highlight_id in self._stamped:  # back to the time it had: no change after all
                highlight_store.restamp(db, highlight_id, self._stamped[highlight_id])
        return Changes(highlights=frozenset(self._before), tags=True)

    def snapshot(self, db: LibraryDatabase) -> Snapshot:
        assert self._tag_id is not None
        state: Snapshot = {
            ("highlight", highlight_id): (
                highlight_store.tag_ids_of(db, highlight_id)
                if replay.highlight_exists(db, highlight_id)
                else None
            )
            for highlight_id in self.highlight_ids
        }
        return {**state, **tags_in_use(db, [self._tag_id])}
