"""Domain types: what an analyst works with. Plain data, no behaviour tied to storage or Qt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class ArticleDraft:
    """An article as an importer produced it, before it has an id in a library.

    ``body`` is Markdown; the canonical plain text is derived from it by
    :func:`briefing.core.markdown.canonical_text`, never stored separately by importers.
    """

    title: str
    body: str
    source: str = ""
    author: str = ""
    url: str = ""
    published: date | None = None
    language: str = ""
    origin: str = ""  # the file it came from, for messages and re-import
    pages: tuple[PageStart, ...] = ()  # where each source page starts in the canonical text


@dataclass(frozen=True)
class PageStart:
    """Where a page of the source (a PDF) begins in the article's canonical text."""

    offset: int
    label: str  # the printed page label ("12", "iv"), or the page's ordinal when none is printed


@dataclass(frozen=True)
class Article:
    """An article in the library. ``text`` is the canonical plain text highlights anchor to."""

    id: int
    title: str
    body: str
    text: str
    source: str
    author: str
    url: str
    published: date | None
    language: str
    content_hash: str
    imported_at: datetime
    updated_at: datetime
    origin: str = ""
    pages: tuple[PageStart, ...] = ()  # empty unless the article came from a paged source

    @property
    def char_count(self) -> int:
        return len(self.text)

    def page_at(self, offset: int) -> str | None:
        """The label of the source page holding ``offset``, or None when pages are unknown."""
        label = None
        for page in self.pages:
            if page.offset > offset:
                break
            label = page.label
        return label


@dataclass(frozen=True)
class TextSelector:
    """Where a highlight sits: W3C TextQuoteSelector (quote with context) plus
    TextPositionSelector (``start``/``end`` offsets into the canonical text)."""

    quote: str
    prefix: str
    suffix: str
    start: int
    end: int


@dataclass(frozen=True)
class Tag:
    """A tag as the library stores it, with its aliases. (A docstring of its own also spares
    the dataclass decorator writing one from ``inspect.signature`` at every start.)"""

    id: int
    name: str
    color: str
    description: str = ""
    aliases: tuple[str, ...] = ()
    slot: int | None = None  # keyboard slot 1–9 in the reader


@dataclass(frozen=True)
class Highlight:
    """A highlighted passage of an article: where it is (``selector``), its tags and note."""

    id: int
    article_id: int
    selector: TextSelector
    tags: tuple[str, ...] = ()
    note: str = ""
    author: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None
    orphaned: bool = False
    article_title: str = ""

    @property
    def quote(self) -> str:
        return self.selector.quote


@dataclass(frozen=True)
class ArticleSummary:
    """One row of the library list: enough to show and sort, without the article's text."""

    id: int
    title: str
    source: str
    published: date | None
    language: str
    char_count: int
    highlight_count: int
    updated_at: datetime
