"""The search box's query language, parsed into a :class:`Query` the store can run.

Syntax (any script; U+3000 separates like a space; full-width letters, digits, colons and
quotes work like their ASCII forms, because the input is NFKC-normalised first):

* ``制裁 NATO`` — every word must occur (adjacency is AND). ``AND`` written out is accepted
  and changes nothing; lower-case ``and``/``or``/``not`` are ordinary words.
* ``"安全の保証"`` — an exact phrase (straight, full-width or curly quotes). An unclosed quote
  runs to the end, with a warning.
* ``a b OR c`` — ``OR`` (upper case, a word of its own) binds looser than adjacency:
  ``(a AND b) OR c``. There are no parentheses.
* ``-制裁`` or ``NOT 制裁`` — exclude. An excluded word excludes from the whole query, whatever
  ``OR`` stands near it: ``a OR b -c`` is ``(a OR b) AND NOT c``. So every AND-group of the
  result carries the same negated terms, and a query of only excluded words is one group.
* Filters, with keys in any case and ``:`` or ``：``: ``tag:NAME`` and ``tag:"Two Words"``
  (repeatable, all must hold), ``source:NAME``, ``from:DATE``, ``to:DATE``, ``has:note``,
  ``is:orphaned``. Dates are ``YYYY-MM-DD``, ``YYYY/MM/DD``, ``YYYYMMDD``, ``YYYY年M月D日``,
  or a whole month (``YYYY-MM``) or year (``YYYY``): ``from:`` takes the period's first day,
  ``to:`` its last.

A bare word loses its leading and trailing punctuation (``nato,`` ``(制裁)`` ``sanc*``): quote it
to search for the punctuation too. What cannot be used (unknown filter values, bad dates, a
word with nothing searchable, a dangling ``OR`` or ``NOT``) is dropped with a one-line
warning; an unknown ``key:`` is searched as text, with a warning. Nothing raises.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from briefing.core.normalize import fold_for_search
from briefing.core.textindex import contains, is_exact, is_searchable, term_match


@dataclass(frozen=True)
class Term:
    """A word or phrase to look for (or, if ``negated``, to exclude). ``text`` is as typed
    after NFKC, without quotes or the leading ``-``; fold it for matching."""

    text: str
    phrase: bool
    negated: bool


@dataclass(frozen=True)
class Query:
    """A parsed query: free text as an OR of AND-groups, plus filters that all must hold."""

    groups: tuple[tuple[Term, ...], ...] = ()
    tags: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    has_note: bool = False
    orphaned: bool = False
    warnings: tuple[str, ...] = ()

    def is_empty(self) -> bool:
        """True if the query restricts nothing (warnings alone do not count)."""
        return not (
            self.groups
            or self.tags
            or self.sources
            or self.date_from
            or self.date_to
            or self.has_note
            or self.orphaned
        )


_FILTER_KEYS = ("tag", "source", "from", "to", "has", "is")
_KEY_RE = re.compile(r"([A-Za-z]+):")
# Curly quotes come from word processors and macOS auto-correction; control characters from
# pastes. Both are mapped before parsing.
_PREPARE = {0x201C: '"', 0x201D: '"', 0x201E: '"', 0x201F: '"'}
_PREPARE.update({cp: " " for cp in [*range(0x20), *range(0x7F, 0xA0)]})
# Compiled on first use (``re`` keeps them): only a date filter needs them, every search
# imports this module.
_DATE_PATTERNS = (
    r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})",
    r"(\d{4})(\d{2})(\d{2})",
    r"(\d{4})年(\d{1,2})月(\d{1,2})日",
    r"(\d{4})[-/.](\d{1,2})()",
    r"(\d{4})年(\d{1,2})月()",
    r"(\d{4})年?()()",
)


class _Item(NamedTuple):
    """One lexical item: a word, a quoted phrase, or a ``key:value`` filter. A named tuple,
    not a frozen dataclass: it is only read, and the dataclass cost 0.5 ms of every search
    process to create (its six generated methods compiled at import)."""

    raw: str
    negated: bool
    key: str | None
    value: str
    quoted: bool


def _lex(text: str, warnings: list[str]) -> list[_Item]:
    """Split prepared query text into items; quotes group, whitespace separates."""
    items: list[_Item] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        start = i
        negated = text[i] == "-" and i + 1 < n and not text[i + 1].isspace()
        if negated:
            i += 1
        key = None
        match = _KEY_RE.match(text, i)
        if match and match.group(1).lower() in _FILTER_KEYS:
            key = match.group(1).lower()
            i = match.end()
        if i < n and text[i] == '"':
            close = text.find('"', i + 1)
            if close == -1:
                warnings.append(f"Unclosed quote in {_short(text[start:])}: closed at the end.")
                close = n
            value, quoted, i = text[i + 1 : close], True, close + 1
        else:
            end = i
            while end < n and not text[end].isspace() and text[end] != '"':
                end += 1
            value, quoted, i = text[i:end], False, end
        items.append(_Item(text[start:i], negated, key, value, quoted))
    return items


def _period(value: str) -> tuple[date, date] | None:
    """The first and last day a date value names, or None if it is not a date."""
    for pattern in _DATE_PATTERNS:
        match = re.fullmatch(pattern, value)
        if not match:
            continue
        year, month, day = (int(part) if part else None for part in match.groups())
        assert year is not None  # every pattern captures a year
        try:
            if day is not None and month is not None:
                return date(year, month, day), date(year, month, day)
            if month is not None:
                import calendar  # here: only a month filter needs it (2 ms with locale)

                last = calendar.monthrange(year, month)[1]  # IllegalMonthError is a ValueError
                return date(year, month, 1), date(year, month, last)
            return date(year, 1, 1), date(year, 12, 31)
        except ValueError:
            return None
    return None


def _short(raw: str) -> str:
    """``raw`` quoted for a warning, cut so a pasted page cannot make a page-long warning."""
    return repr(raw if len(raw) <= 40 else raw[:39] + "…")


def _strip_punctuation(word: str) -> str:
    """Drop leading and trailing characters that nothing can find (``(制裁),`` → ``制裁``)."""
    start, end = 0, len(word)
    while start < end and not is_searchable(word[start]):
        start += 1
    while end > start and not is_searchable(word[end - 1]):
        end -= 1
    return word[start:end]


class _Builder:
    """Collects filters and terms while walking the items, and the warnings on the way."""

    def __init__(self, warnings: list[str]) -> None:
        self.warnings = warnings
        self.alternatives: list[list[Term]] = [[]]
        self.negated: list[Term] = []
        self.tags: list[str] = []
        self.sources: list[str] = []
        self.periods: dict[str, tuple[date, date]] = {}
        self.has_note = False
        self.orphaned = False

    def add_filter(self, item: _Item) -> None:
        key = item.key or ""
        value = " ".join(item.value.split())
        if item.negated:
            self.warnings.append(
                f"Excluding by {key}: is not supported: {_short(item.raw)} ignored."
            )
        elif not value:
            self.warnings.append(f"{key}: needs a value: {_short(item.raw)} ignored.")
        elif key in ("tag", "source"):
            names = self.tags if key == "tag" else self.sources
            if value not in names:
                names.append(value)
        elif key in ("from", "to"):
            period = _period(value)
            if period is None:
                self.warnings.append(f"Not a date: {_short(item.raw)} ignored.")
                return
            if key in self.periods:
                self.warnings.append(
                    f"More than one {key}: the last one, {_short(item.raw)}, counts."
                )
            self.periods[key] = period
        elif key == "has" and value.lower() in ("note", "notes"):
            self.has_note = True
        elif key == "is" and value.lower() in ("orphaned", "orphan"):
            self.orphaned = True
        else:
            self.warnings.append(f"Unknown filter value: {_short(item.raw)} ignored.")

    def add_term(self, item: _Item, negated: bool) -> None:
        text = " ".join(item.value.split()) if item.quoted else _strip_punctuation(item.value)
        if not is_searchable(text):
            if item.raw.strip('"'):
                self.warnings.append(f"Nothing searchable in {_short(item.raw)}: ignored.")
            else:
                self.warnings.append("Empty quotes ignored.")
            return
        term = Term(text=text, phrase=item.quoted, negated=negated)
        target = self.negated if negated else self.alternatives[-1]
        if term not in target:
            target.append(term)

    def add_or(self) -> None:
        self.alternatives.append([])

    def groups(self) -> tuple[tuple[Term, ...], ...]:
        alternatives = [terms for terms in self.alternatives if terms]
        if len(self.alternatives) > 1 and len(alternatives) < len(self.alternatives):
            self.warnings.append("OR needs a word to look for on each side: a bare OR ignored.")
        if not alternatives:
            return (tuple(self.negated),) if self.negated else ()
        return tuple(tuple(terms + self.negated) for terms in alternatives)

    def dates(self) -> tuple[date | None, date | None]:
        start = self.periods.get("from")
        end = self.periods.get("to")
        if start and end and start[0] > end[1]:
            self.warnings.append("from: is after to:, so the two were swapped.")
            start, end = end, start
        return (start[0] if start else None), (end[1] if end else None)


def parse_query(text: str, max_length: int = 1000) -> Query:
    """Parse what the user typed into a :class:`Query`; never raises.

    Input longer than ``max_length`` characters is cut, with a warning.
    """
    warnings: list[str] = []
    if len(text) > max_length:
        warnings.append(f"Query cut to its first {max_length} characters.")
        text = text[:max_length]
    text = unicodedata.normalize("NFKC", text.translate(_PREPARE))
    builder = _Builder(warnings)
    pending_not: _Item | None = None
    for item in _lex(text, warnings):
        bare = item.key is None and not item.quoted and not item.negated
        if item.key is not None or (bare and item.value in ("OR", "AND", "NOT")):
            if pending_not is not None:
                warnings.append(f"NOT must come before a word: {_short(pending_not.raw)} ignored.")
            pending_not = item if item.value == "NOT" and item.key is None else None
            if item.key is not None:
                builder.add_filter(item)
            elif item.value == "OR":
                builder.add_or()
            continue
        unknown_key = None if item.quoted else _KEY_RE.match(item.value)
        if unknown_key:
            warnings.append(f"{unknown_key.group(0)} is not a filter: searched as text.")
        builder.add_term(item, negated=item.negated or pending_not is not None)
        pending_not = None
    if pending_not is not None:
        warnings.append(f"NOT must come before a word: {_short(pending_not.raw)} ignored.")
    groups = builder.groups()
    date_from, date_to = builder.dates()
    return Query(
        groups=groups,
        tags=tuple(builder.tags),
        sources=tuple(builder.sources),
        date_from=date_from,
        date_to=date_to,
        has_note=builder.has_note,
        orphaned=builder.orphaned,
        warnings=tuple(warnings),
    )


def negated_terms(query: Query) -> tuple[Term, ...]:
    """Every excluded term of ``query``, once each, in order of appearance."""
    seen: dict[Term, None] = {}
    for group in query.groups:
        for term in group:
            if term.negated:
                seen.setdefault(term)
    return tuple(seen)


def _exclusions(terms: Iterable[Term]) -> list[str]:
    """MATCH phrases for the excluded terms FTS5 can judge exactly (see ``is_exact``); an
    inexact one would also drop rows that only look alike, so it is left to :func:`matches`."""
    parts = [term_match(term.text) for term in terms if term.negated and is_exact(term.text)]
    return [part for part in parts if part]


def exclusion_expression(query: Query) -> str | None:
    """FTS5 MATCH string for the rows that surely contain an excluded term, or None.

    For a query of excluded words only, where :func:`match_expression` is None, the store
    starts from the rows *not* matched by this expression, then checks them with
    :func:`matches`.
    """
    parts = _exclusions(negated_terms(query))
    return " OR ".join(parts) if parts else None


def match_expression(query: Query) -> str | None:
    """The FTS5 MATCH string for the free-text part of ``query``, or None if no group has a
    word to look for (a filter-only or excluded-words-only query).

    Each group becomes ``((p1 AND p2) NOT (n1 OR n2))`` and groups are ORed; everything is
    parenthesised so FTS5's own precedence never matters. The rows it finds are candidates:
    the store keeps those for which :func:`matches` holds. A group without a positive term
    cannot be expressed in FTS5 and is left out; :func:`parse_query` produces one only as the
    single group of an excluded-words-only query.
    """
    alternatives: list[str] = []
    for group in query.groups:
        positive = [term_match(term.text) for term in group if not term.negated]
        found = [part for part in positive if part]
        if not found:
            continue
        expression = "(" + " AND ".join(found) + ")"
        excluded = _exclusions(group)
        if excluded:
            expression = f"({expression} NOT ({' OR '.join(excluded)}))"
        alternatives.append(expression)
    return " OR ".join(alternatives) if alternatives else None


def matches(query: Query, *texts: str) -> bool:
    """Whether the free-text part of ``query`` holds for a row whose canonical texts (title
    and body, or quote, note and tags) are ``texts``: the exact check behind the candidates.

    A term holds if it occurs in any of the texts, by the rule of
    :func:`~briefing.core.textindex.find_spans`. A query without free text always holds.
    """
    if not query.groups:
        return True
    folded = [fold_for_search(text) for text in texts]
    found: dict[str, bool] = {}

    def occurs(term: Term) -> bool:
        if term.text not in found:
            needle = fold_for_search(term.text)
            found[term.text] = any(contains(text, needle) for text in folded)
        return found[term.text]

    return any(all(occurs(term) != term.negated for term in group) for group in query.groups)
