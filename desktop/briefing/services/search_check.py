"""Checking candidates against their stored texts: the index finds candidates, these say which
really hold what the query asks (an article by :class:`_ArticleCheck`, a highlight by
:func:`briefing.core.query.matches`), reading an article's packed text only as far as needed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from briefing.core.normalize import fold_for_search
from briefing.core.query import Query, matches
from briefing.core.textindex import contains, first_raw_match, has_word_boundary_rule
from briefing.services.search_snippets import SNIPPET_CONTEXT, _FoldNeeds
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
        needles = {needle for group in self.groups for needle, _ in group}
        self.raw = {needle: needle.encode() for needle in needles}
        self.bounded = {needle: has_word_boundary_rule(needle) for needle in needles}
        self.needs_fold = _FoldNeeds()

    def __call__(self, title: str, sensitive: str, data: bytes) -> bool:
        folded_title = fold_for_search(title)
        folded_text: str | None = None
        found: dict[str, bool] = {}

        def occurs(needle: str) -> bool:
            nonlocal folded_text
            if needle in found:
                return found[needle]
            if contains(folded_title, needle):
                found[needle] = True
                return True
            if not self.needs_fold(sensitive, needle):
                # The raw text holds the needle exactly where the folded one would.
                if self.raw[needle] not in data:
                    found[needle] = False
                    return False
                if not self.bounded[needle]:
                    found[needle] = True
                    return True
                found[needle] = first_raw_match(data.decode(), needle) >= 0
                return found[needle]
            if folded_text is None:
                folded_text = fold_for_search(data.decode())
            found[needle] = contains(folded_text, needle)
            return found[needle]

        return any(all(occurs(n) != negated for n, negated in g) for g in self.groups)

    def early(self, title: str, sensitive: str, packed: bytes) -> bool:
        """True if the start of the text alone shows that the row passes (False: unknown).
        Only groups that exclude nothing and whose terms can be judged on raw bytes count."""
        folded_title = fold_for_search(title)
        settling = []
        for group in self.groups:
            if any(negated for _, negated in group):
                continue
            rest = [n for n, _ in group if not contains(folded_title, n)]
            if not rest:
                return True  # the title alone holds the group
            if not any(self.needs_fold(sensitive, n) or self.bounded[n] for n in rest):
                settling.append(rest)
        if not settling:
            return False
        needles = [self.raw[n] for n in {n for group in settling for n in group}]
        start = unpack_through(packed, needles, after=0)[0].encode()
        return any(all(self.raw[n] in start for n in group) for group in settling)


@dataclass
class _StoredText:
    """An article as search read it: its text packed, unpacked when a check or a snippet
    needs it (``data``: the whole text as UTF-8, once unpacked)."""

    title: str
    sensitive: str  # its fold-sensitive characters
    packed: bytes
    length: int  # characters
    data: bytes | None = None

    def text_for_snippet(self, groups: list[list[str]], needs: _FoldNeeds) -> str:
        """The text, or only its start through the first match when that is enough: when
        folding cannot move a match (:func:`needs_fold`) and no word rule applies, the first
        raw occurrence is the first match."""
        if self.data is not None:
            return self.data.decode()
        needles = {n for group in groups for n in group}
        if needles and not any(
            needs(self.sensitive, n) or has_word_boundary_rule(n) for n in needles
        ):
            # Enough bytes after the match for the snippet's context (4 per character).
            after = 4 * SNIPPET_CONTEXT + 16
            return unpack_through(self.packed, [n.encode() for n in needles], after)[0]
        return unpack_bytes(self.packed).decode()


def _stored_articles(
    db: LibraryDatabase, ids: list[int], check: _ArticleCheck | None
) -> dict[int, _StoredText]:
    """The stored articles of ``ids`` that pass ``check`` (all, if None)."""
    if not ids:
        return {}
    rows = {}
    for article_id, title, sensitive, packed, length in article_store.stored_texts(db, ids):
        stored = _StoredText(title, sensitive, packed, length)
        if check is not None and not check.early(title, sensitive, packed):
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
