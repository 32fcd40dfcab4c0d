"""Search reads as little of a text as it can and stays exact: a term found in the raw text
with a few characters replaced by their folds, an index-exact term taken from the index, a
snippet made from the start of a text."""

from __future__ import annotations

from briefing.core.model import ArticleDraft
from briefing.core.normalize import fold_for_search
from briefing.core.query import parse_query
from briefing.core.textindex import (
    contains,
    find_spans,
    first_raw_match,
    fold_sensitive,
    one_char_folds,
)
from briefing.services import Library
from briefing.services.importing import import_draft
from briefing.services.search import _anchor, _FoldNeeds
from briefing.services.search_snippets import _needles, _snippet, replace_folds
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# Characters whose folds are one character (capitals, full-width forms, the Kelvin sign),
# several (㍻ 平成, ﬁ fi, ß ss), or a voicing mark (ｶﾞ), beside text that folds to itself.
TRAPS = "ＮＡＴＯNatoNATO\u212a㍻平成ﬁfiß ssｶﾞガカ\u3099①1制裁加盟の、。"


def test_one_char_folds_names_the_characters_to_replace_or_refuses() -> None:
    assert one_char_folds(fold_sensitive("ＮＡＴＯとNATO"), "nato") == tuple(
        (c, fold_for_search(c)) for c in "ANOTＡＮＯＴ"
    )
    # Characters that cannot make the needle are left alone.
    assert one_char_folds(fold_sensitive("NATOと㍻"), "制裁") == ()
    # One folding to two characters, or to a voicing mark, means folding the whole text.
    assert one_char_folds(fold_sensitive("㍻"), "平成") is None
    assert one_char_folds(fold_sensitive("ｶﾞ"), "ガ") is None


_NEEDS = _FoldNeeds()  # one memo across the examples, as across a search's rows


@settings(max_examples=800, deadline=None)
@given(
    st.text(st.sampled_from(TRAPS), max_size=50),
    st.text(st.sampled_from(TRAPS), min_size=1, max_size=4),
)
def test_the_raw_text_with_one_char_folds_answers_as_the_folded_text(text: str, term: str) -> None:
    needle = fold_for_search(term)
    folds = one_char_folds(fold_sensitive(text), needle) if needle.strip() else None
    # The search's per-query memo (per character, then per set) gives the same answer.
    assert _NEEDS.folds(fold_sensitive(text), needle) == one_char_folds(
        fold_sensitive(text), needle
    )
    if folds is None:
        return
    haystack = replace_folds(text, folds)
    assert len(haystack) == len(text)
    spans = find_spans(text, needle)
    assert first_raw_match(text, needle, haystack) == (spans[0][0] if spans else -1)
    # The check's byte test: the needle in the replaced UTF-8 iff in the folded text (before
    # the word rule, which needs the characters around).
    data = text.encode()
    for char, folded in folds:
        data = data.replace(char.encode(), folded.encode())
    assert (needle.encode() in data) == (needle in fold_for_search(text))


def _import(library: Library, texts: list[str]) -> list[int]:
    return [
        import_draft(
            library.db, ArticleDraft(title=f"記事{n}", body=text, origin=f"{n}.md")
        ).article_id
        for n, text in enumerate(texts)
    ]


def _holds(query: str, *texts: str) -> bool:
    """Whether an article of these title and text satisfies ``query``, by folding them."""
    folded = [fold_for_search(text) for text in texts]

    def occurs(term: str) -> bool:
        return any(contains(f, fold_for_search(term)) for f in folded)

    groups = parse_query(query).groups
    return any(all(occurs(t.text) != t.negated for t in g) for g in groups)


def _scan(library: Library, query: str) -> set[int]:
    """The articles that satisfy ``query`` by folding every text (the check's rule)."""
    articles = [library.article(summary.id) for summary in library.articles()]
    return {a.id for a in articles if _holds(query, a.title, a.text)}


def test_an_index_exact_term_is_taken_from_the_index_in_one_group_only(library: Library) -> None:
    # The second article is a candidate through the second group (影の船, 船団 and NATO are
    # there), yet holds neither group: 制裁 is missing from the first, 影の船団 from the second.
    # Only in a one-group query does every candidate hold the group's one-token terms.
    ids = _import(
        library,
        ["制裁と北方領土の話。", "北方領土の話。影の船と船団。NATOの会議。", "影の船団とNATO。"],
    )
    for query in [
        "制裁 北方領土 OR 影の船団 NATO",
        "北方領土 制裁",
        "制裁 -影の船団",
        "NATO -影の船団",
    ]:
        found = {h.id for h in library.search(query, limit=50).hits if h.kind == "article"}
        assert found == _scan(library, query), query
    assert {h.id for h in library.search("制裁 北方領土 OR 影の船団 NATO").hits} == {
        ids[0],
        ids[2],
    }


FILLER = ["あいうえお" * 40, "制裁の話。", "NATO", "ＮＡＴＯ", "nato", "加盟", "NATOs", "\n", "ｶﾞ"]


QUERIES = ["NATO 加盟", "加盟 NATO", "制裁 OR nato", "加盟の OR 制裁"]


def _snippets_are_those_of_the_whole_text(
    library: Library, text: str, queries: list[str] = QUERIES
) -> None:
    (article_id,) = _import(library, [text])
    text = library.article(article_id).text  # canonical
    for query in queries:
        groups = _needles(parse_query(query))
        hits = library.search(query, limit=1000).hits
        hit = next((h for h in hits if h.kind == "article" and h.id == article_id), None)
        if not _holds(query, "記事0", text):
            assert hit is None, query
            continue
        assert hit is not None, query
        anchor = _anchor(text, groups, None, _FoldNeeds())
        assert (hit.snippet, hit.marks) == _snippet(text, anchor, groups, len(text)), query
        assert hit.span == anchor


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(FILLER), min_size=1, max_size=60))
def test_a_snippet_from_the_start_of_a_text_is_the_snippet_of_the_whole(
    library: Library, pieces: list[str]
) -> None:
    _snippets_are_those_of_the_whole_text(library, "前文。" + "".join(pieces))


def test_a_match_at_the_end_of_a_read_block_keeps_its_context(library: Library) -> None:
    # Texts are unpacked 8 KB at a time: a match that ends right at the end of such a block
    # still gets the context after it (and a term before it needing folding is still seen,
    # even a long one that holds the first match of another).
    long = "NATO加盟" + "その後の議論" * 12
    rest = "。その後の議論。" * 20
    for skip in range(2600, 2735):
        if skip % 3 == 0:
            _snippets_are_those_of_the_whole_text(library, "あ" * skip + "加盟" + rest)
            _snippets_are_those_of_the_whole_text(library, "あ" * skip + "NATO加盟" + rest)
        _snippets_are_those_of_the_whole_text(
            library, "あ" * skip + long + rest, [f'加盟 OR "{long}"']
        )
