"""Paragraph-end precision and recall of an import against its truth.

A paragraph end is identified by the last characters of the block that it ends (blanks
removed), so that small differences elsewhere in the text (a footnote number kept, a gap
marked) do not shift every later end, as offsets would.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

_KEY = 12  # characters: enough to tell paragraph ends apart in a long article


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    missed: tuple[str, ...]  # truth ends not found
    invented: tuple[str, ...]  # found ends that are not in the truth

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def _ends(blocks: Sequence[str]) -> Counter[str]:
    keys = (re.sub(r"\s+", "", block)[-_KEY:] for block in blocks)
    return Counter(key for key in keys if key)


def score(found: Sequence[str], truth: Sequence[str]) -> Score:
    """Score the blocks ``found`` (paragraphs and headings, in order) against ``truth``."""
    got, want = _ends(found), _ends(truth)
    hits = sum((got & want).values())
    return Score(
        precision=hits / max(1, sum(got.values())),
        recall=hits / max(1, sum(want.values())),
        missed=tuple(sorted((want - got).elements())),
        invented=tuple(sorted((got - want).elements())),
    )
