"""The find bar under the reader: every match in the open article, stepped through with F3 and
Shift+F3, "3 / 17", the current one centred.

It serves two askers: Ctrl+F (the analyst types; the text is found literally, folded the way
search folds it, so ＮＡＴＯ finds NATO) and an opened search result (the query's words and
phrases are marked, the step starts at the result's match). Matches are shown as the reader's
extra selections: the others underlined, so a highlight's tint stays visible beneath them; the
current one on an amber ground with the caret at its start and no text selection, whose colour
would hide the tint.
"""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTextEdit, QToolButton, QWidget

from briefing.core.normalize import fold_for_search
from briefing.services.search import spans_in_text
from briefing.ui import theme
from briefing.ui.reader import Reader

CURRENT = "#ffb300"  # amber, mixed into the page: the match the step is at
OTHER = "#e65100"  # a deep orange underline for every other match


class FindBar(QWidget):
    """Finds in ``reader``'s article; hidden until asked for."""

    closed = Signal()

    def __init__(self, reader: Reader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("find_bar")
        self.reader = reader
        self.spans: list[tuple[int, int]] = []
        self.current = -1
        self._terms: list[str] = []  # what is looked for, folded
        self._from_query = False  # the terms came from a search, not from the field
        self.field = QLineEdit(self)
        self.field.setObjectName("find_field")
        self.field.setClearButtonEnabled(True)
        self.field.setPlaceholderText(self.tr("Find in article"))
        self.count = QLabel(self)
        self.count.setObjectName("find_count")
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.setMinimumWidth(self.count.fontMetrics().horizontalAdvance("0000 / 0000"))
        previous = QToolButton(self)
        previous.setText(self.tr("Previous"))
        previous.setToolTip(self.tr("Previous match (Shift+F3)"))
        previous.clicked.connect(self.find_previous)
        following = QToolButton(self)
        following.setText(self.tr("Next"))
        following.setToolTip(self.tr("Next match (F3)"))
        following.clicked.connect(self.find_next)
        close = QToolButton(self)
        close.setText(self.tr("Close"))
        close.setToolTip(self.tr("Close the find bar (Esc)"))
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(close)
        self.field.textEdited.connect(self._typed)
        self.field.installEventFilter(self)
        self._document = reader.document()
        # A new article replaces the reader's document (textChanged tells it; a highlight
        # repaint changes formats in the same document and is ignored): find again there.
        reader.textChanged.connect(self._maybe_new_article)
        self.hide()

    def _maybe_new_article(self) -> None:
        if self.reader.document() is not self._document:
            self._document = self.reader.document()
            self.refresh()

    # --- asking ---------------------------------------------------------------------------------

    def open_find(self) -> None:
        """Ctrl+F: show the bar with the field focused (its text selected, to type over)."""
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        if self._from_query or not self.spans:
            self._typed(self.field.text())

    def show_terms(self, label: str, terms: list[str], near: int | None = None) -> None:
        """Mark every occurrence of the folded ``terms`` (a search's words) and step to the
        first at or after ``near``; ``label`` (the query) fills the field."""
        self.show()
        self.field.setText(label)
        self._from_query = True
        self._set_terms(terms, near)

    def refresh(self) -> None:
        """The reader shows another article (or the same one rebuilt): mark the matches
        there; the step starts with the next F3 (the view stays at the top)."""
        terms = self._terms if self.isVisible() else []
        before = self.spans
        self.spans = spans_in_text(self.reader.toPlainText(), terms) if terms else []
        if self.spans != before:  # the same text laid out again (zoom) keeps its step
            self.current = -1
        self._paint()

    def close_bar(self) -> None:
        self.hide()
        self.spans, self.current, self._terms = [], -1, []
        self.reader.set_find_selections([])
        self.reader.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    # --- stepping -------------------------------------------------------------------------------

    def find_next(self) -> None:
        self._step(1)

    def find_previous(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        if not self.isVisible():
            self.open_find()
            return
        if not self.spans:
            return
        if self.current < 0:
            self.current = 0 if direction > 0 else len(self.spans) - 1
        else:
            self.current = (self.current + direction) % len(self.spans)
        self._paint()
        self._centre()

    # --- inside -----------------------------------------------------------------------------------

    def _typed(self, text: str) -> None:
        self._from_query = False
        folded = fold_for_search(text).strip()
        self._set_terms([folded] if folded else [], self.reader.textCursor().position())

    def _set_terms(self, terms: list[str], near: int | None) -> None:
        self._terms = list(terms)
        text = self.reader.toPlainText()
        self.spans = spans_in_text(text, self._terms) if self._terms else []
        if not self.spans:
            self.current = -1
        else:
            starts = [start for start, _ in self.spans]
            at = bisect_left(starts, near) if near is not None else 0
            self.current = at if at < len(self.spans) else 0
        self._paint()
        if self.current >= 0:
            self._centre()

    def _paint(self) -> None:
        if not self.spans:
            self.count.setText(self.tr("No matches") if self._terms else "")
            self.reader.set_find_selections([])
            return
        if self.current < 0:
            count = len(self.spans)
            self.count.setText(
                self.tr("1 match") if count == 1 else self.tr("{0} matches").format(count)
            )
        else:
            self.count.setText(self.tr("{0} / {1}").format(self.current + 1, len(self.spans)))
        document = self.reader.document()
        other = QTextCharFormat()
        other.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        other.setUnderlineColor(QColor(OTHER))
        other.setFontUnderline(True)
        current = QTextCharFormat()
        current.setBackground(theme.tint(CURRENT, 0.75))
        current.setForeground(QColor(theme.current().reader_text))
        current.setFontWeight(QFont.Weight.Bold)
        selections = []
        for index, (start, end) in enumerate(self.spans):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = QTextCursor(document)
            selection.cursor.setPosition(start)
            selection.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.format = current if index == self.current else other
            selections.append(selection)
        self.reader.set_find_selections(selections)

    def _centre(self) -> None:
        """Caret at the current match's start (no selection), the match in the middle."""
        start, _ = self.spans[self.current]
        self.reader.place_caret(start)
        rect = self.reader.cursorRect(self.reader.textCursor())
        bar = self.reader.verticalScrollBar()
        bar.setValue(bar.value() + rect.center().y() - self.reader.viewport().height() // 2)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self._step(-1 if shift else 1)
                return True
        return False
