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
(:func:`~briefing.core.textindex.needs_fold`), or only such characters that fold to one each
(capitals, full-width letters: :func:`~briefing.core.textindex.one_char_folds`), which are
replaced first. In a query of one AND-group, a term of one index token needs no check: every
candidate holds it.

This module runs a query (:func:`search`) and holds its budget; the parts live beside it:
:mod:`~briefing.services.search_hits` (what comes back), :mod:`~briefing.services.search_ranking`
(which candidates to rank and check), :mod:`~briefing.services.search_check` (checking them
against their texts) and :mod:`~briefing.services.search_snippets` (matches and snippets).
"""

from __future__ import annotations

from dataclasses import replace

from briefing.core.query import Query, exclusion_expression, match_expression, parse_query
from briefing.core.textindex import is_exact, trigram_match
from briefing.services.days import day_end, day_start
from briefing.services.search_check import (
    _ArticleCheck,
    _stored_articles,
    _stored_highlights,
    _StoredText,
)
from briefing.services.search_hits import SearchHit, SearchResults, _highlight_hit
from briefing.services.search_ranking import Budget, _collect
from briefing.services.search_snippets import (
    _CHUNK,
    SNIPPET_CONTEXT,
    _anchor,
    _first_span,
    _FoldNeeds,
    _needles,
    _snippet,
    query_terms,
    spans_in_text,
)
from briefing.store import LibraryDatabase, search_index
from briefing.store import tags as tag_store
from briefing.store.db import reading

# The names other modules and tests use, whichever module of the search defines them.
__all__ = [
    "CHECKED_PAGE_FACTOR",
    "EXACT_TOTAL_CHECKS",
    "SNIPPET_CONTEXT",
    "_CHUNK",
    "SearchHit",
    "SearchResults",
    "_FoldNeeds",
    "_anchor",
    "_first_span",
    "query_terms",
    "search",
    "spans_in_text",
]

CHECKED_PAGE_FACTOR = 5  # best-ranked candidates checked before checking all of them
SCAN_BATCH = 400  # candidates whose texts are read at once when checking all of them
# After the best page, more candidates than this are not checked just to count them: the
# total is then a lower bound (SearchResults.total_exact is False).
EXACT_TOTAL_CHECKS = 200
EXACT_TOTAL_COUNT = 2000  # rows counted for a several-token match's total at most
TRIGRAM_FEW = 2000  # articles a trigram look-up may name for them to be the only candidates


def _budget() -> Budget:
    """The budget as this module's constants say now (read at each search, so that a caller
    or a test that changes them is heeded)."""
    return Budget(CHECKED_PAGE_FACTOR, EXACT_TOTAL_CHECKS, EXACT_TOTAL_COUNT, SCAN_BATCH)


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
    budget = _budget()
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
                budget=budget,
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
            budget=budget,
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
