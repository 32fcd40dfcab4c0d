"""PDF → article through pypdfium2 (PDFium): each character with its box, size and weight.

No Qt here: a headless import (the CLI, a scheduled job, a worker thread) needs no
application object. This module only reads the PDF; what the characters mean (lines,
paragraphs, headings, page furniture) is decided in :mod:`briefing.core.page_text` and the
reflow, which know nothing of PDF libraries.
"""

from __future__ import annotations

import ctypes
import itertools
import re
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from briefing.core.model import ArticleDraft
from briefing.core.normalize import clean_imported_text
from briefing.core.page_text import Glyph, Line, PageGlyphs, page_lines
from briefing.core.reflow import reflow
from briefing.importers.failure import ImportFailure
from briefing.importers.paragraphs import paragraphs_to_markdown, split_title

_UNREADABLE = "not a readable PDF (damaged or truncated)"
_ERRORS = {
    pdfium_c.FPDF_ERR_FILE: "cannot read: No such file or directory",
    pdfium_c.FPDF_ERR_FORMAT: _UNREADABLE,
    pdfium_c.FPDF_ERR_PASSWORD: "password-protected PDF",
    pdfium_c.FPDF_ERR_SECURITY: "encrypted PDF (unsupported security scheme)",
}
# Titles that tools write instead of the document's: "Microsoft Word - 提言.docx", "無題".
_PLACEHOLDER_TITLE = re.compile(
    r"^(?:Microsoft \w+ - |untitled$|無題)|\.(?:docx?|pptx?|xlsx?|rtf|odt|pdf|txt|html?)$", re.I
)


def read_pdf(path: Path, data: bytes | None = None) -> ArticleDraft:
    """Import the PDF at ``path`` (its bytes ``data`` when already read); every failure is
    an :class:`ImportFailure`."""
    pages, meta = load_pdf(path, data)
    lines = [page_lines(page, number) for number, page in enumerate(pages)]
    if not any(line.text.strip() for page in lines for line in page):
        raise ImportFailure(path, "no text layer (scanned PDF?)")
    left, pitch = _body_left(lines), _line_pitch(lines)
    text = "\f".join(_page_text(page, left, pitch) for page in lines)
    paragraphs = [p for p in reflow(text).split("\n\n") if p.strip()]
    title = meta.get("Title", "")
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    elif not title:
        title, paragraphs = split_title(paragraphs)
    return ArticleDraft(
        title=title,
        body=paragraphs_to_markdown(paragraphs),
        author=meta.get("Author", ""),
        origin=str(path),
    )


def load_pdf(path: Path, data: bytes | None = None) -> tuple[list[PageGlyphs], dict[str, str]]:
    """Every page's characters and the document's metadata (cleaned; a placeholder title
    such as "Microsoft Word - memo.docx" left out)."""
    try:
        document = pdfium.PdfDocument(data if data is not None else Path(path))
    except pdfium.PdfiumError as exc:
        raise ImportFailure(path, _ERRORS.get(exc.err_code or -1, _UNREADABLE)) from exc
    try:
        meta = {
            key: " ".join(clean_imported_text(value).split())
            for key, value in document.get_metadata_dict(skip_empty=True).items()
        }
        if _PLACEHOLDER_TITLE.search(meta.get("Title", "")):
            del meta["Title"]
        pages = []
        for number in range(len(document)):
            page = document[number]
            try:
                width, height = page.get_size()
                textpage = page.get_textpage()
                try:
                    glyphs = _glyphs(textpage)
                finally:
                    textpage.close()
            finally:
                page.close()
            label = document.get_page_label(number) or ""
            pages.append(PageGlyphs(width, height, glyphs, label))
    except pdfium.PdfiumError as exc:  # a page whose content stream is damaged
        raise ImportFailure(path, _UNREADABLE) from exc
    finally:
        document.close()
    return pages, meta


def _glyphs(textpage: pdfium.PdfTextPage) -> tuple[Glyph, ...]:
    """Each character of ``textpage`` with its box, baseline origin, size and weight."""
    left, bottom, right, top = (ctypes.c_double() for _ in range(4))
    x, y = ctypes.c_double(), ctypes.c_double()
    matrix = pdfium_c.FS_MATRIX()
    out = []
    for index in range(textpage.count_chars()):
        code = pdfium_c.FPDFText_GetUnicode(textpage, index)
        if code == 0 or 0xD800 <= code <= 0xDFFF:
            continue
        if code in (0x02, 0xFFFE) or pdfium_c.FPDFText_IsHyphen(textpage, index):
            code = 0xAD  # a hyphen the typesetter added to break a word: a soft hyphen
        pdfium_c.FPDFText_GetCharBox(textpage, index, left, right, bottom, top)
        pdfium_c.FPDFText_GetCharOrigin(textpage, index, x, y)
        # The font size as drawn: Qt, for one, sets 150-point text scaled by 0.06.
        scale = 1.0
        if pdfium_c.FPDFText_GetMatrix(textpage, index, matrix):
            scale = abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5 or 1.0
        out.append(
            Glyph(
                char=chr(code),
                left=left.value,
                bottom=bottom.value,
                right=right.value,
                top=top.value,
                x=x.value,
                y=y.value,
                size=pdfium_c.FPDFText_GetFontSize(textpage, index) * scale,
                weight=pdfium_c.FPDFText_GetFontWeight(textpage, index),
                generated=bool(pdfium_c.FPDFText_IsGenerated(textpage, index)),
            )
        )
    return tuple(out)


def _body_left(pages: list[list[Line]]) -> float:
    """The left margin of body text: where most characters' lines start."""
    counts = Counter[int]()
    for page in pages:
        for line in page:
            counts[round(line.left)] += len(line.text)
    return float(counts.most_common(1)[0][0]) if counts else 0.0


def _line_pitch(pages: list[list[Line]]) -> float:
    """The usual distance between the baselines of two lines of one paragraph."""
    counts = Counter[float]()
    for page in pages:
        for above, below in itertools.pairwise(page):
            step = round(above.baseline - below.baseline, 1)
            if 0 < step < 3 * above.size:
                counts[step] += 1
    return counts.most_common(1)[0][0] if counts else 0.0


def _page_text(lines: list[Line], left: float, pitch: float) -> str:
    """The page's lines as text for the reflow: a first-line indent kept as an ideographic
    space and extra space between lines as a blank line, so that the reflow sees where a
    paragraph starts."""
    out = []
    for index, line in enumerate(lines):
        step = lines[index - 1].baseline - line.baseline if index else 0.0
        if pitch and step > 1.25 * pitch:
            out.append("")
        indented = 0.5 * line.size < line.left - left < 4 * line.size
        out.append(("\u3000" if indented else "") + line.text)
    return clean_imported_text("\n".join(out))
