"""The tags pane: every tag with its colour, keyboard slot and count; choosing one filters the
library list to the articles that carry it and lists all its highlights across the library,
newest first: the review view an analyst reads before compiling the briefing."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontMetrics, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListView,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.core.model import Highlight, Tag
from briefing.core.safe_text import plain_tooltip
from briefing.services import BriefingError, Changes, Library
from briefing.ui import theme
from briefing.ui.highlights_pane import HIGHLIGHT_ROLE, HighlightDelegate, HighlightListModel

TAG_ID_ROLE = Qt.ItemDataRole.UserRole
# A change to more highlights than this reads the chosen tag's list again instead.
INCREMENTAL_LIMIT = 200
Index = QModelIndex | QPersistentModelIndex


def swatch(color: str, size: int = 12) -> QIcon:
    """A small filled square in the tag's colour, outlined so pale colours still show."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QColor(color).darker(140))
    painter.setBrush(QColor(color))
    painter.drawRect(0, 0, size - 1, size - 1)
    painter.end()
    return QIcon(pixmap)


def _newest_first(highlight: Highlight) -> tuple[datetime, int]:
    return highlight.created_at or datetime.min, highlight.id


class ReviewDelegate(HighlightDelegate):
    """The highlights pane's three lines (quote, tag chips, note) and a fourth: which article,
    and the day it was highlighted, since the review list spans the library."""

    orphaned_text = "orphaned"  # the pane sets it through tr()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        line = QFontMetrics(option.font).height()
        return QSize(option.rect.width(), 4 * line + 20)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        highlight: Highlight | None = index.data(HIGHLIGHT_ROLE)
        if highlight is None:
            return
        metrics = QFontMetrics(option.font)
        line = metrics.height()
        x, width = option.rect.x() + 6, option.rect.width() - 12
        y = option.rect.y() + 4 + 3 * line + 10
        day = highlight.created_at.astimezone().date().isoformat() if highlight.created_at else ""
        where = " · ".join(p for p in (highlight.article_title, day) if p)
        if highlight.orphaned:
            where += " · " + self.orphaned_text
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        muted = QColor(theme.current().muted)  # AA on both themes' bases (test_contrast)
        painter.setPen(option.palette.highlightedText().color() if selected else muted)
        shown = metrics.elidedText(where, Qt.TextElideMode.ElideMiddle, width)
        painter.drawText(QRect(x, y, width, line), Qt.AlignmentFlag.AlignLeft, shown)
        painter.restore()


class TagNameDelegate(QStyledItemDelegate):
    """The tag list's rows: a name wider than its column wraps onto more lines of its row
    (the row grows) instead of being cut."""

    def __init__(self, view: QTreeWidget) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        width = self.view.columnWidth(index.column())
        if index.column() != 0 or width <= 0 or hint.width() <= width:
            return hint
        wrapped = QStyleOptionViewItem(option)
        self.initStyleOption(wrapped, index)
        wrapped.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        wrapped.rect = QRect(0, 0, width, hint.height())
        style = self.view.style()
        size = style.sizeFromContents(
            QStyle.ContentsType.CT_ItemViewItem, wrapped, QSize(), self.view
        )
        return QSize(width, max(hint.height(), size.height()))


class TagsPane(QWidget):
    """Tags above, the chosen tag's highlights below.

    ``filter_changed`` carries the ids of the articles that carry the chosen tag (None when
    no tag is chosen: every article); ``highlight_activated`` asks the window to open an
    article at a highlight.
    """

    filter_changed = Signal(object)  # frozenset[int] | None
    highlight_activated = Signal(int, int)  # article id, highlight id

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self._tag_id: int | None = None
        self._filter: frozenset[int] | None = None
        self._highlights: list[Highlight] = []  # the chosen tag's, newest first
        self._colors: dict[str, str] = {}
        self.tag_list = QTreeWidget(self)
        self.tag_list.setObjectName("tag_list")
        self.tag_list.setRootIsDecorated(False)
        # A tag's name is never cut: where the pane is narrower than a name (dragged so by
        # hand), the name wraps onto a second line of its row.
        self.tag_list.setWordWrap(True)
        self.tag_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tag_list.setUniformRowHeights(False)
        self.tag_list.setItemDelegate(TagNameDelegate(self.tag_list))
        # Row heights follow the name column's width (coalesced: one layout per resize).
        self._relayout = QTimer(self, singleShot=True, interval=0)
        self._relayout.timeout.connect(self.tag_list.doItemsLayout)
        self.tag_list.header().sectionResized.connect(lambda *_: self._relayout.start())
        # The count's header is short, so the names keep the pane's width in a small window;
        # the header's tooltip says what it counts.
        self.tag_list.setHeaderLabels([self.tr("Tag"), self.tr("Key"), self.tr("#")])
        header_item = self.tag_list.headerItem()
        header_item.setToolTip(1, self.tr("The key (1–9) that tags a selection"))
        header_item.setToolTip(2, self.tr("Highlights that carry the tag"))
        self.tag_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tag_list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # names from files: never markup
        self.status.setObjectName("tag_status")
        self.status.setWordWrap(True)
        self.highlight_model = HighlightListModel(self)
        self.delegate = ReviewDelegate({}, self)
        self.delegate.orphaned_text = self.tr("orphaned")
        self.highlight_list = QListView(self)
        self.highlight_list.setObjectName("tag_highlights")
        self.highlight_list.setModel(self.highlight_model)
        self.highlight_list.setItemDelegate(self.delegate)
        self.highlight_list.setUniformItemSizes(True)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.status)
        lower_layout.addWidget(self.highlight_list, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("tags_splitter")
        splitter.addWidget(self.tag_list)
        splitter.addWidget(lower)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.tag_list.itemSelectionChanged.connect(self._tag_chosen)
        self.highlight_list.activated.connect(self._activated)
        self.highlight_list.clicked.connect(self._activated)
        self.refresh()

    def whole_width(self) -> int:
        """The pane's least width that shows every tag name, key and count on one line."""
        view = self.tag_list
        header = view.header()
        columns = sum(
            max(view.sizeHintForColumn(c), header.sectionSizeHint(c))
            for c in range(view.columnCount())
        )
        chrome = 2 * view.frameWidth() + 2  # the frame, and a pixel of air on each side
        bar = view.verticalScrollBar()
        if bar.isVisible():
            chrome += bar.sizeHint().width()
        margins = self.layout().contentsMargins()
        return columns + chrome + margins.left() + margins.right()

    # --- what is shown -------------------------------------------------------------------------

    @property
    def chosen_tag(self) -> Tag | None:
        return next((t for t in self.library.tags() if t.id == self._tag_id), None)

    def choose(self, name: str | None) -> None:
        """Choose a tag by name or alias (None: all articles), as a click would."""
        tag_id = self.library.tag(name).id if name is not None else None
        for row in range(self.tag_list.topLevelItemCount()):
            item = self.tag_list.topLevelItem(row)
            if item.data(0, TAG_ID_ROLE) == tag_id:
                self.tag_list.setCurrentItem(item)
                return

    def apply_changes(self, changes: Changes) -> None:
        """Counts, names and colours follow tag and highlight edits; so do the chosen tag's
        highlights and the article filter (a new highlight can bring its article in). An edit
        of a few highlights reads only those: the pane stays cheap at 20,000 articles."""
        if not (changes.tags or changes.highlights or changes.library or changes.articles):
            return
        if changes.library or len(changes.highlights) > INCREMENTAL_LIMIT:
            self.refresh()
        elif self._refresh_tags():
            self._show_highlights()  # the chosen tag went: every article again
        elif changes.highlights:
            self._update_highlights(changes.highlights)

    def refresh(self) -> None:
        """Read every tag and the chosen tag's highlights again."""
        self._refresh_tags()
        self._show_highlights()

    def _refresh_tags(self) -> bool:
        """Rebuild the tag list (a few rows); True when the chosen tag is gone."""
        try:
            tags, usage = self.library.tags(), self.library.tag_usage()
        except BriefingError as error:
            self.status.setText(str(error))
            return False
        gone = self._tag_id is not None and all(t.id != self._tag_id for t in tags)
        if gone:
            self._tag_id = None  # deleted or merged away
        self._colors = {t.name: t.color for t in tags}
        self.tag_list.blockSignals(True)
        try:
            self.tag_list.clear()
            every = QTreeWidgetItem([self.tr("All articles"), "", ""])
            every.setData(0, TAG_ID_ROLE, None)
            self.tag_list.addTopLevelItem(every)
            current = every
            for tag in tags:
                count = usage.get(tag.id, 0)
                item = QTreeWidgetItem([tag.name, str(tag.slot or ""), str(count)])
                item.setIcon(0, swatch(tag.color))
                item.setData(0, TAG_ID_ROLE, tag.id)
                item.setTextAlignment(
                    2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
                tip = [tag.name, *([", ".join(tag.aliases)] if tag.aliases else [])]
                item.setToolTip(0, plain_tooltip("\n".join([*tip, tag.description]).strip()))
                self.tag_list.addTopLevelItem(item)
                if tag.id == self._tag_id:
                    current = item
            self.tag_list.setCurrentItem(current)
        finally:
            self.tag_list.blockSignals(False)
        return gone

    def _tag_chosen(self) -> None:
        item = self.tag_list.currentItem()
        self._tag_id = item.data(0, TAG_ID_ROLE) if item is not None else None
        self._show_highlights()

    def _show_highlights(self) -> None:
        tag = self.chosen_tag if self._tag_id is not None else None
        if tag is None:
            self._list([], None)
            return
        self._list(self.library.highlights(tags_any=[tag.name]), tag)

    def _update_highlights(self, changed: frozenset[int]) -> None:
        """Only ``changed`` are read again: each joins, stays in or leaves the list by
        whether it now carries the chosen tag (a deleted one is simply not found)."""
        tag = self.chosen_tag if self._tag_id is not None else None
        if tag is None:
            return
        fresh = [h for h in self.library.highlights(ids=changed) if tag.name in h.tags]
        self._list([*(h for h in self._highlights if h.id not in changed), *fresh], tag)

    def _list(self, highlights: list[Highlight], tag: Tag | None) -> None:
        self._highlights = sorted(highlights, key=_newest_first, reverse=True)
        self.delegate.colors = self._colors
        self.highlight_model.set_highlights(self._highlights)  # in place when it can
        self.highlight_list.viewport().update()  # colours may have changed
        if tag is None:
            self.status.setText(self.tr("Choose a tag to review its highlights."))
            self._set_filter(None)
            return
        articles = frozenset(h.article_id for h in self._highlights)
        self.status.setText(
            self.tr("{0}: {1} highlight(s) in {2} article(s), newest first").format(
                tag.name, len(self._highlights), len(articles)
            )
        )
        self._set_filter(articles)

    def _set_filter(self, articles: frozenset[int] | None) -> None:
        if articles != self._filter:
            self._filter = articles
            self.filter_changed.emit(articles)

    def _activated(self, index: QModelIndex) -> None:
        highlight = self.highlight_model.highlight_at(index.row())
        if highlight is not None:
            self.highlight_activated.emit(highlight.article_id, highlight.id)
