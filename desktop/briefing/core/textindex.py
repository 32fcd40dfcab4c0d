"""The token string the full-text index stores, and the FTS5 expressions that search it.

The store keeps an FTS5 table with SQLite's ``unicode61`` tokenizer. Japanese has no spaces,
so application code pre-tokenizes: :func:`index_tokens` folds the canonical text with
:func:`~briefing.core.normalize.search_fold` and writes

* every run of CJK characters (see ``CJK_CHARACTERS``) as its overlapping bigrams, then the
  run's last character alone: ``制裁措置`` → ``制裁 裁措 措置 置``. Every character of the run
  is thus the first character of some token, so any substring of the run is a phrase of
  consecutive bigrams, and a single character ``X`` is the prefix query ``"X"*``;
* every other run of letters and digits (Latin, Cyrillic, Hangul, digits, ...) as one word;
* everything else (punctuation, symbols, spaces, combining marks) as a single space.

Each emitted token is exactly one ``unicode61`` token (the tests check every character of
both classes against a real FTS5 table). The table keeps no positions (``detail=column``), so
a longer term is looked up as the AND of its tokens and checked against the text after.

Matching rule for non-CJK words (Latin and the rest): a query word must start where a text
word starts, so ``sat`` never finds ``NSATU``. A word that ends the search term is a prefix if
it has at least ``PREFIX_MIN_LENGTH`` characters (``sanction`` finds ``sanctions``); shorter
ones match whole words only, because ``us``, ``eu`` or ``10`` as prefixes would flood the
results with ``use``, ``europe`` and ``100``. CJK text matches as a plain substring.
:func:`term_match` (the candidate rows) and :func:`find_spans` (the exact occurrences) apply
the same rule, so every row with a span is a row FTS5 finds; for a term that is one CJK run
or one word the reverse holds too (:func:`is_exact`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from operator import add

from briefing.core.normalize import fold_for_search, search_fold

# Kanji, kana and the marks that live inside Japanese words: 々〆〇 and 〻 (iteration and
# ideographic marks), hiragana with ゝゞゟ, katakana with ー (prolonged sound) and ヽヾヿ,
# small-kana extensions, CJK Unified Ideographs with Extension A and planes 2-3 (Ext. B-H),
# compatibility ideographs, and the Kana Supplement / Extended blocks. Left out on purpose:
# ・ (U+30FB) and ゠ (U+30A0), which separate words, and the combining voicing marks, which
# search_fold has already composed onto their kana.
CJK_CHARACTERS = (
    "\u3005-\u3007\u303b"
    "\u3041-\u3096\u309d-\u309f"
    "\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U0001b000-\U0001b16f\U00020000-\U0003ffff"
)
# Letters that Python's Unicode tables call alphanumeric but SQLite 3.40's unicode61 tables
# (an older Unicode) treat as separators. Treating them as separators here too keeps every
# emitted word a single FTS5 token.
_UNICODE61_SEPARATORS = "\u19b0-\u19c0\u19c8\u19c9\u1cf2\u1cf3"

# Group 1: a CJK run; group 2: a word ([^\W_] is "alphanumeric", minus CJK and the above).
_TOKEN_RE = re.compile(f"([{CJK_CHARACTERS}]+)|([^\\W_{CJK_CHARACTERS}{_UNICODE61_SEPARATORS}]+)")


@cache
def _trigram_re() -> re.Pattern[str]:
    """Every three CJK characters in a row, overlapping (a zero-width look-ahead per
    position). Compiled on first use: it takes longer to compile than a search to run, and
    only indexing needs it."""
    return re.compile(f"(?=([{CJK_CHARACTERS}]{{3}}))")


_WORD_CHARS: dict[str, bool] = {}


def _is_word_char(char: str) -> bool:
    """Whether one character is a word character: alphanumeric, not CJK, not one of the
    unicode61 separators (``_TOKEN_RE``'s group 2). Answered through ``_TOKEN_RE`` and
    remembered, because a second pattern over these ranges takes 2 ms to compile in every
    process that searches."""
    known = _WORD_CHARS.get(char)
    if known is None:
        match = _TOKEN_RE.match(char)
        known = match is not None and match.group(2) is not None
        if len(_WORD_CHARS) < 100_000:
            _WORD_CHARS[char] = known
    return known

PREFIX_MIN_LENGTH = 3

# Stored beside the index; change it whenever index_tokens would give any text other tokens,
# so that libraries indexed by an older build are re-indexed instead of silently missing rows.
INDEX_VERSION = "bigram-3"  # 3: the trigram table beside the bigram one


def _bigrams(run: str) -> str:
    """``"制裁措置"`` → ``"制裁 裁措 措置"`` (``run`` has at least two characters)."""
    return " ".join(map(add, run[:-1], run[1:]))


def index_tokens(text: str) -> str:
    """Return the space-separated token string to store in the FTS5 column for ``text``.

    ``text`` is canonical text; it is folded here so that index and query fold alike.
    """
    return _tokens_of_folded(fold_for_search(text))


def _tokens_of_folded(folded: str) -> str:
    parts: list[str] = []
    append = parts.append
    for run, word in _TOKEN_RE.findall(folded):
        if word:
            append(word)
        elif len(run) == 1:
            append(run)
        else:
            append(_bigrams(run))
            append(run[-1])
    return " ".join(parts)


def index_token_strings(text: str) -> tuple[str, str]:
    """``(index_tokens(text), trigrams)``, folding ``text`` once.

    The second string holds every three-character window of each CJK run (runs of one or two
    characters have none). It feeds a second index that keeps only which rows hold a token
    (``detail=none``): a term of three or more CJK characters can only be in a row that holds
    all its trigrams (:func:`trigram_match`), which rules out at once the rows where its
    bigrams occur, but never together, as in 統領土 (大統領 and 北方領土 are everywhere)."""
    folded = fold_for_search(text)
    return _tokens_of_folded(folded), " ".join(_trigram_re().findall(folded))


def trigram_match(term: str) -> str | None:
    """An FTS5 MATCH expression over the trigram index that every row containing ``term``
    satisfies (the AND of the trigrams of its CJK runs of three or more characters), or
    ``None`` when the term has no such run. Exact for a term that is one run of exactly three
    CJK characters; a filter, to be checked against the text, for anything longer."""
    runs = [run for run, _word in _TOKEN_RE.findall(fold_for_search(term)) if len(run) > 2]
    trigrams = dict.fromkeys(run[i : i + 3] for run in runs for i in range(len(run) - 2))
    if not trigrams:
        return None
    parts = [f'"{trigram}"' for trigram in trigrams]
    return parts[0] if len(parts) == 1 else "(" + " AND ".join(parts) + ")"


def is_searchable(text: str) -> bool:
    """Whether ``text`` holds at least one character the index can find."""
    return _TOKEN_RE.search(fold_for_search(text)) is not None


def term_match(term: str) -> str | None:
    """Return an FTS5 MATCH sub-expression that finds the rows containing ``term``.

    The index keeps no token positions (``detail=column``: a third of the size of a
    positional index, and smaller than the text), so the expression is the AND of the tokens
    an occurrence of the term must produce, each quoted: a CJK run contributes its bigrams,
    plus its last character when something follows it inside the term; a lone CJK character
    at the end is a prefix (``"制"*``). Words contribute themselves; the last word is a prefix
    under the rule in the module docstring. Only letters, digits and spaces ever appear
    between quotes, so FTS5 syntax in ``term`` is inert. The rows found are a superset of the
    rows :func:`find_spans` finds spans in; they are the same rows when the term is one
    token (:func:`is_exact`). Returns ``None`` if ``term`` has nothing searchable.
    """
    folded = fold_for_search(term)
    segments = list(_TOKEN_RE.finditer(folded))
    if not segments:
        return None
    tokens: list[str] = []
    prefix = False
    # Only the last segment can be open on the right: the text may continue the run or word.
    last = segments[-1]
    open_right = last.end() == len(folded)
    for segment in segments:
        run, word = segment.groups()
        is_open = open_right and segment is last
        if word:
            tokens.append(word)
            prefix = is_open and len(word) >= PREFIX_MIN_LENGTH
            continue
        if len(run) >= 2:
            tokens.extend(map(add, run[:-1], run[1:]))
        if not is_open:
            tokens.append(run[-1])
        elif len(run) == 1:
            tokens.append(run)
            prefix = True
    *others, final = tokens
    parts = [f'"{token}"' for token in dict.fromkeys(others) if token != final]
    parts.append(f'"{final}"' + ("*" if prefix else ""))
    return parts[0] if len(parts) == 1 else "(" + " AND ".join(parts) + ")"


def is_exact(term: str) -> bool:
    """Whether :func:`term_match` finds exactly the rows :func:`find_spans` finds spans in.

    True for a term that is a single index token: one or two CJK characters, or one word.
    Anything longer is matched as the AND of its tokens anywhere in the row, a candidate
    filter that the caller must check against the text (and must not use alone to exclude
    rows). (Exact up to SQLite's own case folding, applied after ours.)
    """
    folded = fold_for_search(term)
    match = _TOKEN_RE.fullmatch(folded) if folded else None
    if match is None:
        return False
    run, _word = match.groups()
    return not run or len(run) <= 2


# Characters that fold to themselves and make up most Japanese and English text: ASCII
# without capitals, kana, kanji, 、。〃 (a test checks each one). ``fold_sensitive`` looks at
# the rest only.
@cache
def fold_stable_run() -> re.Pattern[str]:
    """The pattern of such runs; compiled on first use (indexing needs it, a search does not)."""
    return re.compile(
        "[\t\n !-@\\[-~\u3001-\u3003\u3041-\u3096\u30a1-\u30fa\u30fc\u3400-\u4dbf\u4e00-\u9fff]+"
    )


_VOICING = "\u3099\u309a"
_FOLDED_CHAR: dict[str, str] = {}


def _fold_of(char: str) -> str:
    folded = _FOLDED_CHAR.get(char)
    if folded is None:
        folded = fold_for_search(char)
        if len(_FOLDED_CHAR) < 100_000:
            _FOLDED_CHAR[char] = folded
    return folded


def fold_sensitive(text: str) -> str:
    """The distinct characters of ``text`` that search folding changes, plus any combining
    voicing mark (folding may compose it onto the character before).

    Stored beside each article's text: a needle none of whose characters these can produce
    is found in the folded text exactly where it is found in the raw text (:func:`needs_fold`),
    so search checks such rows with a plain substring test instead of folding them."""
    rest = set(fold_stable_run().sub("", text))
    return "".join(sorted(c for c in rest if c in _VOICING or _fold_of(c) != c))


def needs_fold(sensitive: str, needle: str) -> bool:
    """Whether a text whose :func:`fold_sensitive` characters are ``sensitive`` may hold the
    folded ``needle`` at another place than the raw text holds it: true if one of those
    characters is in the needle, folds to something sharing a character with it, folds to
    nothing, or is or becomes a voicing mark. When false, the raw text contains ``needle``
    exactly where its folded form does, character for character."""
    for char in sensitive:
        folded = _fold_of(char)
        if char in needle or not folded or any(c in needle or c in _VOICING for c in folded):
            return True
    return False


def has_word_boundary_rule(needle: str) -> bool:
    """Whether matching ``needle`` (folded) looks at the characters around an occurrence (the
    word rule in the module docstring): a needle that starts with a word character, or ends
    in a word shorter than ``PREFIX_MIN_LENGTH``. A CJK needle never does."""
    if not needle:
        return False
    tail = len(needle)
    while tail > 0 and _is_word_char(needle[tail - 1]):
        tail -= 1
    return _is_word_char(needle[0]) or 0 < len(needle) - tail < PREFIX_MIN_LENGTH


def _boundary_checks(needle: str) -> tuple[bool, bool]:
    """Whether an occurrence of ``needle`` must start a word, and whether it must end one."""
    check_start = _is_word_char(needle[0])
    tail = len(needle)
    while tail > 0 and _is_word_char(needle[tail - 1]):
        tail -= 1
    return check_start, 0 < len(needle) - tail < PREFIX_MIN_LENGTH


def first_raw_match(text: str, needle: str, haystack: str | None = None) -> int:
    """Where the folded ``needle`` first occurs in ``text`` under the word rule, found in the
    raw text, or -1. Valid only where :func:`needs_fold` is false for the text's
    fold-sensitive characters: every folded occurrence is then a raw one at the same
    characters, and the word rule needs only the two neighbours folded.

    ``haystack``: ``text`` with the characters for which :func:`needs_fold` is true replaced
    by their folds, when each folds to one character that is no voicing mark (see
    :func:`one_char_folds`): the occurrences are looked for there, at the same offsets, and
    the neighbours are still folded from ``text``."""
    if not needle:
        return -1
    if haystack is None:
        haystack = text
    check_start, check_end = _boundary_checks(needle)
    start = haystack.find(needle)
    while start != -1:
        end = start + len(needle)
        before = _fold_of(text[start - 1])[-1:] if check_start and start > 0 else ""
        after = _fold_of(text[end])[:1] if check_end and end < len(text) else ""
        if (before and _is_word_char(before)) or (after and _is_word_char(after)):
            start = haystack.find(needle, start + 1)
            continue
        return start
    return -1


def one_char_folds(sensitive: str, needle: str) -> tuple[tuple[str, str], ...] | None:
    """For a text whose :func:`fold_sensitive` characters are ``sensitive``: the characters
    that :func:`needs_fold` names for the folded ``needle``, each with its fold, when every
    one of them folds to exactly one character and none is or becomes a voicing mark (else
    None). Replacing those in the raw text gives, at the same offsets, a text that holds the
    needle exactly where the folded text does: every other character of the text either
    folds to itself or folds to characters none of which is in the needle. So a
    substring test on the raw text with a few ``str.replace`` stands in for folding it all
    (a tenth of the time on a Japanese article that writes NATO in capitals)."""
    pairs = []
    for char in sensitive:
        if not needs_fold(char, needle):
            continue
        folded = _fold_of(char)
        if len(folded) != 1 or char in _VOICING or folded in _VOICING:
            return None
        pairs.append((char, folded))
    # Replaced one after the other, a fold must not be replaced again (folds are idempotent).
    if any(folded in sensitive for _, folded in pairs):
        return None
    return tuple(pairs)


def _folded_matches(folded: str, needle: str) -> Iterator[int]:
    """Start indexes in ``folded`` of the non-overlapping occurrences of ``needle`` that
    respect the word-boundary rule in the module docstring."""
    if not needle:
        return
    check_start, check_end = _boundary_checks(needle)
    size = len(needle)
    start = folded.find(needle)
    while start != -1:
        end = start + size
        if (check_start and start > 0 and _is_word_char(folded[start - 1])) or (
            check_end and end < len(folded) and _is_word_char(folded[end])
        ):
            start = folded.find(needle, start + 1)
            continue
        yield start
        start = folded.find(needle, end)


def contains(folded_text: str, needle_folded: str) -> bool:
    """Whether already-folded text holds ``needle_folded`` under the word-boundary rule: the
    cheap test for verifying many candidate rows (fold each row's text once)."""
    return next(_folded_matches(folded_text, needle_folded), None) is not None


def find_spans(text: str, needle_folded: str) -> list[tuple[int, int]]:
    """Return the occurrences of ``needle_folded`` in ``text`` as ``[start, end)`` offsets
    into ``text`` itself, leftmost first and not overlapping.

    ``needle_folded`` must already be folded (``fold_for_search``); ``text`` is canonical
    text and is folded here. Word boundaries follow the module's rule: a needle starting with
    a word character must start a word, and one ending in a word shorter than
    ``PREFIX_MIN_LENGTH`` must end one. Where one source character folds to several (``㍻`` →
    ``平成``), a span covers the whole source character.
    """
    if not needle_folded:
        return []
    folded, offsets = search_fold(text)
    spans: list[tuple[int, int]] = []
    for start in _folded_matches(folded, needle_folded):
        end = start + len(needle_folded)
        # A match may end inside a character that folded to several: take all of it.
        last_source = offsets[end - 1]
        while offsets[end] == last_source:
            end += 1
        spans.append((offsets[start], offsets[end]))
    return spans
