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
# Titles that tools write instead of the document's: "Microsoft Word - 提言.docx", "無題".
_PLACEHOLDER_TITLE = re.compile(
    r"^(?:Microsoft \w+ - |untitled$|無題)|\.(?:docx?|pptx?|xlsx?|rtf|odt|pdf|txt|html?)$", re.I
)
_SENTENCE_END = "。．.!?！？"
# Where PDFium may have glued two layout lines together: after the end of a sentence (the
# last line of a paragraph and the first of the next), or before a page number at the end.
_GLUE_CANDIDATE = re.compile(r"(?<=[。．.!?！？」』）)])[ \t]?(?=\S)|[ \t](?=\d{1,4}$)")


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
        if _PLACEHOLDER_TITLE.search(title):
            title = ""
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
    lines = text.split("\r\n")
    lengths = sorted(len(line) for line in lines if line.strip())
    typical = lengths[len(lengths) // 2] if lengths else 0
    bottom = [i for i, line in enumerate(lines) if line.strip()][-3:]
    out, offset = [], 0
    for index, line in enumerate(lines):
        if len(line) > 1.15 * typical or index in bottom or _two_sentence_ends(line):
            out.append(_split_glued(document, page, line, offset))
        else:
            out.append(line)
        offset += len(line) + 2  # the "\r\n" PDFium counts as characters too
    return clean_imported_text("\n".join(out))


def _two_sentence_ends(line: str) -> bool:
    """A line that ends a sentence and holds the end of another: it may be the last line of
    one paragraph glued to a one-line paragraph ("… some doubt. Done.")."""
    stripped = line.rstrip()
    return (
        bool(stripped)
        and stripped[-1] in _SENTENCE_END
        and any(c in _SENTENCE_END for c in stripped[:-1])
    )


def _split_glued(document: QPdfDocument, page: int, line: str, offset: int) -> str:
    """``line`` with a line break wherever its characters sit on two layout lines.

    PDFium's text of a page made by Qt runs the last line of one paragraph and the first of
    the next together ("capitals. Paragraph 1"), and a page number onto the last line; the
    glyph boxes still tell them apart. Only suspect lines are checked, at sentence ends:
    each query costs PDFium a text-page load (about a millisecond).
    """
    breaks: list[tuple[int, int]] = []
    start = 0
    for match in _GLUE_CANDIDATE.finditer(line):
        before, after = match.start() - 1, match.end()
        if before < start:
            continue
        first = max(start, before - 30)  # the same layout line so far, or its last part
        span = document.getSelectionAtIndex(page, offset + first, before + 1 - first)
        span = span.boundingRectangle()
        nxt = document.getSelectionAtIndex(page, offset + after, 1).boundingRectangle()
        if nxt.isEmpty() or span.isEmpty():
            continue
        middle = nxt.center().y()
        if middle > span.bottom() or middle < span.top():
            breaks.append((match.start(), match.end()))
            start = after
    for begin, end in reversed(breaks):
        line = line[:begin] + "\n" + line[end:]
    return line
