"""The reading preferences applied to the reader: text size, and a column no wider than the
chosen number of full-width characters, centred in whatever room the window gives it.

A Japanese line of 35-45 characters reads comfortably; a maximised window on a wide screen
would otherwise give 90. The column is made by the reader's viewport margins, so the
document, its offsets and its highlights are untouched.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QTextEdit

from briefing.ui import settings
from briefing.ui.fonts import reading_font

FULL_WIDTH_SAMPLE = "国"  # one full-width character: the unit of a Japanese measure


def text_room(reader: QTextEdit) -> int:
    """The pixels across ``reader`` that its text and side margins may use: its width less
    the frame and the style sheet's padding (``frameWidth()`` gives only one of the two sides'
    figures when the padding differs) and the scroll bar's room."""
    chrome = reader.width() - reader.contentsRect().width()
    return reader.width() - chrome - reader.verticalScrollBar().sizeHint().width()


class ReadingColumn(QObject):
    """Keeps ``reader``'s text column at most ``characters`` wide, centred."""

    def __init__(self, reader: QTextEdit, characters: int) -> None:
        super().__init__(reader)
        self.reader = reader
        self.characters = characters
        reader.installEventFilter(self)
        self.update()

    def set_characters(self, characters: int) -> None:
        self.characters = characters
        self.update()

    def column_width(self) -> int:
        """The widest the text may be, in pixels (the document's own margin included)."""
        em = QFontMetricsF(self.reader.font()).horizontalAdvance(FULL_WIDTH_SAMPLE)
        margin = self.reader.document().documentMargin()
        return round(em * self.characters + 2 * margin)

    def update(self) -> None:
        # The scroll bar's room is always kept: the column does not jump sideways when a
        # longer article needs the bar. The side margins shrink before the text does: in a
        # narrow window they go to nothing (the style sheet keeps a few pixels of padding).
        room = text_room(self.reader)
        side = max(0, (room - self.column_width()) // 2)
        margins = self.reader.viewportMargins()
        if margins.left() != side or margins.right() != side:
            self.reader.setViewportMargins(side, 0, side, 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.reader and event.type() in (
            QEvent.Type.Resize,
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,  # the style sheet's padding came or changed
        ):
            self.update()
        return False


def apply_text_size(reader: QTextEdit) -> None:
    """Give ``reader`` the preferred text size (the caller shows the article again)."""
    reader.setFont(reading_font(settings.TEXT_SIZE.read()))


def install(reader: QTextEdit) -> ReadingColumn:
    """Apply the reading preferences to ``reader``; call again after they changed."""
    apply_text_size(reader)
    column = reader.findChild(ReadingColumn)
    if column is None:
        return ReadingColumn(reader, settings.READING_WIDTH.read())
    column.set_characters(settings.READING_WIDTH.read())
    return column
