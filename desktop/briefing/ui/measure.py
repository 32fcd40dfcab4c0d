"""A readable measure when the window narrows: the panes beside the reader give way first, so
the reading column keeps about 35 full-width characters a line where the window has room for
it (at 900×600 it had shrunk to about 15 while the library list kept its width).

No hard minimum: a window made narrower still shrinks the reader last, and never refuses the
size the analyst asked for.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter, QTextEdit

MEASURE = 35  # full-width characters a line the reader is given room for
LIBRARY_FLOOR = 280  # the library list keeps at least this many pixels
DOCK_FLOOR = 180  # and each pane on the right these


def measure_width(reader: QTextEdit, characters: int = MEASURE) -> int:
    """The reader's width, in pixels, that holds ``characters`` full-width characters a line
    (document margins, frame and scroll bar included)."""
    em = QFontMetricsF(reader.font()).horizontalAdvance("国")
    margins = 2 * reader.document().documentMargin() + 2 * reader.frameWidth()
    bar = reader.verticalScrollBar().sizeHint().width()
    return round(em * characters + margins + bar)


class MeasureKeeper(QObject):
    """After each resize of ``window`` (or a new text size), takes room from the left pane of
    ``splitter`` and from the right-hand ``docks`` until the reader holds :data:`MEASURE`
    characters, or they are at their floors."""

    def __init__(
        self, window: QMainWindow, splitter: QSplitter, reader: QTextEdit, docks: list[QDockWidget]
    ) -> None:
        super().__init__(window)
        self.splitter = splitter
        self.reader = reader
        self.docks = docks
        self._later = QTimer(self, singleShot=True, interval=0)  # after the layout settled
        self._later.timeout.connect(self.keep)
        self._passes = 0  # the docks giving way widen the central area: look again, twice
        window.installEventFilter(self)
        reader.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.Show):
            if not self._later.isActive() and self._passes == 0:
                self._passes = 3
            self._later.start()
        return False

    def keep(self) -> None:
        self._passes = max(0, self._passes - 1)
        deficit = measure_width(self.reader) - self.reader.width()
        if deficit <= 0:
            self._passes = 0
            return
        # The panes on the right give way first, then the library list (whose titles need
        # room too: below its floor it shows only ellipses).
        window = self.parent()
        assert isinstance(window, QMainWindow)
        shown = [d for d in self.docks if d.isVisible() and not d.isFloating()]
        room = max((d.width() - DOCK_FLOOR for d in shown), default=0)
        if room > 0:
            widths = [max(DOCK_FLOOR, d.width() - deficit) for d in shown]
            window.resizeDocks(shown, widths, Qt.Orientation.Horizontal)
            deficit -= min(room, deficit)
        sizes = self.splitter.sizes()
        if deficit > 0 and len(sizes) == 2:
            take = max(0, min(deficit, sizes[0] - LIBRARY_FLOOR))
            if take:
                self.splitter.setSizes([sizes[0] - take, sizes[1] + take])
        if self._passes:
            self._later.start()
