"""Hostile files for the bounds benchmarks and tests: built here, never shipped.

Each builder writes one file an analyst might be handed and returns its path: a PDF whose
1 MB of compressed page content expands to gigabytes of drawing operators, web pages of a
given size, a long text, a large ``highlights.json``.
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF from numbered objects (1-based), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _stream(dictionary: bytes, data: bytes) -> bytes:
    return b"<< %s /Length %d >>\nstream\n" % (dictionary, len(data)) + data + b"\nendstream"


def flate_bomb_pdf(path: Path, expanded_mb: int = 1024, pages: int = 1) -> Path:
    """A PDF of ``pages`` pages whose content streams expand to ``expanded_mb`` MB in all:
    a real text page (so it is a readable PDF) followed by millions of text-showing
    operators. Deflate shrinks the repetition about a thousandfold."""
    head = b"BT /F1 12 Tf 72 720 Td (Sanctions and export controls.) Tj ET\n"
    unit = b"BT /F1 1 Tf 0 0 Td (x) Tj ET\n"
    per_page = expanded_mb * 1024 * 1024 // pages
    compressor_input = head + unit * (per_page // len(unit))
    content = zlib.compress(compressor_input, 9)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(pages)).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
    ]
    font = 3 + 2 * pages
    for i in range(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (4 + 2 * i, font)
        )
        objects.append(_stream(b"/Filter /FlateDecode", content))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    path.write_bytes(_pdf(objects))
    return path


def html_page(path: Path, megabytes: float) -> Path:
    """A news page of ``megabytes``: navigation, an article of Japanese paragraphs, and a
    long list of related links, as saved pages of news sites are."""
    sentence = "ウクライナへの安全の保証をめぐり、制裁と輸出管理の議論が続いている。"
    paragraph = "<p>" + sentence * 3 + "</p>\n"
    related = '<li><a href="/news/{0}">関連記事 {0}：停戦交渉の行方</a></li>\n'
    size = int(megabytes * 1024 * 1024)
    parts = [
        "<!doctype html><html lang=ja><head><meta charset=utf-8><title>安全保障の転機</title>"
        "</head><body><nav><ul>" + "".join(related.format(i) for i in range(50)) + "</ul></nav>"
        "<article><h1>安全保障の転機</h1>"
    ]
    total = len(parts[0].encode())
    body_bytes = size // 2
    while total < body_bytes:
        parts.append(paragraph)
        total += len(paragraph.encode())
    parts.append("</article><aside><ul>")
    i = 0
    while total < size:
        line = related.format(i)
        parts.append(line)
        total += len(line.encode())
        i += 1
    parts.append("</ul></aside></body></html>")
    path.write_text("".join(parts), encoding="utf-8")
    return path


def long_text(path: Path, megabytes: float) -> Path:
    """A plain-text file of ``megabytes`` of Japanese paragraphs."""
    sentence = "制裁の効果をめぐる議論は続いており、輸出管理の抜け穴が指摘されている。"
    paragraph = sentence * 4 + "\n\n"
    count = int(megabytes * 1024 * 1024) // len(paragraph.encode()) + 1
    path.write_text("長い報告書\n\n" + paragraph * count, encoding="utf-8")
    return path


def highlights_file(path: Path, article: str, quotes: list[str], entries: int) -> Path:
    """A ``highlights.json`` of ``entries`` highlights on ``article``, cycling ``quotes``
    with increasing occurrence numbers so every entry is a distinct span."""
    highlights = []
    for n in range(entries):
        quote = quotes[n % len(quotes)]
        highlights.append(
            {
                "article": article,
                "quote": quote,
                "occurrence": n // len(quotes) + 1,
                "tags": ["sanctions"],
                "note": f"note {n}",
            }
        )
    path.write_text(json.dumps({"highlights": highlights}, ensure_ascii=False), encoding="utf-8")
    return path
