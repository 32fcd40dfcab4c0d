"""A readable measure when the window narrows: the panes beside the reader give way first, so
the reading column keeps about 35 full-width characters a line where the window has room for
it (at 900×600 it had shrunk to about 15 while the library list kept its width; at 1024×700
to 28).

Each pane gives way only down to a floor that keeps what it shows whole: the right-hand
panes to the width that holds every tag name on one line, the library list to a width whose
titles still read (its narrow columns step aside first, see ``library_columns``). The reader's
own side margins shrink before its text does (``reading_column``).

The keeper acts when the window's width changes and when the text size changes, never when
the analyst drags a splitter or a pane's edge, and not on a start that restored the
analyst's own layout: no hard minimum, a size set by hand stays. What it took it gives back
when the window widens again, as far as the reader has more room than its full column.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter, QTextEdit

from briefing.ui.reading_column import FULL_WIDTH_SAMPLE, ReadingColumn, text_room

MEASURE = 35  # full-width characters a line the reader is given room for
LIBRARY_FLOOR = 180  # the library list keeps at least this many pixels (titles still read)
DOCK_FLOOR = 200  # and the panes on the right these, or the width their names need
PASSES = 3  # the docks giving way widen the central area: look again, twice


def measure_width(reader: QTextEdit, characters: int = MEASURE) -> int:
    """The reader's width, in pixels, that holds ``characters`` full-width characters a line
    with its side margins at nothing (document margins, frame, padding and scroll bar
    included)."""
    em = QFontMetricsF(reader.font()).horizontalAdvance(FULL_WIDTH_SAMPLE)
    chrome = reader.width() - text_room(reader)
    return math.ceil(em * characters + 2 * reader.document().documentMargin() + chrome)


class MeasureKeeper(QObject):
    """After a change of ``window``'s width (or of the text size), takes room from the right-hand
    ``docks`` and then from the left pane of ``splitter`` until the reader holds
    :data:`MEASURE` characters, or they are at their floors; gives it back as the window
    widens. ``dock_floor`` tells the least width the docks' contents need whole."""

    def __init__(
        self,
        window: QMainWindow,
        splitter: QSplitter,
        reader: QTextEdit,
        docks: list[QDockWidget],
        dock_floor: Callable[[], int] = lambda: DOCK_FLOOR,
    ) -> None:
        super().__init__(window)  # ``window`` is the parent: no reference of its own kept
        self.splitter = splitter
        self.reader = reader
        self.docks = docks
        self.dock_floor = dock_floor
        self.armed = False  # from the first show on (see arm)
        self.taken_library = 0  # pixels taken from the library list, to give back
        self.taken_docks = 0
        self._later = QTimer(self, singleShot=True, interval=0)  # after the layout settled
        self._later.timeout.connect(self.keep)
        self._passes = 0
        splitter.splitterMoved.connect(self._moved_by_hand)
        window.installEventFilter(self)
        reader.installEventFilter(self)

    @property
    def window(self) -> QMainWindow:
        return self.parent()  # type: ignore[return-value]

    def arm(self, now: bool) -> None:
        """Start following the window's width; ``now``: also fit the layout at once (a first
        start, not one that restored the analyst's own splitters)."""
        self.armed = True
        if now:
            self._schedule()

    def _moved_by_hand(self) -> None:
        self.taken_library = 0  # the analyst chose the library's width: nothing to give back

    def _schedule(self) -> None:
        self._passes = PASSES
        self._later.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.armed:
            return False
        # The type first: the reader sees many events, and only two kinds matter here.
        font_changed = event.type() == QEvent.Type.FontChange and watched is self.reader
        window_width_changed = (
            event.type() == QEvent.Type.Resize
            and watched is self.window
            and self.window.isVisible()
            and isinstance(event, QResizeEvent)
            and event.oldSize().width() != event.size().width()
        )
        if font_changed or window_width_changed:
            self._schedule()
        return False

    def _shown_docks(self) -> list[QDockWidget]:
        return [d for d in self.docks if d.isVisible() and not d.isFloating()]

    def keep(self) -> None:
        self._passes = max(0, self._passes - 1)
        deficit = measure_width(self.reader) - self.reader.width()
        if deficit > 0:
            changed = self._give_way(deficit)
        else:
            changed = self._give_back(self.reader.width() - self.full_width())
        if changed and self._passes:
            self._later.start()

    def full_width(self) -> int:
        """The reader's width at which its column is as wide as Preferences allow, with a
        little margin on each side: room beyond it is given back to the panes."""
        column = self.reader.findChild(ReadingColumn)
        characters = column.characters if column is not None else MEASURE
        em = QFontMetricsF(self.reader.font()).horizontalAdvance(FULL_WIDTH_SAMPLE)
        return measure_width(self.reader, characters) + round(2 * em)

    def _give_way(self, deficit: int) -> bool:
        # The panes on the right give way first, then the library list (whose titles need
        # room too: below its floor it shows only ellipses).
        changed = False
        shown = self._shown_docks()
        floor = max(DOCK_FLOOR, self.dock_floor())
        room = max((d.width() - floor for d in shown), default=0)
        if room > 0:
            take = min(room, deficit)
            widths = [max(floor, d.width() - take) for d in shown]
            self.window.resizeDocks(shown, widths, Qt.Orientation.Horizontal)
            self.taken_docks += take
            deficit -= take
            changed = True
        sizes = self.splitter.sizes()
        if deficit > 0 and len(sizes) == 2:
            take = max(0, min(deficit, sizes[0] - LIBRARY_FLOOR))
            if take:
                self.splitter.setSizes([sizes[0] - take, sizes[1] + take])
                self.taken_library += take
                changed = True
        return changed

    def _give_back(self, surplus: int) -> bool:
        changed = False
        sizes = self.splitter.sizes()
        give = min(self.taken_library, surplus)
        if give > 0 and len(sizes) == 2:
            self.splitter.setSizes([sizes[0] + give, sizes[1] - give])
            self.taken_library -= give
            surplus -= give
            changed = True
        shown = self._shown_docks()
        give = min(self.taken_docks, surplus)
        if give > 0 and shown:
            widths = [d.width() + give for d in shown]
            self.window.resizeDocks(shown, widths, Qt.Orientation.Horizontal)
            self.taken_docks -= give
            changed = True
        return changed
