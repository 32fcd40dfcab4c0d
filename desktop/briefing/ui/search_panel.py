"""The search box and its results: articles and highlights, best first, matches marked."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from briefing.services import BriefingError, Library
from briefing.services.search import SearchHit

Index = QModelIndex | QPersistentModelIndex
HIT_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchResultsModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if hit.kind == "highlight":
                tags = f" [{', '.join(hit.tags)}]" if hit.tags else ""
                head = self.tr("Highlight{0} — {1}").format(tags, hit.title)
            else:
                head = self.tr("Article — {0}").format(hit.title)
            return f"{head}\n{hit.marked_snippet()}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.note or hit.title
        if role == HIT_ROLE:
            return hit
        return None


class SearchPanel(QWidget):
    """Type a query (the same language as ``briefing-reader search``); Enter or a pause
    runs it; activating a result asks the window to show it."""

    hit_activated = Signal(object)  # SearchHit

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.field = QLineEdit(self)
        self.field.setObjectName("search_field")
        self.field.setClearButtonEnabled(True)
        self.field.setPlaceholderText(
            self.tr('Search: 制裁  tag:sanctions  "安全の保証"  -影の船団')
        )
        self.status = QLabel(self)
        self.status.setObjectName("search_status")
        self.status.setWordWrap(True)
        self.model = SearchResultsModel(self)
        self.results = QListView(self)
        self.results.setObjectName("search_results")
        self.results.setModel(self.model)
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.results.setUniformItemSizes(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.field)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        # Search is index-backed and fast, so it runs as one types, after a short pause.
        self._pause = QTimer(self, singleShot=True, interval=250)
        self._pause.timeout.connect(self.run)
        self.field.textChanged.connect(lambda _text: self._pause.start())
        self.field.returnPressed.connect(self.run)
        self.results.activated.connect(self._activated)
        self.results.clicked.connect(self._activated)

    def focus(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def run(self) -> None:
        self._pause.stop()
        text = self.field.text()
        if not text.strip():
            self.model.set_hits([])
            self.status.clear()
            return
        try:
            results = self.library.search(text, limit=100)
        except BriefingError as error:  # a locked or damaged library: say so, keep the window
            self.model.set_hits([])
            self.status.setText(str(error))
            return
        self.model.set_hits(results.hits)
        count = self.tr("{0} result(s)").format(len(results.hits))
        self.status.setText("  ".join([count, *results.warnings]))

    def _activated(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if hit is not None:
            self.hit_activated.emit(hit)
