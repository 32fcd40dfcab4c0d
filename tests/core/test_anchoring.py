"""Tests for re-anchoring highlights on edited article text (briefing.core.anchoring).

The property tests edit a text around, inside or anywhere near a highlight and check where
``reanchor`` puts it. The texts are a passage of a seed article (realistic Japanese, where
short quotes recur) and one sentence repeated (every occurrence of a quote has the same
context, so only the position can tell them apart).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from briefing.core.anchoring import (
    CONTEXT_CHARS,
    FLOOR,
    MIN_BARE,
    Anchor,
    find_occurrences,
    make_selector,
    reanchor,
    similarity,
)
from briefing.core.model import TextSelector
from hypothesis import assume, given, settings
from hypothesis import strategies as st

SEED = (
    "2025年8月19日、北大西洋条約機構(NATO)事務総長ルッテ氏は米メディアのインタビューにて、"
    "ウクライナへの「安全の保証」を構築する取り組みに日本を含む約30カ国が関与していることを"
    "明らかにしました。これは、ウクライナに対する支援を世界規模で広げる動きの一環であり、従"
    "来の欧米中心の枠組みを超えた安全保障の拡張が進んでいます。\n\nこのニュースは、世界的に"
    "も大きな関心を集めており、ロシアによるウクライナへの軍事圧力が継続する中、国際社会がど"
    "のような方法でウクライナの安定と独立を守ろうとしているのかが問われています。特に、日本"
    "がこの安全の保証構築に参加していることは、これまで東アジアの安全保障問題に注力してきた"
    "日本外交の新たな展開として注目されています。\n\n日本の関与――外務省と政府の姿勢\n\n日本"
    "政府は、ウクライナ支援について「何ができ、何をすべきかは法制や能力の面も含めてよく検討"
    "し、しかるべき役割を果たしていく」姿勢を明確に示しています。岸田総理大臣は、国内法制や"
    "自衛隊の能力などを踏まえ、慎重かつ積極的な参加への意欲を語りました。外務省関係者も「日"
    "本にできる役割を最大限発揮し、国際社会と連携していく」と述べています。\n\n  • 日本が関"
    "与する安全の保証は、直接的な軍事介入ではなく、資金・物資支援や外交的調整など多岐に渡る"
    "と見られています。\n  • 外務省は、国際協調によるウクライナ支援方針をこれまで以上に強化"
    "しています。\n  • この枠組みには、アメリカ・イギリス・フランス・ドイツ・イタリアなどNA"
    "TO加盟国以外も積極的に加わっており、日本の国際的プレゼンス向上にも大きな意味があります"
    "。\n\nウクライナ情勢の最新動向と国際協調\n\nウクライナ紛争は、国際政治の緊張を高め続け"
    "ています。米国、欧州首脳とウクライナのゼレンスキー大統領は、8月18日に会談を行い、将来"
    "的な終戦後もウクライナが再び侵略されない体制づくりが必要だとの認識を強調しました。その"
    "ための安全保障構築について、「NATO以外の安全の保証」も検討されていることが明らかになり"
    "ました。\n\n  • アメリカのルビオ国務長官は「侵略再発の防止策が不可欠」と述べています。"
    "\n  • 欧州首脳は、協議を重ね、3カ国会談(米・独・仏)が近く開催される見通しを示しました"
    "。\n  • ドイツのメルツ首相は「交渉への道が開けた」と前向きな姿勢、フランスのマクロン大"
    "統領も「3カ国会談が問題解決の唯一の方法」と語っています。"
)
SENTENCE = (
    "このニュースは、世界的にも大きな関心を集めており、ロシアによるウクライナへの軍事圧力が"
    "継続する中、国際社会がどのような方法でウクライナの安定と独立を守ろうとしているのかが問"
    "われています。"
)
REPEATED = SENTENCE * 8
ALPHABET = sorted(set(SEED + SENTENCE) - {"\n"})

# What keeps the right answer knowable. A second copy of the quote goes at least FAR from the
# passage: a copy right before it or right after it makes the same text. Edits outside are at
# most three of MAX_EDIT characters, so with a copy of a quote of up to 24 characters the
# passage moves less than half of REPEATED's sentence: further, and a copy of the sentence
# with the same context is nearer than the passage itself.
MAX_EDIT = 4
FAR = 150

PROPERTY = settings(max_examples=200, deadline=None)


def levenshtein(a: str, b: str) -> int:
    """Textbook dynamic programme, independent of the module's bit-parallel one."""
    row = list(range(len(b) + 1))
    for i, char in enumerate(a, start=1):
        diagonal, row[0] = row[0], i
        for j, other in enumerate(b, start=1):
            diagonal, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, diagonal + (char != other))
    return row[-1]


def resemblance(quote: str, span: str) -> float:
    """Similarity as re-anchoring defines it: whitespace does not count."""
    quote, span = "".join(quote.split()), "".join(span.split())
    return 1 - levenshtein(quote, span) / len(quote)


def shifted(text: str, at: int, insertion: str) -> str:
    return text[:at] + insertion + text[at:]


# -- strategies ------------------------------------------------------------------------------


@st.composite
def passages(draw: st.DrawFn, longest: int, shortest: int = 1) -> tuple[str, int, int]:
    """A base text and a highlighted span of it."""
    base = draw(st.sampled_from([SEED, REPEATED]))
    length = draw(st.integers(shortest, longest))
    start = draw(st.integers(0, len(base) - length))
    return base, start, start + length


def edit(draw: st.DrawFn, text: str, alphabet: list[str], lo: int = 0, hi: int = -1) -> str:
    """``text`` with one random insertion, deletion or replacement at ``lo <= position <= hi``."""
    hi = len(text) if hi < 0 else hi
    kind = draw(st.sampled_from(["insert", "delete", "replace"]))
    at = draw(st.integers(lo, hi))
    size = draw(st.integers(1, MAX_EDIT))
    new = draw(st.text(st.sampled_from(alphabet), min_size=1, max_size=MAX_EDIT))
    if kind == "insert":
        return text[:at] + new + text[at:]
    if kind == "delete":
        return text[:at] + text[at + size :]
    return text[:at] + new + text[at + size :]


@st.composite
def edits_outside(draw: st.DrawFn) -> tuple[str, str, int, int, int]:
    """(old text, new text, old start, old end, new start): the passage untouched. Inserted
    characters are not the quote's, so edits cannot make a new copy of it next to it."""
    # A single character, its context damaged, is told apart from its neighbours by
    # nothing: an edit next to 「2」 in 「2025年」 leaves several 「2」s equally framed.
    base, start, end = draw(passages(longest=24, shortest=2))
    quote = base[start:end]
    alphabet = [c for c in ALPHABET if c not in quote]
    before, after = base[:start], base[end:]
    if draw(st.booleans()):
        if draw(st.booleans()) and len(before) >= FAR:
            before = shifted(before, draw(st.integers(0, len(before) - FAR)), quote)
        elif len(after) >= FAR:
            after = shifted(after, draw(st.integers(FAR, len(after))), quote)
    for _ in range(draw(st.integers(0, 3))):
        if draw(st.booleans()):
            before = edit(draw, before, alphabet)
        else:
            after = edit(draw, after, alphabet)
    return base, before + quote + after, start, end, len(before)


@st.composite
def edits_inside(draw: st.DrawFn) -> tuple[str, str, int, int, str]:
    """(old text, new text, start, old end, edited passage): only the passage changed."""
    base, start, end = draw(passages(longest=40))
    passage = base[start:end]
    for _ in range(draw(st.integers(1, 3))):
        if not passage:
            break
        if len(passage) == 1:  # no inside for an insertion; replace or delete the character
            passage = draw(st.sampled_from(["", *ALPHABET[:50]]))
            continue
        # Insertions strictly inside: at either boundary they would be edits outside.
        passage = edit(draw, passage, ALPHABET, 1, len(passage) - 1)
    return base, base[:start] + passage + base[end:], start, end, passage


@st.composite
def edits_anywhere(draw: st.DrawFn) -> tuple[str, str, int, int]:
    base, start, end = draw(passages(longest=40))
    new = base
    if draw(st.booleans()):  # the passage rewritten wholesale
        new = new[:start] + draw(st.text(st.sampled_from(ALPHABET), max_size=40)) + new[end:]
    for _ in range(draw(st.integers(0, 6))):
        new = edit(draw, new, ALPHABET)
    return base, new, start, end


# -- properties ------------------------------------------------------------------------------


@PROPERTY
@given(edits_outside(), st.booleans())
def test_edits_outside_never_move_the_highlight_off_its_passage(
    case: tuple[str, str, int, int, int], length_known: bool
) -> None:
    old, new, start, end, moved_to = case
    old_length = len(old) if length_known else None
    selector = make_selector(old, start, end)
    anchor = reanchor(new, selector, old_length=old_length)
    fingerprint = selector.prefix + selector.quote + selector.suffix
    if find_occurrences(new, fingerprint) == [moved_to - len(selector.prefix)]:
        # The quote and its whole context are still there, once: exactly there.
        assert anchor is not None
        assert (anchor.start, anchor.end) == (moved_to, moved_to + end - start)
        assert anchor.method in ("exact-position", "exact-context")
    elif old == REPEATED:
        # Every sentence is the same: with its own context damaged, the passage is no
        # longer told apart from the other copies (an edit outside it may have hit another
        # copy's words, leaving that copy's context intact), and any copy will do.
        placed = new[anchor.start : anchor.end] if anchor else selector.quote
        assert resemblance(selector.quote, placed) >= FLOOR
    elif anchor is not None:
        # Its context damaged, a short quote may be orphaned or its edges may take in an
        # edit next to them, but it stays on its passage.
        assert anchor.start < moved_to + end - start and anchor.end > moved_to
        if end - start >= MIN_BARE:
            assert (anchor.start, anchor.end) == (moved_to, moved_to + end - start)


@PROPERTY
@given(edits_inside(), st.booleans())
def test_edits_inside_keep_the_highlight_on_the_edited_passage_or_orphan_it(
    case: tuple[str, str, int, int, str], length_known: bool
) -> None:
    old, new, start, end, passage = case
    quote = old[start:end]
    assume(quote.strip())  # whitespace is no edit: a quote of whitespace only has no inside
    # Next to a copy of itself (「――」), deleting the passage deletes the copy just as well.
    assume(quote not in (old[end : end + len(quote)], old[max(0, start - len(quote)) : start]))
    old_length = len(old) if length_known else None
    anchor = reanchor(new, make_selector(old, start, end), old_length=old_length)
    if anchor is None:
        # Orphaning is allowed, but not when the passage still plainly is the quote.
        assert resemblance(quote, passage) < 0.8
        return
    if passage:
        assert anchor.start < start + len(passage) and anchor.end > start
    else:  # the passage is gone: nothing but its place would do
        assert anchor.start <= start <= anchor.end


@PROPERTY
@given(edits_anywhere(), st.floats(0.5, 1.0))
def test_a_highlight_is_only_ever_placed_on_text_resembling_its_quote(
    case: tuple[str, str, int, int], threshold: float
) -> None:
    old, new, start, end = case
    quote = old[start:end]
    anchor = reanchor(new, make_selector(old, start, end), threshold, old_length=len(old))
    if anchor is not None and quote.strip():
        assert 0 <= anchor.start < anchor.end <= len(new)
        placed = resemblance(quote, new[anchor.start : anchor.end])
        # Intact context may lower the threshold, never below FLOOR.
        assert placed >= min(threshold, FLOOR) - 1e-9
        assert anchor.score == pytest.approx(placed)


@PROPERTY
@given(
    st.text(st.sampled_from("安全の保証構築"), min_size=1, max_size=90),
    st.text(st.sampled_from("安全の保証構築"), max_size=90),
)
def test_similarity_is_one_minus_edit_distance_over_quote_length(quote: str, span: str) -> None:
    # Quotes past 64 characters exercise the bit-parallel scan on multi-word integers.
    assert similarity(quote, span) == pytest.approx(1 - levenshtein(quote, span) / len(quote))


# -- examples --------------------------------------------------------------------------------


def test_make_selector_takes_up_to_context_chars_either_side() -> None:
    selector = make_selector(SEED, 100, 110)
    assert selector == TextSelector(
        quote=SEED[100:110],
        prefix=SEED[100 - CONTEXT_CHARS : 100],
        suffix=SEED[110 : 110 + CONTEXT_CHARS],
        start=100,
        end=110,
    )
    assert make_selector(SEED, 3, 5).prefix == SEED[:3]
    assert make_selector(SEED, len(SEED) - 2, len(SEED)).suffix == ""


@pytest.mark.parametrize(("start", "end"), [(5, 5), (6, 5), (-1, 3), (0, len(SEED) + 1)])
def test_make_selector_rejects_empty_or_outside_spans(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="empty or outside"):
        make_selector(SEED, start, end)


def test_find_occurrences_includes_overlapping_ones() -> None:
    assert find_occurrences("ああああ", "ああ") == [0, 1, 2]
    assert find_occurrences(SEED, "ウクライナ") == [
        i for i in range(len(SEED)) if SEED.startswith("ウクライナ", i)
    ]
    assert find_occurrences(SEED, "制裁") == []
    assert find_occurrences(SEED, "") == []


def test_unchanged_text_keeps_the_exact_position() -> None:
    assert reanchor(SEED, make_selector(SEED, 200, 230)) == Anchor(200, 230, "exact-position", 1.0)


def test_a_quote_occurring_several_times_stays_on_its_own_occurrence() -> None:
    hits = find_occurrences(SEED, "ウクライナ")
    assert len(hits) >= 4
    third = hits[2]
    selector = make_selector(SEED, third, third + 5)
    assert reanchor(SEED, selector) == Anchor(third, third + 5, "exact-position", 1.0)
    note = "【更新】本記事は8月20日に加筆しました。\n\n"
    moved = third + len(note)
    assert reanchor(note + SEED, selector) == Anchor(moved, moved + 5, "exact-context", 1.0)


def test_an_edit_before_the_highlight_can_slide_another_occurrence_into_its_old_place() -> None:
    first_mention = "対露制裁の第一弾は金融分野が中心だった。"
    old = SEED[:300] + first_mention + SEED[300:600] + "二次制裁は第三国を狙う。"
    first = old.index("制裁")
    second = old.index("制裁", first + 1)
    new = SEED[: second - first] + old
    assert new[second : second + 2] == "制裁"  # the other 制裁 now sits at the old offsets
    moved = second + second - first
    expected = Anchor(moved, moved + 2, "exact-context", 1.0)
    assert reanchor(new, make_selector(old, second, second + 2)) == expected


def test_a_long_insertion_before_the_highlight_shifts_it() -> None:
    selector = make_selector(SEED, 700, 740)
    inserted = SEED[:500]
    expected = Anchor(1200, 1240, "exact-context", 1.0)
    assert reanchor(SEED[:300] + inserted + SEED[300:], selector) == expected


def test_an_insertion_right_against_the_highlight_is_not_absorbed_into_it() -> None:
    selector = make_selector(SEED, 400, 430)
    new = SEED[:400] + "(追記)" + SEED[400:430] + "(注)" + SEED[430:]
    assert reanchor(new, selector) == Anchor(404, 434, "exact-context", 1.0)


def test_repeated_boilerplate_follows_an_insertion_when_the_old_length_is_known() -> None:
    # Every copy of the sentence has the same context: only the length change tells which
    # copy the highlighted one became.
    start = 3 * len(SENTENCE) + 10
    selector = make_selector(REPEATED, start, start + 8)
    inserted = SENTENCE * 2 + "速報:"
    new = inserted + REPEATED
    anchor = reanchor(new, selector, old_length=len(REPEATED))
    moved = start + len(inserted)
    assert anchor == Anchor(moved, moved + 8, "exact-context", 1.0)


def test_a_deleted_passage_orphans_the_highlight() -> None:
    sentence = (
        "岸田総理大臣は、国内法制や自衛隊の能力などを踏まえ、"
        "慎重かつ積極的な参加への意欲を語りました。"
    )
    start = SEED.index(sentence)
    selector = make_selector(SEED, start + 8, start + 25)
    assert reanchor(SEED.replace(sentence, ""), selector) is None


def test_a_deleted_short_quote_is_not_moved_to_another_copy_of_it() -> None:
    hits = find_occurrences(SEED, "ウクライナ")
    second = hits[1]
    selector = make_selector(SEED, second, second + 5)
    assert reanchor(SEED[:second] + SEED[second + 5 :], selector) is None
    assert reanchor(SEED[:second] + "ロシア" + SEED[second + 5 :], selector) is None


def test_a_passage_rewritten_into_other_words_orphans_the_highlight() -> None:
    selector = make_selector(SEED, 500, 530)
    assert reanchor(SEED[:500] + SEED[900:930] + SEED[530:], selector) is None


def test_small_edits_inside_a_long_quote_keep_it_on_the_edited_passage() -> None:
    quote = SEED[300:340]
    edited = quote[:5] + "新" + quote[6:20] + quote[21:30] + "、" + quote[30:]
    new = SEED[:300] + edited + SEED[340:]
    anchor = reanchor(new, make_selector(SEED, 300, 340))
    assert similarity(quote, edited) == pytest.approx(1 - 3 / 38)  # 2 of the 40 are "\n"
    assert anchor == Anchor(300, 300 + len(edited), "fuzzy", pytest.approx(1 - 3 / 38))


def test_whitespace_changes_inside_and_around_the_quote() -> None:
    english = (
        "The Secretary General said on Tuesday that about thirty countries, Japan among them,"
        " are working on security guarantees for Ukraine. Details were not given."
    )
    start = english.index("about thirty")
    end = english.index(" are working")
    selector = make_selector(english, start, end)
    rewrapped = english.replace("thirty countries, Japan", "thirty\ncountries,  Japan")
    anchor = reanchor(rewrapped, selector)
    assert anchor is not None
    assert anchor.method == "fuzzy"
    assert rewrapped[anchor.start : anchor.end] == "about thirty\ncountries,  Japan among them,"

    bullet = SEED.index("外務省は、国際協調")
    selector = make_selector(SEED, bullet, bullet + 20)
    outdented = SEED.replace("\n  • ", "\n• ")
    moved = outdented.index("外務省は、国際協調")
    assert reanchor(outdented, selector) == Anchor(moved, moved + 20, "exact-context", 1.0)


def test_a_one_character_quote_keeps_its_own_character() -> None:
    start = SEED.index("日本政府は")
    assert SEED.count("日") >= 10
    selector = make_selector(SEED, start, start + 1)
    new = SEED[:100] + "、すなわち" + SEED[100:]
    assert reanchor(new, selector) == Anchor(start + 5, start + 6, "exact-context", 1.0)
    assert reanchor(SEED[:start] + SEED[start + 1 :], selector) is None
    assert reanchor(SEED[:start] + "米" + SEED[start + 1 :], selector) is None


def test_quotes_at_the_start_and_at_the_end_of_the_text() -> None:
    head = make_selector(SEED, 0, 10)
    assert reanchor(SEED + "(追記)", head) == Anchor(0, 10, "exact-position", 1.0)
    assert reanchor("速報\n" + SEED, head) == Anchor(3, 13, "exact-context", 1.0)
    n = len(SEED)
    tail = make_selector(SEED, n - 10, n)
    assert reanchor(SEED + "\n(追記)", tail) == Anchor(n - 10, n, "exact-position", 1.0)
    assert reanchor(SEED[50:], tail) == Anchor(n - 60, n - 50, "exact-context", 1.0)
    whole = make_selector(SEED, 0, n)
    assert reanchor(SEED, whole) == Anchor(0, n, "exact-position", 1.0)
    one_less = SEED[:20] + SEED[21:]
    assert reanchor(one_less, whole) == Anchor(0, n - 1, "fuzzy", similarity(SEED, one_less))


def test_a_long_quote_in_a_long_text_survives_scattered_edits() -> None:
    seeds = Path(__file__).parents[1] / "data" / "seeds"
    text = "".join(path.read_text(encoding="utf-8") for path in sorted(seeds.glob("*.txt")))
    assert len(text) > 20_000
    start = 10_123
    quote = text[start : start + 2000]
    edited = "".join("X" if i % 100 == 50 else char for i, char in enumerate(quote))
    new = text[:start] + edited + text[start + 2000 :]
    anchor = reanchor(new, make_selector(text, start, start + 2000), old_length=len(text))
    assert anchor == Anchor(start, start + 2000, "fuzzy", similarity(quote, edited))


def test_nothing_is_placed_on_an_empty_text() -> None:
    assert reanchor("", make_selector(SEED, 10, 20)) is None


@pytest.mark.parametrize("threshold", [0.0, -0.5, 1.5])
def test_threshold_must_be_in_the_unit_interval(threshold: float) -> None:
    with pytest.raises(ValueError, match="threshold"):
        reanchor(SEED, make_selector(SEED, 10, 20), threshold)
