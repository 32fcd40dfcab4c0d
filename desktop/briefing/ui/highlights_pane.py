"""The highlights of the open article, in text order, and apart from them the orphaned ones
(their passage is gone from the article's text) with their quote and note."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from briefing.core.model import Highlight
from briefing.core.safe_text import plain_tooltip
from briefing.ui import theme
from briefing.ui.document import UNTAGGED, placed_in_order

Index = QModelIndex | QPersistentModelIndex
HIGHLIGHT_ROLE = Qt.ItemDataRole.UserRole + 1
QUOTE_CHARS = 90


def short_quote(quote: str, limit: int = QUOTE_CHARS) -> str:
    flat = " ".join(quote.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def first_line(note: str) -> str:
    return next((line.strip() for line in note.splitlines() if line.strip()), "")


class HighlightListModel(QAbstractListModel):
    """Rows are highlights. A change that keeps the same highlights in the same order
    updates rows in place (``dataChanged``), so the selection and scroll stay."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Highlight] = []

    def set_highlights(self, highlights: list[Highlight]) -> None:
        if [h.id for h in highlights] == [h.id for h in self._rows]:
            old, self._rows = self._rows, list(highlights)
            for row, (before, after) in enumerate(zip(old, self._rows, strict=True)):
                if before != after:
                    self.dataChanged.emit(self.index(row), self.index(row))
            return
        self.beginResetModel()
        self._rows = list(highlights)
        self.endResetModel()

    def highlight_at(self, row: int) -> Highlight | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, highlight_id: int) -> int:
        return next((i for i, h in enumerate(self._rows) if h.id == highlight_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        highlight = self.highlight_at(index.row())
        if highlight is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return short_quote(highlight.quote)
        if role == Qt.ItemDataRole.ToolTipRole:
            tags = ", ".join(highlight.tags)  # whole, where a narrow pane shortens the chips
            return plain_tooltip(
                "\n\n".join(p for p in (highlight.quote, tags, highlight.note.strip()) if p)
            )
        if role == HIGHLIGHT_ROLE:
            return highlight
        return None


class HighlightDelegate(QStyledItemDelegate):
    """Three lines: the shortened quote, the tags as chips in their colours, the note's
    first line."""

    def __init__(self, colors: dict[str, str], parent: Any = None) -> None:
        super().__init__(parent)
        self.colors = colors

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        line = QFontMetrics(option.font).height()
        return QSize(1, 3 * line + 16)  # as wide as the view gives: the text elides

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        highlight: Highlight | None = index.data(HIGHLIGHT_ROLE)
        if highlight is None:
            return
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(option.rect, option.palette.color(QPalette.ColorRole.Highlight))
        text_color = option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        metrics = QFontMetrics(option.font)
        line = metrics.height()
        x, y, width = option.rect.x() + 6, option.rect.y() + 4, option.rect.width() - 12
        painter.setPen(text_color)
        quote = metrics.elidedText(
            index.data(Qt.ItemDataRole.DisplayRole), Qt.TextElideMode.ElideRight, width
        )
        painter.drawText(QRect(x, y, width, line), Qt.AlignmentFlag.AlignLeft, quote)
        chip_x = x
        for tag in highlight.tags:
            # A chip that would run past the pane's edge is shortened with an ellipsis (the
            # row's tooltip names every tag whole), never cut off mid-letter.
            room = x + width - chip_x - 10
            if room < metrics.horizontalAdvance("…") + 2:
                break
            shown_tag = metrics.elidedText(tag, Qt.TextElideMode.ElideRight, room)
            chip_width = metrics.horizontalAdvance(shown_tag) + 10
            chip = QRect(chip_x, y + line + 3, chip_width, line)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(self.colors.get(tag, UNTAGGED)))
            painter.drawRoundedRect(chip, 4, 4)
            # Black or white, whichever reads on the chip (white on amber did not).
            painter.setPen(theme.chip_text(self.colors.get(tag, UNTAGGED)))
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, shown_tag)
            chip_x += chip_width + 4
        note = first_line(highlight.note)
        if note:
            font = painter.font()
            font.setItalic(True)
            painter.setFont(font)
            painter.setPen(text_color if selected else QColor(theme.current().muted))
            shown = metrics.elidedText("✎ " + note, Qt.TextElideMode.ElideRight, width)
            painter.drawText(QRect(x, y + 2 * line + 6, width, line), 0, shown)
        painter.restore()


def _list_view(parent: QWidget, name: str, model: HighlightListModel, delegate: Any) -> QListView:
    view = QListView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setItemDelegate(delegate)
    view.setUniformItemSizes(True)
    # Rows elide to the pane's width; a horizontal scroll bar would only hide the last row.
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setSelectionMode(QListView.SelectionMode.SingleSelection)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return view


class HighlightsPane(QWidget):
    """Placed highlights in text order; orphaned ones listed apart. Activating a placed one
    (click, Enter) asks the window to show it in the reader."""

    highlight_activated = Signal(object)  # Highlight

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("highlights_pane")
        self.colors: dict[str, str] = {}
        self.delegate = HighlightDelegate(self.colors, self)
        self.placed = HighlightListModel(self)
        self.orphaned = HighlightListModel(self)
        self.placed_view = _list_view(self, "highlights_list", self.placed, self.delegate)
        self.orphaned_view = _list_view(self, "orphaned_list", self.orphaned, self.delegate)
        self.placed_label = QLabel(self)
        self.orphaned_label = QLabel(self)
        self.orphaned_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.placed_label)
        layout.addWidget(self.placed_view, 3)
        layout.addWidget(self.orphaned_label)
        layout.addWidget(self.orphaned_view, 1)
        self.placed_view.activated.connect(self._activated)
        self.placed_view.clicked.connect(self._activated)
        self.show_highlights([], {})

    def show_highlights(self, highlights: list[Highlight], colors: dict[str, str]) -> None:
        self.colors.clear()
        self.colors.update(colors)
        placed = placed_in_order(highlights)
        orphaned = [h for h in highlights if h.orphaned]
        self.placed.set_highlights(placed)
        self.orphaned.set_highlights(orphaned)
        self.placed_label.setText(self.tr("Highlights ({0})").format(len(placed)))
        self.orphaned_label.setText(
            self.tr("Orphaned ({0}): their text is gone; select text and re-attach").format(
                len(orphaned)
            )
        )
        self.orphaned_label.setVisible(bool(orphaned))
        self.orphaned_view.setVisible(bool(orphaned))
        self.placed_view.viewport().update()

    def _activated(self, index: QModelIndex) -> None:
        highlight = index.data(HIGHLIGHT_ROLE)
        if highlight is not None:
            self.highlight_activated.emit(highlight)

    def _selected(self, view: QListView) -> Highlight | None:
        index = view.currentIndex()
        return index.data(HIGHLIGHT_ROLE) if index.isValid() else None

    def has_focus(self) -> bool:
        return self.placed_view.hasFocus() or self.orphaned_view.hasFocus()

    def selected_highlight(self) -> Highlight | None:
        """The highlight selected in whichever list has the focus (placed first)."""
        if self.orphaned_view.hasFocus():
            return self._selected(self.orphaned_view)
        return self._selected(self.placed_view)

    def selected_orphan(self) -> Highlight | None:
        return self._selected(self.orphaned_view)

    def select(self, highlight_id: int) -> None:
        row = self.placed.row_of(highlight_id)
        if row >= 0:
            self.placed_view.setCurrentIndex(self.placed.index(row))
