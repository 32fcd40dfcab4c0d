"""The reader: an article shown exactly as its canonical text, with its highlights painted on.

Each article is built into a new :class:`QTextDocument` *before* the reader shows it (an
unattached document has no layout, so building and tinting cost no relayout per insert: 5×
faster), and the document it replaces is deleted at once: a document per article parented to
the window and never freed grew the process by 134 MB over 1,200 opens. A change to the open
article's highlights repaints only the characters it touches, so the scroll position, the
caret and the selection stay.

The reader is read-only but keeps a keyboard caret, so an analyst can select with the keys;
links open in the system browser and nothing is ever fetched from the network.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

import shiboken6
from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDesktopServices,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPolygonF,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QToolTip, QWidget

from briefing.core.model import Highlight
from briefing.core.safe_text import plain_tooltip
from briefing.ui import theme
from briefing.ui.document import (
    HIGHLIGHT_ID,
    UNTAGGED,
    build_document,
    clear_highlights,
    paint_highlights,
    placed_in_order,
    tint_strengths,
)

EXTERNAL_SCHEMES = frozenset({"http", "https", "mailto"})
LOCAL_SCHEMES = frozenset({"", "file", "qrc", "data"})
BAND_HEIGHT, BAND_GAP, MAX_BANDS = 2.0, 1.0, 3
NOTE_MARK = QColor("#37474f")  # the light theme's (theme.LIGHT.note_mark); the dark one's is pale
FLASH = QColor("#ffb300")


def open_link(url: QUrl) -> bool:
    """Open a web or mail link in the system's browser; any other link does nothing."""
    if url.scheme().lower() in EXTERNAL_SCHEMES:
        return QDesktopServices.openUrl(url)
    return False


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


class LocalOnlyBrowser(QTextBrowser):
    """A text browser that never navigates and never loads anything remote."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(open_link)

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        # An article's or a note's Markdown may name remote images: never fetch them (no
        # tracking pixels, no waiting on the network); local resources load as usual.
        if QUrl(url).scheme().lower() not in LOCAL_SCHEMES:
            return None
        return super().loadResource(kind, url)

    def doSetSource(self, name: QUrl, kind: QTextDocument.ResourceType) -> None:
        """Never replace the shown document by navigating to a link."""


class Reader(LocalOnlyBrowser):
    """Shows one article and its highlights; finds the highlight under the caret."""

    HIGHLIGHT_ID = HIGHLIGHT_ID

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self._document = QTextDocument(self)
        self._document.setUndoRedoEnabled(False)
        self.setDocument(self._document)
        self.highlights: list[Highlight] = []  # placed ones, in text order
        self._starts: list[int] = []
        self.colors: dict[str, str] = {}
        self.menu_actions: list = []  # the window's highlight actions, atop the context menu
        self.find_selections: list[QTextEdit.ExtraSelection] = []  # the find bar's matches
        self._flash = QTimer(self, singleShot=True, interval=700)
        self._flash.timeout.connect(lambda: self.setExtraSelections(self.find_selections))

    # --- what is shown -------------------------------------------------------------------------

    def show_article(
        self, body: str, highlights: Iterable[Highlight], colors: dict[str, str]
    ) -> None:
        """Show an article from the top, its highlights painted."""
        self._flash.stop()
        self.find_selections = []  # of the article shown before: the find bar finds again
        self.setExtraSelections([])
        document = build_document(body, self.font(), self._new_document())
        self._remember(highlights, colors)
        paint_highlights(document, self.highlights, colors)
        self._replace_document(document)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.verticalScrollBar().setValue(0)

    def _new_document(self) -> QTextDocument:
        # No parent while it is built: a document parented to the reader has a layout that
        # would follow every insert. It is parented (owned) once shown.
        document = QTextDocument()
        document.setUndoRedoEnabled(False)
        return document

    def _replace_document(self, document: QTextDocument) -> None:
        """Show ``document`` and free the one it replaces (the leak this module is about)."""
        old = self._document
        document.setParent(self)
        self._document = document
        self.setDocument(document)
        if shiboken6.isValid(old):
            old.setParent(None)
            shiboken6.delete(old)

    def clear_article(self) -> None:
        self.find_selections = []
        self.setExtraSelections([])
        self._replace_document(self._new_document())
        self._remember((), {})

    def update_highlights(
        self, highlights: Iterable[Highlight], colors: dict[str, str]
    ) -> list[tuple[int, int]]:
        """Repaint in place what differs from what is shown; returns the repainted ranges."""
        old = {h.id: h for h in self.highlights}
        old_strengths = tint_strengths(self.highlights)
        new_list = placed_in_order(highlights)
        new = {h.id: h for h in new_list}
        new_strengths = tint_strengths(new_list)
        recolored = colors != self.colors
        dirty: list[tuple[int, int]] = []
        for highlight_id in old.keys() | new.keys():
            before, after = old.get(highlight_id), new.get(highlight_id)
            if (
                before == after
                and not recolored
                and old_strengths.get(highlight_id) == new_strengths.get(highlight_id)
            ):
                continue
            dirty += [(h.selector.start, h.selector.end) for h in (before, after) if h]
        self._remember(new_list, colors)
        dirty = _merge(dirty)
        for start, end in dirty:
            clear_highlights(self._document, start, end)
        if dirty:
            paint_highlights(self._document, self.highlights, colors, dirty)
        self.viewport().update()  # the bands and note marks are painted over the text
        return dirty

    def _remember(self, highlights: Iterable[Highlight], colors: dict[str, str]) -> None:
        self.highlights = placed_in_order(highlights)
        self._starts = [h.selector.start for h in self.highlights]
        self.colors = dict(colors)

    # --- where the caret is --------------------------------------------------------------------

    def highlight_at(self, position: int) -> Highlight | None:
        """The highlight holding ``position``; at a highlight's very end (where the caret
        lands after making one) that highlight, when no other holds the position."""
        candidates = self.highlights[: bisect_right(self._starts, position)]
        inside = [h for h in candidates if h.selector.start <= position < h.selector.end]
        if inside:
            return min(inside, key=lambda h: h.selector.end - h.selector.start)
        at_end = [h for h in candidates if h.selector.end == position]
        return at_end[-1] if at_end else None

    def caret_highlight(self) -> Highlight | None:
        """The highlight under the caret, when nothing is selected."""
        cursor = self.textCursor()
        return None if cursor.hasSelection() else self.highlight_at(cursor.position())

    def selection_span(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return cursor.selectionStart(), cursor.selectionEnd()

    def place_caret(self, position: int) -> None:
        cursor = QTextCursor(self._document)
        cursor.setPosition(min(position, self._document.characterCount() - 1))
        self.setTextCursor(cursor)

    def reveal(self, highlight: Highlight) -> None:
        """Put the caret in ``highlight``, scroll it to the middle of the view, flash it."""
        start, end = highlight.selector.start, highlight.selector.end
        self.place_caret(start)
        rect = self.cursorRect(self.textCursor())
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.center().y() - self.viewport().height() // 2)
        flash = QTextEdit.ExtraSelection()
        flash.cursor = QTextCursor(self._document)
        flash.cursor.setPosition(start)
        flash.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        flash.format.setBackground(FLASH)
        self.setExtraSelections([*self.find_selections, flash])
        self._flash.start()

    def set_find_selections(self, selections: list[QTextEdit.ExtraSelection]) -> None:
        """Show the find bar's matches (kept under a highlight's flash)."""
        self.find_selections = list(selections)
        if not self._flash.isActive():
            self.setExtraSelections(self.find_selections)

    # --- painting tags beyond the first, note marks, tool tips ----------------------------------

    def _line_rects(self, start: int, end: int) -> list[QRectF]:
        """Viewport rectangles of ``[start, end)``, one per line it covers."""
        rects: list[QRectF] = []
        layout_of = self._document.documentLayout()
        dx = -self.horizontalScrollBar().value()
        dy = -self.verticalScrollBar().value()
        block = self._document.findBlock(start)
        while block.isValid() and block.position() < end:
            origin = layout_of.blockBoundingRect(block).topLeft()
            layout, base = block.layout(), block.position()
            for index in range(layout.lineCount()):
                line = layout.lineAt(index)
                s = max(start, base + line.textStart())
                e = min(end, base + line.textStart() + line.textLength())
                if s < e:
                    x1 = line.cursorToX(s - base)[0]
                    x2 = line.cursorToX(e - base)[0]
                    rects.append(
                        QRectF(
                            origin.x() + min(x1, x2) + dx,
                            origin.y() + line.y() + dy,
                            abs(x2 - x1),
                            line.height(),
                        )
                    )
            block = block.next()
        return rects

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.highlights:
            return
        first = self.cursorForPosition(QPoint(0, 0)).position()
        last = self.cursorForPosition(
            QPoint(self.viewport().width(), self.viewport().height())
        ).position()
        painter = QPainter(self.viewport())
        for highlight in self.highlights[: bisect_right(self._starts, last)]:
            if highlight.selector.end < first:
                continue
            extra, note = highlight.tags[1 : 1 + MAX_BANDS], highlight.note.strip()
            if not extra and not note:
                continue
            rects = self._line_rects(highlight.selector.start, highlight.selector.end)
            # Each tag after the first: a band in its full colour under every line.
            for index, tag in enumerate(extra):
                color = QColor(self.colors.get(tag, UNTAGGED))
                for rect in rects:
                    y = rect.bottom() + 1 + index * (BAND_HEIGHT + BAND_GAP)
                    painter.fillRect(QRectF(rect.left(), y, rect.width(), BAND_HEIGHT), color)
            if note and rects:  # a small dog-ear at the highlight's end says "has a note"
                corner = rects[-1].topRight()
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(theme.current().note_mark))  # visible on both themes
                painter.drawPolygon(
                    QPolygonF([corner, corner + QPoint(-7, 0), corner + QPoint(0, 7)])
                )
        painter.end()

    def tooltip_for(self, highlight: Highlight) -> str:
        tags = ", ".join(highlight.tags) if highlight.tags else self.tr("(no tag)")
        note = highlight.note.strip()
        return f"{tags}\n{note}" if note else tags

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            position = self.cursorForPosition(event.pos()).position()
            highlight = self.highlight_at(position)
            if highlight is not None:
                tip = plain_tooltip(self.tooltip_for(highlight))
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        first = menu.actions()[0] if menu.actions() else None
        for action in self.menu_actions:
            menu.insertAction(first, action)
        if self.menu_actions:
            menu.insertSeparator(first)
        menu.exec(event.globalPos())
        menu.deleteLater()
