"""Index tokens, term expressions and spans, checked against a real SQLite FTS5 table.

The oracle is plain Python: a row should be found exactly when ``find_spans`` finds the
folded term in its text, and ``find_spans`` itself is checked against ``str.find``.
"""

from __future__ import annotations

import re
import sqlite3
from functools import cache

import pytest
from briefing.core.normalize import fold_for_search
from briefing.core.textindex import (
    _TOKEN_RE,
    contains,
    find_spans,
    first_raw_match,
    fold_sensitive,
    fold_stable_run,
    has_word_boundary_rule,
    index_tokens,
    is_exact,
    is_searchable,
    needs_fold,
    term_match,
)
from hypothesis import given, settings
from hypothesis import strategies as st

# Paragraphs from /work/shared/seeds, plus two written for the edge cases.
DOCS = (
    "2025年8月19日、北大西洋条約機構(NATO)事務総長ルッテ氏は米メディアのインタビューにて、"
    "ウクライナへの「安全の保証」を構築する取り組みに日本を含む約30カ国が関与していることを"
    "明らかにしました。",
    "検討を求めたいのは、NATOの対ウクライナ支援調整メカニズム「NATO対ウクライナ安全保障支援・"
    "訓練組織(NSATU)」への日本の参加である。2025年4月に当時の中谷元防衛大臣が既に、ルッテNATO"
    "事務総長に検討の意向を表明しており、この方針を高市政権もぜひ引き継ぐべきである。",
    "経済関係においては、対露制裁と同様に、EU 諸国と歩調を合わせていくべきである。金融、"
    "エネルギー及び技術移転に関する制裁に関して、日本が「抜け穴」になる事態は避けねばならない。",
    "ロシア・ウクライナ戦争が各方面にもたらした影響はすでに甚大であり、論点も多岐にわたるが、"
    "この間、とりわけ注目されたのが北大西洋条約機構（NATO）とロシアの対立構図である。"
    "プーチン（Vladimir Putin）大統領に攻撃の手を緩める気配はなく、",
    "ビットコインが約1年3カ月ぶりの安値となる7万2000ドル台に急落しました。米ハイテク株の売りが"
    "暗号資産市場に波及した背景と、MicroStrategyの含み損問題について解説します。",
    "為替は1ドル=150円で推移。ﾛｼｱ産ｶﾞｽの輸入は々の字と〆切、ヽヾゝゞも含む。",
    "The EU agreed new sanctions on Russia; NATO's secretary-general urged allies to use "
    "every tool, and US officials said the sanction regime works. Ｆｕｌｌ-width ＵＳ too.",
)


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


def oracle_rows(term: str) -> set[int]:
    needle = fold_for_search(term)
    return {i for i, text in enumerate(DOCS) if find_spans(text, needle)}


def substring_rows(term: str) -> set[int]:
    needle = fold_for_search(term)
    return {i for i, text in enumerate(DOCS) if needle in fold_for_search(text)}


def test_cjk_runs_become_bigrams_and_a_final_unigram() -> None:
    assert index_tokens("対露制裁") == "対露 露制 制裁 裁"
    assert index_tokens("円") == "円"
    assert index_tokens("1ドル=150円") == "1 ドル ル 150 円"


def test_latin_words_fold_and_punctuation_separates() -> None:
    assert index_tokens("NATO's Ｕ.Ｓ. MicroStrategy!") == "nato s u s microstrategy"
    assert index_tokens("（NATO）と、") == "nato と"
    assert index_tokens("snake_case") == "snake case"


def test_script_change_splits_a_run() -> None:
    assert index_tokens("NSATUへの参加") == "nsatu への の参 参加 加"
    assert index_tokens("30カ国") == "30 カ国 国"


def test_marks_inside_japanese_words_stay_in_the_run() -> None:
    assert index_tokens("ウォーシュ") == "ウォ ォー ーシ シュ ュ"
    assert index_tokens("人々") == "人々 々"
    assert index_tokens("〆切") == "〆切 切"


def test_middle_dot_and_voicing_marks() -> None:
    assert index_tokens("ロシア・ウクライナ") == "ロシ シア ア ウク クラ ライ イナ ナ"
    assert index_tokens("ｶﾞｽ") == "ガス ス"  # half-width kana with its voicing mark


def test_radicals_fold_to_ideographs() -> None:
    assert index_tokens("⽇本") == index_tokens("日本") == "日本 本"


def test_empty_and_punctuation_only_text() -> None:
    assert index_tokens("") == ""
    assert index_tokens("「」、。!? -- ***") == ""
    assert not is_searchable("「」*")
    assert is_searchable("x")


def test_term_match_shapes() -> None:
    # No positions in the index (detail=column): longer terms are the AND of their tokens.
    assert term_match("制裁措置") == '("制裁" AND "裁措" AND "措置")'
    assert term_match("制裁") == '"制裁"'
    assert term_match("制") == '"制"*'
    assert term_match("NSATU参加") == '("nsatu" AND "参加")'
    assert term_match("NATO加") == '("nato" AND "加"*)'
    assert term_match("参加us") == '("参加" AND "加" AND "us")'
    assert term_match("制裁、措置") == '("制裁" AND "裁" AND "措置")'
    assert term_match("nato") == '"nato"*'
    assert term_match("us") == '"us"'  # words under PREFIX_MIN_LENGTH match whole
    assert term_match("eur") == '"eur"*'


@pytest.mark.parametrize(
    "term", ['"', "*", "(", ")", "^", ":", "';--", "\x00\x1f", "　", "・「」", ""]
)
def test_term_match_without_searchable_characters_is_none(term: str) -> None:
    assert term_match(term) is None


def test_fts5_syntax_in_a_term_is_inert() -> None:
    # Each would be an FTS5 syntax error (or an operator) if it reached MATCH unquoted.
    for term in (
        'a" OR "b',
        "NEAR(a b)",
        "col:x",
        "^start",
        "a AND",
        "x*y",
        '制裁"*',
        "'; DROP TABLE t; --",
    ):
        expression = term_match(term)
        assert expression is not None
        # Only quoted tokens joined by AND, inside one pair of brackets at most.
        outside = re.sub(r'"[^"]*"\*?', "", expression)
        assert set(outside.replace("AND", "")) <= set("() ")
        fts_rows(expression)


@pytest.mark.parametrize(
    "term",
    [
        "制裁",
        "制",
        "裁",
        "ル",
        "円",
        "対露制裁",
        "ＮＡＴＯ",
        "ﾛｼｱ",
        "ガス",
        "安全の保証",
        "々",
        "ゞ",
    ],
)
def test_fts_finds_exactly_the_rows_containing_a_cjk_or_word_term(term: str) -> None:
    expression = term_match(term)
    assert expression is not None
    expected = substring_rows(term)
    assert expected, "the corpus should contain every listed term"
    assert fts_rows(expression) == expected == oracle_rows(term)


def test_a_character_found_only_at_the_end_of_a_run() -> None:
    # ル ends the run ドル in "1ドル=150円"; elsewhere it is inside ルッテ or ドル台.
    assert 5 in fts_rows(term_match("ル") or "")
    assert fts_rows(term_match("ル=150") or "") == {5}


def test_mixed_script_terms_and_word_rule() -> None:
    assert fts_rows(term_match("NSATU") or "") == {1}
    # FTS5 cannot see the ")" in "(NATO)事務総長": row 0 is a candidate that spans reject.
    assert fts_rows(term_match("NATO事務総長") or "") == {0, 1}
    assert oracle_rows("NATO事務総長") == {1}
    assert fts_rows(term_match("sanction") or "") == {6}  # prefix: sanctions, sanction
    assert fts_rows(term_match("sat") or "") == set()  # no match inside NSATU
    assert fts_rows(term_match("us") or "") == {6}  # whole word: not "use"
    assert oracle_rows("us") == {6}
    assert fts_rows(term_match("US too") or "") == {6}


def test_phrase_with_separator_is_a_candidate_only() -> None:
    # "(NATO)事務" and "ルッテNATO事務" both give the tokens "nato 事務".
    term = "(NATO)事務"
    assert not is_exact(term)
    assert fts_rows(term_match(term) or "") == {0, 1}
    assert oracle_rows(term) == {0}


def test_is_exact() -> None:
    assert is_exact("制裁")
    assert is_exact("制")
    assert is_exact("NATO")
    assert not is_exact("制裁措置")  # three tokens: checked against the text after
    assert not is_exact("NATO事務")
    assert not is_exact("a b")
    assert not is_exact("*")


def test_every_cjk_and_word_character_is_one_unicode61_token() -> None:
    # Every character the index treats as part of a run or word must be a single FTS5 token
    # on its own and inside a bigram, or token positions would drift and "X"* would miss.
    chars = [
        chr(cp)
        for cp in range(0x30, 0x40000)
        if not 0xD800 <= cp < 0xE000 and _TOKEN_RE.fullmatch(chr(cp))
    ]
    db = sqlite3.connect(":memory:")
    db.execute('CREATE VIRTUAL TABLE c USING fts5(body, tokenize="unicode61 remove_diacritics 0")')
    db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(c, 'instance')")
    db.execute("INSERT INTO c (rowid, body) VALUES (1, ?)", [" ".join(chars)])
    cjk = [ch for ch in chars if _TOKEN_RE.fullmatch(ch).group(1)]  # type: ignore[union-attr]
    db.execute("INSERT INTO c (rowid, body) VALUES (2, ?)", [" ".join(ch + "一" for ch in cjk)])
    counts = dict(db.execute("SELECT doc, count(*) FROM v GROUP BY doc").fetchall())
    assert counts == {1: len(chars), 2: len(cjk)}
    assert len(cjk) > 100_000


def test_find_spans_maps_back_to_original_offsets() -> None:
    text = "ＮＡＴＯ、nato's NSATU"
    assert find_spans(text, "nato") == [(0, 4), (5, 9)]
    assert find_spans("ｶﾞｽとガス", "ガス") == [(0, 3), (4, 6)]
    assert find_spans("㍻元年", "平") == [(0, 1)]  # one source character folds to 平成
    assert find_spans("abc", "") == []


def test_find_spans_word_rule() -> None:
    text = "US use us USA"
    assert find_spans(text, "us") == [(0, 2), (7, 9)]  # short: whole words only
    assert find_spans(text, "usa") == [(10, 13)]
    assert find_spans("sanctions, sanction", "sanction") == [(0, 8), (11, 19)]
    assert find_spans("NSATU", "sat") == []
    assert find_spans("nato加盟 xnato加盟", "nato加盟") == [(0, 6)]
    assert find_spans("制裁措置と制裁", "制裁") == [(0, 2), (5, 7)]
    assert find_spans("あああ", "ああ") == [(0, 2)]  # non-overlapping
    assert contains("us use", "us") and not contains("use", "us")


CORPUS = "\n".join(DOCS)


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_no_false_negatives_for_random_substrings(data: st.DataObject) -> None:
    length = data.draw(st.integers(1, 6))
    start = data.draw(st.integers(0, len(CORPUS) - length))
    term = CORPUS[start : start + length]
    expression = term_match(term)
    if expression is None:
        assert not is_searchable(term)
        return
    found, expected = fts_rows(expression), oracle_rows(term)
    assert expected <= found
    if is_exact(term):
        assert found == expected


def test_every_one_and_two_character_substring_is_found_exactly() -> None:
    terms = {
        CORPUS[i : i + n]
        for n in (1, 2)
        for i in range(len(CORPUS) - n + 1)
        if _TOKEN_RE.fullmatch(fold_for_search(CORPUS[i : i + n]) or "-")
    }
    assert len(terms) > 500
    for term in terms:
        assert fts_rows(term_match(term) or "") == oracle_rows(term), term


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(CORPUS + "ｶﾞﾊﾟ㍻ﬁ⽇⺠ \u3000"), max_size=40), st.text(max_size=4))
def test_spans_fold_back_to_the_needle(text: str, extra: str) -> None:
    text += extra
    folded = fold_for_search(text)
    for length in (1, 2, 3):
        for i in range(0, max(len(folded) - length, 0), 7):
            needle = folded[i : i + length]
            for start, end in find_spans(text, needle):
                # The span covers whole source characters whose folding contains the needle.
                assert needle in fold_for_search(text[start:end])
                assert 0 <= start < end <= len(text)


def test_characters_taken_as_fold_stable_fold_to_themselves() -> None:
    stable = [chr(c) for c in range(0x30000) if fold_stable_run().fullmatch(chr(c))]
    assert len(stable) > 25_000
    assert [c for c in stable if fold_for_search(c) != c] == []


def test_fold_sensitive_lists_what_folding_changes() -> None:
    assert fold_sensitive("制裁と北方領土。nato, eu!") == ""
    assert fold_sensitive("ＮＡＴＯとNATO、㍻、ｶﾞ") == "".join(sorted(set("ＮＡＴＯNATO㍻ｶﾞ")))
    assert fold_sensitive("か\u3099") == "\u3099"  # a voicing mark folding may compose


FOLD_TRAPS = "ＮＡＴＯNato㍻平成ｶﾞガカ\u3099ﾊﾟﬁfi⽇日ß ss①1㈱(株)"


@settings(max_examples=600, deadline=None)
@given(
    st.text(st.sampled_from(CORPUS[:300] + FOLD_TRAPS), max_size=60),
    st.text(st.sampled_from(CORPUS[:300] + FOLD_TRAPS), min_size=1, max_size=4),
)
def test_where_folding_cannot_matter_the_raw_text_answers(text: str, term: str) -> None:
    # The search check's fast path: if needs_fold is false, the raw text holds the folded
    # needle exactly where the folded text does.
    needle = fold_for_search(term)
    if not needle or needs_fold(fold_sensitive(text), needle):
        return
    folded = fold_for_search(text)
    assert (needle in text) == (needle in folded)
    if needle in folded and not has_word_boundary_rule(needle):
        at = text.find(needle)
        assert find_spans(text, needle)[0] == (at, at + len(needle))


def test_word_boundary_rule() -> None:
    assert has_word_boundary_rule("nato") and has_word_boundary_rule("us")
    assert not has_word_boundary_rule("制裁") and not has_word_boundary_rule("。")
    assert has_word_boundary_rule("制裁eu") and not has_word_boundary_rule("制裁nato")


WORDY = CORPUS[:200] + FOLD_TRAPS + " nato NATO natoの us use US eu EU™ ab1 Ａb "


@settings(max_examples=600, deadline=None)
@given(
    st.text(st.sampled_from(WORDY), max_size=60),
    st.text(st.sampled_from(WORDY), min_size=1, max_size=5),
)
def test_first_raw_match_is_the_first_span_where_folding_cannot_matter(
    text: str, term: str
) -> None:
    needle = fold_for_search(term)
    if not needle.strip() or needs_fold(fold_sensitive(text), needle):
        return
    spans = find_spans(text, needle)
    assert first_raw_match(text, needle) == (spans[0][0] if spans else -1)
