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
    QTextFormat,
    QTextListFormat,
)

from briefing.core.markdown import Block, parse_blocks
from briefing.core.model import Highlight
from briefing.ui import theme

HEADING_SIZES = {1: 1.6, 2: 1.35, 3: 1.2, 4: 1.1, 5: 1.0, 6: 1.0}
# Figure captions and notes stand apart from the argument: smaller, muted, indented (a
# caption on a faint band). Only formats: their text stays in the document, so offsets do not move.
APART_SIZES = {"caption": 0.85, "note": 0.8}
# The kind of a block that is not body text ("caption", "note"), on its block format: what
# tests and panes ask instead of guessing from a font size.
BLOCK_KIND = QTextFormat.Property.UserProperty + 2


# Line height in per cent of the font's: Japanese body text reads best at about 1.7; a
# heading's lines belong together, so tighter.
BODY_LINE_HEIGHT, HEADING_LINE_HEIGHT = 170, 125


def _block_format(block: Block) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setBottomMargin(8)
    fmt.setLineHeight(BODY_LINE_HEIGHT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    if block.kind == "heading":
        fmt.setTopMargin(14)
        fmt.setHeadingLevel(block.level)
        proportional = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        fmt.setLineHeight(HEADING_LINE_HEIGHT, proportional)
    elif block.kind == "quote":
        fmt.setLeftMargin(24 * max(block.level, 1))
    elif block.kind == "code":
        fmt.setBottomMargin(0)
    elif block.kind in APART_SIZES:
        fmt.setProperty(BLOCK_KIND, block.kind)
        fmt.setLeftMargin(28)
        fmt.setRightMargin(12)
        fmt.setTopMargin(2 if block.kind == "note" else 4)
        fmt.setLineHeight(140, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        if block.kind == "caption":  # beside a figure: on a faint band; a note is small print
            fmt.setBackground(theme.tint(theme.current().muted, 0.12))
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
    elif block.kind in APART_SIZES:
        # Smaller, never slanted: Japanese type has no italic (Qt would only shear it).
        font.setPointSizeF(base.pointSizeF() * APART_SIZES[block.kind])
    fmt.setFont(font)
    if block.kind in APART_SIZES:
        fmt.setForeground(QColor(theme.current().muted))
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
        fmt.setForeground(QColor(theme.current().link))
        fmt.setFontUnderline(True)
    return fmt


def build_document(
    markdown: str, base_font: QFont | None = None, document: QTextDocument | None = None
) -> QTextDocument:
    """A document whose plain text is exactly ``canonical_text(markdown)``.

    With ``document``, that document is cleared and filled again: the reader keeps one
    document for its whole life instead of leaking one per article it opens.
    """
    if document is None:
        document = QTextDocument()
    # The reader is read-only: an undo stack would only keep every built block alive.
    document.setUndoRedoEnabled(False)
    document.clear()
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


# --- highlights as character formats ----------------------------------------------------------

UNTAGGED = "#fbc02d"
# Which highlight tints a character: lets a repaint find and clear exactly its own formats.
HIGHLIGHT_ID = QTextFormat.Property.UserProperty + 1


def tint(color: str, strength: float = 0.32) -> QColor:
    """The tag colour mixed into the reading page of the current theme: an opaque
    highlighter tint (:func:`briefing.ui.theme.tint`)."""
    return theme.tint(color, strength)


def first_color(highlight: Highlight, colors: dict[str, str]) -> str:
    return colors.get(highlight.tags[0], UNTAGGED) if highlight.tags else UNTAGGED


def placed_in_order(highlights: Iterable[Highlight]) -> list[Highlight]:
    """The highlights that have a place in the text, in text order; of two that start
    together the longer comes first, so a highlight nested in another is painted over it and
    stays visible."""
    return sorted(
        (h for h in highlights if not h.orphaned),
        key=lambda h: (h.selector.start, -h.selector.end, h.id),
    )


def tint_strengths(placed: list[Highlight]) -> dict[int, float]:
    """A tint strength per highlight: two highlights that touch get different strengths, so
    adjacent highlights of the same tag stay visibly two."""
    strengths: dict[int, float] = {}
    previous_end, alternate = -1, False
    for highlight in placed:
        alternate = not alternate if highlight.selector.start <= previous_end else False
        strengths[highlight.id] = 0.5 if alternate else 0.3
        previous_end = max(previous_end, highlight.selector.end)
    return strengths


def _intersects(start: int, end: int, ranges: list[tuple[int, int]] | None) -> bool:
    return ranges is None or any(start < r_end and r_start < end for r_start, r_end in ranges)


def paint_highlights(
    document: QTextDocument,
    highlights: Iterable[Highlight],
    colors: dict[str, str],
    ranges: list[tuple[int, int]] | None = None,
) -> None:
    """Tint each placed highlight with its first tag's colour (yellow when untagged); with
    ``ranges``, only the highlights that meet those ranges (an in-place repaint)."""
    placed = placed_in_order(highlights)
    strengths = tint_strengths(placed)
    length = document.characterCount() - 1
    cursor = QTextCursor(document)
    for highlight in placed:
        start, end = highlight.selector.start, min(highlight.selector.end, length)
        if start >= end or not _intersects(start, end, ranges):
            continue
        fmt = QTextCharFormat()
        fmt.setBackground(tint(first_color(highlight, colors), strengths[highlight.id]))
        fmt.setProperty(HIGHLIGHT_ID, highlight.id)
        if ranges is not None:  # paint only inside the dirty ranges: the rest is current
            for r_start, r_end in ranges:
                s, e = max(start, r_start), min(end, r_end)
                if s < e:
                    cursor.setPosition(s)
                    cursor.setPosition(e, QTextCursor.MoveMode.KeepAnchor)
                    cursor.mergeCharFormat(fmt)
        else:
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)


def clear_highlights(document: QTextDocument, start: int, end: int) -> None:
    """Take the highlight tint off ``[start, end)``, keeping every other format (bold, links)."""
    # Collect first, then change: a format change splits and merges fragments, which would
    # invalidate an iterator still walking them.
    edits: list[tuple[int, int, QTextCharFormat]] = []
    block = document.findBlock(start)
    while block.isValid() and block.position() < end:
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            f_start = fragment.position()
            s, e = max(f_start, start), min(f_start + fragment.length(), end)
            fmt = fragment.charFormat()
            if s < e and fmt.hasProperty(HIGHLIGHT_ID):
                fmt.clearBackground()
                fmt.clearProperty(HIGHLIGHT_ID)
                edits.append((s, e, fmt))
            fragments += 1
        block = block.next()
    cursor = QTextCursor(document)
    for s, e, fmt in edits:
        cursor.setPosition(s)
        cursor.setPosition(e, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(fmt)
