"""The filter box over the library list: type part of a title or a source and the list shows
only those articles (with the tag filter, if a tag is chosen). Down moves into the list; Esc
clears the box.

It filters the rows already listed (in memory, folded the way search folds), so it answers at
every keystroke; finding words inside the texts is the search box's work.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QTableView, QVBoxLayout, QWidget

from briefing.ui.article_table import ArticleTableModel


class LibraryFilter(QLineEdit):
    """Filters ``model`` by title and source as one types; ``table`` is the list it sits on."""

    def __init__(self, model: ArticleTableModel, table: QTableView, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("library_filter")
        self.model = model
        self.table = table
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(self.tr("Filter by title or source"))
        self.textChanged.connect(model.set_text_filter)
        self.installEventFilter(self)

    def focus(self) -> None:
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape and self.text():
                self.clear()
                return True
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) and self.model.rowCount():
                self.table.setFocus(Qt.FocusReason.TabFocusReason)
                if not self.table.selectionModel().selectedRows():
                    self.table.selectRow(0)
                return True
        return False


def library_pane(table: QTableView, box: LibraryFilter, parent: QWidget) -> QWidget:
    """The filter box above the list, as one pane."""
    pane = QWidget(parent)
    pane.setObjectName("library_pane")
    layout = QVBoxLayout(pane)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(box)
    layout.addWidget(table, 1)
    return pane
