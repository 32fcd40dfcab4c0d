"""Character clean-up shared by the importers and the search index.

Two different jobs live here:

* :func:`clean_imported_text` repairs what PDF extraction breaks (CJK radicals standing for
  ideographs, U+2027 for the katakana middle dot, ligatures) but keeps the author's own
  characters (full-width brackets stay full-width): its output becomes canonical text.
* :func:`search_fold` is the aggressive folding that search applies to both the index and the
  query (NFKC, case folding, radicals), with a map back to offsets in the canonical text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache

from briefing.core._radicals import RADICAL_TO_IDEOGRAPH

# Characters that Japanese PDFs' text layers put where the author typed something else.
_PDF_LOOKALIKES: dict[int, str] = {
    0x2027: "\u30fb",  # ‧ HYPHENATION POINT for ・ KATAKANA MIDDLE DOT
    0x2E3A: "\u2014\u2014",  # ⸺ TWO-EM DASH for ——
    0x2E3B: "\u2014\u2014\u2014",  # ⸻ THREE-EM DASH
}
_IMPORT_TABLE: dict[int, str] = {cp: chr(target) for cp, target in RADICAL_TO_IDEOGRAPH.items()}
_IMPORT_TABLE.update(_PDF_LOOKALIKES)
for _cp in range(0xFB00, 0xFB07):  # Latin ligatures ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ
    _IMPORT_TABLE[_cp] = unicodedata.normalize("NFKC", chr(_cp))
# C0/C1 controls other than tab and newline carry no text; PDFs and old files leak them.
for _cp in list(range(0x00, 0x20)) + list(range(0x7F, 0xA0)):
    if chr(_cp) not in "\t\n":
        _IMPORT_TABLE[_cp] = ""
_IMPORT_TABLE[0xFEFF] = ""  # a BOM in the middle of text
_IMPORT_TABLE[0x00A0] = " "


@cache
def _needs_repair() -> re.Pattern[str]:
    """Any character :data:`_IMPORT_TABLE` changes (``\\r`` among them). Compiled on first use:
    only imports need it."""
    return re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_IMPORT_TABLE)) + "]")


def clean_imported_text(text: str) -> str:
    """Return ``text`` with line endings unified, radicals folded to ideographs and
    PDF look-alike characters repaired, in NFC. Idempotent."""
    # Most files need nothing: one regular-expression scan and NFC's quick check cost a
    # tenth of the per-character table look-up, which was 7% of a folder import.
    if _needs_repair().search(text) is None and unicodedata.is_normalized("NFC", text):
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text.translate(_IMPORT_TABLE))


def _fold_char(ch: str) -> str:
    cp = ord(ch)
    if cp in RADICAL_TO_IDEOGRAPH:
        ch = chr(RADICAL_TO_IDEOGRAPH[cp])
    elif cp in _PDF_LOOKALIKES:
        ch = _PDF_LOOKALIKES[cp]
    return unicodedata.normalize("NFKC", ch).casefold()


_FOLD_CACHE: dict[str, str] = {}
_VOICING_MARKS = ("\u3099", "\u309a")


class _FoldTable(dict[int, str]):
    """``str.translate`` table that folds each character on first sight, then remembers."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        if len(self) < 100_000:
            self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def search_fold(text: str) -> tuple[str, Sequence[int]]:
    """Fold ``text`` for matching and return ``(folded, offsets)``.

    ``offsets[i]`` is the index in ``text`` of the character that produced ``folded[i]``;
    ``offsets`` has one extra entry, ``len(text)``, so a folded span ``[a, b)`` maps back to
    ``text[offsets[a]:offsets[b]]``. Folding works character by character, so a match never
    starts or ends inside a source character. Half-width katakana voiced marks (ｶﾞ) fold to
    a separate combining mark; we keep them per character so the offsets stay exact.
    """
    quick = text.translate(_FOLD_TABLE)
    if len(quick) == len(text) and "\u3099" not in quick and "\u309a" not in quick:
        # Every character folded to exactly one: the offsets are the identity.
        return quick, range(len(text) + 1)
    folded: list[str] = []
    offsets: list[int] = []
    cache = _FOLD_CACHE
    for index, ch in enumerate(text):
        out = cache.get(ch)
        if out is None:
            out = _fold_char(ch)
            if len(cache) < 100_000:
                cache[ch] = out
        if out in _VOICING_MARKS and folded:
            composed = unicodedata.normalize("NFC", folded[-1][-1] + out)
            if len(composed) == 1:  # ｶﾞ → ガ: the mark joins the previous character's span
                folded[-1] = folded[-1][:-1] + composed
                continue
        folded.append(out)
        offsets.extend([index] * len(out))
    offsets.append(len(text))
    return "".join(folded), offsets


def fold_for_search(text: str) -> str:
    """Fold ``text`` exactly as :func:`search_fold` does, without the offset map: the fast
    path (one ``str.translate``) for indexing whole articles."""
    folded = text.translate(_FOLD_TABLE)
    if "\u3099" in folded or "\u309a" in folded:  # half-width voicing marks to compose
        return search_fold(text)[0]
    return folded
