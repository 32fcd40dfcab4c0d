"""No heading ends on a line of one character: when a heading wraps and leaves its last
character alone (a wrapped title leaving 「策」 by itself reads as a typo), the heading's block
gets a right margin just wide enough that a second character joins it.

Only the block format changes, never the text, so offsets and highlights stay where they are.
The margins are worked out again whenever the reader's width changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFontMetricsF, QTextBlock, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

MAX_STEPS = 6  # at most this many characters' width taken off a heading's lines


def _last_line_length(block: QTextBlock) -> tuple[int, int]:
    layout = block.layout()
    count = layout.lineCount()
    return count, (layout.lineAt(count - 1).textLength() if count else 0)


def balance_headings(document: QTextDocument) -> int:
    """Give every wrapped heading whose last line holds one character a right margin that
    brings a second character down; returns how many headings were changed."""
    layout = document.documentLayout()
    changed = 0
    block = document.begin()
    while block.isValid():
        fmt = block.blockFormat()
        if fmt.headingLevel() > 0 and len(block.text()) > 2:
            cursor = QTextCursor(block)
            if fmt.rightMargin():
                fmt.setRightMargin(0)
                cursor.setBlockFormat(fmt)
                layout.blockBoundingRect(block)  # lay the block out again at full width
            lines, last = _last_line_length(block)
            if lines > 1 and last == 1:
                em = QFontMetricsF(block.charFormat().font()).horizontalAdvance("国")
                for step in range(1, MAX_STEPS + 1):
                    fmt.setRightMargin(em * step)
                    cursor.setBlockFormat(fmt)
                    layout.blockBoundingRect(block)
                    if _last_line_length(block)[1] > 1:
                        changed += 1
                        break
                else:
                    fmt.setRightMargin(0)
                    cursor.setBlockFormat(fmt)
        block = block.next()
    return changed


class HeadingBalancer(QObject):
    """Balances ``reader``'s headings after each new article and each change of its width."""

    def __init__(self, reader: QTextEdit) -> None:
        super().__init__(reader)
        self.reader = reader
        self._width = -1
        self._document: QTextDocument | None = None
        self._later = QTimer(self, singleShot=True, interval=0)  # after the layout settled
        self._later.timeout.connect(self.balance)
        reader.viewport().installEventFilter(self)
        reader.textChanged.connect(self._maybe_new_article)

    def _maybe_new_article(self) -> None:
        if self.reader.document() is not self._document:
            self._document = self.reader.document()
            self._width = -1
            self._later.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.reader.viewport().width() != self._width:
            self._later.start()
        return False

    def balance(self) -> int:
        self._width = self.reader.viewport().width()
        self._document = self.reader.document()
        return balance_headings(self._document)
