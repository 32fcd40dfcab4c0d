"""PDF → article through pypdfium2 (PDFium): each character with its box, size and weight.

No Qt here: a headless import (the CLI, a scheduled job, a worker thread) needs no
application object. This module only reads the PDF; what the characters mean (lines,
paragraphs, headings, captions, notes, page furniture) is decided in
:mod:`briefing.core.page_text` and :mod:`briefing.core.page_layout`, which know nothing of
PDF libraries.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from briefing.core.model import ArticleDraft
from briefing.core.normalize import clean_imported_text
from briefing.core.page_layout import LaidBlock, analyse
from briefing.core.page_text import Glyph, PageGlyphs
from briefing.core.text_layout import rejoin_ligatures
from briefing.core.vertical import lines_of
from briefing.importers.blocks import blocks_to_markdown
from briefing.importers.failure import ImportFailure
from briefing.importers.paragraphs import split_title
from briefing.importers.pdf_limits import check_expansion

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


def read_pdf(
    path: Path, data: bytes | None = None, step: Callable[[int, int], None] | None = None
) -> ArticleDraft:
    """Import the PDF at ``path`` (its bytes ``data`` when already read); every failure is
    an :class:`ImportFailure`. The structure comes from the page (see
    :mod:`briefing.core.page_layout`); the draft keeps where each page starts. ``step(done,
    total)`` is called after each page read and may raise ``ImportCancelled``."""
    pages, meta = load_pdf(path, data, step)
    # A page set in vertical columns (縦書き) is read column by column, right to left.
    lines = [lines_of(page, number) for number, page in enumerate(pages)]
    if not any(line.text.strip() for page in lines for line in page):
        raise ImportFailure(path, "no text layer (scanned PDF?)")
    layout = analyse(lines)
    blocks = layout.blocks
    for block in blocks:
        # Radicals for ideographs (Qt's text layer), "Intensifi ed" where a PDF broke a word.
        block.text = rejoin_ligatures(clean_imported_text(block.text))
    title = meta.get("Title", "") or clean_imported_text(layout.title)
    shown = clean_imported_text(layout.title)
    if title and shown and shown not in title and title not in shown:
        # The document's own title differs from the first page's large heading: that
        # heading is text of the article, kept as its first heading.
        blocks.insert(0, LaidBlock("heading", shown, level=2))
    if not title:
        first = next((b for b in blocks if b.kind in ("heading", "paragraph")), None)
        if first is not None:
            title, rest = split_title([first.text])
            if not rest:
                blocks = [b for b in blocks if b is not first]
    elif blocks and blocks[0].text == title:
        blocks = blocks[1:]
    labels = [page.label or printed for page, printed in zip(pages, layout.labels, strict=True)]
    body, starts = blocks_to_markdown(blocks, labels)
    return ArticleDraft(
        title=title,
        body=body,
        source=_source(clean_imported_text(layout.running_head), title),
        author=meta.get("Author", "") or clean_imported_text(layout.author),
        published=pdf_date(meta.get("CreationDate", "")),
        origin=str(path),
        pages=starts,
    )


def _source(head: str, title: str) -> str:
    """The publication a running head names (「国際情勢メモ 2025年8月号」), unless the head
    only repeats the title (「第2章　NATOとウクライナ」 over that chapter)."""
    plain = re.sub(r"\s+", "", head)
    if not plain or re.sub(r"\s+", "", title) in plain or plain in re.sub(r"\s+", "", title):
        return ""
    return head


def pdf_date(value: str) -> date | None:
    """The date of a PDF date string ("D:20251201093000+09'00'"), None if there is none."""
    match = re.match(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?", value.strip())
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2) or 1), int(match.group(3) or 1))
    except ValueError:
        return None


def load_pdf(
    path: Path, data: bytes | None = None, step: Callable[[int, int], None] | None = None
) -> tuple[list[PageGlyphs], dict[str, str]]:
    """Every page's characters and the document's metadata (cleaned; a placeholder title
    such as "Microsoft Word - memo.docx" left out)."""
    if data is None:
        data = Path(path).read_bytes()
    check_expansion(path, data)  # before PDFium expands a bomb into gigabytes
    try:
        document = pdfium.PdfDocument(data)
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
            if step:
                step(number + 1, len(document))
    except pdfium.PdfiumError as exc:  # a page whose content stream is damaged
        raise ImportFailure(path, _UNREADABLE) from exc
    finally:
        document.close()
    return pages, meta


def _glyphs(textpage: pdfium.PdfTextPage) -> tuple[Glyph, ...]:
    """Each character of ``textpage`` with its box, baseline origin, size and weight.

    Whether a character was generated (a space or line break PDFium inferred) is asked
    only of spaces and line breaks, and the raw handle is passed: the same answers with
    fewer trips through ctypes."""
    page = textpage.raw
    left, bottom, right, top = (ctypes.c_double() for _ in range(4))
    x, y = ctypes.c_double(), ctypes.c_double()
    matrix = pdfium_c.FS_MATRIX()
    out = []
    for index in range(pdfium_c.FPDFText_CountChars(page)):
        code = pdfium_c.FPDFText_GetUnicode(page, index)
        if code == 0 or 0xD800 <= code <= 0xDFFF:
            continue
        generated = code in (0x20, 0x0D, 0x0A) and bool(pdfium_c.FPDFText_IsGenerated(page, index))
        if code in (0x02, 0xFFFE) or (code == 0x2D and pdfium_c.FPDFText_IsHyphen(page, index)):
            code = 0xAD  # a hyphen the typesetter added to break a word: a soft hyphen
        pdfium_c.FPDFText_GetCharBox(page, index, left, right, bottom, top)
        pdfium_c.FPDFText_GetCharOrigin(page, index, x, y)
        # The font size as drawn: Qt, for one, sets 150-point text scaled by 0.06.
        scale = 1.0
        if pdfium_c.FPDFText_GetMatrix(page, index, matrix):
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
                size=pdfium_c.FPDFText_GetFontSize(page, index) * scale,
                weight=pdfium_c.FPDFText_GetFontWeight(page, index),
                generated=generated,
            )
        )
    return tuple(out)
