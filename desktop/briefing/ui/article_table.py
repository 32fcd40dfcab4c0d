"""The library list's model: rows keyed by article id (the view is ``article_view``).

A change to one article (a highlight added, a title edited) updates that one row with
``dataChanged``; a new or deleted article is one inserted or removed row. The model is reset
only when the whole list is replaced (start-up, or a change touching more rows than are worth
signalling one by one), so the selection, the scroll position and the reader survive edits.
Sorting and the tag filter live in the model: sorting 20,000 Python objects by a key takes
milliseconds, where a ``QSortFilterProxyModel`` would call back into Python for every
comparison.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from briefing.core.model import ArticleSummary
from briefing.core.normalize import fold_for_search
from briefing.core.safe_text import plain_tooltip
from briefing.services import Changes, Library

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole
TITLE, SOURCE, PUBLISHED, HIGHLIGHTS = range(4)
SortKey = tuple[Any, int]


def _sort_key(article: ArticleSummary, column: int) -> SortKey:
    """A total order (the id breaks ties), so every article has one exact position."""
    if column == TITLE:
        return article.title.casefold(), article.id
    if column == SOURCE:
        return article.source.casefold(), article.id
    if column == HIGHLIGHTS:
        return article.highlight_count, article.id
    # Undated articles sort as the oldest: last when newest come first.
    return article.published or date.min, article.id


class ArticleTableModel(QAbstractTableModel):
    """Rows are articles; columns title, source, published, highlights.

    ``_order`` holds the shown ids ascending by the sort key (``_keys`` beside it, for
    bisection); a descending sort reads it from the end, so flipping the order moves nothing.
    """

    # Marked for lupdate; translated in headerData.
    COLUMNS = (
        QT_TRANSLATE_NOOP("ArticleTableModel", "Title"),
        QT_TRANSLATE_NOOP("ArticleTableModel", "Source"),
        QT_TRANSLATE_NOOP("ArticleTableModel", "Published"),
        QT_TRANSLATE_NOOP("ArticleTableModel", "Highlights"),
    )
    # Above this many inserted/removed rows at once, one reset is cheaper for the view than
    # thousands of row signals.
    BULK = 200

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._articles: dict[int, ArticleSummary] = {}
        self._order: list[int] = []
        self._keys: list[SortKey] = []
        self._filter: frozenset[int] | None = None
        self._text = ""  # the filter box's text, folded: titles and sources holding it
        self._read: set[int] | None = None  # read articles (None: not known, none bold)
        self._folded: dict[int, tuple[ArticleSummary, str]] = {}  # title and source, folded
        self._column, self._descending = PUBLISHED, True

    # --- reading ------------------------------------------------------------------------------

    def article_at(self, row: int) -> ArticleSummary | None:
        if not 0 <= row < len(self._order):
            return None
        return self._articles[self._order[self._position(row)]]

    def row_of(self, article_id: int) -> int:
        """The row showing ``article_id``, or -1 (unknown, or hidden by the filter)."""
        article = self._articles.get(article_id)
        if article is None:
            return -1
        key = _sort_key(article, self._column)
        at = bisect.bisect_left(self._keys, key)
        if at == len(self._keys) or self._keys[at] != key:
            return -1
        return self._position(at)

    def article_count(self) -> int:
        """Articles known, shown or filtered out."""
        return len(self._articles)

    def contains(self, article_id: int) -> bool:
        """Whether the library has the article, shown or filtered out."""
        return article_id in self._articles

    @property
    def article_filter(self) -> frozenset[int] | None:
        return self._filter

    def _position(self, row: int) -> int:
        """Index into ``_order`` of a row (and, being its own inverse, the row of an index)."""
        return len(self._order) - 1 - row if self._descending else row

    def _shown(self, article_id: int) -> bool:
        if self._filter is not None and article_id not in self._filter:
            return False
        return not self._text or self._holds_text(self._articles[article_id])

    def _holds_text(self, article: ArticleSummary) -> bool:
        """Whether the article's title or source holds the filter text (folded as search
        folds: width and case do not matter)."""
        if not self._text:
            return True
        cached = self._folded.get(article.id)
        if cached is None or cached[0] is not article:
            cached = (article, fold_for_search(f"{article.title}\n{article.source}"))
            self._folded[article.id] = cached
        return self._text in cached[1]

    # --- replacing everything -----------------------------------------------------------------

    def set_articles(self, articles: Iterable[ArticleSummary]) -> None:
        """Replace every row (start-up): the one place a full reset is the right signal."""
        self.beginResetModel()
        self._articles = {article.id: article for article in articles}
        self._rebuild()
        self.endResetModel()

    def _rebuild(self) -> None:
        articles = self._articles.values()
        if self._filter is not None or self._text:
            articles = [a for a in articles if self._shown(a.id)]  # type: ignore[assignment]
        column = self._column
        # Every key ends with the article's id: one sort gives both lists.
        self._keys = sorted(_sort_key(a, column) for a in articles)
        self._order = [key[-1] for key in self._keys]

    # --- changing rows by id ------------------------------------------------------------------

    def apply_changes(self, changes: Changes, library: Library) -> None:
        """Bring the rows a change touched up to date, reading only those from the library.

        ``changes.library`` (an import, a deletion, another program's write) compares the
        whole list by id and still signals only the rows that differ.
        """
        if changes.library or len(changes.articles) > self.BULK:
            self.sync(library.articles())
        elif changes.articles:
            found = library.articles(ids=changes.articles)
            for article_id in changes.articles - {a.id for a in found}:
                self.remove_article(article_id)
            for article in found:
                self.upsert(article)

    def sync(self, articles: Iterable[ArticleSummary]) -> None:
        """Make the rows equal ``articles``, signalling only what differs."""
        fresh = {article.id: article for article in articles}
        gone = self._articles.keys() - fresh.keys()
        differ = [a for a in fresh.values() if self._articles.get(a.id) != a]
        if len(gone) + len(differ) > self.BULK:
            self.beginResetModel()
            self._articles = fresh
            self._rebuild()
            self.endResetModel()
            return
        for article_id in gone:
            self.remove_article(article_id)
        for article in differ:
            self.upsert(article)

    def upsert(self, article: ArticleSummary) -> None:
        """Add a new article, or update one: ``dataChanged`` in place, or a row move when its
        sort position changed."""
        old = self._articles.get(article.id)
        was = old is not None and self._shown(article.id)
        if was and not self._holds_text(article):  # renamed out of the filter box's reach
            self._remove_row(article.id)  # found by the old entry's key
            self._articles[article.id] = article
            return
        self._articles[article.id] = article
        if not self._shown(article.id):
            return
        if old is None or not was:
            self._insert_row(article)
            return
        old_at = bisect.bisect_left(self._keys, _sort_key(old, self._column))
        old_row = self._position(old_at)
        new_key = _sort_key(article, self._column)
        if new_key != self._keys[old_at]:
            at = bisect.bisect_left(self._keys, new_key)
            final_at = at - 1 if at > old_at else at  # its index once the old entry is gone
            new_row = self._position(final_at)
            moving = new_row != old_row
            if moving:
                # The view must hear of a move so the selection follows the article.
                destination = new_row + 1 if new_row > old_row else new_row
                self.beginMoveRows(QModelIndex(), old_row, old_row, QModelIndex(), destination)
            del self._keys[old_at], self._order[old_at]
            self._keys.insert(final_at, new_key)
            self._order.insert(final_at, article.id)
            if moving:
                self.endMoveRows()
            old_row = new_row
        last = self.columnCount() - 1
        self.dataChanged.emit(self.index(old_row, 0), self.index(old_row, last))

    def remove_article(self, article_id: int) -> None:
        if article_id in self._articles and self._shown(article_id):
            self._remove_row(article_id)
        self._articles.pop(article_id, None)
        self._folded.pop(article_id, None)

    # --- filter and sort ----------------------------------------------------------------------

    def set_filter(self, article_ids: Iterable[int] | None) -> None:
        """Show only ``article_ids`` (None: every article); rows come and go one by one when
        few change, by one reset when many do."""
        new = None if article_ids is None else frozenset(article_ids)
        if new == self._filter:
            return
        self._filter = new
        self._refilter()

    def set_text_filter(self, text: str) -> None:
        """Show only articles whose title or source holds ``text`` (the library filter box;
        empty: all), together with the tag filter."""
        folded = fold_for_search(text).strip()
        if folded == self._text:
            return
        self._text = folded
        self._refilter()

    @property
    def text_filter(self) -> str:
        return self._text

    # --- read and unread ------------------------------------------------------------------------

    def set_read_ids(self, article_ids: Iterable[int] | None) -> None:
        """The read articles; the others' titles are bold (None: not known, none bold)."""
        self._read = None if article_ids is None else set(article_ids)
        if self._order:
            self.dataChanged.emit(self.index(0, TITLE), self.index(len(self._order) - 1, TITLE))

    def is_read(self, article_id: int) -> bool:
        return self._read is None or article_id in self._read

    def mark_read(self, article_id: int, read: bool) -> None:
        if self._read is None:
            return
        if read:
            self._read.add(article_id)
        else:
            self._read.discard(article_id)
        row = self.row_of(article_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, TITLE), self.index(row, TITLE))

    def _refilter(self) -> None:
        before = set(self._order)
        after = {a for a in self._articles if self._shown(a)}
        if len(before ^ after) > self.BULK:
            self.beginResetModel()
            self._rebuild()
            self.endResetModel()
            return
        for article_id in before - after:
            self._remove_row(article_id)
        for article_id in after - before:
            self._insert_row(self._articles[article_id])

    def _remove_row(self, article_id: int) -> None:
        at = bisect.bisect_left(self._keys, _sort_key(self._articles[article_id], self._column))
        row = self._position(at)
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._keys[at], self._order[at]
        self.endRemoveRows()

    def _insert_row(self, article: ArticleSummary) -> None:
        key = _sort_key(article, self._column)
        at = bisect.bisect_left(self._keys, key)
        row = len(self._order) - at if self._descending else at
        self.beginInsertRows(QModelIndex(), row, row)
        self._keys.insert(at, key)
        self._order.insert(at, article.id)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column (a header click); selection and persistent indexes follow."""
        descending = order == Qt.SortOrder.DescendingOrder
        if (column, descending) == (self._column, self._descending) or not 0 <= column < 4:
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._order[self._position(index.row())] for index in persistent]
        self._column, self._descending = column, descending
        self._rebuild()
        moved = [
            self.index(self.row_of(i), index.column())
            for i, index in zip(ids, persistent, strict=True)
        ]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    # --- Qt model API -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ArticleTableModel", self.COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        article = self.article_at(index.row())
        if article is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TITLE:
                return article.title
            if column == SOURCE:
                return article.source
            if column == PUBLISHED:
                return article.published.isoformat() if article.published else ""
            return article.highlight_count or ""
        if role == Qt.ItemDataRole.ToolTipRole:
            # Columns are narrow and elided: the tooltip carries the whole value.
            if column == TITLE:
                tip = self.tr("{0}\n{1:,} characters").format(article.title, article.char_count)
                return plain_tooltip(tip)
            if column == SOURCE:
                return plain_tooltip(article.source) or None
            return None
        if role == Qt.ItemDataRole.FontRole and column == TITLE and not self.is_read(article.id):
            font = QFont()
            font.setBold(True)  # unread: bold, as in a mail reader
            return font
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and not self.is_read(article.id):
            return self.tr("Unread")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == HIGHLIGHTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return article.id
        return None
