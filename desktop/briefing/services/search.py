"""Search: one query language over articles and highlights, best first, with snippets.

The FTS5 bigram index finds candidates; each candidate is then checked against the canonical
text itself (folded the same way as the index) so that a result always contains what was
asked for, and the snippet marks the exact matched characters.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from briefing.core.normalize import fold_for_search
from briefing.core.query import (
    Query,
    exclusion_expression,
    match_expression,
    matches,
    parse_query,
)
from briefing.core.textindex import find_spans, is_exact
from briefing.services.days import day_end, day_start
from briefing.store import LibraryDatabase, search_index
from briefing.store import articles as article_store
from briefing.store import highlights as highlight_store
from briefing.store import tags as tag_store
from briefing.store.db import reading

SNIPPET_CONTEXT = 40
CHECKED_PAGE_FACTOR = 5
MAX_CHECKED = 4000  # candidates checked against their text before we stop looking
_CHUNK = 4000


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

    def display(self) -> str:
        head = f"{self.kind:<9} #{self.id:<5} {self.title[:50]}"
        tags = f" [{', '.join(self.tags)}]" if self.tags else ""
        return f"{head}{tags}\n          {self.marked_snippet()}"


@dataclass
class SearchResults:
    hits: list[SearchHit] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _needles(query: Query) -> list[list[str]]:
    """Per AND-group, the folded positive terms that must all occur."""
    return [
        [
            fold_for_search(t.text)
            for t in group
            if not t.negated and fold_for_search(t.text).strip()
        ]
        for group in query.groups
    ]


def _first_span(text: str, needle: str) -> tuple[int, int] | None:
    """First exact occurrence of a folded needle, folding the text a chunk at a time so a
    match near the start costs little on a long article. Each chunk carries the character
    before it and an overlap after it, and only matches starting inside the chunk proper
    count, so a Latin word cut by a chunk edge is never taken for a whole word."""
    overlap = 4 * len(needle) + 8
    for start in range(0, max(len(text), 1), _CHUNK):
        lead = 1 if start else 0
        chunk = text[start - lead : start + _CHUNK + overlap]
        for span_start, span_end in find_spans(chunk, needle):
            if lead <= span_start < lead + _CHUNK:
                return span_start + start - lead, span_end + start - lead
        if start + _CHUNK >= len(text):
            break
    return None


def _anchor(text: str, groups: list[list[str]]) -> tuple[int, int] | None:
    """The earliest place in ``text`` where any wanted term occurs, for the snippet."""
    needles = {n for group in groups for n in group}
    spans = [span for needle in needles if (span := _first_span(text, needle))]
    return min(spans) if spans else None


def _snippet(
    text: str, anchor: tuple[int, int] | None, groups: list[list[str]]
) -> tuple[str, tuple]:
    if anchor is None:
        start, end = 0, min(len(text), 2 * SNIPPET_CONTEXT)
    else:
        start = max(0, anchor[0] - SNIPPET_CONTEXT)
        end = min(len(text), anchor[1] + SNIPPET_CONTEXT)
    window = text[start:end].replace("\n", " ")
    marks: set[tuple[int, int]] = set()
    for needle in {n for group in groups for n in group}:
        marks.update(find_spans(window, needle))
    merged: list[tuple[int, int]] = []
    for s, e in sorted(marks):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shifted = tuple((s + len(prefix), e + len(prefix)) for s, e in merged)
    return prefix + window + suffix, shifted


def search(db: LibraryDatabase, text: str, limit: int = 20) -> SearchResults:
    """Run a query from the search box or the CLI. Never raises on odd input: what cannot be
    used comes back as warnings."""
    limit = max(1, min(int(limit), 1000))
    query = parse_query(text)
    results = SearchResults(warnings=list(query.warnings))
    if query.is_empty():
        if not results.warnings:
            results.warnings.append("nothing to search for")
        return results
    with reading(db):
        tag_ids = []
        for name in query.tags:
            tag_id = tag_store.resolve_tag(db, name)
            if tag_id is None:
                results.warnings.append(f"no tag named “{name}”")
                return results
            tag_ids.append(tag_id)
        match = match_expression(query)
        exclude = None if match else exclusion_expression(query)
        groups = _needles(query)
        # Terms of one index token (a word, one or two CJK characters) are answered exactly
        # by the index; anything longer is checked against the texts themselves.
        check = None if all(is_exact(t.text) for g in query.groups for t in g) else query
        filters = search_index.Filters(
            sources=query.sources,
            date_from=query.date_from,
            date_to=query.date_to,
            tag_ids=tuple(tag_ids),
            created_from=day_start(query.date_from) if query.date_from else None,
            created_until=day_end(query.date_to) if query.date_to else None,
            has_note=query.has_note,
            orphaned=query.orphaned,
        )
        hits: list[tuple[SearchHit, str]] = []
        highlight_only = bool(query.tags or query.has_note or query.orphaned)
        if not highlight_only:
            hits += _collect(
                lambda n, at: search_index.match_articles(db, match, exclude, filters, n, at),
                lambda ranked: _article_hits(db, ranked, groups, check),
                limit,
                check is not None,
                results,
            )
        hits += _collect(
            lambda n, at: search_index.match_highlights(db, match, exclude, filters, n, at),
            lambda ranked: _highlight_hits(db, ranked, groups, check),
            limit,
            check is not None,
            results,
        )
    hits.sort(key=lambda pair: pair[0].score)
    # Snippets cost a fold of the text around the match: make them for the hits shown only.
    for hit, text in hits[:limit]:
        anchor = _anchor(text, groups)
        snippet, marks = _snippet(text, anchor, groups)
        span = anchor if hit.kind == "article" else hit.span
        results.hits.append(replace(hit, snippet=snippet, marks=marks, span=span))
    return results


def _collect(
    fetch: Callable[[int, int], list[tuple[int, float]]],
    build: Callable[[list[tuple[int, float]]], list[tuple[SearchHit, str]]],
    want: int,
    checked: bool,
    results: SearchResults,
) -> list[tuple[SearchHit, str]]:
    """Fetch ranked candidates until ``want`` survive the check against their text (one
    page when the index is exact for the query), or the candidates run out.

    Ranking a page costs a pass over every match in FTS5 and loading a text costs a read,
    so when candidates may fail the check, ids come in large pages and texts in small
    batches, stopping as soon as enough candidates have passed."""
    hits: list[tuple[SearchHit, str]] = []
    offset, page = 0, want * CHECKED_PAGE_FACTOR if checked else want
    while True:
        ranked = fetch(page, offset)
        for start in range(0, len(ranked), want):
            hits += build(ranked[start : start + want])
            if len(hits) >= want:
                return hits
        offset += len(ranked)
        if not checked or len(ranked) < page:
            return hits
        if offset >= MAX_CHECKED:
            results.warnings.append(
                f"checked the {offset:,} best candidates only; refine the query for more"
            )
            return hits
        page *= 2


def _article_hits(
    db: LibraryDatabase,
    ranked: list[tuple[int, float]],
    groups: list[list[str]],
    check: Query | None,
) -> list[tuple[SearchHit, str]]:
    if not ranked:
        return []
    texts = article_store.titles_and_texts(db, [article_id for article_id, _ in ranked])
    hits = []
    for article_id, score in ranked:
        if article_id not in texts:
            continue
        title, text = texts[article_id]
        if check is not None and not matches(check, title, text):
            continue
        hits.append((SearchHit("article", article_id, article_id, title, "", (), score), text))
    return hits


def _highlight_hits(
    db: LibraryDatabase,
    ranked: list[tuple[int, float]],
    groups: list[list[str]],
    check: Query | None,
) -> list[tuple[SearchHit, str]]:
    if not ranked:
        return []
    items = {h.id: h for h in highlight_store.list_highlights(db, ids=[i for i, _ in ranked])}
    hits = []
    for highlight_id, score in ranked:
        item = items.get(highlight_id)
        if item is None:
            continue
        if check is not None and not matches(check, item.quote, item.note):
            continue
        hit = SearchHit(
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
        hits.append((hit, item.quote))
    return hits
