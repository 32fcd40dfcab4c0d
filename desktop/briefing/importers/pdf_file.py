"""PDF → article, through QtPdf (PDFium) and the reflow of its text layer.

QtPdf needs a ``QGuiApplication``. A GUI that imports already has one; a headless caller
(the CLI, a scheduled import, tests) gets an offscreen one made here and kept for the life of
the process, since Qt objects must not outlive their application.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtPdf import QPdfDocument

from briefing.core.model import ArticleDraft
from briefing.core.normalize import clean_imported_text
from briefing.core.reflow import reflow
from briefing.importers.failure import ImportFailure
from briefing.importers.paragraphs import paragraphs_to_markdown, split_title

_APP: QCoreApplication | None = None  # the offscreen application we made, if we made one
_UNREADABLE = "not a readable PDF (damaged or truncated)"
_ERRORS = {
    QPdfDocument.Error.FileNotFound: "cannot read: No such file or directory",
    QPdfDocument.Error.InvalidFileFormat: _UNREADABLE,
    QPdfDocument.Error.IncorrectPassword: "password-protected PDF",
    QPdfDocument.Error.UnsupportedSecurityScheme: "encrypted PDF (unsupported security scheme)",
}
# Where PDFium may have glued two layout lines together: after the end of a sentence (the
# last line of a paragraph and the first of the next), or before a page number at the end.
_GLUE_CANDIDATE = re.compile(r"(?<=[。．.!?！？」』）)])[ \t]?(?=[^\s])|[ \t](?=\d{1,4}$)")


def read_pdf(path: Path) -> ArticleDraft:
    """Import the PDF at ``path``; every failure is an :class:`ImportFailure`."""
    _ensure_application()
    document = QPdfDocument()
    try:
        error = document.load(str(path))
        if error != QPdfDocument.Error.None_ or document.pageCount() < 1:
            raise ImportFailure(path, _ERRORS.get(error, _UNREADABLE))
        pages = [_page_text(document, page) for page in range(document.pageCount())]
        title = _meta(document, QPdfDocument.MetaDataField.Title)
        author = _meta(document, QPdfDocument.MetaDataField.Author)
    finally:
        document.close()
    if not any(page.strip() for page in pages):
        raise ImportFailure(path, "no text layer (scanned PDF?)")
    paragraphs = [p for p in reflow("\f".join(pages)).split("\n\n") if p.strip()]
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    elif not title:
        title, paragraphs = split_title(paragraphs)
    return ArticleDraft(
        title=title,
        body=paragraphs_to_markdown(paragraphs),
        author=author,
        origin=str(path),
    )


def _ensure_application() -> None:
    global _APP
    if QCoreApplication.instance() is None:
        _APP = QGuiApplication(["briefing-import", "-platform", "offscreen"])


def _meta(document: QPdfDocument, field: QPdfDocument.MetaDataField) -> str:
    value = document.metaData(field)
    return " ".join(clean_imported_text(value).split()) if isinstance(value, str) else ""


def _page_text(document: QPdfDocument, page: int) -> str:
    """One page's text, cleaned, with the line breaks PDFium dropped put back."""
    text = document.getAllText(page).text()
    breaks = [m.start() for m in _GLUE_CANDIDATE.finditer(text) if _new_line(document, page, m)]
    for start in reversed(breaks):
        end = start + 1 if text[start] in " \t" else start
        text = text[:start] + "\n" + text[end:]
    return clean_imported_text(text)


def _new_line(document: QPdfDocument, page: int, match: re.Match[str]) -> bool:
    """Whether the characters either side of ``match`` sit on different layout lines.

    PDFium's text of a page made by Qt runs the last line of one paragraph and the first of
    the next together ("capitals. Paragraph 1"); the glyph boxes still tell them apart.
    Each query costs a text-page load in PDFium, so only these few candidates are checked.
    """
    before, after = match.start() - 1, match.end()
    if before < 0:
        return False
    bounds = document.getSelectionAtIndex(page, before, after - before + 1).bounds()
    if len(bounds) < 2:
        return False
    first, last = bounds[0].boundingRect(), bounds[-1].boundingRect()
    return last.top() > first.bottom() or last.bottom() < first.top()
