"""Search: one query language over articles and highlights, best first, with snippets.

The FTS5 bigram index finds candidates. A query whose terms are each one index token (a word,
one or two CJK characters) is answered by the index alone; any other candidate is checked
against the canonical text itself (folded the same way as the index), so that a result always
contains what was asked for, and the snippet marks the exact matched characters.

Checking is exact and never gives up: the best-ranked candidates are checked first; if they
do not give enough results, every other candidate is checked and only those that pass are
ranked. Candidate articles must also hold every CJK trigram of the terms (the trigram index),
which rules out at once rows where a longer term's bigrams occur only apart. A check costs a
substring test on the stored UTF-8 text, not a fold of it, whenever
the text holds no character that folding could turn into part of the term
(:func:`~briefing.core.textindex.needs_fold`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from briefing.core.normalize import fold_for_search
from briefing.core.query import (
    Query,
    exclusion_expression,
    match_expression,
    matches,
    parse_query,
)
from briefing.core.safe_text import visible
from briefing.core.textindex import (
    contains,
    find_spans,
    first_raw_match,
    has_word_boundary_rule,
    is_exact,
    needs_fold,
    trigram_match,
)
from briefing.services.days import day_end, day_start
from briefing.store import LibraryDatabase, search_index
from briefing.store import articles as article_store
from briefing.store import highlights as highlight_store
from briefing.store import tags as tag_store
from briefing.store.db import reading
from briefing.store.packing import unpack_bytes, unpack_through

SNIPPET_CONTEXT = 40
CHECKED_PAGE_FACTOR = 5  # best-ranked candidates checked before checking all of them
SCAN_BATCH = 400  # candidates whose texts are read at once when checking all of them
# After the best page, more candidates than this are not checked just to count them: the
# total is then a lower bound (SearchResults.total_exact is False).
EXACT_TOTAL_CHECKS = 200
EXACT_TOTAL_COUNT = 2000  # rows counted for a several-token match's total at most
TRIGRAM_FEW = 2000  # articles a trigram look-up may name for them to be the only candidates
_CHUNK = 4000
T = TypeVar("T")


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


class _FoldNeeds:
    """``needs_fold`` answers for one query, remembered per character (each text stores its
    own short set of fold-sensitive characters; the characters recur across texts)."""

    def __init__(self) -> None:
        self._known: dict[tuple[str, str], bool] = {}

    def __call__(self, sensitive: str, needle: str) -> bool:
        known = self._known
        for char in sensitive:
            answer = known.get((char, needle))
            if answer is None:
                answer = known[(char, needle)] = needs_fold(char, needle)
            if answer:
                return True
        return False


class _ArticleCheck:
    """Whether an article (title, fold-sensitive characters, UTF-8 text) satisfies the free
    text of a query, by the rule of :func:`briefing.core.query.matches`.

    :meth:`packed` first tries the start of the packed text: where every term can be judged
    on raw bytes, a group whose terms are all found there (and that excludes nothing) settles
    the row without unpacking the rest."""

    def __init__(self, query: Query) -> None:
        self.groups = [[(fold_for_search(t.text), t.negated) for t in g] for g in query.groups]
        needles = {needle for group in self.groups for needle, _ in group}
        self.raw = {needle: needle.encode() for needle in needles}
        self.bounded = {needle: has_word_boundary_rule(needle) for needle in needles}
        self.needs_fold = _FoldNeeds()

    def __call__(self, title: str, sensitive: str, data: bytes) -> bool:
        folded_title = fold_for_search(title)
        folded_text: str | None = None
        found: dict[str, bool] = {}

        def occurs(needle: str) -> bool:
            nonlocal folded_text
            if needle in found:
                return found[needle]
            if contains(folded_title, needle):
                found[needle] = True
                return True
            if not self.needs_fold(sensitive, needle):
                # The raw text holds the needle exactly where the folded one would.
                if self.raw[needle] not in data:
                    found[needle] = False
                    return False
                if not self.bounded[needle]:
                    found[needle] = True
                    return True
                found[needle] = first_raw_match(data.decode(), needle) >= 0
                return found[needle]
            if folded_text is None:
                folded_text = fold_for_search(data.decode())
            found[needle] = contains(folded_text, needle)
            return found[needle]

        return any(all(occurs(n) != negated for n, negated in g) for g in self.groups)

    def early(self, title: str, sensitive: str, packed: bytes) -> bool:
        """True if the start of the text alone shows that the row passes (False: unknown).
        Only groups that exclude nothing and whose terms can be judged on raw bytes count."""
        folded_title = fold_for_search(title)
        settling = []
        for group in self.groups:
            if any(negated for _, negated in group):
                continue
            rest = [n for n, _ in group if not contains(folded_title, n)]
            if not rest:
                return True  # the title alone holds the group
            if not any(self.needs_fold(sensitive, n) or self.bounded[n] for n in rest):
                settling.append(rest)
        if not settling:
            return False
        needles = [self.raw[n] for n in {n for group in settling for n in group}]
        start = unpack_through(packed, needles, after=0)[0].encode()
        return any(all(self.raw[n] in start for n in group) for group in settling)


def _first_span(
    text: str,
    needle: str,
    sensitive: str | None = None,
    needs: _FoldNeeds | None = None,
    before: int | None = None,
) -> tuple[int, int] | None:
    """First exact occurrence of a folded needle. Where folding cannot matter (see
    :func:`needs_fold`) and no word rule applies, a plain ``find`` gives it; otherwise the
    text is folded a chunk at a time so a match near the start costs little on a long
    article. Each chunk carries the character before it and an overlap after it, and only
    matches starting inside the chunk proper count, so a Latin word cut by a chunk edge is
    never taken for a whole word. ``sensitive`` None: the text's fold-sensitive characters
    are not known. ``before``: only a match starting before this offset is wanted (a match
    of another term starts there), so the folding stops at it."""
    if sensitive is not None and not (needs or needs_fold)(sensitive, needle):
        at = first_raw_match(text, needle)
        return (at, at + len(needle)) if at >= 0 else None
    overlap = 4 * len(needle) + 8
    stop = len(text) if before is None else min(len(text), before)
    for start in range(0, max(stop, 1), _CHUNK):
        lead = 1 if start else 0
        chunk = text[start - lead : start + _CHUNK + overlap]
        for span_start, span_end in find_spans(chunk, needle):
            if lead <= span_start < lead + _CHUNK:
                found = span_start + start - lead, span_end + start - lead
                return found if before is None or found[0] < before else None
        if start + _CHUNK >= stop:
            break
    return None


def _anchor(
    text: str, groups: list[list[str]], sensitive: str | None, needs: _FoldNeeds
) -> tuple[int, int] | None:
    """The earliest place in ``text`` where any wanted term occurs, for the snippet. Terms
    found without folding go first: a term that needs the text folded is then looked for
    only before the earliest match so far."""
    needles = sorted(
        {n for group in groups for n in group},
        key=lambda n: sensitive is None or needs(sensitive, n),
    )
    best: tuple[int, int] | None = None
    for needle in needles:
        span = _first_span(text, needle, sensitive, needs, best[0] if best else None)
        if span and (best is None or span < best):
            best = span
    return best


def _snippet(
    text: str, anchor: tuple[int, int] | None, groups: list[list[str]], length: int
) -> tuple[str, tuple]:
    """The snippet around ``anchor`` with its marks. ``text`` may be the start of a longer
    text of ``length`` characters that holds the anchor and the context after it."""
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
    suffix = "…" if end < length else ""
    shifted = tuple((s + len(prefix), e + len(prefix)) for s, e in merged)
    return prefix + window + suffix, shifted


def search(db: LibraryDatabase, text: str, limit: int = 20, offset: int = 0) -> SearchResults:
    """Run a query from the search box or the CLI: the ``limit`` best hits after the first
    ``offset`` (a page), and the totals of matching articles and highlights. Never raises on
    odd input: what cannot be used comes back as warnings."""
    limit, offset = max(1, int(limit)), max(0, int(offset))
    want = offset + limit  # the best of each kind that can land on this page
    query = parse_query(text)
    results = SearchResults(warnings=list(query.warnings), offset=offset)
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
        checked = not all(is_exact(t.text) for g in query.groups for t in g)
        terms = [t for g in query.groups for t in g]
        single = len(terms) == 1 and not terms[0].negated and not checked
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
        # Checking every candidate: only those holding the terms' trigrams (the filter costs
        # a pass over the trigram index, worth it only where ranking alone was not enough).
        trigrams = _trigram_filter(query)
        scan_filters = replace(filters, trigrams=trigrams)
        # A rare or absent longer term (統領土, whose bigrams are everywhere): its trigrams
        # name its few possible articles at once, so only those are ranked and checked.
        few = search_index.trigram_rows(db, trigrams, TRIGRAM_FEW) if checked and trigrams else None
        # Each hit with its text (an article's stays packed until its snippet is made).
        found: list[tuple[SearchHit, str | _StoredText]] = []
        if not (query.tags or query.has_note or query.orphaned) and few != []:
            article_check = _ArticleCheck(query) if checked else None
            best_articles, results.total_articles, exact = _collect(
                lambda n, within: search_index.match_articles(
                    db,
                    match,
                    exclude,
                    scan_filters if n is None else filters,
                    n,
                    within=few if within is None else within,
                ),
                lambda ids: _stored_articles(db, ids, article_check),
                lambda most: search_index.count_articles(db, match, exclude, filters, most),
                want,
                checked,
                single,
            )
            results.total_exact = exact
            found += [
                (SearchHit("article", i, i, stored.title, "", (), score), stored)
                for i, score, stored in best_articles
            ]
        best_highlights, results.total_highlights, exact = _collect(
            lambda n, within: search_index.match_highlights(
                db, match, exclude, filters, n, within=within
            ),
            lambda ids: _stored_highlights(db, ids, query if checked else None),
            lambda most: search_index.count_highlights(db, match, exclude, filters, most),
            want,
            checked,
            single,
        )
        results.total_exact = results.total_exact and exact
        found += [(_highlight_hit(item, score), item.quote) for _, score, item in best_highlights]
    # Ties keep one order from page to page: score, then kind, then id.
    found.sort(key=lambda item: (item[0].score, item[0].kind, item[0].id))
    needs = _FoldNeeds()
    # Snippets cost a look through the text: make them for the hits shown only.
    for hit, source in found[offset:want]:
        if isinstance(source, str):  # a highlight's quote
            anchor = _anchor(source, groups, None, needs)
            snippet, marks = _snippet(source, anchor, groups, len(source))
            span = hit.span
        else:
            text = source.text_for_snippet(groups, needs)
            anchor = _anchor(text, groups, source.sensitive, needs)
            snippet, marks = _snippet(text, anchor, groups, source.length)
            span = anchor
        results.hits.append(replace(hit, snippet=snippet, marks=marks, span=span))
    return results


def _trigram_filter(query: Query) -> str | None:
    """An ``article_tri`` MATCH that every article satisfying the query's free text satisfies:
    per group, the AND of its positive terms' trigram expressions, ORed over the groups; None
    when some group has no term with three CJK characters in a row (no filter)."""
    alternatives = []
    for group in query.groups:
        parts = [part for t in group if not t.negated and (part := trigram_match(t.text))]
        if not parts:
            return None
        alternatives.append("(" + " AND ".join(parts) + ")")
    return " OR ".join(alternatives) if alternatives else None


def _collect(
    rank: Callable[[int | None, Sequence[int] | None], list[tuple[int, float]]],
    load: Callable[[list[int]], dict[int, T]],
    count: Callable[[int | None], int],
    want: int,
    checked: bool,
    single: bool = False,
) -> tuple[list[tuple[int, float, T]], int, bool]:
    """The ``want`` best rows: ``(id, score, what load gave)``, best first; how many rows
    match in all; and whether that count is exact (else it is a lower bound).

    ``rank(n, within)`` gives the n best candidate ids with scores (all of them, unranked,
    for n None; only those ``within`` the given ids if not None); ``load(ids)`` gives the rows
    that pass the check, by id; ``count(most)`` counts the candidates, up to ``most`` if not
    None (FTS5 counts a match without reading its rows).

    When the index is exact for the query, one ranked page is the answer and the count is the
    total (``single``: the match is one index token, which FTS5 counts cheaply; else the count
    stops at ``EXACT_TOTAL_COUNT``). Otherwise the best candidates are checked a few at a
    time, in rank order. If they give ``want`` rows, the other candidates are checked too when
    they are few (``EXACT_TOTAL_CHECKS``), for an exact total; when they are many, the search
    stops and the total is a lower bound (checking every candidate of a common term costs
    seconds at 20,000 articles). If the best do not give ``want`` rows, every other candidate
    is checked, those that pass are ranked, and the total is exact. Ranking all candidates
    costs FTS5 one pass, so it is done at most twice, never page after page."""
    if not checked:
        ranked = rank(want, None)
        rows = load([i for i, _ in ranked])
        if len(ranked) < want:
            return [(i, score, rows[i]) for i, score in ranked if i in rows], len(ranked), True
        # FTS5 counts one token's rows from its doclist alone; several tokens must be matched
        # row by row, so that count stops at EXACT_TOTAL_COUNT (then a lower bound).
        total = count(None if single else EXACT_TOTAL_COUNT)
        exact = single or total < EXACT_TOTAL_COUNT
        return [(i, score, rows[i]) for i, score in ranked if i in rows], total, exact
    page = want * CHECKED_PAGE_FACTOR
    ranked = rank(page, None)
    passed: list[tuple[int, float, T]] = []
    checked_upto = 0
    while checked_upto < len(ranked):
        batch = ranked[checked_upto : checked_upto + want]
        checked_upto += len(batch)
        rows = load([i for i, _ in batch])
        passed += [(i, score, rows[i]) for i, score in batch if i in rows]
        if len(passed) >= want and len(ranked) == page:
            break
    if len(ranked) < page:
        return passed[:want], len(passed), True
    most = checked_upto + EXACT_TOTAL_CHECKS + 1
    if len(passed) >= want and count(most) >= most:
        return passed[:want], len(passed), False
    seen = {i for i, _ in ranked[:checked_upto]}
    rest = [i for i, _ in rank(None, None) if i not in seen]
    good = [i for i, _, _ in passed]
    for start in range(0, len(rest), SCAN_BATCH):
        good += list(load(rest[start : start + SCAN_BATCH]))
    if len(passed) >= want:
        return passed[:want], len(good), True
    ranked = rank(want, good)
    rows = load([i for i, _ in ranked])
    return [(i, score, rows[i]) for i, score in ranked if i in rows], len(good), True


@dataclass
class _StoredText:
    """An article as search read it: its text packed, unpacked when a check or a snippet
    needs it (``data``: the whole text as UTF-8, once unpacked)."""

    title: str
    sensitive: str  # its fold-sensitive characters
    packed: bytes
    length: int  # characters
    data: bytes | None = None

    def text_for_snippet(self, groups: list[list[str]], needs: _FoldNeeds) -> str:
        """The text, or only its start through the first match when that is enough: when
        folding cannot move a match (:func:`needs_fold`) and no word rule applies, the first
        raw occurrence is the first match."""
        if self.data is not None:
            return self.data.decode()
        needles = {n for group in groups for n in group}
        if needles and not any(
            needs(self.sensitive, n) or has_word_boundary_rule(n) for n in needles
        ):
            # Enough bytes after the match for the snippet's context (4 per character).
            after = 4 * SNIPPET_CONTEXT + 16
            return unpack_through(self.packed, [n.encode() for n in needles], after)[0]
        return unpack_bytes(self.packed).decode()


def _stored_articles(
    db: LibraryDatabase, ids: list[int], check: _ArticleCheck | None
) -> dict[int, _StoredText]:
    """The stored articles of ``ids`` that pass ``check`` (all, if None)."""
    if not ids:
        return {}
    rows = {}
    for article_id, title, sensitive, packed, length in article_store.stored_texts(db, ids):
        stored = _StoredText(title, sensitive, packed, length)
        if check is not None and not check.early(title, sensitive, packed):
            stored.data = unpack_bytes(packed)
            if not check(title, sensitive, stored.data):
                continue
        rows[article_id] = stored
    return rows


def _stored_highlights(db: LibraryDatabase, ids: list[int], check: Query | None) -> dict[int, Any]:
    """The highlights of ``ids`` whose quote or note satisfies ``check`` (all, if None)."""
    if not ids:
        return {}
    items = highlight_store.list_highlights(db, ids=ids)
    return {h.id: h for h in items if check is None or matches(check, h.quote, h.note)}


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


def query_terms(text: str) -> list[str]:
    """The words and phrases a query looks for (excluded ones left out), folded: what to mark
    in an opened article."""
    return sorted({n for group in _needles(parse_query(text)) for n in group})


def spans_in_text(text: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    """Every occurrence in ``text`` (canonical) of the folded ``terms``, as offsets into
    ``text``, in order; overlapping occurrences of different terms are merged into one."""
    spans = sorted(span for term in set(terms) if term for span in find_spans(text, term))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
