"""The evidence for re-anchoring: where a highlight's passage could be in a new text, and how
well the quote, the stored prefix and the stored suffix match there.

Everything here works on *folded* text: the text with every whitespace character removed, so
that re-wrapped lines, changed indentation or a space more or less never count as edits. A
:class:`Folded` text keeps the raw offset of each of its characters to map spans back.

Three searches produce :class:`Candidate` spans (folded offsets), which
:mod:`briefing.core.anchoring` then judges:

* the quote's exact occurrences (:meth:`Evidence.exact_spans`);
* *sites*: where the stored prefix or suffix is recognisably there (at most a quarter of it
  edited), the span next to it that best explains the quote and the other context, possibly
  empty (:meth:`Evidence.context_sites`). A passage edited inside, or deleted, is found here:
  its context pins it down even when its words do not;
* fuzzy matches of the quote alone within a given number of edits (:meth:`Evidence.fuzzy_spans`),
  for a passage whose context changed as well as its words.

Edit distances are Levenshtein distances computed with Myers' bit-parallel algorithm
(:class:`~briefing.core.edit_distance.EditPattern`). Windows are chosen by the pigeonhole
principle: a string within ``k`` edits of a pattern cut into ``k + 1`` pieces contains one
piece unchanged.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from briefing.core.edit_distance import EditPattern

# A context side is *strong* (recognisably there) when at most this fraction of it is edited.
STRONG = 0.25

# A context cut by the start or the end of the text has that boundary as part of it, worth
# this many characters: a prefix that no longer starts the text lost that much.
BOUNDARY = 8

# As in briefing.core.anchoring (which imports this module).
CONTEXT_CHARS = 32

_WORDS = re.compile(r"\S+")


def fold(text: str) -> str:
    """``text`` without its whitespace (Unicode's, ideographic space included)."""
    return "".join(text.split())


@dataclass(frozen=True)
class Folded:
    """A text without whitespace, and the raw offset of each of its characters (plus the raw
    length as a last entry)."""

    text: str
    offsets: tuple[int, ...]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw span covering folded ``[start, end)``, ``end > start``."""
        return self.offsets[start], self.offsets[end - 1] + 1


@lru_cache(maxsize=8)  # an article's highlights are re-anchored one after another
def fold_text(text: str) -> Folded:
    offsets: list[int] = []
    for word in _WORDS.finditer(text):
        offsets.extend(range(word.start(), word.end()))
    offsets.append(len(text))
    return Folded(fold(text), tuple(offsets))


@dataclass(frozen=True)
class Candidate:
    """A span of the folded text and how many edits separate it and its surroundings from
    the stored quote, prefix and suffix. ``site`` marks a span found from the context."""

    start: int
    end: int
    quote_edits: int
    prefix_edits: int
    suffix_edits: int
    site: bool = False

    @property
    def cost(self) -> int:
        return self.quote_edits + self.prefix_edits + self.suffix_edits


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(ranges):
        if merged and lo <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def _pieces(pattern: str, count: int) -> list[tuple[int, str]]:
    """``pattern`` cut into ``count`` nearly equal pieces, with their offsets."""
    bounds = [len(pattern) * i // count for i in range(count + 1)]
    return [(bounds[i], pattern[bounds[i] : bounds[i + 1]]) for i in range(count)]


def _occurrences(text: str, piece: str) -> list[int]:
    found: list[int] = []
    index = text.find(piece)
    while index >= 0:
        found.append(index)
        index = text.find(piece, index + 1)
    return found


def _bigram_bound(pattern: str, bigrams: frozenset[str], window: str) -> int:
    """A lower bound on the edit distance between ``pattern`` and any substring of
    ``window``: one edit destroys at most two of the pattern's bigrams."""
    if len(pattern) < 2:
        return 0
    shared = sum(1 for i in range(len(window) - 1) if window[i : i + 2] in bigrams)
    return max(0, math.ceil((len(pattern) - 1 - shared) / 2))


class Evidence:
    """One selector against one folded text: edit costs of the quote and of each context
    side at any place, and the candidate spans."""

    def __init__(
        self, folded: Folded, quote: str, prefix: str, suffix: str, cut: tuple[bool, bool]
    ) -> None:
        """``quote``, ``prefix`` and ``suffix`` are folded; ``cut`` says whether the prefix
        was cut by the start of the old text and the suffix by its end."""
        self.text = folded.text
        self.quote, self.prefix, self.suffix = quote, prefix, suffix
        self.prefix_cut, self.suffix_cut = cut
        self.quote_pattern = EditPattern(quote)
        self.reversed_quote = EditPattern(quote[::-1])
        self.prefix_pattern = EditPattern(prefix)
        self.reversed_prefix = EditPattern(prefix[::-1])
        self.reversed_suffix = EditPattern(suffix[::-1])
        self.prefix_side = len(prefix) + (BOUNDARY if self.prefix_cut else 0)
        self.suffix_side = len(suffix) + (BOUNDARY if self.suffix_cut else 0)
        self.prefix_bigrams = frozenset(prefix[i : i + 2] for i in range(len(prefix) - 1))
        self.suffix_bigrams = frozenset(suffix[i : i + 2] for i in range(len(suffix) - 1))

    # -- context costs ---------------------------------------------------------------------

    def prefix_costs(self, lo: int, hi: int) -> list[int]:
        """Edits of the stored prefix against the text ending at each ``x`` in ``[lo, hi]``,
        at most the side's length. A full prefix may match with its far end anywhere; a cut
        one either matches the whole text before ``x`` or costs :data:`BOUNDARY` more."""
        text, size = self.text, len(self.prefix)
        first = max(0, lo - 2 * size)
        free = self.prefix_pattern.scan(text[first:hi]) if size else []
        costs = [
            min(size, free[x - first - 1]) if size and x > first else size
            for x in range(lo, hi + 1)
        ]
        if not self.prefix_cut:
            return costs
        anchored = self.prefix_pattern.scan(text[: min(hi, size + self.prefix_side)], anchored=True)
        for i, x in enumerate(range(lo, hi + 1)):
            whole = (anchored[x - 1] if x else size) if x - size <= self.prefix_side else math.inf
            costs[i] = int(min(costs[i] + BOUNDARY, whole, self.prefix_side))
        return costs

    def suffix_costs(self, lo: int, hi: int) -> list[int]:
        """Edits of the stored suffix against the text starting at each ``e`` in
        ``[lo, hi]``; the mirror image of :meth:`prefix_costs`."""
        text, size, n = self.text, len(self.suffix), len(self.text)
        last = min(n, hi + 2 * size)
        free = self.reversed_suffix.scan(text[lo:last][::-1]) if size else []
        costs = [
            min(size, free[last - e - 1]) if size and e < last else size for e in range(lo, hi + 1)
        ]
        if not self.suffix_cut:
            return costs
        first = max(lo, n - size - self.suffix_side)
        anchored = self.reversed_suffix.scan(text[first:][::-1], anchored=True)
        for i, e in enumerate(range(lo, hi + 1)):
            if e < first:
                whole: float = math.inf
            else:
                whole = anchored[n - e - 1] if e < n else size
            costs[i] = int(min(costs[i] + BOUNDARY, whole, self.suffix_side))
        return costs

    def prefix_cost(self, x: int) -> int:
        size = len(self.prefix)
        if (
            size
            and not self.prefix_cut
            and x >= size
            and self.text.startswith(self.prefix, x - size)
        ):
            return 0
        return self.prefix_costs(x, x)[0]

    def suffix_cost(self, e: int) -> int:
        if self.suffix and not self.suffix_cut and self.text.startswith(self.suffix, e):
            return 0
        return self.suffix_costs(e, e)[0]

    def context_bound(self, start: int, end: int) -> int:
        """A cheap lower bound on ``prefix_cost(start) + suffix_cost(end)``."""
        text, lp, ls = self.text, len(self.prefix), len(self.suffix)
        low = 0
        if lp and not self.prefix_cut:
            low += _bigram_bound(
                self.prefix, self.prefix_bigrams, text[max(0, start - 2 * lp) : start]
            )
        if ls and not self.suffix_cut:
            low += _bigram_bound(self.suffix, self.suffix_bigrams, text[end : end + 2 * ls])
        return low

    def candidate(
        self, start: int, end: int, quote_edits: int | None = None, *, site: bool = False
    ) -> Candidate:
        if quote_edits is None:
            quote_edits = self.quote_pattern.distance(self.text[start:end])
        return Candidate(
            start, end, quote_edits, self.prefix_cost(start), self.suffix_cost(end), site
        )

    # -- exact occurrences -----------------------------------------------------------------

    def exact_spans(self) -> list[tuple[int, int]]:
        m = len(self.quote)
        return [(x, x + m) for x in _occurrences(self.text, self.quote)]

    # -- sites: found from the context -----------------------------------------------------

    def _strong_ranges(
        self, pattern: str, side: int, cut_at: int | None, *, ends: bool
    ) -> list[tuple[int, int]]:
        """Ranges of positions where a context side could be strong: around the unchanged
        pieces of ``pattern`` (positions are where it ends if ``ends``, else where it
        starts), and near ``cut_at``, the text boundary, for a cut side."""
        n, size = len(self.text), len(pattern)
        budget = math.floor(STRONG * side)
        free_budget = budget - (BOUNDARY if cut_at is not None else 0)
        ranges: list[tuple[int, int]] = []
        if cut_at is not None:  # the side matched whole against the text's boundary
            at = cut_at + size if ends else cut_at - size
            ranges.append((max(0, at - budget), min(n, at + budget)))
        if size and free_budget >= 0:
            for offset, piece in _pieces(pattern, free_budget + 1):
                if not piece:
                    continue
                for hit in _occurrences(self.text, piece):
                    anchor = hit - offset + (size if ends else 0)
                    ranges.append((max(0, anchor - free_budget), min(n, anchor + free_budget)))
        return _merge(ranges)

    def _strong_points(self, ranges: list[tuple[int, int]], costs, budget: int) -> list[int]:
        """In each run of positions within ``budget``, those with the run's fewest edits."""
        points: list[int] = []
        for lo, hi in ranges:
            run: list[tuple[int, int]] = []
            for position, cost in zip(range(lo, hi + 1), [*costs(lo, hi)], strict=True):
                if cost <= budget:
                    run.append((position, cost))
                    continue
                if run:
                    fewest = min(c for _, c in run)
                    points += [p for p, c in run if c == fewest]
                    run = []
            if run:
                fewest = min(c for _, c in run)
                points += [p for p, c in run if c == fewest]
        return points

    def context_sites(self) -> list[Candidate]:
        """For every place where the prefix ends or the suffix starts recognisably, the span
        beside it that best explains the rest of the selector (the quote and the other side),
        empty when the passage is gone; and the quote's exact occurrences close by."""
        text, m, n = self.text, len(self.quote), len(self.text)
        # The longest span an acceptable match may be, or one that still shows the context
        # framing a place (the passage may have grown beyond recognition there).
        reach = m + max(m // 2, 2 * CONTEXT_CHARS)
        found: dict[tuple[int, int], Candidate] = {}

        prefix_ranges = self._strong_ranges(
            self.prefix, self.prefix_side, 0 if self.prefix_cut else None, ends=True
        )
        for x in self._strong_points(
            prefix_ranges, self.prefix_costs, math.floor(STRONG * self.prefix_side)
        ):
            hi = min(n, x + reach)
            edits = [m, *self.quote_pattern.scan(text[x:hi], anchored=True)]
            suffix = self.suffix_costs(x, hi)
            end = min(range(x, hi + 1), key=lambda e: (edits[e - x] + suffix[e - x], edits[e - x]))
            found.setdefault(
                (x, end),
                Candidate(x, end, edits[end - x], self.prefix_cost(x), suffix[end - x], True),
            )

        suffix_ranges = self._strong_ranges(
            self.suffix, self.suffix_side, n if self.suffix_cut else None, ends=False
        )
        for y in self._strong_points(
            suffix_ranges, self.suffix_costs, math.floor(STRONG * self.suffix_side)
        ):
            lo = max(0, y - reach)
            edits = [m, *self.reversed_quote.scan(text[lo:y][::-1], anchored=True)]
            prefix = self.prefix_costs(lo, y)
            start = min(
                range(lo, y + 1), key=lambda s: (edits[y - s] + prefix[s - lo], edits[y - s])
            )
            found.setdefault(
                (start, y),
                Candidate(
                    start, y, edits[y - start], prefix[start - lo], self.suffix_cost(y), True
                ),
            )

        # An exact occurrence next to a site may beat the site's own span (an insertion at
        # the passage's edge is cheaper as a context edit than as a quote edit).
        for site in list(found.values()):
            lo, hi = max(0, site.start - reach), min(n, site.end + reach)
            for x in _occurrences(text[lo:hi], self.quote):
                span = (lo + x, lo + x + m)
                if span not in found:
                    found[span] = self.candidate(*span, 0)
        return list(found.values())

    # -- fuzzy matches of the quote alone --------------------------------------------------

    def fuzzy_spans(self, max_edits: int) -> list[tuple[int, int, int]]:
        """``(start, end, edits)`` of the spans within ``max_edits`` of the quote that are
        nearest to it locally (the fewest edits in each run of matching ends, every start
        reaching that count)."""
        text, quote, k, n = self.text, self.quote, max_edits, len(self.text)
        m = len(quote)
        if k <= 0 or m <= k:
            return []
        ranges = []
        for offset, piece in _pieces(quote, k + 1):
            for hit in _occurrences(text, piece):
                ranges.append((max(0, hit - offset - k), min(n, hit - offset + m + 2 * k)))
        found: list[tuple[int, int, int]] = []
        for lo, hi in _merge(ranges):
            ends = self.quote_pattern.scan(text[lo:hi])
            run: list[tuple[int, int]] = []
            for j, edits in enumerate([*ends, k + 1]):  # the sentinel closes the last run
                if edits <= k:
                    run.append((lo + j + 1, edits))
                    continue
                if not run:
                    continue
                fewest = min(e for _, e in run)
                for end, edits_there in run:
                    if edits_there != fewest:
                        continue
                    first = max(0, end - m - k)
                    starts = self.reversed_quote.scan(text[first:end][::-1], anchored=True)
                    found.extend(
                        (end - length, end, fewest)
                        for length, value in enumerate(starts, start=1)
                        if value == fewest
                    )
                run = []
        return found
