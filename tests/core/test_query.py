"""The query language: parsing, the FTS5 expressions it yields, and a real FTS5 round trip."""

from __future__ import annotations

import sqlite3
from datetime import date
from functools import cache

import pytest
from briefing.core.normalize import fold_for_search
from briefing.core.query import (
    Query,
    Term,
    exclusion_expression,
    match_expression,
    matches,
    negated_terms,
    parse_query,
)
from briefing.core.textindex import index_tokens, is_exact
from hypothesis import given, settings
from hypothesis import strategies as st

# Paragraphs from /work/shared/seeds, plus two written for the edge cases.
DOCS = (
    "2025年8月19日、北大西洋条約機構(NATO)事務総長ルッテ氏は米メディアのインタビューにて、"
    "ウクライナへの「安全の保証」を構築する取り組みに日本を含む約30カ国が関与している。",
    "NATOの対ウクライナ支援調整メカニズム「NATO対ウクライナ安全保障支援・訓練組織(NSATU)」"
    "への日本の参加である。",
    "経済関係においては、対露制裁と同様に、EU 諸国と歩調を合わせていくべきである。金融、"
    "エネルギー及び技術移転に関する制裁に関して、日本が「抜け穴」になる事態は避けねばならない。",
    "ロシア・ウクライナ戦争が各方面にもたらした影響はすでに甚大であり、北大西洋条約機構（NATO）"
    "とロシアの対立構図である。",
    "ビットコインが約1年3カ月ぶりの安値となる7万2000ドル台に急落しました。",
    "為替は1ドル=150円で推移。ﾛｼｱ産ｶﾞｽの輸入。",
    "The EU agreed new sanctions on Russia; US officials said the sanction regime works.",
)
ALL = set(range(len(DOCS)))


def words(query: Query) -> list[list[tuple[str, bool]]]:
    """The groups as (text, negated) pairs: short to compare."""
    return [[(term.text, term.negated) for term in group] for group in query.groups]


# --- Parsing -----------------------------------------------------------------------------


def test_words_are_anded_in_one_group() -> None:
    query = parse_query("制裁　NATO  ロシア")  # U+3000 separates too
    assert words(query) == [[("制裁", False), ("NATO", False), ("ロシア", False)]]
    assert query.warnings == ()


def test_or_binds_looser_than_adjacency() -> None:
    assert words(parse_query("a b OR c")) == [[("a", False), ("b", False)], [("c", False)]]
    assert words(parse_query("a ＯＲ c")) == [[("a", False)], [("c", False)]]
    assert words(parse_query("a or c")) == [[("a", False), ("or", False), ("c", False)]]


def test_and_is_a_no_op_and_quoted_operators_are_words() -> None:
    assert words(parse_query("a AND b")) == [[("a", False), ("b", False)]]
    assert words(parse_query('"OR" "AND"')) == [[("OR", False), ("AND", False)]]


def test_phrases_keep_their_spaces_and_flag() -> None:
    query = parse_query('"安全の保証" "Northern   Territories" “curly quotes”')
    assert [(t.text, t.phrase) for t in query.groups[0]] == [
        ("安全の保証", True),
        ("Northern Territories", True),
        ("curly quotes", True),
    ]


def test_unclosed_quote_runs_to_the_end_with_a_warning() -> None:
    query = parse_query('制裁 "安全の 保証')
    assert words(query) == [[("制裁", False), ("安全の 保証", False)]]
    assert query.groups[0][1].phrase
    assert len(query.warnings) == 1 and "quote" in query.warnings[0]


def test_exclusions_apply_to_the_whole_query() -> None:
    assert words(parse_query("a OR b -c")) == [
        [("a", False), ("c", True)],
        [("b", False), ("c", True)],
    ]
    assert words(parse_query("NOT 制裁 ロシア")) == [[("ロシア", False), ("制裁", True)]]
    assert words(parse_query('-"安全の 保証" x')) == [[("x", False), ("安全の 保証", True)]]


def test_query_of_exclusions_only() -> None:
    query = parse_query("-制裁 -NATO")
    assert words(query) == [[("制裁", True), ("NATO", True)]]
    assert match_expression(query) is None
    assert negated_terms(query) == (Term("制裁", False, True), Term("NATO", False, True))
    assert exclusion_expression(query) == '"制裁" OR "nato"*'


def test_dangling_operators_are_dropped_with_warnings() -> None:
    for text in ("OR a", "a OR", "a OR OR b", "a OR -b"):
        query = parse_query(text)
        assert query.groups and query.warnings, text
    assert words(parse_query("a OR -b")) == [[("a", False), ("b", True)]]
    query = parse_query("a NOT")
    assert words(query) == [[("a", False)]] and "NOT" in query.warnings[0]
    query = parse_query("NOT tag:x a")
    assert query.tags == ("x",) and words(query) == [[("a", False)]] and query.warnings


def test_bare_words_lose_outer_punctuation() -> None:
    query = parse_query("nato, (制裁) sanc* U.S.")
    assert [t.text for t in query.groups[0]] == ["nato", "制裁", "sanc", "U.S"]
    assert parse_query('"(制裁)"').groups[0][0].text == "(制裁)"


def test_unsearchable_words_are_dropped() -> None:
    query = parse_query('* ( ) - -- "" ・')
    assert query.groups == () and query.is_empty()
    assert len(query.warnings) == 7


def test_filters() -> None:
    query = parse_query(
        'TAG:ロシア Tag："Northern Territories" tag:ロシア source:NHK has:NOTE is:orphaned 制裁'
    )
    assert query.tags == ("ロシア", "Northern Territories")
    assert query.sources == ("NHK",)
    assert query.has_note and query.orphaned
    assert words(query) == [[("制裁", False)]]
    assert query.warnings == ()


def test_filter_problems_warn() -> None:
    query = parse_query("tag: has:foo is:read -tag:x from:2025-13-01 to:yesterday")
    assert query.is_empty()
    assert len(query.warnings) == 6


def test_unknown_key_is_searched_as_text() -> None:
    query = parse_query("https://nato.int foo:bar 10:30")
    assert [t.text for t in query.groups[0]] == ["https://nato.int", "foo:bar", "10:30"]
    assert len(query.warnings) == 2


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("from:2025-08-01 to:2025-08-31", date(2025, 8, 1), date(2025, 8, 31)),
        ("from:2025/8/1 to:20250831", date(2025, 8, 1), date(2025, 8, 31)),
        ("from:2025-08 to:2025-08", date(2025, 8, 1), date(2025, 8, 31)),
        ("from:2024-02 to:2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("from:2025年8月1日 to:2025年9月", date(2025, 8, 1), date(2025, 9, 30)),
        ("FROM：２０２５－０８－０１", date(2025, 8, 1), None),
        ("to:2025", None, date(2025, 12, 31)),
    ],
)
def test_dates(text: str, start: date | None, end: date | None) -> None:
    query = parse_query(text)
    assert (query.date_from, query.date_to) == (start, end)
    assert query.warnings == ()
    assert not query.is_empty()


def test_dates_in_the_wrong_order_are_swapped() -> None:
    query = parse_query("from:2025-09 to:2025-08")
    assert (query.date_from, query.date_to) == (date(2025, 8, 1), date(2025, 9, 30))
    assert query.warnings


def test_long_input_is_cut() -> None:
    query = parse_query("制裁 " * 5000)  # the cut falls after the 制 of the 334th 制裁
    assert words(query) == [[("制裁", False), ("制", False)]]
    assert query.warnings == ("Query cut to its first 1000 characters.",)
    assert parse_query("x" * 20, max_length=10).groups[0][0].text == "x" * 10


def test_hostile_input_is_just_text() -> None:
    query = parse_query("'; DROP TABLE articles; -- \x00\x07NEAR(a b) col:x ^y")
    assert [t.text for t in query.groups[0]] == [
        "DROP",
        "TABLE",
        "articles",
        "NEAR(a",
        "b",
        "col:x",
        "y",
    ]
    expression = match_expression(query)
    assert expression is not None
    fts_rows(expression)


def test_is_empty() -> None:
    assert parse_query("").is_empty()
    assert parse_query("   \u3000 ").is_empty()
    assert not parse_query("has:note").is_empty()
    assert not parse_query("-x").is_empty()


# --- Expressions -------------------------------------------------------------------------


def test_match_expression_shapes() -> None:
    assert match_expression(parse_query("制裁")) == '("制裁")'
    assert (
        match_expression(parse_query("対露制裁 NATO"))
        == '(("対露" AND "露制" AND "制裁") AND "nato"*)'
    )
    assert match_expression(parse_query("a OR b -c")) == '(("a") NOT ("c")) OR (("b") NOT ("c"))'
    assert match_expression(parse_query("tag:x from:2025")) is None


def test_inexact_exclusions_are_left_to_matches() -> None:
    # FTS5 cannot tell 安全の 保証 from 安全の、保証; excluding by FTS would drop too much.
    query = parse_query('NATO -"安全の 保証"')
    assert match_expression(query) == '("nato"*)'
    assert exclusion_expression(query) is None
    assert matches(query, "NATO 安全の、保証")
    assert not matches(query, "NATO 安全の 保証")


def test_matches_looks_in_every_text() -> None:
    query = parse_query("制裁 NATO")
    assert matches(query, "対露制裁", "NATO")
    assert not matches(query, "対露制裁", "NSATU")
    assert matches(parse_query("tag:x"), "anything")


# --- Real FTS5 round trip ----------------------------------------------------------------


@cache
def _table() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE VIRTUAL TABLE t USING fts5("
        'body, detail=column, tokenize="unicode61 remove_diacritics 0")'
    )
    db.executemany(
        "INSERT INTO t (rowid, body) VALUES (?, ?)",
        [(i, index_tokens(text)) for i, text in enumerate(DOCS)],
    )
    return db


def fts_rows(expression: str) -> set[int]:
    return {row[0] for row in _table().execute("SELECT rowid FROM t WHERE t MATCH ?", [expression])}


def candidates(query: Query) -> set[int]:
    """What the store would fetch before verifying: the match, minus the sure exclusions."""
    match, exclude = match_expression(query), exclusion_expression(query)
    rows = fts_rows(match) if match else set(ALL)
    return rows - fts_rows(exclude) if exclude else rows


def brute_force(query: Query) -> set[int]:
    """Rows where the query holds by plain substring search of the folded texts."""

    def holds(text: str) -> bool:
        folded = fold_for_search(text)
        return any(
            all((fold_for_search(term.text) in folded) != term.negated for term in group)
            for group in query.groups
        )

    return {i for i, text in enumerate(DOCS) if holds(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("制裁", {2}),
        ("制", {2}),
        ("裁", {2}),
        ("ル", {0, 2, 4, 5}),  # ルッテ, エネルギー, ドル台, and ドル= where ル ends the run
        ("対露制裁", {2}),
        ("ＮＡＴＯ", {0, 1, 3}),
        ("ﾛｼｱ", {3, 5}),
        ("NSATU 参加", {1}),
        ('"安全の保証"', {0}),
        ("-制裁", ALL - {2}),
        ("NSATU OR ビットコイン", {1, 4}),
        ("ウクライナ -NATO", set()),
        ("ドル OR 制裁 -ビットコイン", {2, 5}),
        ("sanctions OR 日本 -露", {0, 1, 6}),
    ],
)
def test_fts_round_trip_matches_brute_force(text: str, expected: set[int]) -> None:
    query = parse_query(text)
    assert brute_force(query) == expected
    assert candidates(query) >= expected  # never a miss
    if all(is_exact(t.text) for group in query.groups for t in group):
        assert candidates(query) == expected  # and for one-token terms, nothing extra
    assert {i for i in candidates(query) if matches(query, DOCS[i])} == expected


SYNTAX = st.sampled_from(
    [
        " ", "\u3000", '"', "＂", "-", "OR", "AND", "NOT", "NEAR", "NEAR(", "*", "(", ")", "^",
        ":", "：", "+", "'", ";", "--", "tag:", "from:", "to:2025-02-30", "has:", "is:", "col:",
        "'; DROP TABLE articles; --", "\x00", "\n", "\\", "制裁", "ﾛｼｱ", "NATO", "ル", "々",
    ]
)  # fmt: skip
PIECES = st.one_of(SYNTAX, st.text(max_size=8), st.sampled_from(DOCS).map(lambda d: d[3:7]))


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=12).map(" ".join) | st.text())
def test_any_input_gives_a_valid_expression_and_no_false_negatives(text: str) -> None:
    query = parse_query(text, max_length=200)
    assert isinstance(query, Query)
    for expression in (match_expression(query), exclusion_expression(query)):
        if expression is not None:
            fts_rows(expression)  # an sqlite3.OperationalError fails the test
    if query.groups:
        verified = {i for i in ALL if matches(query, DOCS[i])}
        assert verified <= candidates(query)


def test_a_pasted_page_is_a_valid_expression() -> None:
    text = " OR ".join(DOCS) + " " + " ".join(f"-w{i}" for i in range(400))
    query = parse_query(text, max_length=10_000)
    expression = match_expression(query)
    assert expression is not None and len(query.groups) == len(DOCS)
    assert fts_rows(expression) == ALL
