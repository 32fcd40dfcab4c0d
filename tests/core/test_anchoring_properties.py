"""The rules re-anchoring must never break (issue 19), as properties over the seed texts.

* a quote that still occurs exactly once with its context is placed exactly there;
* nothing is placed on text that does not resemble the quote;
* reordering paragraphs alone never changes which passage a highlight is on.

The texts are the seed articles in ``tests/data/seeds`` (realistic Japanese, where short
quotes recur and paragraphs are separated by blank lines).
"""

from __future__ import annotations

from pathlib import Path

from briefing.core.anchoring import FLOOR, find_occurrences, make_selector, reanchor
from hypothesis import assume, given, settings
from hypothesis import strategies as st

SEEDS = Path(__file__).parents[1] / "data" / "seeds"
TEXTS = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
ALPHABET = sorted(set("".join(TEXTS)) - {"\n", " ", "\u3000"})

PROPERTY = settings(max_examples=150, deadline=None)


def fold(text: str) -> str:
    return "".join(text.split())


def levenshtein(a: str, b: str) -> int:
    """Textbook dynamic programme, independent of the module's bit-parallel one."""
    row = list(range(len(b) + 1))
    for i, char in enumerate(a, start=1):
        diagonal, row[0] = row[0], i
        for j, other in enumerate(b, start=1):
            diagonal, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, diagonal + (char != other))
    return row[-1]


@st.composite
def highlights(draw: st.DrawFn, longest: int = 60) -> tuple[str, int, int]:
    """A seed text and a span of it that neither starts nor ends with whitespace."""
    text = draw(st.sampled_from(TEXTS))
    length = draw(st.integers(1, longest))
    start = draw(st.integers(0, len(text) - length))
    end = start + length
    assume(not text[start].isspace() and not text[end - 1].isspace())
    return text, start, end


@st.composite
def edited(draw: st.DrawFn, text: str, lo: int, hi: int) -> tuple[str, int]:
    """``text`` with up to five insertions, deletions or replacements outside ``[lo, hi)``,
    some of them copies of ``text[lo:hi]``; and where ``lo`` went."""
    before, middle, after = text[:lo], text[lo:hi], text[hi:]
    for _ in range(draw(st.integers(0, 5))):
        side = draw(st.sampled_from(["before", "after"]))
        part = before if side == "before" else after
        at = draw(st.integers(0, len(part)))
        size = draw(st.integers(0, 20))
        insertion = draw(
            st.one_of(
                st.text(st.sampled_from(ALPHABET), max_size=20),
                st.just(middle[len(middle) // 4 : len(middle) * 3 // 4]),  # a copy of the quote
            )
        )
        part = part[:at] + insertion + part[at + size :]
        if side == "before":
            before = part
        else:
            after = part
    return before + middle + after, len(before)


@PROPERTY
@given(st.data())
def test_a_quote_occurring_once_with_its_context_is_placed_exactly(data: st.DataObject) -> None:
    text, start, end = data.draw(highlights())
    selector = make_selector(text, start, end)
    lo, hi = start - len(selector.prefix), end + len(selector.suffix)
    new, moved = data.draw(edited(text, lo, hi))
    fingerprint = fold(selector.prefix + selector.quote + selector.suffix)
    assume(len(find_occurrences(fold(new), fingerprint)) == 1)
    # A context cut by the text's start or end is only whole there.
    assume(len(selector.prefix) == 32 or moved == 0)
    assume(len(selector.suffix) == 32 or moved + hi - lo == len(new))
    anchor = reanchor(new, selector, old_length=len(text))
    assert anchor is not None
    at = moved + len(selector.prefix)
    assert (anchor.start, anchor.end) == (at, at + end - start)
    assert anchor.method in ("exact-position", "exact-context")


@PROPERTY
@given(
    highlights(longest=120),
    st.sampled_from(TEXTS),
    st.integers(0, 2_000),
    st.floats(0.5, 1.0),
)
def test_nothing_is_placed_on_text_not_resembling_the_quote(
    highlight: tuple[str, int, int], other: str, cut: int, threshold: float
) -> None:
    # The passage replaced by text from elsewhere, or the whole text by another one.
    text, start, end = highlight
    quote = text[start:end]
    for new in (text[:start] + other[cut : cut + end - start] + text[end:], other):
        anchor = reanchor(new, make_selector(text, start, end), threshold)
        if anchor is None:
            continue
        placed = fold(new[anchor.start : anchor.end])
        resemblance = 1 - levenshtein(fold(quote), placed) / len(fold(quote))
        assert resemblance >= min(threshold, FLOOR) - 1e-9
        assert anchor.score >= FLOOR - 1e-9


@st.composite
def reorderings(draw: st.DrawFn) -> tuple[str, str, int, int, int]:
    """(old text, new text, old start, old end, new start): the paragraphs (separated by
    blank lines) shuffled, a highlight inside one of them."""
    text = draw(st.sampled_from(TEXTS))
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    assume(len(set(paragraphs)) == len(paragraphs))  # which one is which must be knowable
    index = draw(st.integers(0, len(paragraphs) - 1))
    paragraph = paragraphs[index]
    length = draw(st.integers(1, min(60, len(paragraph))))
    offset = draw(st.integers(0, len(paragraph) - length))
    assume(paragraph[offset : offset + length].strip())  # whitespace alone is no passage
    order = draw(st.permutations(range(len(paragraphs))))
    old = "\n\n".join(paragraphs)
    new = "\n\n".join(paragraphs[i] for i in order)
    start = sum(len(p) + 2 for p in paragraphs[:index]) + offset
    moved = sum(len(paragraphs[i]) + 2 for i in order[: order.index(index)]) + offset
    return old, new, start, start + length, moved


@PROPERTY
@given(reorderings())
def test_reordering_paragraphs_never_moves_a_highlight_to_another_passage(
    case: tuple[str, str, int, int, int],
) -> None:
    old, new, start, end, moved = case
    selector = make_selector(old, start, end)
    # The passage must be identifiable by what moves with it: the quote with the parts of
    # its context inside its own paragraph.
    head = selector.prefix[selector.prefix.rfind("\n") + 1 :]
    tail = selector.suffix.split("\n", 1)[0]
    assume(len(find_occurrences(old, head + selector.quote + tail)) == 1)
    anchor = reanchor(new, selector, old_length=len(old))
    assert anchor is not None
    assert (anchor.start, anchor.end) == (moved, moved + end - start)
