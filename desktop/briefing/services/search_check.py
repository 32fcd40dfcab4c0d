"""Checking candidates against their stored texts: the index finds candidates, these say which
really hold what the query asks (an article by :class:`_ArticleCheck`, a highlight by
:func:`briefing.core.query.matches`), reading an article's packed text only as far as needed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from briefing.core.normalize import fold_for_search
from briefing.core.query import Query, matches
from briefing.core.textindex import (
    contains,
    first_raw_match,
    has_word_boundary_rule,
    is_exact,
)
from briefing.services.search_snippets import SNIPPET_CONTEXT, _FoldNeeds, replace_folds
from briefing.store import LibraryDatabase
from briefing.store import articles as article_store
from briefing.store import highlights as highlight_store
from briefing.store.packing import unpack_bytes, unpack_through


class _ArticleCheck:
    """Whether an article (title, fold-sensitive characters, UTF-8 text) satisfies the free
    text of a query, by the rule of :func:`briefing.core.query.matches`.

    :meth:`packed` first tries the start of the packed text: where every term can be judged
    on raw bytes, a group whose terms are all found there (and that excludes nothing) settles
    the row without unpacking the rest."""

    def __init__(self, query: Query) -> None:
        self.groups = [[(fold_for_search(t.text), t.negated) for t in g] for g in query.groups]
        # With one group, every candidate matched all its terms in the index: a term of one
        # index token (is_exact) is then surely in the row, with no look at its text.
        self.certain = (
            {fold_for_search(t.text) for t in query.groups[0] if not t.negated and is_exact(t.text)}
            if len(query.groups) == 1
            else set()
        )
        needles = {needle for group in self.groups for needle, _ in group}
        self.raw = {needle: needle.encode() for needle in needles}
        self.bounded = {needle: has_word_boundary_rule(needle) for needle in needles}
        self.needs_fold = _FoldNeeds()
        # The start read for the check goes as far as a snippet's would (see _snippet_after),
        # so that the snippet can use it.
        self.after = _snippet_after(n for g in self.groups for n, negated in g if not negated)

    def __call__(self, title: str, sensitive: str, data: bytes) -> bool:
        folded_title = fold_for_search(title)
        folded_text: str | None = None
        text: str | None = None
        found: dict[str, bool] = dict.fromkeys(self.certain, True)

        def occurs(needle: str) -> bool:
            nonlocal folded_text, text
            if needle in found:
                return found[needle]
            if contains(folded_title, needle):
                found[needle] = True
                return True
            folds = self.needs_fold.folds(sensitive, needle)
            if folds is not None:
                # The raw text, with the few characters that matter replaced by their folds,
                # holds the needle exactly where the folded one would. (In UTF-8 a whole
                # character's bytes are found only where that character is.)
                haystack = data
                for char, folded in folds:
                    haystack = haystack.replace(char.encode(), folded.encode())
                if self.raw[needle] not in haystack:
                    found[needle] = False
                    return False
                if not self.bounded[needle]:
                    found[needle] = True
                    return True
                if text is None:
                    text = data.decode()
                raw_haystack = replace_folds(text, folds) if folds else None
                found[needle] = first_raw_match(text, needle, raw_haystack) >= 0
                return found[needle]
            if folded_text is None:
                folded_text = fold_for_search(data.decode())
            found[needle] = contains(folded_text, needle)
            return found[needle]

        return any(all(occurs(n) != negated for n, negated in g) for g in self.groups)

    def early(self, stored: _StoredText) -> bool:
        """True if the start of the text alone shows that the row passes (False: unknown).
        Only groups that exclude nothing and whose terms can be judged on raw bytes count.
        The start read stays with ``stored``, for its snippet."""
        title, sensitive = stored.title, stored.sensitive
        folded_title = fold_for_search(title)
        settling = []
        for group in self.groups:
            if any(negated for _, negated in group):
                continue
            rest = [n for n, _ in group if n not in self.certain and not contains(folded_title, n)]
            if not rest:
                return True  # the title (or the index) alone shows the group holds
            if not any(self.needs_fold(sensitive, n) or self.bounded[n] for n in rest):
                settling.append(rest)
        if not settling:
            return False
        start = stored.start(frozenset(n for group in settling for n in group), self.after)
        return any(all(n in start for n in group) for group in settling)


@dataclass
class _StoredText:
    """An article as search read it: its text packed, unpacked when a check or a snippet
    needs it (``data``: the whole text as UTF-8, once unpacked)."""

    title: str
    sensitive: str  # its fold-sensitive characters
    packed: bytes
    length: int  # characters
    data: bytes | None = None
    # The start last read by start(): the needles and bytes after, and the text.
    _start: tuple[frozenset[str], int, str] | None = None

    def start(self, needles: frozenset[str], after: int) -> str:
        """The start of the text through the first occurrence of any of ``needles`` (raw) and
        ``after`` bytes more (all of it if none occurs); read once for the check and the
        snippet when both ask for the same."""
        if self._start is None or self._start[:2] != (needles, after):
            text = unpack_through(self.packed, [n.encode() for n in needles], after)[0]
            self._start = (needles, after, text)
        return self._start[2]

    def text_for_snippet(self, groups: list[list[str]], needs: _FoldNeeds) -> str:
        """The text, or only its start through the first match when that is enough: for a
        needle that folding cannot move (:func:`needs_fold`) and with no word rule, the first
        raw occurrence is the first match; any other needle must then be one found in the
        raw text with a few characters replaced (:meth:`_FoldNeeds.folds`)."""
        if self.data is not None:
            return self.data.decode()
        needles = {n for group in groups for n in group}
        # Needles whose first raw occurrence is their first match: the text is needed only
        # through the first of those, when every other needle can be found without folding
        # the text (a match of one before that place lies in that start, with what follows).
        stops = [
            n for n in needles if not needs(self.sensitive, n) and not has_word_boundary_rule(n)
        ]
        if stops and all(needs.folds(self.sensitive, n) is not None for n in needles):
            return self.start(frozenset(stops), _snippet_after(needles))
        return unpack_bytes(self.packed).decode()


def _snippet_after(needles: Iterable[str]) -> int:
    """Bytes to read after a first match for the snippet's context, and for a longer needle
    that starts just before it (4 per character)."""
    return 4 * (SNIPPET_CONTEXT + max(map(len, needles), default=0)) + 16


def _stored_articles(
    db: LibraryDatabase, ids: list[int], check: _ArticleCheck | None
) -> dict[int, _StoredText]:
    """The stored articles of ``ids`` that pass ``check`` (all, if None)."""
    if not ids:
        return {}
    rows = {}
    for article_id, title, sensitive, packed, length in article_store.stored_texts(db, ids):
        stored = _StoredText(title, sensitive, packed, length)
        if check is not None and not check.early(stored):
            stored.data = unpack_bytes(packed)
            if not check(title, sensitive, stored.data):
                continue
        rows[article_id] = stored
    return rows


def _stored_highlights(db: LibraryDatabase, ids: list[int], check: Query | None) -> dict[int, Any]:
    """The highlights of ``ids`` whose quote or note satisfies ``check`` (all, if None)."""
    if not ids:
        return {}
    items = highlight_store.list_highlights(db, ids=ids)
    return {h.id: h for h in items if check is None or matches(check, h.quote, h.note)}
