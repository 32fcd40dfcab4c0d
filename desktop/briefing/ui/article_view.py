"""The library list's view: fixed sizes (nothing measured over 20,000 rows), sorting by a
header click, the chosen article kept through every model change, and big libraries listed on
a worker thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QCoreApplication, QItemSelection, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget
from shiboken6 import isValid

from briefing.core.model import ArticleSummary
from briefing.services import Changes, Library
from briefing.ui.article_table import HIGHLIGHTS, PUBLISHED, SOURCE, TITLE, ArticleTableModel
from briefing.ui.operations import QueryOp, show_error

# From this many articles, a library-wide listing runs off the UI thread (about 0.25 s at
# 20,000 articles, bench/RESULTS.md); below it, it takes milliseconds and runs in place.
BACKGROUND_FROM = 2000


class ArticleTable(QTableView):
    """The library list: fixed row height and column widths (no measuring 20,000 rows),
    sortable by a header click, and ``article_chosen`` only when the analyst picks a row.

    A model change that removes or resets rows drops the view's selection; the table puts the
    chosen article back (quietly) when it is still listed, so an edit or a filter never closes
    the article being read.
    """

    article_chosen = Signal(object)  # int | None

    def __init__(self, model: ArticleTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("library_table")
        self._model = model
        self._chosen: int | None = None
        self._quiet = 0
        self._generation = 0
        self._pending: QueryOp[list[ArticleSummary]] | None = None
        self._touched: set[int] = set()  # rows changed while a background listing runs
        self._then: Callable[[], None] | None = None  # after the first listing (start-up)
        for signal in (model.modelAboutToBeReset, model.rowsAboutToBeRemoved):
            signal.connect(self._model_changing)  # before setModel: runs before the view's
        self.setModel(model)
        for signal in (model.modelReset, model.rowsRemoved):
            signal.connect(self._model_changed)
        model.rowsInserted.connect(self._match_selection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        metrics = self.fontMetrics()
        widths = {
            SOURCE: metrics.horizontalAdvance("M" * 9),
            PUBLISHED: metrics.horizontalAdvance("2025-12-31") + 28,
            HIGHLIGHTS: metrics.horizontalAdvance(
                QCoreApplication.translate("ArticleTableModel", "Highlights")
            )
            + 28,
        }
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(column, width)
        header.setSortIndicator(PUBLISHED, Qt.SortOrder.DescendingOrder)
        self.setSortingEnabled(True)
        self.selectionModel().selectionChanged.connect(self._selection_changed)

    def save_state(self) -> QByteArray:
        """Column widths and the sort, to remember between sessions."""
        return self.horizontalHeader().saveState()

    def restore_state(self, state: QByteArray) -> None:
        header = self.horizontalHeader()
        if header.restoreState(state):
            self._model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())

    @property
    def chosen(self) -> int | None:
        return self._chosen

    def choose(self, article_id: int | None) -> None:
        """Select the article's row (scrolled into view) and announce it."""
        row = self._model.row_of(article_id) if article_id is not None else -1
        if row >= 0:
            self.selectRow(row)
            self.scrollTo(self._model.index(row, 0))
        if self._chosen != article_id:
            self._chosen = article_id
            self.article_chosen.emit(article_id)

    def apply_changes(self, changes: Changes, library: Library) -> None:
        """Update the rows; if the chosen article was deleted, choose the row now in its place
        (or nothing, in an empty list).

        Over a big library, a library-wide change (an import, another program's write) lists
        the summaries on a worker thread (a 20,000-row listing takes about 0.2 s) and compares
        them when they arrive; the rows the change names are updated at once meanwhile.
        """
        row = self._model.row_of(self._chosen) if self._chosen is not None else -1
        # A worker opens the library as the window did (read-only too): any library can go.
        big = self._pending is not None or self._model.article_count() >= BACKGROUND_FROM
        if changes.library and big:
            if changes.articles:
                self._model.apply_changes(Changes(articles=changes.articles), library)
            self._sync_in_background(library)
        else:
            self._model.apply_changes(changes, library)
            if self._pending is not None:
                self._touched |= changes.articles
        self._choose_successor(row)

    def load(self, library: Library, then: Callable[[], None]) -> None:
        """Fill the list, then call ``then``: at once for a small library; a big one is listed
        on a worker so the window paints first (``loading`` meanwhile)."""
        if library.article_count() < BACKGROUND_FROM:
            self._model.set_articles(library.articles())
            then()
            return
        self._then = then
        self._sync_in_background(library)

    @property
    def loading(self) -> bool:
        return self._then is not None

    def _sync_in_background(self, library: Library) -> None:
        self._generation += 1
        generation, self._touched = self._generation, set()
        self._pending = (
            QueryOp(self, library, lambda other, _progress, _cancelled: other.articles())
            .success(lambda articles: self._synced(articles, generation, library))
            .failure(self._listing_failed)
            .run_in_background()
        )

    def _synced(self, articles: list[ArticleSummary], generation: int, library: Library) -> None:
        if not isValid(self) or generation != self._generation:
            return  # the window closed meanwhile, or a newer change is being listed
        self._pending = None
        touched, self._touched = self._touched, set()
        row = self._model.row_of(self._chosen) if self._chosen is not None else -1
        self._model.sync(articles)
        if touched:  # changed here after the listing began: read them again
            self._model.apply_changes(Changes(articles=frozenset(touched)), library)
        then, self._then = self._then, None
        if then is not None:
            then()
            return
        self._choose_successor(row)

    def _listing_failed(self, message: str) -> None:
        if isValid(self):  # not after the window closed
            self._pending = None
            show_error(self, message)

    def _choose_successor(self, row: int) -> None:
        """The chosen article is gone: choose the one now at its row (``row``, before)."""
        if self._chosen is None or self._model.contains(self._chosen):
            return
        count = self._model.rowCount()
        successor = self._model.article_at(min(max(row, 0), count - 1)) if count else None
        self.choose(successor.id if successor else None)

    def _model_changing(self, *_args: object) -> None:
        self._quiet += 1

    def _model_changed(self, *_args: object) -> None:
        self._quiet -= 1
        self._match_selection()

    def _match_selection(self, *_args: object) -> None:
        """Select the chosen article's row, or nothing when it is not listed: the view moves
        its selection to a neighbour when rows go, which would show one article as chosen
        while the reader shows another."""
        if self._quiet:
            return
        row = self._model.row_of(self._chosen) if self._chosen is not None else -1
        selected = [index.row() for index in self.selectionModel().selectedRows()]
        if selected == ([row] if row >= 0 else []):
            return
        self._quiet += 1
        try:
            if row >= 0:
                self.selectRow(row)
            else:
                self.selectionModel().clearSelection()
        finally:
            self._quiet -= 1

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._quiet:
            return
        rows = self.selectionModel().selectedRows()
        article = self._model.article_at(rows[0].row()) if rows else None
        if article is None:
            return  # nothing selected (a row filtered away): keep reading what is open
        if article.id != self._chosen:
            self._chosen = article.id
            self.article_chosen.emit(article.id)
