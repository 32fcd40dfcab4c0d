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

How each context side is costed, and when it is strong (recognisably there) or contradicts a
place, is :class:`~briefing.core.anchor_context.ContextSide`'s business.

Edit distances are Levenshtein distances computed with Myers' bit-parallel algorithm
(:class:`~briefing.core.edit_distance.EditPattern`). Windows are chosen by the pigeonhole
principle (a string within ``k`` edits of a pattern cut into ``k + 1`` pieces contains one
piece unchanged), and skipped when they share too few of the pattern's bigrams.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from briefing.core.anchor_context import ContextSide, merge, occurrences, pieces
from briefing.core.edit_distance import EditPattern

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
    prefix_edits: float
    suffix_edits: float
    strong: int  # context sides recognisably there: 0, 1 or 2
    contradicted: int  # context sides whose own paragraph's part is mostly not there
    context: float  # how much of the context matches (see ContextSide.evidence)
    site: bool = False

    @property
    def cost(self) -> float:
        return self.quote_edits + self.prefix_edits + self.suffix_edits


def _worth_costing(edits: list[int], other_side: Callable[[int], float]) -> tuple[int, int]:
    """The first and last span length worth costing the other context side for, given the
    quote's ``edits`` for each length: the fewest edits plus that side's cost there bounds
    the best total, and no length with more edits than that can beat it."""
    best = min(range(len(edits)), key=lambda i: (edits[i], -i))
    bound = edits[best] + other_side(best)
    worth = [i for i, e in enumerate(edits) if e <= bound]
    return min(worth), max(worth)


class Evidence:
    """One selector against one folded text: edit costs of the quote and of each context
    side at any place, and the candidate spans."""

    def __init__(
        self,
        folded: Folded,
        quote: str,
        context: tuple[str, str],
        near: tuple[str | None, str | None],
        cut: tuple[bool, bool],
    ) -> None:
        """``quote`` and the ``context`` (prefix, suffix) are folded; ``near`` are their
        parts within the passage's paragraph (``None``: no paragraph break in that side);
        ``cut`` says whether the prefix was cut by the start of the old text and the suffix
        by its end."""
        self.text = folded.text
        self.quote = quote
        self.quote_pattern = EditPattern(quote)
        self.reversed_quote = EditPattern(quote[::-1])
        prefix, suffix = context
        near_prefix, near_suffix = near
        self.before = ContextSide(self.text, prefix, near_prefix, cut[0])
        self.after = ContextSide(
            self.text[::-1],
            suffix[::-1],
            None if near_suffix is None else near_suffix[::-1],
            cut[1],
        )
        self.prefix_side, self.suffix_side = self.before.length, self.after.length

    # -- context costs ---------------------------------------------------------------------

    def prefix_costs(self, lo: int, hi: int) -> list[float]:
        """The prefix's cost where it ends at each ``x`` in ``[lo, hi]``."""
        return self.before.costs(lo, hi)

    def suffix_costs(self, lo: int, hi: int) -> list[float]:
        """The suffix's cost where it starts at each ``e`` in ``[lo, hi]``."""
        n = len(self.text)
        return self.after.costs(n - hi, n - lo)[::-1]

    def prefix_cost(self, x: int) -> float:
        return self.before.cost(x)

    def suffix_cost(self, e: int) -> float:
        return self.after.cost(len(self.text) - e)

    def context_bound(self, start: int, end: int) -> float:
        """A cheap lower bound on ``prefix_cost(start) + suffix_cost(end)``."""
        return self.before.bound(start) + self.after.bound(len(self.text) - end)

    def candidate(
        self, start: int, end: int, quote_edits: int | None = None, *, site: bool = False
    ) -> Candidate:
        if quote_edits is None:
            quote_edits = self.quote_pattern.distance(self.text[start:end])
        return self._candidate(start, end, quote_edits, None, None, site)

    def _candidate(
        self,
        start: int,
        end: int,
        quote_edits: int,
        prefix: float | None,
        suffix: float | None,
        site: bool,
    ) -> Candidate:
        n = len(self.text)
        strong = self.before.strong(start) + self.after.strong(n - end)
        contradicted = self.before.contradicted(start) + self.after.contradicted(n - end)
        return Candidate(
            start,
            end,
            quote_edits,
            self.prefix_cost(start) if prefix is None else prefix,
            self.suffix_cost(end) if suffix is None else suffix,
            strong,
            contradicted,
            self.before.evidence(start) + self.after.evidence(n - end),
            site,
        )

    # -- exact occurrences -----------------------------------------------------------------

    def exact_spans(self) -> list[tuple[int, int]]:
        m = len(self.quote)
        return [(x, x + m) for x in occurrences(self.text, self.quote)]

    # -- sites: found from the context -----------------------------------------------------

    def context_sites(self) -> list[Candidate]:
        """For every place where the prefix ends or the suffix starts recognisably, the span
        beside it that best explains the rest of the selector (the quote and the other side),
        empty when the passage is gone; and the quote's exact occurrences close by."""
        text, m, n = self.text, len(self.quote), len(self.text)
        # The longest span an acceptable match may be, or one that still shows the context
        # framing a place (the passage may have grown beyond recognition there).
        reach = m + max(m // 2, 2 * CONTEXT_CHARS)
        found: dict[tuple[int, int], Candidate] = {}

        for x in self.before.strong_points():
            hi = min(n, x + reach)
            # edits[i]: the quote against text[x:x + i]
            edits = [m, *self.quote_pattern.scan(text[x:hi], anchored=True)]
            first, last = _worth_costing(edits, lambda i, x=x: self.suffix_cost(x + i))
            suffix = self.suffix_costs(x + first, x + last)
            i = min(range(first, last + 1), key=lambda i: (edits[i] + suffix[i - first], edits[i]))
            if (x, x + i) not in found:
                found[(x, x + i)] = self._candidate(
                    x, x + i, edits[i], None, suffix[i - first], True
                )

        for y in (n - point for point in self.after.strong_points()):
            lo = max(0, y - reach)
            # edits[i]: the quote against text[y - i:y]
            edits = [m, *self.reversed_quote.scan(text[lo:y][::-1], anchored=True)]
            first, last = _worth_costing(edits, lambda i, y=y: self.prefix_cost(y - i))
            prefix = self.prefix_costs(y - last, y - first)
            i = min(range(first, last + 1), key=lambda i: (edits[i] + prefix[last - i], edits[i]))
            if (y - i, y) not in found:
                found[(y - i, y)] = self._candidate(
                    y - i, y, edits[i], prefix[last - i], None, True
                )

        # An exact occurrence next to a site may beat the site's own span (an insertion at
        # the passage's edge is cheaper as a context edit than as a quote edit).
        for site in list(found.values()):
            lo, hi = max(0, site.start - reach), min(n, site.end + reach)
            for x in occurrences(text[lo:hi], self.quote):
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
        for offset, piece in pieces(quote, k + 1):
            for hit in occurrences(text, piece):
                ranges.append((max(0, hit - offset - k), min(n, hit - offset + m + 2 * k)))
        found: list[tuple[int, int, int]] = []
        for lo, hi in merge(ranges):
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
