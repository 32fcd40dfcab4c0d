"""An article's details: title, source, author, published date, URL and language.

Plain-text and PDF imports often come without them (a file name for a title, no source, no
date), and the briefing cites them: the analyst sets them by hand, in the window or with
``briefing-reader edit ID --title … --source …``. Each edit is one undoable step.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from briefing.core.errors import BriefingError
from briefing.services.changes import Changes
from briefing.services.commands import Command, Snapshot, article_state
from briefing.store import LibraryDatabase
from briefing.store import articles as article_store
from briefing.store import highlights as highlight_store
from briefing.store.rows import now_iso, to_date

FIELDS = ("title", "source", "author", "published", "url", "language")
MAX_LENGTH = 2000  # a title or source longer than this is a pasted article, not a name
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")  # BCP 47: ja, en, zh-Hant, en-GB
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://\S+$")


def clean_details(**values: Any) -> dict[str, Any]:
    """The given details checked and normalised, or :class:`BriefingError` naming the first
    bad one in one line. Text is stripped and must be one line; ``published`` is a
    :class:`date`, ``YYYY-MM-DD`` text or empty (no date); ``title`` cannot be empty."""
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise BriefingError(f"not an article detail: {', '.join(sorted(unknown))}")
    clean: dict[str, Any] = {}
    for name, value in values.items():
        if name == "published":
            clean[name] = _published(value)
            continue
        text = "" if value is None else str(value).strip()
        if "\n" in text or "\r" in text:
            raise BriefingError(f"the {name} must be one line")
        if len(text) > MAX_LENGTH:
            raise BriefingError(f"the {name} is longer than {MAX_LENGTH} characters")
        if name == "title" and not text:
            raise BriefingError("the title cannot be empty")
        if name == "url" and text and not _URL.match(text):
            raise BriefingError(f"not a web address: {text} (expected https://…)")
        if name == "language" and text:
            if not _LANGUAGE.match(text):
                raise BriefingError(f"not a language code: {text} (for example ja or en)")
            text = text.lower() if "-" not in text else text
        clean[name] = text
    return clean


def _published(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise BriefingError(f"not a date (YYYY-MM-DD): {text}") from None


class EditArticleDetails(Command):
    """Set some of an article's details; undo puts the earlier values back. The text and the
    highlights are not touched (the search index is updated for a new title)."""

    def __init__(self, article_id: int, **values: Any) -> None:
        self.article_id = article_id
        self.values = clean_details(**values)
        if not self.values:
            raise BriefingError("nothing to change: give at least one detail")
        self.text = "Edit article details"
        self._before: dict[str, Any] | None = None

    def do(self, db: LibraryDatabase) -> Changes:
        row = article_store.article_row(db, self.article_id)
        if row is None:
            raise BriefingError(f"no article with id {self.article_id}")
        self._before = {name: _stored(name, row[name]) for name in self.values}
        article_store.update_article(db, self.article_id, dict(self.values), now_iso())
        return self._changes(db)

    def undo(self, db: LibraryDatabase) -> Changes:
        assert self._before is not None
        article_store.update_article(db, self.article_id, dict(self._before), now_iso())
        return self._changes(db)

    def snapshot(self, db: LibraryDatabase) -> Snapshot:
        row = article_store.article_row(db, self.article_id)
        details = None if row is None else {n: _stored(n, row[n]) for n in self.values}
        return {**article_state(db, self.article_id), ("details", self.article_id): details}

    def _changes(self, db: LibraryDatabase) -> Changes:
        # Its highlights too: the lists that show them name the article by its title.
        highlights = highlight_store.highlight_ids(db, article_id=self.article_id)
        return Changes(articles=frozenset({self.article_id}), highlights=frozenset(highlights))


def _stored(name: str, value: Any) -> Any:
    """A column as :func:`clean_details` gives it (the date as a date, text never None)."""
    if name == "published":
        return to_date(value)
    return value or ""
