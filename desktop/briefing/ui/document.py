"""Build the reader's QTextDocument from an article's Markdown.

The document is built block by block from :func:`briefing.core.markdown.parse_blocks`, the
same blocks the canonical text is made of, so ``toPlainText()`` equals the canonical text
character for character and a highlight's offsets are cursor positions in this document.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextListFormat,
)

from briefing.core.markdown import Block, parse_blocks
from briefing.core.model import Highlight

HEADING_SIZES = {1: 1.6, 2: 1.35, 3: 1.2, 4: 1.1, 5: 1.0, 6: 1.0}


def _block_format(block: Block) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setBottomMargin(8)
    fmt.setLineHeight(150, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    if block.kind == "heading":
        fmt.setTopMargin(14)
        fmt.setHeadingLevel(block.level)
    elif block.kind == "quote":
        fmt.setLeftMargin(24 * max(block.level, 1))
    elif block.kind == "code":
        fmt.setBottomMargin(0)
    return fmt


def _char_format(block: Block, base: QFont) -> QTextCharFormat:
    fmt = QTextCharFormat()
    font = QFont(base)
    if block.kind == "heading":
        font.setPointSizeF(base.pointSizeF() * HEADING_SIZES.get(block.level, 1.0))
        font.setBold(True)
    elif block.kind == "code":
        font.setFamilies(["monospace"])
        font.setStyleHint(QFont.StyleHint.Monospace)
    elif block.kind == "quote":
        font.setItalic(True)
    fmt.setFont(font)
    return fmt


def _span_format(style: str, href: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if style == "strong":
        fmt.setFontWeight(QFont.Weight.Bold)
    elif style == "em":
        fmt.setFontItalic(True)
    elif style == "strike":
        fmt.setFontStrikeOut(True)
    elif style == "code":
        fmt.setFontFamilies(["monospace"])
    elif style == "link":
        fmt.setAnchor(True)
        fmt.setAnchorHref(href)
        fmt.setForeground(QColor("#1a56a6"))
        fmt.setFontUnderline(True)
    return fmt


def build_document(markdown: str, base_font: QFont | None = None) -> QTextDocument:
    """A document whose plain text is exactly ``canonical_text(markdown)``."""
    document = QTextDocument()
    font = base_font or document.defaultFont()
    document.setDefaultFont(font)
    cursor = QTextCursor(document)
    lists: dict[tuple[str, int], object] = {}
    for index, block in enumerate(parse_blocks(markdown)):
        block_fmt = _block_format(block)
        char_fmt = _char_format(block, font)
        if index == 0:
            cursor.setBlockFormat(block_fmt)
            cursor.setBlockCharFormat(char_fmt)
        else:
            cursor.insertBlock(block_fmt, char_fmt)
        if block.kind in ("bullet", "ordered"):
            key = (block.kind, block.level)
            text_list = lists.get(key)
            if text_list is None or (block.number == 1 and block.kind == "ordered"):
                list_fmt = QTextListFormat()
                list_fmt.setStyle(
                    QTextListFormat.Style.ListDecimal
                    if block.kind == "ordered"
                    else QTextListFormat.Style.ListDisc
                )
                list_fmt.setIndent(block.level)
                lists[key] = cursor.createList(list_fmt)
            else:
                text_list.add(cursor.block())  # type: ignore[attr-defined]
        else:
            lists.clear()
        start = cursor.position()
        cursor.insertText(block.text, char_fmt)
        for span in block.spans:
            styled = QTextCursor(document)
            styled.setPosition(start + span.start)
            styled.setPosition(start + span.end, QTextCursor.MoveMode.KeepAnchor)
            styled.mergeCharFormat(_span_format(span.style, span.href))
    document.setModified(False)
    return document


UNTAGGED = "#fbc02d"


def tint(color: str, strength: float = 0.32) -> QColor:
    """The tag colour mixed into white: an opaque highlighter tint. (A translucent brush
    leaves seams where Qt paints neighbouring glyph runs over each other.)"""
    base = QColor(color)
    mix = [round(255 + (c - 255) * strength) for c in (base.red(), base.green(), base.blue())]
    return QColor(*mix)


def paint_highlights(
    document: QTextDocument, highlights: Iterable[Highlight], colors: dict[str, str]
) -> None:
    """Tint each placed highlight with its first tag's colour (yellow when untagged)."""
    for highlight in highlights:
        if highlight.orphaned:
            continue
        fmt = QTextCharFormat()
        fmt.setBackground(
            tint(colors.get(highlight.tags[0], UNTAGGED) if highlight.tags else UNTAGGED)
        )
        cursor = QTextCursor(document)
        cursor.setPosition(highlight.selector.start)
        cursor.setPosition(highlight.selector.end, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)
