"""Putting a highlight back on its passage after the article's text has changed.

A highlight is stored as a :class:`~briefing.core.model.TextSelector`: the quoted passage, up
to :data:`CONTEXT_CHARS` characters on either side of it, and its old offsets. When an article
is re-imported the offsets may point at the wrong place, so :func:`reanchor` looks for the
passage again and returns an :class:`Anchor`, or ``None`` when the passage is gone (the caller
marks the highlight orphaned; it never deletes it and never moves it onto unrelated text).

How the new place is chosen. Every *candidate* span is an exact occurrence of the quote or a
fuzzy match of it (fuzzy spans around an exact occurrence are dropped: same place, worse
boundaries). Each carries

* ``cost``: how many characters of the stored fingerprint ``prefix + quote + suffix`` differ
  there: the edit distance from the quote to the span, plus those from the stored prefix to
  the text ending where the span starts and from the stored suffix to the text starting where
  it ends. A full-length context may match with its far end anywhere; a shorter one was cut
  by the start or end of the text, which is then part of the context too;
* ``distance``: from its start to where the passage is expected: the old start or, when the
  old text length is known, the old start moved by the whole length change or scaled by it,
  whichever is nearest. It weighs like edited characters up to two context widths, and then
  one per further context width (:func:`_distance_weight`): a passage that moved far was
  most likely moved by one block inserted or deleted, whatever its size.

Context matters most: only candidates whose cost is within a tolerance of the lowest cost stay
in the running, so a short quote like 「制裁」 that slid into the old offsets with different
context drops out. Among them the lowest ``cost + weighted distance`` wins: where several
places are equally plausible (repeated boilerplate) the nearest one is taken, and an
occurrence whose context an edit damaged still beats a clean copy a sentence away.

Then a *gap check*: if the stored prefix and suffix still frame a span near the expected
place, that span is where the passage was. If it explains the selector better than the winner
and does not overlap it, the passage was edited beyond recognition there, and the highlight is
orphaned rather than moved onto another copy of its words.

Similarity (what ``threshold`` means): ``1 - levenshtein(quote, span) / len(quote)``, with
unit-cost insertion, deletion and substitution of code points. A span is acceptable when its
similarity is at least ``threshold``, i.e. when its edit distance is at most
``k = floor((1 - threshold) * len(quote))``.

Fuzzy matches are found exactly, not heuristically. The text around the expected place is
scanned first, which usually settles it. Otherwise the quote is split into ``k + 1`` pieces:
any span within ``k`` edits contains one piece unchanged, so windows around the pieces'
occurrences hold every acceptable match; windows sharing too few of the quote's q-grams are
skipped (the q-gram lemma), the rest scanned nearest first until none can win. A scan is
Myers' bit-parallel edit distance (Python integers as bit vectors): the best substring
distance at every end position in O(window * len(quote) / 64) word operations.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from dataclasses import dataclass

from briefing.core.edit_distance import EditPattern
from briefing.core.model import TextSelector

CONTEXT_CHARS = 32

# Candidates whose fingerprint cost is within this fraction of the fingerprint's length of the
# best candidate's count as equally plausible, and distance decides among them.
BAND = 0.25

# Fuzzy search scans the text in chunks of at least this many characters.
_CHUNK = 2048

_EPSILON = 1e-9  # (1 - 0.8) * 10 is 1.9999999999999996, not 2


def make_selector(text: str, start: int, end: int) -> TextSelector:
    """The selector for ``text[start:end]`` with up to :data:`CONTEXT_CHARS` of context."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"span [{start}, {end}) is empty or outside a text of {len(text)}")
    return TextSelector(
        quote=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
        start=start,
        end=end,
    )


def find_occurrences(text: str, quote: str) -> list[int]:
    """Start offsets of every occurrence of ``quote`` in ``text``, overlapping ones included
    (``"ああ"`` occurs at 0, 1 and 2 in ``"ああああ"``). An empty quote occurs nowhere."""
    found: list[int] = []
    if not quote:
        return found
    index = text.find(quote)
    while index >= 0:
        found.append(index)
        index = text.find(quote, index + 1)
    return found


@dataclass(frozen=True)
class Anchor:
    """Where a highlight sits in the new text. ``method`` is ``"exact-position"`` (the quote is
    still at its old offsets), ``"exact-context"`` (an exact occurrence elsewhere) or
    ``"fuzzy"``; ``score`` is the similarity of ``text[start:end]`` to the quote."""

    start: int
    end: int
    method: str
    score: float


def similarity(quote: str, span: str) -> float:
    """``1 - levenshtein(quote, span) / len(quote)``: the measure ``threshold`` applies to."""
    if not quote:
        return 1.0 if not span else 0.0
    return 1.0 - EditPattern(quote).distance(span) / len(quote)


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    edits: int  # edit distance between the quote and text[start:end]
    cost: int  # edits plus the context's edit distances
    distance: int  # from the nearest expected start

    @property
    def score(self) -> float:
        return self.cost + _distance_weight(self.distance)


def _distance_weight(distance: float) -> float:
    """What being ``distance`` characters from the expected start costs, in edited characters.

    Within two context widths a shift counts like the edits that would explain it; further
    out it is most likely one inserted or deleted block whose size says little, and each
    further context width counts as one edited character."""
    near = 2 * CONTEXT_CHARS
    return distance if distance <= near else near + (distance - near) / CONTEXT_CHARS


def _distance_within(weight: float) -> float:
    """The largest distance whose :func:`_distance_weight` is ``weight``."""
    near = 2 * CONTEXT_CHARS
    return weight if weight <= near else near + (weight - near) * CONTEXT_CHARS


class _Search:
    """One re-anchoring: the new text, the selector and everything derived from them."""

    def __init__(
        self, text: str, selector: TextSelector, threshold: float, old_length: int | None
    ) -> None:
        self.text = text
        self.selector = selector
        self.quote = selector.quote
        self.pattern = EditPattern(selector.quote)
        self.reversed_pattern = EditPattern(selector.quote[::-1])
        self.prefix = EditPattern(selector.prefix)
        self.reversed_suffix = EditPattern(selector.suffix[::-1])
        m = len(selector.quote)
        self.max_edits = math.floor((1.0 - threshold) * m + _EPSILON)
        fingerprint = len(selector.prefix) + m + len(selector.suffix)
        # An acceptable fuzzy match with clean context must stay in the running next to exact
        # copies, hence max_edits; CONTEXT_CHARS / 2 keeps short quotes' context edits in it.
        self.tolerance = max(CONTEXT_CHARS / 2, BAND * fingerprint, self.max_edits)
        self.expected = self._expected_starts(old_length)
        self.gram, self.grams_needed, self.grams = self._gram_filter()

    def _gram_filter(self) -> tuple[int, int, Counter[str]]:
        """The q-gram lemma: a span within k edits of the quote shares at least
        ``m - q + 1 - k * q`` of the quote's q-grams (one edit breaks at most q of them), so
        a window holding fewer cannot hold a match. Returns q, that count and the q-grams."""
        m, k = len(self.quote), self.max_edits
        for q in (3, 2):
            needed = m - q + 1 - k * q
            if needed > 0:
                return q, needed, Counter(self.quote[i : i + q] for i in range(m - q + 1))
        return 0, 0, Counter()

    def _expected_starts(self, old_length: int | None) -> list[int]:
        # Edits after the passage leave it in place, edits before it move it by the whole
        # length change, edits spread over the text move it proportionally.
        old_start, n = self.selector.start, len(self.text)
        points = {old_start}
        if old_length:
            points.add(old_start + n - old_length)
            points.add(round(old_start * n / old_length))
        return sorted(min(max(point, 0), n) for point in points)

    def distance(self, position: int) -> int:
        return min(abs(position - point) for point in self.expected)

    def distance_to_range(self, lo: int, hi: int) -> int:
        return min(max(lo - point, 0, point - hi) for point in self.expected)

    # -- context -------------------------------------------------------------------------

    # A context shorter than CONTEXT_CHARS was cut by the start or the end of the text, so the
    # boundary is part of it: such a prefix must match from the start of the new text, such a
    # suffix up to its end. A full-length context may match with its far end anywhere.

    def prefix_cost(self, position: int) -> int:
        """Edit distance from the stored prefix to the text ending at ``position``, at most
        :data:`CONTEXT_CHARS`."""
        prefix, text = self.selector.prefix, self.text
        size = len(prefix)
        if size < CONTEXT_CHARS:
            if position == size and text.startswith(prefix):
                return 0
            if position > size + CONTEXT_CHARS:
                return CONTEXT_CHARS
            return min(CONTEXT_CHARS, self.prefix.distance(text[:position]))
        if position >= size and text.startswith(prefix, position - size):
            return 0
        # Beyond twice the pattern's length an alignment costs more than deleting it all.
        window = text[max(0, position - 2 * size) : position]
        return self.prefix.scan(window)[-1] if window else size

    def suffix_cost(self, position: int) -> int:
        """Edit distance from the stored suffix to the text starting at ``position``, at most
        :data:`CONTEXT_CHARS`."""
        suffix, text = self.selector.suffix, self.text
        size, n = len(suffix), len(self.text)
        if size < CONTEXT_CHARS:
            if position == n - size and text.endswith(suffix):
                return 0
            if n - position > size + CONTEXT_CHARS:
                return CONTEXT_CHARS
            return min(CONTEXT_CHARS, self.reversed_suffix.distance(text[position:][::-1]))
        if text.startswith(suffix, position):
            return 0
        window = text[position : position + 2 * size][::-1]
        return self.reversed_suffix.scan(window)[-1] if window else size

    def candidate(self, start: int, end: int, edits: int) -> _Candidate:
        cost = edits + self.prefix_cost(start) + self.suffix_cost(end)
        return _Candidate(start, end, edits, cost, self.distance(start))

    # -- fuzzy matches -------------------------------------------------------------------

    def seed_windows(self) -> list[tuple[int, int]]:
        """Ranges of the text that hold every span within ``max_edits`` of the quote.

        Overlapping ranges are merged, then cut into overlapping chunks of a few quote lengths
        (each match lies wholly inside one) so that the nearest can be scanned first and the
        rest skipped once they are too far to win: with a common quote the merged ranges can
        cover the whole text.
        """
        quote, k, n = self.quote, self.max_edits, len(self.text)
        m = len(quote)
        pieces = k + 1
        bounds = [m * i // pieces for i in range(pieces + 1)]
        ranges: list[tuple[int, int]] = []
        for i in range(pieces):
            offset = bounds[i]
            for hit in find_occurrences(self.text, quote[offset : bounds[i + 1]]):
                # The piece moved at most k from its place in the quote, and a match is at
                # most m + k long.
                ranges.append((max(0, hit - offset - k), min(n, hit - offset + m + 2 * k)))
        ranges.sort()
        merged: list[tuple[int, int]] = []
        for lo, hi in ranges:
            if merged and lo <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
            else:
                merged.append((lo, hi))
        overlap = m + 2 * k  # at least the longest match, m + k
        size = max(_CHUNK, 2 * overlap)
        return [
            (at, min(hi, at + size))
            for lo, hi in merged
            for at in range(lo, max(lo + 1, hi - overlap), size - overlap)
        ]

    def matches_in(self, lo: int, hi: int) -> list[tuple[int, int, int]]:
        """``(start, end, edits)`` of the best fuzzy matches ending in ``text[lo:hi]``.

        Ends within ``max_edits`` come in runs, one per place the quote nearly occurs; each
        run's ends with the fewest edits are kept, with every start reaching that distance:
        where an edit sits at a boundary several spans are equally close to the quote, and
        the context decides between them.
        """
        k, m, q = self.max_edits, len(self.quote), self.gram
        window = self.text[lo:hi]
        if q:
            present = Counter(window[i : i + q] for i in range(len(window) - q + 1))
            if sum((present & self.grams).values()) < self.grams_needed:
                return []
        ends = self.pattern.scan(window)
        best_ends: list[tuple[int, int]] = []
        run: list[tuple[int, int]] = []
        for j, edits in enumerate([*ends, k + 1]):  # the sentinel closes the last run
            if edits <= k:
                run.append((lo + j + 1, edits))
            elif run:
                fewest = min(e for _, e in run)
                best_ends += [(end, e) for end, e in run if e == fewest]
                run = []
        found: list[tuple[int, int, int]] = []
        for end, edits in best_ends:
            first = max(0, end - m - k)
            starts = self.reversed_pattern.scan(self.text[first:end][::-1], anchored=True)
            found.extend(
                (end - length, end, edits)
                for length, value in enumerate(starts, start=1)
                if value == edits
            )
        return found


def _select(candidates: list[_Candidate], tolerance: float, old_start: int) -> _Candidate:
    """The winner: the lowest score among the candidates whose cost is near the lowest."""
    lowest = min(candidate.cost for candidate in candidates)
    running = [c for c in candidates if c.cost <= lowest + tolerance]
    return min(running, key=lambda c: _rank(c, old_start))


def _rank(candidate: _Candidate, old_start: int) -> tuple[float, int, int, int]:
    return (
        candidate.score,
        candidate.cost,
        abs(candidate.start - old_start),
        candidate.start,
    )


def reanchor(
    text: str,
    selector: TextSelector,
    threshold: float = 0.8,
    *,
    old_length: int | None = None,
) -> Anchor | None:
    """Place the highlight described by ``selector`` on ``text``, a possibly edited version of
    the text it was made on, or return ``None`` when nothing there is its passage.

    ``threshold`` is the lowest :func:`similarity` a fuzzy placement may have, in ``(0, 1]``.
    ``old_length`` is the length of the text the selector was made on, when known: it lets the
    distance to the expected place allow for text inserted or deleted before the passage.
    """
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], not {threshold}")
    quote, start = selector.quote, selector.start
    if not quote or not text:
        return None
    search = _Search(text, selector, threshold, old_length)
    if (
        text.startswith(quote, start)
        and search.prefix_cost(start) == 0
        and search.suffix_cost(start + len(quote)) == 0
    ):
        return Anchor(start, start + len(quote), "exact-position", 1.0)

    exact = find_occurrences(text, quote)
    candidates, best = _exact_candidates(search, exact)
    if search.max_edits > 0 and (best is None or best.score > 0):
        best = _add_fuzzy(search, exact, candidates, best)
    if best is None:
        return None
    best = _check_gap(search, candidates, best)
    if best is None:
        return None
    if best.edits == 0:
        method = "exact-position" if best.start == start else "exact-context"
        return Anchor(best.start, best.end, method, 1.0)
    return Anchor(best.start, best.end, "fuzzy", 1.0 - best.edits / len(quote))


def _exact_candidates(
    search: _Search, exact: list[int]
) -> tuple[list[_Candidate], _Candidate | None]:
    """Candidates for the exact occurrences, nearest first, and the winner among them.

    Occurrences too far away to beat the winner are left out: they score more than it, and
    cannot push it out of the running while its cost is within the tolerance. A short quote
    like 「の」 occurs thousands of times in a long article.
    """
    m, tolerance, old_start = len(search.quote), search.tolerance, search.selector.start
    candidates: list[_Candidate] = []
    best: _Candidate | None = None
    lowest = math.inf
    for position in sorted(exact, key=search.distance):
        if (
            best is not None
            and _distance_weight(search.distance(position)) > best.score
            and best.cost <= tolerance
        ):
            break
        candidate = search.candidate(position, position + m, 0)
        candidates.append(candidate)
        if candidate.cost < lowest:  # the running may shrink: at most once per cost value
            lowest = candidate.cost
            best = _select(candidates, tolerance, old_start)
        elif candidate.cost <= lowest + tolerance and best is not None:
            best = min(best, candidate, key=lambda c: _rank(c, old_start))
    return candidates, best


def _add_fuzzy(
    search: _Search, exact: list[int], candidates: list[_Candidate], best: _Candidate | None
) -> _Candidate | None:
    """Add fuzzy candidates to ``candidates``, nearest first, and return the winner.

    A fuzzy candidate scores at least its distance's weight plus 1, so none starting where
    that reaches the winner's score can beat it, nor push it out of the running while the
    winner's cost is at most ``tolerance + 1``. The text around the expected place is
    scanned first; only if that does not settle it are the seed windows scanned, nearest
    first.
    """
    m, k, n = len(search.quote), search.max_edits, len(search.text)
    seen = {(c.start, c.end) for c in candidates}

    def settled(distance: float) -> bool:
        return (
            best is not None
            and best.score <= _distance_weight(distance)
            and best.cost <= search.tolerance + 1
        )

    def scan(lo: int, hi: int) -> _Candidate | None:
        for begin, end, edits in search.matches_in(lo, hi):
            # A fuzzy span around an exact occurrence is the same place badly delimited.
            i = bisect.bisect_left(exact, begin - m + 1)
            if (i < len(exact) and exact[i] < end) or (begin, end) in seen:
                continue
            seen.add((begin, end))
            candidates.append(search.candidate(begin, end, edits))
        return _select(candidates, search.tolerance, search.selector.start) if candidates else None

    reach = 2 * CONTEXT_CHARS + m + 2 * k
    near_lo = max(0, search.expected[0] - reach)
    near_hi = min(n, search.expected[-1] + m + k + reach)
    best = scan(near_lo, near_hi) or best
    # Every match starting in [near_lo, near_hi - m - k] has been seen.
    margin = min(
        search.expected[0] - near_lo if near_lo > 0 else math.inf,
        near_hi - m - k - search.expected[-1] if near_hi < n else math.inf,
    )
    if settled(margin):
        return best
    windows = search.seed_windows()
    windows.sort(key=lambda w: search.distance_to_range(*w))
    for lo, hi in windows:
        if settled(search.distance_to_range(lo, hi)):
            break
        best = scan(lo, hi) or best
    return best


@dataclass(frozen=True)
class _Gap:
    """The span the stored context frames, and how far its edges may be off: each edge is
    only known up to the edits found in the context on its side."""

    span: _Candidate
    low: int
    high: int

    def overlaps(self, candidate: _Candidate) -> bool:
        """Whether ``candidate`` shares a character with the gap's extent, or straddles it
        if that is empty."""
        if self.low == self.high:
            return candidate.start < self.low < candidate.end
        return candidate.start < self.high and candidate.end > self.low


def _check_gap(
    search: _Search, candidates: list[_Candidate], best: _Candidate
) -> _Candidate | None:
    """Veto ``best`` when the stored context still frames a place near the expected one that
    explains the selector better and does not overlap ``best``: the passage was there and was
    edited away. A candidate at that place, if any, is taken instead."""
    gap = _find_gap(search, best.score)
    if gap is None or gap.span.score >= best.score or gap.overlaps(best):
        return best
    there = [c for c in candidates if gap.overlaps(c)]
    return min(there, key=lambda c: (c.score, c.cost)) if there else None


def _find_gap(search: _Search, limit: float) -> _Gap | None:
    """The span between the best match of the stored prefix and of the stored suffix, near
    enough to the expected start to score under ``limit``; ``None`` when either context is
    not recognisably there (more than :data:`BAND` of it edited) or the span could not
    score under ``limit``."""
    if limit <= 0:
        return None
    text, selector = search.text, search.selector
    n, m = len(text), len(selector.quote)
    lp, ls = len(selector.prefix), len(selector.suffix)
    radius = math.ceil(_distance_within(limit))
    lo = max(0, search.expected[0] - radius)
    hi = min(n, search.expected[-1] + radius)
    if lp < CONTEXT_CHARS:  # anchored at the start of the text, as in _Search.prefix_cost
        reach = min(hi, lp + CONTEXT_CHARS)
        starts = [lp, *search.prefix.scan(text[:reach], anchored=True)]
        options = [(p, starts[p]) for p in range(lo, reach + 1)]
    else:
        first = max(0, lo - 2 * lp)
        starts = search.prefix.scan(text[first:hi])
        options = [(first + j + 1, c) for j, c in enumerate(starts) if first + j + 1 >= lo]
    begin, prefix_cost = min(
        ((p, c) for p, c in options if c <= BAND * lp),
        key=lambda pc: (pc[1] + _distance_weight(search.distance(pc[0])), pc[0]),
        default=(0, -1),
    )
    if prefix_cost < 0:
        return None

    if ls < CONTEXT_CHARS:  # anchored at the end of the text
        first = max(begin, n - ls - CONTEXT_CHARS)
        if first - begin > m + limit:  # so many characters between cost more than limit
            return None
        last = n
        ends = search.reversed_suffix.scan(text[first:][::-1], anchored=True)
        options = [(n, ls), *((n - j - 1, c) for j, c in enumerate(ends))]
    else:
        last = min(n, begin + m + math.ceil(limit) + 2 * ls)
        ends = search.reversed_suffix.scan(text[begin:last][::-1])
        options = [(last - j - 1, c) for j, c in enumerate(ends)]
    # edits[i] is the edit distance from the quote to text[begin:begin + i + 1].
    edits = search.pattern.scan(text[begin:last], anchored=True)

    def quote_edits(end: int) -> int:
        return edits[end - begin - 1] if end > begin else m

    # Of the ends where the suffix is recognisably there, the one explaining the selector best.
    end, suffix_cost = min(
        ((e, c) for e, c in options if c <= BAND * ls),
        key=lambda ec: (ec[1] + quote_edits(ec[0]), ec[1]),
        default=(n, -1),
    )
    if suffix_cost < 0:
        return None
    cost = quote_edits(end) + prefix_cost + suffix_cost
    span = _Candidate(begin, end, quote_edits(end), cost, search.distance(begin))
    return _Gap(span, begin - prefix_cost, end + suffix_cost)
