"""Where a query's terms occur in a text: the terms to look for, the first exact match (folding
the text only where it could matter), the snippet around it with its marks, and every match
in an opened article (:func:`spans_in_text`, for the find bar and the search's marks)."""

from __future__ import annotations

from collections.abc import Sequence

from briefing.core.normalize import fold_for_search
from briefing.core.query import Query, parse_query
from briefing.core.textindex import find_spans, first_raw_match, needs_fold, one_char_folds

SNIPPET_CONTEXT = 40  # characters shown on each side of the first match
_CHUNK = 4000  # characters folded at a time when looking for a first match


def _needles(query: Query) -> list[list[str]]:
    """Per AND-group, the folded positive terms that must all occur."""
    return [
        [
            fold_for_search(t.text)
            for t in group
            if not t.negated and fold_for_search(t.text).strip()
        ]
        for group in query.groups
    ]


class _FoldNeeds:
    """``needs_fold`` answers for one query, remembered per character (each text stores its
    own short set of fold-sensitive characters; the characters recur across texts), and the
    :func:`one_char_folds` answers, per character and per text's set."""

    def __init__(self) -> None:
        self._known: dict[tuple[str, str], bool] = {}
        self._folds: dict[tuple[str, str], tuple[tuple[str, str], ...] | None] = {}
        self._texts: dict[tuple[str, str], tuple[tuple[str, str], ...] | None] = {}

    def __call__(self, sensitive: str, needle: str) -> bool:
        known = self._known
        for char in sensitive:
            answer = known.get((char, needle))
            if answer is None:
                answer = known[(char, needle)] = needs_fold(char, needle)
            if answer:
                return True
        return False

    def folds(self, sensitive: str, needle: str) -> tuple[tuple[str, str], ...] | None:
        """The characters to replace by their folds in a text of these fold-sensitive
        characters for the raw text to answer for ``needle`` (none: the raw text answers as it
        is), or None when only folding the whole text does (:func:`one_char_folds`)."""
        key = (sensitive, needle)
        if key in self._texts:
            return self._texts[key]
        # Each character's answer alone is remembered: the sets differ, their characters recur.
        pairs: list[tuple[str, str]] = []
        folds: tuple[tuple[str, str], ...] | None = None
        for char in sensitive:
            own = self._folds.get((char, needle), False)
            if own is False:
                own = self._folds[(char, needle)] = one_char_folds(char, needle)
            if own is None:
                break
            pairs += own
        else:
            # As one_char_folds: a fold must not be replaced again.
            if not any(folded in sensitive for _, folded in pairs):
                folds = tuple(pairs)
        self._texts[key] = folds
        return folds


def replace_folds(text: str, folds: tuple[tuple[str, str], ...]) -> str:
    """``text`` with each character of ``folds`` replaced by its fold (one character for one:
    the offsets stay those of ``text``)."""
    for char, folded in folds:
        text = text.replace(char, folded)
    return text


def _first_span(
    text: str,
    needle: str,
    sensitive: str | None = None,
    needs: _FoldNeeds | None = None,
    before: int | None = None,
) -> tuple[int, int] | None:
    """First exact occurrence of a folded needle. Where folding cannot matter (see
    :func:`needs_fold`), a ``find`` in the raw text gives it (the word rule looks at the two
    neighbours only), and so it does where the characters that matter each fold to one
    (:func:`one_char_folds`), once those are replaced; otherwise the
    text is folded a chunk at a time so a match near the start costs little on a long
    article. Each chunk carries the character before it and an overlap after it, and only
    matches starting inside the chunk proper count, so a Latin word cut by a chunk edge is
    never taken for a whole word. ``sensitive`` None: the text's fold-sensitive characters
    are not known. ``before``: only a match starting before this offset is wanted (a match
    of another term starts there), so the folding stops at it."""
    folds = None if sensitive is None else (needs or _FoldNeeds()).folds(sensitive, needle)
    if folds is not None:
        at = first_raw_match(text, needle, replace_folds(text, folds) if folds else None)
        return (at, at + len(needle)) if at >= 0 else None
    overlap = 4 * len(needle) + 8
    stop = len(text) if before is None else min(len(text), before)
    for start in range(0, max(stop, 1), _CHUNK):
        lead = 1 if start else 0
        chunk = text[start - lead : start + _CHUNK + overlap]
        for span_start, span_end in find_spans(chunk, needle):
            if lead <= span_start < lead + _CHUNK:
                found = span_start + start - lead, span_end + start - lead
                return found if before is None or found[0] < before else None
        if start + _CHUNK >= stop:
            break
    return None


def _anchor(
    text: str, groups: list[list[str]], sensitive: str | None, needs: _FoldNeeds
) -> tuple[int, int] | None:
    """The earliest place in ``text`` where any wanted term occurs, for the snippet. Terms
    found without folding the whole text go first: a term that needs it folded is then looked
    for only before the earliest match so far."""
    needles = sorted(
        {n for group in groups for n in group},
        key=lambda n: sensitive is None or needs.folds(sensitive, n) is None,
    )
    best: tuple[int, int] | None = None
    for needle in needles:
        span = _first_span(text, needle, sensitive, needs, best[0] if best else None)
        if span and (best is None or span < best):
            best = span
    return best


def _snippet(
    text: str, anchor: tuple[int, int] | None, groups: list[list[str]], length: int
) -> tuple[str, tuple]:
    """The snippet around ``anchor`` with its marks. ``text`` may be the start of a longer
    text of ``length`` characters that holds the anchor and the context after it."""
    if anchor is None:
        start, end = 0, min(len(text), 2 * SNIPPET_CONTEXT)
    else:
        start = max(0, anchor[0] - SNIPPET_CONTEXT)
        end = min(len(text), anchor[1] + SNIPPET_CONTEXT)
    window = text[start:end].replace("\n", " ")
    marks: set[tuple[int, int]] = set()
    for needle in {n for group in groups for n in group}:
        marks.update(find_spans(window, needle))
    merged: list[tuple[int, int]] = []
    for s, e in sorted(marks):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < length else ""
    shifted = tuple((s + len(prefix), e + len(prefix)) for s, e in merged)
    return prefix + window + suffix, shifted


def query_terms(text: str) -> list[str]:
    """The words and phrases a query looks for (excluded ones left out), folded: what to mark
    in an opened article."""
    return sorted({n for group in _needles(parse_query(text)) for n in group})


def spans_in_text(text: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    """Every occurrence in ``text`` (canonical) of the folded ``terms``, as offsets into
    ``text``, in order; overlapping occurrences of different terms are merged into one."""
    spans = sorted(span for term in set(terms) if term for span in find_spans(text, term))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
