"""Moving between the window's panes from the keyboard, and seeing where the focus is.

* Tab order: library filter → library list → reader → find bar → highlights → search box →
  results (a list hands Tab on instead of walking its cells: the library list kept the focus
  for ever, and a later "N" jumped to a row).
* F6 / Shift+F6 cycle the visible panes, as in most desktop applications, each pane getting
  the focus where it takes input (the reader its caret, a list its current row).
* A focus frame: a two-pixel rectangle in the palette's highlight colour around the pane that
  holds the focus, drawn by an overlay, so it shows in every style and palette.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTextEdit, QWidget

FRAME_WIDTH = 2


class Pane:
    """A pane: the area framed (``frame``) and the widget that takes the focus (``target``)."""

    def __init__(self, frame: QWidget, target: QWidget | Callable[[], QWidget]) -> None:
        self.frame = frame
        self._target = target

    @property
    def target(self) -> QWidget:
        return self._target() if callable(self._target) else self._target

    def holds(self, widget: QWidget | None) -> bool:
        while widget is not None:
            if widget is self.frame:
                return True
            widget = widget.parentWidget()
        return False

    def shown(self) -> bool:
        return self.frame.isVisible() and self.target.isEnabled()


class FocusFrame(QWidget):
    """The frame around the focused pane: a child of the window that lets every click
    through and paints only its border."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("focus_frame")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pane: Pane | None = None
        self.hide()

    def follow(self, pane: Pane | None) -> None:
        if self.pane is not None and self.pane is not pane:
            self.pane.frame.removeEventFilter(self)
        self.pane = pane
        if pane is None or not pane.frame.isVisible():
            self.hide()
            return
        pane.frame.installEventFilter(self)
        self.place()

    def place(self) -> None:
        if self.pane is None:
            return
        frame = self.pane.frame
        top_left = frame.mapTo(self.parentWidget(), frame.rect().topLeft())
        self.setGeometry(QRect(top_left, frame.size()))
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show):
            self.place()
        elif event.type() == QEvent.Type.Hide:
            self.hide()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        color = self.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
        pen = QPen(color, FRAME_WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        half = FRAME_WIDTH / 2
        painter.drawRect(self.rect().toRectF().adjusted(half, half, -half, -half))
        painter.end()


class PaneCycler(QObject):
    """F6 / Shift+F6 between ``panes`` (in reading order) and the frame around the one that
    holds the focus."""

    def __init__(self, window: QWidget, panes: Sequence[Pane]) -> None:
        super().__init__(window)
        self.panes = list(panes)
        self.frame = FocusFrame(window)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)

    def current(self) -> int:
        """The index of the pane holding the focus, or -1."""
        focused = QApplication.focusWidget()
        for index, pane in enumerate(self.panes):
            if pane.holds(focused):
                return index
        return -1

    def next_pane(self) -> None:
        self._move(1)

    def previous_pane(self) -> None:
        self._move(-1)

    def _move(self, direction: int) -> None:
        count = len(self.panes)
        at = self.current()
        start = at if at >= 0 else (-1 if direction > 0 else count)
        for step in range(1, count + 1):
            pane = self.panes[(start + direction * step) % count]
            if pane.shown():
                pane.target.setFocus(Qt.FocusReason.ShortcutFocusReason)
                self._select_something(pane.target)
                return

    @staticmethod
    def _select_something(target: QWidget) -> None:
        # A list reached by the keyboard shows where it is: its first row when none is current.
        model = target.model() if isinstance(target, QAbstractItemView) else None
        if model is not None and not target.currentIndex().isValid() and model.rowCount() > 0:
            target.setCurrentIndex(model.index(0, 0))

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or new.window() is not self.frame.window():
            return  # the focus went to another window (a dialog): keep the frame where it was
        at = self.current()
        self.frame.follow(self.panes[at] if at >= 0 else None)


def tab_order(widgets: Sequence[QWidget]) -> None:
    """Tab goes through ``widgets`` in this order; lists and the reader pass Tab on."""
    for widget in widgets:
        if isinstance(widget, QAbstractItemView):
            widget.setTabKeyNavigation(False)
        if isinstance(widget, QTextEdit):
            widget.setTabChangesFocus(True)
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)
