"""Captions and notes in the reader (issue 16): their own smaller, muted style, apart from
the argument, while the document's plain text stays exactly the canonical text."""

from __future__ import annotations

from pathlib import Path

import pytest
from briefing.core.markdown import canonical_text, parse_blocks
from briefing.importers import read_document
from briefing.ui import theme
from briefing.ui.document import BLOCK_KIND, build_document
from PySide6.QtGui import QFont, QTextDocument

LAYOUT = Path(__file__).parents[1] / "data" / "layout"
MIXED = """# 見出し

本文の段落。

> [!CAPTION]
> ロシアの「影の船団」に所属すると疑われるタンカー（AP/アフロ）

次の段落は**強調**を含む。

> 普通の引用。

> [!FOOTNOTE]
> 1 注の本文、[出典](https://example.org/a)。
"""


def _kinds(document: QTextDocument) -> list[tuple[str, str]]:
    """Each block's text with the kind its format carries ("" for body text)."""
    found = []
    block = document.begin()
    while block.isValid():
        kind = block.blockFormat().property(BLOCK_KIND)
        found.append((block.text(), kind or ""))
        block = block.next()
    return found


def test_captions_and_notes_carry_their_kind_and_a_smaller_muted_style(qapp) -> None:
    base = QFont("Noto Sans CJK JP")
    base.setPointSizeF(12.0)
    document = build_document(MIXED, base)
    assert document.toPlainText() == canonical_text(MIXED)
    kinds = dict(_kinds(document))
    caption = "ロシアの「影の船団」に所属すると疑われるタンカー（AP/アフロ）"
    assert kinds[caption] == "caption" and kinds["1 注の本文、出典。"] == "note"
    assert kinds["本文の段落。"] == "" and kinds["普通の引用。"] == ""
    sizes, colors, margins = {}, {}, {}
    block = document.begin()
    while block.isValid():
        char = block.begin().fragment().charFormat()
        sizes[block.text()] = char.font().pointSizeF()
        colors[block.text()] = char.foreground().color().name()
        margins[block.text()] = block.blockFormat().leftMargin()
        block = block.next()
    for apart in (caption, "1 注の本文、出典。"):
        assert sizes[apart] < sizes["本文の段落。"]
        assert colors[apart] != colors["本文の段落。"]
        assert margins[apart] > margins["本文の段落。"]
    assert sizes["1 注の本文、出典。"] < sizes[caption]  # a note is the smallest text


@pytest.mark.parametrize("name", sorted(p.stem for p in LAYOUT.glob("*.pdf")))
def test_imported_layout_pdfs_show_their_canonical_text_with_captions_and_notes_apart(
    qapp, name: str
) -> None:
    draft = read_document(LAYOUT / f"{name}.pdf")
    document = build_document(draft.body)
    assert document.toPlainText() == canonical_text(draft.body)
    expected = [
        (b.text, b.kind if b.kind in ("caption", "note") else "") for b in parse_blocks(draft.body)
    ]
    assert _kinds(document) == expected
    if name == "chapter":  # the corpus's chapter has both, set apart by the importer
        assert {"caption", "note"} <= {kind for _text, kind in expected}


@pytest.mark.parametrize("name", ["light", "dark"])
def test_a_caption_stays_readable_on_its_band_in_both_themes(qapp, name: str) -> None:
    colors = theme.resolve(name)
    band = theme.tint(colors.muted, 0.12, colors)
    assert theme.contrast(colors.muted, band) >= 4.5  # WCAG AA for small text
    assert theme.contrast(colors.muted, colors.reader_bg) >= 4.5
