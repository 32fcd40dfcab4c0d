"""How a search result is drawn: a muted first line (what and where), then the snippet with
each match in bold on a tint — never brackets, which Japanese text uses itself.

The selected row is drawn in the palette's active highlight colours even when the list has
lost the focus (an inactive selection was white on pale blue: unreadable); a match on it stays
bold and is underlined, since a tint would fight the selection colour.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from briefing.ui import theme

Index = QModelIndex | QPersistentModelIndex
HEAD_ROLE = Qt.ItemDataRole.UserRole + 2
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 3
MARKS_ROLE = Qt.ItemDataRole.UserRole + 4
MARK_TINT = "#ffb300"  # amber mixed into the list's base colour under a match
PADDING = 6


def _layout(text: str, font: QFont, width: float, formats: list) -> tuple[QTextLayout, float]:
    """``text`` laid out in lines ``width`` wide; returns the layout and its height."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.setFormats(formats)
    layout.beginLayout()
    height = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(width, 10.0))
        line.setPosition(QPointF(0, height))
        height += line.height()
    layout.endLayout()
    return layout, height


class HitDelegate(QStyledItemDelegate):
    """Paints one hit in two parts; its height follows the list's width."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view

    def _parts(
        self, option: QStyleOptionViewItem, index: Index, width: float, selected: bool
    ) -> tuple[QTextLayout, float, QTextLayout, float]:
        head_font = QFont(option.font)
        head_font.setPointSizeF(max(head_font.pointSizeF() * 0.9, 6.0))
        head, head_height = _layout(index.data(HEAD_ROLE) or "", head_font, width, [])
        marks = QTextCharFormat()
        marks.setFontWeight(QFont.Weight.Bold)
        if selected:
            marks.setFontUnderline(True)
        else:
            marks.setBackground(theme.tint(MARK_TINT, 0.45, _list_colors()))
        formats = []
        for start, end in index.data(MARKS_ROLE) or ():
            format_range = QTextLayout.FormatRange()
            format_range.start, format_range.length, format_range.format = start, end - start, marks
            formats.append(format_range)
        body, body_height = _layout(index.data(SNIPPET_ROLE) or "", option.font, width, formats)
        return head, head_height, body, body_height

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        width = self.view.viewport().width() - 2 * PADDING
        _, head_height, _, body_height = self._parts(option, index, width, False)
        return QSize(int(width), int(head_height + body_height + 2 * PADDING + 2))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        painter.save()
        if selected:
            background, text = selected_colors(palette)
            painter.fillRect(option.rect, background)
            muted = text
        else:
            role = (
                QPalette.ColorRole.AlternateBase
                if option.features & QStyleOptionViewItem.ViewItemFeature.Alternate
                else QPalette.ColorRole.Base
            )
            painter.fillRect(option.rect, palette.color(role))
            text = palette.color(QPalette.ColorRole.Text)
            muted = QColor(theme.current().muted)
        width = option.rect.width() - 2 * PADDING
        head, head_height, body, _ = self._parts(option, index, width, selected)
        origin = QPointF(option.rect.left() + PADDING, option.rect.top() + PADDING)
        painter.setPen(muted)
        head.draw(painter, origin)
        painter.setPen(text)
        body.draw(painter, origin + QPointF(0, head_height + 2))
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(text if selected else palette.color(QPalette.ColorRole.Highlight))
            painter.drawRect(QRectF(option.rect).adjusted(0.5, 0.5, -1.5, -1.5))
        painter.restore()


def selected_colors(palette: QPalette) -> tuple[QColor, QColor]:
    """A selected row's background and text: the active highlight colour whether or not the
    list has the focus (the inactive pair can be white on pale blue), and black or white text,
    whichever reads better on it, whatever palette the desktop or the theme gave."""
    background = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
    return background, theme.chip_text(background.name())


def _list_colors() -> theme.Colors:
    """The theme's colours with the list's base as the page a match's tint is mixed into."""
    colors = theme.current()
    return replace(colors, reader_bg=colors.base)
