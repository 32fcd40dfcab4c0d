"""The search box and its results: articles and highlights, best first, matches marked.

Results follow the library: any change (an edit here, an import, another program's write)
runs the query again, so they never go stale. Over a big library the query runs off the UI
thread through :class:`QueryOp`; an answer that arrives after a newer query was typed is
dropped.
"""

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
from shiboken6 import isValid

from briefing.core.safe_text import plain_tooltip
from briefing.services import BriefingError, Changes, Library
from briefing.services.search import SearchHit, SearchResults
from briefing.ui.operations import QueryOp

Index = QModelIndex | QPersistentModelIndex
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
LIMIT = 100
# Below this many articles a query takes a few milliseconds (bench/RESULTS.md): run it in place,
# so results show at once; above, a thread keeps typing smooth.
BACKGROUND_FROM = 2000


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
            return plain_tooltip(hit.note or hit.title)
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
        self._generation = 0  # which query the shown results answer
        self._count: int | None = None  # articles in the library, to choose where to search
        self.pending: QueryOp[SearchResults] | None = None
        self.field = QLineEdit(self)
        self.field.setObjectName("search_field")
        self.field.setClearButtonEnabled(True)
        self.field.setPlaceholderText(
            self.tr('Search: 制裁  tag:sanctions  "安全の保証"  -影の船団')
        )
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # names from files: never markup
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
        """Run the query in the box (in the background over a big library)."""
        self._pause.stop()
        self._generation += 1
        text = self.field.text()
        if not text.strip():
            self.model.set_hits([])
            self.status.clear()
            return
        # A worker opens its own connection read-write: a read-only library stays here.
        if self.library.read_only or self._article_count() < BACKGROUND_FROM:
            try:
                results = self.library.search(text, limit=LIMIT)
            except BriefingError as error:  # a locked or damaged library: say so, keep going
                self._failed(str(error), self._generation)
                return
            self._show(results, self._generation)
            return
        generation = self._generation
        self.status.setText(self.tr("Searching…"))
        self.pending = (
            QueryOp(self, self.library, lambda library, _p, _c: library.search(text, limit=LIMIT))
            .success(lambda results: self._show(results, generation))
            .failure(lambda message: self._failed(message, generation))
            .run_in_background()
        )

    def apply_changes(self, changes: Changes) -> None:
        """Run the query again after any change, so results show what the library holds."""
        if changes.library:
            self._count = None
        if not changes.empty and self.field.text().strip():
            self.run()

    def _article_count(self) -> int:
        if self._count is None:
            try:
                self._count = self.library.article_count()
            except BriefingError:
                self._count = 0
        return self._count

    def _show(self, results: SearchResults, generation: int) -> None:
        if not isValid(self) or generation != self._generation:
            return  # the window closed meanwhile, or a newer query was typed
        current = self.results.currentIndex().row()
        self.model.set_hits(results.hits)
        if 0 <= current < self.model.rowCount():
            self.results.setCurrentIndex(self.model.index(current, 0))
        count = self.tr("{0} result(s)").format(len(results.hits))
        self.status.setText("  ".join([count, *results.warnings]))

    def _failed(self, message: str, generation: int) -> None:
        if isValid(self) and generation == self._generation:
            self.model.set_hits([])
            self.status.setText(message)

    def _activated(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if hit is not None:
            self.hit_activated.emit(hit)
