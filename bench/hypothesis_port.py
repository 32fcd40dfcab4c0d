"""Hypothesis's client-side anchoring, ported to Python for the re-anchoring benchmark.

A port of the behaviour of two files of the Hypothesis client (BSD-2-Clause), for comparison
only, never used by the application:

* ``src/annotator/anchoring/html.ts``: the position selector is used if the text at its offsets
  is the quote; otherwise the quote selector with the old start as a hint;
* ``src/annotator/anchoring/match-quote.ts``: exact occurrences of the quote if there are any,
  else approximate matches with up to ``len(quote) / 2`` errors (``approx-string-match``:
  only the matches with the fewest errors, the longest start for each end); each scored
  ``50 * quote + 20 * prefix + 20 * suffix + 2 * position`` (normalised), the best taken,
  whatever its score.

``approx-string-match`` computes Myers' bit-parallel edit distance in 32-bit blocks with
early cut-off; this port gets the same distances from the project's
:class:`~briefing.core.edit_distance.EditPattern` and applies the same "ratchet" (a better
match discards the earlier ones and lowers the error limit).
"""

from __future__ import annotations

from briefing.core.edit_distance import EditPattern
from briefing.core.model import TextSelector


def _match_ends(text: str, pattern: str, max_errors: float) -> list[tuple[int, int]]:
    """``(end, errors)`` of the matches with the fewest errors (at most ``max_errors``)."""
    if not pattern:
        return []
    max_errors = min(max_errors, len(pattern))
    matches: list[tuple[int, int]] = []
    for j, score in enumerate(EditPattern(pattern).scan(text)):
        if score <= max_errors:
            if score < max_errors:
                matches.clear()
            matches.append((j + 1, score))
            max_errors = score
    return matches


def approx_search(text: str, pattern: str, max_errors: float) -> list[tuple[int, int, int]]:
    """``(start, end, errors)`` as ``approx-string-match``'s ``search`` returns them."""
    reversed_pattern = pattern[::-1]
    found = []
    for end, errors in _match_ends(text, pattern, max_errors):
        first = max(0, end - len(pattern) - errors)
        window = text[first:end][::-1]
        start = end
        for reversed_end, _ in _match_ends(window, reversed_pattern, errors):
            start = min(start, end - reversed_end)
        found.append((start, end, errors))
    return found


def _search(text: str, pattern: str, max_errors: float) -> list[tuple[int, int, int]]:
    exact = []
    position = text.find(pattern)
    while position != -1:
        exact.append((position, position + len(pattern), 0))
        position = text.find(pattern, position + 1)
    return exact or approx_search(text, pattern, max_errors)


def _text_match_score(text: str, pattern: str) -> float:
    if not pattern or not text:
        return 0.0
    return 1 - _search(text, pattern, len(pattern))[0][2] / len(pattern)


def match_quote(
    text: str, quote: str, prefix: str, suffix: str, hint: int
) -> tuple[int, int, float] | None:
    """``matchQuote``: the best ``(start, end, score)`` for ``quote`` in ``text``."""
    if not quote:
        return None
    matches = _search(text, quote, min(256, len(quote) / 2))
    if not matches:
        return None

    def score(match: tuple[int, int, int]) -> float:
        start, end, errors = match
        quote_score = 1 - errors / len(quote)
        prefix_score = (
            _text_match_score(text[max(0, start - len(prefix)) : start], prefix) if prefix else 1.0
        )
        suffix_score = _text_match_score(text[end : end + len(suffix)], suffix) if suffix else 1.0
        position_score = 1.0 - abs(start - hint) / len(text)
        raw = 50 * quote_score + 20 * prefix_score + 20 * suffix_score + 2 * position_score
        return raw / 92

    # JavaScript's sort is stable: among equal scores the first match wins.
    best = max(matches, key=score)
    return best[0], best[1], score(best)


def hypothesis_anchor(text: str, selector: TextSelector) -> tuple[int, int] | None:
    """Where the Hypothesis client would put the highlight, or ``None``."""
    if text[selector.start : selector.end] == selector.quote:
        return selector.start, selector.end
    found = match_quote(text, selector.quote, selector.prefix, selector.suffix, selector.start)
    return None if found is None else (found[0], found[1])
