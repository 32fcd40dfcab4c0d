"""Putting a highlight back on its passage after the article's text has changed.

A highlight is stored as a :class:`~briefing.core.model.TextSelector`: the quoted passage, up
to :data:`CONTEXT_CHARS` characters on either side of it, and its old offsets. When an article
is re-imported the offsets may point at the wrong place, so :func:`reanchor` looks for the
passage again and returns an :class:`Anchor`, or ``None`` when the passage is gone (the caller
marks the highlight orphaned; it never deletes it and never moves it onto unrelated text).

The decision weighs the whole evidence. Whitespace is ignored throughout (a re-wrapped line is
no edit). Paragraphs ("\\n"-separated blocks) move about, so the part of a context side beyond
the passage's own paragraph is weaker evidence than the part within it
(:class:`~briefing.core.anchor_search.Evidence` has the details). In order:

* **Intact.** If the quote occurs with its whole context exactly once, or, for a paragraph
  shorter than the context, its whole paragraph stands as a paragraph exactly once, that is
  the place.
* **Candidates.** Otherwise :mod:`briefing.core.anchor_search` finds candidate spans: beside
  every place where the prefix or the suffix is recognisable, the span that best explains the
  rest (a *site*; possibly empty, where the passage was deleted); exact occurrences of the
  quote; fuzzy matches of the quote alone. For each it counts the edits between the stored
  fingerprint ``prefix + quote + suffix`` and the text there.
* **Ranking.** A candidate's score is its fingerprint edits (those in the quote weigh
  :data:`QUOTE_EDIT`) plus at most :data:`POSITION` for its distance from the expected place
  (the old start, moved by the change in length when that is known). Context therefore
  outweighs nearness: a copy of the quote next to the old offset loses to the passage that
  moved far away with its context, and the expected place only decides between equally good
  copies (repeated boilerplate).
* **Acceptance.** A candidate's quote may be edited by ``1 - threshold`` of its length, plus
  :data:`STEP` for each context side that *supports* it (is strong: at most a quarter of it
  edited; a side whose own paragraph's part is mostly gone *contradicts* the place and
  cancels a strong one), never below :data:`FLOOR` similarity: a 3-character quote with one
  character changed between two intact contexts is found, so is a passage edited by 30%
  there. A quote left with fewer than :data:`KEPT` characters needs its context unchanged. A
  placement no context side supports needs a quote of :data:`MIN_BARE` characters and no
  contradicting side, or :data:`MIN_ALONE` characters: a short quote whose contexts are gone
  is orphaned rather than moved onto a look-alike.
* **Veto.** A site away from the winner that is framed better and nearer the expected place
  (or as well and a context width away) says the winner is a copy: the site's span is taken
  if acceptable. A site that is not acceptable (the passage edited beyond recognition, or
  deleted) but framed clearly better than the winner (:data:`VETO` characters more, or more
  strong sides) says the passage was there: the highlight is orphaned rather than moved onto
  another copy of its words.

Similarity (what ``threshold`` and :attr:`Anchor.score` mean): ``1 - levenshtein(quote, span) /
len(quote)``, whitespace removed from both, unit-cost insertion, deletion and substitution of
code points (:func:`similarity`).
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, replace

from briefing.core.anchor_search import Candidate, Evidence, Folded, fold, fold_text
from briefing.core.edit_distance import EditPattern
from briefing.core.model import TextSelector

CONTEXT_CHARS = 32

# Each strong context side lets this much more of the quote be edited...
STEP = 0.15
# ...but a placement is never less similar to the quote than this.
FLOOR = 0.5
# A placement keeping fewer characters of the quote than this needs its context unchanged.
KEPT = 2
# A placement with no strong context side needs a quote (whitespace removed) this long, and
# no context side contradicting it (see anchor_search.CONTRADICTED)...
MIN_BARE = 8
# ...unless the quote is this long: then it is distinctive enough on its own.
MIN_ALONE = 24
# The most that distance from the expected place costs, in edited characters, reached at
# NEAR characters: nearness breaks ties, it does not outvote the context.
POSITION = 4.0
NEAR = 2 * CONTEXT_CHARS
# A quote edit counts this much more than a context edit: where an insertion at the passage's
# edge could be either, the highlight keeps its words rather than absorbing the insertion.
QUOTE_EDIT = 1.25
# A framed place that matches this many more context characters than the winner vetoes it.
VETO = 8

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
    still at its old offsets), ``"exact-context"`` (the quote, character for character,
    elsewhere) or ``"fuzzy"`` (an edited or re-wrapped passage); ``score`` is the
    :func:`similarity` of ``text[start:end]`` to the quote."""

    start: int
    end: int
    method: str
    score: float


def similarity(quote: str, span: str) -> float:
    """``1 - levenshtein(quote, span) / len(quote)``, whitespace removed from both: the
    measure ``threshold`` applies to."""
    quote, span = fold(quote), fold(span)
    if not quote:
        return 1.0 if not span else 0.0
    return 1.0 - EditPattern(quote).distance(span) / len(quote)


@dataclass(frozen=True)
class _Judged:
    """A candidate with the verdict on it."""

    candidate: Candidate
    distance: int  # raw characters from the nearest expected start
    support: int  # how far the context confirms it: 0, 1 or 2
    context: float  # how much of the context matches there
    accepted: bool

    @property
    def score(self) -> float:
        c = self.candidate
        edits = QUOTE_EDIT * c.quote_edits + c.prefix_edits + c.suffix_edits
        return edits + POSITION * min(1.0, self.distance / NEAR)

    @property
    def rank(self) -> tuple[float, int, int, int]:
        c = self.candidate
        return (self.score, c.quote_edits, self.distance, c.start)


class _Judge:
    """The acceptance rule and the ranking for one selector on one text."""

    def __init__(
        self, text: str, selector: TextSelector, threshold: float, old_length: int | None
    ) -> None:
        cut = (len(selector.prefix) < CONTEXT_CHARS, len(selector.suffix) < CONTEXT_CHARS)
        prefix, quote, suffix = selector.prefix, selector.quote, selector.suffix
        # The contexts' parts within the passage's paragraph (blocks are joined by "\n").
        near_prefix = prefix[prefix.rfind("\n") + 1 :] if "\n" in prefix else None
        near_suffix = suffix[: suffix.find("\n")] if "\n" in suffix else None
        self.text = text
        # A paragraph short enough for both contexts to reach past it (the text's start and
        # end count as breaks): its text, and the quote's offset in it.
        head = prefix if near_prefix is None and cut[0] else near_prefix
        tail = suffix if near_suffix is None and cut[1] else near_suffix
        self.paragraph = None if head is None or tail is None else (head + quote + tail, len(head))
        shape = fold
        if quote.strip():
            self.folded = fold_text(text)
        else:  # a quote of whitespace only can only be found in the text as it is
            self.folded = Folded(text, tuple(range(len(text) + 1)))
            shape = str
        self.quote = shape(quote)
        self.evidence = Evidence(
            self.folded,
            self.quote,
            (shape(prefix), shape(suffix)),
            tuple(None if part is None else shape(part) for part in (near_prefix, near_suffix)),
            cut,
        )
        self.bare_edits = (1.0 - threshold) * len(self.quote) + _EPSILON
        self.most_edits = max(1.0 - threshold, 1.0 - FLOOR) * len(self.quote) + _EPSILON
        # Edits after the passage leave it in place, edits before it move it by the whole
        # length change, edits spread over the text move it proportionally.
        old_start, n = selector.start, len(text)
        points = {old_start}
        if old_length:
            points.add(old_start + n - old_length)
            points.add(round(old_start * n / old_length))
        self.expected = sorted(min(max(point, 0), n) for point in points)

    def distance(self, folded_start: int) -> int:
        raw = self.folded.offsets[folded_start]
        return min(abs(raw - point) for point in self.expected)

    def position_weight(self, folded_start: int) -> float:
        return POSITION * min(1.0, self.distance(folded_start) / NEAR)

    def judge(self, candidate: Candidate) -> _Judged:
        m = len(self.quote)
        # A side that says "another place" cancels one that says "here".
        support = max(0, candidate.strong - candidate.contradicted)
        allowed = min(self.most_edits, self.bare_edits + STEP * support * m)
        # Of a quote this short that little is left: its context must be there unchanged.
        barely = m - candidate.quote_edits < KEPT and candidate.quote_edits > 0
        accepted = (
            candidate.end > candidate.start
            and candidate.quote_edits <= allowed
            and not (barely and candidate.prefix_edits + candidate.suffix_edits > 0)
            and (support > 0 or m >= MIN_ALONE or (m >= MIN_BARE and candidate.contradicted == 0))
        )
        context = candidate.context
        return _Judged(candidate, self.distance(candidate.start), support, context, accepted)


def reanchor(
    text: str,
    selector: TextSelector,
    threshold: float = 0.8,
    *,
    old_length: int | None = None,
) -> Anchor | None:
    """Place the highlight described by ``selector`` on ``text``, a possibly edited version of
    the text it was made on, or return ``None`` when nothing there is its passage.

    ``threshold`` is the lowest :func:`similarity` of a placement that no context confirms,
    in ``(0, 1]``; each intact context side lowers it by :data:`STEP`, down to :data:`FLOOR`.
    ``old_length`` is the length of the text the selector was made on, when known: it lets the
    distance to the expected place allow for text inserted or deleted before the passage.
    """
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], not {threshold}")
    quote, start = selector.quote, selector.start
    if not quote or not text:
        return None
    if _unchanged(text, selector):
        return Anchor(start, start + len(quote), "exact-position", 1.0)
    judge = _Judge(text, selector, threshold, old_length)
    winner = _intact(judge) or _decide(judge)
    if winner is None:
        return None
    raw_start, raw_end = judge.folded.raw_span(winner.start, winner.end)
    # The folded span leaves out whitespace at the quote's edges; take it back if it is there.
    lead = len(quote) - len(quote.lstrip())
    if text.startswith(quote, raw_start - lead) and raw_start >= lead:
        raw_start, raw_end = raw_start - lead, raw_start - lead + len(quote)
    if text[raw_start:raw_end] == quote:
        method = "exact-position" if raw_start == start else "exact-context"
        return Anchor(raw_start, raw_end, method, 1.0)
    return Anchor(raw_start, raw_end, "fuzzy", 1.0 - winner.quote_edits / len(judge.quote))


def _unchanged(text: str, selector: TextSelector) -> bool:
    """Whether the quote and its whole context are still character for character in place."""
    quote, prefix, suffix = selector.quote, selector.prefix, selector.suffix
    start, end = selector.start, selector.start + len(quote)
    if start < len(prefix) or not text.startswith(quote, start):
        return False
    if text[start - len(prefix) : start] != prefix or text[end : end + len(suffix)] != suffix:
        return False
    # A context shorter than CONTEXT_CHARS was cut by the text's start or end: it still must be.
    return (len(prefix) == CONTEXT_CHARS or start == len(prefix)) and (
        len(suffix) == CONTEXT_CHARS or end + len(suffix) == len(text)
    )


def _intact(judge: _Judge) -> Candidate | None:
    """The quote where it occurs with its whole context (whitespace aside), or else with its
    whole paragraph standing as a paragraph, if that is one place only: nothing else can
    explain the selector as well."""
    ev, text = judge.evidence, judge.evidence.text
    prefix, suffix = ev.before.pattern, ev.after.pattern[::-1]
    found = find_occurrences(text, prefix + judge.quote + suffix)
    if len(found) != 1:
        # A paragraph shorter than the context: the whole of it, as a paragraph, will do.
        paragraphs = _whole_paragraphs(judge)
        return paragraphs[0] if len(paragraphs) == 1 else None
    start = found[0] + len(prefix)
    end = start + len(judge.quote)
    # A context cut by the old text's start or end must still reach the new one's.
    if (ev.before.cut and found[0] != 0) or (ev.after.cut and end + len(suffix) != len(text)):
        return None
    return ev.candidate(start, end, 0)


def _decide(judge: _Judge) -> Candidate | None:
    """The accepted candidate with the best rank, unless a framed place vetoes it."""
    ev, m = judge.evidence, len(judge.quote)
    paragraphs = _whole_paragraphs(judge)
    spans = {(c.start, c.end): c for c in [*ev.context_sites(), *paragraphs]}  # last one wins
    judged = [judge.judge(candidate) for candidate in spans.values()]
    seen = {(j.candidate.start, j.candidate.end) for j in judged}

    def best() -> _Judged | None:
        accepted = [j for j in judged if j.accepted]
        return min(accepted, key=lambda j: j.rank) if accepted else None

    if m >= MIN_BARE:  # without a strong context side, only such quotes can be placed
        winner = best()
        # Nearest first by a lower bound; none whose bound reaches the winner can beat it.
        exact = [span for span in ev.exact_spans() if span not in seen]
        bounds = sorted(
            (ev.context_bound(*span) + judge.position_weight(span[0]), span) for span in exact
        )
        for bound, span in bounds:
            if winner is not None and bound >= winner.score:
                break
            item = judge.judge(ev.candidate(*span, 0))
            judged.append(item)
            seen.add(span)
            if item.accepted and (winner is None or item.rank < winner.rank):
                winner = item
        if winner is None or winner.support == 0:
            # Every span with a strong context side is a site already; look for the quote
            # slightly edited where its context changed too.
            max_edits = math.floor(judge.bare_edits)
            for begin, end, edits in ev.fuzzy_spans(max_edits):
                if (begin, end) not in seen:
                    seen.add((begin, end))
                    judged.append(judge.judge(ev.candidate(begin, end, edits)))

    winner = best()
    if winner is None:
        return None
    if winner.candidate in paragraphs:  # its own paragraph, moved: no site says otherwise
        return winner.candidate
    return _check_sites(judged, winner)


def _whole_paragraphs(judge: _Judge) -> list[Candidate]:
    """The quote where its whole short paragraph still stands as a paragraph: both sides are
    then strong (the paragraph's breaks are context too), wherever the paragraph moved."""
    if judge.paragraph is None or not judge.paragraph[0].strip():
        return []
    line, offset = judge.paragraph
    text, folded, m = judge.text, judge.folded, len(judge.quote)
    found = []
    for at in find_occurrences(text, line):
        end = at + len(line)
        if (at == 0 or text[at - 1] == "\n") and (end == len(text) or text[end] == "\n"):
            start = bisect.bisect_left(folded.offsets, at + offset)
            candidate = judge.evidence.candidate(start, start + m, 0, site=True)
            found.append(replace(candidate, strong=2, contradicted=0))
    return found


def _check_sites(judged: list[_Judged], winner: _Judged) -> Candidate | None:
    """The winner, unless a place framed by the context says the passage was elsewhere: a
    site nearer the expected place and framed better, or as well and further than a context
    width away (the winner is a copy of the passage), or one that is not acceptable but
    framed clearly better (the passage was edited away there). Then the best acceptable
    candidate at that place is taken, or none."""
    vetoes = [
        item
        for item in judged
        if item.candidate.site
        and not _overlap(item.candidate, winner.candidate)
        and (
            (
                item.support >= max(1, winner.support)
                and item.distance < winner.distance
                and (
                    item.context > winner.context
                    or (
                        item.context == winner.context
                        and _gap(item.candidate, winner.candidate) > CONTEXT_CHARS
                    )
                )
            )
            or (
                not item.accepted
                and (
                    item.context >= winner.context + VETO
                    or item.candidate.strong > winner.candidate.strong
                )
            )
        )
    ]
    if not vetoes:
        return winner.candidate
    place = max(vetoes, key=lambda item: (item.context, -item.distance)).candidate
    there = [item for item in judged if item.accepted and _overlap(item.candidate, place)]
    return min(there, key=lambda item: item.rank).candidate if there else None


def _gap(one: Candidate, other: Candidate) -> int:
    """Characters between two spans (folded)."""
    return max(one.start - other.end, other.start - one.end, 0)


def _overlap(site: Candidate, other: Candidate) -> bool:
    """Whether ``site`` overlaps or touches ``other``: the same place, differently cut."""
    return site.start <= other.end and other.start <= site.end
