"""One context side of a highlight against a text: its cost at any place, whether it is
strong (recognisably there) or contradicts a place, and where it could be strong.

Used by :mod:`briefing.core.anchor_search`; works on folded text (whitespace removed). A
side's *cost* at a place is its edit distance there, except that the part of it beyond the
passage's paragraph break counts :data:`FAR` per character when the part within the paragraph
explains it better: paragraphs move, and a passage's own paragraph moves with it. A side cut
by the start or the end of the old text has that boundary as :data:`BOUNDARY` more characters.
"""

from __future__ import annotations

import math

from briefing.core.edit_distance import EditPattern

# A context side is *strong* (recognisably there) when at most this fraction of it is edited.
STRONG = 0.25

# A context cut by the start or the end of the text has that boundary as part of it, worth
# this many characters: a prefix that no longer starts the text lost that much.
BOUNDARY = 8

# Each context character beyond the passage's paragraph break counts this much of an edit
# where it does not match (see ContextSide).
FAR = 0.5

# A near part this long (folded) decides alone whether its side is strong.
NEAR_MIN = 6

# A side whose own paragraph's part is more than this fraction edited contradicts a place.
CONTRADICTED = 0.5
# ...when that part has at least this many characters (fewer say too little).
CONTRADICT_MIN = 12


def merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Inclusive ranges, sorted, those that overlap or touch merged."""
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(ranges):
        if merged and lo <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def pieces(pattern: str, count: int) -> list[tuple[int, str]]:
    """``pattern`` cut into ``count`` nearly equal pieces, with their offsets."""
    bounds = [len(pattern) * i // count for i in range(count + 1)]
    return [(bounds[i], pattern[bounds[i] : bounds[i + 1]]) for i in range(count)]


def occurrences(text: str, piece: str) -> list[int]:
    """Every start of ``piece`` in ``text``, overlapping ones included."""
    found: list[int] = []
    index = text.find(piece)
    while index >= 0:
        found.append(index)
        index = text.find(piece, index + 1)
    return found


def bigram_bound(pattern: str, bigrams: frozenset[str], window: str) -> int:
    """A lower bound on the edit distance between ``pattern`` and any substring of
    ``window``: one edit destroys at most two of the pattern's bigrams."""
    if len(pattern) < 2:
        return 0
    shared = sum(1 for i in range(len(window) - 1) if window[i : i + 2] in bigrams)
    return max(0, math.ceil((len(pattern) - 1 - shared) / 2))


class ContextSide:
    """One context side, as the text *before* positions of ``text``: the prefix on the text,
    or the suffix reversed on the text reversed (so one piece of code serves both).

    ``near`` is the part of the side within the passage's own paragraph (the side's end
    beyond its paragraph break), or ``None`` when the side has no break. Paragraphs move
    about, so what lies beyond a break is weaker evidence: a side's cost is the lower of its
    edits and ``near``'s edits plus :data:`FAR` per character beyond the break. A side whose
    near part has at least :data:`NEAR_MIN` characters is strong where that part is (at most
    :data:`STRONG` of it edited); another, where the whole side is and its near part, if any,
    is there unchanged. A side cut by the text's start or end shorter than :data:`NEAR_MIN`
    is never strong: the boundary alone proves little."""

    def __init__(self, text: str, pattern: str, near: str | None, cut: bool) -> None:
        self.text, self.pattern, self.cut = text, pattern, cut
        self.full = EditPattern(pattern)
        self.length = len(pattern) + (BOUNDARY if cut else 0)
        self.near = near if near is not None and len(near) < len(pattern) else None
        near = self.near or ""
        self.near_pattern = EditPattern(near)
        self.far = FAR * (self.length - len(near))
        self.bigrams = frozenset(pattern[i : i + 2] for i in range(len(pattern) - 1))
        self.near_bigrams = frozenset(near[i : i + 2] for i in range(len(near) - 1))
        # What must be there for the side to be strong: its near part if long enough.
        self.by_near = len(near) >= NEAR_MIN
        self.budget = STRONG * (len(near) if self.by_near else self.length)
        if cut and len(pattern) < NEAR_MIN:  # the text's start or end alone proves little
            self.budget = -1.0
        # Costs at single positions, asked for again and again by each candidate's verdict.
        self._at: dict[tuple[str, int], float] = {}

    def _full_costs(self, lo: int, hi: int) -> list[float]:
        """A whole side may match with its far end anywhere; a side cut by the text's start
        either matches the whole text before ``x`` or costs :data:`BOUNDARY` more."""
        text, size = self.text, len(self.pattern)
        first = max(0, lo - 2 * size)
        free = self.full.scan(text[first:hi]) if size else []
        costs: list[float] = [
            min(size, free[x - first - 1]) if size and x > first else size
            for x in range(lo, hi + 1)
        ]
        if self.cut:
            anchored = self.full.scan(text[: min(hi, size + self.length)], anchored=True)
            for i, x in enumerate(range(lo, hi + 1)):
                whole = (anchored[x - 1] if x else size) if x - size <= self.length else math.inf
                costs[i] = min(costs[i] + BOUNDARY, whole, self.length)
        return costs

    def _free_costs(self, pattern: EditPattern, lo: int, hi: int) -> list[int]:
        """Edits of ``pattern`` against the text ending at each ``x`` (its far end free)."""
        size = pattern.length
        first = max(0, lo - 2 * size)
        free = pattern.scan(self.text[first:hi]) if size else []
        return [
            min(size, free[x - first - 1]) if size and x > first else size
            for x in range(lo, hi + 1)
        ]

    def _near_costs(self, lo: int, hi: int) -> list[int]:
        return self._free_costs(self.near_pattern, lo, hi)

    def _one(self, kind: str, x: int) -> float:
        """``kind`` ("full", "near" or "free") of the side where it ends at ``x``, memoised."""
        key = (kind, x)
        if key not in self._at:
            if kind == "full":
                self._at[key] = self._full_costs(x, x)[0]
            elif kind == "near":
                self._at[key] = self._near_costs(x, x)[0]
            else:
                self._at[key] = self._free_costs(self.full, x, x)[0]
        return self._at[key]

    def contradicted(self, x: int) -> bool:
        """Whether the side's text within the passage's paragraph (all of it when it has no
        break, else its near part), if at least :data:`CONTRADICT_MIN` long, is mostly not there:
        the passage's own surroundings say this is another place."""
        pattern = self.full if self.near is None else self.near_pattern
        if pattern.length < CONTRADICT_MIN:
            return False
        size = pattern.length
        if pattern is self.full and x >= size and self.text.startswith(self.pattern, x - size):
            return False
        edits = self._one("free" if pattern is self.full else "near", x)
        return edits > CONTRADICTED * pattern.length

    def costs(self, lo: int, hi: int) -> list[float]:
        """The side's cost where it ends at each ``x`` in ``[lo, hi]``, at most its length."""
        costs = self._full_costs(lo, hi)
        if self.near is None:
            return costs
        return [min(c, n + self.far) for c, n in zip(costs, self._near_costs(lo, hi), strict=True)]

    def _anchor_costs(self, lo: int, hi: int) -> list[float]:
        return (
            [float(c) for c in self._near_costs(lo, hi)]
            if self.by_near
            else self._full_costs(lo, hi)
        )

    def cost(self, x: int) -> float:
        size = len(self.pattern)
        if size and not self.cut and x >= size and self.text.startswith(self.pattern, x - size):
            return 0
        full = self._one("full", x)
        return full if self.near is None else min(full, self._one("near", x) + self.far)

    def strong(self, x: int) -> bool:
        if self.by_near:
            return self._one("near", x) <= self.budget
        # A near part too short to decide alone must at least be there, unchanged.
        if self.near is not None and self._one("near", x) > 0:
            return False
        return self._one("full", x) <= self.budget

    def evidence(self, x: int) -> float:
        """How much of the side matches where it ends at ``x``: its characters within the
        passage's paragraph count one each, those beyond the break :data:`FAR`."""
        full = self._one("full", x)
        if self.near is None:
            return self.length - full
        near = len(self.near) - self._one("near", x)
        beyond = self.length - len(self.near)
        # What the whole side matches beyond what its near part does is the far part's.
        return near + FAR * min(beyond, max(0.0, self.length - full - near))

    def bound(self, x: int) -> float:
        """A cheap lower bound on ``cost(x)``."""
        if self.cut or not self.pattern:
            return 0
        size = len(self.pattern)
        low: float = bigram_bound(self.pattern, self.bigrams, self.text[max(0, x - 2 * size) : x])
        if self.near is not None:
            window = self.text[max(0, x - 2 * len(self.near)) : x]
            low = min(low, bigram_bound(self.near, self.near_bigrams, window) + self.far)
        return low

    def _strong_ranges(self) -> list[tuple[int, int]]:
        """Ranges of positions ``x`` that may be strong: around the unchanged pieces of what
        must be there (pigeonhole), and beside the text's start for a cut side."""
        n = len(self.text)
        if self.budget < 0:
            return []
        if self.by_near:
            pattern, k = self.near or "", math.floor(self.budget)
        else:
            pattern, k = self.pattern, math.floor(self.budget - (BOUNDARY if self.cut else 0))
        ranges: list[tuple[int, int]] = []
        if self.cut and not self.by_near:  # matched whole against the text's start
            size, whole = len(self.pattern), math.floor(self.budget)
            ranges.append((max(0, size - whole), min(n, size + whole)))
        if pattern and k >= 0:
            bigrams = self.near_bigrams if self.by_near else self.bigrams
            hits = []
            for offset, piece in pieces(pattern, k + 1):
                for hit in occurrences(self.text, piece) if piece else []:
                    end = hit - offset + len(pattern)
                    hits.append((max(0, end - k), min(n, end + k)))
            for lo, hi in merge(hits):
                # Too few of the pattern's bigrams around: no match within k edits there.
                window = self.text[max(0, lo - len(pattern) - k) : hi]
                if bigram_bound(pattern, bigrams, window) <= k:
                    ranges.append((lo, hi))
        return merge(ranges)

    def strong_points(self) -> list[int]:
        """In each run of strong positions, the first of those where what must be there
        matches best (the others in the run are the same place: the side's far end merely
        slides, and exact occurrences of the quote nearby are candidates anyway)."""
        points: list[int] = []
        for lo, hi in self._strong_ranges():
            run: list[tuple[int, float]] = []
            costs = self._anchor_costs(lo, hi)
            for x, cost in [*zip(range(lo, hi + 1), costs, strict=True), (-1, math.inf)]:
                if cost <= self.budget:
                    run.append((x, cost))
                elif run:
                    fewest = min(c for _, c in run)
                    best = [p for p, c in run if c == fewest]
                    points.append(best[0])
                    run = []
        return points
