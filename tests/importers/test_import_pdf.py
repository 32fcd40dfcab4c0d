"""PDF files typeset with typst and read back through pypdfium2: text, metadata, failures."""

from __future__ import annotations

from pathlib import Path

import pytest
from briefing.core.markdown import canonical_text, parse_blocks
from briefing.importers import ImportFailure, read_document
from pdf_typeset import Typeset

SENTENCE = (
    "Paragraph {n}: the sanctions adopted in 2022 restricted exports of machine tools, and "
    "analysts in several capitals measured their effect on trade with care and some doubt."
)
JAPANESE = (
    "日本政府は対露制裁を強化し、工作機械の輸出管理を厳格化する方針を示した。長期的な視点から、"
    "同盟国と連携して実効性を高めることが求められる。"
)
PAGE = (
    '#set page(paper: "a6", margin: 1.5cm, numbering: "1")\n'
    '#set text(lang: "{lang}", font: "Noto Serif CJK JP", size: 9pt, cjk-latin-spacing: none)\n'
    "#set par(justify: true, spacing: 1.2em)\n"
)


def _source(body: str, *, title: str = "", author: str = "", lang: str = "en") -> str:
    meta = f"#set document(title: {_string(title)}, author: {_string(author)})\n"
    return (meta if title or author else "") + PAGE.replace("{lang}", lang) + body


def _string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


@pytest.fixture
def english_pdf(typeset: Typeset) -> Path:
    paragraphs = "\n\n".join(SENTENCE.format(n=n) for n in range(14))
    body = f"== Background\n\n{paragraphs}\n\nDone.\n"
    return typeset(_source(body, title="Sanctions memo", author="A. Analyst"), "memo.pdf")


def test_paragraphs_survive_pages_and_page_numbers(english_pdf: Path) -> None:
    draft = read_document(english_pdf)
    assert draft.title == "Sanctions memo"  # the document's Title metadata
    assert draft.author == "A. Analyst"
    assert draft.origin == str(english_pdf)
    texts = [b.text for b in parse_blocks(draft.body)]
    assert texts[0] == "Background"
    # Every paragraph whole, once: across page breaks and the page numbers in the footers.
    assert texts[1:] == [SENTENCE.format(n=n) for n in range(14)] + ["Done."]
    assert "\n" not in "".join(texts)


@pytest.mark.parametrize("metadata", ["", "Microsoft Word - memo.docx", "draft.pdf"])
def test_title_from_first_line_without_a_real_title(typeset: Typeset, metadata: str) -> None:
    body = "Export controls\n\n" + "\n\n".join(SENTENCE.format(n=n) for n in range(3))
    draft = read_document(typeset(_source(body, title=metadata), "untitled.pdf"))
    assert draft.title == "Export controls"
    assert canonical_text(draft.body).split("\n")[0] == SENTENCE.format(n=0)


def test_japanese_pdf(typeset: Typeset) -> None:
    body = "== はじめに\n\n" + "\n\n".join([JAPANESE] * 6)
    draft = read_document(typeset(_source(body, title="対露制裁", lang="ja"), "ja.pdf"))
    assert draft.title == "対露制裁"
    texts = [b.text for b in parse_blocks(draft.body)]
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


def test_password_protected_pdf(english_pdf: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=english_pdf)
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    locked = english_pdf.with_name("locked.pdf")
    writer.write(locked)
    with pytest.raises(ImportFailure) as caught:
        read_document(locked)
    assert caught.value.reason == "password-protected PDF"


def test_pdf_without_text_layer(typeset: Typeset) -> None:
    path = typeset("#rect(width: 80%, height: 60%, fill: gray)\n", "scan.pdf")  # a scan, say
    with pytest.raises(ImportFailure) as caught:
        read_document(path)
    assert caught.value.reason == "no text layer (scanned PDF?)"


def test_qt_printed_pdf_radicals_folded_and_first_heading_kept(
    qapp: object, tmp_path: Path
) -> None:
    """Qt's text layer names Kangxi radicals for ideographs (⽇ for 日, see PLATFORM-NOTES);
    a PDF whose metadata title is not its first heading keeps that heading as text."""
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    path = tmp_path / "qt.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    writer.setTitle("対露制裁メモ")
    document = QTextDocument()
    document.setHtml("<h2>はじめに</h2>" + f"<p>{JAPANESE}</p>" * 12)
    document.print_(writer)
    del writer  # the file is complete once the writer is gone
    draft = read_document(path)
    assert draft.title == "対露制裁メモ"
    assert [b.text for b in parse_blocks(draft.body)] == ["はじめに"] + [JAPANESE] * 12
    assert [page.label for page in draft.pages] == ["1", "2"]
