"""Bytes of a text file → ``str``, detecting the encoding instead of assuming it.

Japanese files still arrive as Shift_JIS (written by Windows as CP932) and EUC-JP, and
Windows tools write UTF-16. Order: a byte-order mark decides; UTF-16 without one shows itself
by NUL bytes in every other position; then strict UTF-8; then the Japanese legacy encodings,
checked strictly and weighed by how Japanese the result looks; charset-normalizer breaks ties
and names Western encodings. A guess is never trusted without a strict decode.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes


class UndecodableError(ValueError):
    """The bytes are not text in any encoding we accept (binary data, most likely)."""


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_JAPANESE = ("cp932", "euc_jp", "euc_jis_2004")  # cp932 is a superset of shift_jis
_FAMILY = {
    "shift_jis": "cp932",
    "cp932": "cp932",
    "shift_jis_2004": "cp932",
    "shift_jisx0213": "cp932",
    "euc_jp": "euc_jp",
    "euc_jis_2004": "euc_jp",
    "euc_jisx0213": "euc_jp",
}
# Single-byte Latin code pages. Other guesses (big5, gb18030, cp949…) are what a detector
# says of a few bytes of Shift_JIS; for our readers a Japanese reading is likelier.
_WESTERN = re.compile(r"(?:cp(?!93\d|949|950)\d{3,4}|latin_1|iso8859_\d+|mac_\w+|ascii)$")
_BAD_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_KANA = re.compile(r"[\u3041-\u30ff]")
_JAPANESE_CHAR = re.compile(r"[\u3000-\u30ff\u4e00-\u9fff\uff01-\uff5e]")
_HALFWIDTH_OR_PRIVATE = re.compile(r"[\uff61-\uff9f\ue000-\uf8ff]")
_PLAUSIBLE = re.compile(
    r"[\t\n\r\f\x20-\x7e\u00a0-\u024f\u2000-\u27ff\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]"
)


def decode_text(data: bytes) -> str:
    """Decode ``data``; raise :class:`UndecodableError` for binary or undecodable bytes."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_strict(data[len(bom) :], encoding))
    if b"\x00" in data:
        return _checked(_utf16_without_bom(data))
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    return _checked(_legacy(data))


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UndecodableError(f"not valid {encoding}") from exc


def _checked(text: str) -> str:
    """Text with more than a stray control character is binary data that happened to decode."""
    if len(_BAD_CONTROL.findall(text)) > max(2, len(text) // 1000):
        raise UndecodableError("control characters")
    return text


def _utf16_without_bom(data: bytes) -> str:
    """UTF-16 without a BOM: NULs sit in the high bytes of ASCII characters (newlines at
    least), so they gather at odd offsets (little-endian) or even ones (big-endian)."""
    if len(data) % 2:
        raise UndecodableError("NUL bytes in an odd-length file")
    odd, even = data[1::2].count(0), data[0::2].count(0)
    encoding = "utf-16-le" if odd > even else "utf-16-be"
    text = _strict(data, encoding)
    if len(_PLAUSIBLE.findall(text)) < 0.95 * len(text):
        raise UndecodableError("NUL bytes but not UTF-16 text")
    return text


def _legacy(data: bytes) -> str:
    guess = from_bytes(data).best()
    guessed = guess.encoding if guess is not None else None
    candidates: list[tuple[float, int, str, str]] = []
    for rank, encoding in enumerate(_JAPANESE):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = _japanese_score(text)
        if guessed is not None and _FAMILY.get(guessed) == _FAMILY.get(encoding):
            score += 0.05  # charset-normalizer agrees: it weighs more of the text than we do
        candidates.append((score, -rank, encoding, text))
    best = max(candidates, default=None)
    kana = best is not None and _KANA.search(best[3]) is not None
    if guessed is not None and (best is None or (_WESTERN.match(guessed) and not kana)):
        # Western single-byte text, and no kana in any Japanese reading. The detector cannot
        # tell the Latin code pages apart on a few accents; Windows-1252 is what Western
        # Windows writes and a superset of Latin-1, so it comes first.
        for encoding in ("cp1252", guessed):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
    if best is None or best[0] < 0.5:
        raise UndecodableError("no encoding fits")
    return best[3]


def _japanese_score(text: str) -> float:
    """Share of non-ASCII characters that are ordinary Japanese, less the half-width katakana
    and private-use characters a wrong decoding produces (EUC-JP read as CP932 gives ｾﾐ…)."""
    wide = [c for c in text if ord(c) > 0x7F]
    if not wide:
        return 1.0
    joined = "".join(wide)
    good = len(_JAPANESE_CHAR.findall(joined))
    bad = len(_HALFWIDTH_OR_PRIVATE.findall(joined))
    return (good - 2 * bad) / len(wide)
