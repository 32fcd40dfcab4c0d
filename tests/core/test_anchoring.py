"""Tests for re-anchoring highlights on edited article text (briefing.core.anchoring).

The property tests edit a text around, inside or anywhere near a highlight and check where
``reanchor`` puts it. The texts are a passage of a seed article (realistic Japanese, where
short quotes recur) and one sentence repeated (every occurrence of a quote has the same
context, so only the position can tell them apart).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.core.anchoring import (
    CONTEXT_CHARS,
    Anchor,
    find_occurrences,
    make_selector,
    reanchor,
)

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

MAX_EDIT = 4  # characters per random edit
# A second copy of the quote goes at least this far from the passage. Nearer, the two are
# indistinguishable (inserting a copy just before the passage or just after it gives the same
# text), and so is a shift by more than half a sentence in REPEATED.
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
    return 1 - levenshtein(quote, span) / len(quote)


def shifted(text: str, at: int, insertion: str) -> str:
    return text[:at] + insertion + text[at:]


# -- strategies ------------------------------------------------------------------------------


@st.composite
def passages(draw: st.DrawFn, longest: int) -> tuple[str, int, int]:
    """A base text and a highlighted span of it."""
    base = draw(st.sampled_from([SEED, REPEATED]))
    length = draw(st.integers(1, longest))
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
    base, start, end = draw(passages(longest=24))
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
@given(edits_outside())
def test_edits_outside_keep_the_highlight_exactly_on_its_passage(
    case: tuple[str, str, int, int, int],
) -> None:
    old, new, start, end, moved_to = case
    anchor = reanchor(new, make_selector(old, start, end), old_length=len(old))
    assert anchor is not None
    assert (anchor.start, anchor.end) == (moved_to, moved_to + end - start)
    assert anchor.method in ("exact-position", "exact-context")


@PROPERTY
@given(edits_inside())
def test_edits_inside_keep_the_highlight_on_the_edited_passage_or_orphan_it(
    case: tuple[str, str, int, int, str],
) -> None:
    old, new, start, end, passage = case
    quote = old[start:end]
    anchor = reanchor(new, make_selector(old, start, end), old_length=len(old))
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
    if anchor is not None:
        assert 0 <= anchor.start < anchor.end <= len(new)
        placed = resemblance(quote, new[anchor.start : anchor.end])
        assert placed >= threshold - 1e-9
        assert anchor.score == pytest.approx(placed)
