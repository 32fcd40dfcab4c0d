"""How an article's canonical text is stored: UTF-8, compressed.

Japanese UTF-8 takes three bytes a character; zlib at its fastest level halves it (0.45 of the
bytes on the sample articles and on the generated benchmark library alike) for about a tenth
of a millisecond per article each way. That is what keeps the library file within 1.6 times
the text with two search indexes beside it. Search reads texts as UTF-8 bytes (a substring
test on them is exact), so :func:`unpack_bytes` gives those without decoding.
"""

from __future__ import annotations

import zlib

LEVEL = 1  # fastest: level 6 saves another tenth of the size for four times the time


def pack(text: str) -> bytes:
    return zlib.compress(text.encode(), LEVEL)


def unpack_bytes(packed: bytes) -> bytes:
    return zlib.decompress(packed)


def unpack(packed: bytes) -> str:
    return zlib.decompress(packed).decode()


def unpack_through(packed: bytes, needles: list[bytes], after: int = 512) -> tuple[str, bool]:
    """The start of the text, through the first occurrence of any of ``needles`` (UTF-8) and
    ``after`` bytes more, decompressed a few kilobytes at a time; ``(text, complete)``.
    A character cut at the end of a partial text is left out."""
    inflater = zlib.decompressobj()
    out = bytearray()
    pending = packed
    while True:
        out += inflater.decompress(pending, 8192)
        pending = inflater.unconsumed_tail
        if not pending:
            out += inflater.flush()
            return out.decode(), True
        hits = [at for needle in needles if (at := out.find(needle)) >= 0]
        if hits and len(out) >= min(hits) + max(map(len, needles)) + after:
            return out.decode("utf-8", "ignore"), False
