"""The outline: the open article's headings, indented by level; Enter or a click puts that
heading at the top of the reader.

Headings are read from the reader's document (blocks with a heading level, as
:mod:`briefing.ui.document` builds them from the Markdown), so the outline always matches
what is shown and costs one pass over the blocks when an article opens.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.core.safe_text import plain_tooltip
from briefing.ui.reader import Reader

POSITION_ROLE = Qt.ItemDataRole.UserRole + 1
INDENT = "    "  # per level below the top one


def headings(document: QTextDocument) -> list[tuple[int, str, int]]:
    """``(level, text, position)`` of every heading block, in order."""
    found = []
    block = document.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if level > 0 and block.text().strip():
            found.append((level, block.text().strip(), block.position()))
        block = block.next()
    return found


class OutlinePane(QWidget):
    """Lists ``reader``'s headings; follows the reader to each new article."""

    def __init__(self, reader: Reader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outline_pane")
        self.reader = reader
        self._document: QTextDocument | None = None
        self.list = QListWidget(self)
        self.list.setObjectName("outline_list")
        self.list.setTabKeyNavigation(False)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.empty = QLabel(self.tr("This article has no headings."), self)
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        self.setFocusProxy(self.list)
        self.list.itemActivated.connect(self._jump)
        self.list.itemClicked.connect(self._jump)
        # A new article replaces the reader's document, which tells textChanged; a highlight
        # repaint changes formats in the same document and is ignored.
        reader.textChanged.connect(self._maybe_refresh)
        self.refresh()

    def _maybe_refresh(self) -> None:
        if self.reader.document() is not self._document:
            self.refresh()

    def refresh(self) -> None:
        self._document = self.reader.document()
        self.list.clear()
        found = headings(self._document)
        top = min((level for level, _, _ in found), default=1)
        for level, text, position in found:
            item = QListWidgetItem(INDENT * (level - top) + text)
            item.setData(POSITION_ROLE, position)
            item.setToolTip(plain_tooltip(text))
            self.list.addItem(item)
        self.list.setVisible(bool(found))
        self.empty.setVisible(not found)

    def _jump(self, item: QListWidgetItem) -> None:
        """The heading at the top of the view, the caret at its start."""
        position = int(item.data(POSITION_ROLE))
        cursor = QTextCursor(self.reader.document())
        cursor.setPosition(position)
        self.reader.setTextCursor(cursor)
        bar = self.reader.verticalScrollBar()
        bar.setValue(bar.value() + self.reader.cursorRect(cursor).top())
