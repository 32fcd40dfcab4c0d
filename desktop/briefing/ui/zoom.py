"""Zooming the reader: Ctrl+= / Ctrl+- / Ctrl+0 and Ctrl+wheel change the reading text size at
once, keep the reading place, and are remembered (the Preferences' text size, one setting).

QTextEdit's own Ctrl+wheel zoom changed only the widget's font, which the article's document
does not use (its blocks carry their own fonts): nothing moved until the next article. Here
the size is saved and the open article laid out again at the new size.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QTextCursor, QWheelEvent

from briefing.ui import settings
from briefing.ui.reader import Reader

STEP = 1.0  # points per key press or wheel notch
WHEEL_NOTCH = 120  # angleDelta of one notch


def zoomed(size: float, steps: int) -> float:
    """The text size ``steps`` steps from ``size``, within the setting's bounds; 0 steps:
    the default size."""
    option = settings.TEXT_SIZE
    if steps == 0:
        return option.default
    low = option.minimum if option.minimum is not None else 1.0
    high = option.maximum if option.maximum is not None else 200.0
    return min(max(size + steps * STEP, low), high)


class Zoom(QObject):
    """Zooms ``reader``; ``relayout`` (connected to the window's after-Preferences step) lays
    the open article out again with the saved size, at once, before the place is restored."""

    relayout = Signal()

    def __init__(self, reader: Reader) -> None:
        super().__init__(reader)
        self.reader = reader
        self._wheel = 0  # angle delta gathered from a smooth-scrolling touchpad
        reader.viewport().installEventFilter(self)

    def zoom_in(self) -> None:
        self.zoom(1)

    def zoom_out(self) -> None:
        self.zoom(-1)

    def reset(self) -> None:
        self.zoom(0)

    def zoom(self, steps: int) -> None:
        before = settings.TEXT_SIZE.read()
        after = zoomed(before, steps)
        if after == before:
            return
        settings.TEXT_SIZE.write(after)
        # The character at the top of the view stays at the top; the caret stays where it was.
        top = self.reader.cursorForPosition(QPoint(0, 0)).position()
        caret = self.reader.textCursor()
        anchor, position = caret.anchor(), caret.position()
        self.relayout.emit()
        length = self.reader.document().characterCount() - 1
        cursor = QTextCursor(self.reader.document())
        cursor.setPosition(min(anchor, length))
        cursor.setPosition(min(position, length), QTextCursor.MoveMode.KeepAnchor)
        self.reader.setTextCursor(cursor)
        place = QTextCursor(self.reader.document())
        place.setPosition(min(top, length))
        bar = self.reader.verticalScrollBar()
        bar.setValue(0)
        bar.setValue(self.reader.cursorRect(place).top())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel:
            assert isinstance(event, QWheelEvent)
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self._wheel += event.angleDelta().y()
                steps = int(self._wheel / WHEEL_NOTCH)
                if steps:
                    self._wheel -= steps * WHEEL_NOTCH
                    self.zoom(steps)
                event.accept()
                return True  # never QTextEdit's own zoom, which the document ignores
        return False
