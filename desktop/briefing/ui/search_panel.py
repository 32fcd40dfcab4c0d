"""The search box and its results: articles and highlights, best first, matches in bold.

The status line gives the whole answer's size ("制裁: 1,943 articles, 12 highlights"); the list
holds a page and fetches the next one as it is scrolled to its end (Qt's ``fetchMore``), so
nothing is cut off silently. Results follow the library: any change (an edit here, an import,
another program's write) runs the query again, so they never go stale. Over a big library the
query runs off the UI thread through :class:`QueryOp`; an answer that arrives after a newer
query was typed is dropped.

Keys: Down in the box moves into the results, Enter on a result opens it (with every match of
the article in the find bar).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QHideEvent, QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QVBoxLayout, QWidget
from shiboken6 import isValid

from briefing.core.safe_text import plain_tooltip
from briefing.services import BriefingError, Changes, Library
from briefing.services.search import SearchHit, SearchResults
from briefing.ui.operations import QueryOp
from briefing.ui.search_delegate import HEAD_ROLE, MARKS_ROLE, SNIPPET_ROLE, HitDelegate

Index = QModelIndex | QPersistentModelIndex
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE = 50  # results fetched at a time; the next page comes as the list is scrolled to its end
# Below this many articles a query takes a few milliseconds (bench/RESULTS.md): run it in place,
# so results show at once; above, a thread keeps typing smooth.
BACKGROUND_FROM = 2000


class SearchResultsModel(QAbstractListModel):
    """The hits fetched so far; ``more_wanted`` asks the panel for the next page while fewer
    than ``total`` are in."""

    more_wanted = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []
        self.total = 0
        # False: ``total`` is a lower bound (the search stopped checking once it had the best
        # hits), so pages are fetched until one comes back short.
        self.exact = True
        self.fetching = False  # a next page was asked for and has not come yet

    def set_hits(self, hits: list[SearchHit], total: int | None = None, exact: bool = True) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.total = len(hits) if total is None else total
        self.exact = exact
        self.fetching = False
        self.endResetModel()

    def set_total(self, total: int, exact: bool) -> None:
        self.total, self.exact = max(total, len(self._hits)), exact

    def append_hits(self, hits: list[SearchHit]) -> None:
        """The next page: rows added at the end (the view keeps its place)."""
        self.fetching = False
        known = {(h.kind, h.id) for h in self._hits}
        fresh = [h for h in hits if (h.kind, h.id) not in known]
        if not fresh:
            return
        first = len(self._hits)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._hits += fresh
        self.endInsertRows()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt API
        more = len(self._hits) < self.total or not self.exact
        return not parent.isValid() and not self.fetching and more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt API
        if self.canFetchMore(parent):
            self.fetching = True
            self.more_wanted.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == HEAD_ROLE:
            if hit.kind == "highlight":
                tags = f" [{', '.join(hit.tags)}]" if hit.tags else ""
                return self.tr("Highlight{0} — {1}").format(tags, hit.title)
            return self.tr("Article — {0}").format(hit.title)
        if role == SNIPPET_ROLE:
            return hit.snippet
        if role == MARKS_ROLE:
            return hit.marks
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            # Plain text for type-ahead and screen readers: no inserted marks.
            return f"{self.data(index, HEAD_ROLE)}\n{hit.snippet}"
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
        self._query = ""  # the query the shown results answer
        self.pending: QueryOp[SearchResults] | None = None
        self.field = QLineEdit(self)
        self.field.setObjectName("search_field")
        self.field.setClearButtonEnabled(True)
        self.field.setPlaceholderText(
            self.tr('Search the library: 制裁  tag:sanctions  "安全の保証"  -影の船団')
        )
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # names from files: never markup
        self.status.setObjectName("search_status")
        self.status.setWordWrap(True)
        self.model = SearchResultsModel(self)
        self.results = QListView(self)
        self.results.setObjectName("search_results")
        self.results.setModel(self.model)
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.results.setUniformItemSizes(False)
        self.results.setTabKeyNavigation(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.field)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self.setFocusProxy(self.field)
        # Search is index-backed and fast, so it runs as one types, after a short pause.
        self._pause = QTimer(self, singleShot=True, interval=250)
        self._pause.timeout.connect(self.run)
        self.field.textChanged.connect(lambda _text: self._pause.start())
        self.field.returnPressed.connect(self.run)
        self.field.installEventFilter(self)
        self.model.more_wanted.connect(self._fetch_more)
        self.results.activated.connect(self._activated)
        self.results.clicked.connect(self._activated)

    @property
    def query(self) -> str:
        """The query the listed results answer."""
        return self._query

    def focus(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def run(self) -> None:
        """Run the query in the box (in the background over a big library)."""
        self._pause.stop()
        self._generation += 1
        text = self.field.text()
        if not text.strip():
            self._query = ""
            self.model.set_hits([])
            self.status.clear()
            return
        self._search(text, 0, self._generation)

    def _search(self, text: str, offset: int, generation: int) -> None:
        limit = max(PAGE, self.model.rowCount()) if offset == 0 else PAGE
        # A worker opens the library as the window did, a read-only one read-only.
        if self._article_count() < BACKGROUND_FROM:
            try:
                results = self.library.search(text, limit=limit, offset=offset)
            except BriefingError as error:  # a locked or damaged library: say so, keep going
                self._failed(str(error), generation)
                return
            self._show(text, results, generation)
            return
        if offset == 0:
            self.status.setText(self.tr("Searching…"))
        self.pending = (
            QueryOp(
                self,
                self.library,
                lambda library, _p, _c: library.search(text, limit=limit, offset=offset),
            )
            .success(lambda results: self._show(text, results, generation))
            .failure(lambda message: self._failed(message, generation))
            .run_in_background()
        )

    def _fetch_more(self) -> None:
        """The list was scrolled to its end: the next page of the same query."""
        if self._query:
            self._search(self._query, self.model.rowCount(), self._generation)

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

    def _show(self, text: str, results: SearchResults, generation: int) -> None:
        if not isValid(self) or generation != self._generation:
            return  # the window closed meanwhile, or a newer query was typed
        if results.offset:
            self.model.append_hits(results.hits)
            if results.remaining == 0 and not results.total_exact and len(results.hits) < PAGE:
                # A short page after a lower bound: that was all of them.
                self.model.set_total(self.model.rowCount(), True)
            else:
                self.model.set_total(results.total, results.total_exact)
                self.status.setText("  ".join([self.summary(text, results), *results.warnings]))
            return
        self._query = text
        current = self.results.currentIndex().row()
        self.model.set_hits(results.hits, results.total, results.total_exact)
        if 0 <= current < self.model.rowCount():
            self.results.setCurrentIndex(self.model.index(current, 0))
        self.status.setText("  ".join([self.summary(text, results), *results.warnings]))

    def summary(self, text: str, results: SearchResults) -> str:
        """“制裁: 1,943 articles, 12 highlights” — the whole answer, not the page."""
        locale = QLocale()
        a, h = results.total_articles, results.total_highlights
        articles = (
            self.tr("1 article") if a == 1 else self.tr("{0} articles").format(locale.toString(a))
        )
        highlights = (
            self.tr("1 highlight")
            if h == 1
            else self.tr("{0} highlights").format(locale.toString(h))
        )
        if not results.total_exact:  # the search stopped counting once it had the best hits
            return self.tr("{0}: at least {1}, {2}").format(text.strip(), articles, highlights)
        return self.tr("{0}: {1}, {2}").format(text.strip(), articles, highlights)

    def _failed(self, message: str, generation: int) -> None:
        if isValid(self) and generation == self._generation:
            self.model.set_hits([])
            self.status.setText(message)

    def _activated(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if hit is not None:
            self.hit_activated.emit(hit)

    def hideEvent(self, event: QHideEvent) -> None:
        # A query typed just before the window closed never runs (its library may be closed).
        self._pause.stop()
        super().hideEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down (or Page Down) in the box moves into the results, on the first one.
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) and self.model.rowCount():
                if self._pause.isActive():
                    self.run()  # typed but not yet run: the results must be this query's
                self.results.setFocus(Qt.FocusReason.TabFocusReason)
                if not self.results.currentIndex().isValid():
                    self.results.setCurrentIndex(self.model.index(0, 0))
                return True
        return False
