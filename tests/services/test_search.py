"""Search over the sample library: Japanese that works, filters, odd input, a true index."""

from __future__ import annotations

import pytest
from briefing.core.normalize import fold_for_search
from briefing.core.textindex import contains, is_searchable
from briefing.services import AddHighlight, Library
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


def hits(library: Library, query: str, limit: int = 200) -> set[tuple[str, int]]:
    return {(h.kind, h.id) for h in library.search(query, limit=limit).hits}


def oracle(library: Library, needle: str) -> set[tuple[str, int]]:
    """Everything that contains ``needle`` by brute force over every text."""
    folded = fold_for_search(needle)
    found = set()
    for summary in library.articles():
        article = library.article(summary.id)
        if folded in fold_for_search(article.text) or folded in fold_for_search(article.title):
            found.add(("article", article.id))
    for item in library.highlights():
        fields = [item.quote, item.note]
        if any(folded in fold_for_search(f) for f in fields):
            found.add(("highlight", item.id))
    return found


@pytest.mark.parametrize(
    "query",
    ["制裁", "北方", "領土", "停戦", "NSATU", "安全の保証", "影の船団", "日", "露", "72時間"],
)
def test_every_occurrence_and_nothing_else(sample_library: Library, query: str) -> None:
    expected = oracle(sample_library, query)
    assert expected, f"the sample library should contain {query}"
    assert hits(sample_library, query) == expected


def test_sanctions_tag_and_shadow_fleet(sample_library: Library) -> None:
    results = sample_library.search("tag:sanctions 影の船団").hits
    assert results and all(h.kind == "highlight" for h in results)
    assert all("影の船団" in h.snippet for h in results)
    assert hits(sample_library, "tag:制裁 影の船団") == hits(
        sample_library, "tag:sanctions 影の船団"
    )


def test_snippet_marks_the_match(sample_library: Library) -> None:
    hit = sample_library.search("二次制裁").hits[0]
    for start, end in hit.marks:
        assert fold_for_search(hit.snippet[start:end]) == "二次制裁"
    assert "【二次制裁】" in hit.marked_snippet()


def test_width_and_case_do_not_matter(sample_library: Library) -> None:
    assert (
        hits(sample_library, "ＮＡＴＯ")
        == hits(sample_library, "nato")
        == hits(sample_library, "NATO")
    )
    assert hits(sample_library, "ｳｸﾗｲﾅ") == hits(sample_library, "ウクライナ")


def test_phrase_exclusion_or(sample_library: Library) -> None:
    with_fleet = hits(sample_library, "制裁")
    without = hits(sample_library, "制裁 -影の船団")
    assert without < with_fleet
    assert hits(sample_library, "北方領土 OR NSATU") == hits(sample_library, "北方領土") | hits(
        sample_library, "NSATU"
    )
    assert hits(sample_library, '"安全の保証"') == hits(sample_library, "安全の保証")


def test_filters(sample_library: Library) -> None:
    noted = sample_library.search("has:note", limit=100).hits
    assert noted and all(h.note for h in noted)
    # Two tag filters mean both tags: a highlight with both is found, one with only one not.
    library = sample_library
    article_id = library.articles()[0].id
    both = AddHighlight(article_id, 0, 6, ("NSATU", "制裁"))  # an alias names the tag
    only = AddHighlight(article_id, 0, 8, ("NSATU",))
    library.execute(both)
    library.execute(only)
    found = hits(library, "tag:NSATU tag:sanctions")
    assert ("highlight", both.highlight_id) in found
    assert ("highlight", only.highlight_id) in hits(library, "tag:NSATU")
    assert ("highlight", only.highlight_id) not in found
    assert all(
        {"NSATU", "sanctions"} <= set(library.highlight(id_).tags)
        for kind, id_ in found
        if kind == "highlight"
    )
    assert sample_library.search("tag:nonexistent").warnings == ["no tag named “nonexistent”"]
    assert hits(sample_library, "from:2030-01-01 制裁") == set()


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced',
        "*",
        "(",
        "NEAR",
        "AND",
        "OR OR",
        "'; DROP TABLE articles; --",
        "\x00\x01\x1f",
        "制" * 10_000,
        "tag:",
        "from:notadate",
        "-",
        '""',
        "NOT",
    ],
)
def test_odd_input_gives_results_or_warnings_never_exceptions(
    sample_library: Library, query: str
) -> None:
    results = sample_library.search(query)
    if query in ("*", "(", "-", '""', "\x00\x01\x1f", "from:notadate", "制" * 10_000):
        assert results.warnings  # told why, in one line each
        assert all("\n" not in w for w in results.warnings)
    for hit in results.hits:
        assert hit.title and hit.snippet
    assert len(sample_library.articles()) == 5  # nothing dropped


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=60))
def test_fuzzed_queries_never_raise(sample_library: Library, query: str) -> None:
    sample_library.search(query)


def test_index_follows_changes_and_rebuild_answers_the_same(sample_library: Library) -> None:
    library = sample_library
    article_id = library.articles()[0].id
    start = library.locate_quote(article_id, library.article(article_id).text[:6])
    command = AddHighlight(article_id, start, start + 6, ("NSATU",), note="独自のメモ語彙")
    library.execute(command)
    assert ("highlight", command.highlight_id) in hits(library, "独自のメモ語彙")
    queries = ["制裁", "北方領土", "tag:NSATU", "has:note", "NATO 日本", "-制裁", "露", "メモ"]
    live = {q: hits(library, q) for q in queries}
    library.reindex()
    assert {q: hits(library, q) for q in queries} == live
    library.undo()
    assert ("highlight", command.highlight_id) not in hits(library, "独自のメモ語彙")


def test_date_filters_use_the_analysts_local_days(sample_library: Library, monkeypatch) -> None:
    import time
    from datetime import date

    from briefing.store import highlights as highlight_store
    from briefing.store.db import write_transaction

    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    try:
        item = sample_library.highlights(tags_all=["sanctions"])[0]
        with write_transaction(sample_library.db):  # 07:00 on 2 March in Tokyo
            highlight_store.update_highlight(
                sample_library.db, item.id, created_at="2025-03-01T22:00:00.000000+00:00"
            )
        found = hits(sample_library, "tag:sanctions from:2025-03-02 to:2025-03-02")
        assert found == {("highlight", item.id)}
        assert hits(sample_library, "tag:sanctions to:2025-03-01") == set()
        day = date(2025, 3, 2)
        assert [h.id for h in sample_library.highlights(since=day, until=day)] == [item.id]
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_first_match_is_exact_across_chunk_edges() -> None:
    from briefing.services.search import _CHUNK, _first_span

    for cut in range(_CHUNK - 4, _CHUNK + 24):  # "europe" straddling a chunk edge
        text = "x" * cut + " europe " + "y" * 900 + " eu " + "z" * 10
        expected = text.index(" eu ") + 1
        assert _first_span(text, "eu") == (expected, expected + 2)


def _texts(library: Library, kind: str, item_id: int) -> str:
    if kind == "article":
        article = library.article(item_id)
        return f"{article.title}\n{article.text}"
    item = library.highlight(item_id)
    return f"{item.quote}\n{item.note}"


def _import_texts(library: Library, texts: list[str]) -> list[int]:
    from briefing.core.model import ArticleDraft
    from briefing.services.importing import import_draft

    return [
        import_draft(
            library.db, ArticleDraft(title=f"記事{n}", body=text, origin=f"{n}.md")
        ).article_id
        for n, text in enumerate(texts)
    ]


def test_a_term_whose_pieces_are_everywhere_is_answered_exactly(library: Library) -> None:
    # 200 decoys hold the bigrams (統領, 領土) and even the trigrams (統領土, 領土問) of
    # 統領土問 apart; three articles hold it. Far more candidates than one checked page.
    decoys = [f"大統領と北方領土の話{n}。統領土と領土問題。" for n in range(200)]
    wanted = _import_texts(library, [*decoys, "大統領土問題A。", "統領土問B。", "X統領土問"])[200:]
    for limit in (1, 2, 3, 50):
        results = library.search("統領土問", limit=limit)
        assert not results.warnings  # nothing gives up
        assert len(results.hits) == min(limit, 3)
        assert {h.id for h in results.hits} <= set(wanted)
    assert {h.id for h in library.search("統領土問", limit=50).hits} == set(wanted)
    absent = library.search("統領土問題X", limit=50)
    assert absent.hits == [] and not absent.warnings
    # Mixed with an exclusion and an OR: still exactly the substring answer.
    assert {h.id for h in library.search("統領土問 -題A", limit=50).hits} == set(wanted[1:])
    assert {h.id for h in library.search("統領土問B OR 統領土問題", limit=50).hits} == set(
        wanted[:2]
    )


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_longer_terms_equal_a_substring_scan(sample_library: Library, data: st.DataObject) -> None:
    # Terms cut from the articles (present) or made of their characters (mostly absent).
    texts = [sample_library.article(a.id).text for a in sample_library.articles()]
    text = data.draw(st.sampled_from(texts))
    start = data.draw(st.integers(0, len(text) - 6))
    cut = text[start : start + data.draw(st.integers(3, 6))]
    term = data.draw(st.one_of(st.just(cut), st.text(st.sampled_from(cut), min_size=3)))
    if term != " ".join(term.split()) or not is_searchable(term) or '"' in term:
        return
    results = sample_library.search(f'"{term}"', limit=500)
    assert not any("checked" in w for w in results.warnings)
    # The oracle with the word rule: a Latin word ending the term shorter than three
    # letters matches whole words only ("…とN" does not find "…とNATO").
    expected = {
        (kind, i)
        for kind, i in oracle(sample_library, term)
        if contains(fold_for_search(_texts(sample_library, kind, i)), fold_for_search(term))
    }
    assert {(h.kind, h.id) for h in results.hits} == expected


@pytest.mark.parametrize("query", ["制裁", "安全の保証", "日", "制裁 -影の船団", "NATO OR 停戦"])
def test_totals_count_every_match_and_pages_join_up(sample_library: Library, query: str) -> None:
    """The totals are the whole answer's, whatever the page; pages joined are one answer."""
    whole = sample_library.search(query, limit=10_000)
    kinds = [h.kind for h in whole.hits]
    assert whole.total_articles == kinds.count("article")
    assert whole.total_highlights == kinds.count("highlight")
    if " " not in query:
        assert {(h.kind, h.id) for h in whole.hits} == oracle(sample_library, query)
    joined = []
    for offset in range(0, whole.total, 2):
        page = sample_library.search(query, limit=2, offset=offset)
        assert (page.total_articles, page.total_highlights) == (
            whole.total_articles,
            whole.total_highlights,
        )
        assert page.remaining == max(0, whole.total - offset - 2)
        joined += [(h.kind, h.id) for h in page.hits]
    assert joined == [(h.kind, h.id) for h in whole.hits]
    first = sample_library.search(query, limit=1)
    assert first.total == whole.total and len(first.hits) == 1


def test_totals_when_candidates_outnumber_the_checked_page(library: Library, tmp_path) -> None:
    """More candidates than the first checked page (five times the page): the total still
    counts every article that holds the term, and none whose bigrams only occur apart."""
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(30):
        # Every third article holds 安全保障 whole; the others hold its pieces apart.
        body = "安全保障の議論。" if n % 3 == 0 else "安全について。保障について。"
        (folder / f"a{n:02}.md").write_text(
            f"---\ntitle: 記事{n}\n---\n\n{body}第{n}号。\n", encoding="utf-8"
        )
    library.import_paths([folder])
    for limit in (1, 2, 50):
        results = library.search("安全保障", limit=limit)
        assert results.total_articles == 10
        assert len(results.hits) == min(limit, 10)
        assert all("安全保障" in h.snippet for h in results.hits)


def test_a_common_checked_term_stops_at_the_page_with_a_lower_bound(library: Library) -> None:
    # More candidates than the checked page and the exact-total allowance: the page is right
    # and the total is flagged as "at least"; asking for all of them gives the exact count.
    from briefing.services.search import CHECKED_PAGE_FACTOR, EXACT_TOTAL_CHECKS

    count = 2 * CHECKED_PAGE_FACTOR + EXACT_TOTAL_CHECKS + 20
    _import_texts(library, [f"安全保障の議論{n}。" for n in range(count)])
    page = library.search("安全保障", limit=2)
    assert len(page.hits) == 2 and all("安全保障" in h.snippet for h in page.hits)
    assert not page.total_exact and 2 <= page.total_articles <= count
    whole = library.search("安全保障", limit=count)
    assert whole.total_exact and whole.total_articles == count == len(whole.hits)


def test_query_terms_and_every_span_in_a_text() -> None:
    from briefing.services.search import query_terms, spans_in_text

    assert query_terms('制裁 -影の船団 OR "安全の保証" tag:x') == ["制裁", "安全の保証"]
    text = "対露制裁と二次制裁。ＮＡＴＯとnato。"
    assert spans_in_text(text, ["制裁"]) == [(2, 4), (7, 9)]
    assert spans_in_text(text, [fold_for_search("NATO")]) == [(10, 14), (15, 19)]
    # Overlapping matches of two terms are one span; none for nothing to find.
    assert spans_in_text(text, ["二次制裁", "制裁"]) == [(2, 4), (5, 9)]
    assert spans_in_text(text, []) == []


def test_the_snippet_anchors_on_the_earliest_term_whichever_needs_folding() -> None:
    from briefing.core.textindex import fold_sensitive
    from briefing.services.search import _anchor, _FoldNeeds

    for text, expected in [
        ("前文。NATOの拡大と加盟の議論。" + "x" * 9000 + "加盟", (3, 7)),
        ("加盟の議論。" + "y" * 9000 + "NATOの拡大", (0, 2)),
        ("z" * 9000 + " ＮＡＴＯ。" + "w" * 50 + "加盟", (9001, 9005)),
    ]:
        groups = [["nato", "加盟"]]
        assert _anchor(text, groups, fold_sensitive(text), _FoldNeeds()) == expected
        assert _anchor(text, groups, None, _FoldNeeds()) == expected
