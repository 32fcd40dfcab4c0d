"""Re-anchoring decides on the whole evidence (issue 19): the cases the issue names, on the
seed articles.

* a 3- or 4-character quote with one character changed between intact contexts is found;
* a passage edited by 30% between intact contexts is found;
* a quote that occurs twice follows its paragraph when the paragraphs are reordered, even
  when the other copy is nearer its old offset;
* a deleted passage whose words stand elsewhere is orphaned, not moved there;
* re-wrapped lines and changed spaces are no edit.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from briefing.core.anchoring import Anchor, find_occurrences, make_selector, reanchor

SEEDS = Path(__file__).parents[1] / "data" / "seeds"
POLICY = (SEEDS / "002_52707df47a773d11.txt").read_text(encoding="utf-8")
NATO = (SEEDS / "003_b498de3909962400.txt").read_text(encoding="utf-8")
TWICE = "る。ウクライナの"  # in two paragraphs of POLICY, with different context


def test_a_short_quote_with_one_character_changed_between_intact_contexts_is_found() -> None:
    start = NATO.index("で対話メ")
    new = NATO[: start + 1] + "が" + NATO[start + 2 :]  # 「で対話メ」 → 「でが話メ」
    four = make_selector(NATO, start, start + 4)
    assert reanchor(new, four, old_length=len(NATO)) == Anchor(start, start + 4, "fuzzy", 0.75)
    three = make_selector(NATO, start, start + 3)
    anchor = reanchor(new, three, old_length=len(NATO))
    assert anchor == Anchor(start, start + 3, "fuzzy", pytest.approx(2 / 3))


def test_a_passage_edited_by_30_percent_between_intact_contexts_is_found() -> None:
    start = NATO.index("任務のもとロシア")
    quote = NATO[start : start + 14]
    edited = "".join("〇" if i in (2, 5, 8, 11) else char for i, char in enumerate(quote))
    new = NATO[:start] + edited + NATO[start + 14 :]
    anchor = reanchor(new, make_selector(NATO, start, start + 14), old_length=len(NATO))
    assert anchor == Anchor(start, start + 14, "fuzzy", pytest.approx(1 - 4 / 14))


def test_a_repeated_quote_follows_its_paragraph_when_paragraphs_are_reordered() -> None:
    paragraphs = POLICY.split("\n\n")
    _, second = (i for i, p in enumerate(paragraphs) if TWICE in p)
    old = "\n\n".join(paragraphs)
    start = old.index(TWICE, old.index(paragraphs[second]))
    # The second copy's paragraph moves to the front: the first copy is now much nearer
    # the old offset than the passage itself.
    order = [second, *(i for i in range(len(paragraphs)) if i != second)]
    new = "\n\n".join(paragraphs[i] for i in order)
    moved = new.index(TWICE)
    assert moved < 100 and abs(new.index(TWICE, moved + 1) - start) < abs(moved - start)
    anchor = reanchor(new, make_selector(old, start, start + len(TWICE)), old_length=len(old))
    assert anchor == Anchor(moved, moved + len(TWICE), "exact-context", 1.0)


def test_a_deleted_passage_whose_words_stand_elsewhere_is_orphaned() -> None:
    start, other = find_occurrences(POLICY, TWICE)
    # The sentence holding the first copy, from after the previous 「。」 to its own 「。」.
    begin = POLICY.rindex("。", 0, start) + 1
    new = POLICY[:begin] + POLICY[start + 2 :]  # 「る。」 is that sentence's end
    assert TWICE in new
    assert reanchor(new, make_selector(POLICY, start, start + len(TWICE))) is None
    assert find_occurrences(POLICY, TWICE)[1] == other  # the other copy was there all along


def test_reflowed_lines_and_spaces_are_no_edit() -> None:
    start = POLICY.index("提言 1") if "提言 1" in POLICY else POLICY.index("提言")
    start = POLICY.index("。", start) + 1
    end = start + 120
    rewrapped = POLICY.replace("。", "。\n").replace("\n\n", "\n \n").replace("、", "、 ")
    anchor = reanchor(rewrapped, make_selector(POLICY, start, end), old_length=len(POLICY))
    assert anchor is not None
    placed = rewrapped[anchor.start : anchor.end]
    assert "".join(placed.split()) == "".join(POLICY[start:end].split())
    assert anchor.score == 1.0
