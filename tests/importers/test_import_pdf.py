"""PDF files written by Qt (QPdfWriter) and read back through QtPdf and the reflow."""

from __future__ import annotations

from pathlib import Path

import pytest
from briefing.core.markdown import canonical_text, parse_blocks
from briefing.importers import ImportFailure, read_document
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFontDatabase, QPageSize, QPainter, QPdfWriter, QTextDocument

SENTENCE = (
    "Paragraph {n}: the sanctions adopted in 2022 restricted exports of machine tools, and "
    "analysts in several capitals measured their effect on trade with care and some doubt."
)
JAPANESE = (
    "日本政府は対露制裁を強化し、工作機械の輸出管理を厳格化する方針を示した。長期的な視点から、"
    "同盟国と連携して実効性を高めることが求められる。"
)


def _write_pdf(path: Path, html: str, title: str = "") -> Path:
    """Print ``html`` the way the app's briefing export does; Qt numbers the pages."""
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    if title:
        writer.setTitle(title)
    document = QTextDocument()
    document.setHtml(html)
    document.print_(writer)
    del writer  # the file is complete once the writer is gone
    return path


@pytest.fixture
def english_pdf(qapp: object, tmp_path: Path) -> Path:
    paragraphs = "".join(f"<p>{SENTENCE.format(n=n)}</p>" for n in range(14))
    html = f"<h2>Background</h2>{paragraphs}<p>Done.</p>"
    return _write_pdf(tmp_path / "memo.pdf", html, "Sanctions memo")


def test_paragraphs_survive_pages_and_page_numbers(english_pdf: Path) -> None:
    draft = read_document(english_pdf)
    assert draft.title == "Sanctions memo"  # the document's Title metadata
    assert draft.origin == str(english_pdf)
    blocks = parse_blocks(draft.body)
    texts = [b.text for b in blocks]
    assert texts[0] == "Background"
    # Every paragraph whole, once: across page breaks, the page numbers Qt prints, and the
    # line Qt repeats on both sides of a break.
    assert texts[1:] == [SENTENCE.format(n=n) for n in range(14)] + ["Done."]
    assert "\n" not in "".join(texts)


@pytest.mark.parametrize("metadata", ["", "Microsoft Word - memo.docx", "draft.pdf"])
def test_title_from_first_line_without_a_real_title(
    qapp: object, tmp_path: Path, metadata: str
) -> None:
    body = "<p>Export controls</p>" + "".join(f"<p>{SENTENCE.format(n=n)}</p>" for n in range(3))
    draft = read_document(_write_pdf(tmp_path / "untitled.pdf", body, metadata))
    assert draft.title == "Export controls"
    assert canonical_text(draft.body).split("\n")[0] == SENTENCE.format(n=0)


def test_japanese_pdf(qapp: object, tmp_path: Path) -> None:
    if not QFontDatabase.families(QFontDatabase.WritingSystem.Japanese):
        pytest.skip("no Japanese font on this machine (apt-get install fonts-noto-cjk)")
    body = "<h2>はじめに</h2>" + "".join(f"<p>{JAPANESE}</p>" for _ in range(6))
    draft = read_document(_write_pdf(tmp_path / "ja.pdf", body, "対露制裁"))
    texts = [b.text for b in parse_blocks(draft.body)]
    # Qt's text layer names radicals (⽇, ⻑) for 日 and 長; the import folds them back.
    assert texts == ["はじめに"] + [JAPANESE] * 6, texts


def test_truncated_pdf(english_pdf: Path) -> None:
    data = english_pdf.read_bytes()
    half = english_pdf.with_name("half.pdf")
    half.write_bytes(data[: len(data) // 2])
    with pytest.raises(ImportFailure) as caught:
        read_document(half)
    assert str(caught.value) == "half.pdf: not a readable PDF (damaged or truncated)"


def test_text_file_named_pdf(tmp_path: Path) -> None:
    path = tmp_path / "notes.pdf"
    path.write_text("これはPDFではない。", encoding="utf-8")
    with pytest.raises(ImportFailure, match="not a readable PDF"):
        read_document(path)


def test_pdf_without_text_layer(qapp: object, tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    writer = QPdfWriter(str(path))
    painter = QPainter(writer)
    painter.fillRect(QRectF(100, 100, 2000, 3000), QColor("gray"))  # a scanned page, say
    painter.end()
    del writer
    with pytest.raises(ImportFailure) as caught:
        read_document(path)
    assert caught.value.reason == "no text layer (scanned PDF?)"
