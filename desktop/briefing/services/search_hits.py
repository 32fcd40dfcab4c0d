"""What a search gives back: a page of hits (:class:`SearchResults`), each an article or a
highlight with its snippet and marks (:class:`SearchHit`), and how to show one."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from briefing.core.safe_text import visible


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "article" or "highlight"
    id: int
    article_id: int
    title: str  # the article's title
    snippet: str
    marks: tuple[tuple[int, int], ...]  # matched spans within ``snippet``
    score: float  # bm25: lower is better
    tags: tuple[str, ...] = ()
    note: str = ""
    # Where to show the hit in the article's canonical text: the first match in an article,
    # the highlighted passage of a highlight (None for an orphaned one).
    span: tuple[int, int] | None = None

    def marked_snippet(self, before: str = "【", after: str = "】") -> str:
        out, last = [], 0
        for start, end in self.marks:
            out += [self.snippet[last:start], before, self.snippet[start:end], after]
            last = end
        out.append(self.snippet[last:])
        return "".join(out)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "kind": self.kind,
            "id": self.id,
            "article_id": self.article_id,
            "title": self.title,
            "snippet": self.snippet,
            "marks": [list(m) for m in self.marks],
            "score": round(self.score, 4),
            "span": list(self.span) if self.span else None,
        }
        if self.kind == "highlight":
            data.update(tags=list(self.tags), note=self.note)
        return data

    def display(self, before: str = "【", after: str = "】") -> str:
        """Two lines for a terminal; the stored text is escaped so it cannot add lines or
        steer the terminal (:func:`~briefing.core.safe_text.visible`). ``before``/``after``
        mark each match (brackets in a file; bold on a terminal)."""
        head = f"{self.kind:<9} #{self.id:<5} {visible(self.title[:50])}"
        tags = visible(f" [{', '.join(self.tags)}]") if self.tags else ""
        # Each piece escaped on its own, so the marks themselves are never escaped.
        out, last = [], 0
        for start, end in self.marks:
            out += [visible(self.snippet[last:start]), before]
            out += [visible(self.snippet[start:end]), after]
            last = end
        out.append(visible(self.snippet[last:]))
        return f"{head}{tags}\n          {''.join(out)}"


@dataclass
class SearchResults:
    """One page of hits, best first, and how many there are in all: a caller shows or says
    the rest, never drops it silently."""

    hits: list[SearchHit] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    total_articles: int = 0  # every article that matches, not only those on this page
    total_highlights: int = 0
    # False when the totals are lower bounds: a query checked against the texts stops
    # checking once it has the best hits (there are at least that many, maybe more).
    total_exact: bool = True
    offset: int = 0  # how many best hits come before this page

    @property
    def total(self) -> int:
        return self.total_articles + self.total_highlights

    @property
    def remaining(self) -> int:
        """Hits after this page."""
        return max(0, self.total - self.offset - len(self.hits))


def _highlight_hit(item: Any, score: float) -> SearchHit:
    return SearchHit(
        "highlight",
        item.id,
        item.article_id,
        item.article_title,
        "",
        (),
        score,
        item.tags,
        item.note,
        None if item.orphaned else (item.selector.start, item.selector.end),
    )
