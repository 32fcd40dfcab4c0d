"""The bytes of a small PDF from its numbered objects: for tests and corpus builders that
write a PDF by hand (typst cannot lay text out row by row or vertically)."""

from __future__ import annotations


def pdf_bytes(objects: list[bytes], version: str = "1.4", trailer: bytes = b"") -> bytes:
    """A PDF whose object ``n`` is ``objects[n - 1]``: object 1 is the catalogue, and
    ``trailer`` adds entries to the trailer (``b"/Info 3 0 R"``)."""
    out, offsets = b"%%PDF-%s\n" % version.encode(), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    extra = b" " + trailer if trailer else b""
    out += b"trailer << /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        extra,
        xref,
    )
    return out
