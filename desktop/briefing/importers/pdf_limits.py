"""A PDF's compressed streams measured before PDFium expands them.

PDFium reads a page's content stream whole and builds an object for every operator in it:
a 2.6 MB file whose page content deflates to 1 GB of text operators took 7.8 GB of memory
and a minute before the process was killed (bench/hostile_bench.py). Deflate's ratio is at
most about 1,000:1, so the file's size says nothing; the expanded size must be counted.

:func:`check_expansion` walks every Flate-compressed stream of the raw file with a streaming
decompressor that keeps nothing (only the count), and refuses the file when one stream
expands past :data:`MAX_STREAM_BYTES` or all of them past :data:`MAX_TOTAL_BYTES`. Image
streams are skipped: text extraction never decodes them. The limits are far above any real
page (a dense map page's content is a few MB) and keep PDFium under about 0.5 GB (measured:
23 MB of operators on one page, 435 MB peak for the whole import).
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

from briefing.importers.failure import ImportFailure

MAX_STREAM_BYTES = 24 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
_CHUNK = 256 * 1024
_STREAM = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
_DICT_LOOKBACK = 4096


def check_expansion(path: Path, data: bytes) -> None:
    """Raise :class:`ImportFailure` when the PDF's streams expand beyond the limits."""
    total = 0
    for match in _STREAM.finditer(data):
        head = data[max(0, match.start() - _DICT_LOOKBACK) : match.start()]
        head = head[head.rfind(b" obj") + 1 :] if b" obj" in head else head
        if b"/Fl" not in head or b"/Image" in head:  # /FlateDecode or its short form /Fl
            continue
        size = _expanded_size(data, match.end(), MAX_STREAM_BYTES + 1)
        if size > MAX_STREAM_BYTES:
            raise ImportFailure(
                path,
                f"a compressed part expands past {MAX_STREAM_BYTES // 2**20} MB "
                "(a decompression bomb?); not read",
            )
        total += size
        if total > MAX_TOTAL_BYTES:
            raise ImportFailure(
                path, f"its compressed parts expand past {MAX_TOTAL_BYTES // 2**20} MB; not read"
            )


def _expanded_size(data: bytes, start: int, limit: int) -> int:
    """Bytes the deflate stream at ``start`` expands to, counting up to ``limit``; a stream
    that is not valid deflate counts what came out before the error (PDFium would stop
    there too)."""
    inflater = zlib.decompressobj()
    size = 0
    position = start
    try:
        while position < len(data) and not inflater.eof and size < limit:
            pending = data[position : position + _CHUNK]
            position += len(pending)
            while pending and size < limit and not inflater.eof:
                size += len(inflater.decompress(pending, _CHUNK))
                pending = inflater.unconsumed_tail
    except zlib.error:
        pass
    return size
